/** Reports within GitHub's limits: SARIF results, annotations and the job summary keep errors first and say what they left out. */
import { describe, expect, it } from 'vitest';
import { github, githubAnnotations } from '../src/formatters/github.js';
import { sarif } from '../src/formatters/sarif.js';
import { markdown } from '../src/formatters/markdown.js';
import { rules } from '../rules/index.js';
import { makeResult } from '../src/core/report/results.js';
import type { FormatContext } from '../src/formatters/types.js';
import type { LintMessage, LintResult } from '../src/types.js';

const ctx: FormatContext = { cwd: '/repo', root: '/repo', color: false, rules: rules.map((r) => r.meta), version: '1.2.3' };

function msg(severity: 1 | 2, line: number, message = `problem on line ${line}`): LintMessage {
  return { ruleId: severity === 2 ? 'no-broken-links' : 'no-raw-html', severity, message, line, column: 1, endLine: line, endColumn: 4, messageId: 'x' };
}

/** Warnings in a.md (lines 1…w), errors in b.md (lines 1…e): the errors come after in file order. */
function mixed(w: number, e: number): LintResult[] {
  return [
    makeResult('/repo/a.md', Array.from({ length: w }, (_, i) => msg(1, i + 1))),
    makeResult('/repo/b.md', Array.from({ length: e }, (_, i) => msg(2, i + 1))),
  ];
}

describe('github annotations', () => {
  it('never let a file name or a message forge a workflow command', () => {
    const results = [
      makeResult('/repo/evil,x:y%z\n::error::a::b.md', [
        { ruleId: 'no-broken-links', severity: 2, message: 'ok\n::error::forged\r\n::warning file=x::also forged %0A', line: 1, column: 2, endLine: 1, endColumn: 3 },
      ]),
    ];
    const out = github(results, ctx);
    expect(out).toBe(
      '::error file=evil%2Cx%3Ay%25z%0A%3A%3Aerror%3A%3Aa%3A%3Ab.md,line=1,col=2,endLine=1,endColumn=3,title=no-broken-links::ok%0A::error::forged%0D%0A::warning file=x::also forged %250A\n',
    );
    // One line, one command: the runner reads a command only at the start of a line.
    expect(out.split('\n')).toHaveLength(2);
  });

  it('give errors first, at most the limit, and count the rest', () => {
    const { lines, omitted } = githubAnnotations(mixed(3, 2), ctx, 3);
    expect(lines).toEqual([
      '::error file=b.md,line=1,col=1,endLine=1,endColumn=4,title=no-broken-links::problem on line 1',
      '::error file=b.md,line=2,col=1,endLine=2,endColumn=4,title=no-broken-links::problem on line 2',
      '::warning file=a.md,line=1,col=1,endLine=1,endColumn=4,title=no-raw-html::problem on line 1',
    ]);
    expect(omitted).toBe(2);
    expect(githubAnnotations(mixed(3, 2), ctx, 0)).toEqual({ lines: [], omitted: 5 });
    expect(githubAnnotations(mixed(3, 2), ctx, -1)).toEqual({ lines: [], omitted: 5 });
    expect(githubAnnotations(mixed(3, 2), ctx, 5).omitted).toBe(0);
  });

  it('--format github writes 50 lines at most, the last a notice of what was left out', () => {
    const lines = github(mixed(60, 60), ctx).split('\n');
    expect(lines).toHaveLength(51);
    expect(lines.slice(0, 49).every((l) => l.startsWith('::error file=b.md,'))).toBe(true);
    expect(lines[48]).toBe('::error file=b.md,line=49,col=1,endLine=49,endColumn=4,title=no-broken-links::problem on line 49');
    expect(lines[49]).toBe(
      '::notice::archive-lint: 71 of 120 problems are not annotated (GitHub shows only the first annotations of a job; errors come first). The complete list is in the job summary (--format markdown).',
    );
    expect(lines[50]).toBe('');
  });

  it('honours annotationsLimit, and writes no notice when nothing was left out', () => {
    expect(github(mixed(3, 2), { ...ctx, annotationsLimit: 0 })).toBe('');
    expect(github(mixed(3, 2), { ...ctx, annotationsLimit: -5 })).toBe('');
    expect(github(mixed(3, 2), { ...ctx, annotationsLimit: 5 }).split('\n')).toHaveLength(6);
    expect(github(mixed(3, 2), { ...ctx, annotationsLimit: 1 })).toBe(
      '::notice::archive-lint: 5 of 5 problems are not annotated (GitHub shows only the first annotations of a job; errors come first). The complete list is in the job summary (--format markdown).\n',
    );
    expect(github(mixed(30, 30), { ...ctx, annotationsLimit: Infinity }).split('\n')).toHaveLength(61);
  });
});

type Run = { results: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]; properties?: Record<string, unknown> };
const runOf = (text: string) => (JSON.parse(text) as { runs: Run[] }).runs[0] as Run;
const where = (run: Run) => run.results.map((r) => `${r.level} ${r.locations[0]?.physicalLocation.artifactLocation.uri}:${r.locations[0]?.physicalLocation.region.startLine}`);

describe('sarif limits', () => {
  it('orders results errors first, stable otherwise, and says nothing when all are kept', () => {
    const warned: string[] = [];
    const run = runOf(sarif(mixed(2, 2), { ...ctx, warn: (m) => warned.push(m) }));
    expect(where(run)).toEqual(['error b.md:1', 'error b.md:2', 'warning a.md:1', 'warning a.md:2']);
    expect(run.properties).toBeUndefined();
    expect(warned).toEqual([]);
  });

  it('keeps sarifLimit results, errors first, and says what it left out in the run and through warn', () => {
    const warned: string[] = [];
    const run = runOf(sarif(mixed(2, 2), { ...ctx, sarifLimit: 3, warn: (m) => warned.push(m) }));
    expect(where(run)).toEqual(['error b.md:1', 'error b.md:2', 'warning a.md:1']);
    expect(run.properties).toEqual({ 'archive-lint/truncated': true, 'archive-lint/totalResults': 4, 'archive-lint/keptResults': 3 });
    expect(warned).toEqual(['SARIF: kept 3 of 4 results, errors first (GitHub code scanning keeps at most 5000 a run); --format json has every one']);
  });

  it('keeps every file notification (a file not linted) past the limit: they are not results', () => {
    const notLinted: LintMessage = { ruleId: null, severity: 2, fatal: true, message: 'not linted: file is 9.0 MiB, over the limit', line: 1, column: 1 };
    const results = [...mixed(2, 2), makeResult('/repo/c.md', [notLinted])];
    const out = JSON.parse(sarif(results, { ...ctx, sarifLimit: 1 })) as { runs: { results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    const [run] = out.runs;
    expect(run?.results).toHaveLength(1);
    expect(run?.invocations[0]?.toolExecutionNotifications.map((n) => n.message.text)).toEqual(['not linted: file is 9.0 MiB, over the limit']);
    expect(run?.invocations[0]?.executionSuccessful).toBe(false);
  });

  it('keeps 5000 by default', () => {
    const run = runOf(sarif(mixed(5000, 1), ctx));
    expect(run.results).toHaveLength(5000);
    expect(where(run).slice(0, 2)).toEqual(['error b.md:1', 'warning a.md:1']);
    expect(run.properties).toEqual({ 'archive-lint/truncated': true, 'archive-lint/totalResults': 5001, 'archive-lint/keptResults': 5000 });
  });
});

describe('markdown limits', () => {
  const rows = (md: string) => md.split('\n').filter((l) => /^\| [ab]\.md \|/.test(l));

  it('lists errors first, 50 rows by default', () => {
    const md = markdown(mixed(40, 30), ctx);
    const r = rows(md);
    expect(r).toHaveLength(50);
    expect(r[0]).toBe('| b.md | 1 | error | problem on line 1 | no-broken-links |');
    expect(r[30]).toBe('| a.md | 1 | warning | problem on line 1 | no-raw-html |');
    expect(md.endsWith('\n\n…and 20 more.\n')).toBe(true);
  });

  it('with maxRows Infinity lists every problem', () => {
    const md = markdown(mixed(400, 300), { ...ctx, maxRows: Infinity });
    expect(rows(md)).toHaveLength(700);
    expect(md.endsWith('| a.md | 400 | warning | problem on line 400 | no-raw-html |\n')).toBe(true);
  });

  it('stops at summaryLimitBytes and says how many were left out', () => {
    const results = mixed(400, 300);
    const full = markdown(results, { ...ctx, maxRows: Infinity });
    for (const cap of [2000, 5000, 20000]) {
      const md = markdown(results, { ...ctx, maxRows: Infinity, summaryLimitBytes: cap });
      const shown = rows(md);
      expect(Buffer.byteLength(md)).toBeLessThanOrEqual(cap);
      expect(md.endsWith(`\n\n…and ${700 - shown.length} more, left out to keep this summary within ${cap.toLocaleString("en-US")} bytes.\n`)).toBe(true);
      // The rows shown are the first of the whole list, and the room left is less than a row and the closing lines' slack.
      expect(full.startsWith(md.slice(0, md.lastIndexOf('\n\n…and')))).toBe(true);
      expect(cap - Buffer.byteLength(md)).toBeLessThan(Buffer.byteLength(rows(full)[shown.length] as string) + 1 + 40);
    }
    // The default row limit still applies under a byte cap that allows more.
    expect(markdown(results, { ...ctx, summaryLimitBytes: 1 << 20 }).endsWith('\n\n…and 650 more.\n')).toBe(true);
    // A cap that fits everything changes nothing.
    expect(markdown(results, { ...ctx, maxRows: Infinity, summaryLimitBytes: 1 << 20 })).toBe(full);
  });

  it('under a cap too small for every folder, cuts the folder table as well and stays within the cap', () => {
    const results = Array.from({ length: 100 }, (_, i) => makeResult(`/repo/folder-${String(i).padStart(3, '0')}/x.md`, [msg(2, 1)]));
    // The folder table is cut within its top 20 rows.
    const cap = 800;
    const md = markdown(results, { ...ctx, maxRows: Infinity, summaryLimitBytes: cap });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(cap);
    const folders = md.split('\n').filter((l) => l.startsWith('| folder-'));
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.length).toBeLessThan(20);
    expect(md).toContain(`\n\n…and ${100 - folders.length} more folders.\n`);
    expect(md.endsWith(`\n\n…and 100 more, left out to keep this summary within ${cap.toLocaleString("en-US")} bytes.\n`)).toBe(true);
  });
});
