/**
 * Property tests of --fix over generated Markdown with raw HTML, CJK text, dates, CRLF and a BOM:
 * after fixing, nothing fixable is left; fixing twice gives the same bytes; lines that no fix touched are
 * unchanged; a reader sees the same text and the same links before and after safe fixes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../src/rule-set.js';
import { resolveConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import { lineStarts, pointAt } from '../src/core/walk/text.js';
import { render } from './helpers/render.js';

const cjk = fc.constantFrom('大纪元', '中共病毒', '输出革命', '新闻', '第四章', '“引号”', '（括号）', '美国');
const word = fc.constantFrom('alpha', 'beta', 'text', 'x', 'a*b', '[y]', '#tag', '1.', 'under_score');
const phrase = fc.array(fc.oneof(cjk, word), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const inlineHtml = fc.oneof(
  phrase.map((p) => `<strong>${p}</strong>`),
  phrase.map((p) => `<b>${p}</b>`),
  phrase.map((p) => `<em>${p}</em>`),
  phrase.map((p) => `<ok href="pages/story.md">${p}</ok>`),
  phrase.map((p) => `<a href="https://example.com/${p.length}">${p}</a>`),
  phrase.map((p) => `<span>${p}</span>`),
  fc.constant('&nbsp;'),
  fc.constant('&ensp;'),
  fc.constant('<br/>'),
  fc.constant('<img src="img/qr.png" alt="qr">'),
  fc.constant('<img src="img/qr.png" width="200px"/>'),
  fc.constant('</ok>'),
  phrase.map((p) => `<strong><ok href="x.md">${p}</ok></strong>`),
  phrase.map((p) => `<a name="anchor">${p}</a>`),
  phrase.map((p) => `<strong>“${p}”</strong>`),
  phrase.map((p) => `<i> ${p} </i>`),
);
const date = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean()).map(([m, d, pad]) =>
  pad ? `2020年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日` : `2020年${m}月${d}日`,
);
const inlineLine = fc.array(fc.oneof(phrase, inlineHtml, date), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const htmlBlock = fc.array(fc.oneof(phrase, inlineHtml, date), { minLength: 1, maxLength: 4 }).map((parts) => `<div><p>\n ${parts.join('\n ')}\n</p></div>`);
const heading = phrase.map((p) => `## ${p}`);
const htmlHeading = phrase.map((p) => `<h3>${p}</h3>`);
const aligned = phrase.map((p) => `<p align="center">${p}</p>`);
const link = fc.constantFrom('[s](Pages/story.md)', '[s](pages/story.md)', '[q](../outside.md)');
const block = fc.oneof(inlineLine, htmlBlock, heading, link, htmlHeading, aligned);
const doc = fc.record({
  blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

function canonicalDates(s: string): string {
  return s.replace(/(\d{4})年0?(\d{1,2})月0?(\d{1,2})日/g, '$1年$2月$3日');
}

function onGithub(href: string): string {
  return new URL(href, 'https://github.com/o/r/blob/master/page.md').href.toLowerCase();
}

function fixable(results: Awaited<ReturnType<typeof lint>>['results']): number {
  return results.reduce((n, r) => n + r.messages.filter((m) => m.fix).length, 0);
}

describe('--fix properties', () => {
  it('holds for generated archives pages', async () => {
    const config = resolveConfig({}, undefined, rules);
    const repo = { owner: 'o', name: 'r', branch: 'master' };
    await fc.assert(
      fc.asyncProperty(doc, async ({ blocks, crlf, bom }) => {
        const root = mkdtempSync(join(tmpdir(), 'archive-lint-prop-'));
        try {
          mkdirSync(join(root, 'Pages'));
          writeFileSync(join(root, 'Pages/story.md'), '# Story\n');
          const eol = crlf ? '\r\n' : '\n';
          const text = (blocks.join('\n\n') + '\n').replace(/\n/g, eol);
          const file = join(root, 'page.md');
          writeFileSync(file, (bom ? '\ufeff' : '') + text);

          const first = await lint({ root, config, repo });
          const fixRanges = first.results.flatMap((r) => (r.filePath === file ? r.messages.flatMap((m) => (m.fix ? [m.fix.range] : [])) : []));

          const fixed = await lint({ root, config, repo, fix: { mode: 'safe', dryRun: false } });
          expect(fixed.runProblems).toEqual([]);
          const once = readFileSync(file);
          // Nothing fixable is left.
          expect(fixable(fixed.results)).toBe(0);
          // Fixing twice gives the same bytes.
          await lint({ root, config, repo, fix: { mode: 'safe', dryRun: false } });
          expect(readFileSync(file).equals(once)).toBe(true);

          const after = once.toString('utf8');
          // The BOM and the line endings are kept.
          expect(after.startsWith('\ufeff')).toBe(bom);
          if (!crlf) expect(after).not.toContain('\r');
          else expect(after.replace(/\r\n/g, '')).not.toContain('\n');
          // Lines that no fix touched are unchanged, in order.
          const starts = lineStarts(text);
          const touched = new Set<number>();
          for (const [a, b] of fixRanges) {
            for (let l = pointAt(starts, a).line; l <= pointAt(starts, b).line; l++) touched.add(l);
          }
          const afterLines = after.replace(/^\ufeff/, '').split(eol);
          let cursor = 0;
          text.split(eol).forEach((line, i) => {
            if (touched.has(i + 1) || line === '') return;
            const found = afterLines.indexOf(line, cursor);
            expect(found, `line ${i + 1} '${line}' is missing after fixing`).toBeGreaterThanOrEqual(0);
            cursor = found + 1;
          });
          // A reader sees the same text and the same links (zero-padding of dates is what valid-dates' safe fix
          // changes on purpose, so dates are compared by value).
          const before = render(text);
          const rendered = render(after.replace(/^\ufeff/, ''));
          expect(canonicalDates(rendered.text)).toBe(canonicalDates(before.text));
          // Links compare as GitHub resolves them; no-broken-links' fixes change the letter case or spell out
          // where GitHub already sends a link on purpose.
          expect(rendered.links.map(onGithub)).toEqual(before.links.map(onGithub));
          expect(rendered.images).toEqual(before.images);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 200, seed: 20261126 },
    );
  }, 120000);
});
