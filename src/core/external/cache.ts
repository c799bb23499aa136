/**
 * The persistent URL cache: URLs found working (ok or redirected) within `cacheTtl`, keyed by request method and
 * URL, in `urls.json` beside the file cache. Failures are never stored: a URL that failed is requested again on
 * the next run. In: the cache folder, a maximum age, a clock; out: fresh entries, and the file written back.
 *
 * Safe when two runs share it: it is written to a temporary file and renamed (a reader sees a whole file, old or
 * new), and before writing, what another run wrote meanwhile is read again and merged (the newest entry of a key
 * wins), so neither run loses the other's results. A corrupt or foreign file is ignored and rebuilt.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { ensureGitignore, makeFolder } from '../cache.js';
import { join } from 'node:path';

const MAGIC = 'archive-lint-urls';
const FORMAT = 1;
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

type Method = 'HEAD' | 'GET';

export class UrlCache {
  private entries: Map<string, CachedUrl> | undefined;
  /** Keys written by this run. */
  private readonly added = new Map<string, CachedUrl>();
  warning: string | undefined;
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.file = join(dir, URL_CACHE_FILE);
  }

  private read(): Map<string, CachedUrl> {
    const out = new Map<string, CachedUrl>();
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return out;
    }
    try {
      const data = JSON.parse(text) as { magic?: unknown; format?: unknown; entries?: Record<string, CachedUrl> };
      if (data.magic !== MAGIC || data.format !== FORMAT || typeof data.entries !== 'object' || data.entries === null) throw new Error('not a URL cache of this format');
      for (const [key, entry] of Object.entries(data.entries)) {
        if ((entry.status === 'ok' || entry.status === 'redirected') && typeof entry.checkedAt === 'number' && typeof entry.code === 'number') out.set(key, entry);
      }
    } catch (e) {
      this.warning = `ignoring ${this.file}: ${(e as Error).message}; rebuilding it`;
    }
    return out;
  }

  private fresh(entry: CachedUrl | undefined): entry is CachedUrl {
    return entry !== undefined && this.now() - entry.checkedAt < this.ttlMs && entry.checkedAt <= this.now() + 60000;
  }

  /** The fresh entry of a URL, whichever method found it working. */
  get(url: string): (CachedUrl & { method: Method }) | undefined {
    this.entries ??= this.read();
    for (const method of ['HEAD', 'GET'] as const) {
      const entry = this.entries.get(`${method} ${url}`);
      if (this.fresh(entry)) return { ...entry, method };
    }
    return undefined;
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
    const tmp = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      const why = makeFolder(this.dir);
      if (why !== undefined) return `cannot write the URL cache ${this.file}: ${why}`;
      writeFileSync(tmp, JSON.stringify({ magic: MAGIC, format: FORMAT, entries: Object.fromEntries([...merged].sort((a, b) => (a[0] < b[0] ? -1 : 1))) }));
      renameSync(tmp, this.file);
      ensureGitignore(this.dir);
      this.added.clear();
      return undefined;
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // Never created.
      }
      return `cannot write the URL cache ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
}
