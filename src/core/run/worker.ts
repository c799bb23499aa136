/**
 * A parsing worker: runs the per-file step on batches of paths and returns plain data. Before each file it
 * writes, into memory shared with the main thread, which file it is on, that file's CPU time budget, and its own
 * CPU time and the wall clock at the start (see pool.ts).
 * The rules come from the module the caller named (`rulesModule`, imported once), never from rules/ directly.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jobSize, processJob, type FileJob, type ProcessSettings } from '../parse/process-file.js';
import { resolveConfig, type UserConfig } from '../config/config.js';
import { packMessages } from '../cache/packed.js';
import type { RepoIdentity } from '../links/github.js';
import type { Severity } from '../../types.js';
import type { RuleModule } from '../parse/rule.js';
import type { SiteModel } from '../config/site.js';
import { budgetFor, CPU_CLOCK, type TimeBudget } from './pool.js';
import { ownCpuMs, ownThreadId, threadCpuMs } from './cpu-time.js';

export interface WorkerSetup {
  /** URL of the module that exports the rule set as `rules`. */
  rulesModule: string;
  root: string;
  config: UserConfig;
  configFile: string | undefined;
  cliRules: Record<string, Severity>;
  repo: RepoIdentity | undefined;
  mirrors: Record<string, string>;
  /** The site model read from the generator's config by the main thread (the worker reads no config file of the site). */
  siteModel?: SiteModel;
}

const setup = workerData as WorkerSetup & { progress?: SharedArrayBuffer; timeBudget?: TimeBudget | false };
const { rules } = (await import(setup.rulesModule)) as { rules: readonly RuleModule[] };
const config = resolveConfig(setup.config, setup.configFile, rules, setup.cliRules);
if (setup.siteModel) config.siteModel = setup.siteModel;
const progress = setup.progress ? new Float64Array(setup.progress) : undefined;
// The thread's id, for the main thread to read its CPU time in /proc (see cpu-time.ts).
const tid = progress ? ownThreadId() : -1;
if (progress) progress[3] = tid;

parentPort?.on('message', (batch: { id: number; indices: number[]; jobs: FileJob[] }) => {
  const outcomes = batch.jobs.map((job, k) => {
    if (progress) {
      // The job's size, CPU budget, and the thread's CPU time and the wall clock at its start; its index last,
      // so that the main thread never reads one job's index with another's start.
      const size = jobSize(setup.root, job);
      progress[2] = size;
      progress[1] = setup.timeBudget ? budgetFor(size, setup.timeBudget) : Infinity;
      const fromProc = threadCpuMs(tid);
      const cpu = fromProc ?? ownCpuMs(-1);
      progress[6] = fromProc !== undefined ? CPU_CLOCK.proc : cpu !== undefined ? CPU_CLOCK.node : CPU_CLOCK.none;
      progress[4] = cpu ?? 0;
      progress[5] = Date.now();
      progress[0] = batch.indices[k] as number;
    }
    const settings: ProcessSettings = { root: setup.root, rules: config.rulesFor(job.path), mirrors: setup.mirrors, maxFileSize: config.maxFileSize, maxMessagesPerFile: config.maxMessagesPerFile, site: config.site, ...(config.siteModel ? { siteModel: config.siteModel } : {}) };
    if (setup.repo) settings.repo = setup.repo;
    const outcome = packMessages(processJob(job, rules, settings));
    if (progress) progress[0] = -1;
    return outcome;
  });
  parentPort?.postMessage({ id: batch.id, outcomes });
});
