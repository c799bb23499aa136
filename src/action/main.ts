/**
 * The GitHub Action: a thin adapter on the command line's `main`. It only reads its environment and turns the
 * report into what GitHub shows.
 *
 * In: the runner's environment — inputs as `INPUT_*` variables, `GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH`,
 * `GITHUB_WORKSPACE`, `GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`, `RUNNER_TEMP`.
 * Out: annotations as workflow commands on stdout (errors first, capped), the list in the job summary (within
 * GitHub's 1 MiB), the complete JSON report (`report-file`), the outputs `errors`, `warnings`, `files`,
 * `report-file` and `sarif-file`, an optional SARIF file, and an exit code: 0 pass, 1 failed by `fail-on`, 2 the run
 * could not be done (its reason in an annotation and in the summary).
 *
 * On `pull_request` it lints what the pull request changes (`--changed --base BASE`: the files it touched, and the
 * files it broke without touching them); on any other event (`push`, `schedule`, `workflow_dispatch`) it audits
 * the whole archive.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { makeFolder } from '../core/cache/cache.js';
import { IoError, writeFileAtomic } from '../core/io/index.js';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { main, type Output } from '../cli/main.js';
import { gitTopLevel, tryGit } from '../core/walk/git.js';
import { totals } from '../core/report/results.js';
import { rules } from '../../rules/index.js';
import { escapeData, escapeProperty } from '../formatters/github.js';
import { PER_LEVEL } from './annotations.js';
import { publishAnnotations } from './publish.js';
import { FILTERS, resultFilter, type Filter } from '../core/report/filter.js';
import { changeSet } from '../core/walk/changed.js';
import { changedLines } from '../core/walk/diff-lines.js';
import { parseArgsStringToArgv } from 'string-argv';
import { cell, count, introducedCounts, markdownSummary } from '../formatters/markdown.js';
import { sarif } from '../formatters/sarif.js';
import type { FormatContext } from '../formatters/index.js';
import { version } from '../version.js';
import type { LintResult } from '../types.js';

export interface ActionIO {
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  /** Set on SIGINT, SIGTERM (how GitHub cancels a job) or SIGHUP: the run stops between files and says it is partial. */
  signal?: { aborted: boolean; reason?: 'SIGINT' | 'SIGTERM' | 'SIGHUP' };
}

/** GitHub's limit on one step's job summary. */
const SUMMARY_LIMIT = 1024 * 1024;

class ActionError extends Error {}

/** An input as the runner passes it: `INPUT_` + the name upper-cased, spaces as `_` (hyphens are kept). */
export function input(env: ActionIO['env'], name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function booleanInput(env: ActionIO['env'], name: string, fallback: boolean): boolean {
  const v = input(env, name).toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new ActionError(`input '${name}': expected true or false, got '${v}'`);
}

/** The `paths` input: one per line, or separated by spaces. */
function pathsInput(env: ActionIO['env']): string[] {
  return input(env, 'paths').split(/\s+/).filter((x) => x !== '');
}

/** Options the Action sets itself: `args` may not give them. */
const OWN_OPTIONS = ['--format', '-o', '--output', '--changed', '--base', '--filter', '--new-only', '--cache-location', '--fix', '--fix-unsafe', '--fix-dry-run', '--update-baseline'];

/** The `args` input: more options for the command line (`--quiet --rule no-raw-html=off`), split as a shell would. */
function argsInput(env: ActionIO['env']): string[] {
  const text = input(env, 'args');
  if (text === '') return [];
  const args = parseArgsStringToArgv(text);
  for (const a of args) {
    const name = a.split('=')[0] as string;
    if (OWN_OPTIONS.includes(name)) throw new ActionError(`input 'args': ${name} is set by the action itself${name === '--filter' || name === '--new-only' ? ' (use the filter input)' : ''}`);
  }
  return args;
}

/** How the failing problems are described in the step's closing error. */
const FILTER_WORDS: Record<Filter, string> = { added: 'introduced by this change', context: 'on or near the lines this change wrote', file: 'in the files this change touched', all: 'in the files this run linted' };

/** Where the problems not annotated are listed. */
function whereListed(omitted: number, env: ActionIO['env'], summary: { listed: number; total: number }): string {
  const where = !env.GITHUB_STEP_SUMMARY
    ? 'the report-file output has every problem'
    : summary.listed >= summary.total
      ? 'the job summary lists every problem'
      : `the job summary lists ${count(summary.listed, 'problem')} of ${summary.total.toLocaleString('en-US')}, the report-file output every one`;
  return `${count(omitted, 'more problem')} not annotated (GitHub shows 10 annotations per level); ${where}.`;
}

/** The repository, commit and API a check run is made on: the pull request's head commit, else GITHUB_SHA. */
function checkTarget(env: ActionIO['env'], event: PullRequestEvent | undefined): { apiUrl: string; repository: string; headSha: string } {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const headSha = event?.pull_request?.head?.sha ?? env.GITHUB_SHA ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new ActionError('input \'token\': GITHUB_REPOSITORY is not set, so the check run has no repository');
  if (!/^[0-9a-f]{40}$/i.test(headSha)) throw new ActionError('input \'token\': no commit to make the check run on (pull_request.head.sha or GITHUB_SHA)');
  return { apiUrl: env.GITHUB_API_URL || 'https://api.github.com', repository, headSha };
}

/** The check run's title: what the change introduced, and what was there before. */
function checkTitle(results: readonly LintResult[], t: { errors: number; warnings: number }): string {
  const kinds = introducedCounts(results);
  if (!kinds) return `${count(t.errors, 'error')}, ${count(t.warnings, 'warning')}`;
  return `introduced: ${count(kinds.introduced.errors, 'error')}, ${count(kinds.introduced.warnings, 'warning')}; before: ${count(kinds.existing.errors + kinds.existing.warnings, 'problem')}`;
}

function hasCommit(cwd: string, sha: string): boolean {
  return tryGit(cwd, ['cat-file', '-e', `${sha}^{commit}`]) !== undefined;
}

interface PullRequestEvent {
  number?: number;
  pull_request?: { number?: number; base?: { sha?: string; ref?: string }; head?: { sha?: string } };
}

/** The parents of a commit, read from the commit itself (a shallow checkout hides them from `HEAD^1`). */
function parents(cwd: string, rev: string): string[] {
  const raw = tryGit(cwd, ['cat-file', 'commit', rev]) ?? '';
  return [...raw.split('\n\n')[0]!.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1] as string);
}

/**
 * The commit a pull request is compared with. The default checkout (`actions/checkout`, depth 1) is the merge
 * commit of the pull request into its base: its first parent is the base it was merged into (newer than the
 * event's base commit when the base branch moved since), and what to diff the work tree against; it is fetched
 * when the shallow checkout lacks it. A checkout of the head commit itself is compared with the merge base.
 */
function pullRequestBase(cwd: string, event: PullRequestEvent, log: (s: string) => void): string {
  const pr = event.pull_request;
  const head = pr?.head?.sha;
  const merge = parents(cwd, 'HEAD');
  const mergedInto = merge.length === 2 && merge[1] === head ? merge[0] : undefined;
  const base = mergedInto ?? pr?.base?.sha;
  if (!base || !/^[0-9a-f]{40}$/i.test(base)) throw new ActionError('the pull_request event names no base commit (pull_request.base.sha)');
  if (!hasCommit(cwd, base)) {
    log(`Fetching the base commit ${base.slice(0, 12)}, which the shallow checkout lacks.`);
    const fetched = tryGit(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', base]);
    if (fetched === undefined || !hasCommit(cwd, base)) {
      throw new ActionError(`the base commit ${base} is not in the checkout and could not be fetched from origin; set \`fetch-depth: 0\` on actions/checkout`);
    }
  }
  if (head && tryGit(cwd, ['rev-parse', 'HEAD']) === head) {
    // The head itself is checked out: compare with where it left the base branch.
    const mb = tryGit(cwd, ['merge-base', base, head]);
    if (mb) return mb;
    log(`::warning::${escapeData(`The checkout is the pull request's head and too shallow to find where it left the base branch; comparing with the base commit, so changes made on the base branch since count as this pull request's. Set \`fetch-depth: 0\` on actions/checkout.`)}`);
  }
  return base;
}

/** The config files of a lookup (JSON only; a JavaScript config is used only when the `config` input names it). */
const LOOKED_UP = ['archive-lint.config.json', '.archive-lintrc.json'];

/**
 * The config of a pull request's run, from the base commit (`git show BASE:PATH`), never from the pull request's
 * tree: the pull request's files are data, and a config it adds or changes could run code (a `.mjs`) or lower a
 * guard. Written to `scratch` and passed with `--config`; with no config in the base commit, an empty one, so that
 * the command line does not look one up in the tree. A config the pull request changes is reported as a notice.
 * Returns the `--config` path and what the log says.
 */
function baseCommitConfig(workspace: string, base: string, named: string, scratch: string, log: (s: string) => void): string {
  const root = gitTopLevel(workspace) ?? workspace;
  const rel = (p: string) => relative(root, resolve(workspace, p)).split(sep).join('/');
  const show = (path: string) => tryGit(root, ['show', `${base}:${path}`]);
  let path: string | undefined;
  let text: string | undefined;
  if (named) {
    path = rel(named);
    text = show(path);
    if (text === undefined) throw new ActionError(`input 'config': ${named} is not in the base commit ${base.slice(0, 12)} (on a pull request the config is read from the base commit, so that the pull request cannot change it)`);
  } else {
    for (const name of LOOKED_UP) {
      text = show(name);
      if (text !== undefined) {
        path = name;
        break;
      }
    }
    if (path === undefined) {
      const pkg = show('package.json');
      try {
        const data = pkg === undefined ? undefined : (JSON.parse(pkg) as Record<string, unknown>);
        if (data && typeof data === 'object' && data['archive-lint'] !== undefined) [path, text] = ['package.json', JSON.stringify(data['archive-lint'])];
      } catch {
        // Not JSON: no config there.
      }
    }
  }
  const ext = path !== undefined && /\.[cm]?js$/.test(path) ? extname(path) : '.json';
  const file = join(scratch, `base-config${ext}`);
  writeFileSync(file, text ?? '{}');
  log(path === undefined ? `Config: none in the base commit ${base.slice(0, 12)}; the defaults apply (a pull request's config is never used).` : `Config: ${path} as of the base commit ${base.slice(0, 12)} (git show ${base.slice(0, 12)}:${path}); the pull request's tree is not read for a config.`);
  // What the pull request changes of a config: said, so that its author knows it applies once merged.
  const candidates = [...new Set([...(path ? [path] : []), ...LOOKED_UP, 'archive-lint.config.js', 'archive-lint.config.mjs', 'package.json'])];
  const changed = (tryGit(root, ['diff', '--name-only', base, '--', ...candidates]) ?? '').split('\n').filter((x) => x !== '');
  for (const c of changed) {
    log(`::notice file=${escapeProperty(c)}::${escapeData(`This pull request changes ${c}: the run uses the base commit's config; the change takes effect once merged.`)}`);
  }
  return file;
}

/** Append `name=value` to `$GITHUB_OUTPUT`, in the delimited form (a value can never add an output of its own). */
function setOutput(file: string | undefined, name: string, value: string | number): void {
  if (!file) return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** Cut a Markdown summary to `limit` bytes at a line boundary, saying so. */
function fitSummary(text: string, limit: number): string {
  if (Buffer.byteLength(text) <= limit) return text;
  const note = '\n\n…the summary was cut at GitHub\'s 1 MiB limit; the SARIF file or `--format json` has every problem.\n';
  const cut = Buffer.from(text).subarray(0, limit - Buffer.byteLength(note)).toString('utf8');
  return cut.slice(0, Math.max(0, cut.lastIndexOf('\n'))) + note;
}

/** The guards the workflow lowers (`allow-private-hosts`, `allow-hosts`), as options: a config cannot lower them here. */
function guardArgs(env: ActionIO['env']): string[] {
  const out: string[] = [];
  if (booleanInput(env, 'allow-private-hosts', false)) out.push('--allow-private-hosts');
  for (const host of input(env, 'allow-hosts').split(/[\s,]+/).filter((x) => x !== '')) out.push('--allow-host', host);
  return out;
}

export async function runAction(io: ActionIO): Promise<number> {
  const { env } = io;
  const log = (s: string) => io.stdout.write(`${s}\n`);
  const scratch = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'archive-lint-'));
  try {
    const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const failOn = input(env, 'fail-on') || 'error';
    if (!['error', 'warning', 'never'].includes(failOn)) throw new ActionError(`input 'fail-on': expected error, warning or never, got '${failOn}'`);
    const limitText = input(env, 'annotations-limit') || String(PER_LEVEL);
    if (!/^\d+$/.test(limitText)) throw new ActionError(`input 'annotations-limit': expected a whole number, got '${limitText}'`);
    // Per level (error, warning, notice): what GitHub shows a step.
    const annotationsLimit = Number(limitText);
    const filter = (input(env, 'filter') || 'added') as Filter;
    if (!(FILTERS as readonly string[]).includes(filter)) throw new ActionError(`input 'filter': expected ${FILTERS.join(', ')}, got '${filter}'`);
    const token = input(env, 'token');
    const extra = argsInput(env);
    const external = booleanInput(env, 'external', false);
    const paths = pathsInput(env);
    const config = input(env, 'config');
    const baseline = input(env, 'baseline');
    const sarifFile = input(env, 'sarif-file');
    // Every problem, for actions/upload-artifact: the summary and annotations hold only part of a big run.
    const report = resolve(workspace, input(env, 'report-file') || join(env.RUNNER_TEMP || tmpdir(), 'archive-lint-report.json'));
    rmSync(report, { force: true });
    const reportFolder = makeFolder(dirname(report));
    if (reportFolder !== undefined) throw new ActionError(`input 'report-file': ${reportFolder}`);
    const argv: string[] = [];
    let mode: string;
    let prEvent: PullRequestEvent | undefined;
    let prBase: string | undefined;
    if (eventName === 'pull_request' || eventName === 'pull_request_target') {
      if (eventName === 'pull_request_target') log(`::warning::${escapeData('archive-lint runs on the pull request\'s content: use the pull_request event, not pull_request_target.')}`);
      if (!env.GITHUB_EVENT_PATH) throw new ActionError('GITHUB_EVENT_PATH is not set: cannot read the pull request');
      const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestEvent;
      const base = pullRequestBase(workspace, event, log);
      prEvent = event;
      prBase = base;
      const number = event.pull_request?.number ?? event.number;
      mode = `pull request${number !== undefined ? ` #${number}` : ''}: the files it changes and the files it breaks, compared with ${base.slice(0, 12)}`;
      // Every problem of the files, each marked introduced or not: the filter decides what fails the step, below.
      // The config is the base commit's, never the pull request's.
      argv.push('check', ...paths, '--changed', '--base', base, '--filter', 'all', '--config', baseCommitConfig(workspace, base, input(env, 'config'), scratch, log));
    } else if (paths.length > 1) {
      mode = `${eventName || 'run'}: ${paths.join(', ')}`;
      argv.push('check', ...paths);
    } else {
      mode = `${eventName || 'run'}: audit of ${paths[0] ?? 'the whole archive'}`;
      argv.push('audit', paths[0] ?? '.');
    }
    argv.push('--format', 'json', '--output', report, external ? '--external' : '--no-external');
    // On a pull request the config is the base commit's (above); elsewhere the input's, or the lookup's.
    if (config && !argv.includes('--config')) argv.push('--config', config);
    argv.push(...guardArgs(env));
    if (baseline) argv.push('--baseline', baseline);
    argv.push('--cache-location', join(env.RUNNER_TEMP || scratch, 'archive-lint-cache'));
    argv.push(...extra);

    log(`archive-lint ${version()}: ${mode}`);
    log(`::group::archive-lint ${argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
    // What the run says on stderr is kept, to give the reason when it could not be done.
    let said = '';
    // Into stdout: the runner reads commands from both streams, and only one stream keeps its order with the token.
    const stderr = { write: (s: string | Uint8Array) => ((said += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), io.stdout.write(s)) };
    // Nothing the run prints (text from the archive's files among it) is read as a workflow command meanwhile.
    const stopToken = `archive-lint-${randomUUID()}`;
    log(`::stop-commands::${stopToken}`);
    const code = await main({ argv, cwd: workspace, stdout: io.stdout, stderr, env: { ...env, PRE_COMMIT: undefined, GIT_INDEX_FILE: undefined }, ...(io.signal ? { signal: io.signal } : {}) });
    log(`::${stopToken}::`);
    log('::endgroup::');
    const couldNotRun = code !== 0 && code !== 1;
    const reason = said.split('\n').filter((l) => l.startsWith('archive-lint: ') && !l.startsWith('archive-lint: warning:')).map((l) => l.slice('archive-lint: '.length));
    if (couldNotRun) {
      const why = reason.length ? reason.join('; ') : `exit ${code}`;
      log(`::error::${escapeData(`archive-lint could not run as asked: ${why}`)}`);
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `## archive-lint\n\n_${cell(mode)}._\n\n**archive-lint could not run as asked** (exit ${code}):\n\n${reason.map((r) => `- ${cell(r)}`).join('\n') || `- exit ${code}`}\n\n`);
      // A run that still wrote its report (a file or folder it could not read) is reported all the same.
      if (!existsSync(report)) return 2;
    }
    const results = JSON.parse(readFileSync(report, 'utf8')) as LintResult[];
    const root = gitTopLevel(workspace) ?? workspace;
    const ctx: FormatContext = {
      cwd: workspace,
      root,
      color: false,
      rules: rules.map((r) => r.meta),
      version: version(),
      warn: (m) => log(`::warning::${escapeData(m.replace(/--format json has every one/, 'the report-file output has every one'))}`),
    };

    const t = totals(results);
    // What fails the step: on a pull request, the problems the filter keeps (by default those it introduced).
    const lines = prEvent && filter === 'context' && prBase ? changedLines(root, changeSet(root, prBase, {})) : undefined;
    const failing = prEvent ? resultFilter(filter, root, lines) : undefined;
    const f = totals(failing ? results.map(failing.apply) : results);
    const failed = failOn === 'error' ? f.errors > 0 : failOn === 'warning' ? f.errors + f.warnings > 0 : false;
    const left = failing && failing.leftOut.problems > 0 ? `${count(failing.leftOut.problems, 'older problem')} in the files this pull request touched ${failing.leftOut.problems === 1 ? 'does' : 'do'} not fail this check (filter: ${filter}); they are listed after the introduced ones. Locally: archive-lint check ${failing.leftOut.files.slice(0, 3).join(' ')}${failing.leftOut.files.length > 3 ? ' …' : ''}` : undefined;
    const head = `_${cell(mode)}._\n\n`;
    const tail = `\nThe complete report (every problem, as JSON) is the step's \`report-file\` output, for actions/upload-artifact.\n`;
    const summary = markdownSummary(results, { ...ctx, maxRows: Infinity, summaryLimitBytes: SUMMARY_LIMIT - Buffer.byteLength(head) - Buffer.byteLength(tail) - 1024 });
    if (env.GITHUB_STEP_SUMMARY) {
      const body = summary.text.replace(/^## archive-lint\n\n/, `## archive-lint\n\n${head}`) + (summary.listed < summary.total ? tail : '');
      appendFileSync(env.GITHUB_STEP_SUMMARY, fitSummary(body, SUMMARY_LIMIT));
    }

    const made = await publishAnnotations({
      results,
      ctx,
      perLevel: annotationsLimit,
      where: (omitted) => whereListed(omitted, env, summary),
      log,
      ...(token ? { check: { ...checkTarget(env, prEvent), token, conclusion: failed ? 'failure' : 'success', title: checkTitle(results, t), summary: summary.text.slice(0, 60000) } } : {}),
    });
    if (left) {
      log(left);
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${cell(left)}\n`);
    }

    if (sarifFile) {
      const abs = resolve(workspace, sarifFile);
      try {
        // Through the one writer: a sarif-file the pull request made a symbolic link is refused, never written through.
        writeFileAtomic(abs, `${sarif(results, ctx)}\n`, { root });
      } catch (e) {
        if (e instanceof IoError) throw new ActionError(`input 'sarif-file': ${e.message}`);
        throw e;
      }
      log(`SARIF written to ${abs}`);
      setOutput(env.GITHUB_OUTPUT, 'sarif-file', abs);
    }
    setOutput(env.GITHUB_OUTPUT, 'report-file', report);
    setOutput(env.GITHUB_OUTPUT, 'errors', t.errors);
    setOutput(env.GITHUB_OUTPUT, 'warnings', t.warnings);
    setOutput(env.GITHUB_OUTPUT, 'files', t.files);
    if (failing) setOutput(env.GITHUB_OUTPUT, 'introduced', failing.leftOut.introduced);

    log(`archive-lint: ${count(t.errors, 'error')}, ${count(t.warnings, 'warning')} in ${count(t.files, 'file')}.`);
    // As an annotation while the step has room for one more error annotation (GitHub drops those past 10), else a log line.
    if (failed) log(`${made.error < Math.max(annotationsLimit, 1) && made.error < PER_LEVEL ? '::error::' : ''}${escapeData(`archive-lint found ${count(f.errors, 'error')} and ${count(f.warnings, 'warning')}${prEvent ? ` ${FILTER_WORDS[filter]}` : ''} (fail-on: ${failOn}).`)}`);
    return couldNotRun ? 2 : failed ? 1 : 0;
  } catch (e) {
    const message = e instanceof ActionError ? e.message : `internal error: ${(e as Error).stack ?? String(e)}`;
    log(`::error::${escapeData(`archive-lint: ${message}`)}`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
