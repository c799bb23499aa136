/**
 * The triggers of --fix's data loss: a page edited during the run, two --fix runs at once, a same-size rewrite that
 * puts back the old modification time under a warm cache. Every file ends as its new text or that text correctly
 * fixed, never a mix of the two (offsets of one text applied to another).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tree } from './helpers/tree.js';
import { lint, rulesModule } from '../src/rule-set.js';
import { resolveConfig } from '../src/core/config/config.js';
import { statTrusted, STAT_GRANULARITY_MS } from '../src/core/cache/cache.js';
import { takeFixLock } from '../src/core/fix/lock.js';
import { rules } from '../rules/index.js';

const BIN = fileURLToPath(new URL('../bin/archive-lint.js', import.meta.url));

/** Messages as `line:column rule`, for comparing runs. */
function positions(results: { messages: { line: number; column: number; ruleId: string | null }[] }[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`));
}

describe('a page edited during the run', () => {
  it('a line inserted at the top after the page was linted: linted again, and the new text fixed', async () => {
    const root = tree({ 'a.md': 'Tom&nbsp;and&nbsp;Jerry\n\nA <b>bold</b> word.\n', 'b.md': '# B\n\nx&nbsp;y\n' });
    const config = resolveConfig({}, undefined, rules);
    const r = await lint({
      root,
      config,
      rules,
      fix: { mode: 'safe', dryRun: false },
      onProgress: (_done, _total, path) => {
        // What an editor's save does while the run lints the rest: the offsets found on the old text now point elsewhere.
        if (path === 'a.md') writeFileSync(join(root, 'a.md'), `NEW LINE\n${readFileSync(join(root, 'a.md'), 'utf8')}`);
      },
    });
    // Not `NEW  LI and Jerry`: the fixes of the text now on disk.
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('NEW LINE\nTom and Jerry\n\nA **bold** word.\n');
    expect(readFileSync(join(root, 'b.md'), 'utf8')).toBe('# B\n\nx y\n');
    expect(r.warnings).toEqual(['1 file changed on disk during the run: linted again before fixing (a.md)']);
    expect(r.fixed.map((f) => [f.path, f.written])).toEqual([
      ['a.md', true],
      ['b.md', true],
    ]);
  });

  it('a file written between the last read and the rename is left as its writer left it, an error of the file', async () => {
    const { writeFixed, CHANGED_SINCE_READ } = await import('../src/core/fix/write.js');
    const root = tree({ 'a.md': 'Tom&nbsp;and&nbsp;Jerry\n' });
    const abs = join(root, 'a.md');
    const read = readFileSync(abs);
    writeFileSync(abs, 'XX&nbsp;Tom and Jerry!!\n');
    expect(writeFixed(root, abs, read, 'Tom and Jerry\n', false)).toEqual({ ok: false, reason: CHANGED_SINCE_READ, changed: true });
    expect(readFileSync(abs, 'utf8')).toBe('XX&nbsp;Tom and Jerry!!\n');
    expect(readdirSync(root)).toEqual(['a.md']);
  });
});

describe('a same-size rewrite with the old modification time, under a warm cache', () => {
  it('is linted again (its change time differs), reported as it is, and fixed as it is', async () => {
    const root = tree({ 'a.md': 'Tom&nbsp;and&nbsp;Jerry\n', 'b.md': '# B\n' });
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, '.cache');
    const cold = await lint({ root, config, rules, rulesModule, cache: { location } });
    expect(positions(cold.results)).toEqual(['1:4 no-raw-html', '1:13 no-raw-html']);
    // As `cp -p`, `rsync -a`, `tar -x` or `touch -r` write it: other bytes, the same size, the old time.
    const abs = join(root, 'a.md');
    const ref = join(tree({}), 'ref');
    execFileSync('cp', ['-p', abs, ref]);
    const old = statSync(abs);
    writeFileSync(abs, 'XX&nbsp;Tom and Jerry!!\n');
    execFileSync('touch', ['-r', ref, abs]);
    expect(statSync(abs).size).toBe(old.size);
    expect(statSync(abs).mtimeMs).toBe(old.mtimeMs);
    const warm = await lint({ root, config, rules, rulesModule, cache: { location } });
    expect(warm.cache).toMatchObject({ hits: 1, misses: 1 });
    expect(positions(warm.results)).toEqual(['1:3 no-raw-html']);
    execFileSync('touch', ['-r', ref, abs]);
    await lint({ root, config, rules, rulesModule, cache: { location }, fix: { mode: 'safe', dryRun: false } });
    expect(readFileSync(abs, 'utf8')).toBe('XX Tom and Jerry!!\n');
  });

  it('stat serves a file only when size, both times and inode are as recorded, and both times older than the read by the granularity', () => {
    const read = { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7, checkedAt: 1_000_000 + STAT_GRANULARITY_MS + 1 };
    expect(statTrusted({ ...read }, read)).toBe(true);
    // Changed within the granularity of the read: stat cannot tell a write in the same tick.
    expect(statTrusted({ ...read }, { ...read, checkedAt: 1_000_000 + STAT_GRANULARITY_MS })).toBe(false);
    // The old modification time put back: the change time tells.
    expect(statTrusted({ ...read, ctimeMs: 2_000_000 }, read)).toBe(false);
    // Another file renamed over it.
    expect(statTrusted({ ...read, ino: 8 }, read)).toBe(false);
    expect(statTrusted({ ...read, mtimeMs: 999_000 }, read)).toBe(false);
  });
});

describe('two --fix runs at once', () => {
  const PAGES = 240;
  const page = (i: number) => `Tom&nbsp;and&nbsp;Jerry ${i}\n`;

  function fixRun(root: string): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, 'check', '--fix', '--concurrency', '2', '--root', root, root], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  }

  it.runIf(process.platform === 'linux')('with edits at the top of pages while they run: every page its last text, or that text fixed', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < PAGES; i++) files[`p${i}.md`] = page(i);
    const root = tree(files);
    // The last text the "editor" wrote to each page (written atomically, as editors and sync tools do).
    const last = new Map<number, string>();
    const edit = (i: number) => {
      const abs = join(root, `p${i}.md`);
      const text = `EDIT ${Date.now()}\n${readFileSync(abs, 'utf8')}`;
      writeFileSync(`${abs}.edit`, text);
      renameSync(`${abs}.edit`, abs);
      last.set(i, text);
    };
    const a = fixRun(root);
    const b = fixRun(root);
    let done = false;
    void Promise.all([a, b]).then(() => (done = true));
    for (let k = 0; !done && k < 60; k++) {
      edit((k * 37) % PAGES);
      await new Promise((r) => setTimeout(r, 40));
    }
    const [ra, rb] = await Promise.all([a, b]);
    expect([ra.code, rb.code].every((c) => c === 0 || c === 1)).toBe(true);
    // One of the two waited for the other's lock, and said so.
    expect(`${ra.stderr}${rb.stderr}`).toMatch(/another archive-lint --fix \(process \d+ on [^)]+\) is fixing this archive; waiting for it to finish/);
    let garbled = 0;
    for (let i = 0; i < PAGES; i++) {
      const text = readFileSync(join(root, `p${i}.md`), 'utf8');
      const latest = last.get(i) ?? page(i);
      const fixed = latest.replace(/&nbsp;/g, ' ');
      if (text !== latest && text !== fixed) garbled++;
    }
    expect(garbled).toBe(0);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp') || f.endsWith('.edit'))).toEqual([]);
    expect(existsSync(join(root, '.archive-lint-cache', 'fix.lock'))).toBe(false);
  }, 120_000);

  it('the lock: a live holder is waited for; a dead one is taken over', async () => {
    const dir = tree({});
    const first = await takeFixLock(dir);
    expect(typeof first).toBe('object');
    const notices: string[] = [];
    const signal = { aborted: false };
    const second = takeFixLock(dir, signal, (m) => notices.push(m), 20);
    await new Promise((r) => setTimeout(r, 100));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(new RegExp(`^another archive-lint --fix \\(process ${process.pid} on `));
    (first as { release(): void }).release();
    const got = await second;
    expect(typeof got).toBe('object');
    (got as { release(): void }).release();
    expect(readdirSync(dir)).toEqual([]);
    // A lock left by a process that is gone (a kill -9): taken over at once.
    writeFileSync(join(dir, 'fix.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), started: '2020-01-01T00:00:00Z', nonce: 'x' }));
    const third = await takeFixLock(dir, undefined, () => notices.push('waited'), 20);
    expect(typeof third).toBe('object');
    expect(notices).toHaveLength(1);
    (third as { release(): void }).release();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('an interrupted run', () => {
  it('says it is partial in the report itself: each file not linted is an error of its own (JSON, SARIF); status 143 for SIGTERM', async () => {
    const { main } = await import('../src/cli/main.js');
    const root = tree({ 'a.md': '# A\n', 'b.md': '# B\n' });
    for (const format of ['json', 'sarif'] as const) {
      let stdout = '';
      let stderr = '';
      const code = await main({ argv: ['check', '--no-cache', '--format', format], cwd: root, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, signal: { aborted: true, reason: 'SIGTERM' } });
      expect(code).toBe(143);
      expect(stderr).toBe('archive-lint: interrupted by SIGTERM: the report is partial\n');
      const message = 'not linted: the run was interrupted before this file was read; the report is partial';
      if (format === 'json') {
        const report = JSON.parse(stdout) as { filePath: string; messages: { message: string; fatal?: boolean }[] }[];
        expect(report.map((r) => [r.filePath.slice(root.length + 1), r.messages.map((m) => [m.message, m.fatal])])).toEqual([
          ['a.md', [[message, true]]],
          ['b.md', [[message, true]]],
        ]);
      } else {
        const log = JSON.parse(stdout) as { runs: { invocations?: { toolExecutionNotifications?: { message: { text: string } }[] }[] }[] };
        expect(JSON.stringify(log)).toContain(message);
      }
    }
  });
});
