/**
 * reviewdog's filter for change-aware runs: which problems of the files a change touches are reported and fail the
 * run. In: the results (messages marked `introduced`), the change's lines; out: the results kept, and what was
 * left out, per file, for the one line that says so.
 *
 * - `added`: only problems the change introduced (reviewdog's `added`; `--new-only`).
 * - `context`: those, and any problem within {@link CONTEXT_LINES} lines of a line the change wrote (`diff_context`).
 * - `file`: every problem of a file the change edits (`file`); a file linted only because the change broke a link in
 *   it reports only what it broke there, whatever the filter.
 * - `all`: every problem the run found (`nofilter`).
 */
import { relative } from 'node:path';
import { makeResult } from './results.js';
import { onChangedLine, type ChangedLines } from '../walk/diff-lines.js';
import type { LintMessage, LintResult } from '../../types.js';

export const FILTERS = ['added', 'context', 'file', 'all'] as const;
export type Filter = (typeof FILTERS)[number];

/** Lines of context around a change, as `git diff` shows by default and reviewdog's `diff_context` reads them. */
export const CONTEXT_LINES = 3;

/** Does the filter keep this message of the file at `path` (relative to the root)? */
export function keeps(filter: Filter, m: LintMessage, lines: ChangedLines | undefined, path: string): boolean {
  if (filter === 'all' || filter === 'file' || m.introduced !== false) return true;
  return filter === 'context' && onChangedLine(lines?.get(path), m.line, m.endLine ?? m.line, CONTEXT_LINES);
}

/** A file the change edits lists what the change introduced first, then what was there before (each by position). */
function introducedFirst(r: LintResult): LintResult {
  const messages = r.messages;
  if (!messages.some((m) => m.introduced === false) || !messages.some((m) => m.introduced === true)) return r;
  return { ...r, messages: [...messages.filter((m) => m.introduced !== false), ...messages.filter((m) => m.introduced === false)] };
}

/** What a filter left out: how many problems, in which files (relative to the root, in run order). */
export interface LeftOut {
  problems: number;
  errors: number;
  files: string[];
  /** Every problem the filter saw, by kind: introduced by the change, or there before it. */
  introduced: number;
  existing: number;
}

/** A filter applied to results one at a time (for a stream of them), counting what it leaves out. */
export function resultFilter(filter: Filter, root: string, lines: ChangedLines | undefined): { apply: (r: LintResult) => LintResult; leftOut: LeftOut } {
  const leftOut: LeftOut = { problems: 0, errors: 0, files: [], introduced: 0, existing: 0 };
  const apply = (r: LintResult): LintResult => {
    for (const m of r.messages) {
      if (m.introduced === true) leftOut.introduced++;
      else if (m.introduced === false) leftOut.existing++;
    }
    if (filter === 'all' || filter === 'file') return introducedFirst(r);
    const path = relative(root, r.filePath).split('\\').join('/');
    const kept: LintMessage[] = [];
    let dropped = 0;
    for (const m of r.messages) {
      if (keeps(filter, m, lines, path)) kept.push(m);
      else {
        dropped++;
        if (m.severity === 2) leftOut.errors++;
      }
    }
    if (dropped === 0) return introducedFirst(r);
    leftOut.problems += dropped;
    leftOut.files.push(path);
    return introducedFirst(makeResult(r.filePath, kept));
  };
  return { apply, leftOut };
}

/** The one line about the older problems a filter left out: how many, and the command that lists them. */
export function leftOutLine(leftOut: LeftOut, filter: Filter): string | undefined {
  if (leftOut.problems === 0) return undefined;
  const shown = leftOut.files.slice(0, 3).map((f) => (/^[\w./@+-]+$/.test(f) ? f : `'${f.replace(/'/g, `'\\''`)}'`));
  const more = leftOut.files.length > 3 ? ` … (${leftOut.files.length} files)` : '';
  const noun = leftOut.problems === 1 ? 'older problem' : 'older problems';
  const what = filter === 'context' ? 'away from the lines you changed' : 'in the files you touched';
  return `${leftOut.problems.toLocaleString('en-US')} ${noun} ${what}, not failing this run (--filter all shows them): archive-lint check ${shown.join(' ')}${more}`;
}

/** The run's count of both kinds: `3 problems introduced by the change, 12 there before it`. */
export function classifiedLine(leftOut: LeftOut): string {
  const n = (k: number, w: string) => `${k.toLocaleString('en-US')} ${w}${k === 1 ? '' : 's'}`;
  return `${n(leftOut.introduced, 'problem')} introduced by the change, ${n(leftOut.existing, 'problem')} there before it`;
}
