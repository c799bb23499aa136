import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  CPU_CLOCK,
  budgetFor,
  ownCpuMs,
  ownThreadId,
  packMessages,
  threadCpuMs
} from "./chunk-PQ67PKSF.js";
import {
  jobSize,
  processJob,
  resolveConfig
} from "./chunk-65TIUOV4.js";
import "./chunk-KLEVW7FW.js";
import "./chunk-Y3J7GJDS.js";

// src/core/run/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var setup = workerData;
var { rules } = await import(setup.rulesModule);
var config = resolveConfig(setup.config, setup.configFile, rules, setup.cliRules);
if (setup.siteModel) config.siteModel = setup.siteModel;
var progress = setup.progress ? new Float64Array(setup.progress) : void 0;
var tid = progress ? ownThreadId() : -1;
if (progress) progress[3] = tid;
parentPort?.on("message", (batch) => {
  const outcomes = batch.jobs.map((job, k) => {
    if (progress) {
      const size = jobSize(setup.root, job);
      progress[2] = size;
      progress[1] = setup.timeBudget ? budgetFor(size, setup.timeBudget) : Infinity;
      const fromProc = threadCpuMs(tid);
      const cpu = fromProc ?? ownCpuMs(-1);
      progress[6] = fromProc !== void 0 ? CPU_CLOCK.proc : cpu !== void 0 ? CPU_CLOCK.node : CPU_CLOCK.none;
      progress[4] = cpu ?? 0;
      progress[5] = Date.now();
      progress[0] = batch.indices[k];
    }
    const settings = { root: setup.root, rules: config.rulesFor(job.path), mirrors: setup.mirrors, maxFileSize: config.maxFileSize, maxMessagesPerFile: config.maxMessagesPerFile, site: config.site, ...config.siteModel ? { siteModel: config.siteModel } : {} };
    if (setup.repo) settings.repo = setup.repo;
    const outcome = packMessages(processJob(job, rules, settings));
    if (progress) progress[0] = -1;
    return outcome;
  });
  parentPort?.postMessage({ id: batch.id, outcomes });
});
