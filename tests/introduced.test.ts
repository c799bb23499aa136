/** Change-aware runs: introduced problems told from existing ones, and reviewdog's filter (`--filter`, `--new-only`). */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import { git } from './helpers/git.js';
import { parseUnifiedZero } from '../src/core/walk/diff-lines.js';
import type { LintResult } from '../src/types.js';

/** An archive whose old page has two old errors (lines 3 and 9), and an index linking to a page. */
function repo(): string {
  const root = tree({
    'index.md': '# Index\n\n[a page](pages/p.md)\n',
    'pages/p.md': '# P\n',
    'pages/old.md': '# Old\n\n[broken long ago](gone.md)\n\none\n\ntwo\n\n![old picture](pic.png)\n\nthree\n',
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  return root;
}

const HOOK = { PRE_COMMIT: '1' };

async function hook(root: string, extra: string[] = [], env: Record<string, string> = HOOK) {
  const r = await run(root, ['check', '--changed', '--format', 'json', '--no-cache', ...extra], { env });
  const results = r.stdout ? (JSON.parse(r.stdout) as LintResult[]) : [];
  return { ...r, messages: results.flatMap((x) => x.messages.map((m) => `${x.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.introduced ? 'introduced' : 'existing'} ${m.message}`)) };
}

describe('introduced and existing problems', () => {
  it('a commit that edits one character of a page with old errors passes the hook, and fails with --filter all', async () => {
    const root = repo();
    writeFileSync(join(root, 'pages/old.md'), '# Old\n\n[broken long ago](gone.md)\n\none\n\nTwo\n\n![old picture](pic.png)\n\nthree\n');
    git(root, 'add', '-A');
    const r = await hook(root);
    expect(r.messages).toEqual([]);
    expect(r.stderr).toBe('archive-lint: 0 problems introduced by the change, 2 problems there before it; 2 older problems in the files you touched, not failing this run (--filter all shows them): archive-lint check pages/old.md\n');
    expect(r.code).toBe(0);
    // husky and plain git hooks (GIT_INDEX_FILE) default to the same.
    expect((await hook(root, [], { GIT_INDEX_FILE: '.git/index' })).code).toBe(0);
    const all = await hook(root, ['--filter', 'all']);
    expect(all.messages).toEqual(["pages/old.md:3:19 existing Link target 'pages/gone.md' does not exist", "pages/old.md:9:16 existing Image 'pages/pic.png' does not exist"]);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(1);
    // Outside a hook, --changed reports every problem of the files it lints, as before.
    expect((await hook(root, [], {})).code).toBe(1);
  });

  it('a deletion fails the hook at the index line that links to the deleted page, as introduced', async () => {
    const root = repo();
    git(root, 'rm', '-q', 'pages/p.md');
    const r = await hook(root);
    expect(r.messages).toEqual(["index.md:3:10 introduced Link target 'pages/p.md' does not exist: this change deleted it"]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('a problem on a line the change wrote is introduced; --filter context keeps old ones within 3 lines of it; --new-only is --filter added', async () => {
    const root = repo();
    // Line 5 rewritten with a new broken link: introduced. Line 3's old error is 2 lines away, line 9's is 4.
    writeFileSync(join(root, 'pages/old.md'), '# Old\n\n[broken long ago](gone.md)\n\n[new](missing.md)\n\ntwo\n\n![old picture](pic.png)\n\nthree\n');
    git(root, 'add', '-A');
    const added = await hook(root);
    expect(added.messages).toEqual(["pages/old.md:5:7 introduced Link target 'pages/missing.md' does not exist"]);
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/^archive-lint: 1 problem introduced by the change, 2 problems there before it; 2 older problems in the files you touched/);
    expect((await hook(root, ['--new-only'])).messages).toEqual(added.messages);
    const context = await hook(root, ['--filter', 'context']);
    // A file the change edits lists what it introduced first.
    expect(context.messages).toEqual(["pages/old.md:5:7 introduced Link target 'pages/missing.md' does not exist", "pages/old.md:3:19 existing Link target 'pages/gone.md' does not exist"]);
    expect(context.stderr).toMatch(/; 1 older problem away from the lines you changed, not failing this run \(--filter all shows them\): archive-lint check pages\/old.md\n$/);
    expect((await hook(root, ['--filter', 'file'])).messages).toEqual([
      "pages/old.md:5:7 introduced Link target 'pages/missing.md' does not exist",
      "pages/old.md:3:19 existing Link target 'pages/gone.md' does not exist",
      "pages/old.md:9:16 existing Image 'pages/pic.png' does not exist",
    ]);
  });

  it('a new file is introduced whole; a changed config makes every problem introduced', async () => {
    const root = repo();
    writeFileSync(join(root, 'pages/new.md'), '# New\n\n[x](nowhere.md)\n');
    const untracked = await hook(root, ['--base', 'HEAD'], {});
    expect(untracked.messages).toEqual(["pages/new.md:3:5 introduced Link target 'pages/nowhere.md' does not exist"]);
    writeFileSync(join(root, 'archive-lint.config.json'), '{ "rules": { "no-raw-html": "error" } }\n');
    writeFileSync(join(root, 'pages/old.md'), '# Old\n\n[broken long ago](gone.md)\n\none\n\nTwo\n\n![old picture](pic.png)\n\nthree\n');
    const config = await hook(root, ['--base', 'HEAD', '--new-only'], {});
    expect(config.messages).toContain("pages/old.md:3:19 introduced Link target 'pages/gone.md' does not exist");
  });

  it('refuses --filter without --changed, and an unknown filter', async () => {
    const root = repo();
    expect((await run(root, ['check', '--filter', 'added'])).stderr).toBe('archive-lint: --filter goes with --changed\n');
    expect((await run(root, ['check', '--new-only'])).stderr).toBe('archive-lint: --new-only goes with --changed\n');
    const bad = await run(root, ['check', '--changed', '--filter', 'diff_context']);
    expect(bad.stderr).toBe("archive-lint: --filter 'diff_context': expected one of added, context, file, all\n");
    expect(bad.code).toBe(2);
  });

  it('reads the new side of git diff -U0, with quoted names and deletion-only hunks', () => {
    const diff = [
      'diff --git a/a.md b/a.md',
      '--- a/a.md',
      '+++ b/a.md',
      '@@ -3 +3 @@ x',
      '@@ -7,2 +6,0 @@',
      '@@ -10,0 +10,4 @@',
      'diff --git "a/\\303\\251t\\303\\251.md" "b/\\303\\251t\\303\\251.md"',
      '--- /dev/null',
      '+++ "b/\\303\\251t\\303\\251 \\"q\\".md"',
      '@@ -0,0 +1,2 @@',
      'diff --git a/gone.md b/gone.md',
      '--- a/gone.md',
      '+++ /dev/null',
      '@@ -1,3 +0,0 @@',
    ].join('\n');
    expect([...parseUnifiedZero(diff)]).toEqual([
      ['a.md', [[3, 3], [10, 13]]],
      ['été "q".md', [[1, 2]]],
    ]);
  });
});
