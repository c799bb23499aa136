/**
 * Writing a fixed file, through the one writer (`core/io`): never outside the root, atomically (a temporary file
 * in the same folder, fsync, rename), keeping the BOM, the file's mode, owner and group, and only over the very
 * bytes the fixes were computed on (compare and swap by content, just before the rename).
 */
import { realpathSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { AtomicFile, IoError, removeTemporaries } from '../io/index.js';
import { hashBytes } from '../cache/cache.js';
import type { FileStamp } from '../../types.js';

/** Temporary files of ours (fixed files and reports being written), by name: `.NAME.archive-lint-PID-HEX.tmp`. */
export const TEMP_NAME = /^\..+\.archive-lint-(\d+)-[0-9a-f]{8}\.tmp$/;

export type WriteOutcome =
  | { ok: true; hash: string; stamp: FileStamp; notes: string[] }
  /** `changed`: the file no longer holds the text the fixes were computed on. */
  | { ok: false; reason: string; changed?: boolean };

/** Said of a file someone else changed between its last read and the rename. */
export const CHANGED_SINCE_READ = 'file changed on disk since it was read; not fixed';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
}

export function writeFixed(root: string, abs: string, original: Uint8Array, text: string, bom: boolean): WriteOutcome {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(abs);
    realRoot = realpathSync(root);
    if (!inside(realRoot, real)) return { ok: false, reason: 'resolves outside the root; not written' };
  } catch (e) {
    return { ok: false, reason: `cannot resolve: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  try {
    if ((statSync(real).mode & 0o222) === 0) return { ok: false, reason: 'file is read-only; not fixed' };
  } catch (e) {
    return { ok: false, reason: `cannot stat: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const data = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
  try {
    const file = AtomicFile.open(real, { root: realRoot });
    file.write(data);
    const before = file.replaced;
    const st = file.commit({ expect: original });
    const notes: string[] = [];
    if (before && (st.uid !== before.uid || st.gid !== before.gid)) notes.push(`owner ${before.uid}:${before.gid} could not be kept; the fixed file is owned by ${st.uid}:${st.gid}`);
    if (before && before.nlink > 1) notes.push(`had ${before.nlink} hard links; the fixed text is a file of its own now, and the other ${before.nlink === 2 ? 'name keeps' : `${before.nlink - 1} names keep`} the old text`);
    let stamp: FileStamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt: Date.now() };
    // The rename may set the change time of the inode on some file systems: take it again.
    try {
      const after = statSync(real);
      if (after.ino === st.ino) stamp = { ...stamp, mtimeMs: after.mtimeMs, ctimeMs: after.ctimeMs, checkedAt: Date.now() };
    } catch {
      // Gone already: the cache will see so.
    }
    return { ok: true, hash: hashBytes(data), stamp, notes };
  } catch (e) {
    if (e instanceof IoError && e.problem === 'changed') return { ok: false, reason: CHANGED_SINCE_READ, changed: true };
    const reason = e instanceof IoError ? e.message.replace(/^cannot write [^:]*: /, '') : (e as Error).message;
    return { ok: false, reason: `cannot write: ${reason}; the file is unchanged` };
  }
}

/** Remove temporary files left by an interrupted write (the one writer's). */
export function removePendingTemps(): void {
  removeTemporaries();
}
