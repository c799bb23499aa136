/**
 * Writing a fixed file: never outside the root, atomically (a temporary file in the same folder, then rename),
 * keeping the BOM, the file's mode, owner and group, and only over the very bytes the fixes were computed on
 * (compare and swap by content, just before the rename).
 */
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { hashBytes } from '../cache/cache.js';
import type { FileStamp } from '../../types.js';

/** Temporary files being written, removed if the process is interrupted. */
export const pendingTemps = new Set<string>();

/** The name of a temporary file of ours beside `name`: `.NAME.archive-lint-PID-HEX.tmp`. */
export function tempName(name: string): string {
  return `.${name}.archive-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** Temporary files of ours (fixed files being written): the process that wrote it, from the name. */
export const TEMP_NAME = /^\..+\.archive-lint-(\d+)-[0-9a-f]{8}\.tmp$/;

export type WriteOutcome =
  | { ok: true; hash: string; stamp: FileStamp; notes: string[] }
  /** `changed`: the file no longer holds the text the fixes were computed on. */
  | { ok: false; reason: string; changed?: boolean };

/** Said of a file written over one that someone else changed meanwhile. */
export const CHANGED_SINCE_READ = 'file changed on disk since it was read; not fixed';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
}

export function writeFixed(root: string, abs: string, original: Uint8Array, text: string, bom: boolean): WriteOutcome {
  let real: string;
  try {
    real = realpathSync(abs);
    if (!inside(realpathSync(root), real)) return { ok: false, reason: 'resolves outside the root; not written' };
  } catch (e) {
    return { ok: false, reason: `cannot resolve: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  let before: { mode: number; uid: number; gid: number; nlink: number };
  try {
    const st = statSync(real);
    before = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, nlink: st.nlink };
    if ((before.mode & 0o222) === 0) return { ok: false, reason: 'file is read-only; not fixed' };
  } catch (e) {
    return { ok: false, reason: `cannot stat: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const notes: string[] = [];
  const tmp = join(dirname(real), tempName(basename(real)));
  pendingTemps.add(tmp);
  try {
    const data = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
    let stamp: FileStamp;
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      let off = 0;
      while (off < data.length) {
        const n = writeSync(fd, data, off, data.length - off);
        if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        off += n;
      }
      // The original's owner and group (run as root, the file stays its owner's), then its mode (chown clears
      // set-id bits).
      try {
        fchownSync(fd, before.uid, before.gid);
      } catch {
        // Not permitted (not root): keep the group at least, where we are one of its members.
        try {
          fchownSync(fd, -1, before.gid);
        } catch {
          // The group stays ours.
        }
      }
      fchmodSync(fd, before.mode);
      fsyncSync(fd);
      const st = fstatSync(fd);
      if (st.uid !== before.uid || st.gid !== before.gid) notes.push(`owner ${before.uid}:${before.gid} could not be kept; the fixed file is owned by ${st.uid}:${st.gid}`);
      stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt: Date.now() };
    } finally {
      closeSync(fd);
    }
    // Compare and swap by content: the file must still hold the bytes the fixes were computed on (an editor, a
    // sync script or another run may have written it meanwhile), and still be the same file.
    const now = readFileSync(real);
    const st = lstatSync(real);
    if (!Buffer.from(original).equals(now) || !st.isFile()) {
      unlinkSync(tmp);
      return { ok: false, reason: CHANGED_SINCE_READ, changed: true };
    }
    if (st.nlink > 1) notes.push(`had ${st.nlink} hard links; the fixed text is a file of its own now, and the other ${st.nlink - 1 === 1 ? 'name keeps' : `${st.nlink - 1} names keep`} the old text`);
    renameSync(tmp, real);
    // After the rename, the change time of the inode is the rename's on some file systems: take the stat again.
    try {
      const after = statSync(real);
      if (after.ino === stamp.ino) stamp = { ...stamp, mtimeMs: after.mtimeMs, ctimeMs: after.ctimeMs, checkedAt: Date.now() };
    } catch {
      // Gone already: the cache will see so.
    }
    return { ok: true, hash: hashBytes(data), stamp, notes };
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was created.
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'no space left on the device (ENOSPC)' : code === 'EDQUOT' ? 'disk quota exceeded (EDQUOT)' : code === 'EACCES' || code === 'EPERM' ? `permission denied (${code})` : (code ?? (e as Error).message);
    return { ok: false, reason: `cannot write: ${why}; the file is unchanged` };
  } finally {
    pendingTemps.delete(tmp);
  }
}

/** Remove temporary files left by an interrupted write. */
export function removePendingTemps(): void {
  for (const tmp of pendingTemps) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
  }
  pendingTemps.clear();
}
