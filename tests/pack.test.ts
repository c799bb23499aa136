/**
 * The package as users get it. `npm pack`, then install it into an empty project with no devDependencies and no
 * build step; install it from a path and from a git URL as the README says to do until it is on the registry;
 * and install it globally. Each time `archive-lint --version`, `check` and `audit` must work there. Dependencies
 * come from the registry (or npm's cache, which `npm ci` has filled).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { git, gitEnv } from './helpers/git.js';
import { rules } from '../rules/index.js';

const project = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const dir = mkdtempSync(join(tmpdir(), 'archive-lint-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }), 120_000);

function npm(cwd: string, ...args: string[]): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8', env: gitEnv({ ...process.env, npm_config_yes: 'true' }, { keepHome: true }), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A small archive with one broken link, in its own folder. */
function archive(name: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'pages'), { recursive: true });
  writeFileSync(join(root, 'index.md'), '# Index\n\n[Alpha](pages/a.md) [Gone](pages/gone.md)\n');
  writeFileSync(join(root, 'pages/a.md'), '# Alpha\n');
  return root;
}

function expectWorks(bin: string, root: string, cwd = root): void {
  const run = (...args: string[]) => spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const v = run('--version');
  expect(v.status, v.stderr).toBe(0);
  expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).version);
  const check = run('check', root, '--root', root, '--no-cache');
  expect(check.stdout).toContain("index.md\n  3:28  error    Link target 'pages/gone.md' does not exist  no-broken-links");
  expect(check.status).toBe(1);
  const audit = run('audit', root, '--root', root, '--no-cache', '--no-external', '--report', join(root, 'report.html'));
  expect(audit.stdout).toMatch(/1 error/);
  expect(audit.status).toBe(1);
  expect(readFileSync(join(root, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  // A config file makes the run validate it (the validator loads only then).
  writeFileSync(join(root, 'archive-lint.config.json'), '{ "rules": { "no-broken-links": "warn" } }\n');
  const warned = run('check', root, '--root', root, '--no-cache');
  expect(warned.status, warned.stderr).toBe(0);
  rmSync(join(root, 'archive-lint.config.json'));
}

let tarball = '';

beforeAll(() => {
  // `npm test` has just built dist/; pack what is there.
  const out = JSON.parse(npm(project, 'pack', '--ignore-scripts', '--json', '--pack-destination', dir)) as { filename: string; size: number; files: { path: string }[] }[];
  tarball = join(dir, out[0]?.filename ?? '');
}, 120_000);

describe('the published package', () => {
  it('ships what runs: no tests, fixtures, benchmark, sources or source maps', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listed).toContain('package/bin/archive-lint.js');
    expect(listed).toContain('package/dist/bundle/bin.js');
    expect(listed).toContain('package/dist/bundle/worker.js');
    expect(listed).toContain('package/archive-lint.schema.json');
    // Each rule's page, for `archive-lint rules ID` offline; no other file of rules/ (their code is in dist/).
    expect(listed.filter((p) => p.startsWith('package/rules/')).sort()).toEqual(rules.map((r) => `package/rules/${r.meta.id}/README.md`).sort());
    expect(listed.filter((p) => /^package\/(tests|fixtures|bench|src|\.github|\.ci)\/|\.map$|\.test\./.test(p))).toEqual([]);
  });

  it('installed from the tarball into an empty project, with no devDependencies: npx archive-lint works', () => {
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    npm(app, 'install', '--omit=dev', tarball);
    for (const dev of ['typescript', 'esbuild', 'vitest', 'tsx']) expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    expectWorks(join(app, 'node_modules/.bin/archive-lint'), archive('archive-tarball'));
    const npx = spawnSync('npx', ['--no-install', 'archive-lint', '--version'], { cwd: app, encoding: 'utf8' });
    expect(npx.status, npx.stderr).toBe(0);
    // One rule's documentation, from the installed package, with no network: its page, then each message id with
    // its severity under each publishing profile, and how to silence it.
    const doc = spawnSync(join(app, 'node_modules/.bin/archive-lint'), ['rules', 'no-broken-links'], { cwd: app, encoding: 'utf8' });
    expect(doc.status, doc.stderr).toBe(0);
    expect(doc.stdout.startsWith(readFileSync(join(app, 'node_modules/archive-lint/rules/no-broken-links/README.md'), 'utf8').trimEnd())).toBe(true);
    expect(doc.stdout).toContain('# no-broken-links\n\nLocal link targets must exist');
    expect(doc.stdout).toContain('| message id | github | mdbook | mkdocs | jekyll | message |\n');
    expect(doc.stdout).toMatch(/\n\| `missingFile` \| (error|warn) \| (error|warn) \| (error|warn) \| (error|warn) \| Link target '\{target\}' does not exist\{suggestion\} \|\n/);
    expect(doc.stdout).toContain('<!-- lint ignore no-broken-links -->');
  }, 300_000);

  it('installed globally (npm install -g, here into a private prefix)', () => {
    const prefix = join(dir, 'global');
    npm(dir, 'install', '-g', '--prefix', prefix, tarball);
    expectWorks(join(prefix, 'bin/archive-lint'), archive('archive-global'));
  }, 300_000);

  it('installed as a dev dependency from a path, as the README says (the checkout built by npm ci)', () => {
    const root = archive('archive-path');
    writeFileSync(join(root, 'package.json'), '{ "name": "my-archive", "version": "1.0.0", "private": true }\n');
    npm(root, 'install', '--save-dev', project);
    expectWorks(join(root, 'node_modules/.bin/archive-lint'), root);
  }, 300_000);

  it("the README's commands, followed on a fresh copy of an archive that is not an npm project", () => {
    // The README's block for running it on an archive: its install line and its archive-lint lines, in order.
    const readme = readFileSync(join(project, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Running it on your archive'));
    const block = (/```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '').split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
    const install = block.find((l) => l.startsWith('npm install --global '));
    const commands = block.filter((l) => l.startsWith('archive-lint '));
    expect(install).toBe(`npm install --global github:${JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).repository.url.replace(/^git\+https:\/\/github\.com\/|\.git$/g, '')}`);
    expect(commands).toEqual(['archive-lint init', 'archive-lint audit .', 'archive-lint check --changed']);

    // A fresh copy of the example archive (no package.json, a .gitignore of its own), a git repository.
    const root = join(dir, 'first-hour');
    cpSync(join(project, 'examples/archive'), root, { recursive: true, filter: (src) => !src.includes('.archive-lint-cache') });
    expect(existsSync(join(root, 'package.json'))).toBe(false);
    writeFileSync(join(root, '.gitignore'), '*.tmp\n');
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'the archive');

    // Install: the package as GitHub would build it (here the packed checkout; no network), for the user (a private prefix).
    const prefix = join(dir, 'first-hour-global');
    npm(root, ...(install as string).split(' ').slice(1, 3), '--prefix', prefix, tarball);
    const bin = join(prefix, 'bin/archive-lint');
    const env = { ...gitEnv({ ...process.env, NO_COLOR: '1' }), PATH: `${join(prefix, 'bin')}:${process.env.PATH}` };
    const runs = commands.map((line) => {
      // No test reaches the internet: the audit's URL checks are off (--no-external).
      const args = line.split(' ').slice(1).concat(line === 'archive-lint audit .' ? ['--no-external'] : []);
      return spawnSync(bin, args, { cwd: root, encoding: 'utf8', env });
    });
    const [init, audit, changed] = runs as [ReturnType<typeof spawnSync>, ReturnType<typeof spawnSync>, ReturnType<typeof spawnSync>];
    expect(init.status, String(init.stderr)).toBe(0);
    expect(init.stdout).toContain('This archive is not an npm project (no package.json)');
    expect(init.stdout).toMatch(/Next: archive-lint audit \.\n$/);
    expect(audit.status, String(audit.stderr)).toBe(1);
    expect(audit.stdout).toContain('Fix first (the largest groups of errors)');
    const report = /HTML report written to (.+)\n/.exec(String(audit.stderr))?.[1];
    expect(report).toBe(join(root, '.archive-lint-cache', 'report.html'));
    expect(readFileSync(report as string, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(changed.status, String(changed.stderr)).toBe(0);
    // Nothing the tool wrote but the config is left for git: no package.json, no node_modules, no cache, no report.
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('?? archive-lint.config.json');
  }, 300_000);

  it('installed as a dev dependency from a git URL: npm builds it on install', () => {
    // The committed HEAD, as `npm install -D git+https://…/archive-lint.git` would fetch it.
    const root = archive('archive-git');
    writeFileSync(join(root, 'package.json'), '{ "name": "my-archive", "version": "1.0.0", "private": true }\n');
    const rev = git(project, 'rev-parse', 'HEAD');
    npm(root, 'install', '--save-dev', `git+file://${project}#${rev}`);
    expectWorks(join(root, 'node_modules/.bin/archive-lint'), root);
  }, 600_000);
});
