/**
 * The one way out: every file archive-lint writes (cache files, -o, --report, the Action's SARIF and report files,
 * init's config, fixed pages) is written here. In: a target path, its bytes (whole or in pieces) and, for a target
 * in the archive, the archive root. Out: the file, whole, or an `IoError` that says why not (and nothing changed).
 *
 * As git writes its lockfiles: a temporary file in the target's own folder (created exclusively, never through a
 * symbolic link: O_EXCL, O_NOFOLLOW), every byte written with its count checked, fsync, then rename over the
 * target; a reader sees the old file or the new one, never half of one. The target is refused when its final
 * component is a symbolic link, or when any folder between the archive root and it is one (a pull request's
 * `.archive-lint-cache` linked to ~/.ssh must not receive our files), or when it is not a regular file. A file
 * replaced keeps its permission bits, and its owner and group where the process may keep them.
 */
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { IoError, systemReason, within, type IoProblem } from './errors.js';
import { kindOf, readBounded } from './read.js';

export interface WriteOptions {
  /**
   * The archive root. A target inside it must have no symbolic link among the folders between the root and it;
   * missing ones are made. Outside it (a report in /tmp named on the command line), only the final component is
   * checked, and missing folders are made.
   */
  root?: string;
  /** Permission bits of a new file (default 0o666, less the umask); a file replaced keeps its own. */
  mode?: number;
}

/** Temporary files being written, removed if the process is interrupted (`removeTemporaries`). */
export const pendingTemps = new Set<string>();

/** Remove the temporary files of writes an interruption cut short. */
export function removeTemporaries(): void {
  for (const tmp of pendingTemps) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
  }
  pendingTemps.clear();
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW;

/** `cannot write ABS: REASON`, with `reason` kept apart. */
function refused(problem: IoProblem, at: string, abs: string, reason: string, code?: string): IoError {
  return new IoError(problem, at, `cannot write ${abs}: ${reason}`, code, reason);
}

function fail(e: unknown, abs: string): IoError {
  if (e instanceof IoError) return e;
  const r = systemReason(e);
  return refused(r.problem, abs, abs, r.text, r.code);
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Check the folders from `from` (exclusive) down to `dir` (inclusive): each a real folder, none a symbolic link;
 * make the missing ones, one level at a time (never Node's recursive mkdir, which spins at full CPU on /proc).
 */
function checkFolders(from: string, dir: string, abs: string, linksRefused: boolean): void {
  const parts = relative(from, dir).split(sep).filter((x) => x !== '');
  let at = from;
  for (const part of parts) {
    at = join(at, part);
    let st = lstatOrUndefined(at);
    if (st === undefined) {
      try {
        mkdirSync(at);
      } catch (e) {
        // Made by a concurrent run meanwhile: checked below like any other.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') throw refused(systemReason(e).problem, at, abs, `cannot create ${at} (${code ?? (e as Error).message})`, code);
      }
      st = lstatSync(at);
    }
    if (st.isSymbolicLink()) {
      if (linksRefused) throw refused('symlink', at, abs, `${at} is a symbolic link; nothing is written through a link in the archive`);
      st = statSync(at);
    }
    if (!st.isDirectory()) throw refused('not-folder', at, abs, `${at} is not a folder`);
  }
}

/** The nearest folder above `dir` that exists (to make the rest from), following links: it is outside the archive. */
function existingAbove(dir: string): string {
  let at = dir;
  for (;;) {
    const st = statOrUndefined(at);
    if (st) return at;
    const up = dirname(at);
    if (up === at) return at;
    at = up;
  }
}

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Check that the target can be written (and make its missing folders): no symbolic link as its final component or
 * on its way from the root, not a folder or device. Returns the target's current state (undefined when new).
 * Throws `IoError`. Called by `AtomicFile.open`; also before a long run, so that a bad `-o` is said at once.
 */
export function checkTarget(target: string, opts: WriteOptions = {}): Stats | undefined {
  const abs = resolve(target);
  const dir = dirname(abs);
  try {
    const root = opts.root === undefined ? undefined : resolve(opts.root);
    if (root !== undefined && abs !== root && within(root, abs, sep)) checkFolders(root, dir, abs, true);
    else {
      const start = existingAbove(dir);
      if (!statSync(start).isDirectory()) throw refused('not-folder', start, abs, `${start} is not a folder`);
      checkFolders(start, dir, abs, false);
    }
    const st = lstatOrUndefined(abs);
    if (st?.isSymbolicLink()) throw refused('symlink', abs, abs, `it is a symbolic link; nothing is written through a link`);
    if (st && !st.isFile()) throw refused('not-regular', abs, abs, `it is ${kindOf(st)}, not a regular file`);
    return st;
  } catch (e) {
    throw fail(e, abs);
  }
}

/** A file being written: `write` its pieces, then `commit` (rename into place) or `abort` (nothing changed). */
export class AtomicFile {
  private fd: number | undefined;
  private done = false;

  private constructor(
    readonly path: string,
    private readonly tmp: string,
    fd: number,
    private readonly opts: WriteOptions,
    private readonly previous: Stats | undefined,
  ) {
    this.fd = fd;
  }

  /** Check the target and create the temporary file beside it. Throws `IoError`. */
  static open(target: string, opts: WriteOptions = {}): AtomicFile {
    const abs = resolve(target);
    const previous = checkTarget(abs, opts);
    const tmp = join(dirname(abs), `.${basename(abs)}.archive-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    const mode = previous ? previous.mode & 0o7777 : (opts.mode ?? 0o666);
    pendingTemps.add(tmp);
    try {
      return new AtomicFile(abs, tmp, openSync(tmp, TEMP_FLAGS, mode), opts, previous);
    } catch (e) {
      pendingTemps.delete(tmp);
      throw fail(e, abs);
    }
  }

  /** Write every byte of a piece (a count short of it is written on from where it stopped). */
  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`AtomicFile ${this.path}: written after commit or abort`);
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let off = 0;
    try {
      while (off < data.length) {
        const n = writeSync(this.fd, data, off, data.length - off);
        if (!(n > 0)) throw refused('io', this.path, this.path, `the system wrote ${n} of ${data.length - off} bytes`);
        off += n;
      }
    } catch (e) {
      const err = fail(e, this.path);
      this.abort();
      throw err;
    }
  }

  /** The target as it was when this write began (undefined when it is a new file): its mode, owner, links. */
  get replaced(): Stats | undefined {
    return this.previous;
  }

  /**
   * Keep the old file's mode, owner and group, flush to the disk, and rename over the target. With `expect`, the
   * target must still hold exactly those bytes just before the rename (compare and swap by content: an editor or
   * another run may have written it meanwhile), else nothing changes and the `IoError` is `changed`. Returns the
   * stat of the file written. Throws `IoError`.
   */
  commit(options: { expect?: Uint8Array } = {}): Stats {
    if (this.fd === undefined) throw new Error(`AtomicFile ${this.path}: committed after commit or abort`);
    let written: Stats;
    try {
      const fd = this.fd;
      const prev = this.previous;
      if (prev) {
        fchmodSync(fd, prev.mode & 0o7777);
        const now = fstatSync(fd);
        if (now.uid !== prev.uid || now.gid !== prev.gid) {
          try {
            fchownSync(fd, prev.uid, prev.gid);
          } catch {
            // Only root may give a file away: the file is then the writer's, as any editor leaves it.
          }
        }
      }
      fsyncSync(fd);
      written = fstatSync(fd);
      closeSync(fd);
      this.fd = undefined;
      // The folders again, just before the rename: one swapped for a link during a long write is refused.
      const target = checkTarget(this.path, this.opts);
      if (options.expect !== undefined) {
        let same = false;
        try {
          // Grown past those bytes, gone, or another file renamed over it: changed.
          const now = target && target.ino === this.previous?.ino ? readBounded(this.path, { maxBytes: options.expect.length }) : undefined;
          same = now !== undefined && Buffer.from(options.expect.buffer, options.expect.byteOffset, options.expect.byteLength).equals(now);
        } catch {
          same = false;
        }
        if (!same) {
          throw new IoError('changed', this.path, `cannot write ${this.path}: it changed on disk since it was read; not written`);
        }
      }
      renameSync(this.tmp, this.path);
      pendingTemps.delete(this.tmp);
      this.done = true;
    } catch (e) {
      const err = fail(e, this.path);
      this.abort();
      throw err;
    }
    syncFolder(dirname(this.path));
    return written;
  }

  /** Drop the temporary file; the target is as it was. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Closed already.
      }
      this.fd = undefined;
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      // Not created, or gone.
    }
    pendingTemps.delete(this.tmp);
  }
}

/** Flush a folder's entries (the rename) to the disk; best effort (not every file system can). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
    fsyncSync(fd);
  } catch {
    // A folder that cannot be opened or synced: the rename stands.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write a whole file atomically: text, bytes, or pieces of either. Throws `IoError`; the target is then unchanged. */
export function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<string | Uint8Array>, opts: WriteOptions = {}): void {
  const file = AtomicFile.open(target, opts);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) file.write(data);
    else for (const chunk of data) file.write(chunk);
  } catch (e) {
    file.abort();
    throw e;
  }
  file.commit();
}
