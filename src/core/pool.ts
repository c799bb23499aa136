/**
 * A pool of parsing workers (node:worker_threads): files go out in batches, plain per-file outcomes come back,
 * never trees. Each worker builds its processors once and reuses them. A worker that dies (out of memory on a
 * huge file) fails only the files of its batch, with the reason, and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { FileOutcome } from '../types.js';
import type { WorkerSetup } from './worker.js';
import { emptyOutcome, type FileJob } from './process-file.js';

export interface PoolOptions {
  size: number;
  setup: WorkerSetup;
  /** Heap limit of each worker, in MB. */
  maxOldGenerationSizeMb?: number;
}

const here = import.meta.url;
const fromSource = here.endsWith('.ts');

function spawn(options: PoolOptions): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 2048 };
  if (!fromSource) return new Worker(new URL('./worker.js', here), { workerData: options.setup, resourceLimits });
  // Running from the TypeScript sources (the tests): register tsx in the worker, then load the worker module.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, workerData: options.setup, resourceLimits });
}

function failed(path: string, reason: string): FileOutcome {
  return emptyOutcome(path, `internal error: ${reason}`, 'internal');
}

/** Process `jobs` on `size` workers; `onDone` is called for each outcome as it arrives (in any order). */
export async function processInPool(
  jobs: readonly FileJob[],
  options: PoolOptions,
  onDone: (index: number, outcome: FileOutcome) => void,
  signal?: { aborted: boolean },
): Promise<{ interrupted: boolean }> {
  const batchSize = Math.max(1, Math.min(32, Math.ceil(jobs.length / (options.size * 16))));
  let next = 0;
  let interrupted = false;
  const live = new Set<Worker>();

  // Each worker has two batches in hand, so it never waits for the main thread between batches.
  const slot = () =>
    new Promise<void>((resolve) => {
      const inFlight = new Map<number, { start: number; end: number }>();
      let worker: Worker;
      let finished = false;
      const send = () => {
        if (signal?.aborted) interrupted = true;
        while (inFlight.size < 2 && next < jobs.length && !interrupted) {
          const batch = { start: next, end: Math.min(jobs.length, next + batchSize) };
          next = batch.end;
          inFlight.set(batch.start, batch);
          worker.postMessage({ id: batch.start, jobs: jobs.slice(batch.start, batch.end) });
        }
        if (inFlight.size === 0 && !finished) {
          finished = true;
          live.delete(worker);
          void worker.terminate();
          resolve();
        }
      };
      const start = () => {
        const w = spawn(options);
        worker = w;
        live.add(w);
        w.on('message', (msg: { id: number; outcomes: FileOutcome[] }) => {
          inFlight.delete(msg.id);
          msg.outcomes.forEach((o, i) => onDone(msg.id + i, o));
          send();
        });
        const die = (reason: string) => {
          if (w !== worker || inFlight.size === 0) return;
          for (const batch of inFlight.values()) for (let i = batch.start; i < batch.end; i++) onDone(i, failed((jobs[i] as FileJob).path, reason));
          inFlight.clear();
          live.delete(w);
          start();
          send();
        };
        w.on('error', (e) => die(`parsing worker failed: ${e.message}`));
        w.on('exit', (code) => die(`parsing worker exited with code ${code}`));
      };
      start();
      send();
    });

  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.size, Math.ceil(jobs.length / batchSize))) }, slot));
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  return { interrupted };
}
