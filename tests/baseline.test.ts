/** --baseline and --update-baseline: only problems a baseline does not record are reported. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import { entriesOf, messageKeys, fingerprintText, parseBaseline, serialiseBaseline, textAt, BaselineError, filterResult, type Baseline } from '../src/core/report/baseline.js';
import { runAction } from '../src/action/main.js';
import { git as isolatedGit } from './helpers/git.js';
import { makeResult } from '../src/core/report/results.js';
import type { LintMessage, LintResult } from '../src/types.js';

function git(root: string, ...args: string[]): void {
  isolatedGit(root, ...args);
}

const ARCHIVE = {
  'index.md': '# Index\n\n[a](a.md) [gone](gone.md)\n\n<div>wrapped</div>\n',
  'a.md': '# A\n\nSee [missing](missing.md).\n',
  'b.md': '# B\n\nClean.\n',
};

/** Every reported message as `file:line:column message`. */
async function messages(root: string, argv: string[]): Promise<{ code: number; list: string[]; stderr: string }> {
  const r = await run(root, ['check', '--format', 'json', ...argv]);
  const results = r.stdout ? (JSON.parse(r.stdout) as LintResult[]) : [];
  return { code: r.code, stderr: r.stderr, list: results.flatMap((x) => x.messages.map((m) => `${x.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.message}`)) };
}

async function adopt(root: string, extra: string[] = []): Promise<void> {
  const first = !existsSync(join(root, 'baseline.jsonl'));
  const r = await run(root, ['check', '--baseline', 'baseline.jsonl', '--update-baseline', ...extra]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  // The first run records what is there, and says so: nothing is "new since the last baseline".
  if (first) expect(r.stderr).toMatch(/^archive-lint: baseline baseline\.jsonl created: \d+ problems? in \d+ files? \(\d+ bytes\) recorded as they are today; runs with --baseline baseline\.jsonl report only problems it does not record\n$/);
}

describe('the baseline file', () => {
  it('is sorted JSON Lines, one line a file, rule and message id, with a count for each fingerprint', async () => {
    const root = tree(ARCHIVE);
    await adopt(root, ['--no-cache']);
    expect(readFileSync(join(root, 'baseline.jsonl'), 'utf8')).toBe(
      [
        '{"archiveLintBaseline":1,"files":2,"problems":3}',
        '["a.md","no-broken-links","missingFile",{"missing.md":1}]',
        '["index.md","no-broken-links","missingFile",{"gone.md":1}]',
        '["index.md","no-raw-html","wrapper",{"<div>":1}]',
        '',
      ].join('\n'),
    );
    // The same problems give the same bytes.
    await adopt(root, ['--no-cache']);
    expect(readFileSync(join(root, 'baseline.jsonl'), 'utf8').split('\n')[3]).toBe('["index.md","no-raw-html","wrapper",{"<div>":1}]');
  });

  it('keeps a short printable found text as it is and hashes the rest', () => {
    expect(fingerprintText('../pages/x.md#top')).toBe('../pages/x.md#top');
    expect(fingerprintText('a'.repeat(41))).toMatch(/^sha1:[0-9a-f]{12}$/);
    expect(fingerprintText('two\nlines')).toMatch(/^sha1:[0-9a-f]{12}$/);
    expect(fingerprintText('sha1:abc')).toMatch(/^sha1:[0-9a-f]{12}$/);
    expect(fingerprintText('sha1:abc')).not.toBe('sha1:abc');
  });

  it('finds the text a message points at across LF, CRLF and lone CR line ends', () => {
    const m = (line: number, column: number, endColumn: number): LintMessage => ({ ruleId: 'r', severity: 2, message: 'm', line, column, endLine: line, endColumn });
    for (const eol of ['\n', '\r\n', '\r']) {
      const t = textAt(['# T', '', 'a [x](first.md)', 'b [y](second.md)'].join(eol));
      expect(messageKeys([m(4, 7, 16), m(3, 7, 15)], t).map((k) => k.fp)).toEqual(['second.md', 'first.md']);
    }
  });

  it('round-trips, and counts occurrences', () => {
    const text = '# T\n\n&nbsp; x &nbsp;\n';
    const m = (column: number, extra: Partial<LintMessage> = {}): LintMessage => ({ ruleId: 'no-raw-html', severity: 1, message: 'm', line: 3, column, endLine: 3, endColumn: column + 6, messageId: 'entity', ...extra });
    const entries = entriesOf([m(1), m(10), { ruleId: null, severity: 2, message: 'binary', line: 1, column: 1, fatal: true }, m(1, { messageId: 'other', occurrences: 4 })], textAt(text));
    const b: Baseline = { commit: 'abcdef1', files: new Map([['p.md', entries]]) };
    const serialised = serialiseBaseline(b);
    expect(serialised).toBe(
      [
        '{"archiveLintBaseline":1,"commit":"abcdef1","files":1,"problems":7}',
        '["p.md",null,null,{"":1}]',
        '["p.md","no-raw-html","entity",{"&nbsp;":2}]',
        '["p.md","no-raw-html","other",{"&nbsp;":4}]',
        '',
      ].join('\n'),
    );
    expect(serialiseBaseline(parseBaseline(serialised, 'b.jsonl'))).toBe(serialised);
  });

  it('a malformed file is an error naming the file and the line', () => {
    const cases: [string, string][] = [
      ['', 'b.jsonl:1: empty: expected the header {"archiveLintBaseline":1,…} (write the baseline with --update-baseline)'],
      ['[1,2]\n', 'b.jsonl:1: expected the header {"archiveLintBaseline":1,…}: this is not an archive-lint baseline (written by --update-baseline)'],
      ['{"archiveLintBaseline":2}\n', 'b.jsonl:1: baseline format 2, expected 1: write it again with --update-baseline'],
      ['{"archiveLintBaseline":1}\n["a.md","r","m",{"x":1}]\n["a.md","r"]\n', 'b.jsonl:3: expected [file, rule, message id, {fingerprint: count, …}]'],
      ['{"archiveLintBaseline":1}\n\n["a.md","r","m",{"x":0}]\n', 'b.jsonl:3: the count of "x": expected a whole number of at least 1'],
      ['{"archiveLintBaseline":1}\n["a.md",null,"m",{"x":1}]\n', 'b.jsonl:2: the rule and message id: expected two strings (or null and null for a file that cannot be linted)'],
    ];
    for (const [text, message] of cases) {
      expect(() => parseBaseline(text, 'b.jsonl')).toThrow(BaselineError);
      expect(() => parseBaseline(text, 'b.jsonl')).toThrow(message);
    }
    expect(() => parseBaseline('{"archiveLintBaseline":1}\n["a.md", "r", "m", {"x": 1}\n', 'b.jsonl')).toThrow(/^b\.jsonl:2: not JSON \(/);
  });

  it('filters the first identical problems of a file up to their count, and reports the rest', () => {
    const text = 'x [a](gone.md) [b](gone.md) [c](gone.md)\n';
    const m = (column: number): LintMessage => ({ ruleId: 'no-broken-links', severity: 2, message: `m${column}`, line: 1, column, endLine: 1, endColumn: column + 7, messageId: 'missingFile' });
    const recorded = entriesOf([m(7)], textAt(text));
    const { result, hidden } = filterResult(makeResult('/r/x.md', [m(7), m(20), m(33)]), recorded, textAt(text));
    expect(hidden).toBe(1);
    expect(result.messages.map((x) => x.column)).toEqual([20, 33]);
    expect(result.errorCount).toBe(2);
  });
});

describe('--baseline', () => {
  for (const cache of [['--no-cache'], []]) {
    const label = cache.length ? 'without a cache' : 'with the cache';
    it(`reports nothing recorded, even when lines shift above the problems (${label})`, async () => {
      const root = tree(ARCHIVE);
      await adopt(root, cache);
      const r = await messages(root, ['--baseline', 'baseline.jsonl', ...cache]);
      expect(r).toEqual({ code: 0, list: [], stderr: 'archive-lint: baseline baseline.jsonl: 3 recorded problems not reported\n' });
      writeFileSync(join(root, 'index.md'), `# Index\n\nA new paragraph\nover two lines.\n\n${ARCHIVE['index.md'].slice('# Index\n\n'.length)}`);
      writeFileSync(join(root, 'a.md'), `\n\n\n${ARCHIVE['a.md']}`);
      const shifted = await messages(root, ['--baseline', 'baseline.jsonl', ...cache]);
      expect(shifted.code).toBe(0);
      expect(shifted.list).toEqual([]);
    });

    it(`reports a new problem, and a second one identical to a recorded one (${label})`, async () => {
      const root = tree(ARCHIVE);
      await adopt(root, cache);
      writeFileSync(join(root, 'b.md'), '# B\n\nClean, with [a new one](nowhere.md).\n');
      writeFileSync(join(root, 'a.md'), '# A\n\nSee [missing](missing.md).\n\nAnd [missing again](missing.md).\n');
      const r = await messages(root, ['--baseline', 'baseline.jsonl', ...cache]);
      expect(r.code).toBe(1);
      expect(r.list).toEqual([
        "a.md:5:21 Link target 'missing.md' does not exist",
        "b.md:3:25 Link target 'nowhere.md' does not exist",
      ]);
      expect(r.stderr).toBe('archive-lint: baseline baseline.jsonl: 3 recorded problems not reported\n');
    });
  }

  it('--update-baseline drops what no longer occurs and counts it as fixed', async () => {
    const root = tree(ARCHIVE);
    await adopt(root);
    writeFileSync(join(root, 'a.md'), '# A\n\nSee [it](a.md).\n');
    const before = await run(root, ['check', '--baseline', 'baseline.jsonl']);
    expect(before.code).toBe(0);
    expect(before.stderr).toBe('archive-lint: baseline baseline.jsonl: 2 recorded problems not reported; 1 recorded problem is fixed (--update-baseline drops it)\n');
    const r = await run(root, ['check', '--baseline', 'baseline.jsonl', '--update-baseline']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^archive-lint: baseline baseline\.jsonl written: 2 problems in 1 file \(\d+ bytes\); 0 new since the last baseline, 1 fixed and dropped\n$/);
    expect(readFileSync(join(root, 'baseline.jsonl'), 'utf8')).not.toContain('a.md');
    // A file deleted since is fixed too.
    rmSync(join(root, 'index.md'));
    const gone = await run(root, ['check', '--baseline', 'baseline.jsonl', '--update-baseline']);
    expect(gone.stderr).toMatch(/written: 0 problems in 0 files \(\d+ bytes\); 0 new since the last baseline, 2 fixed and dropped\n$/);
  });

  it('updates only the files under the PATHs it is given', async () => {
    const root = tree({ ...ARCHIVE, 'sub/c.md': '[x](x.md)\n' });
    await adopt(root);
    writeFileSync(join(root, 'sub/c.md'), '[x](x.md) [y](y.md)\n');
    writeFileSync(join(root, 'a.md'), '# A\n');
    await run(root, ['check', 'sub', '--baseline', 'baseline.jsonl', '--update-baseline']);
    const text = readFileSync(join(root, 'baseline.jsonl'), 'utf8');
    expect(text).toContain('["a.md","no-broken-links","missingFile",{"missing.md":1}]');
    expect(text).toContain('["sub/c.md","no-broken-links","missingFile",{"x.md":1,"y.md":1}]');
  });

  it('a missing or malformed baseline is exit 2 naming it; options that cannot go with updating are refused', async () => {
    const root = tree(ARCHIVE);
    const missing = await run(root, ['check', '--baseline', 'nope.jsonl']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: `archive-lint: --baseline ${join(root, 'nope.jsonl')}: no such file; write it with --update-baseline\n` });
    writeFileSync(join(root, 'bad.jsonl'), '{"archiveLintBaseline":1}\n["a.md","r","m",{"x":-1}]\n');
    const bad = await run(root, ['check', '--baseline', 'bad.jsonl']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`archive-lint: ${join(root, 'bad.jsonl')}:2: the count of "x": expected a whole number of at least 1\n`);
    const nowhere = await run(root, ['check', '--baseline', 'no/such/folder/b.jsonl', '--update-baseline']);
    expect(nowhere).toEqual({ code: 2, stdout: '', stderr: `archive-lint: --update-baseline: cannot write ${join(root, 'no/such/folder/b.jsonl')}: ${join(root, 'no/such/folder')} is not a folder\n` });
    for (const [extra, message] of [
      [['--changed'], '--update-baseline records every problem of the files it lints: run it without --changed'],
      [['--shard', '1/2'], '--update-baseline writes one file for the whole run: run it without --shard'],
      [['--fix-dry-run'], '--update-baseline writes the baseline, --fix-dry-run writes nothing: give one of them'],
    ] as const) {
      const r = await run(root, ['check', '--baseline', 'b.jsonl', '--update-baseline', ...extra]);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: ${message}\n` });
    }
  });

  it('filters every format: JSON (streamed), SARIF, stylish', async () => {
    const root = tree(ARCHIVE);
    await adopt(root);
    writeFileSync(join(root, 'b.md'), '# B\n\n[new](new.md)\n');
    const json = JSON.parse((await run(root, ['check', '--baseline', 'baseline.jsonl', '--format', 'json'])).stdout) as LintResult[];
    expect(json.map((r) => [r.filePath.slice(root.length + 1), r.messages.length, r.errorCount])).toEqual([
      ['a.md', 0, 0],
      ['b.md', 1, 1],
      ['index.md', 0, 0],
    ]);
    const sarif = JSON.parse((await run(root, ['check', '--baseline', 'baseline.jsonl', '--format', 'sarif'])).stdout) as { runs: { results: { message: { text: string } }[] }[] };
    expect(sarif.runs[0]?.results.map((x) => x.message.text)).toEqual(["Link target 'new.md' does not exist"]);
    const stylish = await run(root, ['check', '--baseline', 'baseline.jsonl']);
    expect(stylish.stdout).toBe(['', 'b.md', "  3:7  error    Link target 'new.md' does not exist  no-broken-links", '', '✖ 1 problem (1 error, 0 warnings)', ''].join('\n'));
  });

  it('the audit says what the baseline hid in its summary', async () => {
    const root = tree(ARCHIVE);
    await adopt(root);
    const r = await run(root, ['audit', '.', '--no-external', '--baseline', 'baseline.jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nBaseline baseline.jsonl: 3 recorded problems not reported.\n');
  });

  it('--fix fixes baselined problems too, and reports only what is new', async () => {
    const root = tree({ 'index.md': '# Index\n\n<div>wrapped</div>\n\n[gone](gone.md)\n' });
    await adopt(root);
    writeFileSync(join(root, 'index.md'), '# Index\n\n<div>wrapped</div>\n\n[gone](gone.md) [new](new.md)\n');
    const r = await messages(root, ['--baseline', 'baseline.jsonl', '--fix']);
    expect(readFileSync(join(root, 'index.md'), 'utf8')).toBe('# Index\n\nwrapped\n\n[gone](gone.md) [new](new.md)\n');
    expect(r.list).toEqual(["index.md:5:23 Link target 'new.md' does not exist"]);
    expect(r.code).toBe(1);
  });

  it('with --changed: the changed files reported against the baseline', async () => {
    const root = tree(ARCHIVE);
    git(root, 'init', '-q');
    await adopt(root);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    writeFileSync(join(root, 'a.md'), '# A\n\nSee [missing](missing.md) and [this](also-missing.md).\n');
    git(root, 'add', 'a.md');
    const r = await messages(root, ['--changed', '--baseline', 'baseline.jsonl']);
    expect(r.list).toEqual(["a.md:3:38 Link target 'also-missing.md' does not exist"]);
    // A change-aware run does not lint the other files: it says nothing of records fixed.
    expect(r.stderr).toBe('archive-lint: baseline baseline.jsonl: 1 recorded problem not reported\n');
  });

  it('a file renamed since the baseline keeps its records when git reports the rename', async () => {
    // c.md has a problem of its own, and no page links to it (the rename breaks nothing).
    const root = tree({ ...ARCHIVE, 'c.md': '# C\n\nSee [missing](missing.md).\n\nMore text, so that git sees a rename.\n' });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    await adopt(root);
    expect(readFileSync(join(root, 'baseline.jsonl'), 'utf8')).toMatch(/^\{"archiveLintBaseline":1,"commit":"[0-9a-f]{40}",/);
    git(root, 'mv', 'c.md', 'renamed.md');
    const staged = await messages(root, ['--baseline', 'baseline.jsonl']);
    expect(staged).toEqual({ code: 0, list: [], stderr: 'archive-lint: baseline baseline.jsonl: 4 recorded problems not reported\n' });
    git(root, 'commit', '-qm', 'rename');
    expect((await messages(root, ['--baseline', 'baseline.jsonl'])).list).toEqual([]);
    // Updated, the records are written under the new name.
    await adopt(root);
    expect(readFileSync(join(root, 'baseline.jsonl'), 'utf8')).toContain('["renamed.md","no-broken-links","missingFile",{"missing.md":1}]');
  });

  it('a baseline commit this clone does not have is a warning: renames are not followed', async () => {
    const root = tree(ARCHIVE);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    writeFileSync(join(root, 'baseline.jsonl'), '{"archiveLintBaseline":1,"commit":"0123456789abcdef0123456789abcdef01234567"}\n');
    const r = await run(root, ['check', '--baseline', 'baseline.jsonl']);
    expect(r.stderr.split('\n')[0]).toBe(
      'archive-lint: warning: the baseline was written at commit 0123456789ab, which this clone does not have: files renamed since keep no records (fetch more history, e.g. fetch-depth: 0)',
    );
    expect(r.code).toBe(1);
  });
});

describe('the Action', () => {
  it("passes its baseline input to the run: recorded problems neither annotate nor fail the step", async () => {
    const root = tree(ARCHIVE);
    await adopt(root);
    writeFileSync(join(root, 'b.md'), '# B\n\n[new](new.md)\n');
    // The runner's folder: removed after the test, as the fixture is.
    const temp = tree({ 'summary.md': '', output: '' });
    let out = '';
    const env = {
      GITHUB_WORKSPACE: root,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      RUNNER_TEMP: temp,
      GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
      GITHUB_OUTPUT: join(temp, 'output'),
      INPUT_BASELINE: 'baseline.jsonl',
    };
    const io = { write: (s: string | Uint8Array) => ((out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), true) };
    const code = await runAction({ env, stdout: io, stderr: io });
    expect(out).toContain(' --baseline baseline.jsonl ');
    expect(out.split('\n').filter((l) => l.startsWith('::error '))).toEqual(["::error file=b.md,line=3,col=7,endLine=3,endColumn=13,title=no-broken-links::Link target 'new.md' does not exist"]);
    expect(readFileSync(join(temp, 'output'), 'utf8')).toContain('errors<<');
    expect(code).toBe(1);
  });
});
