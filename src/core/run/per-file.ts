/**
 * The per-file phase of a run: every file to lint through the per-file step, on the worker pool when it pays,
 * else in-process; outcomes the cache holds are served from it. In: the files to lint; out: their outcomes
 * (`Outcomes`, an outcome served by the cache unpacked only when asked for).
 */
import { emptyOutcome, jobSize, processFile, processJob, type FileJob, type ProcessSettings } from '../parse/process-file.js';
import { packMessages } from '../cache/packed.js';
import { localLinks, stagedText } from '../walk/changed.js';
import { processInPool } from './pool.js';
import type { FileCache } from '../cache/cache.js';
import type { WorkerSetup } from './worker.js';
import type { ResolvedConfig } from '../config/config.js';
import type { RuleModule } from '../parse/rule.js';
import type { RepoIdentity } from '../links/github.js';
import type { FileOutcome } from '../../types.js';

/** Fewer files than this are parsed in-process: starting workers would cost more than it saves. */
export const POOL_THRESHOLD = 200;

/**
 * Files larger than this are never parsed in-process when workers can run them: only a worker can be stopped
 * when a file runs past its time budget or its memory limit. Below it even a pathological text parses in well
 * under a second.
 */
export const IN_PROCESS_MAX_BYTES = 16 * 1024;

/** How to run the per-file step on many files: what it needs, and on the worker pool when it pays. */
export interface PerFileRun {
  root: string;
  config: ResolvedConfig;
  rules: readonly RuleModule[];
  mirrors: Record<string, string>;
  repo: RepoIdentity | undefined;
  concurrency: number;
  /** Set when the workers can run this rule set (they import it from its module). */
  setup: WorkerSetup | undefined;
  signal: { aborted: boolean } | undefined;
}

export function settingsFor(run: PerFileRun, path: string): ProcessSettings {
  const settings: ProcessSettings = { root: run.root, rules: run.config.rulesFor(path), mirrors: run.mirrors, maxFileSize: run.config.maxFileSize, maxMessagesPerFile: run.config.maxMessagesPerFile, site: run.config.site, ...(run.config.siteModel ? { siteModel: run.config.siteModel } : {}) };
  if (run.repo) settings.repo = run.repo;
  return settings;
}

/** The per-file step on many files (a path, or a path with its text); returns whether it was interrupted. */
export async function processMany(run: PerFileRun, jobs: FileJob[], onDone: (k: number, o: FileOutcome) => void): Promise<boolean> {
  const pool = (some: FileJob[], size: number, done: (k: number, o: FileOutcome) => void) =>
    processInPool(some, { size, setup: run.setup as WorkerSetup, timeBudget: run.config.timeBudget }, done, run.signal);
  if (run.setup && run.concurrency > 1 && jobs.length >= POOL_THRESHOLD) return (await pool(jobs, run.concurrency, onDone)).interrupted;
  // Few files: in-process, but for the large ones, which go to workers, where a time budget holds.
  const deferred: number[] = [];
  for (let k = 0; k < jobs.length; k++) {
    if (run.signal?.aborted) return true;
    const job = jobs[k] as FileJob;
    if (run.setup && run.config.timeBudget && jobSize(run.root, job) > IN_PROCESS_MAX_BYTES) {
      deferred.push(k);
      continue;
    }
    onDone(k, packMessages(processJob(job, run.rules, settingsFor(run, job.path))));
    // Let timers, I/O and signals run on long walks.
    if (k % 64 === 63) await new Promise((r) => setImmediate(r));
  }
  if (!deferred.length) return false;
  const size = Math.max(1, Math.min(run.concurrency, deferred.length));
  return (await pool(deferred.map((k) => jobs[k] as FileJob), size, (d, o) => onDone(deferred[d] as number, o))).interrupted;
}

/**
 * Each file's outcome: processed in this run, or served by the cache (`hit`) and unpacked only when needed;
 * `order` lists the files with an outcome (an interrupted run leaves some out).
 */
export class Outcomes {
  readonly slots: (FileOutcome | undefined)[];
  readonly hit: boolean[];
  order: number[] = [];

  constructor(
    readonly files: readonly string[],
    private readonly run: PerFileRun,
    private readonly cache: FileCache | undefined,
  ) {
    this.slots = new Array(files.length);
    this.hit = new Array<boolean>(files.length).fill(false);
  }

  /** The outcome of file `i`: unpacked from the cache, or, when the cache lost it, linted again. */
  at(i: number): FileOutcome {
    let o = this.slots[i];
    if (!o) {
      const { cache, run } = this;
      const path = this.files[i] as string;
      o = cache?.get(path);
      // Bytes that do not unpack (or a lost outcomes file) are not trusted: the file is linted again.
      const lost = !o || !cache?.links(run.root, path);
      o ??= packMessages(processFile(path, run.rules, settingsFor(run, path)));
      // An entry a lost cache file no longer has is written again, else every later run would miss it.
      if (cache && lost) cache.set(run.root, path, o, localLinks(o.facts, o.lineStarts, run.repo));
      this.slots[i] = o;
    }
    return o;
  }

  /** Put a file's outcome in place (the outcome of its fixed text). */
  set(i: number, o: FileOutcome): void {
    this.slots[i] = o;
  }

  /** Let go of the outcome of a file the cache serves (it holds it as bytes already). */
  release(i: number): void {
    if (this.hit[i]) this.slots[i] = undefined;
  }
}

export interface PerFileOptions {
  /** Symbolic links that cannot be followed (the walk's): files that cannot be linted, never opened. */
  unfollowed: ReadonlyMap<string, string>;
  cache: FileCache | undefined;
  /** Serve and store whole outcomes in the cache (not in a change-aware run, which parses its few files afresh). */
  useOutcomes: boolean;
  /** Files with unstaged changes, linted as staged (a git hook on the working tree). */
  staged: ReadonlySet<string> | undefined;
  onProgress: ((done: number, total: number, path: string) => void) | undefined;
  warnings: string[];
}

/** The per-file step on every file to lint; returns the outcomes and whether the run was interrupted. */
export async function perFilePhase(run: PerFileRun, files: readonly string[], options: PerFileOptions): Promise<{ outcomes: Outcomes; interrupted: boolean }> {
  const { cache, useOutcomes, staged } = options;
  const outcomes = new Outcomes(files, run, cache);
  const { slots, hit } = outcomes;
  let done = 0;
  const todo: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const unfollowed = options.unfollowed.get(files[i] as string);
    if (unfollowed !== undefined) {
      // A link that loops or leaves the root: a file that cannot be linted, never opened.
      slots[i] = emptyOutcome(files[i] as string, unfollowed, 'content');
      options.onProgress?.(++done, files.length, files[i] as string);
    } else if (useOutcomes && cache?.has(run.root, files[i] as string)) {
      hit[i] = true;
      options.onProgress?.(++done, files.length, files[i] as string);
    } else {
      todo.push(i);
    }
  }
  let asStaged = 0;
  const jobOf = (path: string): FileJob => {
    const text = staged?.has(path) ? stagedText(run.root, path) : undefined;
    if (text === undefined) return { path };
    asStaged++;
    return text.charCodeAt(0) === 0xfeff ? { path, text: text.slice(1), bom: true } : { path, text };
  };
  const jobs = todo.map((i) => jobOf(files[i] as string));
  if (asStaged) options.warnings.push(`${asStaged} file${asStaged === 1 ? ' has' : 's have'} unstaged changes: linted as staged`);
  const interrupted = await processMany(run, jobs, (k, o) => {
    slots[todo[k] as number] = o;
    options.onProgress?.(++done, files.length, o.path);
  });
  if (cache && useOutcomes) for (const k of todo) if (slots[k]) cache.set(run.root, files[k] as string, slots[k] as FileOutcome, localLinks((slots[k] as FileOutcome).facts, (slots[k] as FileOutcome).lineStarts, run.repo));
  outcomes.order = files.map((_, i) => i).filter((i) => hit[i] || slots[i]);
  return { outcomes, interrupted };
}
