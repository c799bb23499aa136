/** Parsing on worker threads gives exactly the results of parsing in-process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POOL_THRESHOLD } from '../src/core/run/engine.js';
import { budgetFor, DEFAULT_TIME_BUDGET } from '../src/core/run/pool.js';
import { lint } from '../src/rule-set.js';
import { resolveConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import { tree } from './helpers/tree.js';

describe('time budget', () => {
  it("is the base and the per-MiB allowance added: a 2.7 MiB index page gets 23.5 s, not the base's 10", () => {
    expect(budgetFor(2.7 * 1048576, DEFAULT_TIME_BUDGET)).toBe(23_500);
    expect(budgetFor(0, DEFAULT_TIME_BUDGET)).toBe(10_000);
    expect(budgetFor(1048576, { baseMs: 1000, perMiBMs: 3000 })).toBe(4000);
  });
});

describe('worker pool', () => {
  it('matches the in-process run, file for file and message for message', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < POOL_THRESHOLD + 20; i++) {
      files[`pages/p${i % 7}/n${i}.md`] = `# Page ${i}\n\n【大纪元2020年09月0${(i % 9) + 1}日讯】 <ok href="../p${(i + 1) % 7}/n${i + 1}.md">next</ok> [gone](gone${i}.md) [anchor](#page-${i})\n`;
    }
    const root = tree(files);
    const config = resolveConfig({}, undefined, rules);
    const single = await lint({ root, config, concurrency: 1 });
    const pooled = await lint({ root, config, concurrency: 2 });
    expect(pooled.runProblems).toEqual([]);
    expect(pooled.results).toEqual(single.results);
    expect(single.results.reduce((n, r) => n + r.messages.length, 0)).toBeGreaterThan(POOL_THRESHOLD);
  }, 60000);
});

// A worker that dies or runs past a file's time budget: tests/reliability-hostile.test.ts.

describe('fix passes on the pool', () => {
  it('write the very bytes of an in-process --fix, and leave nothing fixable', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < POOL_THRESHOLD + 20; i++) {
      // Entities, a wrapper <div>, a padded date among unpadded ones, and an <ok href> converted to a link:
      // several passes' worth of safe fixes in every file.
      files[`pages/n${i}.md`] = `# Page ${i}\n\n<div>\n<p>第${i}篇&nbsp;&nbsp;<ok href="n${i + 1}.md">下一篇</ok></p>\n</div>\n\n2020年9月3日 2020年9月4日 2020年09月05日\n`;
    }
    const config = resolveConfig({}, undefined, rules);
    const a = tree(files);
    const b = tree(files);
    const single = await lint({ root: a, config, concurrency: 1, fix: { mode: 'safe', dryRun: false } });
    const pooled = await lint({ root: b, config, concurrency: 2, fix: { mode: 'safe', dryRun: false } });
    expect(pooled.runProblems).toEqual([]);
    expect(single.fixed.length).toBe(POOL_THRESHOLD + 20);
    expect(pooled.fixed.map((f) => [f.path, f.fixes, f.written])).toEqual(single.fixed.map((f) => [f.path, f.fixes, f.written]));
    for (const path of Object.keys(files)) {
      const fixedText = readFileSync(join(a, path), 'utf8');
      expect(fixedText).not.toBe(files[path]);
      expect(readFileSync(join(b, path), 'utf8')).toBe(fixedText);
    }
    expect(pooled.results.map((r) => r.messages.map((m) => [m.ruleId, m.line, m.column, m.message]))).toEqual(single.results.map((r) => r.messages.map((m) => [m.ruleId, m.line, m.column, m.message])));
    const again = await lint({ root: b, config, concurrency: 2, fix: { mode: 'safe', dryRun: true } });
    expect(again.fixed).toEqual([]);
  }, 120000);
});
