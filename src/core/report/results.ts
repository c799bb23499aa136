/**
 * Stage: results and reports (src/core/report/). In: raw problems, the outcomes and the cross-file messages. Out:
 * ESLint-compatible results, built a file at a time (build.ts), and from them summaries (summary.ts), baselines
 * (baseline.ts) and the merge of shards' reports (merge-reports.ts).
 *
 * Turning raw problems into ESLint-compatible results.
 */
import { pointAt } from '../walk/text.js';
import type { LintMessage, LintResult, RawProblem, Severity } from '../../types.js';

export function toMessage(p: RawProblem, severity: Severity, starts: readonly number[]): LintMessage {
  const s = pointAt(starts, p.start);
  const e = pointAt(starts, p.end);
  const m: LintMessage = { ruleId: p.ruleId, severity, message: p.message, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, messageId: p.messageId };
  if (p.fix) {
    if (p.fixKind === 'unsafe') m.suggestions = [{ desc: 'Unsafe fix: may change what a reader sees (applied by --fix-unsafe)', fix: p.fix }];
    else m.fix = p.fix;
  }
  if (p.occurrences !== undefined && p.occurrences > 1) m.occurrences = p.occurrences;
  return m;
}

/** The order of messages in a result: by line, then column, then rule id (a stable sort keeps the rest). */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || compareRuleIds(a.ruleId, b.ruleId);
}

/**
 * At most `max` messages, errors kept before warnings, the rest counted in one summary message: a file with
 * hundreds of thousands of problems (a 15 MiB page of broken links) neither fills memory nor buries the report.
 * Takes and returns messages sorted by position.
 */
export function capMessages(sorted: LintMessage[], max: number): LintMessage[] {
  // Exact: past `max`, `max` are listed and the rest counted (one more would be listed as the summary's place).
  if (sorted.length <= max) return sorted;
  const errorsFirst = [...sorted.filter((m) => m.severity === 2), ...sorted.filter((m) => m.severity !== 2)];
  const kept = errorsFirst.slice(0, max).sort(compareMessages);
  const rest = errorsFirst.slice(max).sort(compareMessages);
  let errors = 0;
  for (const m of rest) if (m.severity === 2) errors++;
  const first = rest[0] as LintMessage;
  const noun = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary: LintMessage = {
    ruleId: null,
    severity: errors ? 2 : 1,
    message: `${noun(rest.length, 'more problem')} in this file not listed (${noun(errors, 'error')}, ${noun(rest.length - errors, 'warning')}, the first at line ${first.line}): over maxMessagesPerFile, ${max}`,
    line: first.line,
    column: first.column,
    messageId: 'tooManyMessages',
  };
  kept.push(summary);
  return kept.sort(compareMessages);
}

export function compareRuleIds(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '');
}

/** A result's counts: errors, warnings, fixable errors, fixable warnings, fatal errors. */
export function countMessages(messages: readonly LintMessage[]): [number, number, number, number, number] {
  const c: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const m of messages) {
    if (m.severity === 2) {
      c[0]++;
      if (m.fix) c[2]++;
      if (m.fatal) c[4]++;
    } else if (m.severity === 1) {
      c[1]++;
      if (m.fix) c[3]++;
    }
  }
  return c;
}

export function makeResult(filePath: string, messages: LintMessage[]): LintResult {
  messages.sort(compareMessages);
  const [errorCount, warningCount, fixableErrorCount, fixableWarningCount, fatal] = countMessages(messages);
  const r: LintResult = { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
  if (fatal) r.fatalErrorCount = fatal;
  return r;
}

/** Keep errors only (`--quiet`). */
export function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => makeResult(r.filePath, r.messages.filter((m) => m.severity === 2)));
}

export interface Totals {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
  files: number;
  filesWithProblems: number;
}

export function totals(results: readonly LintResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0, files: results.length, filesWithProblems: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.fixableErrors += r.fixableErrorCount;
    t.fixableWarnings += r.fixableWarningCount;
    if (r.messages.length) t.filesWithProblems++;
  }
  return t;
}

/** How many links, anchors and images the results say the publishing profile could not check. */
export function notCheckedTotal(results: readonly LintResult[]): number {
  let n = 0;
  for (const r of results) n += r.notCheckedCount ?? 0;
  return n;
}

/** The not-checked count in words, for summaries: never errors, said so that the user knows what was not verified. */
export function notCheckedText(n: number): string {
  return `${n} link${n === 1 ? '' : 's'} not checked: made by the site (ids of a plugin or a hook, Liquid) in ways the profile cannot evaluate`;
}
