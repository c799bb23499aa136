import { relative, sep } from 'node:path';

/** A `/`-separated path relative to `base`. */
export function relPath(base: string, abs: string): string {
  return relative(base, abs).split(sep).join('/') || '.';
}
