/**
 * no-conflict-markers: a merge conflict git left in a page (`<<<<<<< ours`, an optional `||||||| base`,
 * `=======`, `>>>>>>> theirs`, each at the start of its line, in that order). The site shows the markers and both
 * sides as text, and a page that passes the linter with them is published broken. Only a whole conflict counts:
 * `=======` alone is a setext heading's underline, and `>>>>>>> text` a quotation seven levels deep.
 */
import { meta } from './meta.js';
import { problem, type FileContext } from '../../src/core/parse/rule.js';
import { fileRulePlugin } from '../../src/core/parse/plugin-context.js';
import type { RawProblem } from '../../src/types.js';

export { meta };

export type Options = Record<string, never>;

/** A marker line: seven of its character, then the end of the line or a space and a label. */
function marker(line: string, c: '<' | '=' | '>' | '|'): boolean {
  if (!line.startsWith(c.repeat(7))) return false;
  const rest = line.slice(7);
  return c === '=' ? /^[ \t]*$/.test(rest) : rest === '' || /^[ \t]/.test(rest);
}

/** The marker as a message shows it: at most 60 characters of its line. */
function shown(line: string): string {
  const trimmed = line.replace(/[ \t]+$/, '');
  return trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed;
}

export function check(ctx: FileContext): RawProblem[] {
  const { text, lineStarts } = ctx;
  const out: RawProblem[] = [];
  const lineAt = (k: number) => {
    const start = lineStarts[k] as number;
    const next = lineStarts[k + 1];
    const end = next === undefined ? text.length : next;
    return { start, text: text.slice(start, end).replace(/\r?\n$/, '') };
  };
  let open: { k: number; start: number; text: string } | undefined;
  let middle: number | undefined;
  for (let k = 0; k < lineStarts.length; k++) {
    const line = lineAt(k);
    // A quick test before the others: most lines start with none of the four characters.
    const c = line.text[0];
    if (c !== '<' && c !== '=' && c !== '>' && c !== '|') continue;
    if (marker(line.text, '<')) {
      open = { k, start: line.start, text: line.text };
      middle = undefined;
    } else if (open && middle === undefined && marker(line.text, '=')) {
      middle = k;
    } else if (open && middle !== undefined && marker(line.text, '>')) {
      const data = { ours: shown(open.text), start: open.k + 1, middle: middle + 1, theirs: shown(line.text), end: k + 1 };
      out.push(problem(meta, 'conflict', data, open.start, open.start + open.text.length));
      open = undefined;
      middle = undefined;
    }
  }
  return out;
}

export const plugin = fileRulePlugin<Options>(meta, (ctx) => check(ctx));
