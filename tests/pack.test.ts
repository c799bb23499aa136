/**
 * The package as users get it. `npm pack`, then install it into an empty project with no devDependencies and no
 * build step; install it from a path and from a git URL as the README says to do until it is on the registry;
 * and install it globally. Each time `archive-lint --version`, `check` and `audit` must work there. Dependencies
 * come from the registry (or npm's cache, which `npm ci` has filled).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { git, gitEnv } from './helpers/git.js';

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

  it('installed as a dev dependency from a git URL: npm builds it on install', () => {
    // The committed HEAD, as `npm install -D git+https://…/archive-lint.git` would fetch it.
    const root = archive('archive-git');
    writeFileSync(join(root, 'package.json'), '{ "name": "my-archive", "version": "1.0.0", "private": true }\n');
    const rev = git(project, 'rev-parse', 'HEAD');
    npm(root, 'install', '--save-dev', `git+file://${project}#${rev}`);
    expectWorks(join(root, 'node_modules/.bin/archive-lint'), root);
  }, 600_000);
});
