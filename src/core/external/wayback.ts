/**
 * Web-archive lookups for dead links. In: URLs and the dates they are wanted at (the article's date, or a web-archive
 * link's own timestamp), the `external.archive` settings, the URL cache; out: the snapshot closest to each date, or
 * none, or why the archive could not be asked.
 *
 * - The Wayback Machine's availability API first (`GET endpoint?url=URL&timestamp=YYYYMMDD`, answering
 *   `{"archived_snapshots": {"closest": {"available": true, "url": …, "timestamp": …, "status": "200"}}}`); its CDX
 *   API (`cdxEndpoint`) where that is more reliable: when the availability API finds nothing (it misses captures
 *   the CDX index has) or only a capture that is not a 200 (the page's own 404, a redirect).
 * - Polite: `concurrency` requests at once (1 by default), `Retry-After` honoured on 429 and 503 (at most a minute),
 *   each later request spaced after a rate limit, retries with backoff; an archive that cannot be reached at all
 *   is asked nothing more in the run.
 * - Each lookup is kept in the URL cache, found or not, for `archive.cacheTtl`; a snapshot found is also kept under
 *   its own timestamp, so that the link a fix writes is checked without another request.
 * Never prints; waits go through the injectable clock.
 */
import { Agent, type Dispatcher } from 'undici';
import pLimit from 'p-limit';
import type { ArchiveSettings } from './settings.js';
import type { UrlCache } from './cache.js';
import { realClock, retryAfterMs, type Clock } from './checker.js';
import { parseArchiveLink, type Snapshot } from './archive-link.js';
import { REPOSITORY_URL } from '../../repository.js';

export interface Lookup {
  /** The closest snapshot, or undefined when the archive has none. */
  snapshot?: Snapshot;
  /** Why the archive could not say (it stays unknown, and is not cached). */
  failed?: string;
  /** Whether the URL cache answered. */
  cached: boolean;
}

export interface ArchiveStats {
  lookups: number;
  requests: number;
  cached: number;
  found: number;
  missing: number;
  failed: number;
}

interface Answer {
  code: number;
  body: string;
  retryAfter?: string;
}

export interface WaybackOptions {
  settings: ArchiveSettings;
  cache?: UrlCache;
  clock?: Clock;
  timeoutMs: number;
  retries: number;
  /** The longest `Retry-After` honoured (default a minute). */
  retryAfterCapMs?: number;
  /** First backoff delay, doubled at each retry (default 1 s). */
  backoffMs?: number;
  userAgent?: string;
  signal?: { aborted: boolean };
}

export class Wayback {
  readonly stats: ArchiveStats = { lookups: 0, requests: 0, cached: 0, found: 0, missing: 0, failed: 0 };
  private readonly limit;
  private readonly clock: Clock;
  private readonly agent: Agent;
  private readonly pending = new Map<string, Promise<Lookup>>();
  /** After a rate limit: no request starts before this, and each is spaced by `interval`. */
  private nextAt = 0;
  private interval = 0;
  /** Set when the archive cannot be reached: nothing more is asked. */
  private down: string | undefined;

  constructor(private readonly options: WaybackOptions) {
    this.limit = pLimit(options.settings.concurrency);
    this.clock = options.clock ?? realClock;
    this.agent = new Agent({ connections: options.settings.concurrency, keepAliveTimeout: 10000, connect: { timeout: options.timeoutMs } });
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }

  /** The snapshot of `url` closest to `timestamp` (`YYYYMMDD` or longer), each pair asked once. */
  lookup(url: string, timestamp: string): Promise<Lookup> {
    const key = `${url} ${timestamp}`;
    let p = this.pending.get(key);
    if (!p) {
      p = this.lookupNow(url, timestamp);
      this.pending.set(key, p);
    }
    return p;
  }

  private async lookupNow(url: string, timestamp: string): Promise<Lookup> {
    this.stats.lookups++;
    const hit = this.options.cache?.getArchive(url, timestamp);
    if (hit) {
      this.stats.cached++;
      if (hit.found) this.stats.found++;
      else this.stats.missing++;
      return { ...(hit.found ? { snapshot: hit.found } : {}), cached: true };
    }
    let result: { snapshot?: Snapshot; failed?: string };
    try {
      result = await this.ask(url, timestamp);
    } catch (e) {
      result = { failed: (e as Error).message };
    }
    if (result.failed !== undefined) {
      this.stats.failed++;
      return { failed: result.failed, cached: false };
    }
    if (result.snapshot) this.stats.found++;
    else this.stats.missing++;
    this.options.cache?.setArchive(url, timestamp, result.snapshot);
    // The link a fix writes points at this snapshot: checking it needs no request.
    if (result.snapshot && result.snapshot.timestamp !== timestamp) this.options.cache?.setArchive(url, result.snapshot.timestamp, result.snapshot);
    return { ...result, cached: false };
  }

  private async ask(url: string, timestamp: string): Promise<{ snapshot?: Snapshot; failed?: string }> {
    const { endpoint, cdxEndpoint } = this.options.settings;
    const available = await this.get(`${endpoint}${endpoint.includes('?') ? '&' : '?'}url=${encodeURIComponent(url)}&timestamp=${timestamp}`);
    if ('failed' in available) return available;
    const closest = readAvailability(available.body);
    if (closest === 'unreadable') return { failed: `the availability API answered what is not its JSON (${endpoint})` };
    if (closest && closest.ok) return { snapshot: closest.snapshot };
    if (!cdxEndpoint) return closest ? { snapshot: closest.snapshot } : {};
    const cdx = await this.get(`${cdxEndpoint}${cdxEndpoint.includes('?') ? '&' : '?'}url=${encodeURIComponent(url)}&output=json&fl=timestamp,original,statuscode&filter=statuscode:200&sort=closest&closest=${timestamp}&limit=1`);
    // The availability API's answer stands when the CDX API cannot add to it.
    if ('failed' in cdx) return closest ? { snapshot: closest.snapshot } : cdx;
    const row = readCdx(cdx.body);
    if (row === 'unreadable') return closest ? { snapshot: closest.snapshot } : { failed: `the CDX API answered what is not its JSON (${cdxEndpoint})` };
    return row ? { snapshot: row } : closest ? { snapshot: closest.snapshot } : {};
  }

  /** One GET to the archive, retried after rate limits, 5xx and network errors, as politely as configured. */
  private async get(href: string): Promise<Answer | { failed: string }> {
    if (this.down) return { failed: this.down };
    const { retries } = this.options;
    const cap = this.options.retryAfterCapMs ?? 60000;
    for (let attempt = 0; ; attempt++) {
      if (this.options.signal?.aborted) return { failed: 'interrupted' };
      const answer = await this.limit(async () => {
        const now = this.clock.now();
        const start = Math.max(now, this.nextAt);
        this.nextAt = start + this.interval;
        if (start > now) await this.clock.sleep(start - now);
        this.stats.requests++;
        const sent = await this.send(href);
        // The archive asks for less: nothing before the pause is over, then requests spaced for the rest of the run
        // (set before the next request in the queue starts).
        if (!('error' in sent) && (sent.code === 429 || sent.code === 503)) {
          const after = retryAfterMs(sent.retryAfter, this.clock.now());
          const pause = after !== undefined ? Math.min(after, cap) : this.backoff(attempt);
          this.interval = Math.min(Math.max(this.interval * 2, 1000), 10000);
          this.nextAt = Math.max(this.nextAt, this.clock.now() + pause);
        }
        return sent;
      });
      if ('error' in answer) {
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
      if (!transient || attempt >= retries) return { failed: `the web archive answered ${answer.code}${answer.code === 429 ? ' (rate-limited)' : ''}` };
      // After 429 or 503 the pause is already set; a 5xx waits its backoff.
      if (answer.code !== 429 && answer.code !== 503) await this.clock.sleep(this.backoff(attempt));
    }
  }

  private backoff(attempt: number): number {
    const delay = Math.min((this.options.backoffMs ?? 1000) * 2 ** attempt, 30000);
    return Math.round(delay / 2 + Math.random() * (delay / 2));
  }

  private async send(href: string): Promise<Answer | { error: string; retryable: boolean }> {
    try {
      const res: Dispatcher.ResponseData = await this.agent.request({
        ...splitUrl(href),
        method: 'GET',
        headers: { 'user-agent': this.options.userAgent ?? `archive-lint (dead-link repair; +${REPOSITORY_URL})`, accept: 'application/json' },
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const body = await res.body.text();
      const ra = res.headers['retry-after'];
      return { code: res.statusCode, body, ...(ra !== undefined ? { retryAfter: Array.isArray(ra) ? (ra[0] as string) : ra } : {}) };
    } catch (e) {
      const err = e as { code?: string; message?: string; cause?: { code?: string } };
      const code = err.code && err.code !== 'UND_ERR' ? err.code : (err.cause?.code ?? err.code ?? 'error');
      // A name that does not resolve, or a connection refused, will not be better in a moment.
      const hard = code === 'ENOTFOUND' || code === 'ECONNREFUSED' || code === 'EAI_FAIL' || /CERT|SSL|TLS/.test(code);
      return { error: `${err.message ?? 'request failed'} (${code})`, retryable: !hard };
    }
  }
}

function splitUrl(href: string): { origin: string; path: string } {
  const u = new URL(href);
  return { origin: u.origin, path: `${u.pathname}${u.search}` };
}

/** The availability API's closest snapshot (`ok`: a 200 capture), none, or `unreadable`. */
export function readAvailability(body: string): { snapshot: Snapshot; ok: boolean } | undefined | 'unreadable' {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return 'unreadable';
  }
  if (!data || typeof data !== 'object' || !('archived_snapshots' in data)) return 'unreadable';
  const closest = (data as { archived_snapshots?: { closest?: { available?: unknown; url?: unknown; timestamp?: unknown; status?: unknown } } }).archived_snapshots?.closest;
  if (!closest || closest.available !== true || typeof closest.url !== 'string' || typeof closest.timestamp !== 'string' || !/^\d{14}$/.test(closest.timestamp)) return undefined;
  const link = parseArchiveLink(closest.url);
  if (!link) return undefined;
  const status = typeof closest.status === 'string' ? closest.status : '200';
  return { snapshot: { timestamp: closest.timestamp, original: link.original }, ok: /^2\d\d$/.test(status) };
}

/** The CDX API's first row (`output=json`: a header row, then rows of the fields asked for), none, or `unreadable`. */
export function readCdx(body: string): Snapshot | undefined | 'unreadable' {
  if (body.trim() === '') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return 'unreadable';
  }
  if (!Array.isArray(data)) return 'unreadable';
  const header = data[0] as unknown;
  const row = data[1] as unknown;
  if (!Array.isArray(header) || !Array.isArray(row)) return undefined;
  const timestamp = row[header.indexOf('timestamp')] as unknown;
  const original = row[header.indexOf('original')] as unknown;
  if (typeof timestamp !== 'string' || !/^\d{14}$/.test(timestamp) || typeof original !== 'string') return undefined;
  return { timestamp, original };
}
