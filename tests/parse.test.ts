/** Large files are parsed in pieces only where that gives the very tree of a whole parse. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import upstreamRemarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { describe, expect, it } from 'vitest';
import { baseProcessor, CHUNK_THRESHOLD, parseText, safeCuts } from '../src/core/parse/parse.js';

const fixturesDir = join(import.meta.dirname, '..', 'fixtures');

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

describe('the vendored compiler (src/core/parse/vendor/mdast-util-from-markdown)', () => {
  const ours = baseProcessor().freeze();
  const upstream = unified().use(upstreamRemarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

  it('gives the trees of remark-parse on every fixture, positions included', () => {
    const files = readdirSync(fixturesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(join(fixturesDir, f), 'utf8');
      expect(ours.parse(text), f).toEqual(upstream.parse(text));
    }
  });

  it('carries nothing from one document to the next (definitions, footnotes, lazy lines)', () => {
    const before = ['[ref]: /u\n\n[^1]: note\n\n> quote\nlazy\n', '[^1]: note\n'];
    const after = '[ref] and x[^1]\n\n> q\n';
    for (const first of before) {
      ours.parse(first);
      expect(ours.parse(after)).toEqual(upstream.parse(after));
    }
    expect(JSON.stringify(ours.parse(after))).not.toMatch(/linkReference|footnoteReference/);
  });

  it('gives the trees of remark-parse on generated Markdown (every construct, GFM and front matter)', () => {
    const piece = fc.constantFrom(
      '# h', '## h *e* **s** `c`', 'Setext\n===', 'para [l](u "t") ![i](s) <http://a.b> www.x.com a@b.co',
      '- a\n- b\n\n  c', '1. x\n2) y', '> quote\n> - list', '```js\ncode\n```', '    indented', '***', '---\nfm: 1\n---',
      '| a | b |\n| - | :-: |\n| 1 | 2 |', '~~del~~ ~one~', '- [ ] task\n- [x] done', 'x[^1]\n\n[^1]: note',
      '[ref]\n\n[ref]: /u', '<div>\n\n*md*\n\n</div>', '<ok href="a.md">x</ok> &nbsp; &#x4e2d; \\*', 'line  \nbreak\\\nhard',
      '<!-- c -->', '<p align=center>\n<img src=x>\n</p>', '* * *', '+ a\n+ b', 'a\r\nb\rc', '\t\ttab',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\n\n', '\r\n\r\n'), (pieces, sep) => {
        const text = pieces.join(sep);
        expect(ours.parse(text)).toEqual(upstream.parse(text));
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
