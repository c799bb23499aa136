/**
 * The archive as a graph, from the command line: `links-to` (anchors, raw HTML, folders, the warm cache) and `mv`
 * of a page and of a folder with every link form, its `--dry-run`, and what it refuses. The fixture tree
 * `fixtures/archive-graph/site/` and the trees expected after each move beside it.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/tree.js';
import { commitAll, git } from './helpers/git.js';
import { FIXTURES, readTree } from './helpers/fixtures.js';

const SITE = join(FIXTURES, 'archive-graph', 'site');

/** A git repository holding a copy of the fixture site. */
function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'archive-lint-graph-'));
  cpSync(SITE, root, { recursive: true });
  commitAll(root);
  return root;
}

/** The tree of files, without git's folder and the cache. */
function files(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(readTree(root)).filter(([p]) => !p.startsWith('.git/') && !p.startsWith('.archive-lint-cache/')));
}

describe('links-to', () => {
  it('lists every link to a page and to one of its anchors, raw HTML and link definitions included, as file:line:column', async () => {
    const root = repo();
    const all = await run(root, ['links-to', 'pages/news/a.md']);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(
      [
        'README.md:3:10  link to pages/news/a.md#part',
        'README.md:3:48  link to pages/news/a.md',
        'README.md:5:14  link to pages/news/a.md#part',
        'README.md:6:14  link to pages/news/a.md#part',
        'README.md:10:13  HTML link to pages/news/a.md#part',
        'README.md:12:7  link to pages/news/a.md',
        'pages/news/README.md:3:5  link to pages/news/a.md',
        'pages/news/a.md:5:83  link to pages/news/a.md#part',
        'pages/news/新 a.md:3:5  link to pages/news/a.md#part',
        'pages/other.md:3:5  link to pages/news/a.md#part',
        'pages/other.md:3:34  HTML link to pages/news/a.md',
        '',
      ].join('\n'),
    );
    expect(all.stderr).toBe('archive-lint: 11 links from 5 pages to pages/news/a.md (5 pages: 0 from the cache, 5 read)\n');
    // The anchor alone, from the cache this time; paths are the working directory's.
    const anchor = await run(join(root, 'pages'), ['links-to', 'news/a.md#part']);
    expect(anchor.stdout.split('\n').filter(Boolean)).toEqual([
      '../README.md:3:10  link to pages/news/a.md#part',
      '../README.md:5:14  link to pages/news/a.md#part',
      '../README.md:6:14  link to pages/news/a.md#part',
      '../README.md:10:13  HTML link to pages/news/a.md#part',
      'news/a.md:5:83  link to pages/news/a.md#part',
      'news/新 a.md:3:5  link to pages/news/a.md#part',
      'other.md:3:5  link to pages/news/a.md#part',
    ]);
    expect(anchor.stderr).toBe('archive-lint: 7 links from 4 pages to news/a.md#part (5 pages: 5 from the cache, 0 read)\n');
  });

  it('takes a folder (links to it and to what is under it), and writes JSON', async () => {
    const root = repo();
    const r = await run(root, ['links-to', 'pages/news/img', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual([
      { filePath: join(root, 'README.md'), line: 10, column: 66, endLine: 10, endColumn: 86, target: 'pages/news/img/p.png', file: 'pages/news/img/p.png', type: 'image', source: 'html' },
      { filePath: join(root, 'pages/news/a.md'), line: 5, column: 6, endLine: 5, endColumn: 15, target: 'pages/news/img/p.png', file: 'pages/news/img/p.png', type: 'image', source: 'markdown' },
    ]);
    const folder = await run(root, ['links-to', 'pages/news', '--format', 'markdown']);
    expect(folder.stdout).toContain('| README.md | 7 | 12 | link | pages/news |\n| README.md | 10 | 13 | HTML link | pages/news/a.md#part |\n| README.md | 10 | 66 | HTML image | pages/news/img/p.png |\n');
    expect(folder.stderr).toContain('16 links from 5 pages to pages/news');
  });

  it('a page edited since the cache was written is read again', async () => {
    const root = repo();
    await run(root, ['links-to', 'pages/other.md']);
    const r0 = await run(root, ['links-to', 'pages/other.md']);
    expect(r0.stdout).toBe('pages/news/新 a.md:3:24  link to pages/other.md\n');
    expect(r0.stderr).toBe('archive-lint: 1 link from 1 page to pages/other.md (5 pages: 5 from the cache, 0 read)\n');
    const text = readFileSync(join(root, 'pages/news/README.md'), 'utf8');
    writeFileSync(join(root, 'pages/news/README.md'), `${text}\n[other](../other.md)\n`);
    const r = await run(root, ['links-to', 'pages/other.md']);
    expect(r.stdout).toBe('pages/news/README.md:5:9  link to pages/other.md\npages/news/新 a.md:3:24  link to pages/other.md\n');
    expect(r.stderr).toBe('archive-lint: 2 links from 2 pages to pages/other.md (5 pages: 4 from the cache, 1 read)\n');
  });
});

describe('mv', () => {
  it('moves a page with git and rewrites every link to it, and its own relative links, keeping each form', async () => {
    const root = repo();
    const r = await run(root, ['mv', 'pages/news/a.md', 'archive/2020/a.md']);
    expect(r.stderr).toBe('archive-lint: moved the file pages/news/a.md → archive/2020/a.md (git mv); rewrote 12 links in 5 files\n');
    expect(r.code).toBe(0);
    expect(files(root)).toEqual(readTree(join(FIXTURES, 'archive-graph', 'site.mv-page')));
    // Exactly the linking files changed, besides the move; nothing is broken after it.
    expect(git(root, '-c', 'core.quotePath=false', 'diff', '--cached', '--name-status', '-M').split('\n')).toEqual(['R100\tpages/news/a.md\tarchive/2020/a.md']);
    expect(git(root, '-c', 'core.quotePath=false', 'diff', '--name-only').split('\n')).toEqual(['README.md', 'archive/2020/a.md', 'pages/news/README.md', 'pages/news/新 a.md', 'pages/other.md']);
    const check = await run(root, ['check', '--rule', 'no-raw-html=off']);
    expect(check.stdout).toBe('');
    expect(check.code).toBe(0);
  });

  it('moves a folder: links to its files and to itself rewritten, links inside it left as they are', async () => {
    const root = repo();
    const r = await run(root, ['mv', 'pages/news', 'pages/old-news']);
    expect(r.stderr).toBe('archive-lint: moved the folder (4 files) pages/news → pages/old-news (git mv); rewrote 11 links in 2 files\n');
    expect(files(root)).toEqual(readTree(join(FIXTURES, 'archive-graph', 'site.mv-folder')));
    expect(git(root, 'status', '--porcelain').split('\n')).toEqual([
      ' M README.md',
      'R  pages/news/README.md -> pages/old-news/README.md',
      'R  pages/news/a.md -> pages/old-news/a.md',
      'R  pages/news/img/p.png -> pages/old-news/img/p.png',
      'R  "pages/news/\\346\\226\\260 a.md" -> "pages/old-news/\\346\\226\\260 a.md"',
      ' M pages/other.md',
    ]);
    expect((await run(root, ['check', '--rule', 'no-raw-html=off'])).code).toBe(0);
  });

  it('--dry-run prints the renames and the diff, and writes nothing', async () => {
    const root = repo();
    const before = files(root);
    const r = await run(root, ['mv', 'pages/news/a.md', 'archive/2020/a.md', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('diff --git a/pages/news/a.md b/archive/2020/a.md\nrename from pages/news/a.md\nrename to archive/2020/a.md\n--- a/pages/news/a.md\n+++ b/archive/2020/a.md\n');
    expect(r.stdout).toContain('-![p](img/p.png) [new](%E6%96%B0%20a.md) [home](../../README.md) [top](#part) [me](a.md#part)\n+![p](../../pages/news/img/p.png) [new](../../pages/news/%E6%96%B0%20a.md) [home](../../README.md) [top](#part) [me](a.md#part)\n');
    expect(r.stdout).toContain('diff --git a/pages/other.md b/pages/other.md\n');
    expect(r.stdout).toContain("-[a](news/a.md#part) and <a href='news/a.md'>a</a>\n+[a](../archive/2020/a.md#part) and <a href='../archive/2020/a.md'>a</a>\n");
    expect(r.stderr).toBe('archive-lint: mv --dry-run: would move the file pages/news/a.md → archive/2020/a.md and rewrite 12 links in 5 files; nothing was written\n');
    expect(files(root)).toEqual(before);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('refuses to move onto a file, a folder into itself, a symbolic link, or outside the root', async () => {
    const root = repo();
    expect(await run(root, ['mv', 'pages/news/a.md', 'pages/other.md'])).toMatchObject({ code: 2, stderr: 'archive-lint: pages/other.md: exists already; not moved\n' });
    expect(await run(root, ['mv', 'pages', 'pages/x'])).toMatchObject({ code: 2, stderr: 'archive-lint: pages/x: inside pages; a folder cannot move into itself\n' });
    symlinkSync('pages/other.md', join(root, 'link.md'));
    expect(await run(root, ['mv', 'link.md', 'l2.md'])).toMatchObject({ code: 2, stderr: 'archive-lint: link.md: a symbolic link; archive-lint never moves or writes through one\n' });
    expect((await run(root, ['mv', 'pages/other.md', '../x.md'])).code).toBe(2);
    expect(git(root, 'status', '--porcelain')).toBe('?? link.md');
  });

  it('moves a file of a folder that is not a repository with a rename', async () => {
    const root = mkdtempSync(join(tmpdir(), 'archive-lint-graph-'));
    cpSync(SITE, root, { recursive: true });
    const r = await run(root, ['mv', 'pages/other.md', 'other.md', '--root', root]);
    expect(r.stderr).toBe('archive-lint: moved the file pages/other.md → other.md; rewrote 3 links in 2 files\n');
    expect(readFileSync(join(root, 'pages/news/新 a.md'), 'utf8')).toBe('# New\n\n[a](a.md#part) [other](../../other.md)\n');
    expect(readFileSync(join(root, 'other.md'), 'utf8')).toBe("# Other\n\n[a](pages/news/a.md#part) and <a href='pages/news/a.md'>a</a>\n");
  });
});

describe('a page renamed in the change', () => {
  function renamedRepo(edit: boolean): string {
    const root = mkdtempSync(join(tmpdir(), 'archive-lint-graph-'));
    cpSync(SITE, root, { recursive: true });
    writeFileSync(join(root, 'pages/long.md'), `# Long\n\n## Part\n\n${'A paragraph of the page that stays the same.\n\n'.repeat(12)}`);
    writeFileSync(join(root, 'index.md'), '# Index\n\n[Long](pages/long.md?t=1#part) and <a href="./pages/long.md">again</a>\n');
    commitAll(root);
    git(root, 'mv', 'pages/long.md', 'pages/longer.md');
    if (edit) {
      writeFileSync(join(root, 'pages/longer.md'), `${readFileSync(join(root, 'pages/longer.md'), 'utf8')}One more line.\n`);
      git(root, 'add', 'pages/longer.md');
    }
    return root;
  }

  it('with its content changed: its broken links get an unsafe fix to the new name, written as the link was', async () => {
    const root = renamedRepo(true);
    const r = await run(root, ['check', '--rule', 'no-raw-html=off', '--changed', '--format', 'json'], { env: { PRE_COMMIT: '1' } });
    const messages = (JSON.parse(r.stdout) as { messages: { message: string; fix?: unknown; suggestions?: { fix: { text: string } }[] }[] }[]).flatMap((f) => f.messages);
    expect(messages.map((m) => [m.message, m.fix, m.suggestions?.map((s) => s.fix.text)])).toEqual([
      ["Link target 'pages/long.md' does not exist: this change renamed it to 'pages/longer.md'", undefined, ['pages/longer.md?t=1#part']],
      ["Link target 'pages/long.md' does not exist: this change renamed it to 'pages/longer.md'", undefined, ['./pages/longer.md']],
    ]);
    const safe = await run(root, ['check', '--rule', 'no-raw-html=off', '--changed', '--fix'], { env: { PRE_COMMIT: '1' } });
    expect(safe.code).toBe(1);
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toContain('(pages/long.md?t=1#part)');
    const unsafe = await run(root, ['check', '--rule', 'no-raw-html=off', '--changed', '--fix-unsafe'], { env: { PRE_COMMIT: '1' } });
    expect(unsafe.stderr).toBe('archive-lint: fixed 1 file (2 fixes)\n');
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe('# Index\n\n[Long](pages/longer.md?t=1#part) and <a href="./pages/longer.md">again</a>\n');
  });

  it('renamed as it was (git: 100 % similar): the same fix is safe', async () => {
    const root = renamedRepo(false);
    const r = await run(root, ['check', '--rule', 'no-raw-html=off', '--changed', '--fix'], { env: { PRE_COMMIT: '1' } });
    expect(r.stderr).toBe('archive-lint: fixed 1 file (2 fixes)\n');
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe('# Index\n\n[Long](pages/longer.md?t=1#part) and <a href="./pages/longer.md">again</a>\n');
  });
});

describe('audit', () => {
  it('turns the graph rules on, and its summary and HTML report have an archive graph part', async () => {
    const root = mkdtempSync(join(tmpdir(), 'archive-lint-graph-'));
    cpSync(SITE, root, { recursive: true });
    writeFileSync(join(root, 'pages/lost.md'), '# Lost\n\n[a](news/a.md)\n');
    writeFileSync(join(root, 'pages/news/img/unused.png'), 'x'.repeat(2048));
    const r = await run(root, ['audit', '.', '--root', root, '--no-external', '--rule', 'no-raw-html=off', '--report', 'report.html']);
    expect(r.stdout).toContain('no-orphans            0         1  no incoming link 1\n');
    expect(r.stdout).toContain('no-unused-files       0         1  unused file 1\n');
    expect(r.stdout).toContain(
      [
        'Archive graph',
        '6 pages; 1 entry point reaches 5. No incoming link: 1 page; unreachable from the entry points: 0 more.',
        'Unreachable sections: pages 1/2.',
        'Unused files: 1, 2.0 KiB (image 1, 2.0 KiB).',
        'Most linked:',
        '        5  pages/news/a.md',
        '        2  pages/news/img/p.png',
        '        2  pages/news/新 a.md',
      ].join('\n'),
    );
    const html = readFileSync(join(root, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Archive graph</h2>');
    expect(html).toContain('<data id="g-orphans" value="1">1</data>');
    expect(html).toContain('<data id="g-unused" value="2048">1 unused file takes 2.0 KiB</data>');
    // check leaves them off; the JSON report lists an unused image as a result of its own when they are on.
    expect((await run(root, ['check', '--root', root, '--rule', 'no-raw-html=off'])).stdout).toBe('');
    const json = JSON.parse((await run(root, ['check', '--root', root, '--rule', 'no-raw-html=off', '--rule', 'no-unused-files=warn', '--format', 'json'])).stdout) as { filePath: string; messages: { message: string }[] }[];
    expect(json.filter((f) => f.messages.length).map((f) => [f.filePath, f.messages.map((m) => m.message)])).toEqual([[join(root, 'pages/news/img/unused.png'), ['No page links to or shows this image file (2.0 KiB)']]]);
  });
});
