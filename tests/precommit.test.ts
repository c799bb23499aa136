/**
 * The hook with the real pre-commit framework: it installs this repository's committed HEAD the way it installs
 * any node hook (`npm install`, `npm pack`, `npm install -g` of the tarball), then a commit that deletes a page an
 * untouched index links to must fail, and a clean one pass. Needs Debian's `pre-commit` (.ci/run installs it);
 * without it the test is skipped on a developer's machine and fails in CI.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git as gitIn, gitEnv, gitSpawn } from './helpers/git.js';

const project = fileURLToPath(new URL('..', import.meta.url));
const hasPreCommit = spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).status === 0;
const required = Boolean(process.env.CI);

function env(home: string): NodeJS.ProcessEnv {
  // Nothing of the test runner's own git config or hook context may leak into the archive's repository (npm,
  // which pre-commit runs to install the hook, keeps its cache in HOME).
  const e = gitEnv({ ...process.env, PRE_COMMIT_HOME: home }, { keepHome: true });
  delete e.PRE_COMMIT;
  return e;
}

describe.skipIf(!hasPreCommit && !required)('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('fails a commit that deletes a page an untouched index links to, and passes a clean one', () => {
    expect(hasPreCommit, 'the pre-commit framework must be installed in CI (Debian package pre-commit)').toBe(true);
    const rev = gitIn(project, 'rev-parse', 'HEAD');
    const dir = mkdtempSync(join(tmpdir(), 'archive-lint-precommit-'));
    try {
      const root = join(dir, 'archive');
      const e = env(join(dir, 'pre-commit-home'));
      const git = (...args: string[]) => gitSpawn(root, args, e);
      expect(gitSpawn(dir, ['init', '-q', '-b', 'main', root], e).status).toBe(0);
      writeFileSync(join(root, 'index.md'), '# Index\n\n- [Page](page.md)\n');
      writeFileSync(join(root, 'page.md'), '# Page\n\nHello.\n');
      writeFileSync(join(root, '.pre-commit-config.yaml'), `repos:\n  - repo: ${project}\n    rev: ${rev}\n    hooks:\n      - id: archive-lint\n`);
      expect(git('add', '-A').status).toBe(0);
      expect(git('commit', '-qm', 'archive').status).toBe(0);

      const install = spawnSync('pre-commit', ['install', '--install-hooks'], { cwd: root, env: e, encoding: 'utf8' });
      expect(install.status, install.stdout + install.stderr).toBe(0);

      // A clean change passes.
      writeFileSync(join(root, 'page.md'), '# Page\n\nHello again.\n');
      const clean = git('commit', '-qam', 'edit the page');
      expect(clean.status, clean.stdout + clean.stderr).toBe(0);
      expect(clean.stdout + clean.stderr).toMatch(/archive-lint\.+Passed/);

      // Deleting the page breaks index.md, which the commit does not touch: the commit is refused.
      const head = git('rev-parse', 'HEAD').stdout;
      expect(git('rm', '-q', 'page.md').status).toBe(0);
      const broken = git('commit', '-qm', 'delete the page');
      const out = broken.stdout + broken.stderr;
      expect(broken.status, out).toBe(1);
      expect(out).toMatch(/archive-lint\.+Failed/);
      expect(out).toContain('index.md\n  3:10  error    Link target \'page.md\' does not exist: this change deleted it  no-broken-links');
      expect(git('rev-parse', 'HEAD').stdout).toBe(head);
      // Nothing the hook wrote is left for `git add -A` to pick up.
      expect(git('status', '--porcelain', '--untracked-files=all').stdout).toBe('D  page.md\n');
      expect(existsSync(join(root, 'page.md'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
