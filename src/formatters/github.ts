/**
 * GitHub Actions workflow commands: one annotation per message, escaped as the runner expects, errors first and
 * within GitHub's limits (it shows 10 errors and 10 warnings a step and 50 annotations a job, and drops the rest).
 * Line breaks in a file name or a message become the runner's `%0A` (decoded into the annotation, never a new line
 * of the log); every other control character is escaped by `visible` (`\x1b`), since the runner has no escape for
 * it and would pass it to the log raw.
 */
import type { FormatContext, Formatter } from './types.js';
import type { LintResult } from '../types.js';
import { relPath } from './paths.js';
import { errorsFirst } from './order.js';
import { visible } from '../core/walk/text.js';

/** Annotation lines `--format github` writes at most, its closing notice included: GitHub's limit for a job. */
const ANNOTATIONS_LIMIT = 50;

/**
 * Data of a workflow command: `%`, CR and LF as the runner decodes them (a line break of our own messages stays a
 * line break of the annotation); the other control characters, which the runner would pass to the log raw, escaped
 * by `visible`.
 */
export function escapeData(s: string): string {
  return visible(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The annotation lines of the results: errors first, at most `limit` of them (none when `limit` is 0 or less), and
 * how many messages were left out. Pure, for every adapter that annotates (the `github` formatter, the Action).
 */
export function githubAnnotations(results: readonly LintResult[], ctx: FormatContext, limit: number): { lines: string[]; omitted: number } {
  const lines: string[] = [];
  let omitted = 0;
  for (const [r, m] of errorsFirst(results)) {
    if (lines.length >= limit) {
      omitted++;
      continue;
    }
    const props = [`file=${escapeProperty(relPath(ctx.cwd, r.filePath))}`, `line=${m.line}`, `col=${m.column}`];
    if (m.endLine !== undefined) props.push(`endLine=${m.endLine}`);
    if (m.endColumn !== undefined && m.endLine === m.line) props.push(`endColumn=${m.endColumn}`);
    props.push(`title=${escapeProperty(m.ruleId ?? 'archive-lint')}`);
    lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}`);
  }
  return { lines, omitted };
}

/** At most `ctx.annotationsLimit` lines (default 50); when problems were left out, the last is a notice saying so. */
export const github: Formatter = (results, ctx) => {
  const limit = ctx.annotationsLimit ?? ANNOTATIONS_LIMIT;
  const { lines, omitted } = githubAnnotations(results, ctx, limit);
  if (omitted > 0 && limit > 0) {
    // The notice takes the place of the last annotation: GitHub would drop an annotation past the job's limit.
    lines.pop();
    const left = omitted + 1;
    const total = lines.length + left;
    lines.push(
      `::notice::${escapeData(`archive-lint: ${left} of ${total} problems are not annotated (GitHub shows only the first annotations of a job; errors come first). The complete list is in the job summary (--format markdown).`)}`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
