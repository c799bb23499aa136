/** Parsing on worker threads gives exactly the results of parsing in-process. */
import { describe, expect, it } from 'vitest';
import { lint, POOL_THRESHOLD } from '../src/core/engine.js';
import { resolveConfig } from '../src/core/config.js';
import { rules } from '../rules/index.js';
import { tree } from './helpers/tree.js';

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
