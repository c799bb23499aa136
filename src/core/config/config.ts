/**
 * Stage: config and schema (src/core/config/). In: the config file (or none), the command line's rule severities and
 * the rules' metadata. Out: the resolved config (rules per path, include/ignore, limits, the publishing profile of
 * site.ts) and its JSON Schema (schema.ts).
 *
 * Finding, validating and resolving the configuration. Errors name the file, the key and what was expected, one
 * line each and all of them; a JSON syntax error gives its line and column.
 */
import { existsSync, lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject } from 'ajv';
import { distance } from 'fastest-levenshtein';
import { ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { RuleModule, Site } from '../parse/rule.js';
import { siteProfile, type SiteModel } from './site.js';
import { siteEntryPoints } from './entry-points.js';
import { configSchema } from './schema.js';
import { resolveExternal, type ExternalSettings } from '../external/settings.js';
import { IoError, LIMITS, readBounded } from '../io/index.js';
import { applyTrust, type Trust } from './trust.js';
import { globProblem } from './linear-pattern.js';
import type { Severity, SeverityName } from '../../types.js';

export type RuleSetting = SeverityName | Severity | [SeverityName | Severity, Record<string, unknown>?];

export interface UserConfig {
  repository?: string;
  branch?: string;
  include?: string[];
  ignore?: string[];
  rules?: Record<string, RuleSetting>;
  /** `ignores`: the former name of `ignore`, still read (with a deprecation warning). */
  overrides?: { files: string[]; ignore?: string[]; ignores?: string[]; rules?: Record<string, RuleSetting> }[];
  mirrors?: Record<string, string>;
  maxFileSize?: number;
  /** Seconds of CPU time a file may take to lint per MiB of it; every file gets twice that more (0: no limit; at least 0.5). */
  fileTimeBudget?: number;
  /** Past this many messages in one file, the rest are one summary message. */
  maxMessagesPerFile?: number;
  external?: Record<string, unknown>;
  /** Where the archive is published (default: detected, else `github`). */
  site?: Site;
  /** The published site's root folder, root-relative (default: from book.toml or mkdocs.yml). */
  siteRoot?: string;
  /** Paths outside the published site's root that exist where it is published (relative to the site root). */
  siteExternal?: string[];
}

export interface RuleConfig {
  severity: Severity;
  options: Record<string, unknown>;
}

export type RuleConfigs = Record<string, RuleConfig>;

/** A config that cannot be used. Its message has one line a problem, each naming the file. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * The candidate closest to a mistyped word, if close enough to be what was meant: a few edits away (one for a word
 * of three letters or fewer, else two or a third of its length), else the only candidate the word begins. For
 * config keys, options and commands.
 */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = (word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3))) + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined || word.length < 3) return best;
  const prefixed = candidates.filter((c) => c.startsWith(word));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/**
 * The config files looked up at the root, in this order (then `package.json`'s `archive-lint` key). JSON only: a
 * JavaScript config runs code, so it is loaded only when named (`--config`, the Action's `config` input), never
 * because a file of that name is in the tree (a pull request could add one).
 */
export const CONFIG_FILES = ['archive-lint.config.json', '.archive-lintrc.json'];
/** JavaScript configs: never looked up; found at the root, they are named in a warning. */
export const SCRIPT_CONFIG_FILES = ['archive-lint.config.js', 'archive-lint.config.mjs', 'archive-lint.config.cjs', '.archive-lintrc.js', '.archive-lintrc.mjs', '.archive-lintrc.cjs'];

export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown'];
export const DEFAULT_IGNORE = ['**/node_modules/**'];
/** The largest file proven to lint in at most 1.5 GB whatever it holds (a 4 MiB page of 90,000 broken links: 1.3 GB). */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
/** Seconds per MiB: a file gets 10 s, and 5 s more per MiB (a 2.7 MB index page takes about 2 s). */
export const DEFAULT_FILE_TIME_BUDGET = 5;
export const DEFAULT_MAX_MESSAGES_PER_FILE = 1000;

/** A file's time budget (the parsing workers stop a file past it). */
export interface TimeBudget {
  /** Milliseconds every file gets. */
  baseMs: number;
  /** Milliseconds more per MiB of the file. */
  perMiBMs: number;
}

/**
 * The least `fileTimeBudget` a run uses (seconds of CPU time per MiB; a file gets twice that more): a smaller
 * one would stop files over the tick of the clocks that measure it (10 ms of CPU time, a check every 100 ms) and
 * the noise of a cold start, and so give another answer from one run to the next.
 */
export const MIN_FILE_TIME_BUDGET = 0.5;

/** A file's time budget from `fileTimeBudget` (seconds of CPU time per MiB, at least the floor), or false for none. */
export function timeBudgetOf(secondsPerMiB: number): TimeBudget | false {
  if (!(secondsPerMiB > 0)) return false;
  const s = Math.max(secondsPerMiB, MIN_FILE_TIME_BUDGET);
  return { baseMs: 2000 * s, perMiBMs: 1000 * s };
}

export function severityOf(value: SeverityName | Severity): Severity {
  if (value === 'off' || value === 0) return 0;
  if (value === 'warn' || value === 1) return 1;
  return 2;
}

/** Does the path exist (a symbolic link, even a broken one, counts: it is refused when read, not passed over)? */
function present(p: string): boolean {
  return lstatSync(p, { throwIfNoEntry: false }) !== undefined;
}

/** The config file at the root, if any (JSON only: see CONFIG_FILES). */
export function findConfig(root: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const p = join(root, name);
    if (present(p)) return p;
  }
  const pkg = join(root, 'package.json');
  if (present(pkg)) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(readBounded(pkg, { maxBytes: LIMITS.config, root, what: 'package.json' }).toString('utf8')) as Record<string, unknown>;
    } catch (e) {
      // A package.json that is a link out of the root, a device or too large is said; one that is not JSON is not ours.
      if (e instanceof IoError) throw new ConfigError(e.message);
      return undefined;
    }
    if (data !== null && typeof data === 'object' && data['archive-lint'] !== undefined) return `${pkg}#archive-lint`;
  }
  return undefined;
}

/** JavaScript configs at the root that lookup passes over (for a warning: they are not loaded). */
export function scriptConfigsAt(root: string): string[] {
  return SCRIPT_CONFIG_FILES.filter((name) => present(join(root, name)));
}

function jsonAt(text: string, file: string): unknown {
  // A BOM (Windows editors write one) is no reason to refuse a file.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const at = jsonSyntaxError(body);
    if (!at) throw new ConfigError(`${file}: invalid JSON: ${(e as Error).message}`);
    const before = body.slice(0, at.offset).split(/\r\n|\r|\n/);
    const line = before.length;
    const column = (before[line - 1] as string).length + 1;
    throw new ConfigError(`${file}:${line}:${column}: invalid JSON: ${at.message}`);
  }
}

const JSON_FAULTS: Record<number, string> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected text (JSON has objects, arrays, strings in double quotes, numbers, true, false and null)',
  [ParseErrorCode.InvalidNumberFormat]: 'a malformed number',
  [ParseErrorCode.PropertyNameExpected]: 'expected a key in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value (an object, array, string in double quotes, number, true, false or null)',
  [ParseErrorCode.ColonExpected]: "expected ':' after the key",
  [ParseErrorCode.CommaExpected]: "expected ',' before the next value",
  [ParseErrorCode.CloseBraceExpected]: "expected '}'",
  [ParseErrorCode.CloseBracketExpected]: "expected ']'",
  [ParseErrorCode.EndOfFileExpected]: 'expected the end of the file after the value',
  [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON',
  [ParseErrorCode.UnexpectedEndOfComment]: 'comments are not allowed in JSON',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string with no closing \'"\' on its line (a line break in a string is written \\n)',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'an unfinished number',
  [ParseErrorCode.InvalidUnicode]: "expected four hex digits after '\\u'",
  [ParseErrorCode.InvalidEscapeCharacter]: 'an invalid escape (JSON has \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  [ParseErrorCode.InvalidCharacter]: 'a control character in a string (it must be escaped)',
};

/**
 * Where a text that JSON.parse refused goes wrong, and how, from jsonc-parser (VS Code's JSON scanner, made for
 * exactly this: V8's messages differ between Node versions and some give no position). The first fault, or
 * undefined when there is none.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let first: { offset: number; message: string } | undefined;
  visit(
    text,
    {
      onError: (code, offset, length) => {
        if (first) return;
        const token = text.slice(offset, offset + Math.min(length, 24)).split(/\r\n|\r|\n/)[0] as string;
        const found = offset >= text.length ? 'the end of the file' : token === '' ? 'a line break' : `'${token}${length > token.length ? '…' : ''}'`;
        // A trailing comma, the commonest slip of a hand-edited config, is named as such.
        const trailing = (token === ']' || token === '}') && /,\s*$/.test(text.slice(0, offset)) ? ` (a comma before '${token}' is not allowed)` : '';
        first = { offset, message: `${JSON_FAULTS[code] ?? printParseErrorCode(code)}${trailing}, found ${found}` };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return first;
}

/** Is the config a JavaScript module (which runs code when loaded)? */
export function isScriptConfig(file: string): boolean {
  return /\.[cm]?js$/.test(file.split('#')[0] as string);
}

/**
 * Load a config file (or `package.json#archive-lint`) as raw data. A JSON config is read through the bounded
 * reader: a regular file of at most 1 MiB, and, given the archive `root`, not a symbolic link that leaves it
 * (a config linked to /proc/self/environ is refused unread, never quoted). A JavaScript config is imported: only
 * ever one named on the command line or as the Action's input (`loadConfig` never looks one up).
 */
export async function loadConfigFile(file: string, root?: string): Promise<unknown> {
  const [path, key] = file.split('#') as [string, string | undefined];
  let text: string;
  if (!isScriptConfig(path)) {
    try {
      text = readBounded(path, { maxBytes: LIMITS.config, what: 'config file', ...(root === undefined ? {} : { root }) }).toString('utf8');
    } catch (e) {
      if (e instanceof IoError) throw new ConfigError(e.message);
      throw e;
    }
    const data = jsonAt(text, path);
    return key ? (data as Record<string, unknown>)[key] : data;
  }
  try {
    const mod = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
    return mod.default;
  } catch (e) {
    throw new ConfigError(`${path}: cannot load the config module: ${(e as Error).message}`);
  }
}

function keyPath(instancePath: string): string {
  if (instancePath === '') return '(top level)';
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function describe(error: ErrorObject): string {
  const where = keyPath(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parent?.properties ?? {});
      const full = where === '(top level)' ? key : `${where}.${key}`;
      const near = closestName(key, known);
      const list = known.join(', ');
      if (near !== undefined) return `unknown key '${full}'; did you mean '${near}'?${list ? ` Expected one of: ${list}` : ''}`;
      return `unknown key '${full}'${list ? `; expected one of: ${list}` : ''}`;
    }
    case 'enum':
      return `'${where}': expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `'${where}': expected ${String(p.type)}`;
    case 'required':
      return `'${where}': missing key '${String(p.missingProperty)}'`;
    case 'pattern':
      return `'${where}': expected a string matching ${String(p.pattern)}`;
    case 'propertyNames':
      return `'${where}': key '${String(p.propertyName)}' is not an owner/name`;
    default:
      return `'${where}': ${error.message ?? 'invalid'}`;
  }
}

/** The most useful of ajv's errors: the deepest, preferring concrete keywords over oneOf. */
function bestError(errors: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject) => (e.keyword === 'oneOf' || e.keyword === 'anyOf' ? 0 : e.keyword === 'enum' || e.keyword === 'type' ? 1 : 2);
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || rank(b) - rank(a))[0] as ErrorObject;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * One error a mistake. Of a oneOf (a rule setting is a severity or an array), only the branch meant counts: the
 * one with the deepest error; its errors are told, or the oneOf's when none is. In ajv's order.
 */
function mistakes(errors: ErrorObject[]): ErrorObject[] {
  const choices = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  // The outermost choice an error falls under: the same instance, a branch of its schema.
  const choiceOf = (e: ErrorObject) =>
    choices
      .filter((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`) && under(e.instancePath, c.instancePath))
      .concat(choices.includes(e) ? [e] : [])
      .sort((a, b) => a.schemaPath.length - b.schemaPath.length)[0];
  const groups = new Map<ErrorObject | undefined, ErrorObject[]>();
  const order: ErrorObject[] = [];
  for (const e of errors) {
    const c = choiceOf(e);
    if (c === undefined) {
      order.push(e);
      continue;
    }
    const group = groups.get(c);
    if (group) group.push(e);
    else {
      groups.set(c, [e]);
      order.push(c);
    }
  }
  return order.flatMap((e) => {
    const group = groups.get(e);
    if (!group) return [e];
    const best = bestError(group);
    const branch = best.schemaPath.slice(e.schemaPath.length).match(/^\/\d+\//)?.[0];
    return branch === undefined ? [best] : mistakes(group.filter((x) => x.schemaPath.startsWith(`${e.schemaPath}${branch}`)));
  });
}

/**
 * ajv (CommonJS), loaded on the first config file: a run without one does not pay for it. `loadConfig` imports it
 * (a dynamic import, which bundlers follow: the Action's bundle carries it, since GitHub installs nothing for an
 * action); a direct call of `validateConfig` requires it from the installed package.
 */
let ajvClass: typeof AjvType | undefined;
const loadAjv = (): typeof AjvType => (ajvClass ??= (createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvType }).Ajv);
async function importAjv(): Promise<void> {
  ajvClass ??= (await import('ajv')).Ajv;
}

export function validateConfig(data: unknown, file: string, rules: readonly RuleModule[]): UserConfig {
  const Ajv = loadAjv();
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const validate = ajv.compile(configSchema(rules));
  if (!validate(data)) {
    const lines = [...new Set(mistakes(validate.errors ?? []).map((e) => `${file}: ${describe(e)}`))];
    throw new ConfigError(lines.join('\n'));
  }
  return data as UserConfig;
}

export interface ResolvedConfig {
  file: string | undefined;
  /** What it was resolved from (for workers, which resolve it again, and for the cache key). */
  source: { config: UserConfig; cliRules: Record<string, Severity> };
  repository: string | undefined;
  branch: string | undefined;
  include: string[];
  ignore: string[];
  mirrors: Record<string, string>;
  maxFileSize: number;
  /** Each file's time budget on the workers (false: none). */
  timeBudget: TimeBudget | false;
  maxMessagesPerFile: number;
  site: Site;
  /** The published site's root, root-relative ('' for the root). */
  siteRoot: string;
  siteExternal: string[];
  /** Where the profile came from (`detected from book.toml`, `the config`, `the default`), for the summary. */
  siteSource?: string;
  /** The profile's entry points (globs): pages a reader reaches without a link (see entry-points.ts). */
  siteEntryPoints?: string[];
  /** How the site's generator makes pages, URLs and ids (from its own config file). */
  siteModel?: SiteModel;
  /** The `external` block with its defaults (used when external checks are on). */
  external: ExternalSettings;
  /** Rule settings per file. */
  rulesFor(path: string): RuleConfigs;
  /** What loading the config has to say (a JavaScript config passed over, a guard the config set): for stderr. */
  warnings?: string[];
  /** A guard the config set, honoured or ignored (said when external checks run: only they are guarded). */
  guardWarnings?: string[];
  /** Keys of the config file read under a former name: one line each, naming the file, the key and the new one. */
  deprecations?: string[];
}

/**
 * Config keys renamed so that one idea has one name, still read under their former names: each a line saying
 * which key to write instead. `overrides[].ignores` is `ignore`, as at the top level; no-raw-html's
 * `allow: ["entities"]` (a tag name standing for every entity) is `kinds: { "entity": "off" }`.
 */
export function deprecations(config: UserConfig, file: string): string[] {
  const out: string[] = [];
  (config.overrides ?? []).forEach((o, i) => {
    if (o.ignores !== undefined) out.push(`${file}: 'overrides[${i}].ignores' is deprecated: write 'overrides[${i}].ignore', as the top-level 'ignore'`);
  });
  const allows = (rules: Record<string, RuleSetting> | undefined, where: string) => {
    const setting = rules?.['no-raw-html'];
    const options = Array.isArray(setting) ? setting[1] : undefined;
    if (Array.isArray(options?.allow) && options.allow.includes('entities')) {
      out.push(`${file}: '${where}' lists "entities", which is deprecated: write "kinds": { "entity": "off" } in no-raw-html's options instead`);
    }
  };
  allows(config.rules, "rules['no-raw-html'][1].allow");
  (config.overrides ?? []).forEach((o, i) => allows(o.rules, `overrides[${i}].rules['no-raw-html'][1].allow`));
  return out;
}

function settingToConfig(setting: RuleSetting, base: RuleConfig): RuleConfig {
  if (Array.isArray(setting)) {
    const [sev, options] = setting;
    return { severity: severityOf(sev), options: options ? { ...options } : base.options };
  }
  return { severity: severityOf(setting), options: base.options };
}

function applyRules(target: RuleConfigs, settings: Record<string, RuleSetting> | undefined): void {
  for (const [id, setting] of Object.entries(settings ?? {})) {
    const base = target[id];
    if (base) target[id] = settingToConfig(setting, base);
  }
}

/** Merge defaults, the config and command-line overrides (`--rule id=severity`). */
export function resolveConfig(
  config: UserConfig,
  file: string | undefined,
  rules: readonly RuleModule[],
  cliRules: Record<string, Severity> = {},
  command: { audit?: boolean } = {},
): ResolvedConfig {
  const base: RuleConfigs = {};
  // An audit runs the whole-archive rules too (no-orphans, no-unused-files) unless the config says otherwise.
  for (const r of rules) base[r.meta.id] = { severity: severityOf((command.audit ? r.meta.auditSeverity : undefined) ?? r.meta.defaultSeverity), options: {} };
  applyRules(base, config.rules);
  const overrides = (config.overrides ?? []).map((o) => ({
    match: picomatch(o.files, { dot: true, ignore: [...(o.ignore ?? []), ...(o.ignores ?? [])] }),
    rules: o.rules,
  }));
  const memo = new Map<string, RuleConfigs>();
  const external = resolveExternal(config.external);
  if (external.errors.length) throw new ConfigError(external.errors.map((e) => `${file ?? 'config'}: ${e}`).join('\n'));
  return {
    file,
    source: { config, cliRules },
    repository: config.repository,
    branch: config.branch,
    include: config.include ?? DEFAULT_INCLUDE,
    ignore: [...DEFAULT_IGNORE, ...(config.ignore ?? [])],
    mirrors: config.mirrors ?? {},
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    timeBudget: timeBudgetOf(config.fileTimeBudget ?? DEFAULT_FILE_TIME_BUDGET),
    maxMessagesPerFile: config.maxMessagesPerFile ?? DEFAULT_MAX_MESSAGES_PER_FILE,
    site: config.site ?? 'github',
    siteRoot: config.siteRoot ?? '',
    siteExternal: config.siteExternal ?? [],
    external: external.settings,
    rulesFor(path: string): RuleConfigs {
      const matched = overrides.filter((o) => o.match(path));
      const key = matched.map((o) => overrides.indexOf(o)).join(',');
      let result = memo.get(key);
      if (!result) {
        result = Object.fromEntries(Object.entries(base).map(([id, c]) => [id, { ...c }]));
        for (const o of matched) applyRules(result, o.rules);
        for (const [id, sev] of Object.entries(cliRules)) {
          const c = result[id];
          if (c) c.severity = sev;
        }
        memo.set(key, result);
      }
      return result;
    },
  };
}

/** Refuse globs that picomatch cannot match in bounded time (see linear-pattern.ts), naming the key. */
function checkGlobs(config: UserConfig, file: string): void {
  const lists: [string, string[] | undefined][] = [
    ['include', config.include],
    ['ignore', config.ignore],
    ...(config.overrides ?? []).flatMap((o, k): [string, string[] | undefined][] => [
      [`overrides[${k}].files`, o.files],
      [`overrides[${k}].ignores`, o.ignores],
    ]),
  ];
  const lines: string[] = [];
  for (const [key, globs] of lists) {
    (globs ?? []).forEach((g, k) => {
      const why = globProblem(g);
      if (why) lines.push(`${file}: '${key}[${k}]': a glob with ${why}`);
    });
  }
  if (lines.length) throw new ConfigError(lines.join('\n'));
}

/**
 * Find (or take) the config file, validate it and resolve it. A looked-up config is JSON (never a JavaScript
 * config: those load only when named), read bounded and never through a link out of the root; `trust` says
 * whether it may lower a guard (not in CI, not in the Action) and gives the guards of the command line;
 * `command` is what the command itself turns on (an audit runs the graph rules).
 */
export async function loadConfig(
  root: string,
  explicit: string | undefined,
  rules: readonly RuleModule[],
  cliRules: Record<string, Severity> = {},
  cwd: string = root,
  trust: Trust = { untrustedConfig: false },
  command: { audit?: boolean } = {},
): Promise<ResolvedConfig> {
  const file = explicit ? resolve(cwd, explicit) : findConfig(root);
  if (explicit && !existsSync(file as string)) throw new ConfigError(`${explicit}: config file not found`);
  const warnings: string[] = [];
  if (!explicit) {
    for (const name of scriptConfigsAt(root)) {
      warnings.push(`${join(root, name)} not loaded: a JavaScript config runs code, so it is loaded only when named with --config (or the Action's config input)${file ? `; using ${file}` : ''}`);
    }
  }
  // With no config file there is nothing to validate: the defaults are valid.
  if (file) await importAjv();
  // Read within the root: even a config named on the command line, when it is in the archive, is the archive's file.
  const validated = file ? validateConfig((await loadConfigFile(file, root)) ?? {}, file, rules) : {};
  if (file) checkGlobs(validated, file);
  const trusted = applyTrust(validated, file, trust);
  const config = trusted.config;
  // The publishing profile, detected once here: workers (and the cache key) get it with the config.
  const profile = siteProfile(root, config);
  const resolved = resolveConfig({ ...config, site: profile.site, siteRoot: profile.siteRoot }, file, rules, cliRules, command);
  resolved.siteSource = profile.source;
  resolved.siteEntryPoints = siteEntryPoints(root, profile);
  resolved.warnings = warnings;
  resolved.guardWarnings = trusted.warnings;
  resolved.siteModel = profile.model;
  if (file) {
    const old = deprecations(config, file);
    if (old.length) resolved.deprecations = old;
  }
  return resolved;
}
