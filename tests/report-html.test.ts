/**
 * The audit's HTML report. Its compact store of findings is unpacked here as the page's script does and must give
 * back every message of the JSON report exactly; then the page itself is opened in headless Chromium (Debian's
 * `chromium`, driven by playwright-core: no browser is downloaded), which must show the JSON's totals, list and
 * filter the findings a page at a time, link each to its file, log no error and request nothing. A screenshot is
 * saved to .scratch/report-html.png (git-ignored). Without Chromium the browser part is skipped with a message on
 * a developer's machine, and fails in CI (`.ci/run` installs it).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { run, tree } from './helpers/tree.js';
import { html } from '../src/formatters/html.js';
import { makeResult } from '../src/core/report/results.js';
import { rules } from '../rules/index.js';
import type { LintMessage, LintResult } from '../src/types.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const required = Boolean(process.env.CI);
const project = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOT = join(project, '.scratch', 'report-html.png');

/** An archive with problems of every rule, in several folders, more than one page of them, and awkward names. */
function fixture(): string {
  const files: Record<string, string> = {
    'index.md': '# Index\n\n[2019](pages/2019/a.md) [gone](pages/2019/gone.md) [site](/term/1)\n',
    'pages/2019/a.md': '# A\n\n[site](/term/1) [gone](gone.md) ![pic](missing.png)\n\n<center>centred</center>\n',
    'pages/2020/a b#c.md': "# Odd name\n\n[site](/term/1) <script>alert('x')</script>\n\n2020年2月30日\n",
    'pages/2020/quiet.md': '# Quiet\n\n<!-- lint disable no-broken-links -->\n[gone](nowhere.md)\n<!-- lint enable no-broken-links -->\n',
    'notes/clean.md': '# Clean\n\nNothing wrong here.\n',
  };
  // A folder of pages with leftover entities: more than one page of findings.
  for (let i = 0; i < 30; i++) files[`pages/2021/p${i}.md`] = `# Page ${i}\n\n${'a&nbsp;b '.repeat(5)}\n\n[site](/term/${i % 3})\n`;
  return tree(files);
}

interface Meta {
  findings: number;
  slots: number;
  prefix: string;
  rules: string[];
  kinds: [number, string, string, number, number, number, number][];
  templates: (string | number)[][];
  files: [string, number, number][];
  strings: string[];
}

/** The page's store unpacked as its script unpacks it: each finding's file, position, rule, severity and message. */
function unpack(page: string): { meta: Meta; findings: { file: string; line: number; column: number; ruleId: string | null; severity: number; message: string; fix: number }[] } {
  const blob = (id: string) => gunzipSync(Buffer.from(new RegExp(`<script type="application/octet-stream" id="${id}">([^<]*)</script>`).exec(page)?.[1] ?? '', 'base64'));
  const meta = JSON.parse(blob('al-meta').toString('utf8')) as Meta;
  const bytes = blob('al-data');
  let p = 0;
  const rd = () => {
    let x = 0;
    let mul = 1;
    let b;
    do {
      b = bytes[p++] as number;
      x += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    return x;
  };
  const findings = [];
  for (const [file, , count] of meta.files) {
    for (let j = 0; j < count; j++) {
      const k = meta.kinds[rd()] as Meta['kinds'][number];
      const line = rd();
      const column = rd();
      if (k[5]) rd();
      const parts = meta.templates[k[6]] as (string | number)[];
      const values = parts.filter((x) => typeof x === 'number').map(() => meta.strings[rd()] as string);
      const message = parts.map((x) => (typeof x === 'number' ? values[x] : x)).join('');
      findings.push({ file, line, column, ruleId: meta.rules[k[0]] || null, severity: k[3], message, fix: k[4] });
    }
  }
  expect(p).toBe(bytes.length);
  return { meta, findings };
}

function expected(results: LintResult[], root: string) {
  return results.flatMap((r) =>
    r.messages.map((m: LintMessage) => ({
      file: r.filePath.slice(root.length + 1),
      line: m.line,
      column: m.column,
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      fix: m.fix ? 1 : m.suggestions?.length ? 2 : 0,
    })),
  );
}

async function audit(...extra: string[]): Promise<{ root: string; results: LintResult[]; page: string; file: string }> {
  const root = fixture();
  const r = await run(root, ['audit', '.', '--no-external', '--no-cache', '--report', 'out/report.html', '--format', 'json', '-o', 'report.json', ...extra]);
  expect(r.code, r.stderr).toBe(1);
  const file = join(root, 'out', 'report.html');
  return { root, results: JSON.parse(readFileSync(join(root, 'report.json'), 'utf8')) as LintResult[], page: readFileSync(file, 'utf8'), file };
}

describe('HTML report: the page as written', () => {
  it('stores every finding of the JSON report, message for message, compactly', async () => {
    const { root, results, page } = await audit();
    const { meta, findings } = unpack(page);
    const want = expected(results, root);
    expect(want.length).toBeGreaterThan(150);
    expect(findings).toEqual(want);
    expect(meta.findings).toBe(want.length);
    // Links are relative to the report's folder (out/), so that the report works beside the archive.
    expect(meta.prefix).toBe('../');
    // Messages are stored by template: the 150 entity messages share one, and their text is stored once.
    expect(meta.strings.filter((s) => s === '&nbsp;')).toHaveLength(1);
  });

  it('is self-contained, escapes what the files hold, and stays small for many findings', () => {
    const root = '/archive';
    const hostile = makeResult(`${root}/pages/<img src=x onerror=alert(1)>.md`, [
      { ruleId: 'no-broken-links', severity: 2, message: "Link target '</script><script>alert(1)</script>' does not exist", line: 1, column: 1, messageId: 'missingFile' },
    ]);
    const many = Array.from({ length: 2000 }, (_, i) =>
      makeResult(
        `${root}/pages/p${i % 40}/n${i}.md`,
        Array.from({ length: 50 }, (_, j) => ({ ruleId: 'no-raw-html', severity: 1 as const, message: "Leftover entity '&nbsp;'; expected a plain space", line: j + 1, column: 3, messageId: 'entity' })),
      ),
    );
    const page = html([hostile, ...many], { cwd: root, root, color: false, rules: rules.map((r) => r.meta), version: '1.2.3' });
    // No element that loads anything, and no src attribute (a file's name may say `src=`, escaped as text).
    expect(page).not.toMatch(/<(link|img|iframe)\b|<[a-z][^<>]*\ssrc=|@import|url\(/i);
    expect(page).toContain('first at <code>pages/&lt;img src=x onerror=alert(1)&gt;.md:1</code>');
    expect(page.match(/<script\b/g)).toHaveLength(3);
    expect(page).toContain('<code>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    // 100,001 findings in well under a byte each once packed, and the page whole under 200 kB.
    expect(Buffer.byteLength(page)).toBeLessThan(200_000);
    expect(unpack(page).findings).toHaveLength(100_001);
  });
});

const title = hasChromium ? 'HTML report in headless Chromium' : `HTML report in headless Chromium: no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does)`;

describe('HTML report: the repository known', () => {
  it("links each finding to its file's page on GitHub at its line", { timeout: 120_000 }, async () => {
    const { page: text, file } = await audit('--repo', 'owner/archive', '--branch', 'gh-pages');
    const { meta } = unpack(text);
    // The fixture's root is not in git: its files are at the repository's top level.
    expect((meta as Meta & { blob: string }).blob).toBe('https://github.com/owner/archive/blob/gh-pages/');
    expect(text).toContain('The links open each file on GitHub at its line (owner/archive, branch gh-pages).');
    if (!hasChromium && !required) return;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
      await page.fill('#f-q', 'a b#c');
      await page.waitForFunction(`document.querySelector('#f-rows td.loc a') && document.querySelector('#f-rows td.loc a').href.includes('a%20b%23c')`);
      const row = page.locator('#f-rows tr').first();
      const line = (await row.locator('.lc').textContent())?.split(':')[1];
      expect(await row.locator('td.loc a').getAttribute('href')).toBe(`https://github.com/owner/archive/blob/gh-pages/pages/2020/a%20b%23c.md#L${line}`);
    } finally {
      await browser.close();
    }
  });
});

describe('HTML report: dead hosts', () => {
  const root = '/archive';
  const url = (u: string, id: string, message: string, severity: 1 | 2 = 2): LintMessage => ({ ruleId: 'no-dead-urls', severity, message: message.replace('{u}', u), line: 1, column: 1, messageId: id });
  const results = [
    makeResult(`${root}/a.md`, [
      url('http://gone.example/a', 'broken', 'URL {u} answered 404 Not Found'),
      url('http://gone.example/b', 'broken', 'URL {u} answered 410 Gone'),
      url('https://slow.example/x', 'timeout', 'URL {u} timed out: no answer in 10 s'),
      url('https://moved.example/x', 'redirected', 'URL {u} redirects to https://moved.example/y; expected the final URL', 1),
    ]),
    makeResult(`${root}/b.md`, [url('http://gone.example/a', 'broken', 'URL {u} answered 404 Not Found')]),
  ];
  const ctx = { cwd: root, root, color: false, rules: rules.map((r) => r.meta), version: '1.2.3' };

  it('lists hosts of broken, unreachable and timed-out URLs by links, from the messages alone', () => {
    const page = html(results, ctx);
    const table = page.slice(page.indexOf('<h2>Dead hosts</h2>'), page.indexOf('</section>', page.indexOf('<h2>Dead hosts</h2>')));
    const rows = [...table.matchAll(/<tr data-filter[^>]*><td class="target"><code>([^<]*)<\/code><\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td><td class="muted">([^<]*)<\/td>/g)].map((m) => m.slice(1));
    // A redirect is a warning, not a dead URL.
    expect(rows).toEqual([
      ['gone.example', '2', '3', 'broken URL 3'],
      ['slow.example', '1', '1', 'timed out 1'],
    ]);
  });

  it('says when external checks were off, or found nothing', () => {
    expect(html([makeResult(`${root}/a.md`, [])], { ...ctx, external: false })).toContain('External URLs were not checked in this run (<code>--no-external</code>).');
  });
});

describe.skipIf(!hasChromium && !required)(title, () => {
  it('shows the JSON totals, filters by rule, pages, links files, logs no error and requests nothing', { timeout: 120_000 }, async () => {
    expect(hasChromium, `Chromium must be installed in CI (Debian package chromium at ${CHROMIUM})`).toBe(true);
    const { results, file } = await audit();
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url);
      await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
      expect(await page.getAttribute('html', 'data-ready')).toBe('true');

      const sum = (f: (r: LintResult) => number) => results.reduce((n, r) => n + f(r), 0);
      const value = async (id: string) => Number(await page.getAttribute(`#${id}`, 'value'));
      expect(await value('t-errors')).toBe(sum((r) => r.errorCount));
      expect(await value('t-warnings')).toBe(sum((r) => r.warningCount));
      expect(await value('t-files')).toBe(results.length);
      expect(await value('t-fixable')).toBe(sum((r) => r.fixableErrorCount + r.fixableWarningCount));
      const all = sum((r) => r.messages.length);
      const matching = async () => Number(await page.getAttribute('#f-list', 'data-matching'));
      expect(await matching()).toBe(all);
      // One page of rows at a time, errors first.
      expect(await page.locator('#f-rows tr').count()).toBe(100);
      expect(await page.locator('#f-rows tr').first().getAttribute('class')).toBe('e');
      expect(await page.textContent('#f-status')).toBe(`Showing 1–100 of ${all} findings`);
      await page.click('#f-next');
      expect(await page.locator('#f-rows tr').count()).toBe(Math.min(100, all - 100));
      expect(await page.textContent('#f-page')).toBe(`page 2 of ${Math.ceil(all / 100)}`);

      // The rule filter.
      for (const rule of ['no-broken-links', 'valid-dates', 'no-raw-html']) {
        const want = sum((r) => r.messages.filter((m) => m.ruleId === rule).length);
        expect(want).toBeGreaterThan(0);
        const option = await page.$eval('#f-rule', (s, id) => [...(s as unknown as { options: { text: string; value: string }[] }).options].find((o) => o.text.startsWith(`${id} (`))?.value, rule);
        await page.selectOption('#f-rule', option ?? '');
        expect(await matching()).toBe(want);
        const shown = await page.locator('#f-rows td.rk .rule').allTextContents();
        expect(shown.length).toBe(Math.min(100, want));
        expect(new Set(shown)).toEqual(new Set([rule]));
      }
      await page.selectOption('#f-sev', '2');
      expect(await matching()).toBe(0); // no-raw-html has no errors
      await page.click('#f-reset');
      expect(await matching()).toBe(all);

      // A cell of the heat table lists its folder's findings of its rule.
      await page.click('svg [data-filter*="pages/2021"][data-filter*="no-raw-html"]');
      expect(await matching()).toBe(sum((r) => (r.filePath.includes('/pages/2021/') ? r.messages.filter((m) => m.ruleId === 'no-raw-html').length : 0)));
      // The search, and a file link that opens the file (an odd name, percent-encoded).
      await page.click('#f-reset');
      await page.fill('#f-q', 'a b#c');
      const odd = sum((r) => (r.filePath.endsWith('a b#c.md') ? r.messages.length : 0));
      await page.waitForFunction(`Number(document.querySelector('#f-list').getAttribute('data-matching')) === ${odd}`);
      const href = await page.locator('#f-rows td.loc a').first().getAttribute('href');
      expect(href).toBe('../pages/2020/a%20b%23c.md');
      expect(existsSync(fileURLToPath(new URL(href as string, url)))).toBe(true);

      // The fix filter: the safe fixes are what the "Fixable by --fix" card counts; the unsafe ones are the rest.
      await page.click('#f-reset');
      await page.selectOption('#f-fix', 'safe');
      expect(await matching()).toBe(await value('t-fixable'));
      expect(await matching()).toBe(sum((r) => r.messages.filter((m) => m.fix !== undefined).length));
      await page.selectOption('#f-fix', 'unsafe');
      expect(await matching()).toBe(sum((r) => r.messages.filter((m) => m.fix === undefined && (m.suggestions?.length ?? 0) > 0).length));
      const fixOptions = await page.$eval('#f-fix', (s) => [...(s as unknown as { options: { text: string }[] }).options].map((o) => o.text));
      expect(fixOptions[1]).toBe(`safe fix, by --fix (${await value('t-fixable')})`);

      // Fix first: the largest group of errors leads, and a click lists exactly its findings.
      await page.click('#f-reset');
      const groups = new Map<string, number>();
      for (const r of results) for (const m of r.messages) if (m.severity === 2) groups.set(`${m.ruleId}\0${m.messageId}`, (groups.get(`${m.ruleId}\0${m.messageId}`) ?? 0) + 1);
      const largest = [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] as [string, number];
      const [rule, kind] = largest[0].split('\0') as [string, string];
      const first = page.locator('#plan li').first();
      expect(await first.getAttribute('data-filter')).toBe(JSON.stringify({ rule, kind, sev: '2' }));
      await first.click();
      expect(await matching()).toBe(largest[1]);
      expect(new Set(await page.locator('#f-rows .sev').allTextContents())).toEqual(new Set(['error']));
      // Its "List them" lists what --fix fixes.
      await page.click('#plan .fixall a');
      expect(await matching()).toBe(await value('t-fixable'));

      await page.click('#f-reset');
      mkdirSync(join(project, '.scratch'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
    }
  });
});
