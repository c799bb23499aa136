/**
 * Stage: cache (src/core/cache/). In: each file's outcome and links, under a key of the tool, the config and the
 * repository. Out: the outcomes of unchanged files, their link index, and their cross-file messages while the
 * archive index holds; packed.ts keeps per-file messages as the JSON report writes them.
 *
 * The per-file cache: each file's outcome (problems, links, images, anchors) keyed by its path and content,
 * under a key of the tool version, the resolved config and the repository identity. Unchanged files are not
 * parsed again; cross-file checks are always recomputed. The content decides wherever stat can lie: stat alone
 * serves a file only when its size, modification time, change time and inode are those recorded and both times
 * are more than the file system's granularity (`STAT_GRANULARITY_MS`) older than the read the entry comes from;
 * any other file is hashed (ESLint's `content` strategy as the fallback, git's rule for "racily clean" files).
 * The change time is what makes this hold: `cp -p`, `rsync -a`, `tar -x` and `touch -r` put back an old
 * modification time, never an old change time.
 *
 * Three files (v8 serialisation), each written atomically (temporary file, then rename), so two runs sharing
 * the cache each leave whole files:
 * - `messages.v8`: each file's stamp and messages, packed as the JSON report writes them, and its cross-file
 *   messages with the fingerprint of the archive index they were found against (which files exist, and their
 *   anchors). While the fingerprint holds, a warm run writes the file's result from this file alone.
 * - `outcomes.v8`: the rest of each outcome (links, anchors, line starts), v8-serialised; read only when a
 *   cross-file check or a fix needs it.
 * - `links.v8`: a small reverse-link index (each file's local link targets and anchors) that change-aware runs
 *   read without loading the outcomes.
 * Every frame carries an HMAC-SHA256 (16 bytes of it) of its bytes under the machine's secret (secret.ts), kept
 * outside the archive: an entry whose bytes changed (one flipped bit on disk, or an entry re-framed by a commit to
 * match a page's size and hash) fails it, is dropped and its file linted again; a corrupt, truncated, foreign or
 * forged file is ignored with a warning and rebuilt, never trusted. Cache files are read through the bounded
 * reader and written through the one writer (src/core/io/): never through a symbolic link of the archive.
 * The folder gets a `.gitignore` of `*` (as ruff's and pytest's caches do), so that the default
 * `.archive-lint-cache/` at an archive's root is never one `git add -A` away from a commit.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { tryGit } from '../walk/git.js';
import { deserialize, serialize } from 'node:v8';
import type { FileOutcome, FileStamp, PackedMessages } from '../../types.js';
import type { LocalLinks } from '../walk/changed.js';
import { AtomicFile, IoError, LIMITS, readBounded, writeFileAtomic } from '../io/index.js';
import { machineSecret, secretFile } from './secret.js';

const MAGIC = 'archive-lint-cache';
const FORMAT = 9;
/** A frame whose bytes fail their authentication. */
const BAD = Symbol('bad frame');
/** Bytes of a frame's head: its length (4, little-endian), then the first 16 bytes of its HMAC-SHA256. */
const FRAME_HEAD = 20;
const MAC_BYTES = 16;

/** The MAC of a frame's body: keyed by the machine's secret, bound to the file's kind (and, for entries, its key). */
export function frameMac(secret: Uint8Array, scope: string, body: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(scope).update(body).digest().subarray(0, MAC_BYTES);
}

interface Stamp extends FileStamp {
  hash: string;
}

/**
 * How close to the read an entry comes from a file's modification or change time may be and still be trusted:
 * a write within the same tick of the file system's clock (2 s on FAT, 1 s on HFS+ and some network file systems,
 * a kernel tick elsewhere) cannot be told from the read by stat. Such a file is hashed.
 */
export const STAT_GRANULARITY_MS = 2000;

/** A file's messages: all a warm run needs of a file while the archive index is unchanged. */
export interface MessagesEntry extends Stamp {
  packed: PackedMessages | undefined;
  /** How many of the file's per-file problems inline comments suppressed. */
  suppressed?: number;
  /** How many of the file's per-file findings the profile cannot check. */
  notChecked?: number;
  /** The file's cross-file messages (JSON of their array, UTF-8), and the fingerprint of the index they hold for. */
  cross?: { fingerprint: string; json: Uint8Array; suppressed?: number; notChecked?: number };
}

/** The rest of a file's outcome (links, anchors, line starts), for cross-file checks and fixes. */
export interface OutcomeEntry {
  /** Of the file's bytes: the entry goes with the messages entry of the same hash only. */
  hash: string;
  /** The outcome without its messages: v8-serialised, or, until the cache is written, the object. */
  outcome: Uint8Array | Omit<FileOutcome, 'packed'>;
}

export interface LinkEntry extends Stamp {
  /** Local targets of the file's links and images: `path` or `path#fragment`. */
  targets: string[];
  /** The file's anchors, for links into it from the few files a change-aware run parses. */
  anchors: string[];
  /** Each local reference: six numbers (see `localLinks`), for `links-to` and `mv`. */
  refs?: Int32Array;
}

interface Header {
  magic: string;
  format: number;
  kind: string;
  key: string;
  /** How many entries follow. */
  count: number;
}

/** The machine's secret, for a cache made without one (the library's callers): from the user's cache directory. */
function defaultSecret(): Buffer {
  return machineSecret(secretFile(process.env)).secret;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Why a cache folder of the archive is not to be used: files of it are tracked by git (committed: a pull request
 * can carry a cache). Undefined for a folder git does not track, outside the root, or with no git at hand.
 */
export function trackedByGit(root: string, location: string): string | undefined {
  const rel = relative(root, location);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const tracked = tryGit(root, ['ls-files', '-z', '--', rel.split(sep).join('/')]);
  if (!tracked) return undefined;
  const n = tracked.split('\0').filter((x) => x !== '').length;
  return `the cache folder ${location} holds ${n} file${n === 1 ? '' : 's'} tracked by git: a committed cache is never used; not reading or writing a cache this run (git rm -r --cached it, and let its .gitignore keep it out)`;
}

/** The default cache folder: node_modules/.cache/archive-lint when the root has node_modules. */
export function defaultCacheLocation(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'archive-lint') : join(root, '.archive-lint-cache');
}

/**
 * Make a folder and the folders above it that are missing, or say why it cannot be made (`ENOTDIR`, `EACCES`, …).
 * One `mkdir` a level, never Node's `mkdirSync(…, { recursive: true })`, which on Linux retries for ever at full
 * CPU where the kernel answers ENOENT to a folder that cannot be made (`/proc/nope`).
 */
export function makeFolder(dir: string): string | undefined {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let st;
    try {
      st = statSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: a file above it; found as such higher up.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return `cannot read ${at} (${code ?? (e as Error).message})`;
    }
    if (st) {
      if (!st.isDirectory()) return `${at} is not a folder`;
      break;
    }
    const up = dirname(at);
    if (up === at) return `${at} does not exist`;
    missing.push(at);
    at = up;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Made by a concurrent run meanwhile: fine while it is a folder.
      if (code === 'EEXIST' && statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
      return `cannot create ${folder} (${code ?? (e as Error).message})`;
    }
  }
  return undefined;
}

/** The names archive-lint's caches write: the file cache's three files, the URL cache, their temporary files. */
const OWN_FILE = /^fix\.lock(?:\.[\w-]+\.stale)?$|^(?:(?:messages|outcomes|links)\.v8|urls\.json)(?:\.[\w-]+\.tmp)?$|^\.(?:(?:messages|outcomes|links)\.v8|urls\.json)\.archive-lint-\d+-[0-9a-f]+\.tmp$/;

/**
 * Give the cache folder a `.gitignore` of `*`, unless it has one. Only in a folder that holds nothing but the
 * cache's own files: a `--cache-location` shared with other files (the root itself, say) is left alone, since
 * there `*` would hide those files from git too. Best effort: the cache works without it.
 */
export function ensureGitignore(dir: string, root?: string): void {
  const file = join(dir, '.gitignore');
  try {
    if (existsSync(file) || !readdirSync(dir).every((name) => OWN_FILE.test(name))) return;
    writeFileAtomic(file, '# Written by archive-lint: its cache is never committed.\n*\n', root === undefined ? {} : { root });
  } catch {
    // Written by a concurrent run, or not writable: the cache itself says so when it cannot be written.
  }
}

/**
 * One cache file: loaded on first use, saved when changed. On disk, a header and then each entry, each a frame:
 * four bytes of length (little-endian) and sixteen of HMAC, then that many bytes of v8 serialisation. Written a
 * frame at a time, a big cache never needs a second copy of itself in memory; read, its byte arrays are views on
 * the file's bytes. The header's MAC is bound to the kind of file, each entry's to the kind and the cache key too
 * (an entry cannot be moved between files or keys).
 */
class Store<T> {
  private entries: Map<string, T> | undefined;
  dirty = false;
  warning: string | undefined;

  constructor(
    readonly file: string,
    private readonly kind: string,
    private readonly key: string,
    private readonly auth: { secret: Uint8Array; root?: string | undefined },
    /** The entry as it is written (the outcomes store keeps new outcomes as objects until then). */
    private readonly toDisk: (entry: T) => unknown = (entry: T) => entry,
  ) {}

  private get headScope(): string {
    return `${MAGIC}\0${FORMAT}\0${this.kind}\0`;
  }

  private get entryScope(): string {
    return `${this.headScope}${this.key}\0`;
  }

  map(): Map<string, T> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    let bytes: Buffer;
    try {
      // Bounded, a regular file, and never through a symbolic link that leaves the archive.
      bytes = readBounded(this.file, { maxBytes: LIMITS.cache, what: 'cache file', ...(this.auth.root === undefined ? {} : { root: this.auth.root }) });
    } catch (e) {
      if (e instanceof IoError && e.problem !== 'not-found') {
        this.warning = `ignoring ${this.file}: ${e.reason}; rebuilding it`;
        this.dirty = true;
      }
      return this.entries; // No cache yet.
    }
    try {
      let at = 0;
      /** The next frame's value, or `BAD` when its bytes fail their authentication. */
      const frame = (scope: string): unknown => {
        if (at + FRAME_HEAD > bytes.length) throw new Error('unexpected end of file');
        const n = bytes.readUInt32LE(at);
        const mac = bytes.subarray(at + 4, at + FRAME_HEAD);
        at += FRAME_HEAD;
        if (at + n > bytes.length) throw new Error('unexpected end of file');
        const body = bytes.subarray(at, at + n);
        at += n;
        return timingSafeEqual(frameMac(this.auth.secret, scope, body), mac) ? deserialize(body) : BAD;
      };
      const head = frame(this.headScope) as Partial<Header> | typeof BAD;
      if (head === BAD) {
        this.warning = `ignoring ${this.file}: not written by archive-lint on this machine (its authentication fails); rebuilding it`;
        this.dirty = true;
      } else if (head?.magic !== MAGIC || head.format !== FORMAT || head.kind !== this.kind || typeof head.count !== 'number') {
        this.warning = `ignoring ${this.file}: not an archive-lint cache of this format; rebuilding it`;
        this.dirty = true;
      } else if (head.key !== this.key) {
        this.dirty = true; // Another version, config or repository: every entry is stale.
      } else {
        const entries = new Map<string, T>();
        let bad = 0;
        for (let k = 0; k < head.count; k++) {
          const value = frame(this.entryScope);
          if (value === BAD) {
            bad++;
            continue;
          }
          const [path, entry] = value as [string, T];
          entries.set(path, entry);
        }
        if (at !== bytes.length) throw new Error('bytes after the last entry');
        // Far more bad frames than a flipped bit makes: the file is not to be trusted at all.
        if (bad > Math.max(8, head.count / 100)) throw new Error(`${bad} of ${head.count} entries fail their authentication`);
        if (bad) {
          this.warning = `${this.file}: ${bad} ${bad === 1 ? 'entry fails its' : 'entries fail their'} authentication; linting ${bad === 1 ? 'its file' : 'their files'} again`;
          this.dirty = true;
        }
        this.entries = entries;
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

  /** Whether the last failed save failed to make the folder (not to write the file). */
  lastSaveUnplaced = false;

  save(): string | undefined {
    this.lastSaveUnplaced = false;
    if (!this.dirty || !this.entries) return undefined;
    const head: Header = { magic: MAGIC, format: FORMAT, kind: this.kind, key: this.key, count: this.entries.size };
    let out: AtomicFile | undefined;
    try {
      // Through the one writer, which makes the missing folders: a cache folder (or file) that the archive made a
      // symbolic link is refused, and no folder is made through one.
      out = AtomicFile.open(this.file, this.auth.root === undefined ? {} : { root: this.auth.root });
      ensureGitignore(dirname(this.file), this.auth.root);
      const file = out;
      let held: Buffer[] = [];
      let size = 0;
      const put = (value: unknown, scope: string) => {
        const bytes = serialize(value);
        const frameHead = Buffer.allocUnsafe(FRAME_HEAD);
        frameHead.writeUInt32LE(bytes.length);
        frameMac(this.auth.secret, scope, bytes).copy(frameHead, 4);
        held.push(frameHead, bytes);
        size += FRAME_HEAD + bytes.length;
        if (size >= 1 << 20) flush();
      };
      const flush = () => {
        file.write(Buffer.concat(held, size));
        held = [];
        size = 0;
      };
      put(head, this.headScope);
      for (const [path, entry] of this.entries) put([path, this.toDisk(entry)], this.entryScope);
      flush();
      out.commit();
      this.dirty = false;
      return undefined;
    } catch (e) {
      // A folder that cannot be made (not the file failing to be written), or a cache file that the archive made a
      // symbolic link (its data, refused): the run goes on without that cache file, a warning. A write that failed
      // (a full disk, no permission) is a failure of the run.
      this.lastSaveUnplaced = e instanceof IoError && ((e.path !== this.file && out === undefined) || e.problem === 'symlink' || e.problem === 'outside-root' || e.problem === 'not-regular');
      out?.abort();
      if (e instanceof IoError) return `cannot write the cache ${this.file}: ${e.reason}`;
      return `cannot write the cache ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
  }
}

/** The file's stat now (`checkedAt` is now), or undefined when it is gone. */
function statNow(root: string, path: string): FileStamp | undefined {
  try {
    const st = statSync(join(root, path));
    return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt: Date.now() };
  } catch {
    return undefined;
  }
}

/** Whether stat alone shows the file unchanged since the read `stamp` records (see the header). */
export function statTrusted(now: FileStamp, stamp: FileStamp): boolean {
  if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs || now.ctimeMs !== stamp.ctimeMs || now.ino !== stamp.ino) return false;
  return Math.max(now.mtimeMs, now.ctimeMs) + STAT_GRANULARITY_MS < stamp.checkedAt;
}

export class FileCache {
  private readonly messagesStore: Store<MessagesEntry>;
  private readonly outcomesStore: Store<OutcomeEntry>;
  private readonly linksStore: Store<LinkEntry>;
  hits = 0;
  misses = 0;
  /** Each file's size and modification time (null: gone), taken once a run. */
  private readonly stats = new Map<string, FileStamp | null>();
  private readonly hashes = new Map<string, string>();

  /**
   * `secret`: the machine's (secret.ts), which authenticates every frame; `root`: the archive root, for a cache
   * folder inside it (no symbolic link on the way is read or written through).
   */
  constructor(location: string, key: string, options: { secret?: Uint8Array; root?: string } = {}) {
    const auth = { secret: options.secret ?? defaultSecret(), root: options.root };
    this.messagesStore = new Store<MessagesEntry>(join(location, 'messages.v8'), 'messages', key, auth);
    this.outcomesStore = new Store<OutcomeEntry>(join(location, 'outcomes.v8'), 'outcomes', key, auth, (e) => (e.outcome instanceof Uint8Array ? e : { ...e, outcome: serialize(e.outcome) }));
    this.linksStore = new Store(join(location, 'links.v8'), 'links', key, auth);
  }

  private get stores(): Store<unknown>[] {
    return [this.messagesStore, this.outcomesStore, this.linksStore] as Store<unknown>[];
  }

  get warnings(): string[] {
    return this.stores.map((s) => s.warning).filter((w): w is string => w !== undefined);
  }

  /** The file's stat now (taken once a run), or undefined when it is gone. */
  stamp(root: string, path: string): FileStamp | undefined {
    let st = this.stats.get(path);
    if (st === undefined) {
      st = statNow(root, path) ?? null;
      this.stats.set(path, st);
    }
    return st ?? undefined;
  }

  /**
   * Is the file still what the stamp says? Stat decides only where it cannot lie (`statTrusted`); otherwise the
   * file is read and hashed, and, when its content is the same, the stamp is renewed (`touched`).
   */
  private fresh(root: string, path: string, stamp: Stamp): boolean | 'touched' {
    const st = this.stamp(root, path);
    if (!st) return false;
    if (st.size !== stamp.size) return false;
    if (statTrusted(st, stamp)) return true;
    let hash = this.hashes.get(path);
    let checkedAt = st.checkedAt;
    if (hash === undefined) {
      try {
        hash = hashBytes(readFileSync(join(root, path)));
        checkedAt = Date.now();
      } catch {
        hash = '';
      }
      this.hashes.set(path, hash);
    }
    if (hash !== stamp.hash) return false;
    // The stat taken before the read, and the time after it: a later write changes the change time.
    Object.assign(stamp, { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt });
    return 'touched';
  }

  /** The entry of an unchanged file, or undefined; counted as a hit or a miss. */
  private entry(root: string, path: string): MessagesEntry | undefined {
    const entry = this.messagesStore.map().get(path);
    const ok = entry ? this.fresh(root, path, entry) : false;
    if (!entry || !ok) {
      this.misses++;
      return undefined;
    }
    if (ok === 'touched') this.messagesStore.dirty = true;
    this.hits++;
    return entry;
  }

  /** Whether the outcome of the file is cached and the file unchanged (then `get` gives it). */
  has(root: string, path: string): boolean {
    return this.entry(root, path) !== undefined;
  }

  /** The cached outcome of a file that `has` found unchanged, or undefined when its bytes do not unpack. */
  get(path: string): FileOutcome | undefined {
    const messages = this.messagesStore.map().get(path);
    const entry = this.outcomesStore.map().get(path);
    if (!messages || !entry || entry.hash !== messages.hash) return undefined;
    try {
      const outcome = entry.outcome instanceof Uint8Array ? (deserialize(entry.outcome) as FileOutcome) : { ...entry.outcome };
      if (messages.packed) outcome.packed = messages.packed;
      // The text its offsets refer to: a fix checks the file still holds it.
      outcome.hash = entry.hash;
      return outcome;
    } catch {
      return undefined;
    }
  }

  /** The cached per-file messages of a file that `has` found unchanged. */
  packed(path: string): PackedMessages | undefined {
    return this.messagesStore.map().get(path)?.packed;
  }

  /** How many problems of a file served from the cache inline comments suppressed (per-file and cross-file). */
  suppressedOf(path: string): number {
    const entry = this.messagesStore.map().get(path);
    return (entry?.suppressed ?? 0) + (entry?.cross?.suppressed ?? 0);
  }

  /** How many findings of a file served from the cache the profile cannot check (per-file and cross-file). */
  notCheckedOf(path: string): number {
    const entry = this.messagesStore.map().get(path);
    return (entry?.notChecked ?? 0) + (entry?.cross?.notChecked ?? 0);
  }

  /** The cached cross-file messages (JSON) of a file that `has` found unchanged, if found against this index. */
  cross(path: string, fingerprint: string): string | undefined {
    const cross = this.messagesStore.map().get(path)?.cross;
    return cross?.fingerprint === fingerprint ? Buffer.from(cross.json.buffer, cross.json.byteOffset, cross.json.byteLength).toString('utf8') : undefined;
  }

  setCross(path: string, fingerprint: string, json: string, suppressed = 0, notChecked = 0): void {
    const entry = this.messagesStore.map().get(path);
    if (!entry) return;
    const bytes = Buffer.from(json);
    if (entry.cross?.fingerprint === fingerprint && Buffer.compare(bytes, entry.cross.json) === 0 && (entry.cross.suppressed ?? 0) === suppressed && (entry.cross.notChecked ?? 0) === notChecked) return;
    entry.cross = { fingerprint, json: new Uint8Array(bytes), ...(suppressed ? { suppressed } : {}), ...(notChecked ? { notChecked } : {}) };
    this.messagesStore.dirty = true;
  }

  /** The reverse-link index entry (local link targets and anchors) of an unchanged file, or undefined. */
  links(root: string, path: string): LinkEntry | undefined {
    const entry = this.linksStore.map().get(path);
    const ok = entry ? this.fresh(root, path, entry) : false;
    if (!entry || !ok) return undefined;
    if (ok === 'touched') this.linksStore.dirty = true;
    return entry;
  }

  /** Record a file's outcome and its link targets (never a failure: failures are not cached). */
  set(root: string, path: string, outcome: FileOutcome, local: LocalLinks): void {
    const messages = this.messagesStore.map();
    const outcomes = this.outcomesStore.map();
    const links = this.linksStore.map();
    if (outcome.error) {
      for (const store of [this.messagesStore, this.outcomesStore]) if (store.map().delete(path)) store.dirty = true;
      // A page's links hold while its bytes do (`links-to` records those of a page too slow or too big to lint).
      const entry = links.get(path);
      if (entry && !this.fresh(root, path, entry) && links.delete(path)) this.linksStore.dirty = true;
      return;
    }
    // Only an outcome that says which bytes it was found on, and the stat of their read, is kept: an outcome is
    // never tied to whatever the file holds by the time it is stored.
    const st = outcome.stamp;
    const hash = outcome.hash;
    if (!st || hash === undefined) {
      for (const store of this.stores) if (store.map().delete(path)) store.dirty = true;
      return;
    }
    const stamp: FileStamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt: st.checkedAt };
    const { packed, ...rest } = outcome;
    messages.set(path, { ...stamp, hash, packed, ...(outcome.suppressed ? { suppressed: outcome.suppressed } : {}), ...(outcome.notChecked ? { notChecked: outcome.notChecked } : {}) });
    outcomes.set(path, { hash, outcome: rest });
    this.stats.delete(path);
    this.hashes.delete(path);
    links.set(path, { ...stamp, hash, targets: local.targets, anchors: outcome.facts.anchors, refs: local.refs });
    for (const store of this.stores) store.dirty = true;
  }

  /**
   * Record a file's links only (`links-to` and `mv` read a page the cache did not know): its outcome and messages
   * are left as they were, for the next lint to find stale and redo.
   */
  setLinks(path: string, st: FileStamp, hash: string, anchors: string[], local: LocalLinks): void {
    const stamp: FileStamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt: st.checkedAt };
    this.linksStore.map().set(path, { ...stamp, hash, targets: local.targets, anchors, refs: local.refs });
    this.linksStore.dirty = true;
  }

  /** Drop entries of files that no longer exist (from the files loaded: the others are not written either). */
  retain(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const store of this.stores) {
      if (!store.loaded()) continue;
      const map = store.map();
      for (const p of map.keys()) {
        if (!keep.has(p)) {
          map.delete(p);
          store.dirty = true;
        }
      }
    }
  }

  /**
   * Write what changed. `unplaced`: a folder that cannot be made (the run goes on without a cache, a warning);
   * `failed`: a write that failed (a full disk, no permission; the file before it left whole), a failure of the run.
   */
  save(): { unplaced: string[]; failed: string[] } {
    const out = { unplaced: [] as string[], failed: [] as string[] };
    for (const s of this.stores) {
      const r = s.save();
      if (r !== undefined) (s.lastSaveUnplaced ? out.unplaced : out.failed).push(r);
    }
    return out;
  }
}
