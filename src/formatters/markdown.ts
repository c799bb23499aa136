/**
 * A Markdown summary for `$GITHUB_STEP_SUMMARY`: totals, by rule, by folder, then the problems, errors first: the
 * first 50, or as many as `maxRows` and `summaryLimitBytes` allow (GitHub takes 1 MiB a step), and a line saying
 * how many more were left out.
 */
import type { Formatter } from './types.js';
import { relPath } from './paths.js';
import { errorsFirst } from './order.js';
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
  if (t.errors + t.warnings === 0) return ['## archive-lint', '', `No problems in ${t.files} files. ✅`, ''].join('\n');
  const out: string[] = [];
  const maxRows = ctx.maxRows ?? MAX_ROWS;
  const cap = ctx.summaryLimitBytes ?? Infinity;
  // Bytes of the lines so far, each with its newline; lines past the cap are counted, not written.
  let bytes = 0;
  const add = (...lines: string[]) => {
    for (const line of lines) bytes += Buffer.byteLength(line) + 1;
    out.push(...lines);
  };
  add('## archive-lint', '', `**${t.errors} errors**, **${t.warnings} warnings** in ${t.filesWithProblems} of ${t.files} files.`, '');
  add('| rule | errors | warnings | kinds |', '| --- | ---: | ---: | --- |');
  for (const [id, c] of sortedRows(s.byRule)) {
    const kinds = [...c.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    const name = id.startsWith('(') ? id : `[${id}](${docsUrl(id)})`;
    add(`| ${name} | ${c.errors} | ${c.warnings} | ${cell(kinds)} |`);
  }
  const all = t.errors + t.warnings;
  const folders = sortedRows(s.byFolder).filter(([, c]) => c.errors + c.warnings > 0);
  // Room kept for the closing lines (in their longest forms) and the blank lines before them.
  const reserve = Buffer.byteLength(closing(all, cap)) + Buffer.byteLength(moreFolders(folders.length)) + 4;
  const fits = (line: string) => bytes + Buffer.byteLength(line) + 1 + reserve <= cap;
  add('', '| folder | files | errors | warnings |', '| --- | ---: | ---: | ---: |');
  let foldersShown = 0;
  for (const [folder, c] of folders) {
    const row = `| ${cell(folder)} | ${c.files} | ${c.errors} | ${c.warnings} |`;
    if (!fits(row)) break;
    add(row);
    foldersShown++;
  }
  if (foldersShown < folders.length) add('', moreFolders(folders.length - foldersShown));
  let shown = 0;
  let full = false;
  const head = ['', '| file | line | severity | message | rule |', '| --- | ---: | --- | --- | --- |'];
  if (fits(head.join('\n'))) {
    add(...head);
    for (const [r, m] of errorsFirst(results)) {
      if (shown >= maxRows) break;
      const row = `| ${cell(relPath(ctx.cwd, r.filePath))} | ${m.line} | ${m.severity === 2 ? 'error' : 'warning'} | ${cell(m.message)} | ${m.ruleId ?? ''} |`;
      if (!fits(row)) {
        full = true;
        break;
      }
      add(row);
      shown++;
    }
  } else {
    full = true;
  }
  if (all > shown) add('', full ? closing(all - shown, cap) : `…and ${all - shown} more.`);
  out.push('');
  return out.join('\n');
};

function moreFolders(more: number): string {
  return `…and ${more} more folders.`;
}

function closing(more: number, cap: number): string {
  return `…and ${more} more, left out to keep this summary within ${cap} bytes.`;
}
