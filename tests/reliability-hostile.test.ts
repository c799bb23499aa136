/**
 * Hostile and broken pages: a text that makes the parser quadratic, a worker out of memory, nesting thousands of
 * levels deep, a rule that throws, a page of thousands of problems, a flipped bit in the cache, a file reached
 * through a symbolic link. Each is a message of its file (or nothing at all), and the run goes on.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import { lint, rulesModule } from '../src/rule-set.js';
import { resolveConfig } from '../src/core/config/config.js';
import { processText } from '../src/core/parse/process-file.js';
import { processInPool } from '../src/core/run/pool.js';
import { rules } from '../rules/index.js';
import type { RuleModule, FileContext } from '../src/core/parse/rule.js';
import type { WorkerSetup } from '../src/core/run/worker.js';
import type { FileOutcome, LintMessage } from '../src/types.js';
import { capMessages } from '../src/core/report/results.js';
import { run, tree } from './helpers/tree.js';

const QUADRATIC = ']('.repeat(100_000);

describe('a file past its time budget', () => {
  it('is reported as not linted, naming the budget, and the other files are linted', async () => {
    const root = tree({ 'slow.md': QUADRATIC, 'ok.md': '# OK\n\n[gone](gone.md)\n' });
    const config = resolveConfig({ fileTimeBudget: 0.5 }, undefined, rules);
    const started = Date.now();
    const r = await lint({ root, config, concurrency: 1 });
    expect(Date.now() - started).toBeLessThan(30_000);
    const byPath = Object.fromEntries(r.results.map((x) => [x.filePath.slice(root.length + 1), x.messages.map((m) => [m.ruleId, m.line, m.column, m.message])]));
    expect(byPath['slow.md']).toEqual([
      [
        null,
        1,
        1,
        "not linted: parsing used more than 1 s of CPU time, the time budget of a file of 195 KiB (fileTimeBudget); the text may hold a pattern that makes Markdown parsers slow, such as thousands of unclosed '[' or '](' on one line",
      ],
    ]);
    expect(byPath['ok.md']).toEqual([['no-broken-links', 3, 8, "Link target 'gone.md' does not exist"]]);
    expect(r.runProblems).toEqual([]);
  }, 60_000);

  it('on the pool: only that file fails; the files its worker held are sent again and linted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`p${String(i).padStart(2, '0')}.md`] = `# Page ${i}\n\n[next](p${String(i + 1).padStart(2, '0')}.md)\n`;
    files['p13.md'] = QUADRATIC;
    const root = tree(files);
    const config = resolveConfig({}, undefined, rules);
    const setup: WorkerSetup = { rulesModule, root, config: config.source.config, configFile: undefined, cliRules: {}, repo: undefined, mirrors: {} };
    const paths = Object.keys(files).sort();
    const outcomes = new Map<number, FileOutcome>();
    await processInPool(paths.map((path) => ({ path })), { size: 2, setup, timeBudget: { baseMs: 1000, perMiBMs: 0 } }, (i, o) => outcomes.set(i, o));
    expect(outcomes.size).toBe(paths.length);
    const failed = [...outcomes.values()].filter((o) => o.error);
    expect(failed.map((o) => [o.path, o.error?.slice(0, 50)])).toEqual([['p13.md', 'not linted: parsing used more than 1 s of CPU time']]);
  }, 60_000);

  it('is a message of the file in the CLI too: exit 1, not 2', async () => {
    const root = tree({ 'slow.md': QUADRATIC, 'archive-lint.config.json': '{ "fileTimeBudget": 0.5 }' });
    const r = await run(root, ['check', '--no-cache', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { messages: { fatal?: boolean; message: string }[] }[];
    expect(report[0]?.messages[0]?.fatal).toBe(true);
    expect(report[0]?.messages[0]?.message).toMatch(/^not linted: parsing used more than 1 s of CPU time/);
  }, 60_000);
});

describe('a worker out of memory', () => {
  it('fails only the file it was on, saying so; the others it held are linted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`p${String(i).padStart(2, '0')}.md`] = `# Page ${i}\n\n[next](p${String(i + 1).padStart(2, '0')}.md)\n`;
    files['p30.md'] = '> - '.repeat(2000).concat('x\n').repeat(400);
    const root = tree(files);
    const config = resolveConfig({}, undefined, rules);
    const setup: WorkerSetup = { rulesModule, root, config: config.source.config, configFile: undefined, cliRules: {}, repo: undefined, mirrors: {} };
    const paths = Object.keys(files).sort();
    const outcomes = new Map<number, FileOutcome>();
    await processInPool(paths.map((path) => ({ path })), { size: 2, setup, maxOldGenerationSizeMb: 32 }, (i, o) => outcomes.set(i, o));
    expect(outcomes.size).toBe(paths.length);
    const failed = [...outcomes.values()].filter((o) => o.error);
    expect(failed.map((o) => o.path)).toEqual(['p30.md']);
    expect(failed[0]?.error).toMatch(/^not linted: parsing needed more than 32 MB, the memory limit of a parsing worker; a file this large or this dense \(3\.1 MiB\) should be split$/);
  }, 60_000);
});

describe('deep nesting', () => {
  it('3,000 nested <div>: no stack overflow, every finding kept', async () => {
    const text = `# T\n\n${'<div>\n'.repeat(3000)}x\n${'</div>\n'.repeat(3000)}\n[a](missing.md)\n`;
    const root = tree({ 'div.md': text });
    const r = await lint({ root, config: resolveConfig({ rules: { 'no-raw-html': 'off' } }, undefined, rules), concurrency: 1 });
    expect(r.results[0]?.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([['no-broken-links', 6005, 5, "Link target 'missing.md' does not exist"]]);
    const all = await lint({ root, config: resolveConfig({}, undefined, rules), concurrency: 1 });
    const messages = all.results[0]?.messages ?? [];
    expect(messages.filter((m) => /stack|internal/i.test(m.message))).toEqual([]);
    expect(messages.some((m) => m.ruleId === 'no-broken-links' && m.line === 6005)).toBe(true);
    expect(messages.filter((m) => m.ruleId === 'no-raw-html').length).toBeGreaterThan(900);
  }, 60_000);

  it('5,000 nested block quotes: linted, the link after them found', async () => {
    const root = tree({ 'quote.md': `# Q\n\n${'>'.repeat(5000)} deep\n\n[b](missing.md)\n` });
    const r = await lint({ root, config: resolveConfig({}, undefined, rules), concurrency: 1 });
    expect(r.runProblems).toEqual([]);
    expect(r.results[0]?.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([['no-broken-links', 5, 5, "Link target 'missing.md' does not exist"]]);
  }, 120_000);
});

describe('a rule that throws', () => {
  const boom: RuleModule = {
    meta: { id: 'boom', description: 'throws', defaultSeverity: 'warn', fixable: 'none', optionsSchema: { type: 'object' }, messages: { found: 'found {x}' }, severities: { found: 'warn' } },
    plugin: lintRule<Root, unknown>({ origin: 'archive-lint:boom' }, (_tree, file) => {
      const ctx = (file.data as { archiveLint: FileContext }).archiveLint;
      ctx.problems?.push({ ruleId: 'boom', messageId: 'found', message: 'half a finding', start: 0, end: 1 });
      throw new RangeError('Maximum call stack size exceeded');
    }),
  };

  it('is a fatal error of the file, never a warning of the rule; its findings are dropped, the others kept', () => {
    const all = [...rules, boom];
    const config = resolveConfig({}, undefined, all);
    const o = processText('a.md', '# A\n\n<center>x</center>\n', all, { root: '/tmp', rules: config.rulesFor('a.md'), mirrors: {}, maxFileSize: 1 << 20 });
    expect(o.messages[0]).toMatchObject({ ruleId: null, severity: 2, fatal: true, line: 1, column: 1 });
    expect(o.messages[0]?.message).toMatch(/^internal error in rule boom: RangeError: Maximum call stack size exceeded \(at .*\); its findings in this file are lost \(please report this failure\)$/);
    expect(o.messages.filter((m) => m.ruleId === 'boom')).toEqual([]);
    expect(o.messages.slice(1).map((m) => m.ruleId)).toContain('no-raw-html');
  });
});

describe('a page of thousands of problems', () => {
  it('lists maxMessagesPerFile of them, errors first, and counts the rest in one message', async () => {
    const links = Array.from({ length: 30 }, (_, i) => `[l${i}](gone${i}.md)`).join('\n');
    const root = tree({ 'many.md': `# M\n\n${'&nbsp;\n'.repeat(40)}\n${links}\n` });
    const r = await lint({ root, config: resolveConfig({ maxMessagesPerFile: 25 }, undefined, rules), concurrency: 1 });
    const messages = r.results[0]?.messages ?? [];
    // 25 of the 40 entity warnings and one summary; 25 of the 30 broken links and one summary.
    expect(messages.filter((m) => m.ruleId === 'no-raw-html')).toHaveLength(25);
    expect(messages.filter((m) => m.ruleId === 'no-broken-links')).toHaveLength(25);
    const summaries = messages.filter((m) => m.ruleId === null).map((m) => [m.severity, m.line, m.message]);
    expect(summaries).toEqual([
      [1, 28, '15 more problems in this file not listed (0 errors, 15 warnings, the first at line 28): over maxMessagesPerFile, 25'],
      [2, 69, '5 more problems in this file not listed (5 errors, 0 warnings, the first at line 69): over maxMessagesPerFile, 25'],
    ]);
  });
});

describe('capMessages', () => {
  it('keeps the errors first when they come after the warnings, and counts the rest', () => {
    const m = (severity: 1 | 2, line: number): LintMessage => ({ ruleId: severity === 2 ? 'no-broken-links' : 'no-raw-html', severity, message: `m${line}`, line, column: 1 });
    const sorted = [m(1, 1), m(1, 2), m(1, 3), m(2, 4), m(2, 5)];
    expect(capMessages(sorted, 2).map((x) => [x.severity, x.line, x.message])).toEqual([
      [1, 1, '3 more problems in this file not listed (0 errors, 3 warnings, the first at line 1): over maxMessagesPerFile, 2'],
      [2, 4, 'm4'],
      [2, 5, 'm5'],
    ]);
  });
});

describe('the cap is exact', () => {
  it('one problem over maxMessagesPerFile is counted, not listed', async () => {
    const links = Array.from({ length: 26 }, (_, i) => `[l${i}](Gone${i}.md)`).join('\n');
    const files: Record<string, string> = { 'many.md': `# M\n\n${links}\n` };
    for (let i = 0; i < 26; i++) files[`gone${i}.md`] = `# G${i}\n`;
    const root = tree(files);
    const config = resolveConfig({ maxMessagesPerFile: 25 }, undefined, rules);
    const r = await lint({ root, config, concurrency: 1 });
    const messages = r.results.find((x) => x.filePath.endsWith('many.md'))?.messages ?? [];
    expect(messages.filter((m) => m.messageId === 'wrongCase')).toHaveLength(25);
    expect(messages.filter((m) => m.ruleId === null).map((m) => m.message)).toEqual(['1 more problem in this file not listed (1 error, 0 warnings, the first at line 28): over maxMessagesPerFile, 25']);
  });
});

describe('the cache, one changed byte', () => {
  it('detects the frame whose authentication fails, lints that file again, and says so', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`p${i}.md`] = `# Page ${i}\n\n[gone](gone${i}.md) 【大纪元2020年9月${i + 1}日讯】 does not exist\n`;
    const root = tree(files);
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, '.archive-lint-cache');
    const expected = (await lint({ root, config })).results;
    await lint({ root, config, cache: { location } });
    const file = join(location, 'messages.v8');
    const good = readFileSync(file);
    // One byte in the middle of every frame of entries (past the header), one at a time.
    const positions: number[] = [];
    let at = 0;
    while (at < good.length) {
      const n = good.readUInt32LE(at);
      positions.push(at + 20 + (n >> 1));
      at += 20 + n;
    }
    for (const pos of positions.slice(1)) {
      const bad = Buffer.from(good);
      bad[pos] = (bad[pos] as number) ^ 0x01;
      writeFileSync(file, bad);
      const r = await lint({ root, config, cache: { location } });
      expect(r.results).toEqual(expected);
      expect(r.warnings).toEqual([`${file}: 1 entry fails its authentication; linting its file again`]);
      expect(r.cache?.misses).toBe(1);
      const again = await lint({ root, config, cache: { location } });
      expect(again.warnings).toEqual([]);
      expect(again.cache?.misses).toBe(0);
    }
  }, 120_000);
});

describe('a file reached through a symbolic link', () => {
  it('is one file: linted and fixed once, through its real path', async () => {
    const root = tree({ 'a.md': '# A\n\nx&nbsp;y\n', 'b.md': '# B\n\n[a](a.md) [link](link.md)\n' });
    symlinkSync('a.md', join(root, 'link.md'));
    const r = await run(root, ['check', '--fix', '--no-cache', '--format', 'json']);
    expect(r.stderr).toBe('archive-lint: fixed 1 file (1 fix)\n');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { filePath: string; messages: unknown[] }[];
    expect(report.map((x) => x.filePath.slice(root.length + 1))).toEqual(['a.md', 'b.md']);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('# A\n\nx y\n');
    expect(readdirSync(root).sort()).toEqual(['a.md', 'b.md', 'link.md']);
  }, 60_000);
});

describe('suppressed problems', () => {
  it('are counted, per-file and cross-file, cold and from the cache, and the audit report shows the count', async () => {
    const root = tree({
      'a.md': '# A\n\n<!-- lint disable no-raw-html -->\n<center>x</center> &nbsp;\n<!-- lint enable no-raw-html -->\n\n<!-- lint ignore no-broken-links -->\n[gone](gone.md)\n\n[gone too](gone2.md)\n',
    });
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, '.archive-lint-cache');
    const cold = await lint({ root, config, cache: { location } });
    // Two raw-HTML problems (the wrapper, the entity) and one broken link suppressed; one broken link reported.
    expect(cold.stats.suppressed).toBe(3);
    expect(cold.results[0]?.messages.map((m) => m.message)).toEqual(["Link target 'gone2.md' does not exist"]);
    const warm = await lint({ root, config, cache: { location } });
    expect(warm.cache?.reused).toBe(1);
    expect(warm.stats.suppressed).toBe(3);
    const r = await run(root, ['audit', '--no-external', '--report', 'r.html']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(root, 'r.html'), 'utf8')).toMatch(/Suppressed.{0,200}>3</s);
  }, 60_000);
});
