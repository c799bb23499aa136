/**
 * The per-file cache: each file's outcome (problems, links, images, anchors) keyed by its path and content,
 * under a key of the tool version, the resolved config and the repository identity. Unchanged files are not
 * parsed again; cross-file checks are always recomputed. Size and modification time let an unchanged file
 * skip even the read (as ESLint's metadata strategy); otherwise its content hash decides.
 *
 * Two files (v8 serialisation), each written atomically (temporary file, then rename), so two runs sharing the
 * cache each leave whole files: `outcomes.v8` with every outcome, and `links.v8`, a small reverse-link index
 * (each file's local link targets) that change-aware runs read without loading the outcomes. A corrupt,
 * truncated or foreign file is ignored with a warning and rebuilt, never trusted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileOutcome } from '../types.js';

const MAGIC = 'archive-lint-cache';
const FORMAT = 3;

interface Stamp {
  size: number;
  mtimeMs: number;
  hash: string;
}

export interface CacheEntry extends Stamp {
  outcome: FileOutcome;
}

export interface LinkEntry extends Stamp {
  /** Local targets of the file's links and images: `path` or `path#fragment`. */
  targets: string[];
  /** The file's anchors, for links into it from the few files a change-aware run parses. */
  anchors: string[];
}

interface Stored<T> {
  magic: string;
  format: number;
  kind: string;
  key: string;
  entries: Map<string, T>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The default cache folder: node_modules/.cache/archive-lint when the root has node_modules. */
export function defaultCacheLocation(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'archive-lint') : join(root, '.archive-lint-cache');
}

/** One cache file: loaded on first use, saved when changed. */
class Store<T> {
  private entries: Map<string, T> | undefined;
  dirty = false;
  warning: string | undefined;

  constructor(
    readonly file: string,
    private readonly kind: string,
    private readonly key: string,
  ) {}

  map(): Map<string, T> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return this.entries; // No cache yet.
    }
    try {
      const data = deserialize(bytes) as Partial<Stored<T>>;
      if (data?.magic !== MAGIC || data.format !== FORMAT || data.kind !== this.kind || !(data.entries instanceof Map)) {
        this.warning = `ignoring ${this.file}: not an archive-lint cache of this format; rebuilding it`;
        this.dirty = true;
      } else if (data.key !== this.key) {
        this.dirty = true; // Another version, config or repository: every entry is stale.
      } else {
        this.entries = data.entries;
      }
    } catch (e) {
      this.warning = `ignoring ${this.file}: corrupt or truncated (${(e as Error).message}); rebuilding it`;
      this.dirty = true;
    }
    return this.entries;
  }

  loaded(): boolean {
    return this.entries !== undefined;
  }

  save(): string | undefined {
    if (!this.dirty || !this.entries) return undefined;
    const data: Stored<T> = { magic: MAGIC, format: FORMAT, kind: this.kind, key: this.key, entries: this.entries };
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

/** Is the file still what the stamp says? Reads and hashes it only when its metadata changed. */
function fresh(root: string, path: string, stamp: Stamp): boolean | 'touched' {
  let st;
  try {
    st = statSync(join(root, path));
  } catch {
    return false;
  }
  if (st.size === stamp.size && st.mtimeMs === stamp.mtimeMs) return true;
  try {
    if (st.size === stamp.size && hashBytes(readFileSync(join(root, path))) === stamp.hash) {
      stamp.mtimeMs = st.mtimeMs;
      return 'touched';
    }
  } catch {
    // Unreadable now.
  }
  return false;
}

export class FileCache {
  private readonly outcomesStore: Store<CacheEntry>;
  private readonly linksStore: Store<LinkEntry>;
  hits = 0;
  misses = 0;

  constructor(location: string, key: string) {
    this.outcomesStore = new Store(join(location, 'outcomes.v8'), 'outcomes', key);
    this.linksStore = new Store(join(location, 'links.v8'), 'links', key);
  }

  get warnings(): string[] {
    return [this.outcomesStore.warning, this.linksStore.warning].filter((w): w is string => w !== undefined);
  }

  /** The cached outcome of an unchanged file, or undefined. */
  get(root: string, path: string): FileOutcome | undefined {
    const entry = this.outcomesStore.map().get(path);
    const ok = entry ? fresh(root, path, entry) : false;
    if (!entry || !ok) {
      this.misses++;
      return undefined;
    }
    if (ok === 'touched') this.outcomesStore.dirty = true;
    this.hits++;
    return entry.outcome;
  }

  /** The reverse-link index entry (local link targets and anchors) of an unchanged file, or undefined. */
  links(root: string, path: string): LinkEntry | undefined {
    const entry = this.linksStore.map().get(path);
    const ok = entry ? fresh(root, path, entry) : false;
    if (!entry || !ok) return undefined;
    if (ok === 'touched') this.linksStore.dirty = true;
    return entry;
  }

  /** Record a file's outcome and its link targets (never a failure: failures are not cached). */
  set(root: string, path: string, outcome: FileOutcome, targets: string[]): void {
    const outcomes = this.outcomesStore.map();
    const links = this.linksStore.map();
    if (outcome.error) {
      if (outcomes.delete(path)) this.outcomesStore.dirty = true;
      if (links.delete(path)) this.linksStore.dirty = true;
      return;
    }
    try {
      const abs = join(root, path);
      const st = statSync(abs);
      const hash = outcome.hash ?? hashBytes(readFileSync(abs));
      outcomes.set(path, { size: st.size, mtimeMs: st.mtimeMs, hash, outcome });
      links.set(path, { size: st.size, mtimeMs: st.mtimeMs, hash, targets, anchors: outcome.facts.anchors });
      this.outcomesStore.dirty = true;
      this.linksStore.dirty = true;
    } catch {
      // The file went away: nothing to cache.
    }
  }

  /** Drop entries of files that no longer exist. */
  retain(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const store of [this.outcomesStore, this.linksStore] as Store<Stamp>[]) {
      const map = store.map();
      for (const p of map.keys()) {
        if (!keep.has(p)) {
          map.delete(p);
          store.dirty = true;
        }
      }
    }
  }

  save(): string[] {
    return [this.outcomesStore.save(), this.linksStore.save()].filter((e): e is string => e !== undefined);
  }
}
