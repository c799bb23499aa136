/**
 * The check step of the link pipeline for external URLs. In: unique request keys (see `collect.ts`) and the
 * `external` settings; out: an honest status for each URL, and what it took to find it.
 *
 * - One undici `Agent` (keep-alive, pooled) for every request; a global p-limit (`concurrency`) and a p-limit per
 *   host (`perHost`), the host's slot taken first so that a queue at one host never holds a global slot; an
 *   optional least interval between requests to a host.
 * - HEAD first, then GET when the server refuses HEAD (405, 501, or 403/404 to HEAD only); a body is read up to
 *   a small cap (so that the connection can be kept), never further.
 * - Timeouts to connect, to receive the headers and between body chunks; retries with exponential backoff and
 *   jitter after timeouts, resets, 5xx and 429; 429 and 503 wait as `Retry-After` says (seconds or a date, capped),
 *   and a host that rate-limits gets one request at a time, spaced, for the rest of the run.
 * - Redirects followed (each hop checked as the first URL was) up to a limit, with loops found.
 * - Host names are resolved first: loopback, private, link-local and cloud-metadata addresses are refused
 *   (`blocked`, never requested) unless allowed, after a redirect too; connections use the addresses vetted, so a
 *   second lookup cannot answer differently. IP addresses written in URLs are vetted the same way.
 * - No network is one finding: when the first hosts all fail to resolve and a well-known name does not resolve
 *   either, checking stops and every URL is `unchecked`, with the reason in `networkUnavailable`.
 * Never prints; waits go through an injectable clock (tests use a fake one).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { STATUS_CODES } from 'node:http';
import { isIP, type LookupFunction } from 'node:net';
import { Agent } from 'undici';
import pLimit, { type LimitFunction } from 'p-limit';
import { addressKind, bareHost, hostListed, type AddressKind } from './private-address.js';
import type { ExternalSettings } from './settings.js';
import type { CachedUrl, UrlCache } from './cache.js';

import { URL_STATUSES, type UrlStatus } from './status.js';
import { REPOSITORY_URL } from '../../repository.js';

export type { UrlStatus };

export interface UrlCheck {
  /** The request key. */
  url: string;
  status: UrlStatus;
  /** The last answer's status code and reason phrase. */
  code?: number;
  text?: string;
  /** Where redirects ended, and how many were followed. */
  finalUrl?: string;
  hops?: number;
  /** A redirect loop: the URLs in the order they were visited, back to the first of the loop. */
  loop?: string[];
  /** Why it failed, in words: `redirect loop`, `host not found (ENOTFOUND)`, `connection reset (ECONNRESET)`… */
  reason?: string;
  /** For a timeout: what did not come in time. */
  timeoutPhase?: 'connect' | 'headers';
  /** For `blocked`: the host, the address it resolves to and its kind. */
  host?: string;
  address?: string;
  addressKind?: AddressKind;
  /** For `cached`: what the cache holds. */
  cached?: CachedUrl;
  /** Requests made for this URL (redirect hops, GET after HEAD and retries included), and the retries among them. */
  requests: number;
  retries: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface HostTime {
  host: string;
  /** Mean time to the headers, in milliseconds. */
  ms: number;
}

export interface CheckProgress {
  done: number;
  total: number;
  /** The hosts slowest to answer so far. */
  slowest: HostTime[];
}

export interface CheckerOptions {
  settings: ExternalSettings;
  cache?: UrlCache;
  clock?: Clock;
  resolve?: Resolver;
  /** Bytes of a body read at most (default 64 KiB). */
  bodyCap?: number;
  /** The longest `Retry-After` honoured (default a minute). */
  retryAfterCapMs?: number;
  /** First backoff delay; doubled at each retry, with jitter (default 500 ms). */
  backoffMs?: number;
  /** A name looked up to tell "no network" from "these hosts are gone" (default github.com). */
  probeHost?: string;
  userAgent?: string;
  onProgress?: (p: CheckProgress) => void;
  /** Set on Ctrl-C: URLs not yet requested are left `unchecked`. */
  signal?: { aborted: boolean };
}

export interface CheckStats {
  urls: number;
  requests: number;
  retries: number;
  /** Redirect hops followed. */
  redirects: number;
  /** GET requests made because HEAD was refused. */
  getAfterHead: number;
  /** The most bytes of one body read. */
  bodyBytesMax: number;
  byStatus: Record<UrlStatus, number>;
  /** Why no URL could be checked (no network), when so. */
  networkUnavailable?: string;
  slowest: HostTime[];
  ms: number;
}

/** How many hosts must fail to resolve, with none resolving, before the network is suspected. */
const OFFLINE_HOSTS = 3;
/** Lookups at once once a host has resolved (before that, OFFLINE_HOSTS). */
const DNS_CONCURRENCY = 16;

interface HostState {
  name: string;
  limit: LimitFunction;
  interval: number;
  /** The earliest start of the next request. */
  nextAt: number;
  headRefused: boolean;
  /** The host sent what its HEAD answers should not have (a body): its HEAD connections are closed after each. */
  headUnsafe: boolean;
  rateLimited: boolean;
  requests: number;
  ms: number;
}

type Vetted = { kind: 'ok'; addresses: ResolvedAddress[] } | { kind: 'blocked'; address: string; addressKind: AddressKind } | { kind: 'dns'; code: string } | { kind: 'offline' };

interface Answer {
  code: number;
  text: string;
  location: string | undefined;
  retryAfter: string | undefined;
}

interface NetFailure {
  error: true;
  /** `unchecked`: not sent, the run was interrupted. */
  status: 'timeout' | 'unreachable' | 'unchecked';
  reason: string;
  phase?: 'connect' | 'headers';
  retryable: boolean;
}

type Outcome = (Answer & { error?: undefined }) | NetFailure;

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A network error in words, and whether it may pass on a retry. */
function netFailure(e: unknown, timeoutMs: number): NetFailure {
  const err = e as { code?: string; message?: string; cause?: { code?: string } };
  const code = err.code && err.code !== 'UND_ERR' ? err.code : (err.cause?.code ?? err.code ?? 'error');
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { error: true, status: 'timeout', phase: 'connect', reason: `no connection within ${timeoutMs} ms`, retryable: true };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { error: true, status: 'timeout', phase: 'headers', reason: `no answer within ${timeoutMs} ms`, retryable: true };
    case 'ECONNREFUSED':
      return { error: true, status: 'unreachable', reason: 'connection refused (ECONNREFUSED)', retryable: true };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return { error: true, status: 'unreachable', reason: `connection reset (${code === 'UND_ERR_SOCKET' ? 'closed by the server' : code})`, retryable: true };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { error: true, status: 'unreachable', reason: `no route to the host (${code})`, retryable: true };
    case 'EBLOCKED':
      return { error: true, status: 'unreachable', reason: err.message ?? 'blocked address', retryable: false };
    default:
      if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return { error: true, status: 'unreachable', reason: `TLS certificate error (${code})`, retryable: false };
      return { error: true, status: 'unreachable', reason: `${err.message ?? 'request failed'} (${code})`, retryable: true };
  }
}

/** `Retry-After` in milliseconds from now: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** What a server answers HEAD with when it does not serve HEAD (405, 501) or serves it differently (403, 404). */
const HEAD_REFUSED = new Set([405, 501, 403, 404]);
/** Answers worth another try: the server may be back, or less busy, in a moment. */
const TRANSIENT = new Set([408, 429, 500, 502, 503, 504]);

export class UrlChecker {
  readonly stats: CheckStats;
  private readonly settings: ExternalSettings;
  private readonly clock: Clock;
  private readonly resolve: Resolver;
  private readonly agent: Agent;
  private readonly global: LimitFunction;
  private readonly hosts = new Map<string, HostState>();
  private readonly vetted = new Map<string, Promise<Vetted>>();
  private readonly dnsLimit = pLimit(OFFLINE_HOSTS);
  private readonly bodyCap: number;
  private readonly retryAfterCap: number;
  private readonly backoff: number;
  private readonly headers: Record<string, string>;
  private resolvedHosts = 0;
  private readonly failedHosts: string[] = [];
  /** Lookups asked for and not yet answered, and lookups made. */
  private lookups = 0;
  private lookupsMade = 0;
  private probing = false;
  private verdictGiven = false;
  private offline: string | undefined;
  private settleVerdict!: (offline: string | undefined) => void;
  /** Whether the network is missing (its reason) or not (undefined), once known. */
  private readonly verdict = new Promise<string | undefined>((resolve) => (this.settleVerdict = resolve));
  private done = 0;
  private lastProgress = 0;

  constructor(private readonly options: CheckerOptions) {
    this.settings = options.settings;
    this.clock = options.clock ?? realClock;
    this.resolve = options.resolve ?? systemResolver;
    this.bodyCap = options.bodyCap ?? 64 * 1024;
    this.retryAfterCap = options.retryAfterCapMs ?? 60000;
    this.backoff = options.backoffMs ?? 500;
    this.headers = { 'user-agent': options.userAgent ?? `archive-lint (link checker; +${REPOSITORY_URL})`, accept: '*/*' };
    this.global = pLimit(this.settings.concurrency);
    this.agent = new Agent({
      connections: this.settings.perHost,
      pipelining: 1,
      keepAliveTimeout: 10000,
      connect: { timeout: this.settings.timeoutMs, lookup: this.connectLookup },
    });
    const byStatus = Object.fromEntries(URL_STATUSES.map((s) => [s, 0])) as Record<UrlStatus, number>;
    this.stats = { urls: 0, requests: 0, retries: 0, redirects: 0, getAfterHead: 0, bodyBytesMax: 0, byStatus, slowest: [], ms: 0 };
  }

  /** Check every URL (request keys, each once); the results by key. */
  async checkAll(urls: readonly string[]): Promise<Map<string, UrlCheck>> {
    const started = performance.now();
    this.stats.urls = urls.length;
    const results = new Map<string, UrlCheck>();
    try {
      await Promise.all(
        urls.map(async (url) => {
          const check = await this.checkOne(url).catch((e: unknown): UrlCheck => ({ url, status: 'unreachable', reason: `internal error: ${(e as Error).message}`, requests: 0, retries: 0 }));
          const final = this.offline && !isDecided(check) ? { url, status: 'unchecked' as const, reason: this.offline, requests: check.requests, retries: check.retries } : check;
          results.set(url, final);
          this.done++;
          this.progress(false);
        }),
      );
    } finally {
      await this.agent.close().catch(() => undefined);
    }
    // URLs decided before the network was found missing are not trusted either.
    if (this.offline) for (const [url, c] of results) if (!isDecided(c)) results.set(url, { url, status: 'unchecked', reason: this.offline, requests: c.requests, retries: c.retries });
    for (const c of results.values()) this.stats.byStatus[c.status]++;
    if (this.offline) this.stats.networkUnavailable = this.offline;
    this.stats.slowest = this.slowest(5);
    this.stats.ms = performance.now() - started;
    this.progress(true);
    return results;
  }

  private progress(force: boolean): void {
    if (!this.options.onProgress) return;
    const now = performance.now();
    if (!force && now - this.lastProgress < 100) return;
    this.lastProgress = now;
    this.options.onProgress({ done: this.done, total: this.stats.urls, slowest: this.slowest(3) });
  }

  private slowest(n: number): HostTime[] {
    return [...this.hosts.values()]
      .filter((h) => h.requests > 0)
      .map((h) => ({ host: h.name, ms: Math.round(h.ms / h.requests) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, n);
  }

  private host(name: string): HostState {
    let h = this.hosts.get(name);
    if (!h) {
      h = { name, limit: pLimit(this.settings.perHost), interval: this.settings.minIntervalMs, nextAt: 0, headRefused: false, headUnsafe: false, rateLimited: false, requests: 0, ms: 0 };
      this.hosts.set(name, h);
    }
    return h;
  }

  private allowed(host: string): boolean {
    return this.settings.allowPrivateHosts || hostListed(host, this.settings.allowHosts);
  }

  /** Resolve a host once, and say whether it may be requested. */
  private vet(hostname: string): Promise<Vetted> {
    const host = bareHost(hostname);
    let v = this.vetted.get(host);
    if (!v) {
      v = this.vetNow(host);
      this.vetted.set(host, v);
    }
    return v;
  }

  private async vetNow(host: string): Promise<Vetted> {
    const family = isIP(host);
    let addresses: ResolvedAddress[];
    if (family) {
      addresses = [{ address: host, family }];
    } else {
      this.lookups++;
      try {
        addresses = await this.dnsLimit(() => this.lookup(host));
        if (addresses.length === 0) throw Object.assign(new Error('no addresses'), { code: 'ENODATA' });
        this.lookups--;
        this.resolvedHosts++;
        this.review();
      } catch (e) {
        this.lookups--;
        if (this.offline) return { kind: 'offline' };
        if (this.resolvedHosts === 0) {
          this.failedHosts.push(host);
          this.review();
          if ((await this.verdict) !== undefined) return { kind: 'offline' };
        }
        return { kind: 'dns', code: (e as { code?: string }).code ?? 'EAI_FAIL' };
      }
    }
    if (!this.allowed(host)) {
      for (const a of addresses) {
        const kind = addressKind(a.address);
        if (kind) return { kind: 'blocked', address: a.address, addressKind: kind };
      }
    }
    return { kind: 'ok', addresses };
  }

  /** One lookup. Until a host has resolved, only the first few are made; the rest wait for the verdict. */
  private async lookup(host: string): Promise<ResolvedAddress[]> {
    if (this.resolvedHosts === 0 && this.lookupsMade >= OFFLINE_HOSTS) await this.verdict;
    if (this.offline) throw Object.assign(new Error(this.offline), { code: 'OFFLINE' });
    this.lookupsMade++;
    return this.resolve(host);
  }

  /**
   * After a lookup: is the network there? Yes as soon as a host resolves. While none has, a host that fails waits
   * for the verdict: once the first few hosts (or all there are to look up) have failed, a well-known name decides.
   */
  private review(): void {
    if (this.verdictGiven) return;
    const give = (offline: string | undefined) => {
      if (this.verdictGiven) return;
      this.verdictGiven = true;
      this.offline = offline;
      this.dnsLimit.concurrency = DNS_CONCURRENCY;
      this.settleVerdict(offline);
    };
    if (this.resolvedHosts > 0) return give(undefined);
    if (this.probing || (this.failedHosts.length < OFFLINE_HOSTS && this.lookups > 0)) return;
    this.probing = true;
    const probe = this.options.probeHost ?? 'github.com';
    const failed = this.failedHosts.slice(0, OFFLINE_HOSTS);
    this.resolve(probe).then(
      () => give(undefined),
      () => give(this.resolvedHosts > 0 ? undefined : `network unavailable: no host name resolves (${failed.includes(probe) ? failed.join(', ') : `${failed.join(', ')}, nor ${probe}`})`),
    );
  }

  /** The lookup of the agent's connections: the addresses vetted, never a second answer. */
  private readonly connectLookup: LookupFunction = (hostname, opts, callback) => {
    this.vet(hostname).then(
      (v) => {
        if (v.kind !== 'ok') {
          const message = v.kind === 'blocked' ? `${hostname} resolves to a ${v.addressKind} address` : `cannot resolve ${hostname}`;
          callback(Object.assign(new Error(message), { code: v.kind === 'blocked' ? 'EBLOCKED' : 'ENOTFOUND' }), '');
        } else if (opts.all) {
          callback(null, v.addresses);
        } else {
          const first = v.addresses[0] as ResolvedAddress;
          callback(null, first.address, first.family);
        }
      },
      (e: unknown) => callback(e as NodeJS.ErrnoException, ''),
    );
  };

  private excluded(url: string): boolean {
    return this.settings.exclude.some((re) => re.test(url));
  }

  private botWall(host: string, code: number): boolean {
    return code === 999 || (code === 403 && hostListed(host, this.settings.botWalls.flatMap((h) => [h, `*.${h}`])));
  }

  private async checkOne(url: string): Promise<UrlCheck> {
    if (this.excluded(url)) return { url, status: 'excluded', requests: 0, retries: 0 };
    const cached = this.options.cache?.get(url);
    if (cached) {
      const { method: _method, ...entry } = cached;
      return { url, status: 'cached', cached: entry, code: entry.code, ...(entry.finalUrl ? { finalUrl: entry.finalUrl, hops: entry.hops ?? 1 } : {}), requests: 0, retries: 0 };
    }
    const tally = { requests: 0, retries: 0 };
    const visited = [url];
    let current = url;
    for (let hops = 0; ; hops++) {
      const u = new URL(current);
      const hostName = bareHost(u.hostname);
      const v = await this.vet(u.hostname);
      const base = { url, ...tally, ...(hops ? { finalUrl: current, hops } : {}) };
      if (v.kind === 'offline') return { ...base, status: 'unchecked', reason: this.offline ?? 'network unavailable' };
      if (v.kind === 'blocked') return { ...base, status: 'blocked', host: hostName, address: v.address, addressKind: v.addressKind };
      if (v.kind === 'dns') return { ...base, status: 'unreachable', reason: `host not found (${v.code})`, host: hostName };
      if (this.options.signal?.aborted) return { ...base, status: 'unchecked', reason: 'interrupted' };
      const host = this.host(hostName);
      let method: 'HEAD' | 'GET' = host.headRefused ? 'GET' : 'HEAD';
      let answer = await this.fetch(u, method, host, tally);
      if (!answer.error && method === 'HEAD' && HEAD_REFUSED.has(answer.code)) {
        method = 'GET';
        this.stats.getAfterHead++;
        const refused = answer.code;
        answer = await this.fetch(u, 'GET', host, tally);
        // A server that answers HEAD otherwise than GET gets GET from now on.
        if (refused === 405 || refused === 501 || (!answer.error && answer.code !== refused)) host.headRefused = true;
      }
      const done = { url, ...tally, ...(hops ? { finalUrl: current, hops } : {}) };
      if (answer.error) return { ...done, status: answer.status, reason: answer.reason, ...(answer.phase ? { timeoutPhase: answer.phase } : {}) };
      const { code, text } = answer;
      if (REDIRECT.has(code) && answer.location !== undefined) {
        let next: URL;
        try {
          next = new URL(answer.location, current);
        } catch {
          return { ...done, status: 'broken', code, text, reason: `a redirect to '${answer.location}', which is not a URL` };
        }
        next.hash = '';
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return { ...done, status: 'broken', code, text, reason: `a redirect to ${next.href}, which is not http(s)` };
        const seen = visited.indexOf(next.href);
        if (seen >= 0) return { ...done, status: 'broken', code, text, reason: 'redirect loop', loop: [...visited.slice(seen), next.href] };
        if (hops >= this.settings.maxRedirects) return { ...done, status: 'broken', code, text, reason: `more than ${this.settings.maxRedirects} redirects` };
        visited.push(next.href);
        current = next.href;
        this.stats.redirects++;
        continue;
      }
      if (this.settings.accept(code)) {
        const status = hops ? 'redirected' : 'ok';
        this.options.cache?.set(method, url, { status, code, ...(hops ? { finalUrl: current, hops } : {}), checkedAt: this.clock.now() });
        return { ...done, status, code, text };
      }
      if (code === 429 || (code === 503 && answer.retryAfter !== undefined)) return { ...done, status: 'rate-limited', code, text, host: hostName };
      if (this.botWall(hostName, code)) return { ...done, status: 'bot-wall', code, text, host: hostName };
      return { ...done, status: 'broken', code, text };
    }
  }

  /** One request, retried while it fails in a way that may pass. */
  private async fetch(u: URL, method: 'HEAD' | 'GET', host: HostState, tally: { requests: number; retries: number }): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.send(u, method, host);
      if (outcome.error && outcome.status === 'unchecked') return outcome;
      tally.requests++;
      if (attempt > 0) {
        tally.retries++;
        this.stats.retries++;
      }
      let wait = this.backoffDelay(attempt);
      if (!outcome.error && (outcome.code === 429 || outcome.code === 503)) {
        // The host asks for less: it gets less for the rest of the run, whether or not this URL is tried again.
        const after = retryAfterMs(outcome.retryAfter, this.clock.now());
        if (after !== undefined) wait = Math.min(after, this.retryAfterCap);
        if (outcome.code === 429 || after !== undefined) this.slowDown(host, wait);
      }
      const transient = outcome.error ? outcome.retryable : TRANSIENT.has(outcome.code);
      if (!transient || attempt >= this.settings.retries || this.options.signal?.aborted) return outcome;
      await this.clock.sleep(wait);
    }
  }

  /** Exponential backoff with jitter: half the delay fixed, half random. */
  private backoffDelay(attempt: number): number {
    const delay = Math.min(this.backoff * 2 ** attempt, 30000);
    return Math.round(delay / 2 + Math.random() * (delay / 2));
  }

  /** A host that rate-limits: nothing before `pause` is over, then one request at a time, spaced. */
  private slowDown(host: HostState, pause: number): void {
    host.rateLimited = true;
    host.limit.concurrency = 1;
    host.interval = Math.min(Math.max(host.interval * 2, 1000), 10000);
    host.nextAt = Math.max(host.nextAt, this.clock.now() + pause);
  }

  /** Wait for the host's turn (its interval, its pause), reserving the start time before waiting. */
  private async turn(host: HostState): Promise<void> {
    const now = this.clock.now();
    const start = Math.max(now, host.nextAt);
    host.nextAt = start + host.interval;
    if (start > now) await this.clock.sleep(start - now);
  }

  private send(u: URL, method: 'HEAD' | 'GET', host: HostState): Promise<Outcome> {
    return host.limit(async () => {
      await this.turn(host);
      return this.global(async (): Promise<Outcome> => {
        if (this.options.signal?.aborted) return { error: true, status: 'unchecked', reason: 'interrupted', retryable: false };
        this.stats.requests++;
        host.requests++;
        const started = performance.now();
        try {
          const res = await this.agent.request({
            origin: u.origin,
            path: `${u.pathname}${u.search}`,
            method,
            headers: this.headers,
            headersTimeout: this.settings.timeoutMs,
            bodyTimeout: this.settings.timeoutMs,
            // undici closes a connection after every HEAD, in case the server sends a body anyway: keep it alive,
            // as for GET, unless this host did that (a parse error on its connection, then retried).
            ...(method === 'HEAD' ? { reset: host.headUnsafe } : {}),
          });
          host.ms += performance.now() - started;
          await this.drain(res.body);
          return { code: res.statusCode, text: res.statusText || STATUS_CODES[res.statusCode] || '', location: header(res.headers.location), retryAfter: header(res.headers['retry-after']) };
        } catch (e) {
          host.ms += performance.now() - started;
          if (/^HPE_/.test((e as { code?: string }).code ?? '')) host.headUnsafe = true;
          return netFailure(e, this.settings.timeoutMs);
        }
      });
    });
  }

  /** Read a body up to the cap (a connection is reused only when its body was read whole), never further. */
  private async drain(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<void> {
    let bytes = 0;
    let whole = false;
    const deadline = setTimeout(() => body.destroy(), this.settings.timeoutMs);
    try {
      for await (const chunk of body) {
        bytes += chunk.length;
        if (bytes >= this.bodyCap) break;
      }
      whole = bytes < this.bodyCap;
    } catch {
      // The status is known: a body that fails after the headers changes nothing.
    } finally {
      clearTimeout(deadline);
      if (!whole) body.destroy();
      this.stats.bodyBytesMax = Math.max(this.stats.bodyBytesMax, bytes);
    }
  }
}

/** Whether a result stands on its own, whatever the network: not a failure to reach anything. */
function isDecided(c: UrlCheck): boolean {
  return c.status !== 'unreachable' && c.status !== 'timeout';
}
