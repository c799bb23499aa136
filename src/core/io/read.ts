/**
 * The one way in for files that are not pages: config files, package.json, book.toml, mkdocs.yml, .gitignore,
 * baselines, cache files. In: a path, a size cap and (for a file of the archive) the archive root. Out: the file's
 * bytes, or an `IoError` that says what the path is and why it was not read, never quoting what it holds.
 *
 * A file is read only when it is a regular file (never a device such as /dev/zero, a pipe that never ends, a
 * socket or a folder), no larger than the cap (counted as it is read: /proc files say they are empty), and, when a
 * root is given, only when its real path lies inside the root: a symbolic link of the archive that leaves it
 * (to /proc/self/environ, to ~/.ssh/…) is refused without being opened.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import { IoError, systemReason, within } from './errors.js';

export interface ReadOptions {
  /** The most bytes the file may hold. */
  maxBytes: number;
  /** The archive root: the file's real path must lie inside it (a file outside it is read only when named outside it). */
  root?: string;
  /** What the file is, for messages: `config file`, `baseline` (default `file`). */
  what?: string;
}

/** Regular files only; never blocking on a pipe; the final component not followed when it is a link (its target was checked). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** What a path that is not a regular file is, in words. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function sizeText(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** The real path of a file to read, checked against the root. */
function realOf(abs: string, opts: ReadOptions, what: string): string {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    const r = systemReason(e);
    throw new IoError(r.problem, abs, `${abs}: cannot read the ${what}: ${r.text}`, r.code);
  }
  if (opts.root !== undefined) {
    const root = resolve(opts.root);
    let realRoot = root;
    try {
      realRoot = realpathSync(root);
    } catch {
      // A root that cannot be resolved holds nothing to read.
    }
    if (within(root, abs, sep) && !within(realRoot, real, sep)) {
      throw new IoError('outside-root', abs, `${abs}: the ${what} is a symbolic link that leaves the root ${root}; not read`);
    }
  }
  return real;
}

/**
 * The bytes of a file, bounded. Throws `IoError`: `not-found`, `not-regular`, `too-large`, `outside-root`,
 * `permission`, `io`.
 */
export function readBounded(path: string, opts: ReadOptions): Buffer {
  const what = opts.what ?? 'file';
  const abs = resolve(path);
  const real = realOf(abs, opts, what);
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (e) {
    const r = systemReason(e);
    throw new IoError(r.problem, abs, `${abs}: cannot read the ${what}: ${r.text}`, r.code);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new IoError('not-regular', abs, `${abs}: the ${what} is ${kindOf(st)}, not a regular file; not read`);
    const tooLarge = () => new IoError('too-large', abs, `${abs}: the ${what} is larger than ${sizeText(opts.maxBytes)}; not read`);
    if (st.size > opts.maxBytes) throw tooLarge();
    // Counted as read: a file may grow meanwhile, and /proc's files say they are empty.
    const chunks: Buffer[] = [];
    let total = 0;
    // The whole file in one buffer when its size is told (one byte more finds a file that grew), else 64 KiB a read.
    let next = st.size > 0 ? st.size + 1 : 64 * 1024;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(next, opts.maxBytes + 1 - total));
      next = 64 * 1024;
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        const r = systemReason(e);
        throw new IoError(r.problem, abs, `${abs}: cannot read the ${what}: ${r.text}`, r.code);
      }
      if (n === 0) break;
      total += n;
      if (total > opts.maxBytes) throw tooLarge();
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** `readBounded`, or undefined when the file does not exist (other failures still throw). */
export function readBoundedIfAny(path: string, opts: ReadOptions): Buffer | undefined {
  try {
    return readBounded(path, opts);
  } catch (e) {
    if (e instanceof IoError && e.problem === 'not-found') return undefined;
    throw e;
  }
}

/** The file as UTF-8 text (a BOM kept: the caller decides), bounded as `readBounded`. */
export function readBoundedText(path: string, opts: ReadOptions): string {
  return readBounded(path, opts).toString('utf8');
}

/** The caps of the files archive-lint reads besides pages. */
export const LIMITS = {
  /** A config file, package.json, book.toml, mkdocs.yml, _config.yml. */
  config: 1024 * 1024,
  /** A .gitignore. */
  gitignore: 1024 * 1024,
  /** A baseline (a 15,000-page archive's is about 40 MB). */
  baseline: 256 * 1024 * 1024,
  /** A cache file (messages, outcomes, links, urls). */
  cache: 1024 * 1024 * 1024,
} as const;
