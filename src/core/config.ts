/** Finding, validating and resolving the configuration. Errors name the file, the key and what was expected. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject } from 'ajv';
import picomatch from 'picomatch';
import type { RuleModule } from './rule.js';
import { configSchema } from './schema.js';
import type { Severity, SeverityName } from '../types.js';

export type RuleSetting = SeverityName | Severity | [SeverityName | Severity, Record<string, unknown>?];

export interface UserConfig {
  repository?: string;
  branch?: string;
  include?: string[];
  ignore?: string[];
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; ignores?: string[]; rules?: Record<string, RuleSetting> }[];
  mirrors?: Record<string, string>;
  maxFileSize?: number;
  external?: Record<string, unknown>;
}

export interface RuleConfig {
  severity: Severity;
  options: Record<string, unknown>;
}

export type RuleConfigs = Record<string, RuleConfig>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILES = ['archive-lint.config.json', 'archive-lint.config.js', 'archive-lint.config.mjs', '.archive-lintrc.json'];

export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown'];
export const DEFAULT_IGNORE = ['**/node_modules/**'];
export const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;

export function severityOf(value: SeverityName | Severity): Severity {
  if (value === 'off' || value === 0) return 0;
  if (value === 'warn' || value === 1) return 1;
  return 2;
}

/** The config file at the root, if any. */
export function findConfig(root: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const p = join(root, name);
    if (existsSync(p)) return p;
  }
  const pkg = join(root, 'package.json');
  if (existsSync(pkg)) {
    try {
      const data = JSON.parse(readFileSync(pkg, 'utf8')) as Record<string, unknown>;
      if (data['archive-lint'] !== undefined) return `${pkg}#archive-lint`;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function jsonAt(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: invalid JSON: ${(e as Error).message}`);
  }
}

/** Load a config file (or `package.json#archive-lint`) as raw data. */
export async function loadConfigFile(file: string): Promise<unknown> {
  const [path, key] = file.split('#') as [string, string | undefined];
  let text: string;
  if (!path.endsWith('.js') && !path.endsWith('.mjs')) {
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new ConfigError(`${path}: cannot read the config file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
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
      return `unknown key '${full}'${known.length ? `; expected one of: ${known.join(', ')}` : ''}`;
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

/** ajv (CommonJS), loaded on the first config file: a run without one does not pay for it. */
const loadAjv = () => (createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvType }).Ajv;

export function validateConfig(data: unknown, file: string, rules: readonly RuleModule[]): UserConfig {
  const Ajv = loadAjv();
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const validate = ajv.compile(configSchema(rules));
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // A rule setting that is a severity but wrong gives a type error on the array branch: report the enum.
    throw new ConfigError(`${file}: ${describe(bestError(errors))}`);
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
  /** Rule settings per file. */
  rulesFor(path: string): RuleConfigs;
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
): ResolvedConfig {
  const base: RuleConfigs = {};
  for (const r of rules) base[r.meta.id] = { severity: severityOf(r.meta.defaultSeverity), options: {} };
  applyRules(base, config.rules);
  const overrides = (config.overrides ?? []).map((o) => ({
    match: picomatch(o.files, { dot: true, ignore: o.ignores }),
    rules: o.rules,
  }));
  const memo = new Map<string, RuleConfigs>();
  return {
    file,
    source: { config, cliRules },
    repository: config.repository,
    branch: config.branch,
    include: config.include ?? DEFAULT_INCLUDE,
    ignore: [...DEFAULT_IGNORE, ...(config.ignore ?? [])],
    mirrors: config.mirrors ?? {},
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
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

/** Find (or take) the config file, validate it and resolve it. */
export async function loadConfig(
  root: string,
  explicit: string | undefined,
  rules: readonly RuleModule[],
  cliRules: Record<string, Severity> = {},
  cwd: string = root,
): Promise<ResolvedConfig> {
  const file = explicit ? resolve(cwd, explicit) : findConfig(root);
  if (explicit && !existsSync(file as string)) throw new ConfigError(`${explicit}: config file not found`);
  // With no config file there is nothing to validate: the defaults are valid.
  const config = file ? validateConfig((await loadConfigFile(file)) ?? {}, file, rules) : {};
  return resolveConfig(config, file, rules, cliRules);
}
