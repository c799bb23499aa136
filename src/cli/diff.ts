/** `--fix-dry-run`: a unified diff per file, with `a/` and `b/` paths relative to the root. */
import { createTwoFilesPatch } from 'diff';
import type { FixedFile } from '../core/run/engine.js';

export function unifiedDiff(f: FixedFile): string {
  const bom = f.bom ? '\ufeff' : '';
  const patch = createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, bom + f.before, bom + f.after, undefined, undefined, { context: 3 });
  // createTwoFilesPatch starts with an "Index:" header and a separator line; keep git's shape.
  return `diff --git a/${f.path} b/${f.path}\n${patch.replace(/^(?:Index: .*\n)?=+\n/, '')}`;
}
