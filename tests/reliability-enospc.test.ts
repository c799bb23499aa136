/**
 * A full disk: a small tmpfs (mounted by the test; root on Linux only), filled to the last byte. The report (-o),
 * a fixed page and the cache are each either written whole or not at all: the file before it stays whole, the run
 * says why in one line and exits 2, no temporary file is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/tree.js';

const mnt = mkdtempSync(join(tmpdir(), 'archive-lint-enospc-'));
let mounted = false;
try {
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { stdio: 'ignore' });
    mounted = true;
  }
} catch {
  // Not permitted here (a container without CAP_SYS_ADMIN): the tests are skipped.
}

afterAll(() => {
  if (mounted) execFileSync('umount', [mnt]);
  rmSync(mnt, { recursive: true, force: true });
});

let n = 0;
/** A fresh archive on the tmpfs: `pages` pages with a fixable entity each. */
function archive(pages: number): string {
  const root = join(mnt, `a${n++}`);
  mkdirSync(root);
  for (let i = 0; i < pages; i++) writeFileSync(join(root, `p${i}.md`), `# Page ${i}\n\nTom&nbsp;and&nbsp;Jerry [gone](gone${i}.md)\n`);
  return root;
}

/** Fill the file system, leaving about `spare` bytes; returns the filler to remove. */
function fill(spare = 0): string {
  const filler = join(mnt, `filler${n++}`);
  const { bavail, bsize } = statfsSync(mnt);
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - spare)));
  return filler;
}

/** Every file under a folder, root-relative. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe.runIf(mounted)('a full disk (ENOSPC on a 1 MiB tmpfs)', () => {
  beforeAll(() => {
    for (const name of readdirSync(mnt)) rmSync(join(mnt, name), { recursive: true, force: true });
  });

  it('-o: the report before it stays whole; one line, exit 2', async () => {
    const root = archive(40);
    const out = join(root, 'report.json');
    writeFileSync(out, '[]\n');
    const filler = fill(4096);
    const r = await run(root, ['check', '--no-cache', '--format', 'json', '-o', out]);
    rmSync(filler);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`archive-lint: cannot write ${out}: no space left on the device (ENOSPC)\n`);
    expect(readFileSync(out, 'utf8')).toBe('[]\n');
    expect(files(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--fix: the page stays as it was, said with the reason; exit 2, no temporary file', async () => {
    const root = archive(1);
    const before = readFileSync(join(root, 'p0.md'), 'utf8');
    const filler = fill(0);
    const r = await run(root, ['check', '--no-cache', '--fix']);
    rmSync(filler);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('archive-lint: p0.md: cannot write: no space left on the device (ENOSPC); the file is unchanged\n');
    expect(readFileSync(join(root, 'p0.md'), 'utf8')).toBe(before);
    expect(files(root)).toEqual(['p0.md']);
  });

  it('the cache: the files before it stay whole; said, exit 2; the next run uses them', async () => {
    const root = archive(30);
    const cache = join(root, '.archive-lint-cache');
    expect((await run(root, ['check'])).code).toBe(1);
    const saved = Object.fromEntries(files(cache).map((f) => [f, readFileSync(join(cache, f))]));
    expect(Object.keys(saved)).toEqual(['.gitignore', 'links.v8', 'messages.v8', 'outcomes.v8']);
    // A change the cache must record, on a disk with no room for it.
    for (let i = 0; i < 30; i++) writeFileSync(join(root, `p${i}.md`), `# Page ${i} again\n\n[gone](gone${i}.md) ${'x'.repeat(200)}\n`);
    const filler = fill(0);
    const r = await run(root, ['check']);
    rmSync(filler);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`archive-lint: ${cache.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot write the cache ${cache.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(?:messages|outcomes|links)\\.v8: no space left on the device \\(ENOSPC\\)\\n`));
    for (const [f, bytes] of Object.entries(saved)) expect(readFileSync(join(cache, f)).equals(bytes), f).toBe(true);
    expect(files(cache)).toEqual(Object.keys(saved));
    // With room again, the next run is served what is valid and records the rest.
    const again = await run(root, ['check']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('');
  });
});
