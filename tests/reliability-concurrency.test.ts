/**
 * Issue 12: `--concurrency 200` ran 200 worker threads (6.8 GB). It is capped at 4 a core, 64 in all, and the run
 * says so on stderr.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { availableParallelism } from 'node:os';
import { run, tree } from './helpers/tree.js';
import { lint } from '../src/core/run/engine.js';

// The engine as it is, watched: the worker count the CLI hands it.
vi.mock('../src/core/run/engine.js', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../src/core/run/engine.js')>();
  return { ...engine, lint: vi.fn(engine.lint) };
});

const cores = availableParallelism();
const cap = Math.min(4 * cores, 64);
const ARCHIVE = { 'a.md': '# A\n\n[b](b.md)\n', 'b.md': '# B\n' };

function workers(): number | undefined {
  return vi.mocked(lint).mock.calls.at(-1)?.[0].concurrency;
}

describe('--concurrency', () => {
  beforeEach(() => {
    vi.mocked(lint).mockClear();
  });

  it('200 is capped at 4 a core (64 at most), said once on stderr, and the run goes on', async () => {
    const r = await run(tree(ARCHIVE), ['--no-cache', '--concurrency', '200']);
    expect(r).toEqual({
      code: 0,
      stdout: '',
      stderr: `archive-lint: warning: --concurrency 200 capped at ${cap} worker threads (4 × ${cores} available core${cores === 1 ? '' : 's'}, at most 64)\n`,
    });
    expect(workers()).toBe(cap);
  });

  it('the cap itself, and fewer, are taken as given, silently', async () => {
    for (const n of [1, 2, cap]) {
      const r = await run(tree(ARCHIVE), ['--no-cache', '--concurrency', String(n)]);
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(workers()).toBe(n);
    }
  });

  it('a number past any integer is capped too; not a number is still a usage error', async () => {
    const big = await run(tree(ARCHIVE), ['--no-cache', '--concurrency', '99999999999999999999999']);
    expect(big.code).toBe(0);
    expect(big.stderr).toBe(`archive-lint: warning: --concurrency 99999999999999999999999 capped at ${cap} worker threads (4 × ${cores} available core${cores === 1 ? '' : 's'}, at most 64)\n`);
    expect(workers()).toBe(cap);
    const bad = await run(tree(ARCHIVE), ['--no-cache', '--concurrency', '0']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: "archive-lint: --concurrency '0': expected a whole number of at least 1\n" });
  });

  it('without the option: the available cores (64 at most)', async () => {
    await run(tree(ARCHIVE), ['--no-cache']);
    expect(workers()).toBe(Math.min(cores, 64));
  });
});
