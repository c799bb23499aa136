/**
 * The command line: a thin adapter on the core. `main` returns the exit code; it never calls process.exit.
 * Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 the run could not be done as asked.
 */
import { closeSync, existsSync, lstatSync, openSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { cacheKey, lint, type LintReport } from '../core/run/engine.js';
import { linksToCommand } from './links-to.js';
import { mvCommand } from './mv.js';
import type { ArchiveSetup } from './setup.js';
import { closestName, ConfigError, loadConfig, severityOf, type ResolvedConfig } from '../core/config/config.js';
import { inCi, type Trust, type TrustedGuards } from '../core/config/trust.js';
import { severityFor } from '../core/parse/rule.js';
import { gitBranch, gitRemoteRepo, gitTopLevel } from '../core/walk/git.js';
import { parseRepoSlug, type RepoIdentity } from '../core/links/github.js';
import { errorsOnly, totals } from '../core/report/results.js';
import { rules, rulesModule } from '../rule-set.js';
import { formatters, type FormatContext } from '../formatters/index.js';
import { writeHtmlReport } from './report.js';
import { interruptedStatus } from './signals.js';
import { noCacheLock } from '../core/fix/lock.js';
import { jsonChunks } from '../formatters/json.js';
import { ruleDoc, rulesJson, rulesMarkdown, rulesText } from './rules-table.js';
import { summaryText } from './summary-text.js';
import { graphText } from './graph-text.js';
import { Progress } from './progress.js';
import { version } from '../version.js';
import picomatch from 'picomatch';
import { pathSelector } from '../core/walk/select.js';
import { REPOSITORY_URL } from '../repository.js';
import { defaultCacheLocation, makeFolder } from '../core/cache/cache.js';
import { machineSecret, secretFile } from '../core/cache/secret.js';
import { ChangeError, changeSet, stagedText, type ChangeSet } from '../core/walk/changed.js';
import { classifiedLine, FILTERS, leftOutLine, resultFilter, type Filter } from '../core/report/filter.js';
import { unifiedDiff } from './diff.js';
import type { LintResult, Severity } from '../types.js';
import { URL_STATUSES } from '../core/external/status.js';
import type { CheckProgress } from '../core/external/checker.js';
import type { ExternalReport } from '../core/external/phase.js';
import { visible } from '../core/walk/text.js';
import { parseShard, type Shard } from '../core/walk/shard.js';
import { applyRenames } from '../core/report/baseline.js';
import { BaselineError, BaselineRun, loadBaseline, renamesSince } from './baseline.js';
import { mergeCommand } from './merge.js';
import { blocks, type MainIO, type Output } from './io.js';
import { checkTarget, IoError, LIMITS, readBoundedIfAny, writeFileAtomic } from '../core/io/index.js';

export type { MainIO, Output } from './io.js';

class UsageError extends Error {}

const COMMANDS = new Set(['check', 'audit', 'merge-reports', 'rules', 'init', 'lsp', 'links-to', 'mv']);

/** `--concurrency` is capped at this many worker threads a core, and at most `MAX_WORKERS` in all. */
const WORKERS_PER_CORE = 4;
const MAX_WORKERS = 64;

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  root: { type: 'string' },
  repo: { type: 'string' },
  branch: { type: 'string' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  report: { type: 'string' },
  'no-external': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  fix: { type: 'boolean' },
  'fix-unsafe': { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  external: { type: 'boolean' },
  changed: { type: 'boolean' },
  base: { type: 'string' },
  filter: { type: 'string' },
  'new-only': { type: 'boolean' },
  'report-unused-suppressions': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  shard: { type: 'string' },
  concurrency: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'allow-private-hosts': { type: 'boolean' },
  'allow-host': { type: 'string', multiple: true },
  'archive-endpoint': { type: 'string' },
  'cdx-endpoint': { type: 'string' },
} as const;

export const HELP = `Usage: archive-lint [check] [PATH|GLOB...] [options]   (GLOB: "pages/**/*.md", "!drafts/**")
       archive-lint audit [PATH] [options]
       archive-lint merge-reports FILE.json... [--format F] [-o FILE] [--report FILE.html]
       archive-lint rules [ID] [--format text|json|markdown]   (ID: that rule's documentation)
       archive-lint init [--force]
       archive-lint lsp [--stdio]    a language server for editors, on stdin/stdout (docs/editors.md)
       archive-lint links-to PATH[#ANCHOR]... [--format text|json|markdown] [-o FILE]
       archive-lint mv OLD NEW [--dry-run] [--force]

Options (check and audit):
  --format stylish|json|sarif|github|markdown   output format (default stylish)
  -o, --output FILE          write the report to FILE instead of stdout
  -c, --config FILE          config file (default: looked up at the root)
  --root DIR                 archive root (default: git top level, else the working directory)
  --repo OWNER/NAME          the archive's GitHub identity (default: git remote origin)
  --branch NAME              its branch (default: the current branch)
  --rule ID=off|warn|error   override a rule's severity (repeatable)
  --quiet                    report errors only
  --max-warnings N           exit 1 when warnings exceed N
  --report FILE.html         (audit) where to write the HTML report (default report.html in the cache folder)
  --fix                      apply safe fixes in place (atomic writes, never outside the root)
  --fix-unsafe               apply unsafe fixes too (with --fix, or alone)
  --fix-dry-run              print the fixes as a unified diff and write nothing
  --changed [--base REF]     lint only what a change touches: files changed since REF (default: the staged
                             files in a pre-commit context, else the merge base with the default branch), plus
                             every file whose links point at a file the change deleted or renamed, or at an
                             anchor it removed
  --filter added|context|file|all   (with --changed) which problems are reported and fail the run: those
                             the change introduced (added), those within 3 lines of a changed line too
                             (context), every problem of the files it edits (file, all); default added in a git
                             hook (pre-commit, husky), else all
  --new-only                 the same as --filter added
  --report-unused-suppressions   warn of suppression comments that silence nothing
  --baseline FILE            report only problems not recorded in FILE (a baseline)
  --update-baseline          record the current problems in the --baseline FILE (and report none)
  --shard I/N                lint and report the I-th of N slices of the files, balanced by bytes (for CI matrices)
  --concurrency N            parsing worker threads (default: the available cores; at most 4 a core, 64 in all)
  --no-cache                 do not reuse or record results of unchanged files (the cache is on by default)
  --cache-location DIR       where the cache lives (default node_modules/.cache/archive-lint, else .archive-lint-cache)
  --external                 check http(s) URLs, each once (on by default for audit)
  --no-external              do not check http(s) URLs
  --allow-private-hosts      let external checks reach private, loopback and link-local addresses
  --allow-host HOST          let them reach HOST (or *.DOMAIN) though it resolves to one (repeatable)
  --archive-endpoint URL     the web archive's availability API (external.archive); --cdx-endpoint URL its CDX API
                             (guards: in CI a config cannot set these, see SECURITY.md)
  -h, --help, -v, --version

links-to: every link and image that reaches PATH (a page, a folder, one anchor), as file:line:column, from the cache.
mv: move a page or folder (with git mv in a repository) and rewrite every link to it, and its own relative links,
  keeping each link's form; --dry-run prints the diff and writes nothing; --force moves even when some link cannot
  be rewritten (they are listed).

Exit codes: 0 no errors; 1 lint errors or too many warnings; 2 bad usage, bad config, unreadable root or files, no network
when external checks were asked for, internal error.`;

interface Parsed {
  command: string;
  /** Whether the command was named (else `check`, and the first word is a path). */
  explicit: boolean;
  paths: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

const SEE_HELP = 'See archive-lint --help.';

/** `--format` for `--fromat`, and `--format` for `-format` (which reads as `-f -o -r …`). */
function optionHint(unknown: string, argv: string[]): string | undefined {
  const long = Object.keys(OPTIONS);
  if (unknown.startsWith('--')) return closestName(unknown.slice(2), long);
  const token = argv.find((a) => /^-[^-]/.test(a) && a.includes(unknown.slice(1)));
  const word = token?.slice(1).split('=')[0] ?? '';
  return word.length > 1 ? closestName(word, long) : undefined;
}

function parse(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const unknown = (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']+)'/.exec(message)?.[1] : undefined;
    const hint = unknown === undefined ? undefined : optionHint(unknown, argv);
    throw new UsageError(`${message}.${hint === undefined ? '' : ` Did you mean --${hint}?`} ${SEE_HELP}`);
  }
  const [first, ...rest] = parsed.positionals;
  const explicit = first !== undefined && COMMANDS.has(first);
  return { command: explicit ? first : 'check', explicit, paths: explicit ? rest : parsed.positionals, values: parsed.values as Parsed['values'] };
}

function colorFor(out: Output, env: Record<string, string | undefined>, values: Parsed['values']): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(out.isTTY) && env.TERM !== 'dumb';
}

function parseRuleOverrides(list: string[] | undefined): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const item of list ?? []) {
    const m = /^([\w-]+)=(off|warn|error|0|1|2)$/.exec(item);
    if (!m) throw new UsageError(`--rule '${item}': expected ID=off|warn|error`);
    const id = m[1] as string;
    if (!rules.some((r) => r.meta.id === id)) throw new UsageError(`--rule '${item}': unknown rule '${id}'; expected one of: ${rules.map((r) => r.meta.id).join(', ')}`);
    const sev = m[2] as string;
    out[id] = severityOf(/^\d$/.test(sev) ? (Number(sev) as Severity) : (sev as 'off' | 'warn' | 'error'));
  }
  return out;
}

/**
 * Write a report given in pieces, gathered into writes of about a megabyte, waiting for stdout to drain (memory
 * stays bounded on big reports). A file is written atomically through the one writer (src/core/io/): never through
 * a symbolic link, and never through one among the folders between the archive `root` and it.
 */
async function writeChunks(io: MainIO, file: string | undefined, chunks: Iterable<string | Buffer>, root?: string): Promise<void> {
  if (file !== undefined) {
    const abs = resolve(io.cwd, file);
    if (streamTarget(abs)) writeStream(abs, withNewline(blocks(chunks)));
    else writeFileAtomic(abs, withNewline(blocks(chunks)), root === undefined ? {} : { root });
    return;
  }
  for (const block of blocks(chunks)) {
    if (io.stdout.write(block) === false && io.stdout.once) await new Promise<void>((r) => io.stdout.once?.('drain', () => r()));
  }
  io.stdout.write('\n');
}

function* withNewline(chunks: Iterable<Buffer>): Generator<Buffer | string> {
  yield* chunks;
  yield '\n';
}

/**
 * `-o /dev/null`, `-o /dev/stdout`, a named pipe: not a file to replace but a stream to write to (a rename over a
 * device is neither possible nor meant).
 */
function streamTarget(abs: string): boolean {
  const st = statSync(abs, { throwIfNoEntry: false });
  return st !== undefined && (st.isCharacterDevice() || st.isFIFO() || st.isSocket());
}

/** Write to a stream target, every count checked. */
function writeStream(abs: string, pieces: Iterable<string | Buffer>): void {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'w');
    for (const piece of pieces) {
      const data = typeof piece === 'string' ? Buffer.from(piece) : piece;
      let off = 0;
      while (off < data.length) {
        const n = writeSync(fd, data, off, data.length - off);
        if (!(n > 0)) throw Object.assign(new Error(`wrote ${n} of ${data.length - off} bytes`), { code: 'EIO' });
        off += n;
      }
    }
  } catch (e) {
    throw new UsageError(`cannot write ${abs}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeOut(io: MainIO, file: string | undefined, text: string, root?: string): void {
  if (file === undefined) {
    if (text) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const abs = resolve(io.cwd, file);
  if (streamTarget(abs)) writeStream(abs, [text.endsWith('\n') ? text : `${text}\n`]);
  else writeFileAtomic(abs, text.endsWith('\n') ? text : `${text}\n`, root === undefined ? {} : { root });
}

/**
 * The archive's GitHub identity: --repo and --branch, else the config, else git (the `origin` remote, the current
 * branch), else, in a GitHub Actions job, the repository and branch the job runs for (a pull request's checkout is
 * a detached merge commit, whose branch is the pull request's base).
 */
function repoIdentity(values: Parsed['values'], config: ResolvedConfig, root: string, env: Record<string, string | undefined>): RepoIdentity | undefined {
  const actions = env.GITHUB_ACTIONS === 'true';
  const slug = (values.repo as string | undefined) ?? config.repository;
  let base: { owner: string; name: string } | undefined;
  if (slug !== undefined) {
    base = parseRepoSlug(slug);
    if (!base) throw new UsageError(`--repo '${slug}': expected OWNER/NAME`);
  } else {
    base = gitRemoteRepo(root) ?? (actions && env.GITHUB_REPOSITORY ? parseRepoSlug(env.GITHUB_REPOSITORY) : undefined);
  }
  if (!base) return undefined;
  const jobBranch = actions ? env.GITHUB_BASE_REF || (env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined) || undefined : undefined;
  const branch = (values.branch as string | undefined) ?? config.branch ?? gitBranch(root) ?? jobBranch ?? 'main';
  return { ...base, branch };
}

/**
 * Who may lower a guard: the command line always; the config only outside CI (a pull request can change the
 * config, and CI runs it). See src/core/config/trust.ts.
 */
function trustOf(values: Parsed['values'], env: Record<string, string | undefined>): Trust {
  const where = inCi(env);
  const guards: TrustedGuards = {};
  if (values['allow-private-hosts']) guards.allowPrivateHosts = true;
  const hosts = values['allow-host'] as string[] | undefined;
  if (hosts?.length) guards.allowHosts = hosts;
  for (const [option, key] of [['archive-endpoint', 'archiveEndpoint'], ['cdx-endpoint', 'cdxEndpoint']] as const) {
    const v = values[option] as string | undefined;
    if (v === undefined) continue;
    if (!/^https?:\/\/[^/]/.test(v) && !(key === 'cdxEndpoint' && v === '')) throw new UsageError(`--${option} '${v}': expected an http(s) URL`);
    guards[key] = v;
  }
  return { untrustedConfig: where !== undefined, ...(where ? { where } : {}), guards };
}

/** The machine's secret that authenticates the cache, kept in the user's cache directory (a warning when it cannot be). */
function cacheSecret(io: MainIO): Buffer {
  const held = machineSecret(secretFile(io.env ?? {}));
  if (held.warning) io.stderr.write(`archive-lint: warning: ${visible(held.warning)}\n`);
  return held.secret;
}

/** A glob of the command line, relative to the working folder, as a glob relative to the root (`!` kept). */
function rootPattern(glob: string, cwd: string, root: string): string {
  const negated = glob.startsWith('!');
  const scan = picomatch.scan(negated ? glob.slice(1) : glob);
  const base = resolve(cwd, scan.base);
  if (!inside(root, base)) throw new UsageError(`'${glob}' is outside the root ${root}; give --root`);
  const rel = relative(root, base).split(sep).join('/');
  return `${negated ? '!' : ''}${rel ? `${rel}/` : ''}${scan.glob}`;
}

/** The root's path in its git repository (`''` at the top level, or outside git): where its files are on GitHub. */
function repoPrefix(root: string): string {
  const top = gitTopLevel(root);
  if (top === undefined) return '';
  const rel = relative(realpathSync(top), realpathSync(root));
  return rel.startsWith('..') || isAbsolute(rel) ? '' : rel.split(sep).join('/');
}

/** What a run says about PATHs it was given and lints nothing under, or about linting nothing at all. */
function unlinted(named: string[], linted: readonly string[], root: string, config: ResolvedConfig): string[] {
  const shown = (abs: string) => relative(root, abs).split(sep).join('/') || '.';
  if (named.length === 0) return linted.length ? [] : [`no Markdown file to lint under ${root} (include: ${config.include.join(', ')})`];
  const out: string[] = [];
  for (const abs of named) {
    if (linted.some((f) => f === abs || f.startsWith(abs.endsWith(sep) ? abs : `${abs}${sep}`))) continue;
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      if (lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) out.push(`${shown(abs)}: a symbolic link that loops or is broken (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}); not linted`);
      continue;
    }
    if (st.isDirectory() && lstatSync(abs).isSymbolicLink()) out.push(`${shown(abs)}: a symbolic link to a folder, never followed (a folder of the archive is linted where it is); nothing linted`);
    else if (st.isDirectory()) out.push(`${shown(abs)}: no Markdown file the config includes is there (include: ${config.include.join(', ')}); nothing linted`);
    else if (!st.isFile()) out.push(`${shown(abs)}: not a regular file (a pipe, socket or device); not linted`);
    else out.push(`${shown(abs)}: not a file the config includes (include: ${config.include.join(', ')}), or one it ignores; not linted`);
  }
  return out;
}

/** A commit with nothing staged: the change set says so itself. */
function nothingStaged(cs: ChangeSet): boolean {
  return cs.staged && cs.note !== undefined && cs.changed.length === 0 && cs.deleted.length === 0 && cs.renamed.size === 0;
}

/** Why a change-aware run linted nothing. */
function nothingChanged(cs: ChangeSet, config: ResolvedConfig): string {
  const what = cs.staged ? 'the staged changes touch' : `the changes since ${cs.base.slice(0, 12)} touch`;
  return `${what} no Markdown file the config includes (include: ${config.include.join(', ')}) and break no link to a file; nothing linted`;
}

/** The publishing profile in words: `mdbook (detected from book.toml; site root src/)`. */
function siteText(config: ResolvedConfig): string {
  return `${config.site} (${config.siteSource ?? 'the config'}${config.siteRoot ? `; site root ${config.siteRoot}/` : ''})`;
}

/** The archive a command on it works in: root, config, repository identity, cache (links-to, mv). */
async function archiveSetup(io: MainIO, p: Parsed): Promise<ArchiveSetup> {
  const { values } = p;
  const root = values.root ? resolve(io.cwd, values.root as string) : (gitTopLevel(io.cwd) ?? io.cwd);
  try {
    if (!statSync(root).isDirectory()) throw new UsageError(`root ${root} is not a folder`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read the root ${root}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const config = await loadConfig(root, values.config as string | undefined, rules, {}, io.cwd, trustOf(values, io.env ?? {}));
  for (const w of config.warnings ?? []) io.stderr.write(`archive-lint: warning: ${visible(w)}\n`);
  const repo = repoIdentity(values, config, root, io.env ?? {});
  const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve(root, v)]));
  const cacheLocation = values['no-cache'] ? undefined : values['cache-location'] ? resolve(io.cwd, values['cache-location'] as string) : defaultCacheLocation(root);
  return { root, config, repo, cacheLocation, cacheKey: cacheKey(config, repo, mirrors, rules), ...(cacheLocation === undefined ? {} : { cacheSecret: cacheSecret(io) }), usage: (m) => new UsageError(m) };
}

async function runLint(io: MainIO, p: Parsed): Promise<number> {
  const started = performance.now();
  const { values } = p;
  const audit = p.command === 'audit';
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const parsed = parseShard(values.shard as string);
    if (typeof parsed === 'string') throw new UsageError(`--shard '${values.shard as string}': ${parsed}`);
    shard = parsed;
  }
  const update = Boolean(values['update-baseline']);
  if (update && values.baseline === undefined) throw new UsageError('--update-baseline needs --baseline FILE: the file to write');
  if (update && values.changed) throw new UsageError('--update-baseline records every problem of the files it lints: run it without --changed');
  if (update && shard) throw new UsageError('--update-baseline writes one file for the whole run: run it without --shard');
  if (update && values['fix-dry-run']) throw new UsageError('--update-baseline writes the baseline, --fix-dry-run writes nothing: give one of them');
  if (audit && p.paths.length > 1) throw new UsageError('audit takes one PATH: the archive');
  if (!audit && values.report !== undefined) throw new UsageError('--report goes with audit');
  const format = (values.format as string | undefined) ?? 'stylish';
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`--format '${format}': expected one of ${Object.keys(formatters).join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    const v = values['max-warnings'] as string;
    if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings '${v}': expected a whole number`);
    maxWarnings = Number(v);
  }
  const cliRules = parseRuleOverrides(values.rule as string[] | undefined);

  // A PATH that does not exist and is a glob (`"pages/**/*.md"`, quoted so the shell leaves it, or `!drafts/**`)
  // selects the files it matches, as markdownlint-cli2 reads its arguments.
  const globs = p.paths.filter((x) => !existsSync(resolve(io.cwd, x)) && !lstatSync(resolve(io.cwd, x), { throwIfNoEntry: false }) && (x.startsWith('!') || picomatch.scan(x).isGlob));
  if (audit && globs.length) throw new UsageError(`audit takes the archive's folder, not a glob ('${globs[0]}'): give globs to check`);
  const named = p.paths.filter((x) => !globs.includes(x));
  const paths = (named.length || globs.every((g) => g.startsWith('!')) ? (named.length ? named : ['.']) : []).map((x) => resolve(io.cwd, x));
  for (const x of paths) {
    // A symbolic link that loops or is broken exists: the run says what it is (a message of its own).
    if (existsSync(x) || lstatSync(x, { throwIfNoEntry: false })) continue;
    // `archive-lint chekc .`: a mistyped command reads as a path.
    const command = !p.explicit && x === paths[0] ? closestName(p.paths[0] as string, [...COMMANDS]) : undefined;
    throw new UsageError(`${x}: no such file or folder${command === undefined ? '' : `. Did you mean the command '${command}'? ${SEE_HELP}`}`);
  }
  const auditDir = audit ? paths[0] : undefined;
  const rootArg = values.root as string | undefined;
  const root = rootArg ? resolve(io.cwd, rootArg) : (gitTopLevel(auditDir ?? io.cwd) ?? auditDir ?? io.cwd);
  try {
    if (!statSync(root).isDirectory()) throw new UsageError(`root ${root} is not a folder`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read the root ${root}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // A path outside the root would select nothing, and the run would pass on no files.
  for (const x of paths) {
    if (!inside(root, x)) throw new UsageError(`${x} is outside the root ${root}; give --root`);
  }
  const patterns = globs.map((g) => rootPattern(g, io.cwd, root));
  // A report that cannot be written (a symbolic link, a folder in the way) is known before a long run, not after it.
  if (typeof values.output === 'string') checkTarget(resolve(io.cwd, values.output), { root });
  if (typeof values.report === 'string') checkTarget(resolve(io.cwd, values.report), { root });
  const config = await loadConfig(root, values.config as string | undefined, rules, cliRules, io.cwd, trustOf(values, io.env ?? {}), { audit });
  for (const w of config.warnings ?? []) io.stderr.write(`archive-lint: warning: ${visible(w)}\n`);
  for (const line of config.deprecations ?? []) io.stderr.write(`archive-lint: warning: ${visible(line)}\n`);
  const baselineFile = values.baseline === undefined ? undefined : resolve(io.cwd, values.baseline as string);
  let baseline;
  if (baselineFile !== undefined) {
    baseline = loadBaseline(baselineFile, update, root);
    if (baseline.commit !== undefined) {
      const { renamed, warning } = renamesSince(root, baseline.commit);
      if (warning) io.stderr.write(`archive-lint: warning: ${visible(warning)}\n`);
      applyRenames(baseline, renamed);
    }
  }
  const repo = repoIdentity(values, config, root, io.env ?? {});
  // A profile other than GitHub's changes what is reported: say which, and why.
  if (!audit && config.site !== 'github') io.stderr.write(`archive-lint: links resolved as ${visible(siteText(config))}\n`);
  if (values.external && values['no-external']) throw new UsageError('--external and --no-external: give one of them');
  const externalOn = audit ? !values['no-external'] : Boolean(values.external);
  if (externalOn) for (const w of config.guardWarnings ?? []) io.stderr.write(`archive-lint: warning: ${visible(w)}\n`);

  const cores = availableParallelism();
  let concurrency = Math.min(cores, MAX_WORKERS);
  if (values.concurrency !== undefined) {
    const v = values.concurrency as string;
    if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--concurrency '${v}': expected a whole number of at least 1`);
    concurrency = Number(v);
    // Each worker holds a parser and its files (about 35 MB): past a few a core, more only cost memory.
    const cap = Math.min(WORKERS_PER_CORE * cores, MAX_WORKERS);
    if (concurrency > cap) {
      io.stderr.write(`archive-lint: warning: --concurrency ${v} capped at ${cap} worker threads (${WORKERS_PER_CORE} × ${cores} available core${cores === 1 ? '' : 's'}, at most ${MAX_WORKERS})\n`);
      concurrency = cap;
    }
  }
  // A cache asked for where it cannot be is a run that cannot be done as asked: said at once, before any work.
  const cacheLocation = values['no-cache'] ? undefined : values['cache-location'] ? resolve(io.cwd, values['cache-location'] as string) : defaultCacheLocation(root);
  if (cacheLocation !== undefined && values['cache-location']) {
    const unmade = makeFolder(cacheLocation);
    if (unmade !== undefined) throw new UsageError(`--cache-location: ${unmade}; give a folder that can be made, or --no-cache`);
  }
  if (values.base !== undefined && !values.changed) throw new UsageError('--base goes with --changed');
  const filter = filterOf(values, io.env ?? {});
  let changed: ChangeSet | undefined;
  if (values.changed) {
    try {
      changed = changeSet(root, values.base as string | undefined, io.env ?? {});
    } catch (e) {
      if (e instanceof ChangeError) throw new UsageError(e.message);
      throw new UsageError(`--changed: git failed: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const fixMode = values['fix-unsafe'] ? 'unsafe' : values.fix || values['fix-dry-run'] ? 'safe' : undefined;
  const dryRun = Boolean(values['fix-dry-run']);
  const progress = audit && io.stderr.isTTY ? new Progress(io.stderr) : undefined;
  const signal = io.signal ?? { aborted: false };
  // The JSON report is written a file at a time as the engine builds it: no whole report in memory.
  const stream = format === 'json' && !audit && !dryRun;
  let report: LintReport;
  try {
    report = await lint({
      root,
      rules,
      rulesModule,
      stream,
      paths,
      ...(patterns.length ? { patterns } : {}),
      config,
      signal,
      graphSummary: audit,
      concurrency,
      ...(changed ? { changed } : {}),
      ...(shard ? { shard } : {}),
      ...(values['report-unused-suppressions'] ? { reportUnusedSuppressions: true } : {}),
      ...(cacheLocation === undefined ? {} : { cache: { location: cacheLocation, secret: cacheSecret(io) } }),
      ...(repo ? { repo } : {}),
      ...(fixMode ? { fix: { mode: fixMode, dryRun }, lock: cacheLocation ?? noCacheLock(root) } : {}),
      onNotice: (message: string) => io.stderr.write(`archive-lint: ${visible(message)}\n`),
      ...(progress ? { onProgress: (d, t, f) => progress.update(d, t, f) } : {}),
      ...(externalOn ? { external: { settings: config.external, ...(progress ? { onProgress: (u: CheckProgress) => progress.urls(u.done, u.total, u.slowest) } : {}) } } : {}),
    });
  } finally {
    progress?.done();
  }
  if (dryRun) {
    const diff = report.fixed.map((f) => unifiedDiff(f)).join('');
    writeOut(io, values.output as string | undefined, diff, root);
    io.stderr.write(`archive-lint: --fix-dry-run: ${report.fixed.length} file${report.fixed.length === 1 ? '' : 's'} would be changed by ${report.fixed.reduce((n, f) => n + f.fixes, 0)} fixes; nothing was written\n`);
  } else if (fixMode) {
    const written = report.fixed.filter((f) => f.written);
    const fixes = written.reduce((n, f) => n + f.fixes, 0);
    io.stderr.write(`archive-lint: fixed ${written.length} file${written.length === 1 ? '' : 's'} (${fixes} fix${fixes === 1 ? '' : 'es'})\n`);
  }
  if (report.interrupted) {
    const by = signal.reason ? ` by ${signal.reason}` : '';
    io.stderr.write(`archive-lint: interrupted${by}: the report is partial${fixMode && !dryRun ? '; files already fixed are whole, the rest untouched' : ''}\n`);
  }
  // Errors and warnings, for the exit code.
  let t: { errors: number; warnings: number } | undefined;
  const linted: string[] = [];
  let results = report.results;
  // A baseline filters each result as it is written, before --quiet (it records warnings too).
  const bl = baseline && baselineFile !== undefined ? baselineRun(baselineFile, root, baseline, update, p.paths.length > 0 ? pathSelector(root, paths, patterns) : () => true, changed, shard, report, Boolean(fixMode)) : undefined;
  if (bl && report.stream) report.stream = mapStream(report.stream, bl.filter);
  else if (bl) results = results.map(bl.filter);
  // A change-aware run: introduced problems told from existing ones, and reviewdog's filter on them.
  const classified = changed ? resultFilter(filter, root, report.lines) : undefined;
  if (classified && report.stream) report.stream = mapStream(report.stream, classified.apply);
  else if (classified) results = results.map(classified.apply);
  let baselineNotes: string[] = [];
  if (bl && !report.stream && !report.interrupted) baselineNotes = bl.finish(results.map((r) => r.filePath));
  if (report.stream) {
    // Counted as the results go by.
    const counted = { errors: 0, warnings: 0 };
    const quiet = Boolean(values.quiet);
    const each = function* (stream: Iterable<LintResult>): Generator<LintResult> {
      for (const r of stream) {
        linted.push(r.filePath);
        const shown = quiet ? errorsOnly([r])[0] as LintResult : r;
        counted.errors += shown.errorCount;
        counted.warnings += shown.warningCount;
        yield shown;
      }
    };
    await writeChunks(io, values.output as string | undefined, jsonChunks(each(report.stream)), root);
    t = counted;
    if (bl && !report.interrupted) baselineNotes = bl.finish(linted);
  } else if (values.quiet) {
    results = errorsOnly(results);
  }
  const env = io.env ?? {};
  const ctx: FormatContext = {
    cwd: io.cwd,
    root,
    color: values.output === undefined && colorFor(io.stdout, env, values),
    rules: rules.map((r) => r.meta),
    version: version(),
    warn: (message) => io.stderr.write(`archive-lint: warning: ${visible(message)}\n`),
  };
  // An audit prints its summary, not every finding: the listing goes where -o or a --format asks for it.
  const listing = !audit || values.output !== undefined || values.format !== undefined;
  if (!dryRun && !report.stream && listing) {
    if (format === 'json') await writeChunks(io, values.output as string | undefined, jsonChunks(results), root);
    else writeOut(io, values.output as string | undefined, formatter(results, ctx), root);
  }
  let reportFailed = false;
  if (audit) {
    // The HTML report (by default in the cache folder), then the summary, which says where it is.
    const github = repo ? { repo, prefix: repoPrefix(root) } : undefined;
    const written = writeHtmlReport(
      results,
      { ...ctx, color: false, external: externalOn ? report.external : false, ...(report.stats.suppressed !== undefined ? { suppressed: report.stats.suppressed } : {}), ...(github ? { github } : {}), ...(report.graph ? { graph: report.graph } : {}) },
      values.report as string | undefined,
      cacheLocation ?? defaultCacheLocation(root),
    );
    reportFailed = written.failed === true;
    // The time of the whole run, the report's writing included.
    const whole = { ...report, stats: { ...report.stats, ms: performance.now() - started } };
    const text = `${summaryText(results, root, whole, colorFor(io.stderr, env, values), ctx.rules, siteText(config))}${report.graph ? graphText(report.graph, colorFor(io.stderr, env, values)) : ''}${report.external ? `${externalText(report.external)}\n` : ''}${baselineNotes.map((n) => `${capital(visible(n))}.\n`).join('')}`;
    // Keep machine-readable stdout clean: the summary goes to stderr unless the report went elsewhere.
    if (format === 'stylish' || values.output !== undefined) io.stdout.write(text);
    else io.stderr.write(text);
    if (!listing && results.some((r) => r.messages.length)) {
      io.stdout.write(`Every finding: ${written.file === undefined ? 'archive-lint check' : visible(written.file)}, or audit with --format json -o FILE.\n`);
    }
    for (const note of written.notes) io.stderr.write(`${note}\n`);
  }
  if (io.env?.ARCHIVE_LINT_TIMING) io.stderr.write(`archive-lint: timing ${JSON.stringify({ ...report.stats.phases, total: Math.round(report.stats.ms) })}\n`);
  // Notices quote paths and text of the files: shown by `visible`, so that none starts a line or sends a control character.
  if (!report.stream) for (const r of report.results) linted.push(r.filePath);
  // Anything named that is not linted is said, with the reason; so is a run that lints nothing.
  if (!audit) for (const n of baselineNotes) io.stderr.write(`archive-lint: ${visible(n)}\n`);
  if (shard && linted.length === 0 && !report.interrupted) io.stderr.write(`archive-lint: shard ${shard.index}/${shard.count} holds no file of this run\n`);
  if (!changed && !shard && !report.interrupted) {
    for (const note of unlinted(named.length ? paths : [], linted, root, config)) io.stderr.write(`archive-lint: warning: ${visible(note)}\n`);
    for (const [glob, pattern] of globs.map((g, i) => [g, patterns[i] as string] as const)) {
      if (pattern.startsWith('!')) continue;
      const match = picomatch(pattern, { dot: true });
      if (!linted.some((f) => match(relative(root, f).split(sep).join('/')))) io.stderr.write(`archive-lint: warning: ${visible(`'${glob}' matches no file to lint (include: ${config.include.join(', ')})`)}\n`);
    }
  }
  for (const w of report.warnings) io.stderr.write(`archive-lint: warning: ${visible(w)}\n`);
  if (changed && !report.interrupted && linted.length === 0 && !nothingStaged(changed)) io.stderr.write(`archive-lint: warning: ${visible(nothingChanged(changed, config))}\n`);
  for (const rp of report.runProblems) io.stderr.write(`archive-lint: ${visible(rp.path)}: ${visible(rp.message)}\n`);
  // The older problems a filter left out: one line, with their count beside the introduced ones'.
  const leftOut = classified && !report.interrupted ? leftOutLine(classified.leftOut, filter) : undefined;
  if (classified && leftOut) io.stderr.write(`archive-lint: ${classifiedLine(classified.leftOut)}; ${visible(leftOut)}\n`);
  // No network is one finding: said once, no URL reported for it. Asked for with --external, the run was not done
  // as asked; an audit that checks URLs by default goes on offline (an offline laptop can still audit).
  const offline = report.external?.networkUnavailable;
  if (offline && values.external) io.stderr.write(`archive-lint: external URLs not checked: ${visible(offline)}\n`);
  else if (offline) io.stderr.write(`archive-lint: warning: external URLs not checked: ${visible(offline)}; audited offline (--external makes this an error, --no-external skips the check)\n`);
  if (report.interrupted) return interruptedStatus(signal.reason);
  if (report.runProblems.length || (offline && values.external) || reportFailed) return 2;
  t ??= totals(results);
  if (t.errors > 0) return 1;
  if (maxWarnings >= 0 && t.warnings > maxWarnings) {
    io.stderr.write(`archive-lint: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/**
 * The filter of a change-aware run: `--filter`, `--new-only`, or the default (introduced problems only in a git hook,
 * where old problems of a touched page must not fail a commit; every problem otherwise).
 */
function filterOf(values: Parsed['values'], env: Record<string, string | undefined>): Filter {
  const given = values.filter as string | undefined;
  if (given !== undefined && !(FILTERS as readonly string[]).includes(given)) throw new UsageError(`--filter '${given}': expected one of ${FILTERS.join(', ')}`);
  if (values['new-only'] && given !== undefined && given !== 'added') throw new UsageError(`--new-only is --filter added: give one of them`);
  if ((given !== undefined || values['new-only']) && !values.changed) throw new UsageError(`${given !== undefined ? '--filter' : '--new-only'} goes with --changed`);
  if (values['new-only']) return 'added';
  if (given !== undefined) return given as Filter;
  return env.PRE_COMMIT === '1' || env.GIT_INDEX_FILE !== undefined ? 'added' : 'all';
}

/** The baseline of a lint run: what it covers, and the text each file was linted as. */
function baselineRun(
  file: string,
  root: string,
  baseline: ReturnType<typeof loadBaseline>,
  update: boolean,
  selected: (path: string) => boolean,
  changed: ChangeSet | undefined,
  shard: Shard | undefined,
  report: LintReport,
  fixing: boolean,
): BaselineRun {
  // The files a run answers for: those its PATHs and globs select (all of them without), none for a change-aware
  // or sharded run (it answers only for the files it lints).
  const covers = changed || shard ? () => false : selected;
  // What a file was linted as when it is not what is on disk: a dry run's fixed text, a staged text.
  const dry = new Map(report.fixed.filter((f) => !f.written).map((f) => [f.path, f.after]));
  const staged = changed?.staged && changed.unstaged && !fixing ? changed.unstaged : undefined;
  const textOf = (path: string): string | undefined => dry.get(path) ?? (staged?.has(path) ? stagedText(root, path)?.replace(/^\ufeff/, '') : undefined);
  return new BaselineRun({ file, root, baseline, update, covers, countsFixed: !changed, textOf });
}

function* mapStream(stream: Iterable<LintResult>, f: (r: LintResult) => LintResult): Generator<LintResult> {
  for (const r of stream) yield f(r);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The external checks in one line, for the audit's summary. */
function externalText(e: ExternalReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (e.networkUnavailable) return `External URLs: none checked (${e.networkUnavailable}).`;
  const found = URL_STATUSES.filter((s) => e.byStatus[s] > 0).map((s) => `${s} ${n(e.byStatus[s])}`).join(', ');
  const slow = e.slowest.length ? `; slowest hosts ${e.slowest.slice(0, 3).map((h) => `${visible(h.host)} ${(h.ms / 1000).toFixed(1)} s`).join(', ')}` : '';
  const a = e.archive;
  const count = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;
  const archive = a ? ` Web archive: ${count(a.lookups, 'lookup')} (${n(a.cached)} from the cache, ${count(a.requests, 'request')}): found ${n(a.found)}, none ${n(a.missing)}${a.failed ? `, unknown ${n(a.failed)}` : ''}.` : '';
  return `External URLs: ${n(e.urls)} unique of ${n(e.occurrences)} links and images, ${n(e.requests)} requests (${n(e.retries)} retries) in ${(e.ms / 1000).toFixed(1)} s${found ? `: ${found}` : ''}${slow}.${archive}`;
}

function runRules(io: MainIO, p: Parsed): number {
  const format = (p.values.format as string | undefined) ?? 'text';
  const metas = rules.map((r) => r.meta);
  if (p.paths.length > 1) throw new UsageError(`rules takes one rule id at most, not ${p.paths.length}`);
  const wanted = p.paths[0];
  if (wanted !== undefined) {
    const meta = metas.find((m) => m.id === wanted);
    if (meta === undefined) {
      const near = closestName(wanted, metas.map((m) => m.id));
      throw new UsageError(`no rule '${wanted}'${near ? `; did you mean '${near}'?` : '.'} Rules: ${metas.map((m) => m.id).join(', ')}`);
    }
    if (format !== 'text' && format !== 'markdown') throw new UsageError(`--format '${format}' with a rule id: expected text or markdown (its page is Markdown)`);
    writeOut(io, p.values.output as string | undefined, ruleDoc(meta, rulePage(meta.id), (m, id, site) => SEVERITY_WORDS[severityFor(m, id, site)], RULE_SEVERITY_NOTE));
    return 0;
  }
  const text = format === 'json' ? rulesJson(metas) : format === 'markdown' ? rulesMarkdown(metas) : format === 'text' ? rulesText(metas) : undefined;
  if (text === undefined) throw new UsageError(`--format '${format}': expected text, json or markdown`);
  writeOut(io, p.values.output as string | undefined, text);
  return 0;
}

/** Until rule metadata gives a severity per profile and message id, each message at the rule's severity. */
const RULE_SEVERITY_NOTE = 'What a reader of the site as each profile publishes it gets (docs/profiles.md): error, something broken; warning, it works there but is fragile; not checked, the profile cannot tell (counted, never an error). Set to warn, a rule reports only warnings.';
const SEVERITY_WORDS = { error: 'error', warn: 'warning', 'not-checked': 'not checked' } as const;

/** The rule's page shipped in the package (`rules/ID/README.md`), read offline; undefined when not installed. */
function rulePage(id: string): string | undefined {
  const dir = packageDir();
  if (dir === undefined) return undefined;
  try {
    return readBoundedIfAny(join(dir, 'rules', id, 'README.md'), { maxBytes: LIMITS.config, what: 'rule page' })?.toString('utf8');
  } catch {
    return undefined;
  }
}

/** The folder of the archive-lint package running this code (src/cli/ in tests, dist/bundle/ when installed). */
function packageDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'archive-lint') return dir;
    } catch {
      // No package.json here: look higher.
    }
    dir = dirname(dir);
  }
  return undefined;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/**
 * The `$schema` of a starter config: the running package's archive-lint.schema.json relative to the root, when it lies
 * inside (installed in the archive's node_modules). Otherwise none: a path that resolves nowhere helps no editor.
 */
function schemaRef(root: string): string | undefined {
  const dir = packageDir();
  if (dir === undefined) return undefined;
  try {
    const schema = realpathSync(join(dir, 'archive-lint.schema.json'));
    // The path an npm install gives, also when node_modules/archive-lint is a link (pnpm, npm link).
    const installed = join(root, 'node_modules', 'archive-lint', 'archive-lint.schema.json');
    if (existsSync(installed) && realpathSync(installed) === schema) return './node_modules/archive-lint/archive-lint.schema.json';
    const realRoot = realpathSync(root);
    return inside(realRoot, schema) ? `./${relative(realRoot, schema).split(sep).join('/')}` : undefined;
  } catch {
    return undefined; // No schema file shipped beside this code.
  }
}

function runInit(io: MainIO, p: Parsed): number {
  const root = p.values.root ? resolve(io.cwd, p.values.root as string) : (gitTopLevel(io.cwd) ?? io.cwd);
  const file = join(root, 'archive-lint.config.json');
  if (lstatSync(file, { throwIfNoEntry: false }) && !p.values.force) throw new UsageError(`${file} exists already (--force to overwrite)`);
  const remote = gitRemoteRepo(root);
  const starter: Record<string, unknown> = {};
  const schema = schemaRef(root);
  if (schema !== undefined) starter.$schema = schema;
  if (remote) starter.repository = `${remote.owner}/${remote.name}`;
  const branch = gitBranch(root);
  if (branch) starter.branch = branch;
  starter.include = ['**/*.md'];
  starter.ignore = ['node_modules/**'];
  // Rules that only an audit turns on are left to their defaults: an "off" here would turn them off there too.
  starter.rules = Object.fromEntries(rules.filter((r) => r.meta.auditSeverity === undefined).map((r) => [r.meta.id, r.meta.defaultSeverity]));
  writeFileAtomic(file, `${JSON.stringify(starter, null, 2)}\n`, { root });
  io.stdout.write(`Wrote ${file}\n`);
  const npmProject = existsSync(join(root, 'package.json'));
  const ignored = ignoreNodeModules(root, npmProject);
  if (ignored.note) io.stdout.write(`${ignored.note}\n`);
  if (ignored.warning) io.stderr.write(`archive-lint: warning: ${visible(ignored.warning)}\n`);
  if (!npmProject) {
    io.stdout.write(
      `This archive is not an npm project (no package.json): install archive-lint for your user (npm install --global ${npmSpec()}), not with npm install in the archive, which would write a package.json and a node_modules/ into it for everyone who clones it.\n`,
    );
  }
  if (!remote) {
    io.stderr.write(
      `archive-lint: no GitHub remote 'origin', so the config has no "repository": runs will need --repo OWNER/NAME, or the "repository" key in ${file}, to resolve links as GitHub does and check links to the archive's own GitHub URLs\n`,
    );
  }
  const rel = relative(io.cwd, root);
  const where = rel === '' ? '.' : /^[\w./-]+$/.test(rel) ? rel : `'${rel.replace(/'/g, `'\\''`)}'`;
  io.stdout.write(`Next: ${runCommand(root)} audit ${where}\n`);
  return 0;
}

/** `github:OWNER/NAME`: what npm installs archive-lint from until it is on the registry. */
function npmSpec(): string {
  return `github:${REPOSITORY_URL.replace(/^https:\/\/github\.com\//, '')}`;
}

/** How to run archive-lint again, as this copy of it was installed: in the archive, by npx from GitHub, or for the user. */
function runCommand(root: string): string {
  const dir = packageDir();
  if (dir !== undefined && existsSync(join(root, 'node_modules', 'archive-lint')) && realpathSync(join(root, 'node_modules', 'archive-lint')) === realpathSync(dir)) return 'npx --no -- archive-lint';
  if (dir !== undefined && dir.split(sep).includes('_npx')) return `npx ${npmSpec()}`;
  return 'archive-lint';
}

/**
 * `node_modules/` in the archive's .gitignore, when the archive is an npm project or has no .gitignore yet: an
 * install in the archive must not put thousands of files in the next `git add -A`. What it did, in words (`note`),
 * or why it could not (`warning`).
 */
function ignoreNodeModules(root: string, npmProject: boolean): { note?: string; warning?: string } {
  const file = join(root, '.gitignore');
  try {
    // Through the one reader and the one writer: a regular file inside the root, bounded, written atomically.
    const text = readBoundedIfAny(file, { maxBytes: LIMITS.gitignore, root, what: '.gitignore' })?.toString('utf8');
    if (text === undefined) {
      writeFileAtomic(file, 'node_modules/\n', { root });
      return { note: `Wrote ${file} (node_modules/)` };
    }
    if (!npmProject) return {};
    if (text.split(/\r?\n/).some((line) => /^\/?node_modules(?:\/(?:\*\*?)?)?$/.test(line.trim()))) return {};
    writeFileAtomic(file, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}node_modules/\n`, { root });
    return { note: `Added node_modules/ to ${file}` };
  } catch (e) {
    if (e instanceof IoError) return { warning: `${e.message}: add node_modules/ to it yourself` };
    throw e;
  }
}

export async function main(io: MainIO): Promise<number> {
  try {
    const p = parse(io.argv);
    if (p.values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (p.values.version) {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    switch (p.command) {
      case 'rules':
        return runRules(io, p);
      case 'init':
        return runInit(io, p);
      case 'lsp':
        // The server speaks on the process's own stdin and stdout: bin.ts starts it before main (see src/lsp/).
        throw new UsageError('lsp runs as a process of its own: start `archive-lint lsp` (docs/editors.md)');
      case 'links-to':
        return await linksToCommand(io, p.paths, (p.values.format as string | undefined) ?? 'text', await archiveSetup(io, p), (text) => writeOut(io, p.values.output as string | undefined, text));
      case 'mv':
        return await mvCommand(io, p.paths, { dryRun: Boolean(p.values['dry-run']), force: Boolean(p.values.force) }, await archiveSetup(io, p));
      case 'merge-reports':
        return await mergeCommand(io, p.paths, p.values, { writeChunks, writeOut, colorFor, usage: (m) => new UsageError(m) });
      default:
        return await runLint(io, p);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof BaselineError || e instanceof IoError) {
      // A config error has a line a problem: each says who speaks.
      io.stderr.write(`${e.message.split('\n').map((line) => `archive-lint: ${visible(line)}\n`).join('')}`);
      return 2;
    }
    // The message may quote the files: escaped whole; the stack's frames (`    at …`) are the code's.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const frames = e instanceof Error ? (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)) : [];
    io.stderr.write(`archive-lint: internal error: ${visible(message)}\n${frames.map((f) => `${visible(f)}\n`).join('')}`);
    return 2;
  }
}

