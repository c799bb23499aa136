/**
 * Stage: the run (src/core/run/). In: the options of a run, the rules chosen by the caller (and the URL of their
 * module, for the workers). Out: the report. engine.ts lists the phases, each a function of its stage's folder;
 * per-file.ts runs the per-file step on every file, on worker threads (pool.ts, worker.ts) when it pays.
 *
 * The engine: walk → per-file step (parse once, per-file rules, extraction) → archive index →
 * cross-file checks → results, and, when asked, fix passes. It never prints and never exits.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { changeTouchesNothing, selectFiles, walkArchive } from '../walk/select.js';
import { localLinks, localTargets, type ChangeSet } from '../walk/changed.js';
import { changedLines, type ChangedLines } from '../walk/diff-lines.js';
import { perFilePhase, processMany, type PerFileRun } from './per-file.js';
import { emptyOutcome } from '../parse/process-file.js';

/** The message of a file an interrupted run did not lint. */
export const INTERRUPTED = 'not linted: the run was interrupted before this file was read; the report is partial';
import { archiveIndexPhase } from '../links/archive.js';
import { graphPhase, type GraphSummary } from '../graph/phase.js';
import { factsOf } from '../parse/facts.js';
import { makeResult } from '../report/results.js';
import { fixPhase, type FixedFile, type FixOptions } from '../fix/passes.js';
import { indexFingerprint, resultsPhase } from '../report/build.js';
import { ensureGitignore, FileCache, makeFolder, trackedByGit } from '../cache/cache.js';
import { privateFolder, takeFixLock, type FixLock } from '../fix/lock.js';
import { ExternalPhase, externalHooks, externalPhase, type ExternalOptions, type ExternalReport } from '../external/phase.js';
import { version } from '../../version.js';
import type { ResolvedConfig } from '../config/config.js';
import type { CrossFileChecks } from '../links/cross-file.js';
import type { RuleModule } from '../parse/rule.js';
import type { RepoIdentity } from '../links/github.js';
import type { RunProblem } from '../walk/walk.js';
import type { Shard } from '../walk/shard.js';
import { isMarkdownPath } from '../links/target-index.js';
import type { FileOutcome, LintMessage, LintResult } from '../../types.js';

export { POOL_THRESHOLD, IN_PROCESS_MAX_BYTES } from './per-file.js';
export { MAX_FIX_PASSES, type FixedFile, type FixOptions } from '../fix/passes.js';
export type { RunProblem } from '../walk/walk.js';

export interface LintOptions {
  /** Absolute archive root. */
  root: string;
  /** Absolute files or folders to lint (default: the whole root). */
  paths?: string[];
  /** Root-relative globs (picomatch) of files to lint besides `paths`; `!GLOB` leaves files out. */
  patterns?: string[];
  config: ResolvedConfig;
  repo?: RepoIdentity;
  /** The rules to run: the caller chooses them (the core imports no rule). */
  rules: readonly RuleModule[];
  /**
   * The URL of a module that exports these rules as `rules`: the parsing workers import it. Without it the run
   * stays in-process and uses no cache (a cached outcome holds what the module's rules reported).
   */
  rulesModule?: string;
  fix?: FixOptions;
  /** Parsing worker threads (default 1: in-process). Small runs stay in-process, where that is faster. */
  concurrency?: number;
  /** Reuse the outcomes of unchanged files from the cache in this folder. */
  cache?: { location: string; secret?: Uint8Array };
  /** Lint only what this change touches, and the files whose links it breaks. */
  changed?: ChangeSet;
  /** Checked between files; when set, the run stops early (Ctrl-C, SIGTERM, SIGHUP). */
  signal?: { aborted: boolean };
  /**
   * The folder of the fix lock (the cache folder): a run that writes fixes takes `fix.lock` there first, and waits
   * while another run holds it. Without it, fixing runs are not kept from overlapping (each write still checks
   * the file holds the text its fixes were computed on).
   */
  lock?: string | { dir: string; name: string };
  /** Told what the run is waiting for (another run's fix lock), as it happens. */
  onNotice?: (message: string) => void;
  onProgress?: (done: number, total: number, path: string) => void;
  /** Check external URLs after the cross-file checks (each unique URL once); the URL cache lives beside `cache`. */
  external?: ExternalOptions;
  /**
   * Build the results one file at a time as `report.stream` is read, instead of all at once in
   * `report.results` (left empty): a caller that writes each result and lets it go holds no report in memory.
   */
  stream?: boolean;
  /**
   * Lint and report only this shard's slice of the files (after PATHs and `changed` chose them); links still
   * resolve against the whole archive.
   */
  shard?: Shard;
  /** Build the archive graph's summary (orphans, unused files, most linked pages) even with its rules off (the audit). */
  graphSummary?: boolean;
  /** Report the suppression comments that silence nothing, as warnings of no rule. */
  reportUnusedSuppressions?: boolean;
}

export interface LintReport {
  results: LintResult[];
  /** With the `stream` option: the results, built as they are read (once). */
  stream?: Iterable<LintResult>;
  runProblems: RunProblem[];
  /** Things worth saying that do not fail the run (a corrupt cache that was rebuilt). */
  warnings: string[];
  /** Files served by the cache, files linted afresh, and files whose result the cache gave whole (cross-file messages too). */
  cache?: { hits: number; misses: number; reused: number };
  fixed: FixedFile[];
  interrupted: boolean;
  /** With external checks: what was requested and found, or that the network was unavailable. */
  external?: ExternalReport;
  /** The archive graph's summary, when its rules ran or it was asked for (not in a change-aware run). */
  graph?: GraphSummary;
  /** In a change-aware run: the lines the change wrote in each file (for `--filter context`). */
  lines?: ChangedLines;
  /**
   * `suppressed`: problems inline comments suppressed (per-file, cross-file and URL checks); `notChecked`: findings
   * the publishing profile cannot check (never errors).
   */
  stats: { linted: number; indexed: number; ms: number; suppressed?: number; notChecked?: number; phases: Record<string, number> };
}

/**
 * What a cached outcome depends on besides the file: the tool, the resolved config, the repository, and the rules'
 * messages and severities (a rule set changed within one version, as in development, makes other messages).
 */
export function cacheKey(config: ResolvedConfig, repo: RepoIdentity | undefined, mirrors: Record<string, string>, rules: readonly RuleModule[]): string {
  const metas = rules.map((r) => [r.meta.id, r.meta.messages, r.meta.severities]);
  return createHash('sha1').update(JSON.stringify({ v: version(), c: config.source, repo: repo ?? null, mirrors, metas, model: config.siteModel ?? null })).digest('hex');
}

/**
 * Milliseconds per phase, how busy the main thread was in it (percent; the rest is waiting on workers or I/O),
 * and the process's resident memory at its end (workers included).
 */
function phaseClock(started: number, phases: Record<string, number>): (name: string) => void {
  let mark = started;
  let loop = performance.eventLoopUtilization();
  return (name) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    const used = performance.eventLoopUtilization(loop);
    if (now - mark > 50) phases[`${name}.busy%`] = Math.round(used.utilization * 100);
    phases[`${name}.rssMB`] = Math.round(process.memoryUsage.rss() / 1048576);
    loop = performance.eventLoopUtilization();
    mark = now;
  };
}

/**
 * A run, phase by phase: walk (walk/), per-file step (run/per-file.ts, on the workers), archive index (links/),
 * cross-file checks (links/cross-file.ts, run a file at a time by the phases after), external URLs when on
 * (external/), fix passes when asked (fix/), results (report/), each file's built as it is read.
 */
export async function lint(options: LintOptions): Promise<LintReport> {
  const started = performance.now();
  const warnings: string[] = [];
  const nothing = (interrupted: boolean): LintReport => {
    const none = { runProblems: [], warnings, fixed: [], interrupted, stats: { linted: 0, indexed: 0, ms: performance.now() - started, phases: {} } };
    return options.stream ? { ...none, results: [], stream: [][Symbol.iterator]() } : { ...none, results: [] };
  };
  let lock: FixLock | undefined;
  if (options.fix && !options.fix.dryRun && options.lock !== undefined) {
    const { dir, name } = typeof options.lock === 'string' ? { dir: options.lock, name: undefined } : options.lock;
    const unmade = name === undefined ? makeFolder(dir) : privateFolder(dir);
    if (unmade === undefined && name === undefined) ensureGitignore(dir);
    const taken = unmade === undefined ? await takeFixLock(dir, options.signal, options.onNotice, 200, name) : `cannot make the fix lock's folder: ${unmade}`;
    // Interrupted while waiting for another run: nothing was read or written.
    if (taken === undefined) return nothing(true);
    if (typeof taken === 'string') warnings.push(`${taken}; fixing without it (each write still checks that the file holds the text its fixes were computed on)`);
    else lock = taken;
  }
  try {
    return await lintLocked(options, started, warnings, lock);
  } finally {
    lock?.release();
  }
}

async function lintLocked(options: LintOptions, started: number, warnings: string[], lock: FixLock | undefined): Promise<LintReport> {
  const { root, config, rules, rulesModule, changed, repo } = options;
  if (changed?.note) warnings.push(changed.note);
  if (changed && changeTouchesNothing(changed, config)) {
    const none = { runProblems: [], warnings, fixed: [], interrupted: false, stats: { linted: 0, indexed: 0, ms: performance.now() - started, phases: {} } };
    return options.stream ? { ...none, results: [], stream: [][Symbol.iterator]() } : { ...none, results: [] };
  }
  const phases: Record<string, number> = {};
  const phase = phaseClock(started, phases);

  // Walk: every file, and the files to lint under the PATHs.
  const { walked, files: underPaths } = walkArchive(root, config, options.paths, options.patterns);
  const runProblems: RunProblem[] = walked.problems.map((p) => ({ path: p.path, message: p.message }));
  const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve(root, v)]));
  // A cache folder committed to the repository is data of the archive, not ours: not used (and said).
  const tracked = options.cache ? trackedByGit(root, options.cache.location) : undefined;
  if (tracked) warnings.push(tracked);
  const cacheOptions = tracked ? undefined : options.cache;
  const cache = cacheOptions && rulesModule !== undefined ? new FileCache(cacheOptions.location, cacheKey(config, repo, mirrors, rules), { root, ...(cacheOptions.secret ? { secret: cacheOptions.secret } : {}) }) : undefined;
  phase('walk');
  // What this run lints: what a change touches (if any), a shard's slice (if any).
  const { files, breakage } = selectFiles(root, config, repo, underPaths, walked, { changed, shard: options.shard, links: (path) => cache?.links(root, path)?.targets });

  // The per-file step, on the workers when it pays; outcomes the cache holds are served from it.
  const run: PerFileRun = {
    root,
    config,
    rules,
    mirrors,
    repo,
    concurrency: options.concurrency ?? 1,
    setup: rulesModule !== undefined ? { rulesModule, root, config: config.source.config, configFile: config.file, cliRules: config.source.cliRules, repo, mirrors, ...(config.siteModel ? { siteModel: config.siteModel } : {}) } : undefined,
    signal: options.signal,
  };
  // A change-aware run parses its few files afresh and never loads the outcomes.
  const useOutcomes = cache !== undefined && !changed;
  // A git hook other than the pre-commit framework runs on the working tree as it is: a file with unstaged
  // changes is linted as staged (not when fixing, which writes the working-tree file).
  const staged = changed?.staged && changed.unstaged && !options.fix ? changed.unstaged : undefined;
  const perFile = await perFilePhase(run, files, { unfollowed: walked.links, cache, useOutcomes, staged, onProgress: options.onProgress, warnings });
  const { outcomes } = perFile;
  let interrupted = perFile.interrupted;
  if (interrupted) {
    // Stopped before every file was read: each one left is a message of its own, so that no format shows a
    // partial report as a whole one (a file missing from the JSON would read as a file with no problem).
    for (let i = 0; i < files.length; i++) {
      if (!outcomes.hit[i] && !outcomes.slots[i]) outcomes.slots[i] = emptyOutcome(files[i] as string, INTERRUPTED, 'io');
    }
    outcomes.order = files.map((_, i) => i);
  }
  phase('per-file');

  // The archive index, and the cross-file checks against it.
  const { index, ctx } = archiveIndexPhase({ root, config, files: walked.files, outcomes: outcomes.slots, cachedAnchors: (path) => cache?.links(root, path)?.anchors, mirrors, repo, changed });
  const checks: CrossFileChecks = { config, rules, ctx };

  // The archive graph: every page's links both ways, from the outcomes, else the cache's link index, else the
  // page's facts; the archive-wide rules run on it once. Not in a change-aware run, which sees a few pages only.
  const slotOf = new Map(files.map((f, i) => [f, i]));
  const prefixes = options.paths?.length ? options.paths.map((p) => relative(root, p).split(sep).join('/')) : [''];
  const underPathsOf = (p: string) => prefixes.some((x) => x === '' || p === x || p.startsWith(`${x}/`));
  const graph = changed
    ? undefined
    : graphPhase({
        root,
        config,
        rules,
        files: walked.files.filter((f) => !walked.links.has(f)),
        index,
        summary: options.graphSummary === true,
        // A page's findings belong to the run that lints it; another file's to a run under its PATHs (the first shard's).
        inScope: (p) => slotOf.has(p) || (!isMarkdownPath(p) && underPathsOf(p) && (!options.shard || options.shard.index === 1)),
        targetsOf: (page) => {
          const i = slotOf.get(page);
          const o = i === undefined ? undefined : outcomes.slots[i];
          if (o && !o.error) return localTargets(o.facts, repo);
          const cached = cache?.links(root, page);
          if (cached) return cached.targets;
          const facts = factsOf(root, page, config.maxFileSize, config.site);
          return facts ? localTargets(facts, repo) : undefined;
        },
      });
  if (graph) phase('graph');

  // External URLs: collected from every file's references (an outcome served by the cache is let go again), each
  // unique one checked once, the messages added to each file's result below.
  let external: ExternalPhase | undefined;
  let externalReport: ExternalReport | undefined;
  const checkUrls = async (at: readonly number[]) => {
    const ext = options.external as ExternalOptions;
    external ??= new ExternalPhase(externalHooks(rules), { mirrors, ...(repo ? { repo } : {}) }, ctx.site);
    const cacheDir = cacheOptions?.location;
    externalReport = await externalPhase(external, outcomes, at, config, { root, ...ext, ...(cacheDir !== undefined && ext.cacheDir === undefined ? { cacheDir } : {}), ...(cacheOptions?.secret && !ext.cacheSecret ? { cacheSecret: cacheOptions.secret } : {}) }, options.signal);
    warnings.push(...externalReport.warnings);
    // Ctrl-C while URLs were checked: those not requested are unchecked, and the run says it was interrupted.
    if (options.signal?.aborted) interrupted = true;
  };
  // Fixing with web-archive repairs on: URLs are checked before the fix passes, whose first applies their fixes;
  // the files fixed are collected again after, and only the URLs they now hold are checked.
  const externalFirst = options.fix !== undefined && options.external?.settings.archive.enabled === true;
  if (externalFirst && !interrupted) await checkUrls(outcomes.order);

  // Fix passes, when asked.
  let fixed: FixedFile[] = [];
  if (options.fix && !interrupted) {
    const fixRun = { root, maxFileSize: config.maxFileSize, checks, index, runProblems, notes: warnings, reprocess: processMany.bind(undefined, run) };
    const urlFixes = external ? (i: number, mode: FixOptions['mode']) => (external as ExternalPhase).fixes(i, mode) : undefined;
    const storeFixed = (o: FileOutcome) => {
      if (cache && useOutcomes) cache.set(root, o.path, o, localLinks(o.facts, o.lineStarts, repo));
    };
    ({ fixed, interrupted } = await fixPhase(fixRun, outcomes, options.fix, urlFixes, storeFixed));
  }
  // Every fix is written: the next run may fix.
  lock?.release();
  phase('fix');

  if (externalFirst && external && fixed.length && !interrupted) {
    const atOf = new Map(outcomes.order.map((i) => [files[i] as string, i]));
    await checkUrls(fixed.flatMap((f) => (atOf.has(f.path) ? [atOf.get(f.path) as number] : [])));
  } else if (options.external && !externalFirst && !interrupted) {
    await checkUrls(outcomes.order);
  }
  if (external) phase('external');

  // Results, with the cross-file checks, a file at a time.
  // A file that cannot be linted is a message of its own (the contract), an internal failure on it too (an error
  // of the file, not of the run); the failure is also said on stderr, to be reported.
  for (const o of outcomes.slots) if (o?.error && o.errorKind === 'internal') warnings.push(`${o.path}: ${o.error.split('\n')[0]} (reported as an error of the file; please report this failure)`);
  // While the archive index is what it was, a cached file's cross-file messages still hold.
  const fingerprint = cache && useOutcomes && Object.keys(mirrors).length === 0 && !options.reportUnusedSuppressions ? indexFingerprint(walked.files, index, cache, root) : undefined;
  const cacheStats = cache ? { hits: cache.hits, misses: cache.misses, reused: 0 } : undefined;
  const urls = external as ExternalPhase | undefined;
  // A change-aware run tells the problems the change introduced from those that were there before.
  const change = changed ? { lines: changedLines(root, changed), everything: config.file !== undefined && changed.changed.some((p) => resolve(root, p) === resolve(config.file as string)) } : undefined;
  function* results(): Generator<LintResult> {
    const tally = { suppressed: 0, notChecked: 0 };
    const archiveMessages = graph?.messages;
    const extra = urls || archiveMessages?.size ? (i: number) => [...(urls ? urls.messages(i) : []), ...(archiveMessages?.get(files[i] as string) ?? [])] : undefined;
    yield* resultsPhase({ root, checks, repo, breakage, change, reportUnused: options.reportUnusedSuppressions === true }, outcomes, { cache, fingerprint, external: extra, cacheStats, tally });
    // Archive-wide findings about files this run does not lint (unused images): a result each, in path order.
    if (archiveMessages) for (const path of [...archiveMessages.keys()].filter((p) => !slotOf.has(p)).sort()) yield makeResult(resolve(root, path), archiveMessages.get(path) as LintMessage[]);
    report.stats.suppressed = tally.suppressed + (urls?.suppressed ?? 0);
    report.stats.notChecked = tally.notChecked + (urls?.notChecked ?? 0);
    phase('cross-file');
    if (cache && useOutcomes) {
      if (!options.paths?.length && !options.patterns?.length) cache.retain(walked.lint);
      // A cache that cannot be written (a full disk, no permission) leaves the old one whole, and the run was not
      // done as asked: said on stderr, exit 2.
      const saved = cache.save();
      warnings.push(...saved.unplaced);
      for (const problem of saved.failed) runProblems.push({ path: options.cache?.location ?? 'cache', message: problem });
    }
    if (cache) warnings.unshift(...cache.warnings);
    phase('cache');
    report.stats.ms = performance.now() - started;
  }
  const report = { runProblems, warnings, ...(change ? { lines: change.lines } : {}), ...(cacheStats ? { cache: cacheStats } : {}), ...(externalReport ? { external: externalReport } : {}), ...(graph ? { graph: graph.summary } : {}), fixed, interrupted, stats: { linted: outcomes.order.length, indexed: index.size, ms: 0, suppressed: 0, notChecked: 0, phases } };
  if (options.stream) return { ...report, results: [], stream: results() };
  return { ...report, results: [...results()] };
}
