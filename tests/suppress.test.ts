/**
 * Suppression comments where the problems are: inside the one HTML block a converted page is, at the right line;
 * markdownlint's forms beside remark-lint's; unknown rule names said with a suggestion; unused comments reported.
 */
import { describe, expect, it } from 'vitest';
import { run, tree } from './helpers/tree.js';
import type { LintResult } from '../src/types.js';

/** A converted page: front lines, then one HTML block from line 4 to the first blank line. */
function page(inner: string[]): string {
  return ['# A converted page', '', '2018-09-06', '<div>', ...inner, '</div>', ''].join('\n');
}

async function lint(files: Record<string, string>, extra: string[] = []) {
  const root = tree(files);
  const r = await run(root, ['check', '--format', 'json', '--no-cache', '--rule', 'no-raw-html=off', ...extra]);
  const results = JSON.parse(r.stdout) as LintResult[];
  return results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? '-'} ${m.severity} ${m.message}`));
}

const LINKS = ['<p><a href="gone1.md">one</a></p>', '<p><a href="gone2.md">two</a></p>', '<p><a href="gone3.md">three</a></p>'];

describe('suppression comments', () => {
  it('inside an HTML block, lint ignore applies to the next line only', async () => {
    const messages = await lint({ 'a.md': page([LINKS[0] as string, '<!-- lint ignore no-broken-links -->', LINKS[1] as string, LINKS[2] as string]) });
    expect(messages).toEqual(["5:13 no-broken-links 2 Link target 'gone1.md' does not exist", "8:13 no-broken-links 2 Link target 'gone3.md' does not exist"]);
  });

  it("markdownlint's disable-next-line and disable-line inside the block, and disable-file anywhere", async () => {
    const next = await lint({ 'a.md': page([LINKS[0] as string, '<!-- markdownlint-disable-next-line no-broken-links -->', LINKS[1] as string, LINKS[2] as string]) });
    expect(next).toEqual(["5:13 no-broken-links 2 Link target 'gone1.md' does not exist", "8:13 no-broken-links 2 Link target 'gone3.md' does not exist"]);
    const line = await lint({ 'a.md': page([LINKS[0] as string, `${LINKS[1] as string} <!-- markdownlint-disable-line -->`, LINKS[2] as string]) });
    expect(line).toEqual(["5:13 no-broken-links 2 Link target 'gone1.md' does not exist", "7:13 no-broken-links 2 Link target 'gone3.md' does not exist"]);
    const file = await lint({ 'a.md': page([...LINKS, '<!-- markdownlint-disable-file no-broken-links -->']) });
    expect(file).toEqual([]);
  });

  it("remark-lint's forms as before: ignore before the block silences the whole block; disable/enable around lines; a per-file rule inside a block", async () => {
    const whole = await lint({ 'a.md': ['# A', '', '<!-- lint ignore no-broken-links -->', '<div>', ...LINKS, '</div>', '', '[after](gone4.md)', ''].join('\n') });
    expect(whole).toEqual(["10:9 no-broken-links 2 Link target 'gone4.md' does not exist"]);
    const range = await lint({ 'a.md': page([LINKS[0] as string, '<!-- lint disable no-broken-links -->', LINKS[1] as string, '<!-- lint enable no-broken-links -->', LINKS[2] as string]) });
    expect(range).toEqual(["5:13 no-broken-links 2 Link target 'gone1.md' does not exist", "9:13 no-broken-links 2 Link target 'gone3.md' does not exist"]);
    const root = tree({ 'a.md': page(['<p>1&nbsp;</p>', '<!-- lint ignore no-raw-html -->', '<p>2&nbsp;</p>']) });
    const r = JSON.parse((await run(root, ['check', '--format', 'json', '--no-cache'])).stdout) as LintResult[];
    const entities = r[0]?.messages.filter((m) => /&nbsp;/.test(m.message)).map((m) => m.line);
    expect(entities).toEqual([5]);
  });

  it('a comment naming an unknown rule is a warning with a suggestion; markdownlint names of its own rules are left alone', async () => {
    const messages = await lint({ 'a.md': page(['<!-- lint ignore no-broken-link -->', LINKS[0] as string, '<!-- markdownlint-disable-next-line MD033 -->', LINKS[1] as string]) });
    expect(messages).toEqual([
      "5:1 - 1 Suppression comment names an unknown rule 'no-broken-link'; did you mean 'no-broken-links'?",
      "6:13 no-broken-links 2 Link target 'gone1.md' does not exist",
      "8:13 no-broken-links 2 Link target 'gone2.md' does not exist",
    ]);
    const keyword = await lint({ 'a.md': '<!-- lint disbale no-broken-links -->\n\n[x](gone.md)\n' });
    expect(keyword[0]).toBe("1:1 - 1 Suppression comment 'lint disbale': unknown keyword 'disbale', expected disable, enable or ignore");
  });

  it('--report-unused-suppressions lists comments that silence nothing', async () => {
    const files = { 'a.md': page(['<!-- lint ignore no-broken-links -->', LINKS[0] as string, '<!-- markdownlint-disable-next-line no-broken-links -->', '<p>fine</p>', '<!-- lint ignore valid-dates -->', LINKS[1] as string]) };
    expect(await lint(files)).toEqual(["10:13 no-broken-links 2 Link target 'gone2.md' does not exist"]);
    expect(await lint(files, ['--report-unused-suppressions'])).toEqual([
      "7:1 - 1 Suppression comment 'markdownlint-disable-next-line no-broken-links' silences nothing here",
      "9:1 - 1 Suppression comment 'lint ignore valid-dates' silences nothing here",
      "10:13 no-broken-links 2 Link target 'gone2.md' does not exist",
    ]);
  });
});
