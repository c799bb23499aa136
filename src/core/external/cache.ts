/**
 * The persistent URL cache: URLs found working (ok or redirected) within `cacheTtl`, keyed by request method and
 * URL, in `urls.json` beside the file cache. Failures are never stored: a URL that failed is requested again on
 * the next run. Web-archive lookups are kept too, found or not, within their own time to live (`archive.cacheTtl`),
 * keyed by `ARCHIVE`, URL and timestamp. In: the cache folder, the maximum ages, a clock; out: fresh entries, and
 * the file written back.
 *
 * Safe when two runs share it: it is written to a temporary file and renamed (a reader sees a whole file, old or
 * new), and before writing, what another run wrote meanwhile is read again and merged (the newest entry of a key
 * wins), so neither run loses the other's results. A corrupt or foreign file is ignored and rebuilt; so is one
 * whose MAC (under the machine's secret, kept outside the archive) fails: a committed urls.json cannot vouch for a
 * dead URL. Read bounded, written through the one writer (never through a symbolic link of the archive).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ensureGitignore } from '../cache/cache.js';
import { machineSecret, secretFile } from '../cache/secret.js';
import { join } from 'node:path';
import { IoError, LIMITS, readBounded, writeFileAtomic } from '../io/index.js';

const MAGIC = 'archive-lint-urls';
const FORMAT = 2;

/** The file's MAC: HMAC-SHA256 of its entries' JSON under the machine's secret (see src/core/cache/secret.ts). */
function entriesMac(secret: Uint8Array, json: string): Buffer {
  return createHmac('sha256', secret).update(`${MAGIC}\0${FORMAT}\0`).update(json).digest();
}
export const URL_CACHE_FILE = 'urls.json';

export interface CachedUrl {
  status: 'ok' | 'redirected';
  /** The final answer's status code. */
  code: number;
  /** Where the redirects ended (redirected only). */
  finalUrl?: string;
  /** Redirects followed. */
  hops?: number;
  /** When it was checked (ms since the epoch). */
  checkedAt: number;
}

/** A web-archive lookup: the snapshot closest to a timestamp, or none. */
export interface CachedArchive {
  status: 'archive';
  /** The snapshot found: its 14-digit timestamp and the URL as archived. */
  found?: { timestamp: string; original: string };
  checkedAt: number;
}

type Entry = CachedUrl | CachedArchive;

type Method = 'HEAD' | 'GET';

const archiveKey = (url: string, timestamp: string) => `ARCHIVE ${url} ${timestamp}`;

function archiveFound(found: unknown): boolean {
  if (found === undefined) return true;
  const f = found as { timestamp?: unknown; original?: unknown } | null;
  return f !== null && typeof f === 'object' && typeof f.timestamp === 'string' && /^\d{14}$/.test(f.timestamp) && typeof f.original === 'string';
}

export class UrlCache {
  private entries: Map<string, Entry> | undefined;
  /** Keys written by this run. */
  private readonly added = new Map<string, Entry>();
  warning: string | undefined;
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    /** How long a web-archive lookup is kept (default: as long as a URL). */
    private readonly archiveTtlMs: number = ttlMs,
    /** The machine's secret, and the archive root when the folder is inside it. */
    private readonly auth: { secret: Uint8Array; root?: string | undefined } = { secret: machineSecret(secretFile(process.env)).secret },
  ) {
    this.file = join(dir, URL_CACHE_FILE);
  }

  private read(): Map<string, Entry> {
    const out = new Map<string, Entry>();
    let text: string;
    try {
      text = readBounded(this.file, { maxBytes: LIMITS.cache, what: 'URL cache', ...(this.auth.root === undefined ? {} : { root: this.auth.root }) }).toString('utf8');
    } catch (e) {
      if (e instanceof IoError && e.problem !== 'not-found') this.warning = `ignoring ${this.file}: ${e.reason}; rebuilding it`;
      return out;
    }
    try {
      const data = JSON.parse(text) as { magic?: unknown; format?: unknown; mac?: unknown; entries?: Record<string, Entry> };
      if (data.magic !== MAGIC || data.format !== FORMAT || typeof data.entries !== 'object' || data.entries === null) throw new Error('not a URL cache of this format');
      const mac = typeof data.mac === 'string' && /^[0-9a-f]{64}$/.test(data.mac) ? Buffer.from(data.mac, 'hex') : undefined;
      if (!mac || !timingSafeEqual(mac, entriesMac(this.auth.secret, JSON.stringify(data.entries)))) throw new Error('not written by archive-lint on this machine (its authentication fails)');
      for (const [key, entry] of Object.entries(data.entries)) {
        if ((entry.status === 'ok' || entry.status === 'redirected') && typeof entry.checkedAt === 'number' && typeof entry.code === 'number') out.set(key, entry);
        else if (entry.status === 'archive' && key.startsWith('ARCHIVE ') && typeof entry.checkedAt === 'number' && archiveFound(entry.found)) out.set(key, entry);
      }
    } catch (e) {
      this.warning = `ignoring ${this.file}: ${(e as Error).message}; rebuilding it`;
    }
    return out;
  }

  private fresh<T extends Entry>(entry: T | undefined): entry is T {
    const ttl = entry?.status === 'archive' ? this.archiveTtlMs : this.ttlMs;
    return entry !== undefined && this.now() - entry.checkedAt < ttl && entry.checkedAt <= this.now() + 60000;
  }

  /** The fresh entry of a URL, whichever method found it working. */
  get(url: string): (CachedUrl & { method: Method }) | undefined {
    this.entries ??= this.read();
    for (const method of ['HEAD', 'GET'] as const) {
      const entry = this.entries.get(`${method} ${url}`);
      if (entry?.status !== 'archive' && this.fresh(entry)) return { ...entry, method };
    }
    return undefined;
  }

  /** A fresh web-archive lookup of a URL at a timestamp: `found` is absent when the archive had no snapshot. */
  getArchive(url: string, timestamp: string): CachedArchive | undefined {
    this.entries ??= this.read();
    const entry = this.entries.get(archiveKey(url, timestamp));
    return entry?.status === 'archive' && this.fresh(entry) ? entry : undefined;
  }

  /** Record a web-archive lookup, found or not. */
  setArchive(url: string, timestamp: string, found: CachedArchive['found'] | undefined): void {
    this.entries ??= this.read();
    const key = archiveKey(url, timestamp);
    const entry: CachedArchive = { status: 'archive', ...(found ? { found } : {}), checkedAt: this.now() };
    this.entries.set(key, entry);
    this.added.set(key, entry);
  }

  /** Record a URL found working by `method`. */
  set(method: Method, url: string, entry: CachedUrl): void {
    this.entries ??= this.read();
    const key = `${method} ${url}`;
    this.entries.set(key, entry);
    this.added.set(key, entry);
  }

  /** Write the cache back, merged with what is on disk now; a warning when it cannot be written. */
  save(): string | undefined {
    if (this.added.size === 0) return undefined;
    const merged = this.read();
    for (const [key, entry] of this.added) {
      const there = merged.get(key);
      if (!there || there.checkedAt < entry.checkedAt) merged.set(key, entry);
    }
    for (const [key, entry] of merged) if (!this.fresh(entry)) merged.delete(key);
    try {
      const entries = JSON.stringify(Object.fromEntries([...merged].sort((a, b) => (a[0] < b[0] ? -1 : 1))));
      const mac = entriesMac(this.auth.secret, entries).toString('hex');
      writeFileAtomic(this.file, `{"magic":${JSON.stringify(MAGIC)},"format":${FORMAT},"mac":"${mac}","entries":${entries}}`, this.auth.root === undefined ? {} : { root: this.auth.root });
      ensureGitignore(this.dir, this.auth.root);
      this.added.clear();
      return undefined;
    } catch (e) {
      if (e instanceof IoError) return `cannot write the URL cache ${this.file}: ${e.reason}`;
      return `cannot write the URL cache ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
}
