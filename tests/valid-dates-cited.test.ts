/** A dateline that cites another article is not this page's dateline (issue 23). */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { resolveConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import { tree } from './helpers/tree.js';

async function datelines(text: string): Promise<string[]> {
  const root = tree({ 'pages/2020-09-04/a.md': text });
  const { results } = await lint({ root, config: resolveConfig({ rules: { 'no-raw-html': 'off' } }, undefined, rules), concurrency: 1 });
  return results.flatMap((r) => r.messages.filter((m) => m.messageId === 'dateline').map((m) => `${m.line} ${m.message}`));
}

describe('datelines', () => {
  it("one that starts the page and disagrees with the path's date is reported", async () => {
    expect(await datelines('【明慧网2006年7月27日】消息。\n')).toEqual(["1 Dateline date 2006-07-27 disagrees with the date 2020-09-04 in the file's path"]);
  });

  it('one cited as another article\'s (详见【…】文章, 参见【…】) is not the page\'s', async () => {
    expect(await datelines('这件事详见【明慧网2006年7月27日】文章。\n')).toEqual([]);
    expect(await datelines('参见【明慧网2006年7月27日】。\n')).toEqual([]);
    expect(await datelines('【明慧网2006年7月27日】的报道说过。\n')).toEqual([]);
  });
});

describe('two-digit years', () => {
  async function kinds(text: string): Promise<string[]> {
    const root = tree({ 'a.md': text });
    const { results } = await lint({ root, config: resolveConfig({ rules: { 'no-raw-html': 'off' } }, undefined, rules), concurrency: 1 });
    return results.flatMap((r) => r.messages.map((m) => `${m.messageId} ${m.message}`));
  }
  it('after any text (中共21年3月3日) a two-digit year is read; after an era name (民国71年) it is the era\'s', async () => {
    expect(await kinds('中共21年3月3日开会。\n')).toEqual(["twoDigitYear Date '21年3月3日' has a two-digit year; expected four digits"]);
    expect(await kinds('民国71年3月3日开会。\n')).toEqual([]);
  });
});

describe('dates in Chinese numerals', () => {
  it('are read: 二零一四年九月三十一日 does not exist, 二零一四年九月三十日 does', async () => {
    const root = tree({ 'a.md': '他在二零一四年九月三十一日被捕，二零一四年九月三十日获释。\n' });
    const { results } = await lint({ root, config: resolveConfig({ rules: { 'no-raw-html': 'off' } }, undefined, rules), concurrency: 1 });
    expect(results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.message}`))).toEqual(["1:3 Date '二零一四年九月三十一日' does not exist: September has 30 days"]);
  });
});
