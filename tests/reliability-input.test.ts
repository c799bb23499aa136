/**
 * Issue 12, hostile and broken input that must keep working: empty files, BOM and CRLF positions, a FIFO in the
 * tree and symbolic links out of the root (never opened: each would hang a read), links that loop or lead to a
 * folder named on the command line, files deleted during the run, a change-aware run with nothing to lint, and
 * Ctrl-C during --fix (every file untouched or wholly fixed, no temporary file left).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, tree } from './helpers/tree.js';
import { commitAll, git } from './helpers/git.js';
import { lint } from '../src/rule-set.js';
import { resolveConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import type { LintResult } from '../src/types.js';

const BIN = fileURLToPath(new URL('../bin/archive-lint.js', import.meta.url));

function byFile(root: string, stdout: string): Record<string, string[]> {
  return Object.fromEntries((JSON.parse(stdout) as LintResult[]).map((x) => [x.filePath.slice(root.length + 1), x.messages.map((m) => `${m.line}:${m.column} ${m.message}`)]));
}

/** Every file under a folder, relative. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe('empty files', () => {
  it('an empty file, one that is only a BOM and one of blank lines are linted, with no message', async () => {
    const root = tree({ 'empty.md': '', 'bom.md': '\ufeff', 'blank.md': '\r\n\n  \n', 'index.md': '[e](empty.md) [b](bom.md#x)\n' });
    const r = await run(root, ['--format', 'json', '--no-cache']);
    expect(byFile(root, r.stdout)).toEqual({ 'blank.md': [], 'bom.md': [], 'empty.md': [], 'index.md': ["1:19 Link target 'bom.md' has no heading or anchor '#x'"] });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });
});

describe('BOM and CRLF', () => {
  const TEXT = '\ufeff# Títle\r\n\r\nSee [x](pages/story.md) 😀 [y](pages/STORY.md)\r\n';

  it('positions count UTF-16 code units of the text without its BOM; lines end at CRLF', async () => {
    const root = tree({ 'a.md': TEXT, 'pages/Story.md': '# Story\n' });
    const r = await run(root, ['--format', 'json', '--no-cache']);
    const messages = (JSON.parse(r.stdout) as LintResult[])[0]?.messages.map((m) => ({ line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, fix: m.fix }));
    expect(messages).toEqual([
      { line: 3, column: 9, endLine: 3, endColumn: 23, fix: { range: [19, 33], text: 'pages/Story.md' } },
      { line: 3, column: 32, endLine: 3, endColumn: 46, fix: { range: [42, 56], text: 'pages/Story.md' } },
    ]);
    const text = TEXT.slice(1);
    expect(text.slice(19, 33)).toBe('pages/story.md');
    expect(text.slice(42, 56)).toBe('pages/STORY.md');
  });

  it('--fix keeps the BOM and every CRLF, and changes nothing else', async () => {
    const root = tree({ 'a.md': TEXT, 'pages/Story.md': '# Story\n' });
    const r = await run(root, ['--fix', '--no-cache']);
    expect(r.stderr).toBe('archive-lint: fixed 1 file (2 fixes)\n');
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('\ufeff# Títle\r\n\r\nSee [x](pages/Story.md) 😀 [y](pages/Story.md)\r\n');
  });
});

describe('files that are never opened', () => {
  it.runIf(process.platform === 'linux')('a FIFO in the tree, and a symbolic link to one outside the root: the run ends, neither is read', () => {
    const outside = tree({ 'secret.md': '[x](nowhere.md)\n' });
    execFileSync('mkfifo', [join(outside, 'pipe.md')]);
    const root = tree({ 'a.md': '# A\n\n[x](gone.md)\n' });
    execFileSync('mkfifo', [join(root, 'fifo.md')]);
    symlinkSync(join(outside, 'pipe.md'), join(root, 'out-pipe.md'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'out-secret.md'));
    // Opening either FIFO would block for ever: the installed command must end on its own.
    const r = spawnSync(process.execPath, [BIN, 'check', '--no-cache', '--format', 'json', '--root', root, root], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(byFile(root, r.stdout)).toEqual({
      'a.md': ["3:5 Link target 'gone.md' does not exist"],
      'out-pipe.md': ['1:1 symbolic link points outside the root; not followed'],
      'out-secret.md': ['1:1 symbolic link points outside the root; not followed'],
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });
});

describe('symbolic links named on the command line', () => {
  it('one that loops is an error of its own; one to a folder is said and not followed', async () => {
    const root = tree({ 'a.md': '# A\n', 'sub/b.md': '# B\n' });
    symlinkSync(join(root, 'sub/self.md'), join(root, 'sub/self.md'));
    symlinkSync('..', join(root, 'sub/up'));
    const self = await run(root, ['check', 'sub/self.md', '--no-cache', '--format', 'json']);
    expect(byFile(root, self.stdout)).toEqual({ 'sub/self.md': ['1:1 broken or looping symbolic link (ELOOP); not followed'] });
    expect(self.stderr).toBe('');
    expect(self.code).toBe(1);
    const up = await run(root, ['check', 'sub/up', '--no-cache']);
    expect(up).toEqual({ code: 0, stdout: '', stderr: 'archive-lint: warning: sub/up: a symbolic link to a folder, never followed (a folder of the archive is linted where it is); nothing linted\n' });
    // A loop of two links, and one to nowhere, named: said, never "no such file".
    symlinkSync(join(root, 'l2.md'), join(root, 'l1.md'));
    symlinkSync(join(root, 'l1.md'), join(root, 'l2.md'));
    symlinkSync('nowhere.md', join(root, 'broken.md'));
    const pair = await run(root, ['check', 'l1.md', 'broken.md', '--no-cache', '--format', 'json']);
    expect(byFile(root, pair.stdout)).toEqual({
      'broken.md': ['1:1 broken or looping symbolic link (ENOENT); not followed'],
      'l1.md': ['1:1 broken or looping symbolic link (ELOOP); not followed'],
    });
    expect(pair.stderr).toBe('');
    expect(pair.code).toBe(1);
  });
});

describe('files deleted during the run', () => {
  it('a file gone before it is read is a message of its own; the run goes on and is not a failed run', async () => {
    const names = ['p0.md', 'p1.md', 'p2.md', 'p3.md', 'p4.md'];
    const root = tree(Object.fromEntries(names.map((n) => [n, `# ${n}\n\n[next](p4.md)\n`])));
    const report = await lint({
      root,
      config: resolveConfig({}, undefined, rules),
      onProgress: (_done, _total, path) => {
        if (path === 'p1.md') rmSync(join(root, 'p3.md'));
      },
    });
    expect(report.results.map((x) => [x.filePath.slice(root.length + 1), x.messages.map((m) => `${m.ruleId}:${m.severity}:${m.fatal} ${m.message}`)])).toEqual([
      ['p0.md', []],
      ['p1.md', []],
      ['p2.md', []],
      ['p3.md', ['null:2:true file deleted during the run (ENOENT); not linted']],
      ['p4.md', []],
    ]);
    expect(report.runProblems).toEqual([]);
  });
});

describe('--changed with nothing to lint says so', () => {
  it('against a base, in a git hook, with nothing staged, and with a change to no Markdown file', async () => {
    const root = tree({ 'a.md': '# A\n', 'notes.txt': 'x\n' });
    commitAll(root);
    const base = await run(root, ['check', '--changed', '--base', 'HEAD']);
    const head = git(root, 'rev-parse', 'HEAD').slice(0, 12);
    expect(base).toEqual({ code: 0, stdout: '', stderr: `archive-lint: warning: the changes since ${head} touch no Markdown file the config includes (include: **/*.md, **/*.markdown) and break no link to a file; nothing linted\n` });
    const hook = await run(root, ['check', '--changed'], { env: { GIT_INDEX_FILE: '.git/index' } });
    expect(hook).toEqual({ code: 0, stdout: '', stderr: 'archive-lint: warning: the staged changes touch no Markdown file the config includes (include: **/*.md, **/*.markdown) and break no link to a file; nothing linted\n' });
    // The pre-commit framework with nothing staged: its own note, once.
    const none = await run(root, ['check', '--changed'], { env: { PRE_COMMIT: '1' } });
    expect(none).toEqual({ code: 0, stdout: '', stderr: 'archive-lint: warning: nothing is staged, so nothing to lint; to lint the whole archive: archive-lint check (or the archive-lint-all hook)\n' });
    writeFileSync(join(root, 'notes.txt'), 'y\n');
    git(root, 'add', 'notes.txt');
    const text = await run(root, ['check', '--changed', '--format', 'json'], { env: { PRE_COMMIT: '1' } });
    expect(text).toEqual({ code: 0, stdout: '[]\n', stderr: 'archive-lint: warning: the staged changes touch no Markdown file the config includes (include: **/*.md, **/*.markdown) and break no link to a file; nothing linted\n' });
  });
});

describe('Ctrl-C during --fix', () => {
  const PAGES = 400;
  const before = (i: number) => `# Page ${i}\n\n[story](pages/story.md) <center>${i}</center> [next](n${i + 1}.md)\n`;
  const after = (i: number) => `# Page ${i}\n\n[story](pages/Story.md) <center>${i}</center> [next](n${i + 1}.md)\n`;

  function archive(): string {
    const files: Record<string, string> = { 'pages/Story.md': '# Story\n' };
    for (let i = 0; i < PAGES; i++) files[`n${i}.md`] = before(i);
    return tree(files);
  }

  /** Loaded before the command (`--import`): says on fd 3 when the command has set its Ctrl-C handler. */
  const READY = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; const t = setInterval(() => { if (process.listenerCount('SIGINT') > 0) { clearInterval(t); writeSync(3, 'ready'); } }, 2); t.unref();")}`;

  /**
   * Run --fix on the installed command and press Ctrl-C `ms` after it is ready for it (its SIGINT handler set:
   * before that, the signal ends it as it ends any program that has not started), twice when asked.
   */
  async function interrupted(root: string, ms: number, twice = false, signal: NodeJS.Signals = 'SIGINT'): Promise<{ status: number | null; stderr: string }> {
    const child = spawn(process.execPath, ['--import', READY, BIN, 'check', '--fix', '--no-cache', '--concurrency', '2', '--root', root, root], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => (child.stdio[3] as NodeJS.ReadableStream).once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, ms));
    child.kill(signal);
    if (twice) {
      await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
    }
    return { status: await closed, stderr };
  }

  function expectWholeFiles(root: string): { fixed: number; untouched: number } {
    let fixed = 0;
    let untouched = 0;
    for (let i = 0; i < PAGES; i++) {
      const text = readFileSync(join(root, `n${i}.md`), 'utf8');
      if (text === after(i)) fixed++;
      else {
        expect(text, `n${i}.md`).toBe(before(i));
        untouched++;
      }
    }
    // No temporary file of a fixed page or of the cache, and no fix lock left behind.
    expect(files(root).filter((f) => f.endsWith('.tmp') || /\.archive-lint-\d+-/.test(f) || f.endsWith('fix.lock'))).toEqual([]);
    return { fixed, untouched };
  }

  it.runIf(process.platform === 'linux')('at any moment: every file untouched or wholly fixed, no temporary file, and the run says it was interrupted', async () => {
    const seen = new Set<string>();
    for (const ms of [0, 800, 3000]) {
      const root = archive();
      const r = await interrupted(root, ms);
      const counts = expectWholeFiles(root);
      if (r.stderr.includes('interrupted')) {
        expect(r.stderr).toMatch(/archive-lint: interrupted by SIGINT: the report is partial; files already fixed are whole, the rest untouched\n/);
        expect(r.status).toBe(130);
        seen.add(counts.fixed === 0 ? 'interrupted before writing' : 'interrupted after writing');
      } else {
        // Done before the signal came (a fast machine): the whole run, and its exit code.
        expect(counts).toEqual({ fixed: PAGES, untouched: 0 });
        expect(r.status).toBe(1);
        seen.add('done');
      }
    }
    // At least one of the runs was stopped by the signal.
    expect([...seen].some((s) => s.startsWith('interrupted'))).toBe(true);
  }, 120_000);

  it.runIf(process.platform === 'linux')('SIGTERM (a cancelled CI job, timeout, docker stop) as Ctrl-C: every file whole, no temporary file, status 143, the report said partial', async () => {
    const seen = new Set<string>();
    for (const ms of [0, 800, 3000]) {
      const root = archive();
      const r = await interrupted(root, ms, false, 'SIGTERM');
      const counts = expectWholeFiles(root);
      if (r.stderr.includes('interrupted')) {
        expect(r.stderr).toMatch(/archive-lint: interrupted by SIGTERM: the report is partial; files already fixed are whole, the rest untouched\n/);
        expect(r.status).toBe(143);
        seen.add('interrupted');
      } else {
        expect(counts).toEqual({ fixed: PAGES, untouched: 0 });
        expect(r.status).toBe(1);
      }
    }
    expect(seen.has('interrupted')).toBe(true);
  }, 120_000);

  it.runIf(process.platform === 'linux')('a second Ctrl-C stops at once (status 130), still leaving no temporary file and no half-written file', async () => {
    const root = archive();
    const r = await interrupted(root, 300, true);
    expect(r.status).toBe(130);
    expectWholeFiles(root);
  }, 60_000);
});
