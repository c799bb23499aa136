/**
 * The tests' own git is isolated from the git config of whoever runs them: a global config that signs every
 * commit with a program that fails, a hooks path whose hooks refuse every commit, another default branch, and
 * a config given through `GIT_CONFIG_*` variables break a plain `git commit`, and the suite's git still works.
 * (The command line under test reads with the user's config, as it should; these settings do not change reads.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitAll, git } from './helpers/git.js';
import { run, tree } from './helpers/tree.js';
import type { LintResult } from '../src/types.js';

const TESTS = fileURLToPath(new URL('.', import.meta.url));
const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/** A HOME with a hostile `.gitconfig`, and the variables that make git use it. */
function hostile(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'archive-lint-hostile-git-'));
  mkdirSync(join(dir, 'hooks'));
  for (const hook of ['pre-commit', 'commit-msg', 'post-checkout', 'pre-rebase']) {
    writeFileSync(join(dir, 'hooks', hook), '#!/bin/sh\necho "hostile hook refuses" >&2\nexit 1\n');
    chmodSync(join(dir, 'hooks', hook), 0o755);
  }
  writeFileSync(join(dir, 'fail-gpg'), '#!/bin/sh\necho "no key" >&2\nexit 1\n');
  chmodSync(join(dir, 'fail-gpg'), 0o755);
  writeFileSync(
    join(dir, '.gitconfig'),
    `[commit]\n\tgpgsign = true\n[gpg]\n\tprogram = ${join(dir, 'fail-gpg')}\n[core]\n\thooksPath = ${join(dir, 'hooks')}\n[init]\n\tdefaultBranch = hostile\n[user]\n\tuseConfigOnly = true\n`,
  );
  return {
    dir,
    env: {
      HOME: dir,
      GIT_CONFIG_GLOBAL: join(dir, '.gitconfig'),
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'commit.gpgSign',
      GIT_CONFIG_VALUE_0: 'true',
    },
  };
}

const saved: Record<string, string | undefined> = {};
const dirs: string[] = [];

/** Set variables in this process's environment until the test ends. */
function setEnv(vars: Record<string, string>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (!(k in saved)) saved[k] = process.env[k];
    process.env[k] = v;
  }
}

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    delete saved[k];
  }
  while (dirs.length) rmSync(dirs.pop() as string, { recursive: true, force: true });
});

describe("the tests' git", () => {
  it('a hostile global config breaks a plain git commit, and not the helpers', async () => {
    const h = hostile();
    dirs.push(h.dir);
    setEnv(h.env);

    // What the hostile config does to a git run with the caller's environment: no commit.
    const plain = tree({ 'a.md': '# A\n' });
    expect(spawnSync('git', ['init', '-q'], { cwd: plain }).status).toBe(0);
    expect(spawnSync('git', ['add', '-A'], { cwd: plain }).status).toBe(0);
    const refused = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x'], { cwd: plain, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('hostile hook refuses');
    const unhooked = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--no-verify', '-qm', 'x'], { cwd: plain, encoding: 'utf8' });
    expect(unhooked.status).not.toBe(0);
    expect(unhooked.stderr).toMatch(/gpg failed to sign/);

    // The helpers, in the same environment: a repository on main, an unsigned commit, a rename.
    const root = tree({ 'index.md': '# Index\n\n[beta](pages/b.md)\n', 'pages/b.md': '# Beta\n' });
    commitAll(root);
    expect(git(root, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(root, 'cat-file', '-p', 'HEAD')).not.toContain('gpgsig');
    git(root, 'mv', 'pages/b.md', 'pages/c.md');

    // And the command line reads that repository with the hostile config in its environment.
    const r = await run(root, ['check', '--changed', '--no-cache', '--format', 'json'], { env: { PRE_COMMIT: '1' } });
    const messages = (JSON.parse(r.stdout) as LintResult[]).flatMap((x) => x.messages.map((m) => `${x.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.message}`));
    expect(messages).toEqual(["index.md:3:8 Link target 'pages/b.md' does not exist: this change renamed it to 'pages/c.md'"]);
    expect(r.code).toBe(1);
  });

  it('the suites that build repositories pass with the hostile config in their environment', () => {
    const h = hostile();
    dirs.push(h.dir);
    const vitest = join(PROJECT, 'node_modules', 'vitest', 'vitest.mjs');
    const r = spawnSync(process.execPath, [vitest, 'run', 'tests/changed.test.ts', 'tests/cli-init.test.ts', 'tests/cache.test.ts'], {
      cwd: PROJECT,
      env: { ...process.env, ...h.env, NO_COLOR: '1', VITEST_JSON_REPORT: '' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(0);
    expect(out).toMatch(/Test Files {2}3 passed \(3\)/);
  }, 300_000);

  it('no test runs git but through tests/helpers/git.ts', () => {
    // action.test.ts runs the Action's bundle, which runs git itself, with an environment of its own.
    const own = new Set(['git-isolation.test.ts', 'action.test.ts', 'helpers/git.ts']);
    const offenders: string[] = [];
    const visit = (dir: string, prefix: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const rel = prefix + e.name;
        if (e.isDirectory()) visit(join(dir, e.name), `${rel}/`);
        else if (rel.endsWith('.ts') && !own.has(rel)) {
          readFileSync(join(dir, e.name), 'utf8')
            .split('\n')
            .forEach((line, k) => {
              if (/\b(?:execFileSync|execFile|spawnSync|spawn|execSync|exec)\(\s*['"`]git\b/.test(line)) offenders.push(`${rel}:${k + 1}`);
            });
        }
      }
    };
    visit(TESTS, '');
    expect(offenders).toEqual([]);
  });
});
