/**
 * The Reliability table (docs/reliability.md) names, for each case, the tests that prove it (`file › describe › test`, `› test`
 * for another test of the same file, a name cut short with `…`). Each one named must exist: a table that points at
 * a test that was renamed or removed would claim a proof that is not there.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The test cells of the Reliability table. */
function cells(): string[] {
  return readFileSync(`${ROOT}docs/reliability.md`, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| case') && !line.startsWith('| ---'))
    .map((line) => line.split(/(?<!\\)\|/)[3]?.trim() ?? '');
}

/** Each test and describe title of a test file; `${…}` in a title is kept as `\0` and matches any text. */
function titles(file: string): string[] {
  const text = readFileSync(`${ROOT}tests/${file}`, 'utf8');
  return [...text.matchAll(/\b(?:it|describe)(?:\.\w+(?:\([^)]*\))?)?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)].map((m) => (m[2] as string).replace(/\$\{[^}]*\}/g, '\0').replace(/\\(.)/g, '$1'));
}

/** Does a title of the file match this name from the table (`…` at its end: the start of the title)? */
function matches(known: string[], name: string): boolean {
  const cut = name.endsWith('…') ? name.slice(0, -1).trim() : undefined;
  return known.some((title) => {
    if (cut !== undefined) return title.split('\0')[0]?.startsWith(cut) || title.startsWith(cut);
    const parts = title.split('\0').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.*')}$`).test(name);
  });
}

/** rules.test.ts names its tests from the rules and the fixture folders: `RULE › has fixtures`, `RULE › SCENARIO`. */
function ruleTestExists(path: string[]): boolean {
  const [rule, test] = path;
  if (rule === undefined || test === undefined) return false;
  if (rule !== 'RULE' && !existsSync(`${ROOT}fixtures/${rule}`)) return false;
  return test === 'has fixtures' || (rule !== 'RULE' && existsSync(`${ROOT}fixtures/${rule}/${test}/expected.json`));
}

/** The named tests of one cell: [file, title path], the file carried over to `› …` references. */
function references(cell: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  let file: string | undefined;
  for (const m of cell.matchAll(/`([^`]+)`/g)) {
    let parts = (m[1] as string).split(' › ');
    if ((parts[0] as string).endsWith('.test.ts')) file = parts.shift() as string;
    else if (parts[0] === '') parts = parts.slice(1);
    else if ((m[1] as string).startsWith('› ')) parts = (m[1] as string).slice(2).split(' › ');
    else continue;
    if (file) out.push([file, parts]);
  }
  return out;
}

describe('the Reliability table of docs/reliability.md', () => {
  it('names tests that exist', () => {
    const found = cells();
    expect(found.length).toBeGreaterThan(20);
    const missing: string[] = [];
    let named = 0;
    for (const cell of found) {
      for (const [file, path] of references(cell)) {
        named++;
        if (!existsSync(`${ROOT}tests/${file}`)) {
          missing.push(`${file}: no such test file`);
          continue;
        }
        if (file === 'rules.test.ts') {
          if (!ruleTestExists(path)) missing.push(`${file} › ${path.join(' › ')}`);
          continue;
        }
        const known = titles(file);
        for (const title of path) {
          // `(without a cache)`: another case of the test named before it, whose title ends in parentheses.
          if (!matches(known, title.replace(/\\\|/g, '|')) && !/^\(.*\)$/.test(title)) missing.push(`${file} › ${title}`);
        }
      }
    }
    expect(named).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});
