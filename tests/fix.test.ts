/** --fix, --fix-unsafe and --fix-dry-run through the CLI: what is written, and what is never touched. */
import { describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { run, tree } from './helpers/tree.js';
import { applyFixes } from '../src/core/fix/fix.js';
import { writeFixed } from '../src/core/fix/write.js';

const CASE = { 'Pages/Story.md': '# Story\n', 'index.md': '# Index\r\n\r\n[a](pages/Story.md) [b](Pages/story.md)\r\n[c](www.example.com/x)\r\n' };

describe('applyFixes', () => {
  it('sorts, skips overlapping and touching edits, and keeps CRLF in inserted text', () => {
    const r = applyFixes('a\r\nbcd\r\nef', [
      { range: [4, 5], text: 'X' },
      { range: [0, 1], text: 'one\ntwo' },
      { range: [4, 6], text: 'overlaps' },
      { range: [5, 5], text: 'touches' },
      { range: [8, 10], text: 'EF' },
    ]);
    expect(r.text).toBe('one\r\ntwo\r\nbXd\r\nEF');
    expect(r.skipped.map((f) => f.text)).toEqual(['overlaps', 'touches']);
  });
});

describe('--fix', () => {
  it('applies safe fixes only, keeps CRLF and the mode, and reports what is left', async () => {
    const root = tree(CASE);
    chmodSync(join(root, 'index.md'), 0o640);
    const r = await run(root, ['--fix', '--format', 'json']);
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe('# Index\r\n\r\n[a](Pages/Story.md) [b](Pages/Story.md)\r\n[c](www.example.com/x)\r\n');
    expect(statSync(join(root, 'index.md')).mode & 0o777).toBe(0o640);
    expect(r.stderr).toBe('archive-lint: fixed 1 file (2 fixes)\n');
    const left = JSON.parse(r.stdout) as { messages: { messageId: string; suggestions?: unknown[] }[] }[];
    expect(left.flatMap((f) => f.messages.map((m) => [m.messageId, Boolean(m.suggestions)]))).toEqual([['noScheme', true]]);
    expect(r.code).toBe(1);
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('--fix-unsafe applies the rest too', async () => {
    const root = tree(CASE);
    const r = await run(root, ['--fix-unsafe']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe('# Index\r\n\r\n[a](Pages/Story.md) [b](Pages/Story.md)\r\n[c](http://www.example.com/x)\r\n');
  });

  it('--fix-dry-run prints a unified diff with a/ and b/ paths and writes nothing', async () => {
    const root = tree(CASE);
    const r = await run(root, ['--fix-dry-run']);
    expect(r.stdout).toBe(
      [
        'diff --git a/index.md b/index.md',
        '--- a/index.md',
        '+++ b/index.md',
        '@@ -1,4 +1,4 @@',
        ' # Index\r',
        ' \r',
        '-[a](pages/Story.md) [b](Pages/story.md)\r',
        '+[a](Pages/Story.md) [b](Pages/Story.md)\r',
        ' [c](www.example.com/x)\r',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('archive-lint: --fix-dry-run: 1 file would be changed by 2 fixes; nothing was written\n');
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe(CASE['index.md']);
  });

  it('reports a read-only file, goes on with the rest, and exits 2', async () => {
    const root = tree({ ...CASE, 'other.md': '[x](pages/Story.md)\n' });
    chmodSync(join(root, 'index.md'), 0o444);
    const r = await run(root, ['--fix']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('archive-lint: index.md: file is read-only; not fixed\n');
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe(CASE['index.md']);
    expect(readFileSync(join(root, 'other.md'), 'utf8')).toBe('[x](Pages/Story.md)\n');
  });

  it('never writes over a file that changed since it was read', () => {
    const root = tree({ 'a.md': 'old\n' });
    const abs = join(root, 'a.md');
    const original = readFileSync(abs);
    writeFileSync(abs, 'edited meanwhile\n');
    expect(writeFixed(root, abs, original, 'fixed\n', false)).toEqual({ ok: false, reason: 'file changed on disk since it was read; not fixed', changed: true });
    expect(readFileSync(abs, 'utf8')).toBe('edited meanwhile\n');
    expect(readdirSync(root)).toEqual(['a.md']);
  });

  it('never writes outside the root', () => {
    const outside = tree({ 'x.md': 'x\n' });
    const root = tree({});
    const abs = join(outside, 'x.md');
    expect(writeFixed(root, abs, readFileSync(abs), 'y\n', false)).toEqual({ ok: false, reason: 'resolves outside the root; not written' });
    expect(readFileSync(abs, 'utf8')).toBe('x\n');
  });

  it('keeps the BOM', () => {
    const root = tree({ 'a.md': '\ufeffold\n' });
    const abs = join(root, 'a.md');
    expect(writeFixed(root, abs, readFileSync(abs), 'new\n', true)).toMatchObject({ ok: true, hash: createHash('sha1').update('\ufeffnew\n').digest('hex'), notes: [] });
    expect(readFileSync(abs)).toEqual(Buffer.from('\ufeffnew\n'));
  });

  it('stops between files when interrupted, leaving every file whole', async () => {
    const root = tree(CASE);
    let stdout = '';
    let stderr = '';
    const { main } = await import('../src/cli/main.js');
    const code = await main({ argv: ['--fix'], cwd: root, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, signal: { aborted: true } });
    expect(code).toBe(130);
    expect(stderr).toContain('archive-lint: interrupted: the report is partial; files already fixed are whole, the rest untouched\n');
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe(CASE['index.md']);
    expect(stdout).toBe('');
  });
});
