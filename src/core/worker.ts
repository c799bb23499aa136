/** A parsing worker: runs the per-file step on batches of paths and returns plain data. */
import { parentPort, workerData } from 'node:worker_threads';
import { packProblems, processFile, processSource, type ProcessSettings } from './process-file.js';
import type { PoolJob } from './pool.js';
import { resolveConfig, type UserConfig } from './config.js';
import { rules } from '../../rules/index.js';
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

parentPort?.on('message', (batch: { id: number; jobs: (string | PoolJob)[] }) => {
  const outcomes = batch.jobs.map((job) => {
    const path = typeof job === 'string' ? job : job.path;
    const settings: ProcessSettings = { root: setup.root, rules: config.rulesFor(path), mirrors: setup.mirrors, maxFileSize: config.maxFileSize };
    if (setup.repo) settings.repo = setup.repo;
    // A fix pass sends the fixed text; otherwise the worker reads the file.
    const outcome = typeof job === 'string' || job.text === undefined ? processFile(path, rules, settings) : processSource(path, { text: job.text, bom: job.bom ?? false }, rules, settings);
    return packProblems(outcome);
  });
  parentPort?.postMessage({ id: batch.id, outcomes });
});
