/** --shard I/N and merge-reports: the shards of a run together are the run, and their merged report is its report. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { git as isolatedGit } from './helpers/git.js';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import { assignShards, parseShard } from '../src/core/walk/shard.js';
import { compareWalkOrder } from '../src/core/report/merge-reports.js';
import type { LintResult } from '../src/types.js';

/** An archive whose pages link across any cut: anchors, missing anchors, missing files, one big index. */
function archive(): Record<string, string> {
  const files: Record<string, string> = {};
  const pages = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  pages.forEach((p, i) => {
    const next = pages[(i + 3) % pages.length] as string;
    files[`pages/${p}.md`] = `# Page ${p}\n\n## Part ${i}\n\n[next](${next}.md#part-${(i + 3) % pages.length}) [wrong](${next}.md#part-99) [gone](${p}-gone.md)\n\n<div>${'x'.repeat(i * 300)}</div>\n`;
  });
  files['indexes/all.md'] = `# All\n\n${pages.map((p, i) => `- [${p}](../pages/${p}.md#part-${i}) [${p}?](../pages/${p}.md#nope)`).join('\n').repeat(40)}\n`;
  files['pages-2/z.md'] = '# Z\n\n[a](../pages/a.md#part-0) <font>old</font>\n';
  files['README.md'] = '# Archive\n\n[index](indexes/all.md)\n';
  // A file that cannot be linted: a message of its own, with a fatal count.
  files['pages/binary.md'] = 'PK\u0000\u0003 not text';
  return files;
}

function flat(results: LintResult[], root: string): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.column}:${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`));
}

describe('shards', () => {
  it('--shard is I/N with 1 ≤ I ≤ N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toBe('I must be from 1 to 4');
    expect(parseShard('5/4')).toBe('I must be from 1 to 4');
    expect(parseShard('1/0')).toBe('N must be at least 1');
    expect(parseShard('1-4')).toBe('expected I/N (the I-th of N shards, from 1), such as 1/4');
  });

  it('cuts the files in walk order into runs of about equal bytes, each file where its middle byte falls', () => {
    // 1 big file and 9 small ones: by count each shard would get 5; by bytes the big one is a shard of its own.
    expect(assignShards([900, 10, 10, 10, 10, 10, 10, 10, 10, 10], 2)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(assignShards([10, 10, 900, 10, 10], 3)).toEqual([0, 0, 1, 2, 2]);
    expect(assignShards([1, 1, 1, 1], 2)).toEqual([0, 0, 1, 1]);
    expect(assignShards([0, 0, 0], 2)).toEqual([0, 1, 1]);
    expect(assignShards([], 3)).toEqual([]);
    // An empty (or unreadable, weighing nothing) file at the end of the walk: its middle byte is the very last one.
    expect(assignShards([10, 10, 0], 2)).toEqual([0, 1, 1]);
    expect(assignShards([10, 10, 10, 0, 0], 3)).toEqual([0, 1, 2, 2, 2]);
  });

  it('each shard is a run of files within one file of total / N bytes', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Mostly 2 KB pages, a few index pages of megabytes.
    const sizes = Array.from({ length: 3000 }, () => (random() < 0.01 ? Math.floor(random() * 2_700_000) : 1000 + Math.floor(random() * 3000)));
    const total = sizes.reduce((a, b) => a + b, 0);
    const largest = Math.max(...sizes);
    for (const n of [2, 4, 7]) {
      const of = assignShards(sizes, n);
      expect(of.every((x, i) => i === 0 || x >= (of[i - 1] as number))).toBe(true);
      for (let k = 0; k < n; k++) {
        const bytes = sizes.filter((_, i) => of[i] === k).reduce((a, b) => a + b, 0);
        expect(Math.abs(bytes - total / n), `shard ${k + 1}/${n}`).toBeLessThanOrEqual(largest);
      }
    }
  });

  it('the union of the shards is the whole run, message for message, each file in one shard', async () => {
    const root = tree(archive());
    const full = JSON.parse((await run(root, ['check', '--format', 'json', '--no-cache'])).stdout) as LintResult[];
    expect(flat(full, root).length).toBeGreaterThan(100);
    for (const n of [1, 2, 3, 5]) {
      const shards: LintResult[][] = [];
      for (let i = 1; i <= n; i++) {
        const r = await run(root, ['check', '--format', 'json', '--no-cache', '--shard', `${i}/${n}`]);
        shards.push(JSON.parse(r.stdout) as LintResult[]);
      }
      const files = shards.flatMap((s) => s.map((r) => r.filePath));
      expect(new Set(files).size, `${n} shards`).toBe(files.length);
      expect(files.sort(compareWalkOrder)).toEqual(full.map((r) => r.filePath));
      expect(shards.flatMap((s) => flat(s, root)).sort()).toEqual(flat(full, root).sort());
      if (n > 1 && n <= 3) expect(shards.every((s) => s.length > 0 && s.length < full.length)).toBe(true);
    }
  });

  it('with the cache and with PATHs, a shard still resolves links against the whole archive', async () => {
    const root = tree(archive());
    await run(root, ['check']);
    const full = JSON.parse((await run(root, ['check', 'pages', '--format', 'json'])).stdout) as LintResult[];
    const parts: LintResult[] = [];
    for (const i of [1, 2]) parts.push(...(JSON.parse((await run(root, ['check', 'pages', '--format', 'json', '--shard', `${i}/2`])).stdout) as LintResult[]));
    expect(flat(parts, root).sort()).toEqual(flat(full, root).sort());
  });

  it('with --changed, the shards slice the files the change chose', async () => {
    const root = tree(archive());
    const git = (...args: string[]) => isolatedGit(root, ...args);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    // Deleting a page breaks the index and the page that links to it; two pages edited.
    git('rm', '-q', 'pages/d.md');
    writeFileSync(join(root, 'pages/b.md'), '# Page b\n\n[x](x.md)\n');
    writeFileSync(join(root, 'pages/h.md'), '# Page h\n\n[y](y.md)\n');
    git('add', '-A');
    const env = { PRE_COMMIT: '1' };
    const whole = JSON.parse((await run(root, ['check', '--changed', '--format', 'json'], { env })).stdout) as LintResult[];
    expect(whole.length).toBeGreaterThan(2);
    const parts: LintResult[] = [];
    for (const i of [1, 2]) parts.push(...(JSON.parse((await run(root, ['check', '--changed', '--format', 'json', '--shard', `${i}/2`], { env })).stdout) as LintResult[]));
    expect(parts.map((r) => r.filePath).sort(compareWalkOrder)).toEqual(whole.map((r) => r.filePath));
    expect(flat(parts, root).sort()).toEqual(flat(whole, root).sort());
  });

  it('a shard with no file says so', async () => {
    const root = tree({ 'a.md': '# A\n' });
    // One file: its middle byte is in the second half.
    const r = await run(root, ['check', '--shard', '1/2']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'archive-lint: shard 1/2 holds no file of this run\n' });
    expect(await run(root, ['check', '--shard', '2/2'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await run(root, ['check', '--shard', 'x'])).stderr).toBe("archive-lint: --shard 'x': expected I/N (the I-th of N shards, from 1), such as 1/4\n");
  });
});

describe('merge-reports', () => {
  async function shardReports(root: string, n: number): Promise<string[]> {
    const names: string[] = [];
    // Given in an order other than the shards': the merge sorts.
    for (let i = n; i >= 1; i--) {
      await run(root, ['check', '--no-cache', '--shard', `${i}/${n}`, '--format', 'json', '-o', `shard-${i}.json`]);
      names.push(`shard-${i}.json`);
    }
    return names;
  }

  it('the merged JSON and SARIF of the shards are the whole run\'s, byte for byte', async () => {
    const root = tree(archive());
    const full = await run(root, ['check', '--no-cache', '--format', 'json']);
    const names = await shardReports(root, 3);
    const merged = await run(root, ['merge-reports', ...names, '--format', 'json']);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toBe(full.stdout);
    expect(merged.stderr).toMatch(/^\nSummary by rule\n/);
    const fullSarif = await run(root, ['check', '--no-cache', '--format', 'sarif']);
    const mergedSarif = await run(root, ['merge-reports', ...names, '--format', 'sarif']);
    expect(mergedSarif.stdout).toBe(fullSarif.stdout);
    const fullMarkdown = await run(root, ['check', '--no-cache', '--format', 'markdown']);
    expect((await run(root, ['merge-reports', ...names, '--format', 'markdown'])).stdout).toBe(fullMarkdown.stdout);
  });

  it('prints the audit\'s summary, and writes the HTML report', async () => {
    const root = tree(archive());
    const names = await shardReports(root, 2);
    // The shards are check runs, which leave the archive-wide rules (on in an audit) off.
    const audit = await run(root, ['audit', '.', '--no-cache', '--no-external', '--rule', 'no-orphans=off', '--rule', 'no-unused-files=off']);
    const r = await run(root, ['merge-reports', ...names, '--report', 'report.html']);
    expect(r.code).toBe(1);
    // The summary by rule, by folder and of missing targets is the audit's.
    const tables = (s: string) => s.slice(0, s.indexOf('\n\n', s.indexOf('Top missing targets')));
    expect(tables(r.stdout)).toBe(tables(audit.stdout));
    expect(r.stdout).toMatch(/\n12 files linted, \d+ errors, \d+ warnings \(\d+ fixable with --fix\) in \d+\.\d s\nMerged from 2 reports\.\n$/);
    expect(r.stderr).toBe(`archive-lint: HTML report written to ${join(root, 'report.html')}\n`);
  });

  it('refuses overlapping shards and reports that are not JSON reports, naming the file', async () => {
    const root = tree(archive());
    await run(root, ['check', '--no-cache', '--shard', '1/2', '--format', 'json', '-o', 'a.json']);
    await run(root, ['check', '--no-cache', '--shard', '1/3', '--format', 'json', '-o', 'b.json']);
    const overlap = await run(root, ['merge-reports', 'a.json', 'b.json']);
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toBe(
      `archive-lint: ${join(root, 'README.md')} is in both a.json and b.json: the reports overlap (each file must come from one shard: the same N, the same PATHs, each shard once)\n`,
    );
    expect((await run(root, ['merge-reports', 'a.json', 'a.json'])).stderr).toMatch(/is twice in a\.json: the reports overlap/);
    writeFileSync(join(root, 'bad.json'), '[{"filePath": "/x.md", "messages": [');
    expect((await run(root, ['merge-reports', 'bad.json'])).stderr).toMatch(/^archive-lint: bad\.json: not JSON \(.+\); expected a report written by --format json\n$/);
    writeFileSync(join(root, 'shape.json'), JSON.stringify([{ filePath: '/x.md', messages: [{ ruleId: 'r', severity: 3, message: 'm', line: 1, column: 1 }] }]));
    expect(await run(root, ['merge-reports', 'shape.json'])).toEqual({ code: 2, stdout: '', stderr: 'archive-lint: shape.json: result 1 (/x.md): message 1: "severity": expected 1 or 2\n' });
    writeFileSync(join(root, 'object.json'), '{}');
    expect((await run(root, ['merge-reports', 'object.json'])).stderr).toBe('archive-lint: object.json: expected an array of results (a report written by --format json)\n');
    expect((await run(root, ['merge-reports', 'none.json'])).stderr).toBe(`archive-lint: ${join(root, 'none.json')}: cannot read it (ENOENT)\n`);
    expect((await run(root, ['merge-reports'])).stderr).toBe('archive-lint: merge-reports needs the JSON reports to merge: archive-lint merge-reports shard-1.json shard-2.json …\n');
    expect((await run(root, ['merge-reports', 'a.json', '--fix'])).stderr).toBe('archive-lint: --fix does not go with merge-reports: it merges reports, it lints nothing\n');
  });

  it('exit 0 on a clean merge; --quiet and --max-warnings as for check', async () => {
    const root = tree({ 'a.md': '# A\n\n<div>x</div>\n', 'b.md': '# B\n' });
    await run(root, ['check', '--shard', '1/2', '--format', 'json', '-o', '1.json']);
    await run(root, ['check', '--shard', '2/2', '--format', 'json', '-o', '2.json']);
    expect((await run(root, ['merge-reports', '1.json', '2.json'])).code).toBe(0);
    const strict = await run(root, ['merge-reports', '1.json', '2.json', '--max-warnings', '0']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('archive-lint: 1 warnings, more than --max-warnings 0\n');
    const quiet = await run(root, ['merge-reports', '1.json', '2.json', '--quiet', '--format', 'json']);
    expect((JSON.parse(quiet.stdout) as LintResult[]).map((r) => r.messages.length)).toEqual([0, 0]);
  });
});
