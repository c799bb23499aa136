import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  compareMessages,
  compareRuleIds,
  countMessages,
  emptyOutcome,
  makeResult
} from "./chunk-65TIUOV4.js";

// src/core/cache/packed.ts
import { deflateRawSync, inflateRawSync } from "node:zlib";
var JSON_OF = /* @__PURE__ */ Symbol("archive-lint.json");
var COMMA = Buffer.from(",");
var RULE_PREFIX = '{"ruleId":"';
function packMessages(o) {
  if (o.messages.length === 0 || o.packed) return o;
  const marks = new Int32Array(o.messages.length * 3);
  const parts = [];
  let at = 0;
  o.messages.forEach((m, i) => {
    const json2 = JSON.stringify(m);
    parts.push(json2);
    marks[3 * i] = m.line;
    marks[3 * i + 1] = m.column;
    marks[3 * i + 2] = at;
    at += Buffer.byteLength(json2) + 1;
  });
  const counts = new Int32Array(countMessages(o.messages).slice(0, 4));
  const json = new Uint8Array(deflateRawSync(parts.join(","), { level: 1 }));
  return { ...o, messages: [], packed: { json, marks, counts } };
}
function inflate(packed) {
  return inflateRawSync(packed.json);
}
function outcomeMessages(o) {
  return o.packed ? JSON.parse(`[${inflate(o.packed).toString("utf8")}]`) : o.messages;
}
function resultOf(filePath, o, cross) {
  if (!o.packed) return makeResult(filePath, [...o.messages, ...cross]);
  const packed = o.packed;
  cross.sort(compareMessages);
  const c = countMessages(cross);
  let messages;
  let replaced = false;
  const r = { filePath };
  Object.defineProperty(r, "messages", {
    enumerable: true,
    configurable: true,
    get: () => messages ??= makeResult(filePath, [...outcomeMessages(o), ...cross]).messages,
    set: (v) => {
      messages = v;
      replaced = true;
    }
  });
  r.errorCount = packed.counts[0] + c[0];
  r.warningCount = packed.counts[1] + c[1];
  r.fixableErrorCount = packed.counts[2] + c[2];
  r.fixableWarningCount = packed.counts[3] + c[3];
  Object.defineProperty(r, JSON_OF, { enumerable: false, value: () => replaced ? void 0 : resultJson(r, packed, cross) });
  return r;
}
function packedJson(r) {
  const f = r[JSON_OF];
  return f?.();
}
function before(text, marks, i, m) {
  const line = marks[3 * i];
  const column = marks[3 * i + 1];
  if (line !== m.line) return line < m.line;
  if (column !== m.column) return column < m.column;
  const start = marks[3 * i + 2] + RULE_PREFIX.length;
  return compareRuleIds(text.toString("utf8", start, text.indexOf(34, start)), m.ruleId) <= 0;
}
function resultJson(r, packed, cross) {
  const text = inflate(packed);
  const { marks } = packed;
  const n = marks.length / 3;
  const parts = [];
  let i = 0;
  let from = 0;
  for (const m of cross) {
    while (i < n && before(text, marks, i, m)) i++;
    const at = i < n ? marks[3 * i + 2] : text.length + 1;
    if (at - 1 > from) parts.push(text.subarray(from, at - 1));
    parts.push(Buffer.from(JSON.stringify(m)));
    from = at;
  }
  if (from < text.length) parts.push(text.subarray(from));
  const out = [Buffer.from(`{"filePath":${JSON.stringify(r.filePath)},"messages":[`)];
  parts.forEach((p, k) => {
    if (k > 0) out.push(COMMA);
    out.push(p);
  });
  out.push(Buffer.from(`],"errorCount":${r.errorCount},"warningCount":${r.warningCount},"fixableErrorCount":${r.fixableErrorCount},"fixableWarningCount":${r.fixableWarningCount}}`));
  return Buffer.concat(out);
}

// src/core/run/cpu-time.ts
import { readFileSync, readlinkSync } from "node:fs";
var TICKS_PER_SECOND = 100;
function ownThreadId() {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync("/proc/thread-self"))?.[1]);
    return Number.isInteger(tid) && tid > 0 ? tid : -1;
  } catch {
    return -1;
  }
}
function threadCpuMs(tid) {
  if (tid <= 0) return void 0;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "latin1");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * 1e3 / TICKS_PER_SECOND : void 0;
  } catch {
    return void 0;
  }
}
function ownCpuMs(tid) {
  const fromProc = threadCpuMs(tid);
  if (fromProc !== void 0) return fromProc;
  const usage = process.threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1e3 : void 0;
}

// src/core/run/pool.ts
import { Worker } from "node:worker_threads";
var DEFAULT_TIME_BUDGET = { baseMs: 1e4, perMiBMs: 5e3 };
var WORKER_HEAP_BUDGET_MB = 1200;
function workerHeapMb(workers) {
  return Math.max(256, Math.min(1024, Math.floor(WORKER_HEAP_BUDGET_MB / Math.max(1, workers))));
}
function budgetFor(bytes, budget) {
  return budget.baseMs + budget.perMiBMs * bytes / 1048576;
}
var PROGRESS_SLOTS = 7;
var CPU_CLOCK = { none: 0, proc: 1, node: 2 };
var WALL_FACTOR = 10;
var here = import.meta.url;
var fromSource = here.endsWith(".ts");
function spawn(options, progress) {
  const resourceLimits = { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? workerHeapMb(options.size) };
  const workerData = { ...options.setup, progress, timeBudget: options.timeBudget ?? DEFAULT_TIME_BUDGET };
  if (!fromSource) return new Worker(new URL("./worker.js", here), { workerData, resourceLimits });
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./worker.ts", here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
function mib(bytes) {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}
function stoppedReason(cause, bytes, limit) {
  if (cause === "time") {
    return `not linted: parsing used more than ${Math.round(limit / 1e3)} s of CPU time, the time budget of a file of ${mib(bytes)} (fileTimeBudget); the text may hold a pattern that makes Markdown parsers slow, such as thousands of unclosed '[' or '](' on one line`;
  }
  if (cause === "stalled") {
    return `not linted: the parsing worker used no CPU time for ${Math.round(WALL_FACTOR * limit / 1e3)} s (${WALL_FACTOR} times the CPU time budget of a file of ${mib(bytes)}): it stalled (stopped, or blocked on a file system that does not answer)`;
  }
  return `not linted: parsing needed more than ${limit} MB, the memory limit of a parsing worker; a file this large or this dense (${mib(bytes)}) should be split`;
}
var lastProgress = /* @__PURE__ */ new WeakMap();
function watchJob(w, progress, stop) {
  const job = progress[0];
  if (job < 0) return;
  const budgetMs = progress[1];
  const startCpu = progress[4];
  const startWall = progress[5];
  const clock = progress[6];
  if (progress[0] !== job || !Number.isFinite(budgetMs)) return;
  const wall = Date.now() - startWall;
  if (clock === CPU_CLOCK.none) {
    if (wall > budgetMs) stop("time");
    return;
  }
  if (clock === CPU_CLOCK.proc) {
    const now = threadCpuMs(progress[3]);
    if (now === void 0 || progress[0] !== job || progress[5] !== startWall) return;
    if (now - startCpu > budgetMs) {
      stop("time");
      return;
    }
    let seen = lastProgress.get(w);
    const at = Date.now();
    if (!seen || seen.job !== job || seen.startWall !== startWall || now > seen.cpu) lastProgress.set(w, seen = { job, startWall, cpu: now, at });
    if (at - seen.at > WALL_FACTOR * budgetMs) stop("stalled");
    return;
  }
  if (wall > WALL_FACTOR * budgetMs) {
    stop("stalled");
    return;
  }
  const cpuUsage = w.cpuUsage;
  if (!cpuUsage) {
    if (wall > budgetMs) stop("time");
    return;
  }
  cpuUsage.call(w).then(
    (u) => {
      if (progress[0] === job && progress[5] === startWall && (u.user + u.system) / 1e3 - startCpu > budgetMs) stop("time");
    },
    () => void 0
  );
}
async function processInPool(jobs, options, onDone, signal) {
  const batchSize = Math.max(1, Math.min(32, Math.ceil(jobs.length / (options.size * 16))));
  const heapMb = options.maxOldGenerationSizeMb ?? workerHeapMb(options.size);
  const budget = options.timeBudget ?? DEFAULT_TIME_BUDGET;
  let next = 0;
  const again = [];
  let interrupted = false;
  const live = /* @__PURE__ */ new Map();
  const take = () => {
    const out = [];
    while (out.length < batchSize && again.length) out.push(again.shift());
    while (out.length < batchSize && next < jobs.length) out.push(next++);
    return out;
  };
  const slot = () => new Promise((resolve) => {
    const inFlight = /* @__PURE__ */ new Map();
    let batchId = 0;
    let worker;
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
      const stop = (why) => {
        if (stopped || w !== worker) return;
        stopped = true;
        live.delete(w);
        void w.terminate();
        const current = progress[0];
        const held = [...inFlight.values()].flat();
        inFlight.clear();
        if (current >= 0 && held.includes(current)) {
          const bytes = progress[2];
          const reason = "cause" in why ? stoppedReason(why.cause, bytes, why.cause !== "memory" && budget ? budgetFor(bytes, budget) : heapMb) : `internal error: ${why.crash}`;
          onDone(current, emptyOutcome(jobs[current].path, reason, "cause" in why ? "content" : "internal"));
          again.unshift(...held.filter((i) => i !== current));
        } else {
          const reason = "crash" in why ? why.crash : "parsing worker stopped";
          for (const i of held) onDone(i, emptyOutcome(jobs[i].path, `internal error: ${reason}`, "internal"));
        }
        if (!finished) {
          start();
          send();
        }
      };
      live.set(w, { progress, stop: (cause) => stop({ cause }) });
      w.on("message", (msg) => {
        const indices = inFlight.get(msg.id);
        if (!indices || w !== worker) return;
        inFlight.delete(msg.id);
        msg.outcomes.forEach((o, k) => onDone(indices[k], o));
        send();
      });
      w.on("error", (e) => e.code === "ERR_WORKER_OUT_OF_MEMORY" ? stop({ cause: "memory" }) : stop({ crash: `parsing worker failed: ${e.message}` }));
      w.on("exit", (code) => {
        if (inFlight.size) stop({ crash: `parsing worker exited with code ${code}` });
      });
    };
    start();
    send();
  });
  const watch = budget ? setInterval(() => {
    for (const [w, { progress, stop }] of live) watchJob(w, progress, stop);
  }, 100) : void 0;
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.size, Math.ceil(jobs.length / batchSize))) }, slot));
  } finally {
    if (watch) clearInterval(watch);
    await Promise.all([...live.keys()].map((w) => w.terminate()));
  }
  return { interrupted };
}

export {
  packMessages,
  outcomeMessages,
  resultOf,
  packedJson,
  ownThreadId,
  threadCpuMs,
  ownCpuMs,
  budgetFor,
  CPU_CLOCK,
  processInPool
};
