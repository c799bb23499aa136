import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  parseArchiveLink
} from "./chunk-CSS5HF6E.js";
import {
  pLimit,
  realClock,
  require_undici,
  retryAfterMs
} from "./chunk-5INIXCBK.js";
import "./chunk-44LDCLWA.js";
import {
  REPOSITORY_URL
} from "./chunk-KLEVW7FW.js";
import {
  __toESM
} from "./chunk-Y3J7GJDS.js";

// src/core/external/wayback.ts
var import_undici = __toESM(require_undici(), 1);
var Wayback = class {
  constructor(options) {
    this.options = options;
    this.limit = pLimit(options.settings.concurrency);
    this.clock = options.clock ?? realClock;
    this.agent = new import_undici.Agent({ connections: options.settings.concurrency, keepAliveTimeout: 1e4, connect: { timeout: options.timeoutMs } });
  }
  options;
  stats = { lookups: 0, requests: 0, cached: 0, found: 0, missing: 0, failed: 0 };
  limit;
  clock;
  agent;
  pending = /* @__PURE__ */ new Map();
  /** After a rate limit: no request starts before this, and each is spaced by `interval`. */
  nextAt = 0;
  interval = 0;
  /** Set when the archive cannot be reached: nothing more is asked. */
  down;
  async close() {
    await this.agent.close().catch(() => void 0);
  }
  /** The snapshot of `url` closest to `timestamp` (`YYYYMMDD` or longer), each pair asked once. */
  lookup(url, timestamp) {
    const key = `${url} ${timestamp}`;
    let p = this.pending.get(key);
    if (!p) {
      p = this.lookupNow(url, timestamp);
      this.pending.set(key, p);
    }
    return p;
  }
  async lookupNow(url, timestamp) {
    this.stats.lookups++;
    const hit = this.options.cache?.getArchive(url, timestamp);
    if (hit) {
      this.stats.cached++;
      if (hit.found) this.stats.found++;
      else this.stats.missing++;
      return { ...hit.found ? { snapshot: hit.found } : {}, cached: true };
    }
    let result;
    try {
      result = await this.ask(url, timestamp);
    } catch (e) {
      result = { failed: e.message };
    }
    if (result.failed !== void 0) {
      this.stats.failed++;
      return { failed: result.failed, cached: false };
    }
    if (result.snapshot) this.stats.found++;
    else this.stats.missing++;
    this.options.cache?.setArchive(url, timestamp, result.snapshot);
    if (result.snapshot && result.snapshot.timestamp !== timestamp) this.options.cache?.setArchive(url, result.snapshot.timestamp, result.snapshot);
    return { ...result, cached: false };
  }
  async ask(url, timestamp) {
    const { endpoint, cdxEndpoint } = this.options.settings;
    const available = await this.get(`${endpoint}${endpoint.includes("?") ? "&" : "?"}url=${encodeURIComponent(url)}&timestamp=${timestamp}`);
    if ("failed" in available) return available;
    const closest = readAvailability(available.body);
    if (closest === "unreadable") return { failed: `the availability API answered what is not its JSON (${endpoint})` };
    if (closest && closest.ok) return { snapshot: closest.snapshot };
    if (!cdxEndpoint) return closest ? { snapshot: closest.snapshot } : {};
    const cdx = await this.get(`${cdxEndpoint}${cdxEndpoint.includes("?") ? "&" : "?"}url=${encodeURIComponent(url)}&output=json&fl=timestamp,original,statuscode&filter=statuscode:200&sort=closest&closest=${timestamp}&limit=1`);
    if ("failed" in cdx) return closest ? { snapshot: closest.snapshot } : cdx;
    const row = readCdx(cdx.body);
    if (row === "unreadable") return closest ? { snapshot: closest.snapshot } : { failed: `the CDX API answered what is not its JSON (${cdxEndpoint})` };
    return row ? { snapshot: row } : closest ? { snapshot: closest.snapshot } : {};
  }
  /** One GET to the archive, retried after rate limits, 5xx and network errors, as politely as configured. */
  async get(href) {
    if (this.down) return { failed: this.down };
    const { retries } = this.options;
    const cap = this.options.retryAfterCapMs ?? 6e4;
    for (let attempt = 0; ; attempt++) {
      if (this.options.signal?.aborted) return { failed: "interrupted" };
      const answer = await this.limit(async () => {
        const now = this.clock.now();
        const start = Math.max(now, this.nextAt);
        this.nextAt = start + this.interval;
        if (start > now) await this.clock.sleep(start - now);
        this.stats.requests++;
        const sent = await this.send(href);
        if (!("error" in sent) && (sent.code === 429 || sent.code === 503)) {
          const after = retryAfterMs(sent.retryAfter, this.clock.now());
          const pause = after !== void 0 ? Math.min(after, cap) : this.backoff(attempt);
          this.interval = Math.min(Math.max(this.interval * 2, 1e3), 1e4);
          this.nextAt = Math.max(this.nextAt, this.clock.now() + pause);
        }
        return sent;
      });
      if ("error" in answer) {
        if (!answer.retryable) {
          this.down = `the web archive cannot be reached: ${answer.error}`;
          return { failed: this.down };
        }
        if (attempt >= retries) return { failed: `the web archive did not answer: ${answer.error}` };
        await this.clock.sleep(this.backoff(attempt));
        continue;
      }
      if (answer.code >= 200 && answer.code < 300) return answer;
      const transient = answer.code === 429 || answer.code >= 500;
      if (!transient || attempt >= retries) return { failed: `the web archive answered ${answer.code}${answer.code === 429 ? " (rate-limited)" : ""}` };
      if (answer.code !== 429 && answer.code !== 503) await this.clock.sleep(this.backoff(attempt));
    }
  }
  backoff(attempt) {
    const delay = Math.min((this.options.backoffMs ?? 1e3) * 2 ** attempt, 3e4);
    return Math.round(delay / 2 + Math.random() * (delay / 2));
  }
  async send(href) {
    try {
      const res = await this.agent.request({
        ...splitUrl(href),
        method: "GET",
        headers: { "user-agent": this.options.userAgent ?? `archive-lint (dead-link repair; +${REPOSITORY_URL})`, accept: "application/json" },
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs
      });
      const body = await res.body.text();
      const ra = res.headers["retry-after"];
      return { code: res.statusCode, body, ...ra !== void 0 ? { retryAfter: Array.isArray(ra) ? ra[0] : ra } : {} };
    } catch (e) {
      const err = e;
      const code = err.code && err.code !== "UND_ERR" ? err.code : err.cause?.code ?? err.code ?? "error";
      const hard = code === "ENOTFOUND" || code === "ECONNREFUSED" || code === "EAI_FAIL" || /CERT|SSL|TLS/.test(code);
      return { error: `${err.message ?? "request failed"} (${code})`, retryable: !hard };
    }
  }
};
function splitUrl(href) {
  const u = new URL(href);
  return { origin: u.origin, path: `${u.pathname}${u.search}` };
}
function readAvailability(body) {
  let data;
  try {
    data = JSON.parse(body);
  } catch {
    return "unreadable";
  }
  if (!data || typeof data !== "object" || !("archived_snapshots" in data)) return "unreadable";
  const closest = data.archived_snapshots?.closest;
  if (!closest || closest.available !== true || typeof closest.url !== "string" || typeof closest.timestamp !== "string" || !/^\d{14}$/.test(closest.timestamp)) return void 0;
  const link = parseArchiveLink(closest.url);
  if (!link) return void 0;
  const status = typeof closest.status === "string" ? closest.status : "200";
  return { snapshot: { timestamp: closest.timestamp, original: link.original }, ok: /^2\d\d$/.test(status) };
}
function readCdx(body) {
  if (body.trim() === "") return void 0;
  let data;
  try {
    data = JSON.parse(body);
  } catch {
    return "unreadable";
  }
  if (!Array.isArray(data)) return "unreadable";
  const header = data[0];
  const row = data[1];
  if (!Array.isArray(header) || !Array.isArray(row)) return void 0;
  const timestamp = row[header.indexOf("timestamp")];
  const original = row[header.indexOf("original")];
  if (typeof timestamp !== "string" || !/^\d{14}$/.test(timestamp) || typeof original !== "string") return void 0;
  return { timestamp, original };
}
export {
  Wayback,
  readAvailability,
  readCdx
};
