/**
 * The writer's failures as the system reports them: a full disk (ENOSPC) or a refused write (EACCES) mid-file is
 * an IoError that names the file and the reason in words, and leaves the target as it was. `writeSync` is made to
 * fail (the tests run as root in CI, where permissions refuse nothing, and no disk here is full).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const failWith = vi.hoisted(() => ({ code: undefined as string | undefined, short: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buf: Uint8Array, off?: number, len?: number) => {
    if (failWith.code) throw Object.assign(new Error(`${failWith.code}: mocked`), { code: failWith.code });
    // A short write: one byte at a time, which the writer must carry on from.
    if (failWith.short) return (fs.writeSync as (fd: number, b: Uint8Array, o: number, l: number) => number)(fd, buf, off ?? 0, Math.min(1, len ?? buf.length));
    return (fs.writeSync as (fd: number, b: Uint8Array, o?: number, l?: number) => number)(fd, buf, off, len);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { IoError, writeFileAtomic } = await import('../src/core/io/index.js');
const { main } = await import('../src/cli/main.js');

const dirs: string[] = [];
afterEach(() => {
  failWith.code = undefined;
  failWith.short = false;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'al-ioerr-')));
  dirs.push(d);
  return d;
}

describe('write failures', () => {
  it.each([
    ['ENOSPC', 'no-space', 'no space left on the device (ENOSPC)'],
    ['EACCES', 'permission', 'permission denied (EACCES)'],
  ])('%s is an IoError in words, and the old file stays', (code, problem, words) => {
    const d = temp();
    writeFileSync(join(d, 'out.json'), 'old');
    failWith.code = code;
    let err: unknown;
    try {
      writeFileAtomic(join(d, 'out.json'), 'new', { root: d });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IoError);
    expect((err as InstanceType<typeof IoError>).problem).toBe(problem);
    expect((err as Error).message).toBe(`cannot write ${join(d, 'out.json')}: ${words}`);
    expect(readFileSync(join(d, 'out.json'), 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['out.json']);
  });

  it('carries on after short writes until every byte is written', () => {
    const d = temp();
    failWith.short = true;
    writeFileAtomic(join(d, 'out.txt'), 'twelve bytes', { root: d });
    expect(readFileSync(join(d, 'out.txt'), 'utf8')).toBe('twelve bytes');
  });

  it('the command line turns a full disk under -o into one line and exit 2', async () => {
    const d = temp();
    writeFileSync(join(d, 'a.md'), '# A\n');
    failWith.code = 'ENOSPC';
    let err = '';
    const code = await main({ argv: ['check', '--root', d, '--no-cache', '--format', 'json', '-o', join(d, 'out.json'), d], cwd: d, stdout: { write: () => true }, stderr: { write: (s) => ((err += String(s)), true) }, env: {} });
    expect(err).toBe(`archive-lint: cannot write ${join(d, 'out.json')}: no space left on the device (ENOSPC)\n`);
    expect(code).toBe(2);
    expect(readdirSync(d)).toEqual(['a.md']);
  });
});
