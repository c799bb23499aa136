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
import type { LintResult } from '../types.js';
import { visible, visibleLineStart } from '../core/walk/text.js';

function table(rows: string[][], rightAligned: number[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

const TOP_MISSING = 10;
const TOP_FOLDERS = 15;

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
  const fixable = t.fixableErrors + t.fixableWarnings;
  // A merge of shards' reports does not know how many files each indexed (0).
  const indexed = report.stats.indexed ? `, ${report.stats.indexed} files indexed` : '';
  out.push('', `${t.files} files linted${indexed}, ${t.errors} errors, ${t.warnings} warnings${fixable ? ` (${fixable} fixable with --fix)` : ''} in ${(report.stats.ms / 1000).toFixed(1)} s`);
  const notChecked = notCheckedTotal(results);
  if (notChecked) out.push(`${notCheckedText(notChecked)}.`);
  if (site) out.push(`Links resolved as ${visible(site)}.`);
  out.push('');
  return out.join('\n');
}
