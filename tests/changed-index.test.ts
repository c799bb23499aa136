/**
 * How `--changed` finds the files a change breaks without touching them. With a warm cache, from the cache's
 * reverse-link index: no file is read or parsed to find them. Without one, by a text prefilter on the touched
 * names, confirmed by parsing each candidate. The per-file step is watched through a transparent mock of
 * `process-file.js`: every parse the engine asks for is recorded, with whether it runs the rules (a file linted)
 * or not (a candidate's links read).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run, tree } from './helpers/tree.js';
import { commitAll, git } from './helpers/git.js';
import type { LintResult } from '../src/types.js';

const parses = vi.hoisted(() => [] as string[]);
vi.mock('../src/core/parse/process-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/core/parse/process-file.js')>();
  const kind = (rules: readonly unknown[]) => (rules.length ? 'lint' : 'links');
  return {
    ...real,
    processFile: (path: string, rules: readonly unknown[], ...rest: unknown[]) => {
      parses.push(`${kind(rules)} ${path}`);
      return (real.processFile as (...a: unknown[]) => unknown)(path, rules, ...rest);
    },
    processSource: (path: string, source: unknown, rules: readonly unknown[], ...rest: unknown[]) => {
      parses.push(`${kind(rules)} ${path}`);
      return (real.processSource as (...a: unknown[]) => unknown)(path, source, rules, ...rest);
    },
    processJob: (job: { path: string }, rules: readonly unknown[], ...rest: unknown[]) => {
      parses.push(`${kind(rules)} ${job.path}`);
      return (real.processJob as (...a: unknown[]) => unknown)(job, rules, ...rest);
    },
  };
});

beforeEach(() => {
  parses.length = 0;
});

/** index.md links to pages/b.md; notes.md names it in its text without linking to it; encoded.md links to it written otherwise. */
function archive(): string {
  const root = tree({
    'index.md': '# Index\n\n[beta](pages/b.md)\n',
    'notes.md': '# Notes\n\nThe page `pages/b.md` is beta, and [a link elsewhere](pages/a.md).\n',
    'encoded.md': '# Encoded\n\n[b](pages/%62.md) <a href="pages/b&#46;md">b</a> [b](pages/b\\.md)\n',
    'pages/a.md': '# Alpha\n',
    'pages/b.md': '# Beta\n',
  });
  commitAll(root);
  return root;
}

async function changed(root: string, extra: string[] = []) {
  const r = await run(root, ['check', '--changed', '--format', 'json', ...extra], { env: { PRE_COMMIT: '1' } });
  const results = JSON.parse(r.stdout) as LintResult[];
  return {
    code: r.code,
    stderr: r.stderr,
    messages: results.flatMap((x) => x.messages.map((m) => `${x.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.message}`)),
  };
}

const DELETED = [
  "encoded.md:3:5 Link target 'pages/b.md' does not exist: this change deleted it",
  "encoded.md:3:28 Link target 'pages/b.md' does not exist: this change deleted it",
  "encoded.md:3:54 Link target 'pages/b.md' does not exist: this change deleted it",
  "index.md:3:8 Link target 'pages/b.md' does not exist: this change deleted it",
];

describe('--changed finds the files a deletion breaks', () => {
  it('with a warm cache, from the reverse-link index: no file but the ones it lints is parsed', async () => {
    const root = archive();
    expect((await run(root, ['check'])).code).toBe(0);
    git(root, 'rm', '-q', 'pages/b.md');
    parses.length = 0;
    const r = await changed(root);
    expect(r.messages).toEqual(DELETED);
    expect(r.code).toBe(1);
    // Each linking file parsed once, to lint it; notes.md, which names the page, not at all.
    expect(parses.sort()).toEqual(['lint encoded.md', 'lint index.md']);
  });

  it('without a cache, by the text prefilter: every file that names the page is parsed, the links confirmed', async () => {
    const root = archive();
    git(root, 'rm', '-q', 'pages/b.md');
    const r = await changed(root, ['--no-cache']);
    expect(r.messages).toEqual(DELETED);
    expect(parses.sort()).toEqual(['links encoded.md', 'links index.md', 'links notes.md', 'lint encoded.md', 'lint index.md']);
  });

  it('an index entry of a file that changed since is not trusted: the file is read again', async () => {
    const root = archive();
    expect((await run(root, ['check'])).code).toBe(0);
    // notes.md now links to the page, in a commit the cache has not seen; the change deletes the page.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/notes.md`, '# Notes\n\nThe page [beta](pages/b.md).\n');
    git(root, 'commit', '-qam', 'notes link to beta');
    git(root, 'rm', '-q', 'pages/b.md');
    parses.length = 0;
    const r = await changed(root);
    expect(r.messages).toEqual([...DELETED.slice(0, 3), "index.md:3:8 Link target 'pages/b.md' does not exist: this change deleted it", "notes.md:3:17 Link target 'pages/b.md' does not exist: this change deleted it"]);
    expect(parses.sort()).toEqual(['links notes.md', 'lint encoded.md', 'lint index.md', 'lint notes.md']);
  });
});

describe('--changed under a publishing profile', () => {
  it('mdBook: links to the deleted page as the site serves it (b.html, sub/) are found, with and without a cache', async () => {
    const root = tree({
      'book.toml': '[book]\nsrc = "src"\n',
      'src/SUMMARY.md': '- [A](a.md)\n',
      'src/a.md': '# A\n\n[b as html](b.html) [sub](sub/) [sub page](sub/index.html#sub)\n',
      'src/b.md': '# B\n',
      'src/sub/index.md': '# Sub\n',
    });
    commitAll(root);
    expect((await run(root, ['check'])).code).toBe(0);
    git(root, 'rm', '-q', 'src/b.md', 'src/sub/index.md');
    const expected = ["src/a.md:3:13 Link target 'src/b.html' does not exist", "src/a.md:3:27 Link target 'src/sub' does not exist", "src/a.md:3:44 Link target 'src/sub/index.html' does not exist"];
    for (const cache of [[], ['--no-cache']]) {
      const r = await changed(root, cache);
      expect(r.messages).toEqual(expected);
      expect(r.stderr).toBe('archive-lint: links resolved as mdbook (detected from book.toml; site root src/)\n');
      expect(r.code).toBe(1);
    }
  });
});
