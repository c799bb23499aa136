import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  packMessages,
  processJob,
  resolveConfig,
  rules
} from "./chunk-KJHXFGYT.js";
import "./chunk-Y3J7GJDS.js";

// src/core/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var setup = workerData;
var config = resolveConfig(setup.config, setup.configFile, rules, setup.cliRules);
parentPort?.on("message", (batch) => {
  const outcomes = batch.jobs.map((job) => {
    const settings = { root: setup.root, rules: config.rulesFor(job.path), mirrors: setup.mirrors, maxFileSize: config.maxFileSize, site: config.site };
    if (setup.repo) settings.repo = setup.repo;
    return packMessages(processJob(job, rules, settings));
  });
  parentPort?.postMessage({ id: batch.id, outcomes });
});
