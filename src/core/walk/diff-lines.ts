/**
 * The lines a change added or modified, per file: what makes a problem "introduced" (on a line the change wrote)
 * rather than "existing". In: the archive root and a change set; out: for each changed file, its changed line
 * ranges on the new side (1-based, inclusive), or `'all'` for a file that is new to git (added or untracked).
 */
import { runGit } from './git.js';
import type { ChangeSet } from './changed.js';

export type ChangedLines = Map<string, [number, number][] | 'all'>;

/** A path as git writes it in a diff header: C-quoted when it holds a quote, a backslash or a control character. */
function unquote(s: string): string {
  if (!s.startsWith('"')) return s;
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 1; i < s.length - 1; i++) {
    const c = s[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c));
      continue;
    }
    const n = s[i + 1] as string;
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Parse `git diff -U0` output: the new side's hunks of each file. A hunk that only deletes lines (`+c,0`) touches no
 * line of the new file, as in reviewdog.
 */
export function parseUnifiedZero(diff: string): ChangedLines {
  const out: ChangedLines = new Map();
  let current: [number, number][] | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      if (name === '/dev/null') {
        current = undefined;
        continue;
      }
      const path = unquote(name).replace(/^b\//, '');
      current = [];
      out.set(path, current);
    } else if (line.startsWith('@@') && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      if (count > 0) current.push([start, start + count - 1]);
    }
  }
  return out;
}

/** The changed lines of a change set's files (its `changed` list), new files whole. */
export function changedLines(root: string, cs: ChangeSet): ChangedLines {
  const args = ['-c', 'core.quotePath=false', 'diff', '-U0', '--no-color', '--no-ext-diff', '--relative', '-M', '--src-prefix=a/', '--dst-prefix=b/'];
  if (cs.staged) args.push('--cached', cs.base);
  else args.push(cs.base, ...(cs.to ? [cs.to] : []));
  const lines = parseUnifiedZero(runGit(root, args));
  const out: ChangedLines = new Map();
  for (const path of cs.changed) {
    const hunks = lines.get(path);
    // In the change but not in the diff against the base: a file git did not know (untracked), new as a whole.
    out.set(path, hunks ?? 'all');
  }
  for (const [path, hunks] of lines) if (!out.has(path)) out.set(path, hunks);
  return out;
}

/** Is a message's line span on a changed line, or within `context` lines of one? */
export function onChangedLine(hunks: [number, number][] | 'all' | undefined, line: number, endLine = line, context = 0): boolean {
  if (hunks === undefined) return false;
  if (hunks === 'all') return true;
  for (const [a, b] of hunks) if (line <= b + context && endLine >= a - context) return true;
  return false;
}
