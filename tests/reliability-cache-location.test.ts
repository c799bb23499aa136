/**
 * Issue 12: a `--cache-location` that cannot be made fails at once (exit 2, one line on stderr), before any work;
 * never Node's recursive mkdir, which spins for ever at full CPU on `/proc/nope`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run, tree } from './helpers/tree.js';
import { makeFolder } from '../src/core/cache/cache.js';

const BIN = fileURLToPath(new URL('../bin/archive-lint.js', import.meta.url));
const ARCHIVE = { 'a.md': '# A\n\n[b](b.md)\n', 'b.md': '# B\n', somefile: 'not a folder\n' };

describe('--cache-location that cannot be made', () => {
  it('under a regular file: exit 2 at once, one line naming the file', async () => {
    const root = tree(ARCHIVE);
    const r = await run(root, ['--cache-location', 'somefile/cache']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: --cache-location: ${join(root, 'somefile')} is not a folder; give a folder that can be made, or --no-cache\n` });
    const deeper = await run(root, ['--cache-location', 'somefile/a/b/c']);
    expect(deeper.stderr).toBe(`archive-lint: --cache-location: ${join(root, 'somefile')} is not a folder; give a folder that can be made, or --no-cache\n`);
    // A file given as the folder.
    const file = await run(root, ['--cache-location', 'somefile']);
    expect(file).toEqual({ code: 2, stdout: '', stderr: `archive-lint: --cache-location: ${join(root, 'somefile')} is not a folder; give a folder that can be made, or --no-cache\n` });
  });

  it.runIf(process.platform === 'linux')('/proc/nope: exit 2 within seconds from the installed command, never a spin', () => {
    const root = tree(ARCHIVE);
    const started = Date.now();
    const r = spawnSync(process.execPath, [BIN, '--cache-location', '/proc/nope/cache', '.'], { cwd: root, encoding: 'utf8', timeout: 20000 });
    expect(r.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(15000);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^archive-lint: --cache-location: cannot create \/proc\/nope \((?:ENOENT|EACCES|EPERM|EROFS)\); give a folder that can be made, or --no-cache\n$/);
  });

  it('with --no-cache, the location is not used and not checked', async () => {
    const root = tree(ARCHIVE);
    const r = await run(root, ['--no-cache', '--cache-location', 'somefile/cache']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a location that can be made is made, folders above it too, and the cache written there', async () => {
    const root = tree(ARCHIVE);
    const r = await run(root, ['--cache-location', 'x/y/cache']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(join(root, 'x/y/cache/messages.v8'))).toBe(true);
  });
});

describe('makeFolder', () => {
  it('makes the missing folders, accepts one that exists, and says why it cannot', () => {
    const root = tree({ file: 'x' });
    expect(makeFolder(join(root, 'a/b/c'))).toBeUndefined();
    expect(existsSync(join(root, 'a/b/c'))).toBe(true);
    expect(makeFolder(join(root, 'a/b/c'))).toBeUndefined();
    expect(makeFolder(join(root, 'file/sub'))).toBe(`${join(root, 'file')} is not a folder`);
    mkdirSync(join(root, 'ro'));
    writeFileSync(join(root, 'ro/f'), '');
    expect(makeFolder(join(root, 'ro/f/g'))).toBe(`${join(root, 'ro/f')} is not a folder`);
  });

  it.runIf(process.platform === 'linux')('returns at once under /proc', () => {
    expect(makeFolder('/proc/nope/a/b')).toMatch(/^cannot create \/proc\/nope \((?:ENOENT|EACCES|EPERM|EROFS)\)$/);
  });
});

describe('-o and --report where no folder can be made', () => {
  it('exit 2 at once, before the run, one line naming the file', async () => {
    const root = tree(ARCHIVE);
    const r = await run(root, ['-o', 'somefile/report.json', '--format', 'json', '--no-cache']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: cannot write ${join(root, 'somefile/report.json')}: ${join(root, 'somefile')} is not a folder\n` });
    const audit = await run(root, ['audit', '.', '--report', 'somefile/r.html', '--no-cache', '--no-external']);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toBe(`archive-lint: cannot write ${join(root, 'somefile/r.html')}: ${join(root, 'somefile')} is not a folder\n`);
  });

  it.runIf(process.platform === 'linux')('-o /proc/nope/r.json: exit 2 within seconds, never a spin', () => {
    const root = tree(ARCHIVE);
    const started = Date.now();
    const r = spawnSync(process.execPath, [BIN, '--no-cache', '-o', '/proc/nope/r.json', '.'], { cwd: root, encoding: 'utf8', timeout: 20000 });
    expect(r.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(15000);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^archive-lint: cannot write \/proc\/nope\/r\.json: cannot create \/proc\/nope \((?:ENOENT|EACCES|EPERM|EROFS)\)\n$/);
  });
});
