/**
 * Stage: the run (src/core/run/). In: the options of a run, the rules chosen by the caller (and the URL of their
 * module, for the workers). Out: the report. engine.ts lists the phases, each a function of its stage's folder;
 * pool.ts and worker.ts run the per-file step on worker threads.
 *
 * The engine: walk → per-file step (parse once, per-file rules, extraction) → archive index →
 * cross-file checks → results, and, when asked, fix passes. It never prints and never exits.
 */
import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ArchiveIndex, type TargetIndex } from '../links/target-index.js';
import { FsIndex } from '../links/fs-index.js';
import { emptyOutcome, processFile, processJob, processSource, readSource, type FileJob, type ProcessSettings, type Source } from '../parse/process-file.js';
import { walk } from '../walk/walk.js';
import { readFileSync } from 'node:fs';
import { anchorsAtBase, linksToTouched, localTargets, mayLink, needles, stagedText, touchedRanges, type ChangeSet, type Touched } from '../walk/changed.js';
import picomatch from 'picomatch';
import { isMarkdownPath } from '../links/target-index.js';
import { createHash } from 'node:crypto';
import { FileCache } from '../cache/cache.js';
import { version } from '../../version.js';
import { processInPool } from './pool.js';
import type { WorkerSetup } from './worker.js';
import { isSuppressed } from '../parse/suppress.js';
import { capMessages, compareMessages, makeResult, toMessage } from '../report/results.js';
import { outcomeMessages, packMessages, resultOf } from '../cache/packed.js';
import { applyFixes } from '../fix/fix.js';
import { writeFixed } from '../fix/write.js';
import type { ResolvedConfig } from '../config/config.js';
import type { CrossFileContext, RuleModule } from '../parse/rule.js';
import type { RepoIdentity } from '../links/github.js';
import type { FileFacts, FileOutcome, Fix, LintMessage, LintResult, RawProblem } from '../../types.js';
import { ExternalPhase, externalHooks, type ExternalOptions, type ExternalReport } from '../external/phase.js';
import { shardFiles, type Shard } from '../walk/shard.js';

/** Fewer files than this are parsed in-process: starting workers would cost more than it saves. */
export const POOL_THRESHOLD = 200;

/** At most this many fix passes per file, as ESLint. */
export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** `safe` applies safe fixes; `unsafe` applies every fix. */
  mode: 'safe' | 'unsafe';
  /** Compute the fixed text but write nothing. */
  dryRun: boolean;
}

export interface LintOptions {
  /** Absolute archive root. */
  root: string;
  /** Absolute files or folders to lint (default: the whole root). */
  paths?: string[];
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
  cache?: { location: string };
  /** Lint only what this change touches, and the files whose links it breaks. */
  changed?: ChangeSet;
  /** Checked between files; when set, the run stops early (Ctrl-C). */
  signal?: { aborted: boolean };
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
}

/** A problem with the run itself (exit 2): unreadable files and folders, files that could not be fixed. */
export interface RunProblem {
  path: string;
  message: string;
}

export interface FixedFile {
  /** Root-relative path. */
  path: string;
  before: string;
  after: string;
  bom: boolean;
  /** Fixes applied over all passes. */
  fixes: number;
  /** Written to disk (false for a dry run or a failed write). */
  written: boolean;
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
  stats: { linted: number; indexed: number; ms: number; phases: Record<string, number> };
}

/** A file's links and anchors without running any rule (from `text` when it was read already). */
function factsOf(root: string, path: string, maxFileSize: number, site: ProcessSettings['site'], text?: string): FileFacts | undefined {
  const settings: ProcessSettings = { root, rules: {}, mirrors: {}, maxFileSize, site };
  const o = text === undefined ? processFile(path, [], settings) : processSource(path, { text, bom: false }, [], settings);
  return o.error ? undefined : o.facts;
}

/**
 * The files a change-aware run lints: the changed Markdown files, and the unchanged ones that link to a file
 * the change deleted or renamed or to an anchor it removed. Linking files are found from the cache's facts
 * when it has them, else by a text prefilter on the touched names confirmed by a parse of the candidates.
 */
function changedFiles(s: Session, lintable: string[], cs: ChangeSet, cache: FileCache | undefined, unfollowed: ReadonlyMap<string, string>): { files: string[]; direct: Set<string>; touched: Touched } {
  const lintSet = new Set(lintable);
  const direct = new Set(cs.changed.filter((p) => lintSet.has(p)));
  const touched: Touched = { gone: new Set([...cs.deleted, ...cs.renamed.keys()]), removedAnchors: new Map(), site: s.config.site };
  for (const path of cs.modified) {
    if (!isMarkdownPath(path)) continue;
    const before = anchorsAtBase(s.root, cs.base, path, s.config.site);
    if (before.size === 0) continue;
    // What the commit takes: the staged text of a file whose work-tree copy has changes not staged.
    const staged = cs.staged && cs.unstaged?.has(path) ? stagedText(s.root, path)?.replace(/^\ufeff/, '') : undefined;
    const current = new Set(factsOf(s.root, path, s.config.maxFileSize, s.config.site, staged)?.anchors ?? []);
    const removed = new Set([...before].filter((a) => !current.has(a)));
    if (removed.size) touched.removedAnchors.set(path, removed);
  }
  const out = new Set(direct);
  if (touched.gone.size === 0 && touched.removedAnchors.size === 0) return { files: lintable.filter((p) => out.has(p)), direct, touched };
  const words = needles(touched);
  for (const path of lintable) {
    // Never opened: a link that loops or leaves the root.
    if (out.has(path) || unfollowed.has(path)) continue;
    let targets = cache?.links(s.root, path)?.targets;
    if (!targets) {
      let text: string;
      try {
        text = readFileSync(join(s.root, path), 'utf8');
      } catch {
        continue;
      }
      if (!mayLink(text, words)) continue;
      const facts = factsOf(s.root, path, s.config.maxFileSize, s.config.site, text.replace(/^\ufeff/, ''));
      if (!facts) continue;
      targets = localTargets(facts, s.repo);
    }
    if (linksToTouched(targets, touched)) out.add(path);
  }
  return { files: lintable.filter((p) => out.has(p)), direct, touched };
}

/**
 * A change that adds or modifies no file the config would lint, and deletes or renames nothing, breaks nothing:
 * a hook on such a commit need not walk the archive.
 */
function changeTouchesNothing(cs: ChangeSet, config: ResolvedConfig): boolean {
  // A Markdown page the config ignores is still a link target: its headings count.
  if (cs.deleted.length || cs.renamed.size || cs.modified.some(isMarkdownPath)) return false;
  const included = picomatch(config.include, { dot: true });
  const ignored = picomatch(config.ignore, { dot: true });
  return !cs.changed.some((p) => included(p) && !ignored(p));
}

/** What a cached outcome depends on besides the file: the tool, the resolved config, the repository. */
function cacheKey(config: ResolvedConfig, repo: RepoIdentity | undefined, mirrors: Record<string, string>): string {
  return createHash('sha1').update(JSON.stringify({ v: version(), c: config.source, repo: repo ?? null, mirrors })).digest('hex');
}

function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** Restrict the files to lint to those under the given paths. */
function selectPaths(lint: string[], root: string, paths: string[] | undefined): string[] {
  if (!paths || paths.length === 0) return lint;
  const prefixes = paths.map((p) => toRel(root, resolve(p)));
  if (prefixes.some((p) => p === '')) return lint;
  return lint.filter((f) => prefixes.some((p) => f === p || f.startsWith(`${p}/`)));
}

interface Session {
  root: string;
  config: ResolvedConfig;
  rules: readonly RuleModule[];
  ctx: CrossFileContext;
  mirrors: Record<string, string>;
  repo: RepoIdentity | undefined;
  /**
   * In a change-aware run, what the change took away, and the files it changed: a file linted only because it
   * links to what was taken away reports only the messages the change caused in it, not its older problems.
   */
  breakage?: { direct: ReadonlySet<string>; touched: Touched };
}

function settingsFor(s: Session, path: string): ProcessSettings {
  const settings: ProcessSettings = { root: s.root, rules: s.config.rulesFor(path), mirrors: s.mirrors, maxFileSize: s.config.maxFileSize, maxMessagesPerFile: s.config.maxMessagesPerFile, site: s.config.site };
  if (s.repo) settings.repo = s.repo;
  return settings;
}

/** The cross-file problems of one processed file, suppressions applied, with their severities. */
function crossProblems(s: Session, o: FileOutcome): { problem: RawProblem; severity: 1 | 2 }[] {
  const out: { problem: RawProblem; severity: 1 | 2 }[] = [];
  const ruleConfigs = s.config.rulesFor(o.path);
  for (const rule of s.rules) {
    const rc = ruleConfigs[rule.meta.id];
    if (!rule.crossFile || !rc || rc.severity === 0) continue;
    for (const p of rule.crossFile(o.facts, s.ctx, rc.options)) {
      if (!isSuppressed(p, o.suppressions)) out.push({ problem: p, severity: (p.severity ?? rc.severity) as 1 | 2 });
    }
  }
  return out;
}

/**
 * A file's result: its per-file messages (from the per-file step), its cross-file ones (sorted, and returned for
 * the cache) and `external` ones (about its URLs, never cached with the others).
 */
function resultFor(s: Session, o: FileOutcome, external: LintMessage[] = []): { result: LintResult; cross: LintMessage[] } {
  const filePath = resolve(s.root, o.path);
  if (o.error) return { result: makeResult(filePath, [{ ruleId: null, severity: 2, fatal: true, message: o.error, line: 1, column: 1 }]), cross: [] };
  if (s.breakage && !s.breakage.direct.has(o.path)) {
    // Linted only for what the change broke in it: the messages at its links to what the change took away.
    const ranges = touchedRanges(o.facts, s.breakage.touched, s.repo);
    const caused = crossProblems(s, o)
      .filter(({ problem }) => ranges.some(([start, end]) => problem.start >= start && problem.end <= end))
      .map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
    return { result: resultOf(filePath, { messages: [] }, caused), cross: caused };
  }
  // Capped apart from the per-file ones, so that a page's thousands of warnings never hide its broken links.
  const raw = crossProblems(s, o).map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
  const cross = raw.length > s.config.maxMessagesPerFile + 1 ? capMessages(raw.sort(compareMessages), s.config.maxMessagesPerFile) : raw;
  return { result: resultOf(filePath, o, external.length ? [...cross, ...external] : cross), cross };
}

/**
 * What every file's cross-file messages depend on besides the file: which files exist, and the anchors of the
 * Markdown ones (or, where they are not at hand, their size and time). Undefined when a file went away meanwhile.
 */
function indexFingerprint(files: readonly string[], index: ArchiveIndex, cache: FileCache, root: string): string | undefined {
  const h = createHash('sha1');
  for (const path of [...files].sort()) {
    h.update(path).update('\0');
    if (!isMarkdownPath(path)) continue;
    const anchors = index.knownAnchors(path) ?? cache.links(root, path)?.anchors;
    if (anchors) {
      for (const a of anchors) h.update(a).update('\u0001');
    } else {
      const stamp = cache.stamp(root, path);
      if (!stamp) return undefined;
      h.update(`\u0002${stamp.size}:${stamp.mtimeMs}`);
    }
    h.update('\0');
  }
  return h.digest('hex');
}

function fixesOf(s: Session, o: FileOutcome, mode: FixOptions['mode']): Fix[] {
  if (o.error) return [];
  const fixes: Fix[] = [];
  for (const m of outcomeMessages(o)) {
    if (m.fix) fixes.push(m.fix);
    else if (mode === 'unsafe' && m.suggestions?.[0]) fixes.push(m.suggestions[0].fix);
  }
  for (const { problem: p } of crossProblems(s, o)) if (p.fix && (mode === 'unsafe' || p.fixKind !== 'unsafe')) fixes.push(p.fix);
  return fixes;
}

/** How to run the per-file step on many files: on the worker pool when it pays, else in-process. */
interface Runner {
  concurrency: number;
  /** Set when the workers can run this rule set (they import it from its module). */
  setup: WorkerSetup | undefined;
  signal: { aborted: boolean } | undefined;
}

/**
 * Files larger than this are never parsed in-process when workers can run them: only a worker can be stopped
 * when a file runs past its time budget or its memory limit. Below it even a pathological text parses in well
 * under a second.
 */
export const IN_PROCESS_MAX_BYTES = 16 * 1024;

function jobSize(s: Session, job: FileJob): number {
  if (job.text !== undefined) return job.text.length;
  try {
    return statSync(join(s.root, job.path)).size;
  } catch {
    return 0;
  }
}

/** The per-file step on many files (a path, or a path with its text); returns whether it was interrupted. */
async function processMany(s: Session, jobs: FileJob[], run: Runner, onDone: (k: number, o: FileOutcome) => void): Promise<boolean> {
  const pool = (some: FileJob[], size: number, done: (k: number, o: FileOutcome) => void) =>
    processInPool(some, { size, setup: run.setup as WorkerSetup, timeBudget: s.config.timeBudget }, done, run.signal);
  if (run.setup && run.concurrency > 1 && jobs.length >= POOL_THRESHOLD) return (await pool(jobs, run.concurrency, onDone)).interrupted;
  // Few files: in-process, but for the large ones, which go to workers, where a time budget holds.
  const deferred: number[] = [];
  for (let k = 0; k < jobs.length; k++) {
    if (run.signal?.aborted) return true;
    const job = jobs[k] as FileJob;
    if (run.setup && s.config.timeBudget && jobSize(s, job) > IN_PROCESS_MAX_BYTES) {
      deferred.push(k);
      continue;
    }
    onDone(k, packMessages(processJob(job, s.rules, settingsFor(s, job.path))));
    // Let timers, I/O and signals run on long walks.
    if (k % 64 === 63) await new Promise((r) => setImmediate(r));
  }
  if (!deferred.length) return false;
  const size = Math.max(1, Math.min(run.concurrency, deferred.length));
  return (await pool(deferred.map((k) => jobs[k] as FileJob), size, (d, o) => onDone(deferred[d] as number, o))).interrupted;
}

interface FixJob {
  /** Index in the run's outcomes. */
  at: number;
  original: FileOutcome;
  source: Source;
  text: string;
  current: FileOutcome;
  fixes: number;
  /** The fixes of `current`, when already computed (the first pass). */
  pending: Fix[] | undefined;
}

/**
 * Fix passes, all files at once: each pass applies every file's fixes on the main thread (they may depend on
 * the archive index), then runs the per-file step on the fixed texts, on the workers when there are enough.
 * Every file sees the others as they were after the previous pass, whatever the order. Then each fixed file is
 * written. Interrupted, a pass's unprocessed texts are dropped, and what the earlier passes fixed is written.
 */
async function fixAll(s: Session, outcomes: FileOutcome[], options: FixOptions, index: ArchiveIndex, fixed: FixedFile[], runProblems: RunProblem[], run: Runner, externalFixes?: (at: number) => Fix[]): Promise<boolean> {
  const jobs: FixJob[] = [];
  for (let at = 0; at < outcomes.length; at++) {
    const o = outcomes[at] as FileOutcome;
    // Fixes of external messages (web-archive snapshots) are offered for the original text: the first pass only.
    const pending = externalFixes ? [...fixesOf(s, o, options.mode), ...externalFixes(at)] : fixesOf(s, o, options.mode);
    if (pending.length === 0) continue;
    const source = readSource(join(s.root, o.path), s.config.maxFileSize);
    if (!('text' in source)) continue;
    jobs.push({ at, original: o, source, text: source.text, current: o, fixes: 0, pending });
  }
  let interrupted = false;
  let active = jobs;
  for (let pass = 0; pass < MAX_FIX_PASSES && active.length > 0 && !interrupted; pass++) {
    const next: { job: FixJob; before: string; fixes: number }[] = [];
    for (const job of active) {
      const fixes = job.pending ?? fixesOf(s, job.current, options.mode);
      job.pending = undefined;
      if (fixes.length === 0) continue;
      const applied = applyFixes(job.text, fixes);
      if (applied.applied.length === 0 || applied.text === job.text) continue;
      next.push({ job, before: job.text, fixes: applied.applied.length });
      job.text = applied.text;
    }
    const processed: (FileOutcome | undefined)[] = new Array(next.length);
    interrupted = await processMany(s, next.map(({ job }) => ({ path: job.original.path, text: job.text, bom: job.source.bom })), run, (k, o) => {
      processed[k] = o;
    });
    next.forEach(({ job, before, fixes }, k) => {
      const o = processed[k];
      if (!o) {
        job.text = before;
        return;
      }
      job.current = o;
      job.fixes += fixes;
      if (!o.error) index.setAnchors(o.path, o.facts.anchors);
    });
    active = next.filter((_, k) => processed[k] !== undefined).map(({ job }) => job);
  }
  for (const job of jobs) outcomes[job.at] = writeFixJob(s, job, options, index, fixed, runProblems);
  return interrupted;
}

/** Write one fixed file (unless a dry run) and say what became of it; the outcome to report. */
function writeFixJob(s: Session, job: FixJob, options: FixOptions, index: ArchiveIndex, fixed: FixedFile[], runProblems: RunProblem[]): FileOutcome {
  const { original: o, source, text } = job;
  if (text === source.text) return job.current;
  const entry: FixedFile = { path: o.path, before: source.text, after: text, bom: source.bom, fixes: job.fixes, written: false };
  fixed.push(entry);
  if (!options.dryRun) {
    const w = writeFixed(s.root, join(s.root, o.path), source.bytes, text, source.bom);
    if (w.ok) entry.written = true;
    else {
      runProblems.push({ path: o.path, message: w.reason });
      // The file on disk is unchanged: report what it still holds.
      index.setAnchors(o.path, o.facts.anchors);
      return o;
    }
  }
  return job.current;
}

export async function lint(options: LintOptions): Promise<LintReport> {
  const started = performance.now();
  const { rules, rulesModule } = options;
  const { root, config } = options;
  const warnings: string[] = [];
  const changed = options.changed;
  if (changed?.note) warnings.push(changed.note);
  if (changed && changeTouchesNothing(changed, config)) {
    const none = { runProblems: [], warnings, fixed: [], interrupted: false, stats: { linted: 0, indexed: 0, ms: performance.now() - started, phases: {} } };
    return options.stream ? { ...none, results: [], stream: [][Symbol.iterator]() } : { ...none, results: [] };
  }
  const phases: Record<string, number> = {};
  let mark = started;
  let loop = performance.eventLoopUtilization();
  // Milliseconds per phase, how busy the main thread was in it (percent; the rest is waiting on workers or I/O),
  // and the process's resident memory at its end (workers included).
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    const used = performance.eventLoopUtilization(loop);
    if (now - mark > 50) phases[`${name}.busy%`] = Math.round(used.utilization * 100);
    phases[`${name}.rssMB`] = Math.round(process.memoryUsage.rss() / 1048576);
    loop = performance.eventLoopUtilization();
    mark = now;
  };
  const walked = walk(root, { include: config.include, ignore: config.ignore });
  let files = selectPaths(walked.lint, root, options.paths);
  const runProblems: RunProblem[] = walked.problems.map((p) => ({ path: p.path, message: p.message }));
  const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve(root, v)]));

  const cache = options.cache && rulesModule !== undefined ? new FileCache(options.cache.location, cacheKey(config, options.repo, mirrors)) : undefined;
  // Anchors of files that were not linted in this run: from the cache's link index, else by parsing the file.
  const index = new ArchiveIndex(walked.files, (path) => {
    const cached = cache?.links(root, path)?.anchors;
    if (cached) return new Set(cached);
    const facts = factsOf(root, path, config.maxFileSize, config.site);
    return facts ? new Set(facts.anchors) : undefined;
  });
  const mirrorIndexes = new Map<string, TargetIndex | undefined>();
  const mirrorIndex = (key: string): TargetIndex | undefined => {
    if (!mirrorIndexes.has(key)) {
      const dir = mirrors[key];
      let ok = false;
      try {
        ok = dir !== undefined && statSync(dir).isDirectory();
      } catch {
        ok = false;
      }
      mirrorIndexes.set(key, ok ? new FsIndex(dir as string) : undefined);
    }
    return mirrorIndexes.get(key);
  };
  const ctx: CrossFileContext = { root, mirrors, index, mirrorIndex };
  if (options.repo) ctx.repo = options.repo;
  if (config.site !== 'github') Object.assign(ctx, { site: config.site, siteRoot: config.siteRoot, siteExternal: config.siteExternal });
  const session: Session = { root, config, rules, ctx, mirrors, repo: options.repo };

  phase('walk');
  if (changed) {
    // Within the given paths, if any: the changed files there, and the files there that link to what changed.
    const c = changedFiles(session, files, changed, cache, walked.links);
    files = c.files;
    session.breakage = { direct: c.direct, touched: c.touched };
    ctx.renamed = changed.renamed;
    ctx.deleted = new Set(changed.deleted);
  }
  if (options.shard) files = shardFiles(root, files, options.shard);

  let interrupted = false;
  // Each file's outcome: processed in this run, or served by the cache (`hit`) and unpacked only when needed.
  const slots: (FileOutcome | undefined)[] = new Array(files.length);
  const hit: boolean[] = new Array<boolean>(files.length).fill(false);
  let done = 0;
  const todo: number[] = [];
  // A change-aware run parses its few files afresh and never loads the outcomes.
  const useOutcomes = cache !== undefined && !changed;
  for (let i = 0; i < files.length; i++) {
    const unfollowed = walked.links.get(files[i] as string);
    if (unfollowed !== undefined) {
      // A link that loops or leaves the root: a file that cannot be linted, never opened.
      slots[i] = emptyOutcome(files[i] as string, unfollowed, 'content');
      options.onProgress?.(++done, files.length, files[i] as string);
    } else if (useOutcomes && cache.has(root, files[i] as string)) {
      hit[i] = true;
      options.onProgress?.(++done, files.length, files[i] as string);
    } else {
      todo.push(i);
    }
  }
  const run: Runner = {
    concurrency: options.concurrency ?? 1,
    setup: rulesModule !== undefined ? { rulesModule, root, config: config.source.config, configFile: config.file, cliRules: config.source.cliRules, repo: options.repo, mirrors } : undefined,
    signal: options.signal,
  };
  // A git hook other than the pre-commit framework runs on the working tree as it is: a file with unstaged
  // changes is linted as staged (not when fixing, which writes the working-tree file).
  const staged = changed?.staged && changed.unstaged && !options.fix ? changed.unstaged : undefined;
  let asStaged = 0;
  const jobOf = (path: string): FileJob => {
    const text = staged?.has(path) ? stagedText(root, path) : undefined;
    if (text === undefined) return { path };
    asStaged++;
    return text.charCodeAt(0) === 0xfeff ? { path, text: text.slice(1), bom: true } : { path, text };
  };
  const jobs = todo.map((i) => jobOf(files[i] as string));
  if (asStaged) warnings.push(`${asStaged} file${asStaged === 1 ? ' has' : 's have'} unstaged changes: linted as staged`);
  interrupted = await processMany(session, jobs, run, (k, o) => {
    slots[todo[k] as number] = o;
    options.onProgress?.(++done, files.length, o.path);
  });
  if (cache && useOutcomes) for (const k of todo) if (slots[k]) cache.set(root, files[k] as string, slots[k] as FileOutcome, localTargets((slots[k] as FileOutcome).facts, options.repo));
  // The files with an outcome, in order (an interrupted run leaves some out).
  const order = files.map((_, i) => i).filter((i) => hit[i] || slots[i]);
  phase('per-file');
  // Anchors of cached files come from the cache's link index when asked for.
  for (const o of slots) if (o && !o.error) index.setAnchors(o.path, o.facts.anchors);
  const outcomeAt = (i: number): FileOutcome => {
    let o = slots[i];
    if (!o) {
      const path = files[i] as string;
      o = cache?.get(path);
      // Bytes that do not unpack (or a lost outcomes file) are not trusted: the file is linted again.
      const lost = !o || !cache?.links(root, path);
      o ??= packMessages(processFile(path, rules, settingsFor(session, path)));
      // An entry a lost cache file no longer has is written again, else every later run would miss it.
      if (cache && lost) cache.set(root, path, o, localTargets(o.facts, options.repo));
      slots[i] = o;
    }
    return o;
  };

  // External URLs: collected from every file's references (an outcome served by the cache is let go again), each
  // unique one checked once, the messages added to each file's result below.
  let external: ExternalPhase | undefined;
  let externalReport: ExternalReport | undefined;
  const checkExternal = async (at: readonly number[]) => {
    const ext = options.external as ExternalOptions;
    external ??= new ExternalPhase(externalHooks(rules), { mirrors, ...(options.repo ? { repo: options.repo } : {}) });
    for (const i of at) {
      const held = slots[i] !== undefined;
      const o = outcomeAt(i);
      external.add(i, o, config.rulesFor(o.path));
      if (!held && hit[i]) slots[i] = undefined;
    }
    const cacheDir = options.cache?.location;
    externalReport = await external.check({ root, ...ext, ...(cacheDir !== undefined && ext.cacheDir === undefined ? { cacheDir } : {}) }, options.signal);
    warnings.push(...externalReport.warnings);
    // Ctrl-C while URLs were checked: those not requested are unchecked, and the run says it was interrupted.
    if (options.signal?.aborted) interrupted = true;
  };
  // Fixing with web-archive repairs on: URLs are checked before the fix passes, whose first applies their fixes;
  // the files fixed are collected again after, and only the URLs they now hold are checked.
  const externalFirst = options.fix !== undefined && options.external?.settings.archive.enabled === true;
  if (externalFirst && !interrupted) await checkExternal(order);

  const fixed: FixedFile[] = [];
  if (options.fix && !interrupted) {
    const outcomes = order.map(outcomeAt);
    const mode = options.fix.mode;
    interrupted = await fixAll(session, outcomes, options.fix, index, fixed, runProblems, run, external ? (at) => (external as ExternalPhase).fixes(order[at] as number, mode) : undefined);
    order.forEach((i, k) => (slots[i] = outcomes[k]));
    if (cache && useOutcomes) {
      const byPath = new Map(outcomes.map((o) => [o.path, o]));
      for (const f of fixed) {
        const o = byPath.get(f.path);
        if (f.written && o) cache.set(root, f.path, o, localTargets(o.facts, options.repo));
      }
    }
  }
  phase('fix');

  if (externalFirst && external && fixed.length && !interrupted) {
    const atOf = new Map(order.map((i) => [files[i] as string, i]));
    await checkExternal(fixed.flatMap((f) => (atOf.has(f.path) ? [atOf.get(f.path) as number] : [])));
  } else if (options.external && !externalFirst && !interrupted) {
    await checkExternal(order);
  }
  if (external) phase('external');

  // A file that cannot be linted is a message of its own (the contract), an internal failure on it too (an error
  // of the file, not of the run); the failure is also said on stderr, to be reported.
  for (const o of slots) if (o?.error && o.errorKind === 'internal') warnings.push(`${o.path}: ${o.error.split('\n')[0]} (reported as an error of the file; please report this failure)`);
  // While the archive index is what it was, a cached file's cross-file messages still hold.
  const fingerprint = cache && useOutcomes && Object.keys(mirrors).length === 0 ? indexFingerprint(walked.files, index, cache, root) : undefined;
  const keep = cache !== undefined;
  const cacheStats = cache ? { hits: cache.hits, misses: cache.misses, reused: 0 } : undefined;
  // Each file's messages (per-file and cross-file), its outcome let go once they are built unless the cache needs it.
  function* build(): Generator<LintResult> {
    for (const i of order) {
      const path = files[i] as string;
      if (!slots[i] && fingerprint !== undefined) {
        const json = cache?.cross(path, fingerprint);
        if (json !== undefined) {
          if (cacheStats) cacheStats.reused++;
          const cross = JSON.parse(json) as LintMessage[];
          if (external) cross.push(...external.messages(i));
          yield resultOf(resolve(root, path), { messages: [], packed: cache?.packed(path) }, cross);
          continue;
        }
      }
      const o = outcomeAt(i);
      // The cache holds a served file's outcome as bytes already.
      if (!keep || hit[i]) slots[i] = undefined;
      const { result, cross } = resultFor(session, o, external?.messages(i));
      if (fingerprint !== undefined && !o.error) cache?.setCross(path, fingerprint, JSON.stringify(cross));
      yield result;
    }
    phase('cross-file');
    if (cache && useOutcomes) {
      if (!options.paths?.length) cache.retain(walked.lint);
      warnings.push(...cache.save());
    }
    if (cache) warnings.unshift(...cache.warnings);
    phase('cache');
    report.stats.ms = performance.now() - started;
  }
  const report = { runProblems, warnings, ...(cacheStats ? { cache: cacheStats } : {}), ...(externalReport ? { external: externalReport } : {}), fixed, interrupted, stats: { linted: order.length, indexed: index.size, ms: 0, phases } };
  if (options.stream) return { ...report, results: [], stream: build() };
  return { ...report, results: [...build()] };
}
