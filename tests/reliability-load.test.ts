/**
 * The same answer on an idle machine and a loaded one: the per-file budget is CPU time of the parsing thread, so
 * busy loops beside the run slow it and change nothing it reports. A pathological page (past its budget either
 * way) and a large page (well within its CPU budget, past it in wall time once the machine is busy).
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { lint, rulesModule } from '../src/rule-set.js';
import { resolveConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import { tree } from './helpers/tree.js';

function findings(results: { filePath: string; messages: { line: number; column: number; ruleId: string | null; message: string }[] }[], root: string): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

describe('under load', () => {
  it('a pathological page and a large one give the same findings with busy loops on every core as on an idle machine', async () => {
    let large = '# Large\n\n';
    for (let i = 0; i < 150; i++) large += `Line ${i} with [a link](missing-${i % 50}.md) and <b>bold</b> &nbsp; text.\n\n`;
    const root = tree({ 'slow.md': ']('.repeat(100_000), 'large.md': large, 'ok.md': '# OK\n\n[large](large.md)\n' });
    // 1 s of CPU time a file (the floor): the large page takes well under half of it, cold.
    const config = resolveConfig({ fileTimeBudget: 0.5 }, undefined, rules);
    const idle = findings((await lint({ root, config, rules, rulesModule, concurrency: 2 })).results, root);
    expect(idle.filter((f) => f.startsWith('slow.md'))).toEqual([
      "slow.md:1:1 null not linted: parsing used more than 1 s of CPU time, the time budget of a file of 195 KiB (fileTimeBudget); the text may hold a pattern that makes Markdown parsers slow, such as thousands of unclosed '[' or '](' on one line",
    ]);
    expect(idle.filter((f) => f.startsWith('large.md')).length).toBeGreaterThan(150);
    // Two busy loops a core: the workers get a fraction of a core each, and a wall-time budget would run out.
    const loops: ChildProcess[] = [];
    try {
      for (let k = 0; k < 2 * availableParallelism(); k++) loops.push(spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
      const busy = findings((await lint({ root, config, rules, rulesModule, concurrency: 2 })).results, root);
      expect(busy).toEqual(idle);
    } finally {
      for (const p of loops) p.kill('SIGKILL');
    }
  }, 300_000);
});
