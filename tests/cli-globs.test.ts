/** Globs on the command line, quoted or not, as markdownlint-cli2 takes them (picomatch's syntax). */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import type { LintResult } from '../src/types.js';

const files = {
  'README.md': '# Archive\n',
  'pages/2019/a.md': '# A\n\n[gone](gone.md)\n',
  'pages/2020/b.md': '# B\n\n[gone](gone.md)\n',
  'pages/2020/drafts/c.md': '# C\n\n[gone](gone.md)\n',
  'pages/2020/notes.markdown': '# Notes\n',
  'indexes/all.md': '# All\n\n[a](../pages/2019/a.md)\n',
};

async function linted(root: string, args: string[], cwd = root): Promise<{ files: string[]; code: number; stderr: string }> {
  const r = await run(cwd, ['check', ...args, '--root', root, '--no-cache', '--format', 'json']);
  const results = JSON.parse(r.stdout || '[]') as LintResult[];
  return { files: results.map((x) => x.filePath.slice(root.length + 1)), code: r.code, stderr: r.stderr };
}

describe('globs on the command line', () => {
  it('a quoted glob selects the files it matches; links still resolve against the whole archive', async () => {
    const root = tree(files);
    const r = await linted(root, ['pages/**/*.md']);
    expect(r.files).toEqual(['pages/2019/a.md', 'pages/2020/b.md', 'pages/2020/drafts/c.md']);
    expect(r.code).toBe(1);
    // Brace sets and a folder beside a glob.
    expect((await linted(root, ['pages/{2019,2020}/*.md', 'indexes'])).files).toEqual(['indexes/all.md', 'pages/2019/a.md', 'pages/2020/b.md']);
  });

  it('a negated glob leaves files out, alone or beside paths', async () => {
    const root = tree(files);
    expect((await linted(root, ['!pages/2020/drafts/**'])).files).toEqual(['README.md', 'indexes/all.md', 'pages/2019/a.md', 'pages/2020/b.md', 'pages/2020/notes.markdown']);
    expect((await linted(root, ['pages', '!**/drafts/**'])).files).toEqual(['pages/2019/a.md', 'pages/2020/b.md', 'pages/2020/notes.markdown']);
  });

  it('is relative to the working folder, like a path', async () => {
    const root = tree(files);
    expect((await linted(root, ['*/b.md'], join(root, 'pages'))).files).toEqual(['pages/2020/b.md']);
  });

  it('a glob that matches nothing is said; a file whose name looks like a glob is a path', async () => {
    const root = tree({ ...files, 'odd[1].md': '# Odd\n' });
    const none = await linted(root, ['nothing/**/*.md']);
    expect(none.files).toEqual([]);
    expect(none.stderr).toContain("archive-lint: warning: 'nothing/**/*.md' matches no file to lint (include: **/*.md, **/*.markdown)\n");
    expect((await linted(root, ['odd[1].md'])).files).toEqual(['odd[1].md']);
    const audit = await run(root, ['audit', 'pages/**/*.md']);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toBe("archive-lint: audit takes the archive's folder, not a glob ('pages/**/*.md'): give globs to check\n");
  });
});
