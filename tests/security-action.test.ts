/**
 * Issue 21 in the Action, on a pull request: the config comes from the base commit (`git show BASE:PATH`), a
 * `.mjs` config the pull request adds is never run, a config it changes cannot lower a guard (allowPrivateHosts)
 * and is reported as a notice, and a `sarif-file` the pull request made a symbolic link is not written through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runAction } from '../src/action/main.js';
import { git, gitEnv } from './helpers/git.js';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop() as string, { recursive: true, force: true });
});
function temp(): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'archive-lint-sec-action-')));
  made.push(d);
  return d;
}
function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A pull request checked out as actions/checkout does (the merge commit), with `head` files over `base` files. */
function pullRequest(base: Record<string, string>, head: Record<string, string>, links: Record<string, string> = {}): { workspace: string; event: string; base: string } {
  const workspace = temp();
  git(workspace, 'init', '-q');
  write(workspace, base);
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'base');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', '-b', 'pr');
  write(workspace, head);
  for (const [path, target] of Object.entries(links)) symlinkSync(target, join(workspace, path));
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'pr');
  const headSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', '--detach', baseSha);
  git(workspace, 'merge', '-q', '--no-ff', '-m', 'merge', headSha);
  const event = join(temp(), 'event.json');
  writeFileSync(event, JSON.stringify({ number: 9, pull_request: { number: 9, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha } } }));
  return { workspace, event, base: baseSha };
}

async function action(workspace: string, event: string, inputs: Record<string, string> = {}, extra: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  const runner = temp();
  let stdout = '';
  const env: Record<string, string | undefined> = {
    ...gitEnv(),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runner,
    XDG_CACHE_HOME: join(runner, 'xdg'),
    'INPUT_FAIL-ON': 'error',
    ...extra,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const code = await runAction({ env, stdout: { write: (s) => ((stdout += String(s)), true) }, stderr: { write: () => true } });
  return { code, stdout };
}

describe('the Action on a pull request', () => {
  it("uses the base commit's config: the head's .mjs never runs, its changed JSON config neither lowers a guard nor turns a rule off", async () => {
    let hits = 0;
    const server = createServer((_req, res) => (hits++, res.writeHead(200).end('ok')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal`;
    try {
      const marker = join(temp(), 'ran');
      const { workspace, event, base } = pullRequest(
        { '.archive-lintrc.json': '{ "rules": { "no-raw-html": "off" } }\n', 'a.md': '# A\n' },
        {
          '.archive-lintrc.json': '{ "rules": { "no-broken-links": "off" }, "external": { "allowPrivateHosts": true } }\n',
          'archive-lint.config.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, process.env.SECRET_TOKEN ?? '');\nexport default {};\n`,
          'c.md': `# C\n\n[gone](gone.md) <center>x</center> [internal](${url})\n`,
        },
      );
      const r = await action(workspace, event, { external: 'true' }, { SECRET_TOKEN: 'ghs_secret' });
      expect(existsSync(marker)).toBe(false);
      expect(hits).toBe(0);
      expect(r.stdout).toContain(`Config: .archive-lintrc.json as of the base commit ${base.slice(0, 12)} (git show ${base.slice(0, 12)}:.archive-lintrc.json); the pull request's tree is not read for a config.\n`);
      expect(r.stdout).toContain(`::notice file=.archive-lintrc.json::This pull request changes .archive-lintrc.json: the run uses the base commit's config; the change takes effect once merged.\n`);
      expect(r.stdout).toContain(`::notice file=archive-lint.config.mjs::This pull request changes archive-lint.config.mjs: the run uses the base commit's config; the change takes effect once merged.\n`);
      // The broken link is an error (the head's config turned the rule off: not used); no-raw-html is off (the base's).
      expect(r.stdout).toContain("::error file=c.md,line=3,col=8,endLine=3,endColumn=15,title=no-broken-links::Link target 'gone.md' does not exist");
      expect(r.stdout).toContain(`title=no-dead-urls::URL ${url} was not requested: 127.0.0.1 resolves to 127.0.0.1, a loopback address`);
      expect(r.stdout).not.toContain('no-raw-html');
      expect(r.code).toBe(1);
    } finally {
      await new Promise<void>((res) => (server.closeAllConnections(), server.close(() => res())));
    }
  });

  it('with no config in the base commit, the defaults apply, not a config the pull request adds', async () => {
    const { workspace, event, base } = pullRequest({ 'a.md': '# A\n' }, { 'archive-lint.config.json': '{ "rules": { "no-broken-links": "off" } }', 'c.md': '[gone](gone.md)\n' });
    const r = await action(workspace, event);
    expect(r.stdout).toContain(`Config: none in the base commit ${base.slice(0, 12)}; the defaults apply (a pull request's config is never used).\n`);
    expect(r.code).toBe(1);
  });

  it('a sarif-file the pull request made a symbolic link is refused, its target untouched', async () => {
    const victim = join(temp(), 'victim');
    writeFileSync(victim, 'keep');
    const { workspace, event } = pullRequest({ 'a.md': '# A\n' }, { 'c.md': '# C\n' }, { 'out.sarif': victim });
    const r = await action(workspace, event, { 'sarif-file': 'out.sarif' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`::error::archive-lint: input 'sarif-file': cannot write ${join(workspace, 'out.sarif')}: it is a symbolic link; nothing is written through a link\n`);
    expect(readFileSync(victim, 'utf8')).toBe('keep');
  });
});
