/**
 * The fix lock: one `--fix` run at a time on an archive. A file `fix.lock` in the cache folder, made with
 * O_EXCL and holding the owner's process id, host and start time, as git's `index.lock`; removed on every
 * way out of the run (the engine's `finally`, and the process's `exit` handler for a second Ctrl-C or a
 * crash). A lock whose process is gone (same host, no such process) is stale: it is taken over, safely against
 * another run taking it over at the same moment (rename aside, check it is the one found stale, else put back).
 */
import { hostname, tmpdir } from 'node:os';
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

export const LOCK_NAME = 'fix.lock';

interface Holder {
  pid: number;
  host: string;
  started: string;
  /** Tells two locks of one process apart. */
  nonce: string;
}

/** Locks this process holds, released by `releaseHeldLocks` on the way out. */
const held = new Map<string, string>();

export interface FixLock {
  file: string;
  release(): void;
}

function readHolder(file: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? (h as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of this host is alive (EPERM: alive, another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(h: Holder | undefined): boolean {
  // An empty or unreadable lock is one being written, or left half-written by a crash: a second look decides.
  if (!h) return false;
  return h.host === hostname() && h.pid !== process.pid && !processAlive(h.pid);
}

function tryCreate(file: string, body: string): boolean | string {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    return code ?? (e as Error).message;
  }
  try {
    const data = Buffer.from(body);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Remove a stale lock, unless another run took it over meanwhile (then its lock is put back). */
function breakStale(file: string, stale: Holder): string | undefined {
  const aside = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(file, aside);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : (code ?? (e as Error).message); // ENOENT: gone already.
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== stale.pid || moved.nonce !== stale.nonce)) {
    // A live run's lock, made between our look and the rename: put it back where it was (unless a third run
    // made one meanwhile: then that one stands, and the two runs that hold one still never write over each
    // other's text, which every write checks).
    try {
      linkSync(aside, file);
    } catch {
      // Another lock is there.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Gone.
  }
  return undefined;
}

/**
 * Where a run that keeps no cache takes the fix lock: a folder of this user's in the system's temporary folder
 * (mode 0700), one lock a root (named by the SHA-1 of its real path), so that `--no-cache` makes no folder in the
 * archive.
 */
export function noCacheLock(root: string): { dir: string; name: string } {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    // The root as given.
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return { dir: join(tmpdir(), `archive-lint-${uid}`), name: `fix-${createHash('sha1').update(real).digest('hex').slice(0, 20)}.lock` };
}

/**
 * Make a private folder in a shared one (mode 0700), or say why it cannot be used: one that is a symbolic link
 * or someone else's (another user may have made it first, in a shared temporary folder) is never written into.
 */
export function privateFolder(dir: string): string | undefined {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return `cannot create ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  const st = lstatSync(dir, { throwIfNoEntry: false });
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o077) !== 0) return `${dir} is not a private folder of this user's`;
  return undefined;
}

/**
 * Take the lock in `dir`, waiting while a live run holds it (`onWait` is told once who holds it). Undefined
 * when the run was interrupted while waiting; a string when the lock cannot be made (the reason).
 */
export async function takeFixLock(dir: string, signal?: { aborted: boolean }, onWait?: (holder: string) => void, pollMs = 200, name = LOCK_NAME): Promise<FixLock | string | undefined> {
  const file = join(dir, name);
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), nonce: randomBytes(8).toString('hex') };
  const body = `${JSON.stringify(me)}\n`;
  let told = false;
  let unreadable = 0;
  for (;;) {
    if (signal?.aborted) return undefined;
    const made = tryCreate(file, body);
    if (typeof made === 'string') return `cannot make the fix lock ${file} (${made})`;
    if (made) break;
    const holder = readHolder(file);
    if (isStale(holder)) {
      const broken = breakStale(file, holder as Holder);
      if (broken !== undefined) return `cannot remove the stale fix lock ${file} of process ${(holder as Holder).pid} (${broken})`;
      continue;
    }
    // A lock no one can read for a few seconds running was left half-written by a crash.
    if (!holder && ++unreadable * pollMs > 5000) {
      try {
        unlinkSync(file);
      } catch {
        // Gone.
      }
      continue;
    }
    if (holder) unreadable = 0;
    if (!told && holder) {
      told = true;
      onWait?.(`another archive-lint --fix (process ${holder.pid} on ${holder.host}, since ${holder.started}) is fixing this archive; waiting for it to finish (its lock: ${file})`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  held.set(file, me.nonce);
  return {
    file,
    release: () => releaseLock(file),
  };
}

/** Remove the lock if it is still ours. */
function releaseLock(file: string): void {
  const nonce = held.get(file);
  if (nonce === undefined) return;
  held.delete(file);
  const h = readHolder(file);
  if (h && h.pid === process.pid && h.nonce === nonce) {
    try {
      unlinkSync(file);
    } catch {
      // Gone.
    }
  }
}

/** Release every lock this process holds (on the way out: a signal, process.exit, a crash). */
export function releaseHeldLocks(): void {
  for (const file of [...held.keys()]) releaseLock(file);
}
