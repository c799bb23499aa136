/** A Markdown summary for `$GITHUB_STEP_SUMMARY`: totals, by rule, by folder, then the first problems. */
import type { Formatter } from './types.js';
import { relPath } from './paths.js';
import { totals } from '../core/results.js';
import { sortedRows, summarize } from '../core/summary.js';
import { docsUrl } from '../core/rule.js';

const MAX_ROWS = 50;

/** Escape text for a Markdown table cell. */
export function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}

export const markdown: Formatter = (results, ctx) => {
  const t = totals(results);
  const s = summarize(results, ctx.root);
  const out: string[] = ['## archive-lint', ''];
  if (t.errors + t.warnings === 0) {
    out.push(`No problems in ${t.files} files. ✅`, '');
    return out.join('\n');
  }
  out.push(`**${t.errors} errors**, **${t.warnings} warnings** in ${t.filesWithProblems} of ${t.files} files.`, '');
  out.push('| rule | errors | warnings | kinds |', '| --- | ---: | ---: | --- |');
  for (const [id, c] of sortedRows(s.byRule)) {
    const kinds = [...c.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    const name = id.startsWith('(') ? id : `[${id}](${docsUrl(id)})`;
    out.push(`| ${name} | ${c.errors} | ${c.warnings} | ${cell(kinds)} |`);
  }
  out.push('', '| folder | files | errors | warnings |', '| --- | ---: | ---: | ---: |');
  for (const [folder, c] of sortedRows(s.byFolder)) {
    if (c.errors + c.warnings === 0) continue;
    out.push(`| ${cell(folder)} | ${c.files} | ${c.errors} | ${c.warnings} |`);
  }
  out.push('', '| file | line | severity | message | rule |', '| --- | ---: | --- | --- | --- |');
  let shown = 0;
  const all = t.errors + t.warnings;
  outer: for (const r of results) {
    for (const m of r.messages) {
      if (shown >= MAX_ROWS) break outer;
      out.push(`| ${cell(relPath(ctx.cwd, r.filePath))} | ${m.line} | ${m.severity === 2 ? 'error' : 'warning'} | ${cell(m.message)} | ${m.ruleId ?? ''} |`);
      shown++;
    }
  }
  if (all > shown) out.push('', `…and ${all - shown} more.`);
  out.push('');
  return out.join('\n');
};
