/**
 * no-raw-html's fixes depend on where the archive is published (`FileContext.site`). GitHub strips `class` and
 * `style` and drops `<center>` (keeping its text), so conversions that drop them are safe there; mdBook, MkDocs
 * and Jekyll keep them for their stylesheets, so there the same conversions are unsafe fixes.
 */
import { describe, expect, it } from 'vitest';
import { check, type Options } from '../rules/no-raw-html/index.js';
import { parseMarkdown } from '../src/core/parse/parse.js';
import { extract } from '../src/core/parse/extract.js';
import { lineStarts } from '../src/core/walk/text.js';
import type { FileContext, Site } from '../src/core/parse/rule.js';

function context(text: string, site?: Site): FileContext {
  const { facts, htmlScans, textRanges } = extract(parseMarkdown(text), text, 'page.md');
  const ctx: FileContext = { root: '/archive', path: 'page.md', text, lineStarts: lineStarts(text), facts, htmlScans, textRanges, mirrors: {}, engine: false };
  if (site) ctx.site = site;
  return ctx;
}

/** Each message with its fix: kind and the fixed text of the file when only that fix is applied. */
function fixes(text: string, site?: Site, options: Options = {}) {
  return check(context(text, site), options)
    .filter((p) => p.fix)
    .map((p) => {
      const [a, b] = p.fix?.range as [number, number];
      return { messageId: p.messageId, kind: p.fixKind ?? 'safe', fixed: text.slice(0, a) + (p.fix?.text ?? '') + text.slice(b) };
    });
}

const SPAN = 'Save it as <span class="filename">notes.txt</span> first.\n';
const IMAGE = 'A chart: <img class="center" style="width: 50%;" src="chart.png" alt="chart"> here.\n';
const BLOCK = '<div class="note"><p>A <span class="filename">file</span> and <b>bold</b>.</p></div>\n';
const CENTER = '<center><p>Centred</p></center>\n';
const PLAIN = '<div><p>No attributes: <b>bold</b>, <span>plain</span>.</p></div>\n';

describe('no-raw-html fixes by publishing site', () => {
  it('on GitHub (and with no site), dropping class and style is safe', () => {
    for (const site of [undefined, 'github'] as const) {
      expect(fixes(SPAN, site)).toEqual([{ messageId: 'wrapper', kind: 'safe', fixed: 'Save it as notes.txt first.\n' }]);
      expect(fixes(IMAGE, site)).toEqual([{ messageId: 'markdownForm', kind: 'safe', fixed: 'A chart: ![chart](chart.png) here.\n' }]);
      expect(fixes(BLOCK, site)).toEqual([{ messageId: 'wrapper', kind: 'safe', fixed: 'A file and **bold**.\n' }]);
      expect(fixes(CENTER, site)).toEqual([{ messageId: 'wrapper', kind: 'safe', fixed: 'Centred\n' }]);
      expect(fixes('A <b class="lead">bold</b> word.\n', site)).toEqual([{ messageId: 'markdownForm', kind: 'safe', fixed: 'A **bold** word.\n' }]);
    }
  });

  for (const site of ['mdbook', 'mkdocs', 'jekyll'] as const) {
    it(`on ${site}, a conversion that drops class, style or <center> is unsafe`, () => {
      expect(fixes(SPAN, site)).toEqual([{ messageId: 'wrapper', kind: 'unsafe', fixed: 'Save it as notes.txt first.\n' }]);
      expect(fixes(IMAGE, site)).toEqual([{ messageId: 'markdownForm', kind: 'unsafe', fixed: 'A chart: ![chart](chart.png) here.\n' }]);
      expect(fixes(BLOCK, site)).toEqual([{ messageId: 'wrapper', kind: 'unsafe', fixed: 'A file and **bold**.\n' }]);
      expect(fixes(CENTER, site)).toEqual([{ messageId: 'wrapper', kind: 'unsafe', fixed: 'Centred\n' }]);
    });

    it(`on ${site}, <b> or <em> with one attribute the site keeps is an unsafe fix`, () => {
      expect(fixes('A <b class="lead">bold</b> word.\n', site)).toEqual([{ messageId: 'markdownForm', kind: 'unsafe', fixed: 'A **bold** word.\n' }]);
      expect(fixes('An <em class="x">aside</em> here.\n', site)).toEqual([{ messageId: 'markdownForm', kind: 'unsafe', fixed: 'An *aside* here.\n' }]);
    });

    it(`on ${site}, a conversion that drops nothing stays safe`, () => {
      expect(fixes(PLAIN, site)).toEqual([{ messageId: 'wrapper', kind: 'safe', fixed: 'No attributes: **bold**, plain.\n' }]);
      expect(fixes('A <b>bold</b> word and <span>plain</span> text.\n', site).map((f) => f.kind)).toEqual(['safe', 'safe']);
    });
  }

  it('unwrapping an unknown element with an href, or making a link of it, is unsafe everywhere', () => {
    const text = 'See <ok href="/term/1">word</ok>.\n';
    for (const site of [undefined, 'mdbook'] as const) {
      expect(fixes(text, site)).toEqual([{ messageId: 'disabledLink', kind: 'unsafe', fixed: 'See word.\n' }]);
      expect(fixes(text, site, { unknownWithHref: 'link' })).toEqual([{ messageId: 'disabledLink', kind: 'unsafe', fixed: 'See [word](/term/1).\n' }]);
    }
  });

  it('a link the conversion disabled is restored to its original-site URL when the page says where it came from', () => {
    const origin = '\n原文地址：https://www.epochtimes.com/gb/23/2/21/n1.htm\n';
    const inline = `See <ok href="/term/1">word</ok> and <span href="tag/x.html">tag</span>.\n${origin}`;
    expect(fixes(inline, undefined)).toEqual([
      { messageId: 'disabledLink', kind: 'unsafe', fixed: `See [word](https://www.epochtimes.com/term/1) and <span href="tag/x.html">tag</span>.\n${origin}` },
      { messageId: 'disabledLink', kind: 'unsafe', fixed: `See <ok href="/term/1">word</ok> and [tag](https://www.epochtimes.com/gb/23/2/21/tag/x.html).\n${origin}` },
    ]);
    // Inside an HTML block Markdown is not read: the link it was, as an <a>.
    const block = `<table><tr><td>\n <ok href="/term/2">\n  term\n </ok>\n</td></tr></table>\n${origin}`;
    expect(fixes(block, undefined).filter((f) => f.messageId === 'disabledLink')).toEqual([
      { messageId: 'disabledLink', kind: 'unsafe', fixed: `<table><tr><td>\n <a href="https://www.epochtimes.com/term/2">\n  term\n </a>\n</td></tr></table>\n${origin}` },
    ]);
  });
});
