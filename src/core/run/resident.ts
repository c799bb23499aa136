/**
 * One parsing worker kept alive between files, for a caller that lints one text at a time and must stay
 * responsive meanwhile (the language server): the per-file step runs off the caller's thread, under the same time
 * budget and heap limit as the pool's workers. A text past its budget, or whose worker runs out of memory or dies,
 * gets an outcome that says so; the worker is replaced, and the next text goes to the new one.
 */
import type { Worker } from 'node:worker_threads';
import { emptyOutcome, type FileJob } from '../parse/process-file.js';
import { budgetFor, DEFAULT_TIME_BUDGET, PROGRESS_SLOTS, spawn, stoppedReason, watchJob, workerHeapMb, type PoolOptions } from './pool.js';
import type { FileOutcome } from '../../types.js';

interface Pending {
  job: FileJob;
  resolve: (o: FileOutcome) => void;
}

export class ResidentWorker {
  private worker: Worker | undefined;
  private progress: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  private watch: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(private readonly options: Omit<PoolOptions, 'size'>) {}

  /** The per-file step on one job (its text carried, or read from disk by the worker). */
  process(job: FileJob): Promise<FileOutcome> {
    if (this.closed) return Promise.resolve(emptyOutcome(job.path, 'internal error: the parsing worker was closed', 'internal'));
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.next();
    });
  }

  /** Stop the worker; jobs still queued get an outcome that says so. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.watch) clearInterval(this.watch);
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.queue.splice(0)) p.resolve(emptyOutcome(p.job.path, 'internal error: the parsing worker was closed', 'internal'));
    this.finish(emptyOutcome(this.current?.job.path ?? '', 'internal error: the parsing worker was closed', 'internal'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const shared = new SharedArrayBuffer(PROGRESS_SLOTS * 8);
    this.progress = new Float64Array(shared);
    this.progress[0] = -1;
    const w = spawn({ ...this.options, size: 1 }, shared);
    w.on('message', (msg: { id: number; outcomes: FileOutcome[] }) => {
      if (w !== this.worker) return;
      this.finish(msg.outcomes[0]);
      this.next();
    });
    w.on('error', (e: Error & { code?: string }) => this.stop(w, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { cause: 'memory' } : { crash: `parsing worker failed: ${e.message}` }));
    w.on('exit', (code) => this.stop(w, { crash: `parsing worker exited with code ${code}` }));
    // Keeps the process alive only while it has a text (see next and finish).
    w.unref();
    if (this.options.timeBudget !== false && !this.watch) {
      this.watch = setInterval(() => {
        // The pool's own watch: the worker's CPU time against the job's budget, wall time only for a stalled one.
        const w = this.worker;
        if (w && this.current) watchJob(w, this.progress, () => this.stop(w, { cause: 'time' }));
      }, 100);
      this.watch.unref();
    }
    return w;
  }

  private next(): void {
    if (this.current || this.closed) return;
    const p = this.queue.shift();
    if (!p) return;
    this.current = p;
    this.worker ??= this.start();
    this.worker.ref();
    this.worker.postMessage({ id: 0, indices: [0], jobs: [p.job] });
  }

  private finish(o: FileOutcome | undefined): void {
    const p = this.current;
    this.current = undefined;
    if (!this.queue.length) this.worker?.unref();
    if (p && o) p.resolve(o);
  }

  private stop(w: Worker, why: { cause: 'time' | 'memory' } | { crash: string }): void {
    if (w !== this.worker) return;
    this.worker = undefined;
    void w.terminate();
    const p = this.current;
    if (p) {
      const bytes = this.progress[2] as number;
      const budget = this.options.timeBudget ?? DEFAULT_TIME_BUDGET;
      const limit = 'cause' in why && why.cause === 'time' ? (budget ? budgetFor(bytes, budget) : 0) : (this.options.maxOldGenerationSizeMb ?? workerHeapMb(1));
      this.finish(emptyOutcome(p.job.path, 'cause' in why ? stoppedReason(why.cause, bytes, limit) : `internal error: ${why.crash}`, 'cause' in why ? 'content' : 'internal'));
    }
    this.next();
  }
}
