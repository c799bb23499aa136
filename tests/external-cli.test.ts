/**
 * External checks through the command line: `check --external`, `audit` (on by default), `--no-external`, the
 * messages of no-dead-urls and no-missing-images, one request per unique URL across the archive, the URL cache,
 * private hosts, and no network (said once; exit 2 when --external asked for the checks). The archive is `fixtures/no-dead-urls/served/`, its `{{A}}`
 * replaced by the address of a server this file starts on 127.0.0.1; host names resolve through a mocked
 * `node:dns/promises` that knows none, as on a machine without network. Nothing reaches the internet.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run as runTree, tree } from './helpers/tree.js';

/**
 * The fixtures' configs let checks reach 127.0.0.1 (`external.allowHosts`, the archive endpoints): honoured
 * outside CI with a warning (tests/security.test.ts proves it), left out of these comparisons.
 */
async function run(...args: Parameters<typeof runTree>): ReturnType<typeof runTree> {
  const r = await runTree(...args);
  return { ...r, stderr: r.stderr.replace(/^archive-lint: warning: .*' lowers a guard; .*\n/gm, '') };
}
import type { LintResult } from '../src/types.js';

const lookups = vi.hoisted(() => [] as string[]);
vi.mock('node:dns/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns/promises')>();
  const lookup = async (name: string) => {
    lookups.push(name);
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND', hostname: name });
  };
  return { ...real, lookup, default: { ...real, lookup } };
});

const SERVED = fileURLToPath(new URL('../fixtures/no-dead-urls/served/', import.meta.url));

interface Site {
  origin: string;
  host: string;
  hits: { method: string; path: string }[];
  close(): Promise<void>;
}

const sites: Site[] = [];
const dirs: string[] = [];

afterEach(async () => {
  while (sites.length) await (sites.pop() as Site).close();
  while (dirs.length) rmSync(dirs.pop() as string, { recursive: true, force: true });
  lookups.length = 0;
});

const ok = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>fine</p>');

const ROUTES: Record<string, (res: ServerResponse) => void> = {
  '/ok': ok,
  '/news': ok,
  '/logo.png': ok,
  '/logo@2x.png': ok,
  '/gone': (res) => res.writeHead(404).end(),
  '/missing.png': (res) => res.writeHead(404).end(),
  '/gone-410': (res) => res.writeHead(410).end(),
  '/moved': (res) => res.writeHead(301, { location: '/ok' }).end(),
  '/loop-a': (res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (res) => res.writeHead(302, { location: '/loop-a' }).end(),
};

async function site(host = '127.0.0.1'): Promise<Site> {
  const hits: Site['hits'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    hits.push({ method: req.method ?? '', path });
    const route = ROUTES[path];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const s: Site = {
    origin: `http://${host}:${(server.address() as AddressInfo).port}`,
    host: `${host}:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  sites.push(s);
  return s;
}

/** A copy of the served fixture with `{{A}}` made the server's host and port (always 15 characters: 127.0.0.1:NNNNN). */
function archive(s: Site, config?: (c: Record<string, unknown>) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'archive-lint-external-'));
  dirs.push(root);
  cpSync(SERVED, root, { recursive: true });
  rmSync(join(root, 'expected.json'));
  rmSync(join(root, 'expected-external.json'));
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) visit(abs);
      else writeFileSync(abs, readFileSync(abs, 'utf8').replaceAll('{{A}}', s.host));
    }
  };
  visit(root);
  if (config) {
    const file = join(root, 'archive-lint.config.json');
    const c = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    config(c);
    writeFileSync(file, JSON.stringify(c));
  }
  return root;
}

interface Row {
  file: string;
  line: number;
  column: number;
  severity: number;
  ruleId: string | null;
  message: string;
}

function rows(root: string, stdout: string, s: Site): Row[] {
  return (JSON.parse(stdout) as LintResult[]).flatMap((r) =>
    r.messages.map((m) => ({
      file: relative(root, r.filePath).split(sep).join('/'),
      line: m.line,
      column: m.column,
      severity: m.severity,
      ruleId: m.ruleId,
      message: m.message.replaceAll(s.host, '{{A}}'),
    })),
  );
}

const ONLY_URL_RULES = ['--rule', 'no-broken-links=off', '--rule', 'valid-dates=off', '--rule', 'no-raw-html=off'];

describe('check --external', () => {
  it('reports each status where the URL is written, with one request per unique URL across the archive', async () => {
    const s = await site();
    const root = archive(s);
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY_URL_RULES]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const expected = JSON.parse(readFileSync(join(SERVED, 'expected-external.json'), 'utf8')) as Row[];
    expect(rows(root, r.stdout, s)).toEqual(expected);
    // 9 unique URLs requested (the nav bar of three pages, fragments, an upper-case scheme, a reference and an autolink
    // are one URL each); the excluded one and the archive's own github.com URL are not requested. Plus the redirect
    // hops (moved → ok, loop-a → loop-b) and GET after HEAD answered 404 (gone, missing.png).
    const count = (path: string) => s.hits.filter((h) => h.path === path).length;
    expect(Object.fromEntries(Object.keys(ROUTES).map((p) => [p, count(p)]))).toEqual({
      '/ok': 2, '/news': 1, '/logo.png': 1, '/logo@2x.png': 1, '/gone': 2, '/missing.png': 2, '/gone-410': 1, '/moved': 1, '/loop-a': 1, '/loop-b': 1,
    });
    expect(s.hits.length).toBe(9 + 2 + 2);
    expect(lookups).toEqual([]);
  });

  it('is off without --external: nothing is requested and nothing reported', async () => {
    const s = await site();
    const root = archive(s);
    const r = await run(root, ['check', '--no-cache', '--format', 'json', ...ONLY_URL_RULES]);
    expect(r.code).toBe(0);
    expect(rows(root, r.stdout, s)).toEqual([]);
    expect(s.hits).toEqual([]);
    expect((await run(root, ['check', '--external', '--no-external'])).stderr).toBe('archive-lint: --external and --no-external: give one of them\n');
  });

  it('a rule set to warn makes its errors warnings; off, its URLs are not requested', async () => {
    const s = await site();
    const root = archive(s);
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY_URL_RULES, '--rule', 'no-dead-urls=warn', '--rule', 'no-missing-images=off']);
    expect(r.code).toBe(0);
    const found = rows(root, r.stdout, s);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.severity === 1 && m.ruleId === 'no-dead-urls')).toBe(true);
    expect(s.hits.map((h) => h.path)).not.toContain('/missing.png');
  });

  it('private hosts are refused without the opt-in: warnings, and the server gets no request', async () => {
    const s = await site();
    const root = archive(s, (c) => {
      (c.external as Record<string, unknown>).allowHosts = [];
    });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json', ...ONLY_URL_RULES]);
    expect(r.code).toBe(0);
    const found = rows(root, r.stdout, s);
    // Every occurrence but the excluded URL and the suppressed one.
    expect(found.length).toBe(20);
    expect(found.every((m) => m.severity === 1)).toBe(true);
    expect(found[0]?.message).toBe('URL http://{{A}}/ok was not requested: 127.0.0.1 resolves to 127.0.0.1, a loopback address (list the host in external.allowHosts to check it)');
    expect(found.find((m) => m.ruleId === 'no-missing-images')?.message).toBe(
      'Image http://{{A}}/logo.png was not checked: 127.0.0.1 resolves to 127.0.0.1, a loopback address (list the host in external.allowHosts to check it)',
    );
    expect(s.hits).toEqual([]);
  });
});

describe('audit', () => {
  it('checks external URLs by default and sums them up; --no-external turns it off', async () => {
    const s = await site();
    const root = archive(s);
    const r = await run(root, ['audit', '.', '--no-cache', ...ONLY_URL_RULES]);
    expect(r.code).toBe(1);
    const report = join(root, '.archive-lint-cache', 'report.html');
    expect(r.stderr).toBe(`archive-lint: HTML report written to ${report}\n`);
    // The report's dead hosts: the test server, by its broken URLs and the links to them.
    const page = readFileSync(report, 'utf8');
    expect(page).toMatch(/<h2>Dead hosts<\/h2><p class="lead">10 unique URLs checked \(of 22 links and images\), 13 requests in \d+\.\d s\. /);
    expect(page).toMatch(/<code>127\.0\.0\.1:\d+<\/code><\/td><td class="n">\d+<\/td><td class="n">\d+<\/td><td class="muted">broken/);
    expect(r.stdout).toMatch(/^External URLs: 10 unique of 22 links and images, 13 requests \(0 retries\) in \d+\.\d s: ok 4, redirected 1, broken 4, excluded 1; slowest hosts 127\.0\.0\.1 \d\.\d s\.$/m);
    expect(r.stdout).toContain('no-dead-urls');
    expect(s.hits.length).toBe(13);
    const off = await run(root, ['audit', '.', '--no-cache', '--no-external', ...ONLY_URL_RULES]);
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('External URLs');
    expect(s.hits.length).toBe(13);
  });

  it('shows URLs done and the slowest hosts on a TTY', async () => {
    const s = await site();
    const root = archive(s);
    const r = await run(root, ['audit', '.', '--no-cache', ...ONLY_URL_RULES], { tty: true });
    expect(r.stderr).toMatch(/URLs 10\/10 {2}slowest: 127\.0\.0\.1 \d\.\d s/);
  });
});

describe('no network', () => {
  it('is one finding: exit 2, one line on stderr and in the summary, no URL reported as dead', async () => {
    const root = tree({
      'a.md': `# A\n\n${Array.from({ length: 20 }, (_, k) => `[x${k}](https://site${k}.example/page)`).join('\n')}\n`,
      'b.md': '# B\n\n![img](https://images.example/a.png) [y](https://site1.example/other)\n',
    });
    const r = await run(root, ['check', '--external', '--no-cache', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('archive-lint: external URLs not checked: network unavailable: no host name resolves (site0.example, site1.example, site2.example, nor github.com)\n');
    const messages = (JSON.parse(r.stdout) as LintResult[]).flatMap((x) => x.messages);
    expect(messages).toEqual([]);
    // A few lookups, not one a host.
    expect(lookups.length).toBeLessThanOrEqual(4);

    // An audit checks URLs by default, not because it was asked: offline, it says so once and goes on.
    const audit = await run(root, ['audit', '.', '--no-cache']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('External URLs: none checked (network unavailable: no host name resolves');
    expect(audit.stderr.split('\n').filter((l) => l.includes('network unavailable'))).toEqual([
      'archive-lint: warning: external URLs not checked: network unavailable: no host name resolves (site0.example, site1.example, site2.example, nor github.com); audited offline (--external makes this an error, --no-external skips the check)',
    ]);
    const asked = await run(root, ['audit', '.', '--no-cache', '--external']);
    expect(asked.code).toBe(2);
  });
});

describe('the URL cache', () => {
  it('keeps working URLs for cacheTtl, never failures, in the cache location', async () => {
    const s = await site();
    const root = archive(s);
    const cache = join(root, 'cache-here');
    const args = ['check', '--external', '--cache-location', cache, '--format', 'json', ...ONLY_URL_RULES];
    const first = await run(root, args);
    expect(s.hits.length).toBe(13);
    const file = JSON.parse(readFileSync(join(cache, 'urls.json'), 'utf8')) as { entries: Record<string, { status: string }> };
    expect(Object.keys(file.entries).map((k) => k.replace(s.host, '{{A}}')).sort()).toEqual([
      'HEAD http://{{A}}/logo.png', 'HEAD http://{{A}}/logo@2x.png', 'HEAD http://{{A}}/moved', 'HEAD http://{{A}}/news', 'HEAD http://{{A}}/ok',
    ]);
    expect(existsSync(join(cache, '.gitignore'))).toBe(true);
    s.hits.length = 0;
    const second = await run(root, args);
    expect(rows(root, second.stdout, s)).toEqual(rows(root, first.stdout, s));
    // Only the failures are asked again.
    expect([...new Set(s.hits.map((h) => h.path))].sort()).toEqual(['/gone', '/gone-410', '/loop-a', '/loop-b', '/missing.png']);
    // An expired entry is asked again.
    s.hits.length = 0;
    const c = JSON.parse(readFileSync(join(root, 'archive-lint.config.json'), 'utf8')) as { external: Record<string, unknown> };
    c.external.cacheTtl = '0s';
    writeFileSync(join(root, 'archive-lint.config.json'), JSON.stringify(c));
    await run(root, args);
    expect(s.hits.length).toBe(13);
  });

  it('is safe when two runs share it at once: both finish and the file holds what each found', async () => {
    const a = await site();
    const b = await site('127.0.0.2');
    const rootA = archive(a);
    const rootB = archive(b, (c) => {
      (c.external as Record<string, unknown>).allowHosts = ['127.0.0.2'];
    });
    const cache = mkdtempSync(join(tmpdir(), 'archive-lint-shared-cache-'));
    dirs.push(cache);
    const args = ['check', '--external', '--cache-location', cache, '--format', 'json', ...ONLY_URL_RULES];
    const [ra, rb] = await Promise.all([run(rootA, args), run(rootB, args)]);
    expect([ra.code, rb.code]).toEqual([1, 1]);
    const keys = Object.keys((JSON.parse(readFileSync(join(cache, 'urls.json'), 'utf8')) as { entries: object }).entries);
    expect(keys.filter((k) => k.includes(a.host)).length).toBe(5);
    expect(keys.filter((k) => k.includes(b.host)).length).toBe(5);
    expect(readdirSync(cache).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
