/**
 * Issue 21, row 9: "did you mean" over 500 near-miss names of 200 characters was quadratic on the main thread
 * (96 s). Each link's suggestion now compares at most MAX_SUGGESTION_COMPARISONS candidates: counted here through
 * the edit-distance function itself, so that an unbounded search fails whatever the machine's speed.
 */
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('fastest-levenshtein', async (importOriginal) => {
  const real = await importOriginal<typeof import('fastest-levenshtein')>();
  const distance = (a: string, b: string) => (calls.n++, real.distance(a, b));
  return { ...real, distance, default: { ...real, distance } };
});

const { ArchiveIndex, MAX_SUGGESTION_COMPARISONS } = await import('../src/core/links/target-index.js');

describe('row 9: suggestions among 500 near-miss names of 200 characters', () => {
  it('compare at most MAX_SUGGESTION_COMPARISONS candidates a link, and still find the near one', () => {
    const stem = 'x'.repeat(190);
    const names = Array.from({ length: 500 }, (_, i) => `pages/${stem}${String(i).padStart(5, '0')}.md`);
    const index = new ArchiveIndex(names);
    calls.n = 0;
    const started = performance.now();
    let found = 0;
    for (let i = 0; i < 500; i++) {
      // One letter off each existing name: a broken link whose target is a near miss.
      const hit = index.suggest(`pages/${stem}${String(i).padStart(5, '0')}.mx`);
      if (hit === names[i]) found++;
    }
    expect(calls.n).toBeLessThanOrEqual(500 * MAX_SUGGESTION_COMPARISONS);
    expect(found).toBe(500);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
