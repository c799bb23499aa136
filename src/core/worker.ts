/** A parsing worker: runs the per-file step on batches of paths and returns plain data. */
import { parentPort, workerData } from 'node:worker_threads';
import { processJob, type FileJob, type ProcessSettings } from './process-file.js';
import { resolveConfig, type UserConfig } from './config.js';
import { rules } from '../../rules/index.js';
import { packMessages } from './packed.js';
import type { RepoIdentity } from './github.js';
import type { Severity } from '../types.js';

export interface WorkerSetup {
  root: string;
  config: UserConfig;
  configFile: string | undefined;
  cliRules: Record<string, Severity>;
  repo: RepoIdentity | undefined;
  mirrors: Record<string, string>;
}

const setup = workerData as WorkerSetup;
const config = resolveConfig(setup.config, setup.configFile, rules, setup.cliRules);

parentPort?.on('message', (batch: { id: number; jobs: FileJob[] }) => {
  const outcomes = batch.jobs.map((job) => {
    const settings: ProcessSettings = { root: setup.root, rules: config.rulesFor(job.path), mirrors: setup.mirrors, maxFileSize: config.maxFileSize, site: config.site };
    if (setup.repo) settings.repo = setup.repo;
    return packMessages(processJob(job, rules, settings));
  });
  parentPort?.postMessage({ id: batch.id, outcomes });
});
