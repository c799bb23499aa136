/**
 * The audit's closing summary: by rule (with its kinds in words), by folder, the most-linked missing targets and
 * the totals. Folder names and missing targets come from the files: shown by `visibleLineStart`, since each
 * starts a line.
 */
import { createColors } from 'picocolors';
import type { LintReport } from '../core/run/engine.js';
import type { RuleMeta } from '../core/parse/rule.js';
import { notCheckedText, notCheckedTotal, totals } from '../core/report/results.js';
import { kindsText, sortedRows, summarize, topMissing } from '../core/report/summary.js';
import { fixPlan, stepAdvice, type FixPlan } from '../core/report/plan.js';
import type { LintResult } from '../types.js';
import { visible, visibleLineStart } from '../core/walk/text.js';

function table(rows: string[][], rightAligned: number[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

const TOP_MISSING = 10;
const TOP_FOLDERS = 15;

/** The plan: its steps, numbered, each with its command or config line, then what --fix changes. */
export function planText(plan: FixPlan, bold: (s: string) => string = (s) => s): string[] {
  if (plan.steps.length === 0) return [];
  const out = ['', bold(plan.severity === 2 ? 'Fix first (the largest groups of errors)' : 'Fix first (no errors; the largest groups of warnings)')];
  const noun = plan.severity === 2 ? 'error' : 'warning';
  plan.steps.forEach((s, i) => {
    const what = `${s.ruleId === null ? 'file messages' : s.ruleId} · ${s.kind}`;
    out.push(`${String(i + 1).padStart(2)}. ${visibleLineStart(what)}: ${s.count} ${noun}${s.count === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}`);
    const advice = stepAdvice(s);
    out.push(`    ${visible(`first at ${s.first.file}:${s.first.line}${advice ? `; ${advice}` : ''}`)}`);
    if (s.command) out.push(`    run:     ${s.command}`);
    if (s.config) out.push(`    silence: ${visible(s.config)} in the config`);
  });
  if (plan.more) out.push(`    …and ${plan.more} more kind${plan.more === 1 ? '' : 's'} of ${noun}`);
  const f = plan.fix;
  if (f.findings) out.push(`archive-lint check --fix changes ${f.findings} finding${f.findings === 1 ? '' : 's'} (${f.errors} error${f.errors === 1 ? '' : 's'}, ${f.warnings} warning${f.warnings === 1 ? '' : 's'}) in ${f.files} file${f.files === 1 ? '' : 's'}; --fix-dry-run shows the diff first.`);
  else out.push('Nothing here has a safe fix (--fix changes nothing).');
  return out;
}

/** `site`: the publishing profile the run used, and where it came from. */
export function summaryText(results: readonly LintResult[], root: string, report: Pick<LintReport, 'stats'>, color: boolean, rules: readonly RuleMeta[], site?: string): string {
  const c = createColors(color);
  const s = summarize(results, root);
  const t = totals(results);
  const out: string[] = ['', c.bold('Summary by rule')];
  const ruleRows = [['rule', 'errors', 'warnings', 'kinds']];
  for (const [id, v] of sortedRows(s.byRule)) ruleRows.push([visibleLineStart(id), String(v.errors), String(v.warnings), visible(kindsText(rules, id, v.kinds))]);
  out.push(...table(ruleRows, [1, 2]));
  out.push('', c.bold('Summary by folder'));
  const folders = sortedRows(s.byFolder);
  const folderRows = [['folder', 'files', 'errors', 'warnings']];
  for (const [folder, v] of folders.slice(0, TOP_FOLDERS)) folderRows.push([visibleLineStart(folder), String(v.files), String(v.errors), String(v.warnings)]);
  out.push(...table(folderRows, [1, 2, 3]));
  if (folders.length > TOP_FOLDERS) out.push(`…and ${folders.length - TOP_FOLDERS} more folders`);
  const missing = topMissing(s.missingTargets);
  if (missing.length) {
    out.push('', c.bold('Top missing targets'));
    const rows = [['target', 'links', 'what'], ...missing.slice(0, TOP_MISSING).map(([t, v]) => [visibleLineStart(t), String(v.links), `${v.image ? 'image, ' : ''}${v.what}`])];
    out.push(...table(rows, [1]));
    if (missing.length > TOP_MISSING) out.push(`…and ${missing.length - TOP_MISSING} more missing targets`);
  }
  out.push(...planText(fixPlan(results, root, rules), c.bold));
  const fixable = t.fixableErrors + t.fixableWarnings;
  // A merge of shards' reports does not know how many files each indexed (0).
  const indexed = report.stats.indexed ? `, ${report.stats.indexed} files indexed` : '';
  // Results of files that are not pages (an unused image) are not files linted.
  const linted = report.stats.linted || t.files;
  out.push('', `${linted} files linted${indexed}, ${t.errors} errors, ${t.warnings} warnings${fixable ? ` (${fixable} fixable with --fix)` : ''} in ${(report.stats.ms / 1000).toFixed(1)} s`);
  const notChecked = notCheckedTotal(results);
  if (notChecked) out.push(`${notCheckedText(notChecked)}.`);
  if (site) out.push(`Links resolved as ${visible(site)}.`);
  out.push('');
  return out.join('\n');
}
