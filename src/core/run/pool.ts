/**
 * A pool of parsing workers (node:worker_threads): files go out in batches, plain per-file outcomes come back,
 * never trees. Each worker builds its processors once and reuses them.
 *
 * Every file has a time budget and every worker a heap limit. The budget is in CPU time, the worker thread's
 * own (cpu-time.ts): a busy machine slows a parse, never makes it use more CPU, so the answer is the same on an
 * idle machine and a loaded one. Wall time is only a far outer bound, against a worker that is stalled rather than
 * busy: one whose CPU time has not moved at all for `WALL_FACTOR` × the budget (a worker starved by a load of 15
 * threads a core still moves, a tick now and then). A worker writes the file it is on, that file's budget and its CPU
 * time at the start into memory it shares with the main thread; the main thread looks every 100 ms. A file past
 * its budget (a pathological pattern that makes the parser quadratic), or whose worker runs out of memory or
 * dies, is reported as not linted with the reason; its worker is replaced, and the other files that worker held
 * go out again. Nothing one file does stops the run.
 */
import { Worker } from 'node:worker_threads';
import type { FileOutcome } from '../../types.js';
import type { TimeBudget } from '../config/config.js';
import type { WorkerSetup } from './worker.js';
import { emptyOutcome, type FileJob } from '../parse/process-file.js';
import { threadCpuMs } from './cpu-time.js';

export type { TimeBudget };

/** The default budget: 10 s, and 5 s more per MiB (a 2.7 MB index page parses in about 2 s). */
export const DEFAULT_TIME_BUDGET: TimeBudget = { baseMs: 10_000, perMiBMs: 5_000 };

/** The whole run's worker heap, in MB, shared among the workers (each gets at least 256 and at most 1024). */
export const WORKER_HEAP_BUDGET_MB = 1200;

export function workerHeapMb(workers: number): number {
  return Math.max(256, Math.min(1024, Math.floor(WORKER_HEAP_BUDGET_MB / Math.max(1, workers))));
}

export function budgetFor(bytes: number, budget: TimeBudget): number {
  return budget.baseMs + (budget.perMiBMs * bytes) / 1048576;
}

export interface PoolOptions {
  size: number;
  setup: WorkerSetup;
  /** Heap limit of each worker, in MB (default: `workerHeapMb(size)`). */
  maxOldGenerationSizeMb?: number;
  /** Each file's time budget; `false` for none. */
  timeBudget?: TimeBudget | false;
}

/**
 * What a worker shares with the main thread: the job it is on (-1 between jobs), its CPU budget (ms) and size,
 * the worker's thread id, its CPU time (ms) and the wall clock at the job's start, and which clock the CPU time is.
 */
export const PROGRESS_SLOTS = 7;

/** Where a worker's CPU time comes from: /proc, Node's thread CPU usage, or nowhere (the budget is wall time then). */
export const CPU_CLOCK = { none: 0, proc: 1, node: 2 } as const;

/** Wall time with no CPU time used, as a multiple of the CPU budget, after which a worker is taken for stalled. */
export const WALL_FACTOR = 10;

const here = import.meta.url;
const fromSource = here.endsWith('.ts');

/** A parsing worker (worker.ts) with the pool's setup, heap limit and time budget, sharing `progress` with the caller. */
export function spawn(options: PoolOptions, progress: SharedArrayBuffer): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? workerHeapMb(options.size) };
  const workerData = { ...options.setup, progress, timeBudget: options.timeBudget ?? DEFAULT_TIME_BUDGET };
  if (!fromSource) return new Worker(new URL('./worker.js', here), { workerData, resourceLimits });
  // Running from the TypeScript sources (the tests): register tsx in the worker, then load the worker module.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

function mib(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

/** Why a file was not linted, when its worker stopped on it. */
export function stoppedReason(cause: 'time' | 'stalled' | 'memory', bytes: number, limit: number): string {
  if (cause === 'time') {
    return `not linted: parsing used more than ${Math.round(limit / 1000)} s of CPU time, the time budget of a file of ${mib(bytes)} (fileTimeBudget); the text may hold a pattern that makes Markdown parsers slow, such as thousands of unclosed '[' or '](' on one line`;
  }
  if (cause === 'stalled') {
    return `not linted: the parsing worker used no CPU time for ${Math.round((WALL_FACTOR * limit) / 1000)} s (${WALL_FACTOR} times the CPU time budget of a file of ${mib(bytes)}): it stalled (stopped, or blocked on a file system that does not answer)`;
  }
  return `not linted: parsing needed more than ${limit} MB, the memory limit of a parsing worker; a file this large or this dense (${mib(bytes)}) should be split`;
}

/** For each worker, when its CPU time last moved (for telling a stalled worker from a starved one). */
const lastProgress = new WeakMap<Worker, { job: number; startWall: number; cpu: number; at: number }>();

/** Stop a worker whose job ran past its CPU budget, or, stalled, past `WALL_FACTOR` times it in wall time. */
/** Stop the job of `w` that is past its CPU time budget (or stalled), as `progress` describes it; called every 100 ms. */
export function watchJob(w: Worker, progress: Float64Array, stop: (cause: 'time' | 'stalled') => void): void {
  const job = progress[0] as number;
  if (job < 0) return;
  const budgetMs = progress[1] as number;
  const startCpu = progress[4] as number;
  const startWall = progress[5] as number;
  const clock = progress[6] as number;
  // Read again: the worker may have moved to its next job meanwhile (its fields are written before its index).
  if (progress[0] !== job || !Number.isFinite(budgetMs)) return;
  const wall = Date.now() - startWall;
  if (clock === CPU_CLOCK.none) {
    if (wall > budgetMs) stop('time');
    return;
  }
  if (clock === CPU_CLOCK.proc) {
    const now = threadCpuMs(progress[3] as number);
    if (now === undefined || progress[0] !== job || progress[5] !== startWall) return;
    if (now - startCpu > budgetMs) {
      stop('time');
      return;
    }
    // Stalled, not busy: no CPU time at all for WALL_FACTOR times the budget of wall time. A worker starved by a
    // loaded machine still gets its slices (a tick of 10 ms now and then), and is never stopped for it.
    let seen = lastProgress.get(w);
    const at = Date.now();
    if (!seen || seen.job !== job || seen.startWall !== startWall || now > seen.cpu) lastProgress.set(w, (seen = { job, startWall, cpu: now, at }));
    if (at - seen.at > WALL_FACTOR * budgetMs) stop('stalled');
    return;
  }
  if (wall > WALL_FACTOR * budgetMs) {
    stop('stalled');
    return;
  }
  // Node's own count, asked of the worker's thread from outside (Node 24.6 and later).
  const cpuUsage = (w as Worker & { cpuUsage?: () => Promise<{ user: number; system: number }> }).cpuUsage;
  if (!cpuUsage) {
    if (wall > budgetMs) stop('time');
    return;
  }
  cpuUsage.call(w).then(
    (u) => {
      if (progress[0] === job && progress[5] === startWall && (u.user + u.system) / 1000 - startCpu > budgetMs) stop('time');
    },
    () => undefined,
  );
}

/** Process `jobs` on `size` workers; `onDone` is called for each outcome as it arrives (in any order). */
export async function processInPool(
  jobs: readonly FileJob[],
  options: PoolOptions,
  onDone: (index: number, outcome: FileOutcome) => void,
  signal?: { aborted: boolean },
): Promise<{ interrupted: boolean }> {
  const batchSize = Math.max(1, Math.min(32, Math.ceil(jobs.length / (options.size * 16))));
  const heapMb = options.maxOldGenerationSizeMb ?? workerHeapMb(options.size);
  const budget = options.timeBudget ?? DEFAULT_TIME_BUDGET;
  let next = 0;
  // Jobs to send again: those a stopped worker held but had not finished.
  const again: number[] = [];
  let interrupted = false;
  const live = new Map<Worker, { progress: Float64Array; stop: (cause: 'time' | 'stalled') => void }>();

  const take = (): number[] => {
    const out: number[] = [];
    while (out.length < batchSize && again.length) out.push(again.shift() as number);
    while (out.length < batchSize && next < jobs.length) out.push(next++);
    return out;
  };

  // Each worker has two batches in hand, so it never waits for the main thread between batches.
  const slot = () =>
    new Promise<void>((resolve) => {
      const inFlight = new Map<number, number[]>();
      let batchId = 0;
      let worker: Worker;
      let finished = false;
      const send = () => {
        if (signal?.aborted) interrupted = true;
        while (inFlight.size < 2 && !interrupted) {
          const indices = take();
          if (!indices.length) break;
          const id = batchId++;
          inFlight.set(id, indices);
          worker.postMessage({ id, indices, jobs: indices.map((i) => jobs[i]) });
        }
        if (inFlight.size === 0 && !finished) {
          finished = true;
          live.delete(worker);
          void worker.terminate();
          resolve();
        }
      };
      const start = () => {
        const shared = new SharedArrayBuffer(PROGRESS_SLOTS * 8);
        const progress = new Float64Array(shared);
        progress[0] = -1;
        const w = spawn(options, shared);
        worker = w;
        let stopped = false;
        // The worker stopped on a file (or died): that file is reported, the others it held go out again.
        const stop = (why: { cause: 'time' | 'stalled' | 'memory' } | { crash: string }) => {
          if (stopped || w !== worker) return;
          stopped = true;
          live.delete(w);
          void w.terminate();
          const current = progress[0] as number;
          const held = [...inFlight.values()].flat();
          inFlight.clear();
          if (current >= 0 && held.includes(current)) {
            const bytes = progress[2] as number;
            const reason = 'cause' in why ? stoppedReason(why.cause, bytes, why.cause !== 'memory' && budget ? budgetFor(bytes, budget) : heapMb) : `internal error: ${why.crash}`;
            onDone(current, emptyOutcome((jobs[current] as FileJob).path, reason, 'cause' in why ? 'content' : 'internal'));
            again.unshift(...held.filter((i) => i !== current));
          } else {
            // Not on a file (it failed to start): its files fail with the reason, so that nothing loops.
            const reason = 'crash' in why ? why.crash : 'parsing worker stopped';
            for (const i of held) onDone(i, emptyOutcome((jobs[i] as FileJob).path, `internal error: ${reason}`, 'internal'));
          }
          if (!finished) {
            start();
            send();
          }
        };
        live.set(w, { progress, stop: (cause) => stop({ cause }) });
        w.on('message', (msg: { id: number; outcomes: FileOutcome[] }) => {
          const indices = inFlight.get(msg.id);
          if (!indices || w !== worker) return;
          inFlight.delete(msg.id);
          msg.outcomes.forEach((o, k) => onDone(indices[k] as number, o));
          send();
        });
        w.on('error', (e: Error & { code?: string }) => (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? stop({ cause: 'memory' }) : stop({ crash: `parsing worker failed: ${e.message}` })));
        w.on('exit', (code) => {
          if (inFlight.size) stop({ crash: `parsing worker exited with code ${code}` });
        });
      };
      start();
      send();
    });

  const watch = budget
    ? setInterval(() => {
        for (const [w, { progress, stop }] of live) watchJob(w, progress, stop);
      }, 100)
    : undefined;
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.size, Math.ceil(jobs.length / batchSize))) }, slot));
  } finally {
    if (watch) clearInterval(watch);
    await Promise.all([...live.keys()].map((w) => w.terminate()));
  }
  return { interrupted };
}
