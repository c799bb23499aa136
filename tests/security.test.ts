/**
 * Issue 21: a pull request is untrusted input. One describe per row of the issue's table, each with what the
 * pull request commits and what must (not) happen. The Action's rows (config from the base commit) are in
 * tests/security-action.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import { git } from './helpers/git.js';
import type { LintResult } from '../src/types.js';
import { UrlChecker, type Resolver } from '../src/core/external/checker.js';
import { resolveExternal } from '../src/core/external/settings.js';
import { frameMac } from '../src/core/cache/cache.js';

/** A folder outside the archive, standing for the victim's home: nothing may be written into it. */
function outside(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'archive-lint-victim-')));
}

const PAGE = { 'a.md': '# A\n\n[b](b.md)\n', 'b.md': '# B\n' };

describe('row 11: -o, --report, sarif-file and init as symbolic links', () => {
  it('-o FILE that the archive made a symbolic link is refused before the run, its target untouched', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, 'authorized_keys'), 'keep');
    symlinkSync(join(victim, 'authorized_keys'), join(root, 'out.json'));
    const r = await run(root, ['check', '--root', root, '--no-cache', '--format', 'json', '-o', 'out.json']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: cannot write ${join(root, 'out.json')}: it is a symbolic link; nothing is written through a link\n` });
    expect(readFileSync(join(victim, 'authorized_keys'), 'utf8')).toBe('keep');
  });

  it('-o below a folder of the archive that is a symbolic link is refused', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    symlinkSync(victim, join(root, 'reports'));
    const r = await run(root, ['check', '--root', root, '--no-cache', '-o', 'reports/out.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`archive-lint: cannot write ${join(root, 'reports/out.txt')}: ${join(root, 'reports')} is a symbolic link; nothing is written through a link in the archive\n`);
    expect(readdirSync(victim)).toEqual([]);
  });

  it('--report FILE.html as a symbolic link is refused before the run', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, '.bashrc'), 'keep');
    symlinkSync(join(victim, '.bashrc'), join(root, 'report.html'));
    const r = await run(root, ['audit', root, '--no-cache', '--no-external', '--report', 'report.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`archive-lint: cannot write ${join(root, 'report.html')}: it is a symbolic link; nothing is written through a link\n`);
    expect(readFileSync(join(victim, '.bashrc'), 'utf8')).toBe('keep');
  });

  it('the default report in a cache folder whose report.html is a symbolic link: a warning, nothing written through it', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, 'target'), 'keep');
    mkdirSync(join(root, '.archive-lint-cache'));
    symlinkSync(join(victim, 'target'), join(root, '.archive-lint-cache', 'report.html'));
    const r = await run(root, ['audit', root, '--no-cache', '--no-external']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`archive-lint: warning: HTML report not written: ${join(root, '.archive-lint-cache', 'report.html')}: it is a symbolic link; nothing is written through a link; give --report FILE.html\n`);
    expect(readFileSync(join(victim, 'target'), 'utf8')).toBe('keep');
  });

  it("init's config as a symbolic link is refused, even with --force", async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, 'target'), 'keep');
    symlinkSync(join(victim, 'target'), join(root, 'archive-lint.config.json'));
    expect((await run(root, ['init', '--root', root])).code).toBe(2);
    const r = await run(root, ['init', '--root', root, '--force']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: cannot write ${join(root, 'archive-lint.config.json')}: it is a symbolic link; nothing is written through a link\n` });
    expect(readFileSync(join(victim, 'target'), 'utf8')).toBe('keep');
    expect(lstatSync(join(root, 'archive-lint.config.json')).isSymbolicLink()).toBe(true);
  });
});

describe('row 1: an archive-lint.config.js or .mjs in the tree', () => {
  it('is never loaded by lookup: no code of it runs, and the JSON config is used, with a warning', async () => {
    const root = realpathSync(tree({ 'a.md': '[x](gone.md)\n' }));
    const marker = join(outside(), 'ran');
    writeFileSync(join(root, 'archive-lint.config.mjs'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, process.env.SECRET ?? 'ran');\nexport default { rules: { 'no-broken-links': 'off' } };\n`);
    writeFileSync(join(root, 'archive-lint.config.js'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nexport default {};\n`);
    writeFileSync(join(root, '.archive-lintrc.json'), '{ "rules": { "valid-dates": "warn" } }');
    const r = await run(root, ['check', '--root', root, '--no-cache'], { env: { SECRET: 'token' } });
    expect(existsSync(marker)).toBe(false);
    // The broken link is still an error: the JSON config is the one in force.
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `archive-lint: warning: ${join(root, 'archive-lint.config.js')} not loaded: a JavaScript config runs code, so it is loaded only when named with --config (or the Action's config input); using ${join(root, '.archive-lintrc.json')}\n` +
        `archive-lint: warning: ${join(root, 'archive-lint.config.mjs')} not loaded: a JavaScript config runs code, so it is loaded only when named with --config (or the Action's config input); using ${join(root, '.archive-lintrc.json')}\n`,
    );
  });

  it('is loaded when named with --config', async () => {
    const root = realpathSync(tree({ 'a.md': '[x](gone.md)\n', 'archive-lint.config.mjs': "export default { rules: { 'no-broken-links': 'off' } };\n" }));
    expect(await run(root, ['check', '--root', root, '--no-cache', '--config', 'archive-lint.config.mjs'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

/** A server on 127.0.0.1 that counts what reaches it. */
async function server(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const s = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r()))) };
}

describe("row 2: the config's external.allowPrivateHosts", () => {
  it('is ignored in CI with a warning: loopback gets no request', async () => {
    const srv = await server();
    try {
      const root = realpathSync(tree({ 'a.md': `[x](${srv.url}/private)\n`, 'archive-lint.config.json': '{ "external": { "allowPrivateHosts": true, "allowHosts": ["127.0.0.1"], "retries": 0 } }' }));
      const r = await run(root, ['check', '--root', root, '--no-cache', '--external', '--format', 'json', '--rule', 'no-broken-links=off'], { env: { CI: 'true' } });
      expect(srv.hits).toEqual([]);
      const cfg = join(root, 'archive-lint.config.json');
      expect(r.stderr).toBe(
        `archive-lint: warning: ${cfg}: 'external.allowPrivateHosts' ignored in CI: a config in the archive cannot lower a guard there; give --allow-private-hosts on the command line (or the Action's input) instead\n` +
          `archive-lint: warning: ${cfg}: 'external.allowHosts' ignored in CI: a config in the archive cannot lower a guard there; give --allow-host HOST on the command line (or the Action's input) instead\n`,
      );
      const messages = (JSON.parse(r.stdout) as LintResult[])[0]?.messages.map((m) => m.message);
      expect(messages).toEqual([`URL ${srv.url}/private was not requested: 127.0.0.1 resolves to 127.0.0.1, a loopback address (list the host in external.allowHosts to check it)`]);
      // From the command line, the guard is lowered.
      const cli = await run(root, ['check', '--root', root, '--no-cache', '--external', '--allow-private-hosts', '--rule', 'no-broken-links=off'], { env: { CI: 'true' } });
      expect(cli.code).toBe(0);
      expect(srv.hits.length).toBeGreaterThan(0);
    } finally {
      await srv.close();
    }
  });

  it('is honoured on a developer machine (not CI), with a warning that CI will not honour it', async () => {
    const srv = await server();
    try {
      const root = realpathSync(tree({ 'a.md': `[x](${srv.url}/private)\n`, 'archive-lint.config.json': '{ "external": { "allowPrivateHosts": true, "retries": 0 } }' }));
      const r = await run(root, ['check', '--root', root, '--no-cache', '--external', '--rule', 'no-broken-links=off'], { env: {} });
      expect(r).toEqual({ code: 0, stdout: '', stderr: `archive-lint: warning: ${join(root, 'archive-lint.config.json')}: 'external.allowPrivateHosts' lowers a guard; honoured on this machine, ignored in CI and in the Action (where it takes --allow-private-hosts)\n` });
      expect(srv.hits.length).toBeGreaterThan(0);
    } finally {
      await srv.close();
    }
  });
});

describe('rows 5 and 6: config, package.json, book.toml, mkdocs.yml and .gitignore as links to /dev/zero or secrets', () => {
  it('a config linked to /dev/zero is refused at once, with exit 2', async () => {
    const root = realpathSync(tree(PAGE));
    symlinkSync('/dev/zero', join(root, 'archive-lint.config.json'));
    const r = await run(root, ['check', '--root', root, '--no-cache']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: ${join(root, 'archive-lint.config.json')}: the config file is a symbolic link that leaves the root ${root}; not read\n` });
  });

  it('a config linked to a secret outside the root is never quoted', async () => {
    const root = realpathSync(tree(PAGE));
    const secret = join(outside(), 'environ');
    writeFileSync(secret, 'AWS_SECRET_ACCESS_KEY=hunter2hunter2\0PATH=/bin');
    symlinkSync(secret, join(root, '.archive-lintrc.json'));
    const r = await run(root, ['check', '--root', root, '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`archive-lint: ${join(root, '.archive-lintrc.json')}: the config file is a symbolic link that leaves the root ${root}; not read\n`);
    expect(r.stderr).not.toContain('AWS');
    // /proc/self/environ, the case of the issue, likewise.
    const root2 = realpathSync(tree(PAGE));
    symlinkSync('/proc/self/environ', join(root2, 'archive-lint.config.json'));
    const r2 = await run(root2, ['check', '--root', root2, '--no-cache']);
    expect(r2.stderr).toBe(`archive-lint: ${join(root2, 'archive-lint.config.json')}: the config file is a symbolic link that leaves the root ${root2}; not read\n`);
  });

  it('a config file of 2 MiB is refused, not parsed', async () => {
    const root = realpathSync(tree({ ...PAGE, 'archive-lint.config.json': `{"include":["${'x'.repeat(2 * 1024 * 1024)}"]}` }));
    const r = await run(root, ['check', '--root', root, '--no-cache']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: ${join(root, 'archive-lint.config.json')}: the config file is larger than 1 MiB; not read\n` });
  });

  it('package.json linked to /dev/zero is said, not read for ever', async () => {
    const root = realpathSync(tree(PAGE));
    symlinkSync('/dev/zero', join(root, 'package.json'));
    const r = await run(root, ['check', '--root', root, '--no-cache']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: ${join(root, 'package.json')}: the package.json is a symbolic link that leaves the root ${root}; not read\n` });
  });

  it('book.toml and mkdocs.yml linked to /dev/zero: the profile is detected, its file passed over', async () => {
    for (const name of ['book.toml', 'mkdocs.yml']) {
      const root = realpathSync(tree({ 'src/a.md': '# A\n', 'docs/a.md': '# A\n' }));
      symlinkSync('/dev/zero', join(root, name));
      const r = await run(root, ['check', '--root', root, '--no-cache', '--format', 'json']);
      // The link itself is a message of its own (as any link out of the root is); the run is done, within seconds.
      expect(r.code).toBe(1);
      expect((JSON.parse(r.stdout) as LintResult[]).flatMap((x) => x.messages.map((m) => `${x.filePath.slice(root.length + 1)}: ${m.message}`))).toEqual([`${name}: symbolic link points outside the root; not followed`]);
      expect(r.stderr).toBe(`archive-lint: links resolved as ${name === 'book.toml' ? 'mdbook (detected from book.toml; site root src/)' : 'mkdocs (detected from mkdocs.yml; site root docs/)'}\n`);
    }
  });

  it('a .gitignore that is a device, inside the root, is a problem of the run, not a hang', async () => {
    const root = realpathSync(tree(PAGE));
    mkdirSync(join(root, 'sub'));
    execFileSync('mkfifo', [join(root, 'sub', '.gitignore')]);
    const r = await run(root, ['check', '--root', root, '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('archive-lint: sub/.gitignore: the .gitignore is a pipe, not a regular file; not read\n');
  });
});

/** A dead page on 127.0.0.2 (listed with --allow-host) and a web-archive endpoint on 127.0.0.1 answering `endpoint`. */
async function archiveSetup(endpoint: (res: import('node:http').ServerResponse) => void): Promise<{ dead: string; api: string; apiHits: string[]; close(): Promise<void> }> {
  const apiHits: string[] = [];
  const api = createServer((req, res) => {
    apiHits.push(req.url ?? '');
    endpoint(res);
  });
  const dead = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => dead.listen(0, '127.0.0.2', r));
  const close = (s: import('node:http').Server) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())));
  return {
    dead: `http://127.0.0.2:${(dead.address() as AddressInfo).port}/gone`,
    api: `http://127.0.0.1:${(api.address() as AddressInfo).port}/wayback/available`,
    apiHits,
    close: async () => {
      await close(api);
      await close(dead);
    },
  };
}

const URL_ONLY = ['--rule', 'no-broken-links=off', '--rule', 'valid-dates=off', '--rule', 'no-raw-html=off', '--rule', 'no-missing-images=off'];

describe('row 3: the web-archive endpoint', () => {
  it('goes through the address guard: one at a private address is not contacted unless allowed', async () => {
    const s = await archiveSetup((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"archived_snapshots":{}}'));
    try {
      const root = realpathSync(tree({ 'a.md': `---\ndate: 2020-01-02\n---\n\n[x](${s.dead})\n`, 'archive-lint.config.json': JSON.stringify({ external: { retries: 0, archive: { enabled: true, cdxEndpoint: '' } } }) }));
      const r = await run(root, ['check', '--root', root, '--no-cache', '--external', '--format', 'json', '--allow-host', '127.0.0.2', '--archive-endpoint', s.api, ...URL_ONLY], { env: { CI: 'true' } });
      expect(s.apiHits).toEqual([]);
      const m = (JSON.parse(r.stdout) as LintResult[])[0]?.messages[0]?.message ?? '';
      expect(m).toBe(`URL ${s.dead} is dead (answered 404 Not Found); its web-archive snapshot is unknown: the web archive's endpoint was not asked: 127.0.0.1 resolves to 127.0.0.1, a loopback address (--allow-host allows it)`);
      // Allowed on the command line, it is asked.
      await run(root, ['check', '--root', root, '--no-cache', '--external', '--allow-host', '127.0.0.2', '--allow-host', '127.0.0.1', '--archive-endpoint', s.api, ...URL_ONLY], { env: { CI: 'true' } });
      expect(s.apiHits.length).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('an endless answer is read up to 1 MiB, not for ever', async () => {
    let sent = 0;
    const s = await archiveSetup((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const more = () => {
        while (sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 64 * 1024 * 1024) res.once('drain', more);
        else res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      more();
    });
    try {
      const root = realpathSync(tree({ 'a.md': `---\ndate: 2020-01-02\n---\n\n[x](${s.dead})\n`, 'archive-lint.config.json': JSON.stringify({ external: { retries: 0, archive: { enabled: true, cdxEndpoint: '' } } }) }));
      const r = await run(root, ['check', '--root', root, '--no-cache', '--external', '--format', 'json', '--allow-host', '127.0.0.2', '--allow-host', '127.0.0.1', '--archive-endpoint', s.api, ...URL_ONLY], { env: { CI: 'true' } });
      const m = (JSON.parse(r.stdout) as LintResult[])[0]?.messages[0]?.message ?? '';
      expect(m).toContain('the answer is larger than 1024 KiB; not read further');
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await s.close();
    }
  });

  it("the config's endpoint is ignored in CI, with a warning", async () => {
    const root = realpathSync(tree({ 'a.md': '# A\n', 'archive-lint.config.json': JSON.stringify({ external: { archive: { enabled: true, endpoint: 'http://169.254.169.254/latest', cdxEndpoint: 'http://10.0.0.1/cdx' } } }) }));
    const r = await run(root, ['check', '--root', root, '--no-cache', '--external'], { env: { GITHUB_ACTIONS: 'true' } });
    const cfg = join(root, 'archive-lint.config.json');
    expect(r.stderr).toBe(
      `archive-lint: warning: ${cfg}: 'external.archive.endpoint' ignored in GitHub Actions: a config in the archive cannot lower a guard there; give --archive-endpoint URL on the command line (or the Action's input) instead\n` +
        `archive-lint: warning: ${cfg}: 'external.archive.cdxEndpoint' ignored in GitHub Actions: a config in the archive cannot lower a guard there; give --cdx-endpoint URL on the command line (or the Action's input) instead\n`,
    );
  });
});

describe('row 12: a host that resolves to a public and a private address', () => {
  it('is refused: every answer of the lookup is vetted, not the first only', async () => {
    const target = createServer((_req, res) => res.writeHead(200).end('secret'));
    await new Promise<void>((r) => target.listen(0, '127.0.0.3', r));
    const port = (target.address() as AddressInfo).port;
    let hits = 0;
    target.on('request', () => hits++);
    try {
      // The public answer first: a guard that looked at the first answer only would let the private one through.
      const resolve: Resolver = async () => [
        { address: '93.184.215.14', family: 4 },
        { address: '127.0.0.3', family: 4 },
      ];
      const { settings } = resolveExternal({ retries: 0, timeoutMs: 400 });
      const checker = new UrlChecker({ settings, resolve });
      const url = `http://rebind.test:${port}/x`;
      const got = (await checker.checkAll([url])).get(url);
      expect(got).toMatchObject({ status: 'blocked', address: '127.0.0.3', addressKind: 'loopback', requests: 0 });
      expect(hits).toBe(0);
    } finally {
      await new Promise<void>((r) => (target.closeAllConnections(), target.close(() => r())));
    }
  });
});

/** An environment whose user cache directory (home of the machine's secret) is a folder of its own. */
function machine(): Record<string, string> {
  return { XDG_CACHE_HOME: outside() };
}

describe('row 4: the cache folder, or a file in it, as a symbolic link', () => {
  it('.archive-lint-cache linked out of the archive: nothing is written through it, and the run says so', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    symlinkSync(victim, join(root, '.archive-lint-cache'));
    const r = await run(root, ['check', '--root', root], { env: machine() });
    expect(r.code).toBe(0);
    const cache = join(root, '.archive-lint-cache');
    expect(r.stderr).toBe(['messages', 'outcomes', 'links'].map((k) => `archive-lint: warning: cannot write the cache ${join(cache, `${k}.v8`)}: ${cache} is a symbolic link; nothing is written through a link in the archive\n`).join(''));
    expect(readdirSync(victim)).toEqual([]);
  });

  it('node_modules/.cache linked out of the archive: likewise', async () => {
    const root = realpathSync(tree({ ...PAGE, 'node_modules/x/package.json': '{}' }));
    const victim = outside();
    symlinkSync(victim, join(root, 'node_modules', '.cache'));
    const r = await run(root, ['check', '--root', root], { env: machine() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${join(root, 'node_modules', '.cache')} is a symbolic link; nothing is written through a link in the archive`);
    expect(readdirSync(victim)).toEqual([]);
  });

  it('a cache file linked to a file outside: not read, not written through; the cache is rebuilt beside it', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, 'id_rsa'), 'keep');
    mkdirSync(join(root, '.archive-lint-cache'));
    symlinkSync(join(victim, 'id_rsa'), join(root, '.archive-lint-cache', 'links.v8'));
    const r = await run(root, ['check', '--root', root], { env: machine() });
    const file = join(root, '.archive-lint-cache', 'links.v8');
    expect(r.stderr).toBe(`archive-lint: warning: ignoring ${file}: the cache file is a symbolic link that leaves the root ${root}; not read; rebuilding it\narchive-lint: warning: cannot write the cache ${file}: it is a symbolic link; nothing is written through a link\n`);
    expect(readFileSync(join(victim, 'id_rsa'), 'utf8')).toBe('keep');
  });
});

describe('row 5: a cache file linked to /dev/zero', () => {
  it('is refused unread; the run goes on', async () => {
    const root = realpathSync(tree(PAGE));
    const cacheDir = outside();
    symlinkSync('/dev/zero', join(cacheDir, 'messages.v8'));
    // Outside the root (--cache-location), a device is refused for what it is.
    const r = await run(root, ['check', '--root', root, '--cache-location', cacheDir], { env: machine() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`archive-lint: warning: ignoring ${join(cacheDir, 'messages.v8')}: the cache file is a device, not a regular file; not read; rebuilding it\n`);
  });
});

/** The frames of a cache file: [length u32 LE][16 bytes of MAC][v8 body]. */
function frames(bytes: Buffer): unknown[] {
  const out: unknown[] = [];
  for (let at = 0; at < bytes.length; ) {
    const n = bytes.readUInt32LE(at);
    out.push(deserialize(bytes.subarray(at + 20, at + 20 + n)));
    at += 20 + n;
  }
  return out;
}

/** Frame values again, each MAC'd under `secret` as cache.ts does: what a forger who knows the secret writes. */
function reframe(values: unknown[], secret: Buffer): Buffer {
  const head = values[0] as { kind: string; key: string };
  const scope = `archive-lint-cache\0${9}\0${head.kind}\0`;
  return Buffer.concat(
    values.flatMap((v, i) => {
      const body = serialize(v);
      const h = Buffer.alloc(20);
      h.writeUInt32LE(body.length);
      frameMac(secret, i === 0 ? scope : `${scope}${head.key}\0`, body).copy(h, 4);
      return [h, body];
    }),
  );
}

describe('row 7: a committed cache re-framed to match a page', () => {
  /**
   * The attacker lints a clean page with their own machine's secret, swaps in the broken page of the same size,
   * and re-frames the cache's entries with the broken page's size, time and hash.
   */
  async function forged(): Promise<{ root: string; attacker: Record<string, string> }> {
    const root = realpathSync(tree({ 'a.md': '[b](b.md)\n', 'b.md': '# B\n' }));
    const attacker = machine();
    expect((await run(root, ['check', '--root', root], { env: attacker })).code).toBe(0);
    writeFileSync(join(root, 'a.md'), '[b](x.md)\n');
    const st = statSync(join(root, 'a.md'));
    const hash = createHash('sha1').update(readFileSync(join(root, 'a.md'))).digest('hex');
    const secret = Buffer.from(readFileSync(join(attacker.XDG_CACHE_HOME as string, 'archive-lint', 'secret'), 'utf8').trim(), 'hex');
    for (const kind of ['messages', 'outcomes', 'links']) {
      const file = join(root, '.archive-lint-cache', `${kind}.v8`);
      const values = frames(readFileSync(file));
      for (const v of values.slice(1)) {
        const [path, entry] = v as [string, Record<string, unknown>];
        if (path !== 'a.md') continue;
        entry.hash = hash;
        if ('size' in entry) Object.assign(entry, { size: st.size, mtimeMs: st.mtimeMs });
      }
      writeFileSync(file, reframe(values, secret));
    }
    return { root, attacker };
  }

  it('does not pass a page with a broken link on another machine: the frames fail their authentication', async () => {
    const { root, attacker } = await forged();
    // The forgery is sound: with the forger's own secret, the broken page passes.
    expect((await run(root, ['check', '--root', root], { env: attacker })).code).toBe(0);
    const r = await run(root, ['check', '--root', root, '--format', 'json'], { env: machine() });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as LintResult[])[0]?.messages.map((m) => m.message)).toEqual(["Link target 'x.md' does not exist; did you mean 'a.md'?"]);
    expect(r.stderr).toContain(`archive-lint: warning: ignoring ${join(root, '.archive-lint-cache', 'messages.v8')}: not written by archive-lint on this machine (its authentication fails); rebuilding it\n`);
  });

  it('a cache folder tracked by git is not used at all, with a warning', async () => {
    const { root, attacker } = await forged();
    git(root, 'init', '-q');
    git(root, 'add', '-f', '.archive-lint-cache');
    // Even with the forger's secret (the same machine), a committed cache is not read.
    const r = await run(root, ['check', '--root', root], { env: attacker });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`archive-lint: warning: the cache folder ${join(root, '.archive-lint-cache')} holds 4 files tracked by git: a committed cache is never used; not reading or writing a cache this run`);
  });
});

describe('row 8: hostile patterns in the config', () => {
  it("external.exclude '^http://x/(a+)+$' runs in linear time (RE2), not for minutes", () => {
    const { settings, errors } = resolveExternal({ exclude: ['^http://x/(a+)+$'] });
    expect(errors).toEqual([]);
    const started = performance.now();
    // 40 a's and a mismatch at the end: V8's backtracking engine takes 2^40 steps.
    expect(settings.exclude[0]?.test(`http://x/${'a'.repeat(40)}!`)).toBe(false);
    expect(settings.exclude[0]?.test(`http://x/${'a'.repeat(40)}`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  }, 5000);

  it('a pattern RE2 cannot run in linear time (a backreference) is a config error naming the key', async () => {
    const root = realpathSync(tree({ ...PAGE, 'archive-lint.config.json': '{ "external": { "exclude": ["^(a+)\\\\1$"] } }' }));
    const r = await run(root, ['check', '--root', root, '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^archive-lint: ${join(root, 'archive-lint.config.json').replace(/[.]/g, '\\.')}: 'external\\.exclude\\[0\\]': expected a regular expression, got "\\^\\(a\\+\\)\\\\\\\\1\\$" \\(not a pattern the linear-time engine \\(RE2\\) runs: .+\\)\\n$`));
  });

  it('an ignore glob of 20 `*a` is refused before any matching', async () => {
    const glob = '*a'.repeat(20);
    const root = realpathSync(tree({ ...PAGE, [`${'a'.repeat(60)}.md`]: '# A\n', 'archive-lint.config.json': JSON.stringify({ ignore: [glob] }) }));
    const r = await run(root, ['check', '--root', root, '--no-cache']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: ${join(root, 'archive-lint.config.json')}: 'ignore[0]': a glob with 20 wildcards (at most 10: matching more backtracks without bound)\n` });
  }, 10_000);
});

describe('row 10: a file name that is not valid UTF-8 beside its U+FFFD twin', () => {
  it('each is one file: the twin linted once, the other reported under its escaped bytes, never merged', async () => {
    const root = realpathSync(tree({}));
    writeFileSync(Buffer.concat([Buffer.from(`${root}/a`), Buffer.from([0xff]), Buffer.from('.md')]), '[x](gone1.md)\n');
    writeFileSync(join(root, 'a\ufffd.md'), '[y](gone2.md)\n');
    const r = await run(root, ['check', '--root', root, '--no-cache', '--format', 'json']);
    expect(r.code).toBe(1);
    const rows = (JSON.parse(r.stdout) as LintResult[]).map((x) => [x.filePath.slice(root.length + 1), x.messages.map((m) => m.message)]);
    expect(rows).toEqual([
      ['a\\xff.md', ['file name is not valid UTF-8 (shown with its bytes escaped); not linted: rename it to valid UTF-8']],
      ['a\ufffd.md', ["Link target 'gone2.md' does not exist"]],
    ]);
  });
});
