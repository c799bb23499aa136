/** --changed: the changed files, plus the untouched files whose links the change broke. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import { git } from './helpers/git.js';
import type { LintResult } from '../src/types.js';

function repo(): string {
  const root = tree({
    'index.md': '# Index\n\n[alpha](pages/a.md#alpha) [beta](pages/b.md)\n',
    'pages/a.md': '# Alpha\n\ntext\n',
    'pages/b.md': '# Beta\n',
    'pages/unrelated.md': '# Unrelated\n\n[broken all along](nowhere.md)\n',
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  return root;
}

async function changed(root: string, extra: string[] = [], env: Record<string, string> = { PRE_COMMIT: '1' }) {
  const r = await run(root, ['check', '--changed', '--format', 'json', ...extra], { env });
  const results = r.stdout ? (JSON.parse(r.stdout) as LintResult[]) : [];
  return { ...r, files: results.map((x) => x.filePath.slice(root.length + 1)), messages: results.flatMap((x) => x.messages.map((m) => `${x.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.message}`)) };
}

describe('--changed', () => {
  for (const cache of [[], ['--no-cache']]) {
    const label = cache.length ? 'without a cache' : 'with a warm cache';
    it(`a deleted page: the untouched index that links to it is linted (${label})`, async () => {
      const root = repo();
      if (!cache.length) await run(root, ['check']); // warm the cache
      git(root, 'rm', '-q', 'pages/b.md');
      const r = await changed(root, cache);
      expect(r.files).toEqual(['index.md']);
      expect(r.messages).toEqual(["index.md:3:34 Link target 'pages/b.md' does not exist: this change deleted it"]);
      expect(r.code).toBe(1);
    });

    it(`a renamed page: the message names the new path, and --fix writes it (${label})`, async () => {
      const root = repo();
      // A linking file in another folder, with a fragment and a title, and a link the rename does not touch.
      mkdirSync(join(root, 'notes'));
      writeFileSync(join(root, 'notes/n.md'), '# N\n\nSee [beta](../pages/b.md#beta "Beta") and [alpha](../pages/a.md).\n', { flag: 'wx' });
      git(root, 'add', 'notes/n.md');
      git(root, 'commit', '-qm', 'notes');
      if (!cache.length) await run(root, ['check']);
      git(root, 'mv', 'pages/b.md', 'pages/c.md');
      const r = await changed(root, cache);
      expect(r.files).toEqual(['index.md', 'notes/n.md', 'pages/c.md']);
      expect(r.messages).toEqual([
        "index.md:3:34 Link target 'pages/b.md' does not exist: this change renamed it to 'pages/c.md'",
        "notes/n.md:3:12 Link target 'pages/b.md' does not exist: this change renamed it to 'pages/c.md'",
      ]);
      const before = { a: readFileSync(join(root, 'pages/a.md'), 'utf8'), c: readFileSync(join(root, 'pages/c.md'), 'utf8') };
      const fixed = await run(root, ['check', '--changed', '--fix', ...cache], { env: { PRE_COMMIT: '1' } });
      expect(fixed.stdout).toBe('');
      expect(fixed.stderr).toBe('archive-lint: fixed 2 files (2 fixes)\n');
      expect(fixed.code).toBe(0);
      // Each link names the new path, relative to its file, fragment and title kept; nothing else changed.
      expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe('# Index\n\n[alpha](pages/a.md#alpha) [beta](pages/c.md)\n');
      expect(readFileSync(join(root, 'notes/n.md'), 'utf8')).toBe('# N\n\nSee [beta](../pages/c.md#beta "Beta") and [alpha](../pages/a.md).\n');
      expect({ a: readFileSync(join(root, 'pages/a.md'), 'utf8'), c: readFileSync(join(root, 'pages/c.md'), 'utf8') }).toEqual(before);
      expect(git(root, 'status', '--porcelain')).toBe(' M index.md\n M notes/n.md\nR  pages/b.md -> pages/c.md');
      // Nothing is left to fix or report.
      expect((await changed(root, cache)).messages).toEqual([]);
    });

    it(`a removed heading: files linking to its anchor are linted (${label})`, async () => {
      const root = repo();
      if (!cache.length) await run(root, ['check']);
      writeFileSync(join(root, 'pages/a.md'), '# Renamed heading\n\ntext\n');
      git(root, 'add', 'pages/a.md');
      const r = await changed(root, cache);
      expect(r.files).toEqual(['index.md', 'pages/a.md']);
      expect(r.messages).toEqual(["index.md:3:9 Link target 'pages/a.md' has no heading or anchor '#alpha'"]);
    });
  }

  it('keeps to the given paths: the changed files and the linking files under them', async () => {
    const root = repo();
    git(root, 'mv', 'pages/b.md', 'pages/c.md');
    const under = await changed(root, [join(root, 'pages')]);
    expect(under.files).toEqual(['pages/c.md']);
    const whole = await changed(root, [root]);
    expect(whole.files).toEqual(['index.md', 'pages/c.md']);
  });

  it('compares with --base REF outside a pre-commit context', async () => {
    const root = repo();
    git(root, 'checkout', '-qb', 'topic');
    git(root, 'rm', '-q', 'pages/b.md');
    git(root, 'commit', '-qm', 'delete b');
    const r = await changed(root, ['--base', 'main'], {});
    expect(r.files).toEqual(['index.md']);
    const mergeBase = await changed(root, [], {});
    expect(mergeBase.files).toEqual(['index.md']);
  });

  it('lints nothing when nothing changed, says so under pre-commit, and refuses a bad base or a folder that is not a work tree', async () => {
    const root = repo();
    const r = await changed(root, [], { GIT_INDEX_FILE: '.git/index' });
    expect(r.files).toEqual([]);
    expect(r.code).toBe(0);
    // `pre-commit run --all-files` and a commit that stages nothing (`--amend` to reword) look the same to a hook.
    const none = await changed(root);
    expect(none.files).toEqual([]);
    expect(none.stderr).toBe('archive-lint: warning: nothing is staged, so nothing to lint; to lint the whole archive: archive-lint check (or the archive-lint-all hook)\n');
    expect(none.code).toBe(0);
    const bad = await changed(root, ['--base', 'no-such-ref']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("archive-lint: --base 'no-such-ref': no such commit\n");
    const plain = tree({ 'a.md': '# A\n' });
    const outside = await run(plain, ['check', '--changed', '--root', '.']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--changed needs a git work tree/);
    expect((await run(root, ['check', '--base', 'main'])).stderr).toBe('archive-lint: --base goes with --changed\n');
  });

  it('a file linted only because the change broke it reports what the change broke, not its older problems', async () => {
    const root = repo();
    // index.md has an old broken link too; the change deletes pages/b.md, which it links to.
    writeFileSync(join(root, 'index.md'), '# Index\n\n[alpha](pages/a.md#alpha) [beta](pages/b.md)\n\n[old](pages/never.md) <center>old</center>\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'old problems');
    git(root, 'rm', '-q', 'pages/b.md');
    const r = await changed(root, ['--no-cache']);
    expect(r.messages).toEqual(["index.md:3:34 Link target 'pages/b.md' does not exist: this change deleted it"]);
    // Edited by the change, it is linted whole (--filter all: in a hook, only what the change introduced is shown).
    writeFileSync(join(root, 'index.md'), '# Index\n\n[alpha](pages/a.md#alpha)\n\n[old](pages/never.md) <center>old</center>\n');
    git(root, 'add', 'index.md');
    const edited = await changed(root, ['--no-cache', '--filter', 'all']);
    expect(edited.messages).toEqual(["index.md:5:7 Link target 'pages/never.md' does not exist", "index.md:5:23 Wrapper '<center>' has no meaning in Markdown"]);
  });

  it('in a git hook, a file with unstaged changes is linted as it is staged (husky runs on the working tree)', async () => {
    const root = repo();
    writeFileSync(join(root, 'pages/a.md'), '# Alpha\n\ntext [staged](pages/gone.md)\n');
    git(root, 'add', 'pages/a.md');
    // The working tree has the link fixed, but the commit would take the staged text.
    writeFileSync(join(root, 'pages/a.md'), '# Alpha\n\ntext\n');
    const r = await changed(root, ['--no-cache'], { GIT_INDEX_FILE: '.git/index' });
    expect(r.messages).toEqual(["pages/a.md:3:15 Link target 'pages/pages/gone.md' does not exist"]);
    expect(r.stderr).toBe('archive-lint: warning: 1 file has unstaged changes: linted as staged\n');
    expect(r.code).toBe(1);
    // The reverse: a broken link only in the working tree is not what the commit takes.
    writeFileSync(join(root, 'pages/a.md'), '# Alpha\n\ntext\n');
    git(root, 'add', 'pages/a.md');
    writeFileSync(join(root, 'pages/a.md'), '# Alpha\n\ntext [unstaged](nowhere.md)\n');
    const clean = await changed(root, ['--no-cache'], { GIT_INDEX_FILE: '.git/index' });
    expect(clean.messages).toEqual([]);
    expect(clean.code).toBe(0);
  });

  it('in a git hook, a heading removed in the staged text counts even when the work tree has it back', async () => {
    const root = repo();
    writeFileSync(join(root, 'pages/a.md'), '# Renamed\n\ntext\n');
    git(root, 'add', 'pages/a.md');
    writeFileSync(join(root, 'pages/a.md'), '# Alpha\n\ntext\n');
    const r = await changed(root, ['--no-cache'], { GIT_INDEX_FILE: '.git/index' });
    expect(r.files).toEqual(['index.md', 'pages/a.md']);
    expect(r.messages).toEqual(["index.md:3:9 Link target 'pages/a.md' has no heading or anchor '#alpha'"]);
    expect(r.code).toBe(1);
  });

  it('pre-commit run --from-ref/--to-ref and pre-push hooks: what changed between the two refs, not in the work tree', async () => {
    const root = repo();
    const base = git(root, 'rev-parse', 'HEAD');
    git(root, 'rm', '-q', 'pages/b.md');
    git(root, 'commit', '-qm', 'delete b');
    const head = git(root, 'rev-parse', 'HEAD');
    // Not part of what is pushed: an untracked page and an uncommitted edit.
    writeFileSync(join(root, 'notes.md'), '[x](nowhere.md)\n');
    writeFileSync(join(root, 'pages/a.md'), '# Alpha\n\n[y](nowhere.md)\n');
    const r = await changed(root, ['--no-cache'], { PRE_COMMIT: '1', PRE_COMMIT_FROM_REF: base, PRE_COMMIT_TO_REF: head });
    expect(r.messages).toEqual(["index.md:3:34 Link target 'pages/b.md' does not exist: this change deleted it"]);
    expect(r.stderr).toBe(`archive-lint: warning: comparing ${head} with ${base} (PRE_COMMIT_FROM_REF, PRE_COMMIT_TO_REF)\n`);
    expect(r.code).toBe(1);
  });

  it('an archive in a folder of its repository (--root): its own paths, and only them', async () => {
    const root = tree({
      'docs/index.md': '# Index\n\n[b](pages/b.md)\n',
      'docs/pages/b.md': '# B\n',
      'other/c.md': '[gone](nowhere.md)\n',
    });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'rm', '-q', 'docs/pages/b.md');
    writeFileSync(join(root, 'other/c.md'), '[gone again](nowhere.md)\n');
    git(root, 'add', 'other/c.md');
    const r = await run(join(root, 'docs'), ['check', '--changed', '--root', '.', '--no-cache', '--format', 'json'], { env: { PRE_COMMIT: '1' } });
    const messages = (JSON.parse(r.stdout) as LintResult[]).flatMap((x) => x.messages.map((m) => `${x.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.message}`));
    expect(messages).toEqual(["docs/index.md:3:5 Link target 'pages/b.md' does not exist: this change deleted it"]);
    expect(r.code).toBe(1);
  });

  it('a heading removed from a page the config ignores still breaks the links to it', async () => {
    const root = tree({ 'index.md': '[hello](notes/x.md#hello)\n', 'notes/x.md': '# Hello\n', 'archive-lint.config.json': '{ "ignore": ["notes/**"] }\n' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    writeFileSync(join(root, 'notes/x.md'), '# Goodbye\n');
    git(root, 'add', 'notes/x.md');
    const r = await changed(root, ['--no-cache']);
    expect(r.messages).toEqual(["index.md:1:9 Link target 'notes/x.md' has no heading or anchor '#hello'"]);
  });

  it('a change that touches no Markdown and deletes nothing is done without walking the archive', async () => {
    const root = repo();
    writeFileSync(join(root, 'notes.txt'), 'not Markdown\n');
    git(root, 'add', 'notes.txt');
    const r = await run(root, ['check', '--changed', '--format', 'json'], { env: { PRE_COMMIT: '1', ARCHIVE_LINT_TIMING: '1' } });
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).toMatch(/^archive-lint: timing \{"total":\d+\}\narchive-lint: warning: the staged changes touch no Markdown file the config includes \(include: \*\*\/\*\.md, \*\*\/\*\.markdown\) and break no link to a file; nothing linted\n$/);
    expect(r.code).toBe(0);
  });
});
