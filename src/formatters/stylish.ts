/**
 * Grouped by file, as ESLint's stylish; coloured when the context says so. Text from the files (names, messages
 * quoting link targets or markup) is shown with its control characters escaped (`visible`), and a file name that
 * starts a line never reads as a CI command.
 */
import { createColors } from 'picocolors';
import type { Formatter } from './types.js';
import { relPath } from './paths.js';
import { notCheckedText, notCheckedTotal, totals } from '../core/report/results.js';
import { visible, visibleLineStart } from '../core/walk/text.js';

/** Messages of one kind shown per file before the rest are summed up in one line. */
const MAX_PER_KIND = 10;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const stylish: Formatter = (results, ctx) => {
  const c = createColors(ctx.color);
  const out: string[] = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push('', c.underline(visibleLineStart(relPath(ctx.cwd, r.filePath))));
    // A kind that repeats (300 wrapper <div>s) shows its first few and one line for the rest.
    const seen = new Map<string, number>();
    const hidden = new Map<string, { count: number; ruleId: string; messageId: string }>();
    const shown = r.messages.filter((m) => {
      const key = `${m.ruleId ?? ''}\0${m.messageId ?? ''}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n <= MAX_PER_KIND) return true;
      const h = hidden.get(key) ?? { count: 0, ruleId: m.ruleId ?? '', messageId: m.messageId ?? '' };
      h.count++;
      hidden.set(key, h);
      return false;
    });
    const rows = shown.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? 'error' : 'warning',
      visible(m.message),
      m.ruleId ?? '',
    ]);
    const w0 = Math.max(...rows.map((x) => (x[0] as string).length));
    const w1 = 'warning'.length;
    for (const [pos = '', sev = '', msg = '', id = ''] of rows) {
      const sevText = sev === 'error' ? c.red(sev.padEnd(w1)) : c.yellow(sev.padEnd(w1));
      out.push(`  ${c.dim(pos.padEnd(w0))}  ${sevText}  ${msg}  ${c.dim(id)}`.trimEnd());
    }
    for (const h of hidden.values()) out.push(c.dim(`  … and ${h.count} more ${h.messageId} (${h.ruleId}) in this file`));
  }
  const t = totals(results);
  const problems = t.errors + t.warnings;
  if (problems > 0) {
    const line = `✖ ${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')})`;
    out.push('', c.bold(t.errors ? c.red(line) : c.yellow(line)));
    const fixable = t.fixableErrors + t.fixableWarnings;
    if (fixable) out.push(c.bold(`  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.`));
    out.push('');
  }
  const notChecked = notCheckedTotal(results);
  if (notChecked) out.push(c.dim(`${notCheckedText(notChecked)}.`), '');
  return out.join('\n');
};
