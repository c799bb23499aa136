/**
 * The file system's one way in and one way out (src/core/io/): bounded reads of regular files that never follow
 * a link out of the root nor quote what they read, and atomic writes that never go through a symbolic link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError, readBounded, readBoundedIfAny, writeFileAtomic, AtomicFile, pendingTemps, removeTemporaries } from '../src/core/io/index.js';

const dirs: string[] = [];
function temp(): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'al-io-')));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function ioError(f: () => unknown): IoError {
  try {
    f();
  } catch (e) {
    if (e instanceof IoError) return e;
    throw e;
  }
  throw new Error('no IoError thrown');
}

describe('readBounded', () => {
  it('reads a regular file within its cap', () => {
    const d = temp();
    writeFileSync(join(d, 'a.json'), '{"a":1}');
    expect(readBounded(join(d, 'a.json'), { maxBytes: 7, root: d }).toString()).toBe('{"a":1}');
  });

  it('refuses a file past its cap, without quoting it', () => {
    const d = temp();
    writeFileSync(join(d, 'a.json'), 'SECRET-TOKEN-1234');
    const e = ioError(() => readBounded(join(d, 'a.json'), { maxBytes: 16, what: 'config file' }));
    expect(e.problem).toBe('too-large');
    expect(e.message).toBe(`${join(d, 'a.json')}: the config file is larger than 16 bytes; not read`);
  });

  it('refuses a device (/dev/zero) at once, and a /proc file that says it is empty past its cap', () => {
    const e = ioError(() => readBounded('/dev/zero', { maxBytes: 1024 }));
    expect(e.problem).toBe('not-regular');
    expect(e.message).toBe('/dev/zero: the file is a device, not a regular file; not read');
    // /proc/self/maps reports size 0 and holds more than 64 bytes: counted as read.
    expect(statSync('/proc/self/maps').size).toBe(0);
    expect(ioError(() => readBounded('/proc/self/maps', { maxBytes: 64 })).problem).toBe('too-large');
  });

  it('refuses a pipe without blocking, and a folder', () => {
    const d = temp();
    execFileSync('mkfifo', [join(d, 'fifo')]);
    const e = ioError(() => readBounded(join(d, 'fifo'), { maxBytes: 1024 }));
    expect(e.message).toBe(`${join(d, 'fifo')}: the file is a pipe, not a regular file; not read`);
    expect(ioError(() => readBounded(d, { maxBytes: 1024 })).problem).toBe('not-regular');
  });

  it('refuses a symbolic link that leaves the root, never quoting its target', () => {
    const d = temp();
    const outside = temp();
    writeFileSync(join(outside, 'secret'), 'AWS_SECRET=hunter2');
    symlinkSync(join(outside, 'secret'), join(d, 'cfg.json'));
    symlinkSync('/proc/self/environ', join(d, 'env.json'));
    const e = ioError(() => readBounded(join(d, 'cfg.json'), { maxBytes: 1 << 20, root: d, what: 'config file' }));
    expect(e.problem).toBe('outside-root');
    expect(e.message).toBe(`${join(d, 'cfg.json')}: the config file is a symbolic link that leaves the root ${d}; not read`);
    expect(e.message).not.toContain('hunter2');
    expect(ioError(() => readBounded(join(d, 'env.json'), { maxBytes: 1 << 20, root: d })).problem).toBe('outside-root');
    // Without a root (a file named on the command line), the link is followed.
    expect(readBounded(join(d, 'cfg.json'), { maxBytes: 100 }).toString()).toBe('AWS_SECRET=hunter2');
  });

  it('follows a symbolic link that stays inside the root', () => {
    const d = temp();
    mkdirSync(join(d, 'conf'));
    writeFileSync(join(d, 'conf', 'real.json'), '{}');
    symlinkSync('conf/real.json', join(d, 'cfg.json'));
    expect(readBounded(join(d, 'cfg.json'), { maxBytes: 10, root: d }).toString()).toBe('{}');
  });

  it('says a missing file is missing; readBoundedIfAny gives undefined for it', () => {
    const d = temp();
    const e = ioError(() => readBounded(join(d, 'none'), { maxBytes: 10 }));
    expect(e.problem).toBe('not-found');
    expect(readBoundedIfAny(join(d, 'none'), { maxBytes: 10 })).toBeUndefined();
  });
});

describe('writeFileAtomic', () => {
  it('writes a new file and its missing folders, leaving no temporary file', () => {
    const d = temp();
    writeFileAtomic(join(d, 'a', 'b', 'out.json'), ['[', '1', ']'], { root: d });
    expect(readFileSync(join(d, 'a', 'b', 'out.json'), 'utf8')).toBe('[1]');
    expect(readdirSync(join(d, 'a', 'b'))).toEqual(['out.json']);
    expect(pendingTemps.size).toBe(0);
  });

  it('replaces a file by rename, keeping its mode', () => {
    const d = temp();
    const f = join(d, 'page.md');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    const ino = statSync(f).ino;
    writeFileAtomic(f, 'new', { root: d });
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(statSync(f).ino).not.toBe(ino);
  });

  it('keeps the owner and group of a file it replaces', () => {
    const d = temp();
    const f = join(d, 'owned.md');
    writeFileSync(f, 'old');
    if (process.getuid?.() !== 0) return expect(statSync(f).uid).toBe(process.getuid?.());
    // As root (the CI container), a file of another user stays that user's.
    execFileSync('chown', ['1234:2345', f]);
    writeFileAtomic(f, 'new', { root: d });
    expect([statSync(f).uid, statSync(f).gid]).toEqual([1234, 2345]);
  });

  it('refuses a target that is a symbolic link, writing nothing through it', () => {
    const d = temp();
    const outside = temp();
    writeFileSync(join(outside, 'victim'), 'keep');
    symlinkSync(join(outside, 'victim'), join(d, 'report.html'));
    const e = ioError(() => writeFileAtomic(join(d, 'report.html'), 'evil', { root: d }));
    expect(e.problem).toBe('symlink');
    expect(e.message).toBe(`cannot write ${join(d, 'report.html')}: it is a symbolic link; nothing is written through a link`);
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('keep');
    expect(lstatSync(join(d, 'report.html')).isSymbolicLink()).toBe(true);
    // Outside the root (a path named on the command line), a link as the final component is refused too.
    expect(ioError(() => writeFileAtomic(join(d, 'report.html'), 'evil')).problem).toBe('symlink');
  });

  it('refuses a target below a folder of the archive that is a symbolic link', () => {
    const d = temp();
    const outside = temp();
    mkdirSync(join(d, 'node_modules'));
    symlinkSync(outside, join(d, 'node_modules', '.cache'));
    const e = ioError(() => writeFileAtomic(join(d, 'node_modules', '.cache', 'archive-lint', 'messages.v8'), 'x', { root: d }));
    expect(e.problem).toBe('symlink');
    expect(e.path).toBe(join(d, 'node_modules', '.cache'));
    expect(e.message).toBe(`cannot write ${join(d, 'node_modules', '.cache', 'archive-lint', 'messages.v8')}: ${join(d, 'node_modules', '.cache')} is a symbolic link; nothing is written through a link in the archive`);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a folder or a device as the target', () => {
    const d = temp();
    mkdirSync(join(d, 'out.json'));
    expect(ioError(() => writeFileAtomic(join(d, 'out.json'), 'x', { root: d })).message).toBe(`cannot write ${join(d, 'out.json')}: it is a folder, not a regular file`);
    expect(ioError(() => writeFileAtomic('/dev/null', 'x')).problem).toBe('not-regular');
  });

  it('refuses a file where a folder is needed', () => {
    const d = temp();
    writeFileSync(join(d, 'a'), '');
    expect(ioError(() => writeFileAtomic(join(d, 'a', 'b.json'), 'x', { root: d })).message).toBe(`cannot write ${join(d, 'a', 'b.json')}: ${join(d, 'a')} is not a folder`);
  });

  it('an abort leaves the target as it was and no temporary file', () => {
    const d = temp();
    writeFileSync(join(d, 'x.json'), 'old');
    const f = AtomicFile.open(join(d, 'x.json'), { root: d });
    f.write('half');
    expect(pendingTemps.size).toBe(1);
    f.abort();
    expect(readFileSync(join(d, 'x.json'), 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['x.json']);
    expect(pendingTemps.size).toBe(0);
  });

  it('removeTemporaries removes the temporary file of an interrupted write', () => {
    const d = temp();
    const f = AtomicFile.open(join(d, 'x.json'), { root: d });
    f.write('half');
    removeTemporaries();
    expect(readdirSync(d)).toEqual([]);
    expect(existsSync(join(d, 'x.json'))).toBe(false);
  });
});
