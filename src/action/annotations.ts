/**
 * The Action's annotations, within GitHub's limits: it shows 10 error, 10 warning and 10 notice annotations a step
 * (50 a job), in the order they are printed, and drops the rest. In: the results (in a pull request, each message
 * marked `introduced`), the limit per level; out: the annotations to make, introduced errors first, then
 * introduced warnings, then the problems that were there before, at most `perLevel` of each level, the last a
 * notice pointing at the job summary when some are left out. Rendered as workflow commands here, or sent to the
 * Checks API (checks.ts).
 */
import { relPath } from '../formatters/paths.js';
import { escapeData, escapeProperty } from '../formatters/github.js';
import { errorsFirst } from '../formatters/order.js';
import type { FormatContext } from '../formatters/index.js';
import type { LintMessage, LintResult } from '../types.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  /** Relative to the workspace, `/`-separated; absent for a notice about the run. */
  path?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  title: string;
  message: string;
  /** The change caused it (a pull request's problem), as the report says. */
  introduced?: boolean;
}

/** GitHub's own limit per level and step, and the Action's default. */
export const PER_LEVEL = 10;

/** A message as an annotation. */
export function annotationOf(r: LintResult, m: LintMessage, ctx: FormatContext): Annotation {
  const a: Annotation = {
    level: m.severity === 2 ? 'error' : 'warning',
    path: relPath(ctx.cwd, r.filePath),
    line: m.line,
    column: m.column,
    title: `${m.ruleId ?? 'archive-lint'}${m.introduced === false ? ' (there before this change)' : ''}`,
    message: m.message,
  };
  if (m.endLine !== undefined) a.endLine = m.endLine;
  if (m.endColumn !== undefined && m.endLine === m.line) a.endColumn = m.endColumn;
  if (m.introduced !== undefined) a.introduced = m.introduced;
  return a;
}

/**
 * Every problem as an annotation, introduced errors first, then introduced warnings, then the existing ones, at most
 * `max` in all (Infinity: every one).
 */
export function allAnnotations(results: readonly LintResult[], ctx: FormatContext, max = Infinity): Annotation[] {
  const out: Annotation[] = [];
  for (const [r, m] of errorsFirst(results)) {
    if (out.length >= max) break;
    out.push(annotationOf(r, m, ctx));
  }
  return out;
}

/**
 * At most `perLevel` annotations of each level, in the order of {@link allAnnotations}; when problems are left out,
 * a notice saying where they are (`where`) ends the list. `perLevel` 0: no annotation of problems, the notice only.
 */
export function limitedAnnotations(results: readonly LintResult[], ctx: FormatContext, perLevel: number, where: (omitted: number) => string): { annotations: Annotation[]; omitted: number } {
  const annotations: Annotation[] = [];
  const used = { error: 0, warning: 0, notice: 0 };
  let omitted = 0;
  for (const [r, m] of errorsFirst(results)) {
    const level = m.severity === 2 ? 'error' : 'warning';
    if (used[level] >= perLevel) {
      omitted++;
      continue;
    }
    used[level]++;
    annotations.push(annotationOf(r, m, ctx));
  }
  if (omitted > 0) annotations.push({ level: 'notice', title: 'archive-lint', message: where(omitted) });
  return { annotations, omitted };
}

/** An annotation as the workflow command the runner reads. */
export function workflowCommand(a: Annotation): string {
  const props: string[] = [];
  if (a.path !== undefined) props.push(`file=${escapeProperty(a.path)}`);
  if (a.line !== undefined) props.push(`line=${a.line}`);
  if (a.column !== undefined) props.push(`col=${a.column}`);
  if (a.endLine !== undefined) props.push(`endLine=${a.endLine}`);
  if (a.endColumn !== undefined) props.push(`endColumn=${a.endColumn}`);
  if (a.path !== undefined) props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(a.message)}`;
}
