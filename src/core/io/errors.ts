/**
 * The one error of the file system module: what went wrong with which path, in words, never quoting the file's
 * content. The command line prints its message as one line and exits 2.
 */

export type IoProblem =
  | 'not-found'
  | 'not-regular'
  | 'too-large'
  | 'outside-root'
  | 'symlink'
  | 'not-folder'
  | 'no-space'
  | 'permission'
  | 'read-only'
  | 'io'
  /** The target no longer holds the bytes the caller read (compare and swap by content, `AtomicFile.commit`). */
  | 'changed';

export class IoError extends Error {
  constructor(
    readonly problem: IoProblem,
    /** The path at fault (a folder above the target, for a symbolic link on the way). */
    readonly path: string,
    message: string,
    /** The system's error code, when there was one (`ENOSPC`, `EACCES`, …). */
    readonly code?: string,
    /** The message without the path it begins with (`X is not a folder`, `no space left on the device (ENOSPC)`). */
    readonly reason: string = message,
  ) {
    super(message);
    this.name = 'IoError';
  }
}

/** A system error's code in words, for a message: `no space left on the device (ENOSPC)`. */
export function systemReason(e: unknown): { problem: IoProblem; text: string; code: string | undefined } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { problem: 'not-found', text: 'no such file or folder (ENOENT)', code };
    case 'ENOSPC':
      return { problem: 'no-space', text: 'no space left on the device (ENOSPC)', code };
    case 'EDQUOT':
      return { problem: 'no-space', text: 'disk quota exceeded (EDQUOT)', code };
    case 'EACCES':
    case 'EPERM':
      return { problem: 'permission', text: `permission denied (${code})`, code };
    case 'EROFS':
      return { problem: 'read-only', text: 'read-only file system (EROFS)', code };
    case 'ELOOP':
      return { problem: 'symlink', text: 'a symbolic link (ELOOP)', code };
    case 'ENOTDIR':
      return { problem: 'not-folder', text: 'a file where a folder was expected (ENOTDIR)', code };
    case 'EISDIR':
      return { problem: 'not-regular', text: 'a folder, not a file (EISDIR)', code };
    default:
      return { problem: 'io', text: code ?? (e instanceof Error ? e.message : String(e)), code };
  }
}

/** Is `path` (absolute) inside `root` (absolute) or the root itself? */
export function within(root: string, path: string, sep: string): boolean {
  if (path === root) return true;
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  return path.startsWith(prefix);
}
