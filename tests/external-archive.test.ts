/**
 * Dead links repaired from the web archive (no-dead-urls with `external.archive` on), against a local fake of the
 * Wayback Machine's availability and CDX APIs on 127.0.0.1, which also serves the "dead" pages. The timestamp asked
 * for is the article's date (dateline, original URL, front matter, commit); a snapshot too far from it is not a fix;
 * web-archive links are checked as snapshots; lookups are cached, found or not; `--fix-unsafe` rewrites exactly the
 * dead link's URL; one request at a time to the archive, `Retry-After` honoured. Host names resolve through a mocked
 * `node:dns/promises` that knows none; nothing reaches the internet.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { run as runTree, tree } from './helpers/tree.js';

/**
 * The fixtures' configs let checks reach 127.0.0.1 (`external.allowHosts`, the archive endpoints): honoured
 * outside CI with a warning (tests/security.test.ts proves it), left out of these comparisons.
 */
async function run(...args: Parameters<typeof runTree>): ReturnType<typeof runTree> {
  const r = await runTree(...args);
  return { ...r, stderr: r.stderr.replace(/^archive-lint: warning: .*' lowers a guard; .*\n/gm, '') };
}
import { gitEnv, gitSpawn } from './helpers/git.js';
import { lint } from '../src/rule-set.js';
import { loadConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import type { LintMessage, LintResult } from '../src/types.js';

vi.mock('node:dns/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns/promises')>();
  const lookup = async (name: string) => {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND', hostname: name });
  };
  return { ...real, lookup, default: { ...real, lookup } };
});

interface Fake {
  /** `127.0.0.1:PORT`. */
  host: string;
  origin: string;
  /** Every request: method, path and query. */
  hits: { method: string; path: string; query: URLSearchParams; at: number }[];
  /** Snapshots the availability API knows, by URL asked: the closest's timestamp (and status), or none. */
  available: Map<string, { timestamp: string; status?: string }>;
  /** Rows the CDX API knows, by URL asked. */
  cdx: Map<string, string>;
  /** Answers the availability API gives first, before its real ones (429 with Retry-After…). */
  before: { code: number; headers?: Record<string, string> }[];
  /** Most availability requests in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

const fakes: Fake[] = [];
const dirs: string[] = [];

afterEach(async () => {
  while (fakes.length) await (fakes.pop() as Fake).close();
  while (dirs.length) rmSync(dirs.pop() as string, { recursive: true, force: true });
});

async function fake(delayMs = 0): Promise<Fake> {
  let inFlight = 0;
  const f = { hits: [], available: new Map(), cdx: new Map(), before: [], maxInFlight: 0 } as unknown as Fake;
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    f.hits.push({ method: req.method ?? '', path: u.pathname, query: u.searchParams, at: Date.now() });
    if (u.pathname === '/wayback/available') {
      inFlight++;
      f.maxInFlight = Math.max(f.maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        const first = f.before.shift();
        if (first) return res.writeHead(first.code, first.headers).end();
        const url = u.searchParams.get('url') as string;
        const s = f.available.get(url);
        const closest = s ? { closest: { available: true, status: s.status ?? '200', timestamp: s.timestamp, url: `http://web.archive.org/web/${s.timestamp}/${url}` } } : {};
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url, archived_snapshots: closest }));
      }, delayMs);
      return;
    }
    if (u.pathname === '/cdx') {
      const url = u.searchParams.get('url') as string;
      const ts = f.cdx.get(url);
      res.writeHead(200, { 'content-type': 'application/json' }).end(ts ? JSON.stringify([['timestamp', 'original', 'statuscode'], [ts, url, '200']]) : '[]');
      return;
    }
    if (u.pathname === '/ok') return res.writeHead(200).end('fine');
    if (u.pathname === '/gone-410') return res.writeHead(410).end();
    if (u.pathname === '/error') return res.writeHead(500).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  f.host = `127.0.0.1:${port}`;
  f.origin = `http://${f.host}`;
  f.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  fakes.push(f);
  return f;
}

function config(f: Fake, archive: Record<string, unknown> = {}): string {
  return JSON.stringify({
    external: { allowHosts: ['127.0.0.1'], retries: 0, timeoutMs: 5000, archive: { enabled: true, endpoint: `${f.origin}/wayback/available`, cdxEndpoint: `${f.origin}/cdx`, ...archive } },
  });
}

const ONLY = ['--rule', 'no-broken-links=off', '--rule', 'valid-dates=off', '--rule', 'no-raw-html=off', '--rule', 'no-missing-images=off'];

function messages(stdout: string): (LintMessage & { file: string })[] {
  return (JSON.parse(stdout) as LintResult[]).flatMap((r) => r.messages.map((m) => ({ ...m, file: r.filePath.split('/').slice(-1)[0] as string })));
}

const lookupsOf = (f: Fake) => f.hits.filter((h) => h.path === '/wayback/available').map((h) => `${(h.query.get('url') as string).replace(f.host, 'A')} @${h.query.get('timestamp') as string}`);

/** Replace the fake's host in a text by `A`. */
const anon = (f: Fake, s: string | undefined) => (s ?? '').replaceAll(f.host, 'A');

describe('the timestamp asked for is the article date', () => {
  it("a dateline's date, said in the message with the snapshot's distance from it, and the snapshot as an unsafe fix", async () => {
    const f = await fake();
    f.available.set(`${f.origin}/gone`, { timestamp: '20190310120000' });
    const text = `# News\n\n【大纪元2019年03月04日讯】 Text of the article.\n\nAs [the ministry said](${f.origin}/gone) yesterday.\n`;
    const root = tree({ 'archive-lint.config.json': config(f), 'a.md': text });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(lookupsOf(f)).toEqual(['http://A/gone @20190304']);
    const [m, ...rest] = messages(r.stdout);
    expect(rest).toEqual([]);
    expect(anon(f, m?.message)).toBe(
      "URL http://A/gone is dead (answered 404 Not Found); the web archive's snapshot of 2019-03-10 is 6 days after the article's date 2019-03-04 (from its dateline): https://web.archive.org/web/20190310120000/http://A/gone",
    );
    expect([m?.line, m?.column, m?.endColumn, m?.severity]).toEqual([5, 24, 24 + f.origin.length + 5, 2]);
    expect(m?.fix).toBeUndefined();
    const start = text.indexOf(f.origin);
    expect(m?.suggestions?.[0]?.fix).toEqual({
      range: [start, start + f.origin.length + 5],
      text: `https://web.archive.org/web/20190310120000/${f.origin}/gone "Original: ${f.origin}/gone"`,
    });
  });

  it('else the date in the original URL, else the front matter, else the commit that added the file', async () => {
    const f = await fake();
    const root = tree({
      'archive-lint.config.json': config(f),
      // The original URL's date comes before the front matter's.
      'by-url.md': `---\noriginal_url: https://www.epochtimes.com/gb/18/7/9/n10553123.htm\ndate: 2001-01-01\n---\n\n[x](${f.origin}/a)\n`,
      'by-front-matter.md': `---\ntitle: B\ndate: 2016-02-29\n---\n\n[x](${f.origin}/b)\n`,
      'by-commit.md': `# C\n\n[x](${f.origin}/c)\n`,
      'by-nothing.md': `# D\n\n[x](${f.origin}/d)\n`,
      'both.md': `---\ndate: 2001-01-01\n---\n\n【看中国2020年1月2日讯】 and [x](${f.origin}/e)\n`,
    });
    const git = (args: string[], env: Record<string, string> = {}) => {
      const r = gitSpawn(root, args, { ...gitEnv(), ...env });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    };
    git(['init', '-q']);
    git(['add', 'by-commit.md'], {});
    git(['commit', '-qm', 'added'], { GIT_COMMITTER_DATE: '2015-06-07T10:00:00Z', GIT_AUTHOR_DATE: '2015-06-07T10:00:00Z' });
    git(['commit', '-q', '--allow-empty', '-m', 'later'], { GIT_COMMITTER_DATE: '2016-01-01T10:00:00Z' });
    const r = await run(root, ['check', '.', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    expect(r.stderr).toBe('');
    expect(lookupsOf(f).sort()).toEqual(['http://A/a @20180709', 'http://A/b @20160229', 'http://A/c @20150607', 'http://A/e @20200102']);
    const byFile = Object.fromEntries(messages(r.stdout).map((m) => [m.file, anon(f, m.message)]));
    expect(byFile['by-url.md']).toBe("URL http://A/a is dead (answered 404 Not Found); the web archive has no snapshot of it (asked for the article's date 2018-07-09, from its original URL)");
    expect(byFile['by-front-matter.md']).toContain("(asked for the article's date 2016-02-29, from its front matter)");
    expect(byFile['by-commit.md']).toContain("(asked for the article's date 2015-06-07, from the commit that added the file)");
    expect(byFile['both.md']).toContain('from its dateline');
    expect(byFile['by-nothing.md']).toBe(
      'URL http://A/d is dead (answered 404 Not Found); the web archive was not asked: the article has no date (no dateline, no date in its original URL, path or front matter, and no commit added it)',
    );
  });
});

describe('what is dead and what is not', () => {
  it('410 and a host that no longer resolves are dead; 500, timeouts and working URLs are not looked up', async () => {
    const f = await fake();
    f.available.set(`${f.origin}/gone-410`, { timestamp: '20190305000000' });
    f.available.set('http://closed.example/story', { timestamp: '20190306000000' });
    const root = tree({
      'archive-lint.config.json': config(f, {}),
      'a.md': `# A\n\n【大纪元2019年03月04日讯】\n\n[a](${f.origin}/gone-410) [b](${f.origin}/error) [c](${f.origin}/ok) [d](http://closed.example/story)\n`,
    });
    const loaded = await loadConfig(root, undefined, rules, { 'no-broken-links': 0, 'valid-dates': 0, 'no-raw-html': 0 });
    const resolve = async (name: string) => {
      if (name === 'closed.example') throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const report = await lint({ root, config: loaded, external: { settings: { ...loaded.external, allowPrivateHosts: true }, resolve } });
    const found = (report.results[0]?.messages ?? []).filter((m) => m.ruleId === 'no-dead-urls').map((m) => anon(f, m.message));
    expect(found).toEqual([
      "URL http://A/gone-410 is dead (answered 410 Gone); the web archive's snapshot of 2019-03-05 is 1 day after the article's date 2019-03-04 (from its dateline): https://web.archive.org/web/20190305000000/http://A/gone-410",
      'URL http://A/error answered 500 Internal Server Error',
      "URL http://closed.example/story is dead (host not found (ENOTFOUND)); the web archive's snapshot of 2019-03-06 is 2 days after the article's date 2019-03-04 (from its dateline): https://web.archive.org/web/20190306000000/http://closed.example/story",
    ]);
    expect(lookupsOf(f).sort()).toEqual(['http://A/gone-410 @20190304', 'http://closed.example/story @20190304']);
    expect(report.external?.archive).toEqual({ lookups: 2, requests: 2, cached: 0, found: 2, missing: 0, failed: 0 });
  });
});

describe('distance', () => {
  it('a snapshot further than maxDistanceDays is named but never applied', async () => {
    const f = await fake();
    f.available.set(`${f.origin}/gone`, { timestamp: '20210101000000' });
    const text = `# A\n\n【大纪元2019年03月04日讯】 [x](${f.origin}/gone)\n`;
    const root = tree({ 'archive-lint.config.json': config(f, { maxDistanceDays: 30 }), 'a.md': text });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    const [m] = messages(r.stdout);
    expect(anon(f, m?.message)).toBe(
      "URL http://A/gone is dead (answered 404 Not Found); the web archive's closest snapshot, of 2021-01-01, is 669 days after the article's date 2019-03-04 (from its dateline), over external.archive.maxDistanceDays (30), so it is not offered as a fix: https://web.archive.org/web/20210101000000/http://A/gone",
    );
    expect(m?.suggestions).toBeUndefined();
    const fixed = await run(root, ['check', '--external', '--no-cache', '--fix-unsafe', ...ONLY]);
    expect(fixed.code).toBe(1);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(text);
  });

  it('a snapshot as far before the article as maxDistanceDays is far too (the distance has no sign)', async () => {
    const f = await fake();
    f.available.set(`${f.origin}/gone`, { timestamp: '20170101000000' });
    const text = `# A\n\n【大纪元2019年03月04日讯】 [x](${f.origin}/gone)\n`;
    const root = tree({ 'archive-lint.config.json': config(f, { maxDistanceDays: 30 }), 'a.md': text });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    const [m] = messages(r.stdout);
    expect(anon(f, m?.message)).toBe(
      "URL http://A/gone is dead (answered 404 Not Found); the web archive's closest snapshot, of 2017-01-01, is 792 days before the article's date 2019-03-04 (from its dateline), over external.archive.maxDistanceDays (30), so it is not offered as a fix: https://web.archive.org/web/20170101000000/http://A/gone",
    );
    expect(m?.suggestions).toBeUndefined();
  });

  it('a snapshot within the default year is offered; a capture that is not a 200 sends the lookup to the CDX API', async () => {
    const f = await fake();
    // The availability API's closest capture is the page's own 404; the CDX API has a 200 capture.
    f.available.set(`${f.origin}/gone`, { timestamp: '20190304000000', status: '404' });
    f.cdx.set(`${f.origin}/gone`, '20181201000000');
    // Nothing at all in the availability API; the CDX API has it.
    f.cdx.set(`${f.origin}/missed`, '20190401000000');
    const root = tree({ 'archive-lint.config.json': config(f), 'a.md': `# A\n\n【大纪元2019年03月04日讯】 [x](${f.origin}/gone) [y](${f.origin}/missed)\n` });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    expect(messages(r.stdout).map((m) => anon(f, m.suggestions?.[0]?.fix.text))).toEqual([
      'https://web.archive.org/web/20181201000000/http://A/gone "Original: http://A/gone"',
      'https://web.archive.org/web/20190401000000/http://A/missed "Original: http://A/missed"',
    ]);
    const cdx = f.hits.filter((h) => h.path === '/cdx');
    expect(cdx.map((h) => [anon(f, h.query.get('url') ?? ''), h.query.get('closest'), h.query.get('filter'), h.query.get('sort'), h.query.get('limit')])).toEqual([
      ['http://A/gone', '20190304', 'statuscode:200', 'closest', '1'],
      ['http://A/missed', '20190304', 'statuscode:200', 'closest', '1'],
    ]);
  });
});

describe('links already into the web archive', () => {
  it('are checked as snapshots: the original URL is never requested nor reported dead; a missing snapshot is an error', async () => {
    const f = await fake();
    f.available.set(`${f.origin}/old-page`, { timestamp: '20150101000000' });
    const root = tree({
      'archive-lint.config.json': config(f),
      'a.md': [
        '# A',
        '',
        `[kept](https://web.archive.org/web/20150101000000/${f.origin}/old-page)`,
        `[raw](http://web.archive.org/web/20150102000000id_/${f.origin}/old-page)`,
        `[never](https://web.archive.org/web/2015/${f.origin}/never-archived)`,
        `[far](https://web.archive.org/web/20100101000000/${f.origin}/old-page)`,
        '',
      ].join('\n'),
    });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    expect(messages(r.stdout).map((m) => [m.line, m.severity, anon(f, m.message)])).toEqual([
      [5, 2, `Web-archive link https://web.archive.org/web/2015/http://A/never-archived: the web archive has no snapshot of http://A/never-archived`],
      [6, 1, `Web-archive link https://web.archive.org/web/20100101000000/http://A/old-page: the closest snapshot of http://A/old-page is of 2015-01-01, 1826 days from 2010-01-01, over external.archive.maxDistanceDays (365)`],
    ]);
    expect(f.hits.filter((h) => h.path !== '/wayback/available' && h.path !== '/cdx')).toEqual([]);
    expect(lookupsOf(f).sort()).toEqual(['http://A/never-archived @2015', 'http://A/old-page @20100101000000', 'http://A/old-page @20150101000000', 'http://A/old-page @20150102000000']);
  });

  it('with external.archive off, a web-archive link is an ordinary URL', async () => {
    const f = await fake();
    const root = tree({ 'archive-lint.config.json': config(f, { enabled: false }), 'a.md': `# A\n\n【大纪元2019年03月04日讯】 [x](${f.origin}/gone)\n` });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    expect(messages(r.stdout).map((m) => anon(f, m.message))).toEqual(['URL http://A/gone answered 404 Not Found']);
    expect(lookupsOf(f)).toEqual([]);
  });
});

describe('the URL cache', () => {
  it('keeps lookups, found or not, for archive.cacheTtl: a second run asks the archive nothing', async () => {
    const f = await fake();
    f.available.set(`${f.origin}/gone`, { timestamp: '20190310120000' });
    const root = tree({
      'archive-lint.config.json': config(f),
      'a.md': `# A\n\n【大纪元2019年03月04日讯】 [x](${f.origin}/gone) [y](${f.origin}/never)\n`,
    });
    const cache = join(root, 'cache-here');
    const args = ['check', '--external', '--cache-location', cache, '--format', 'json', ...ONLY];
    const first = await run(root, args);
    expect(lookupsOf(f).length).toBe(2);
    expect(first.code).toBe(1);
    const entries = (JSON.parse(readFileSync(join(cache, 'urls.json'), 'utf8')) as { entries: Record<string, unknown> }).entries;
    expect(Object.entries(entries).filter(([k]) => k.startsWith('ARCHIVE')).map(([k, v]) => [anon(f, k), { ...(v as object), checkedAt: 0 }])).toEqual([
      ['ARCHIVE http://A/gone 20190304', { status: 'archive', found: { timestamp: '20190310120000', original: `${f.origin}/gone` }, checkedAt: 0 }],
      ['ARCHIVE http://A/gone 20190310120000', { status: 'archive', found: { timestamp: '20190310120000', original: `${f.origin}/gone` }, checkedAt: 0 }],
      ['ARCHIVE http://A/never 20190304', { status: 'archive', checkedAt: 0 }],
    ]);
    f.hits.length = 0;
    const second = await run(root, args);
    expect(messages(second.stdout)).toEqual(messages(first.stdout));
    expect(lookupsOf(f)).toEqual([]);
    // The dead pages are asked again (failures are never cached); the archive is not.
    expect(f.hits.map((h) => h.path).sort()).toEqual(['/gone', '/gone', '/never', '/never']);
    // The audit's summary counts the lookups.
    const audit = await run(root, ['audit', '.', '--cache-location', cache, ...ONLY]);
    expect(audit.stdout).toMatch(/^External URLs: 2 unique of 2 links and images, 4 requests \(0 retries\) in \d+\.\d s: broken 2; slowest hosts 127\.0\.0\.1 \d\.\d s\. Web archive: 2 lookups \(2 from the cache, 0 requests\): found 1, none 1\.$/m);
    // An expired lookup is asked again.
    writeFileSync(join(root, 'archive-lint.config.json'), config(f, { cacheTtl: '0s' }));
    f.hits.length = 0;
    await run(root, args);
    expect(lookupsOf(f).length).toBe(2);
  });
});

describe('--fix-unsafe', () => {
  const page = (origin: string) =>
    [
      '---',
      'date: 2019-03-04',
      '---',
      '',
      `Inline [a](${origin}/gone), titled [b](${origin}/gone "Said"), bracketed [c](<${origin}/gone>),`,
      `autolink <${origin}/gone>, bare ${origin}/gone and working [d](${origin}/ok).`,
      '',
      `<p><a href="${origin}/gone">e</a> <a href='${origin}/gone' title="t">f</a></p>`,
      '',
      `[ref]: ${origin}/gone`,
      `[titled-ref]: ${origin}/gone 'T'`,
      '',
      'Use [ref] and [titled-ref].',
      '',
    ].join('\n');

  it('rewrites exactly the dead URLs (keepOriginal none): every other byte stays', async () => {
    const f = await fake();
    f.available.set(`${f.origin}/gone`, { timestamp: '20190310120000' });
    const before = page(f.origin);
    const root = tree({ 'archive-lint.config.json': config(f, { keepOriginal: 'none' }), 'a.md': before });
    const r = await run(root, ['check', '--external', '--no-cache', '--fix-unsafe', '--format', 'json', ...ONLY]);
    expect(r.stderr).toBe('archive-lint: fixed 1 file (9 fixes)\n');
    const snap = `https://web.archive.org/web/20190310120000/${f.origin}/gone`;
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(before.replaceAll(`${f.origin}/gone`, snap));
    // After the fix, the snapshots are checked as such (the lookup already made says they exist): nothing is left.
    expect(messages(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
    expect(lookupsOf(f)).toEqual(['http://A/gone @20190304']);
  });

  it('keeps the original as a title where the link has none (default)', async () => {
    const f = await fake();
    f.available.set(`${f.origin}/gone`, { timestamp: '20190310120000' });
    const root = tree({ 'archive-lint.config.json': config(f), 'a.md': page(f.origin) });
    const dry = await run(root, ['check', '--external', '--no-cache', '--fix-dry-run', '--fix-unsafe', ...ONLY]);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(page(f.origin));
    await run(root, ['check', '--external', '--no-cache', '--fix-unsafe', ...ONLY]);
    const after = readFileSync(join(root, 'a.md'), 'utf8').replaceAll(f.origin, 'http://A');
    const S = 'https://web.archive.org/web/20190310120000/http://A/gone';
    expect(after).toBe(
      [
        '---',
        'date: 2019-03-04',
        '---',
        '',
        `Inline [a](${S} "Original: http://A/gone"), titled [b](${S} "Said"), bracketed [c](<${S}> "Original: http://A/gone"),`,
        `autolink <${S}>, bare ${S} and working [d](http://A/ok).`,
        '',
        `<p><a href="${S}" title="Original: http://A/gone">e</a> <a href='${S}' title="t">f</a></p>`,
        '',
        `[ref]: ${S} "Original: http://A/gone"`,
        `[titled-ref]: ${S} 'T'`,
        '',
        'Use [ref] and [titled-ref].',
        '',
      ].join('\n'),
    );
    // The dry run showed the same change as a diff, and wrote nothing.
    expect(dry.stdout.replaceAll(f.origin, 'http://A')).toContain(`+Inline [a](${S} "Original: http://A/gone"), titled [b](${S} "Said")`);
  });

  it('or as a note after the link (keepOriginal note), in code so that it is no link of its own', async () => {
    const f = await fake();
    f.available.set(`${f.origin}/gone`, { timestamp: '20190310120000' });
    const root = tree({ 'archive-lint.config.json': config(f, { keepOriginal: 'note' }), 'a.md': page(f.origin) });
    await run(root, ['check', '--external', '--no-cache', '--fix-unsafe', ...ONLY]);
    const after = readFileSync(join(root, 'a.md'), 'utf8').replaceAll(f.origin, 'http://A');
    const S = 'https://web.archive.org/web/20190310120000/http://A/gone';
    const N = ' (original: `http://A/gone`)';
    expect(after.split('\n').slice(4, 10)).toEqual([
      `Inline [a](${S})${N}, titled [b](${S} "Said")${N}, bracketed [c](<${S}>)${N},`,
      `autolink <${S}>${N}, bare ${S}${N} and working [d](http://A/ok).`,
      '',
      `<p><a href="${S}" title="Original: http://A/gone">e</a> <a href='${S}' title="t">f</a></p>`,
      '',
      `[ref]: ${S} "Original: http://A/gone"`,
    ]);
    // A second run finds nothing to fix, and asks the archive nothing new for the notes.
    f.hits.length = 0;
    const again = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    expect(messages(again.stdout)).toEqual([]);
  });
});

describe('politeness', () => {
  it('one request at a time to the archive by default, and Retry-After honoured', async () => {
    const f = await fake(30);
    f.before.push({ code: 429, headers: { 'retry-after': '1' } });
    for (const k of [1, 2, 3, 4]) f.available.set(`${f.origin}/gone${k}`, { timestamp: '20190310120000' });
    const root = tree({
      'archive-lint.config.json': JSON.stringify({ external: { allowHosts: ['127.0.0.1'], retries: 1, timeoutMs: 5000, archive: { enabled: true, endpoint: `${f.origin}/wayback/available`, cdxEndpoint: '' } } }),
      'a.md': `# A\n\n【大纪元2019年03月04日讯】 ${[1, 2, 3, 4].map((k) => `[x](${f.origin}/gone${k})`).join(' ')}\n`,
    });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    expect(messages(r.stdout).filter((m) => m.suggestions).length).toBe(4);
    const asked = f.hits.filter((h) => h.path === '/wayback/available');
    expect(asked.length).toBe(5);
    expect(f.maxInFlight).toBe(1);
    // The request after the 429 waited the second it asked for.
    expect((asked[1] as { at: number }).at - (asked[0] as { at: number }).at).toBeGreaterThanOrEqual(950);
  });

  it('an archive that cannot be reached is asked once, and said in the message', async () => {
    const f = await fake();
    const root = tree({
      'archive-lint.config.json': JSON.stringify({ external: { allowHosts: ['127.0.0.1'], retries: 0, archive: { enabled: true, endpoint: 'http://127.0.0.1:1/wayback/available', cdxEndpoint: '' } } }),
      'a.md': `# A\n\n【大纪元2019年03月04日讯】 [x](${f.origin}/gone) [y](${f.origin}/gone2)\n`,
    });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY]);
    const found = messages(r.stdout).map((m) => anon(f, m.message));
    expect(found[0]).toMatch(/^URL http:\/\/A\/gone is dead \(answered 404 Not Found\); its web-archive snapshot is unknown: the web archive cannot be reached: .*ECONNREFUSED/);
    expect(found.length).toBe(2);
  });
});

describe('config', () => {
  it("accepts the contract's archive block and refuses a wrong keepOriginal", async () => {
    const root = tree({
      'archive-lint.config.json': JSON.stringify({ external: { archive: { enabled: false, endpoint: 'https://archive.org/wayback/available', maxDistanceDays: 365 } } }),
      'a.md': '# A\n',
    });
    expect((await run(root, ['check', '--no-cache'])).code).toBe(0);
    writeFileSync(join(root, 'archive-lint.config.json'), JSON.stringify({ external: { archive: { keepOriginal: 'footnote' } } }));
    const bad = await run(root, ['check', '--no-cache']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('external.archive.keepOriginal');
  });
});

