/**
 * git's failures said for what they are: a shallow clone whose default branch has no merge base with HEAD (what
 * actions/checkout gives by default), and no git on PATH; neither is "cannot find the default branch" or "not a
 * git work tree".
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, tree } from './helpers/tree.js';
import { commitAll, git, gitEnv } from './helpers/git.js';

const BIN = fileURLToPath(new URL('../bin/archive-lint.js', import.meta.url));

describe('git, said for what it is', () => {
  it('a depth-1 clone whose origin/main exists but shares no commit in its history: the message names the shallow clone and the fix', () => {
    // origin: main A-B, pr A-C; the checkout: pr at depth 1, and origin/main at depth 1 (as actions/checkout fetches).
    const origin = tree({ 'a.md': '# A\n' });
    git(origin, 'init', '-q', '-b', 'main');
    commitAll(origin, 'A');
    git(origin, 'checkout', '-q', '-b', 'pr');
    writeFileSync(join(origin, 'c.md'), '# C\n');
    commitAll(origin, 'C');
    git(origin, 'checkout', '-q', 'main');
    writeFileSync(join(origin, 'b.md'), '# B\n');
    commitAll(origin, 'B');
    const clone = join(mkdtempSync(join(tmpdir(), 'archive-lint-shallow-')), 'clone');
    git(origin, 'clone', '-q', '--depth', '1', '--branch', 'pr', `file://${origin}`, clone);
    git(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
    const r = spawnSync(process.execPath, [BIN, 'check', '--changed', '--no-cache', clone], { cwd: clone, encoding: 'utf8', env: gitEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'archive-lint: --changed: origin/main has no merge base with HEAD in this shallow clone (its history stops before the commit they share); fetch more of it (git fetch --unshallow, or fetch-depth: 0 with actions/checkout), or give --base REF\n',
    );
  });

  it('no git on PATH: said so, not "not a git work tree"', () => {
    const root = tree({ 'a.md': '# A\n' });
    git(root, 'init', '-q');
    const r = spawnSync(process.execPath, [BIN, 'check', '--changed', '--no-cache', root], { cwd: root, encoding: 'utf8', env: { PATH: '/nonexistent' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('archive-lint: --changed needs git, and git is not installed or not on PATH (spawn git ENOENT)\n');
  });

  it('a page with merge-conflict markers fails the run (exit 1), not passes it', async () => {
    const root = tree({ 'a.md': '# A\n\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> other\n' });
    const r = await run(root, ['check', '--no-cache']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("3:1  error    Merge conflict left in the page: '<<<<<<< HEAD' (line 3), '=======' (line 5) and '>>>>>>> other' (line 7); keep one side and remove the markers  no-conflict-markers");
  });
});
