/**
 * The README's `npx` lines run as written, with the npm on this machine (npm 11) and with npm 10 when
 * ARCHIVE_LINT_NPM10 names its npx-cli.js (.ci/run installs it from the npm registry). `npx --no archive-lint
 * --changed` gave `--changed` to npm itself ("Unknown cli config" on npm 11) and linted the whole archive:
 * `npx --no -- archive-lint …` ends npm's options.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tree } from './helpers/tree.js';
import { git } from './helpers/git.js';

const project = fileURLToPath(new URL('..', import.meta.url));
// The README and the docs it links to (the hook's recipes are in docs/ci.md).
const readme = ['README.md', ...readdirSync(join(project, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)].map((f) => readFileSync(join(project, f), 'utf8')).join('\n');

/** Every README line that runs archive-lint through npx, as written (YAML's `run:` taken off). */
const lines = readme
  .split('\n')
  .map((l) => l.trim().replace(/^- run: /, ''))
  .filter((l) => /^npx\b/.test(l) && /archive-lint/.test(l));

const npms: [string, string[]][] = [['npm on this machine', ['npx']]];
const npm10 = process.env.ARCHIVE_LINT_NPM10;
if (process.env.CI && !npm10) throw new Error('CI must set ARCHIVE_LINT_NPM10 to npm 10\'s bin/npx-cli.js (see .ci/run)');
if (npm10 && existsSync(npm10)) npms.push(['npm 10', [process.execPath, npm10]]);

/** An archive with archive-lint installed as a dependency (a link to this checkout), and a staged deletion. */
function archive(): string {
  const root = tree({ 'package.json': '{ "name": "an-archive", "private": true }\n', 'index.md': '# Index\n\n[a page](pages/p.md)\n', 'pages/p.md': '# P\n' });
  mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
  symlinkSync(project, join(root, 'node_modules/archive-lint'));
  symlinkSync('../archive-lint/bin/archive-lint.js', join(root, 'node_modules/.bin/archive-lint'));
  writeFileSync(join(root, '.gitignore'), 'node_modules/\n');
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  git(root, 'rm', '-q', 'pages/p.md');
  return root;
}

describe("the README's npx lines", () => {
  it('every npx line with --no ends npm options with --', () => {
    expect(lines.filter((l) => l.startsWith('npx --no')).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => /^npx --no(?!-install) (?!-- )/.test(l))).toEqual([]);
  });

  describe.each(npms)('%s', (_label, npx) => {
    it('the husky line fails a commit that deletes a page the index links to, at the index line', () => {
      const root = archive();
      const husky = lines.find((l) => /^npx --no -- archive-lint --changed\b/.test(l));
      expect(husky).toBeDefined();
      const words = (husky as string).replace(/\s+#.*$/, '').split(/\s+/).slice(1);
      const r = spawnSync(npx[0] as string, [...npx.slice(1), ...words, '--no-cache'], { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_INDEX_FILE: join(root, '.git/index'), npm_config_update_notifier: 'false' } });
      expect(r.stderr).not.toMatch(/Unknown cli config|invalid config/);
      expect(r.stdout).toContain("3:10  error    Link target 'pages/p.md' does not exist: this change deleted it  no-broken-links");
      expect(r.status).toBe(1);
    }, 60_000);

    it('npx --no -- archive-lint check: options reach archive-lint', () => {
      const root = archive();
      const r = spawnSync(npx[0] as string, [...npx.slice(1), '--no', '--', 'archive-lint', 'check', '--format', 'json', '--no-cache', '--quiet'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
      expect(r.stderr).toBe('');
      expect((JSON.parse(r.stdout) as { messages: { message: string }[] }[]).map((x) => x.messages.map((m) => m.message))).toEqual([["Link target 'pages/p.md' does not exist"]]);
      expect(r.status).toBe(1);
      expect(execFileSync(npx[0] as string, [...npx.slice(1), '--version'], { encoding: 'utf8' })).toMatch(/^\d+\./);
    }, 60_000);
  });
});
