/**
 * Writing a fixed file: never outside the root, atomically (a temporary file in the same folder, then rename),
 * keeping the BOM and the file's mode, and never over a file that changed since it was read.
 */
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary files being written, removed if the process is interrupted. */
export const pendingTemps = new Set<string>();

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

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
  let mode: number;
  try {
    const st = statSync(real);
    mode = st.mode & 0o7777;
    if ((mode & 0o222) === 0) return { ok: false, reason: 'file is read-only; not fixed' };
  } catch (e) {
    return { ok: false, reason: `cannot stat: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const tmp = join(dirname(real), `.${basename(real)}.archive-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  pendingTemps.add(tmp);
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      const data = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, mode);
    // The file must still hold what was read: someone may have edited it meanwhile.
    const now = readFileSync(real);
    if (!Buffer.from(original).equals(now)) {
      unlinkSync(tmp);
      return { ok: false, reason: 'file changed on disk since it was read; not fixed' };
    }
    renameSync(tmp, real);
    return { ok: true };
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was created.
    }
    return { ok: false, reason: `cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
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
