/**
 * The per-file cache: each file's outcome (problems, links, images, anchors) keyed by its path and content,
 * under a key of the tool version, the resolved config and the repository identity. Unchanged files are not
 * parsed again; cross-file checks are always recomputed. Size and modification time let an unchanged file
 * skip even the read (as ESLint's metadata strategy); otherwise its content hash decides.
 *
 * One file (v8 serialisation), written atomically (temporary file, then rename), so two runs sharing it
 * each leave a whole cache. A corrupt, truncated or foreign file is ignored with a warning, never trusted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileOutcome } from '../types.js';

const MAGIC = 'archive-lint-cache';
const FORMAT = 1;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  outcome: FileOutcome;
}

interface CacheFile {
  magic: string;
  format: number;
  key: string;
  entries: Map<string, CacheEntry>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The default cache folder: node_modules/.cache/archive-lint when the root has node_modules. */
export function defaultCacheLocation(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'archive-lint') : join(root, '.archive-lint-cache');
}

export class FileCache {
  private entries = new Map<string, CacheEntry>();
  private dirty = false;
  readonly file: string;
  /** Why the stored cache was not used, if it was not (for a warning). */
  warning: string | undefined;
  hits = 0;
  misses = 0;

  constructor(
    location: string,
    private readonly key: string,
  ) {
    this.file = join(location, 'cache.v8');
    this.load();
  }

  private load(): void {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return; // No cache yet.
    }
    try {
      const data = deserialize(bytes) as Partial<CacheFile>;
      if (data?.magic !== MAGIC || data.format !== FORMAT || !(data.entries instanceof Map)) {
        this.warning = `ignoring ${this.file}: not an archive-lint cache of this format; rebuilding it`;
        this.dirty = true;
        return;
      }
      if (data.key !== this.key) {
        this.dirty = true; // Another version, config or repository: every entry is stale.
        return;
      }
      this.entries = data.entries;
    } catch (e) {
      this.warning = `ignoring ${this.file}: corrupt or truncated (${(e as Error).message}); rebuilding it`;
      this.dirty = true;
    }
  }

  /** The cached outcome of an unchanged file, or undefined. Reads and hashes the file only when its metadata changed. */
  get(root: string, path: string): FileOutcome | undefined {
    const entry = this.entries.get(path);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    const abs = join(root, path);
    let st;
    try {
      st = statSync(abs);
    } catch {
      this.misses++;
      return undefined;
    }
    if (st.size === entry.size && st.mtimeMs === entry.mtimeMs) {
      this.hits++;
      return entry.outcome;
    }
    try {
      if (st.size === entry.size && hashBytes(readFileSync(abs)) === entry.hash) {
        entry.mtimeMs = st.mtimeMs;
        this.dirty = true;
        this.hits++;
        return entry.outcome;
      }
    } catch {
      // Unreadable now: not a hit.
    }
    this.misses++;
    return undefined;
  }

  /** Record a file's outcome (never one that failed: failures are not cached). */
  set(root: string, path: string, outcome: FileOutcome): void {
    if (outcome.error) {
      if (this.entries.delete(path)) this.dirty = true;
      return;
    }
    try {
      const abs = join(root, path);
      const st = statSync(abs);
      const hash = outcome.hash ?? hashBytes(readFileSync(abs));
      this.entries.set(path, { size: st.size, mtimeMs: st.mtimeMs, hash, outcome });
      this.dirty = true;
    } catch {
      // The file went away: nothing to cache.
    }
  }

  /** Drop entries of files that no longer exist. */
  retain(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const p of this.entries.keys()) {
      if (!keep.has(p)) {
        this.entries.delete(p);
        this.dirty = true;
      }
    }
  }

  /** Every cached outcome (the reverse-link index for change-aware runs). */
  outcomes(): IterableIterator<[string, CacheEntry]> {
    return this.entries.entries();
  }

  save(): string | undefined {
    if (!this.dirty) return undefined;
    const data: CacheFile = { magic: MAGIC, format: FORMAT, key: this.key, entries: this.entries };
    const tmp = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(tmp, serialize(data));
      renameSync(tmp, this.file);
      this.dirty = false;
      return undefined;
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // Not created.
      }
      return `cannot write the cache ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
}
