/**
 * The pure pieces of web-archive repairs: web-archive links, the archive's answers, the article's date, which URLs
 * are dead, and the fix for each way a link is written (positions and text exact).
 */
import { describe, expect, it } from 'vitest';
import { daysBetween, parseArchiveLink } from '../src/core/external/archive-link.js';
import { readAvailability, readCdx } from '../src/core/external/wayback.js';
import { isDead } from '../src/core/external/phase.js';
import { articleDate, compilePatterns, DEFAULT_DATELINES, DEFAULT_PATH_DATES } from '../src/core/parse/article-date.js';
import { fileRuns } from '../src/core/parse/runs.js';
import { baseProcessor, parseText } from '../src/core/parse/parse.js';
import { extract } from '../src/core/parse/extract.js';
import { applyFixes } from '../src/core/fix/fix.js';
import { snapshotFix } from '../rules/no-dead-urls/index.js';
import type { Reference } from '../src/types.js';

describe('parseArchiveLink', () => {
  it('reads the timestamp and the URL archived, with modifiers, without a scheme or with a slash lost', () => {
    expect(parseArchiveLink('https://web.archive.org/web/20190102030405/https://example.com/a?b=1')).toEqual({ timestamp: '20190102030405', original: 'https://example.com/a?b=1' });
    expect(parseArchiveLink('http://web.archive.org/web/20190102030405id_/http://example.com/')).toEqual({ timestamp: '20190102030405', original: 'http://example.com/' });
    expect(parseArchiveLink('https://web.archive.org/web/2019/example.com/x')).toEqual({ timestamp: '2019', original: 'http://example.com/x' });
    expect(parseArchiveLink('https://archive.org/web/20190102030405/http:/example.com/x')).toEqual({ timestamp: '20190102030405', original: 'http://example.com/x' });
    expect(parseArchiveLink('https://web.archive.org/web/*/example.com/*')).toBeUndefined();
    expect(parseArchiveLink('https://example.com/web/2019/x')).toBeUndefined();
  });

  it('daysBetween counts whole days, negative when the second is earlier', () => {
    expect(daysBetween('2019-03-04', '20190310')).toBe(6);
    expect(daysBetween('2020-03-01', '20200228')).toBe(-2);
    expect(daysBetween('2019-03-04', '2019')).toBe(-62);
  });
});

describe("the archive's answers", () => {
  it('availability: the closest snapshot, whether it is a 200 capture, none, or not its JSON', () => {
    const body = (closest: object) => JSON.stringify({ url: 'x', archived_snapshots: { closest } });
    expect(readAvailability(body({ available: true, status: '200', timestamp: '20190102030405', url: 'http://web.archive.org/web/20190102030405/https://example.com/' }))).toEqual({
      snapshot: { timestamp: '20190102030405', original: 'https://example.com/' },
      ok: true,
    });
    expect(readAvailability(body({ available: true, status: '302', timestamp: '20190102030405', url: 'http://web.archive.org/web/20190102030405/https://example.com/' }))).toMatchObject({ ok: false });
    expect(readAvailability(JSON.stringify({ url: 'x', archived_snapshots: {} }))).toBeUndefined();
    expect(readAvailability('<html>busy</html>')).toBe('unreadable');
    expect(readAvailability('{"error": "x"}')).toBe('unreadable');
  });

  it('CDX: the first row of the fields asked for, none, or not its JSON', () => {
    expect(readCdx('[["timestamp","original","statuscode"],["20190102030405","http://example.com/","200"]]')).toEqual({ timestamp: '20190102030405', original: 'http://example.com/' });
    expect(readCdx('[]')).toBeUndefined();
    expect(readCdx('')).toBeUndefined();
    expect(readCdx('nope')).toBe('unreadable');
  });
});

describe('isDead', () => {
  const base = { url: 'u', requests: 1, retries: 0 };
  it('404, 410 and a host name that does not resolve; not 403, 500, timeouts, refused connections nor a temporary DNS failure', () => {
    expect(isDead({ ...base, status: 'broken', code: 404 })).toBe(true);
    expect(isDead({ ...base, status: 'broken', code: 410 })).toBe(true);
    expect(isDead({ ...base, status: 'unreachable', reason: 'host not found (ENOTFOUND)' })).toBe(true);
    expect(isDead({ ...base, status: 'broken', code: 403 })).toBe(false);
    expect(isDead({ ...base, status: 'broken', code: 500 })).toBe(false);
    expect(isDead({ ...base, status: 'timeout', reason: 'no answer within 10000 ms' })).toBe(false);
    expect(isDead({ ...base, status: 'unreachable', reason: 'connection refused (ECONNREFUSED)' })).toBe(false);
    expect(isDead({ ...base, status: 'unreachable', reason: 'host not found (EAI_AGAIN)' })).toBe(false);
    expect(isDead({ ...base, status: 'rate-limited', code: 429 })).toBe(false);
  });
});

const processor = baseProcessor().freeze();

function facts(text: string, path = 'a.md') {
  return extract(parseText(processor, text), text, path);
}

function dateOf(text: string, path = 'a.md') {
  const x = facts(text, path);
  return articleDate({
    path,
    text,
    runs: () => fileRuns(text, x.textRanges, x.htmlScans),
    ...(x.facts.originalUrl ? { originalUrl: x.facts.originalUrl } : {}),
    datelines: compilePatterns(DEFAULT_DATELINES, 'gu'),
    pathDates: compilePatterns(DEFAULT_PATH_DATES, 'u'),
  });
}

describe("the article's date", () => {
  it('a dateline across inline markup, in raw HTML too; a two-digit or impossible one is skipped', () => {
    expect(dateOf('# T\n\n【[大纪元](https://e.com)2018年09月08日讯】 text\n')).toEqual({ date: '2018-09-08', source: 'dateline' });
    expect(dateOf('<p>\n 【看中国2020年9月15日讯】美国\n</p>\n')).toEqual({ date: '2020-09-15', source: 'dateline' });
    expect(dateOf('【大纪元18年09月08日讯】 and 【大纪元2018年02月30日讯】\n\n原文地址：https://www.epochtimes.com/gb/18/7/9/n1.htm\n')).toEqual({ date: '2018-07-09', source: 'original URL' });
  });

  it("the original URL's date comes before the path's", () => {
    expect(dateOf('# T\n\n原文地址：https://www.epochtimes.com/gb/18/7/9/n1.htm\n', 'news/2017/05/06/story.md')).toEqual({ date: '2018-07-09', source: 'original URL' });
  });

  it('then the path, then the front matter', () => {
    expect(dateOf('# T\n', 'news/2017/05/06/story.md')).toEqual({ date: '2017-05-06', source: 'path' });
    expect(dateOf('---\ndate: 2016-02-29T10:00:00Z\n---\n\n# T\n')).toEqual({ date: '2016-02-29', source: 'front matter' });
    expect(dateOf('---\ndate: 2015-02-29\n---\n\n# T\n')).toBeUndefined();
  });
});

/** The fix of the first external link reference, applied. */
function fixed(text: string, keep: 'title' | 'note' | 'none', snapshot = 'https://web.archive.org/web/20190310120000/http://x.example/a') {
  const ref = facts(text).facts.references.find((r) => r.type === 'link' && /^https?:/.test(r.url)) as Reference;
  const fix = snapshotFix(ref, snapshot, keep);
  return fix ? applyFixes(text, [fix]).text : undefined;
}

describe('snapshotFix', () => {
  const S = 'https://web.archive.org/web/20190310120000/http://x.example/a';
  it('an inline link: a title where it has none, else the URL alone; a note after it', () => {
    expect(fixed('See [t](http://x.example/a) now.\n', 'title')).toBe(`See [t](${S} "Original: http://x.example/a") now.\n`);
    expect(fixed('See [t](http://x.example/a "Said") now.\n', 'title')).toBe(`See [t](${S} "Said") now.\n`);
    expect(fixed('See [t](<http://x.example/a>) now.\n', 'note')).toBe(`See [t](<${S}>) (original: \`http://x.example/a\`) now.\n`);
    expect(fixed('See [t](http://x.example/a) now.\n', 'none')).toBe(`See [t](${S}) now.\n`);
  });

  it('a title quotes what must be quoted; a URL with parentheses or spaces is encoded', () => {
    expect(fixed('[t](http://x.example/a"b)\n', 'title', 'https://web.archive.org/web/2019/http://x.example/a"b')).toBe('[t](https://web.archive.org/web/2019/http://x.example/a%22b "Original: http://x.example/a\\"b")\n');
    expect(fixed('[t](http://x.example/(a))\n', 'none', 'https://web.archive.org/web/2019/http://x.example/(a)')).toBe('[t](https://web.archive.org/web/2019/http://x.example/%28a%29)\n');
  });

  it('autolinks and bare URLs: the snapshot URL alone, or a note', () => {
    expect(fixed('An <http://x.example/a> here.\n', 'title')).toBe(`An <${S}> here.\n`);
    expect(fixed('A http://x.example/a here.\n', 'note')).toBe(`A ${S} (original: \`http://x.example/a\`) here.\n`);
  });

  it('a definition gets a title, also in note mode; one with a title keeps it', () => {
    expect(fixed('[r]\n\n[r]: http://x.example/a\n', 'note')).toBe(`[r]\n\n[r]: ${S} "Original: http://x.example/a"\n`);
    expect(fixed("[r]\n\n[r]: <http://x.example/a> 'T'\n", 'title')).toBe(`[r]\n\n[r]: <${S}> 'T'\n`);
  });

  it('raw HTML: a title attribute where the element has none, entities written as HTML writes them', () => {
    expect(fixed('<a href="http://x.example/a?b=1&amp;c=2">t</a>\n', 'title', 'https://web.archive.org/web/2019/http://x.example/a?b=1&c=2')).toBe(
      '<a href="https://web.archive.org/web/2019/http://x.example/a?b=1&amp;c=2" title="Original: http://x.example/a?b=1&amp;c=2">t</a>\n',
    );
    expect(fixed("<a title='x' href='http://x.example/a'>t</a>\n", 'title')).toBe(`<a title='x' href='${S}'>t</a>\n`);
  });

  it('a URL written with escapes is not rewritten', () => {
    const ref = facts('[t](http://x.example/a\\_b)\n').facts.references[0] as Reference;
    expect(ref.url).toBe('http://x.example/a_b');
    expect(snapshotFix(ref, S, 'title')).toBeUndefined();
  });
});
