/**
 * Stage: fix and write (src/core/fix/). In: each file's outcome and its fixes. Out: the fixed texts after the fix
 * passes (passes.ts), written atomically inside the root (write.ts); fix-text.ts writes URLs back into the source.
 *
 * Applying fixes: text edits on offsets of the original text. One function sorts them, skips overlaps
 * (ESLint's rule: an edit that starts where the previous one ends waits for the next pass), keeps the file's
 * line endings, and reports what it applied.
 */
import type { Fix } from '../../types.js';

export interface Applied {
  text: string;
  applied: Fix[];
  skipped: Fix[];
}

/** The file's line ending: CRLF when it has any, else LF. */
export function lineEnding(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function applyFixes(text: string, fixes: readonly Fix[]): Applied {
  const eol = lineEnding(text);
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let out = '';
  let last = 0;
  let lastEnd = -1;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < 0 || end > text.length || start > end || start <= lastEnd) {
      skipped.push(fix);
      continue;
    }
    const insert = eol === '\r\n' ? fix.text.replace(/\r?\n/g, '\r\n') : fix.text;
    out += text.slice(last, start) + insert;
    last = end;
    lastEnd = end;
    applied.push(fix);
  }
  out += text.slice(last);
  return { text: out, applied, skipped };
}
