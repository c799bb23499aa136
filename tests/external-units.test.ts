/** The pure parts of external checks: private addresses, request keys, the URL cache, settings. No network. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressKind, hostListed } from '../src/core/external/private-address.js';
import { externalKey, requestKey } from '../src/core/external/collect.js';
import { UrlCache } from '../src/core/external/cache.js';
import { durationMs, resolveExternal } from '../src/core/external/settings.js';
import { run, tree } from './helpers/tree.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop() as string, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'archive-lint-urlcache-'));
  dirs.push(d);
  return d;
}

describe('private addresses', () => {
  it('IPv4: loopback, private, link-local, cloud metadata, the rest public', () => {
    const cases: [string, string | undefined][] = [
      ['127.0.0.1', 'loopback'], ['127.255.1.2', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'],
      ['172.32.0.1', undefined], ['192.168.1.1', 'private'], ['100.64.0.1', 'private'], ['169.254.1.1', 'link-local'],
      ['169.254.169.254', 'cloud metadata'], ['169.254.170.2', 'cloud metadata'], ['100.100.100.200', 'cloud metadata'], ['168.63.129.16', 'cloud metadata'],
      ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'], ['255.255.255.255', 'reserved'], ['198.18.0.1', 'reserved'],
      ['8.8.8.8', undefined], ['93.184.216.34', undefined], ['192.0.2.1', 'reserved'],
    ];
    for (const [ip, kind] of cases) expect(addressKind(ip), ip).toBe(kind);
  });

  it('IPv6: loopback, unique local, link-local, and IPv4 inside (mapped, compatible, NAT64, 6to4)', () => {
    const cases: [string, string | undefined][] = [
      ['::1', 'loopback'], ['[::1]', 'loopback'], ['::', 'unspecified'], ['fd00::1', 'private'], ['fc12:3456::1', 'private'], ['fe80::1%eth0', 'link-local'],
      ['fd00:ec2::254', 'cloud metadata'], ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
      ['::ffff:169.254.169.254', 'cloud metadata'], ['::ffff:8.8.8.8', undefined], ['64:ff9b::10.0.0.1', 'private'], ['2002:c0a8:0101::1', 'private'],
      ['2001:db8::1', 'reserved'], ['2606:4700:4700::1111', undefined], ['2a00:1450:4001:80e::200e', undefined],
      ['::ffff:0:10.0.0.1', 'private'], ['::ffff:0:127.0.0.1', 'loopback'], ['64:ff9b:1::8.8.8.8', 'private'], ['64:ff9b:1::127.0.0.1', 'loopback'],
      ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], ['192.0.2.1', 'reserved'], ['198.51.100.7', 'reserved'], ['203.0.113.9', 'reserved'],
    ];
    for (const [ip, kind] of cases) expect(addressKind(ip), ip).toBe(kind);
  });

  it('names are not addresses; allowHosts names hosts, addresses and *.domains', () => {
    expect(addressKind('localhost')).toBeUndefined();
    expect(hostListed('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(hostListed('[::1]', ['::1'])).toBe(true);
    expect(hostListed('Intranet.Example.org.', ['intranet.example.org'])).toBe(true);
    expect(hostListed('a.b.example.org', ['*.example.org'])).toBe(true);
    expect(hostListed('example.org', ['*.example.org'])).toBe(true);
    expect(hostListed('badexample.org', ['*.example.org'])).toBe(false);
    expect(hostListed('127.0.0.2', ['127.0.0.1'])).toBe(false);
  });
});

describe('request keys', () => {
  it('one key per resource: case of scheme and host, default port, dot segments, fragment and credentials dropped', () => {
    const key = 'http://example.org/a/b?q=1';
    for (const url of ['http://example.org/a/b?q=1', 'HTTP://Example.ORG:80/a/./c/../b?q=1', 'http://example.org/a/b?q=1#top', 'http://user:pw@example.org/a/b?q=1']) {
      expect(requestKey(url), url).toBe(key);
    }
    expect(requestKey('http://example.org/a/b?q=2')).not.toBe(key);
    expect(requestKey('https://example.org/A')).toBe('https://example.org/A');
    expect(requestKey('http://例子.测试/页')).toBe('http://xn--fsqu00a.xn--0zwm56d/%E9%A1%B5');
    expect(requestKey('mailto:a@b.c')).toBeUndefined();
    expect(requestKey('ftp://example.org/')).toBeUndefined();
    expect(requestKey('http://')).toBeUndefined();
  });

  it('only URLs the file resolves as external: not relative paths, nor the repository own URLs', () => {
    const repo = { owner: 'o', name: 'r', branch: 'main' };
    expect(externalKey('//cdn.example.org/x.js', { from: 'a.md' })).toBe('https://cdn.example.org/x.js');
    expect(externalKey('pages/a.md', { from: 'a.md' })).toBeUndefined();
    expect(externalKey('https://github.com/o/r/blob/main/a.md', { from: 'a.md', repo })).toBeUndefined();
    expect(externalKey('https://github.com/o/other/blob/main/a.md', { from: 'a.md', repo })).toBe('https://github.com/o/other/blob/main/a.md');
    expect(externalKey(' http://example.org/ ', { from: 'a.md' })).toBeUndefined();
  });
});

describe('the URL cache', () => {
  it('keys by method and URL, keeps entries for the maximum age, and merges two runs that share the folder', () => {
    const dir = tmp();
    let now = 1_000_000;
    const clock = () => now;
    const a = new UrlCache(dir, 60_000, clock);
    const b = new UrlCache(dir, 60_000, clock);
    a.set('HEAD', 'http://a.example/', { status: 'ok', code: 200, checkedAt: now });
    b.set('GET', 'http://b.example/', { status: 'redirected', code: 200, finalUrl: 'http://b.example/home', hops: 1, checkedAt: now });
    // b read nothing before a wrote; saving merges what a wrote meanwhile.
    expect(b.get('http://a.example/')).toBeUndefined();
    expect(a.save()).toBeUndefined();
    expect(b.save()).toBeUndefined();
    const file = JSON.parse(readFileSync(join(dir, 'urls.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(file.entries)).toEqual(['GET http://b.example/', 'HEAD http://a.example/']);
    const c = new UrlCache(dir, 60_000, clock);
    expect(c.get('http://a.example/')).toEqual({ status: 'ok', code: 200, checkedAt: 1_000_000, method: 'HEAD' });
    expect(c.get('http://b.example/')).toMatchObject({ status: 'redirected', finalUrl: 'http://b.example/home', method: 'GET' });
    now += 60_000;
    expect(new UrlCache(dir, 60_000, clock).get('http://a.example/')).toBeUndefined();
  });

  it('a corrupt or foreign file is ignored with a warning and rebuilt', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'urls.json'), '{"magic":"something-else"}');
    const c = new UrlCache(dir, 60_000);
    expect(c.get('http://a.example/')).toBeUndefined();
    expect(c.warning).toMatch(/^ignoring .*urls\.json: not a URL cache of this format; rebuilding it$/);
    c.set('HEAD', 'http://a.example/', { status: 'ok', code: 200, checkedAt: Date.now() });
    expect(c.save()).toBeUndefined();
    expect(new UrlCache(dir, 60_000).get('http://a.example/')?.status).toBe('ok');
  });
});

describe('settings', () => {
  it('defaults, durations and accepted codes', () => {
    const { settings, errors } = resolveExternal(undefined);
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ concurrency: 32, perHost: 4, minIntervalMs: 0, timeoutMs: 10000, retries: 2, maxRedirects: 10, cacheTtlMs: 86_400_000, allowPrivateHosts: false });
    expect(settings.accept(204)).toBe(true);
    expect(settings.accept(301)).toBe(false);
    expect(resolveExternal({ accept: ['200-299', 403] }).settings.accept(403)).toBe(true);
    expect([durationMs('90s'), durationMs('15m'), durationMs('2h'), durationMs('1w')]).toEqual([90_000, 900_000, 7_200_000, 604_800_000]);
  });

  it('a bad config names the file and the key', async () => {
    const root = tree({ 'a.md': '# A\n', 'archive-lint.config.json': '{ "external": { "exclude": ["(unclosed"], "perHost": 0, "speed": 3 } }' });
    const r = await run(root, ['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("archive-lint.config.json: 'external.perHost': must be >= 1");
    expect(r.stderr).toContain("unknown key 'external.speed'");
    const regex = tree({ 'a.md': '# A\n', 'archive-lint.config.json': '{ "external": { "exclude": ["(unclosed"] } }' });
    const bad = await run(regex, ['check']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`archive-lint: ${join(regex, 'archive-lint.config.json')}: 'external.exclude[0]': expected a regular expression, got "(unclosed" (Invalid regular expression: /(unclosed/: Unterminated group)\n`);
  });
});
