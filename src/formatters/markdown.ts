/**
 * A Markdown summary for `$GITHUB_STEP_SUMMARY`: totals, by rule (kinds in words), the top folders, the
 * most-linked missing targets, then the problems, errors first: the first 50, or as many as `maxRows` and
 * `summaryLimitBytes` allow (default 1 MiB, what GitHub takes a step), and a line saying how many more were left
 * out.
 */
import type { Formatter } from './types.js';
import { visible } from '../core/walk/text.js';
import { relPath } from './paths.js';
import { errorsFirst } from './order.js';
import { totals } from '../core/report/results.js';
import { kindsText, sortedRows, summarize, topMissing } from '../core/report/summary.js';
import { docsUrl } from '../core/parse/rule.js';
import { fixPlan, stepAdvice } from '../core/report/plan.js';

const MAX_ROWS = 50;
const TOP_FOLDERS = 20;
const TOP_MISSING = 10;
/** GitHub's limit for one step's job summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/**
 * Text for a Markdown table cell, shown as written: Markdown's inline syntax escaped (a message quoting
 * `![alt](src)` or `&nbsp;` must not render as an image or a space), control characters shown as escapes (`\n`,
 * `\x1b`), as every human-facing output shows them.
 */
export function cell(s: string): string {
  return visible(s)
    .replace(/[\\`*_[\]!|~#]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** `1 error`, `2 errors`, `1,437,396 warnings`. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export const markdown: Formatter = (results, ctx) => markdownSummary(results, ctx).text;

/** The summary, with how many problems it lists of how many. */
export function markdownSummary(results: Parameters<Formatter>[0], ctx: Parameters<Formatter>[1]): { text: string; listed: number; total: number } {
  const t = totals(results);
  const s = summarize(results, ctx.root);
  if (t.errors + t.warnings === 0) return { text: ['## archive-lint', '', `No problems in ${count(t.files, 'file')}. ✅`, ''].join('\n'), listed: 0, total: 0 };
  const out: string[] = [];
  const maxRows = ctx.maxRows ?? MAX_ROWS;
  const cap = ctx.summaryLimitBytes ?? SUMMARY_LIMIT_BYTES;
  // Bytes of the lines so far, each with its newline; lines past the cap are counted, not written.
  let bytes = 0;
  const add = (...lines: string[]) => {
    for (const line of lines) bytes += Buffer.byteLength(line) + 1;
    out.push(...lines);
  };
  add('## archive-lint', '', `**${count(t.errors, 'error')}**, **${count(t.warnings, 'warning')}** in ${t.filesWithProblems.toLocaleString('en-US')} of ${count(t.files, 'file')}.`, '');
  // A change-aware run: both kinds counted; the list below gives the introduced ones first.
  const kinds = introducedCounts(results);
  if (kinds) add(`Introduced by the change: **${count(kinds.introduced.errors, 'error')}**, **${count(kinds.introduced.warnings, 'warning')}**; there before it: ${count(kinds.existing.errors, 'error')}, ${count(kinds.existing.warnings, 'warning')}.`, '');
  // What to fix first, before the tables: the largest groups of errors and what fixes or silences each.
  const plan = fixPlan(results, ctx.root, ctx.rules);
  if (plan.steps.length) {
    const noun = plan.severity === 2 ? 'error' : 'warning';
    add(plan.severity === 2 ? '### Fix first' : '### Fix first (no errors; the largest groups of warnings)', '');
    plan.steps.forEach((s, i) => {
      const advice = stepAdvice(s, num);
      add(`${i + 1}. **${s.ruleId ?? 'file messages'}** · ${cell(s.kind)}: ${count(s.count, noun)} in ${count(s.files, 'file')}, first at ${cell(`${s.first.file}:${s.first.line}`)}${advice ? `; ${cell(advice)}` : ''}`);
      if (s.command) add(`   - run \`${s.command}\``);
      if (s.config) add(`   - or silence it in the config: ${cell(s.config)}`);
    });
    const f = plan.fix;
    add('', f.findings ? `\`archive-lint check --fix\` fixes ${count(f.findings, 'finding')} (${count(f.errors, 'error')}, ${count(f.warnings, 'warning')}) in ${count(f.files, 'file')}.` : 'Nothing here has a safe fix.', '');
  }
  add('| rule | errors | warnings | kinds |', '| --- | ---: | ---: | --- |');
  for (const [id, c] of sortedRows(s.byRule)) {
    const kinds = kindsText(ctx.rules, id, c.kinds, num);
    const name = id.startsWith('(') ? id : `[${id}](${docsUrl(id)})`;
    add(`| ${name} | ${num(c.errors)} | ${num(c.warnings)} | ${cell(kinds)} |`);
  }
  const all = t.errors + t.warnings;
  const allFolders = sortedRows(s.byFolder).filter(([, c]) => c.errors + c.warnings > 0);
  const folders = allFolders.slice(0, TOP_FOLDERS);
  const missing = topMissing(s.missingTargets);
  // Room kept for the closing lines (in their longest forms) and the blank lines before them.
  let reserve = Buffer.byteLength(closing(all, cap)) + Buffer.byteLength(moreFolders(allFolders.length)) + Buffer.byteLength(moreTargets(missing.length)) + 6;
  const fits = (line: string) => bytes + Buffer.byteLength(line) + 1 + reserve <= cap;
  add('', '| folder | files | errors | warnings |', '| --- | ---: | ---: | ---: |');
  let foldersShown = 0;
  for (const [folder, c] of folders) {
    const row = `| ${cell(folder)} | ${num(c.files)} | ${num(c.errors)} | ${num(c.warnings)} |`;
    if (!fits(row)) break;
    add(row);
    foldersShown++;
  }
  if (foldersShown < allFolders.length) add('', moreFolders(allFolders.length - foldersShown));
  if (missing.length) {
    const head = ['', '| most-linked missing target | links | what |', '| --- | ---: | --- |'];
    let targetsShown = 0;
    if (fits(head.join('\n'))) {
      add(...head);
      for (const [target, v] of missing.slice(0, TOP_MISSING)) {
        const row = `| ${cell(target)} | ${num(v.links)} | ${v.image ? 'image, ' : ''}${v.what} |`;
        if (!fits(row)) break;
        add(row);
        targetsShown++;
      }
    }
    if (targetsShown < missing.length) add('', moreTargets(missing.length - targetsShown));
  }
  // The folder and target tables are written: only the closing line is still to come.
  reserve = Buffer.byteLength(closing(all, cap)) + 2;
  let shown = 0;
  let full = false;
  const head = ['', '| file | line | severity | message | rule |', '| --- | ---: | --- | --- | --- |'];
  if (fits(head.join('\n'))) {
    add(...head);
    for (const [r, m] of errorsFirst(results)) {
      if (shown >= maxRows) break;
      const row = `| ${cell(relPath(ctx.cwd, r.filePath))} | ${m.line} | ${m.severity === 2 ? 'error' : 'warning'}${m.introduced === false ? ' (before)' : ''} | ${cell(m.message)} | ${m.ruleId ?? ''} |`;
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
  if (all > shown) add('', full ? closing(all - shown, cap) : `…and ${num(all - shown)} more.`);
  out.push('');
  return { text: out.join('\n'), listed: shown, total: all };
}

/** The errors and warnings a change introduced, and those there before it; undefined for a run that is not change-aware. */
export function introducedCounts(results: Parameters<Formatter>[0]): { introduced: { errors: number; warnings: number }; existing: { errors: number; warnings: number } } | undefined {
  const c = { introduced: { errors: 0, warnings: 0 }, existing: { errors: 0, warnings: 0 } };
  let classified = false;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.introduced === undefined) continue;
      classified = true;
      const kind = m.introduced ? c.introduced : c.existing;
      if (m.severity === 2) kind.errors++;
      else if (m.severity === 1) kind.warnings++;
    }
  }
  return classified ? c : undefined;
}

function num(n: number): string {
  return n.toLocaleString('en-US');
}

function moreFolders(more: number): string {
  return `…and ${num(more)} more folders.`;
}

function moreTargets(more: number): string {
  return `…and ${num(more)} more missing targets.`;
}

function closing(more: number, cap: number): string {
  return `…and ${num(more)} more, left out to keep this summary within ${num(cap)} bytes.`;
}
