/** Grouped by file, as ESLint's stylish; coloured when the context says so. */
import { createColors } from 'picocolors';
import type { Formatter } from './types.js';
import { relPath } from './paths.js';
import { totals } from '../core/results.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const stylish: Formatter = (results, ctx) => {
  const c = createColors(ctx.color);
  const out: string[] = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push('', c.underline(relPath(ctx.cwd, r.filePath)));
    const rows = r.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? 'error' : 'warning',
      m.message.replace(/\s*\n\s*/g, ' '),
      m.ruleId ?? '',
    ]);
    const w0 = Math.max(...rows.map((x) => (x[0] as string).length));
    const w1 = 'warning'.length;
    for (const [pos = '', sev = '', msg = '', id = ''] of rows) {
      const sevText = sev === 'error' ? c.red(sev.padEnd(w1)) : c.yellow(sev.padEnd(w1));
      out.push(`  ${c.dim(pos.padEnd(w0))}  ${sevText}  ${msg}  ${c.dim(id)}`.trimEnd());
    }
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
  return out.join('\n');
};
