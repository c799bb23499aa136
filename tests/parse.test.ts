/** Large files are parsed in pieces only where that gives the very tree of a whole parse. */
import { describe, expect, it } from 'vitest';
import { baseProcessor, CHUNK_THRESHOLD, parseText, safeCuts } from '../src/core/parse.js';

function big(extra = ''): string {
  const parts: string[] = [];
  let i = 0;
  while (parts.join('').length < CHUNK_THRESHOLD * 1.5) {
    parts.push(
      `#### [标题 ${i}](../pages/p${i}.md?t=1)\r\n\r\n----\n`,
      `Paragraph ${i} with *emphasis* and <ok href="x${i}.md">raw</ok>.\n\n`,
      i % 50 === 0 ? '```\n\n# not a heading, inside code\n\n```\n\n' : '',
      i % 70 === 0 ? '<pre>\n\n# inside pre\n\n</pre>\n\n' : '',
      i % 90 === 0 ? '- item\n\n  continued\n\n' : '',
      i % 40 === 0 ? 'lone\rcarriage return\n\n' : '',
    );
    i++;
  }
  return parts.join('') + extra;
}

describe('parseText', () => {
  const processor = baseProcessor().freeze();

  it('cuts a large text and gives the tree of a whole parse, positions included', () => {
    const text = big();
    expect(safeCuts(text).length).toBeGreaterThan(2);
    expect(parseText(processor, text)).toEqual(processor.parse(text));
  });

  it('does not cut a text with link reference definitions (they reach across the document)', () => {
    const text = big('\n[ref]: https://example.com\n');
    expect(safeCuts(text)).toEqual([]);
  });

  it('leaves small texts alone', () => {
    expect(parseText(processor, '# a\n\ntext\n')).toEqual(processor.parse('# a\n\ntext\n'));
  });
});
