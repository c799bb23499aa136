/**
 * Issue 12, forged output: text from the files (names, link targets, reference definitions, raw-HTML `href`/`src`,
 * fragments) never starts a line of any human-facing output, never reads as a GitHub Actions workflow command, and
 * never reaches a terminal or a CI log as a raw control character. Control characters are shown as JavaScript
 * writes them in a string (`\n`, `\r`, `\x1b`, `\u{202e}`).
 */
import { describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import { visible, visibleLineStart } from '../src/core/walk/text.js';
import { Progress } from '../src/cli/progress.js';
import type { LintResult } from '../src/types.js';

/** A file name that, printed raw, puts a forged annotation at the start of a line and clears the screen. */
const FORGED = 'x\n::error file=y,line=2::forged\x1b[2J.md';

/** Control characters (any but the line feed that ends each output line), Unicode line breaks, bidi overrides. */
const RAW_CONTROL = /(?!\n)[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Lines GitHub Actions would run as workflow commands: `::` or `##[` after white space. */
function commandLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*(?:::|##\[)/u.test(line));
}

/**
 * Every output of a run: no raw control character, no line a workflow command (`github` stdout aside). `cc`: control
 * characters only (the markdown formatter's cells, not ours, drop those and leave bidi overrides as they are).
 */
function expectSafe(text: string, cc = false): void {
  expect(text).not.toMatch(cc ? /(?!\n)\p{Cc}/u : RAW_CONTROL);
  expect(commandLines(text)).toEqual([]);
}

describe('visible: control characters shown as JavaScript writes them', () => {
  it('escapes C0, DEL, C1, line and paragraph separators and bidi overrides, and nothing else', () => {
    expect(visible('a\nb\rc\td\x1b[2Je\x00f\x7fg\x9bh\u2028i\u202ej\u2066k')).toBe(
      'a\\nb\\rc\\td\\x1b[2Je\\x00f\\x7fg\\x9bh\\u{2028}i\\u{202e}j\\u{2066}k',
    );
    expect(visible('页面/日期 2018年9月6日 ::error:: ##[x] café \u00a0')).toBe('页面/日期 2018年9月6日 ::error:: ##[x] café \u00a0');
  });

  it('at the start of a line, never lets `::` or `##[` begin it, after white space too', () => {
    expect(visibleLineStart('::error file=y::forged')).toBe('\\x3a:error file=y::forged');
    expect(visibleLineStart('  \u3000::warning::x')).toBe('  \u3000\\x3a:warning::x');
    expect(visibleLineStart('##[error]forged')).toBe('\\x23#[error]forged');
    expect(visibleLineStart('\n::error::x')).toBe('\\n::error::x');
    expect(visibleLineStart('a::b ## [c] #[d]')).toBe('a::b ## [c] #[d]');
  });
});

describe('a file named with a forged workflow command and escape sequences', () => {
  function archive(): string {
    const root = tree({ [FORGED]: '<a href="q\x1b[2Jz.md">a</a>\n' });
    // A link that loops: a file of its own that cannot be linted, its name shown escaped.
    symlinkSync(join(root, 'loop\n::error::forged'), join(root, 'loop\n::error::forged'));
    return root;
  }
  const args = ['--no-cache', '--rule', 'no-raw-html=off'];
  const STDERR = "";

  it('stylish: the name and the target escaped, on their own lines', async () => {
    const r = await run(archive(), args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '',
        'loop\\n::error::forged',
        '  1:1  error    broken or looping symbolic link (ELOOP); not followed',
        '',
        'x\\n::error file=y,line=2::forged\\x1b[2J.md',
        "  1:10  error    Link target 'q\\x1b[2Jz.md' does not exist  no-broken-links",
        '',
        '✖ 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(STDERR);
  });

  it('github: one annotation, the name in the runner\'s escapes, the escape sequence shown', async () => {
    const r = await run(archive(), [...args, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "::error file=loop%0A%3A%3Aerror%3A%3Aforged,line=1,col=1,title=archive-lint::broken or looping symbolic link (ELOOP); not followed",
        "::error file=x%0A%3A%3Aerror file=y%2Cline=2%3A%3Aforged\\x1b[2J.md,line=1,col=10,endLine=1,endColumn=19,title=no-broken-links::Link target 'q\\x1b[2Jz.md' does not exist",
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(STDERR);
  });

  it('markdown: the cells without their control characters', async () => {
    const r = await run(archive(), [...args, '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(-2)).toEqual(["| x\\\\n::error file=y,line=2::forged\\\\x1b\\[2J.md | 1 | error | Link target 'q\\\\x1b\\[2Jz.md' does not exist | no-broken-links |", '']);
    expect(r.stderr).toBe(STDERR);
  });
});

describe('no output starts a line with a command or carries a raw control character', () => {
  /** Links to such targets in every form a rule reports: raw HTML, percent-encoded destinations, definitions, fragments. */
  const PAGE = [
    '# T',
    '',
    '<a href="q\x1b[2Jz.md">a</a> <img src="i\x1b]0;title\x07.png"> <a href="n\n::error file=y::forged.md">b</a>',
    '',
    '[p](b%1B[2J.md) [f](#n%1B[2Jope) [c](b%0D::error%20x::y.md) [d](::error%20file=y::forged.md) [e](%23%23%5Berror%5Dforged.md) [g](u%E2%80%AEq.md)',
    '',
    '[r]: c%1B[31m.md',
    '',
    '[r] [s](t.md#a%1B%5B2J)',
    '',
    '# A',
    '',
  ].join('\n');

  function archive(): string {
    const root = tree({
      [`a\n::error file=y,line=2::forged\x1b[2J\u202e.md`]: PAGE,
      // A folder that starts a line of the audit's summary.
      ['::warning::forged\x1b[2J/p.md']: '[x](gone.md)\n',
      't.md': '# T\n',
    });
    symlinkSync(join(root, 'loop\r::error::forged'), join(root, 'loop\r::error::forged'));
    return root;
  }

  /** The messages of the run, to count the annotations against. */
  async function problems(root: string): Promise<number> {
    const r = await run(root, ['--no-cache', '--format', 'json']);
    return (JSON.parse(r.stdout) as LintResult[]).reduce((n, x) => n + x.messages.length, 0);
  }

  it('stylish, plain and coloured; markdown; the audit summary on stdout and on stderr', async () => {
    const root = archive();
    const runs = [
      await run(root, ['--no-cache'], { env: { NO_COLOR: '1' } }),
      await run(root, ['--no-cache', '--color']),
      await run(root, ['--no-cache', '--format', 'markdown']),
      await run(root, ['audit', '--no-cache', '--no-external']),
      await run(root, ['audit', '--no-cache', '--no-external', '--color']),
      await run(root, ['audit', '--no-cache', '--no-external', '--format', 'json', '-o', 'report.json']),
    ];
    for (const [i, r] of runs.entries()) {
      expect(r.code).toBe(1);
      // Colour is ours: SGR sequences only, dropped before looking for what came from the files.
      const sgr = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
      expectSafe(r.stdout.replace(sgr, ''), i === 2);
      expectSafe(r.stderr.replace(sgr, ''));
      if (i < 3) expect(r.stdout).toContain(i === 2 ? 'loop\\\\r::error::forged' : 'loop\\r::error::forged');
    }
    const [plain, , , audit] = runs;
    expect(plain?.stdout).toContain('\n\\x3a:warning::forged\\x1b[2J/p.md\n');
    expect(plain?.stdout).toContain("Link target 'n\\n::error file=y::forged.md' does not exist");
    expect(plain?.stdout).toContain("Link target 'u\\u{202e}q.md' does not exist");
    expect(plain?.stdout).toContain("Link target 't.md' has no heading or anchor '#a\\x1b[2J'");
    // Its one page is an error (a broken link) and a warning (no-orphans, on in an audit: no page links to it).
    expect(audit?.stdout).toContain('\n\\x3a:warning::forged\\x1b[2J      1       1         1\n');
    expect(audit?.stdout).toContain('\n\\x23#[error]forged.md ');
    expect(audit?.stdout).toContain('\n\\x3a:error file=y::forged.md ');
  });

  it("github: each line one of its own commands, their properties not forged, no raw control character", async () => {
    const root = archive();
    const r = await run(root, ['--no-cache', '--format', 'github']);
    expect(r.code).toBe(1);
    expectSafe(r.stderr);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const lines = r.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(await problems(root));
    for (const line of lines) {
      expect(line).toMatch(/^::(?:error|warning) file=[^:,]*,line=\d+,col=\d+(?:,endLine=\d+)?(?:,endColumn=\d+)?,title=[a-z-]+::/);
    }
  });

  it('the progress bar shows names and hosts escaped', () => {
    let out = '';
    const progress = new Progress({ write: (s: string | Uint8Array) => (out += String(s)) });
    progress.update(1, 1, FORGED);
    progress.urls(1, 1, [{ host: 'h\x1b[2J', ms: 1500 }]);
    expect(out).toBe(
      `\r\x1b[2K${'█'.repeat(24)} 1/1 x\\n::error file=y,line=2::forged\\x1b[2J.md\r\x1b[2K${'█'.repeat(24)} URLs 1/1  slowest: h\\x1b[2J 1.5 s`,
    );
  });

  it('a config key with a line break and an escape sequence: each line says who speaks, no raw control character', async () => {
    const root = tree({ 'archive-lint.config.json': '{ "rules": { "x\\u001b[2J\\n::error::forged": "error" } }', 'a.md': '# A\n' });
    const r = await run(root, []);
    expect(r.code).toBe(2);
    expectSafe(r.stderr);
    for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(/^archive-lint: /);
    expect(r.stderr).toContain("unknown key 'rules.x\\x1b[2J");
  });
});

describe('stderr notices quote names escaped, each line said by archive-lint', () => {
  it('a named file and folder that hold nothing to lint, and a file that could not be fixed', async () => {
    const { chmodSync, mkdirSync } = await import('node:fs');
    const picture = 'p\n::error::forged\x1b[2J.png';
    const folder = '::warning::empty\r';
    const page = 'r\n::error::ro\x1b]0;t\x07.md';
    const root = tree({ [picture]: 'png', [page]: '[x](pages/story.md)\n', 'pages/Story.md': '# S\n' });
    mkdirSync(join(root, folder));
    const named = await run(root, ['check', '--no-cache', picture, folder]);
    expect(named.code).toBe(0);
    expect(named.stderr).toBe(
      [
        'archive-lint: warning: p\\n::error::forged\\x1b[2J.png: not a file the config includes (include: **/*.md, **/*.markdown), or one it ignores; not linted',
        'archive-lint: warning: ::warning::empty\\r: no Markdown file the config includes is there (include: **/*.md, **/*.markdown); nothing linted',
        '',
      ].join('\n'),
    );
    expectSafe(named.stderr);
    chmodSync(join(root, page), 0o444);
    const fixed = await run(root, ['check', '--no-cache', '--fix', page]);
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toBe('archive-lint: fixed 0 files (0 fixes)\narchive-lint: r\\n::error::ro\\x1b]0;t\\x07.md: file is read-only; not fixed\n');
    expectSafe(fixed.stderr);
    expectSafe(fixed.stdout);
  });
});
