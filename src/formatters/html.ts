/** A self-contained HTML report (no external assets): totals, by rule, by folder, then each file's problems. */
import type { Formatter } from './types.js';
import { relPath } from './paths.js';
import { totals } from '../core/results.js';
import { sortedRows, summarize } from '../core/summary.js';
import { docsUrl } from '../core/rule.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}h1{font-size:1.6rem}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
td.n{text-align:right}.error{color:#cf222e}.warning{color:#9a6700}details{margin:.2rem 0}summary{cursor:pointer}
code{font-family:ui-monospace,monospace}.muted{color:#656d76}`;

export const html: Formatter = (results, ctx) => {
  const t = totals(results);
  const s = summarize(results, ctx.root);
  const e = escapeHtml;
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>archive-lint report</title>',
    `<style>${STYLE}</style></head><body>`,
    `<h1>archive-lint report</h1><p><b class="error">${t.errors} errors</b>, <b class="warning">${t.warnings} warnings</b> in ${t.filesWithProblems} of ${t.files} files under <code>${e(ctx.root)}</code>. archive-lint ${e(ctx.version)}.</p>`,
    '<h2>By rule</h2><table><tr><th>rule</th><th>errors</th><th>warnings</th><th>kinds</th></tr>',
  ];
  for (const [id, c] of sortedRows(s.byRule)) {
    const kinds = [...c.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${e(k)}&nbsp;${n}`).join(', ');
    const name = id.startsWith('(') ? e(id) : `<a href="${e(docsUrl(id))}">${e(id)}</a>`;
    parts.push(`<tr><td>${name}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td><td>${kinds}</td></tr>`);
  }
  parts.push('</table><h2>By folder</h2><table><tr><th>folder</th><th>files</th><th>errors</th><th>warnings</th></tr>');
  for (const [folder, c] of sortedRows(s.byFolder)) {
    parts.push(`<tr><td><code>${e(folder)}</code></td><td class="n">${c.files}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td></tr>`);
  }
  parts.push('</table><h2>Files</h2>');
  for (const r of results) {
    if (r.messages.length === 0) continue;
    parts.push(`<details><summary><code>${e(relPath(ctx.root, r.filePath))}</code> <span class="muted">${r.errorCount} errors, ${r.warningCount} warnings</span></summary><table>`);
    for (const m of r.messages) {
      const sev = m.severity === 2 ? 'error' : 'warning';
      parts.push(`<tr><td class="n">${m.line}:${m.column}</td><td class="${sev}">${sev}</td><td>${e(m.message)}</td><td class="muted">${e(m.ruleId ?? '')}</td></tr>`);
    }
    parts.push('</table></details>');
  }
  parts.push('</body></html>\n');
  return parts.join('\n');
};
