import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { run, tree } from './helpers/tree.js';
import type { LintResult } from '../src/types.js';

const CLEAN = { 'index.md': '# Index\n\n[a](a.md)\n', 'a.md': '# A\n' };
const BROKEN = { 'index.md': '# Index\n\n[a](a.md) [b](b.md)\n', 'a.md': '# A\n' };

describe('exit codes', () => {
  it('0 when clean, with nothing on stdout in stylish', async () => {
    const r = await run(tree(CLEAN), ['check', '.']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('1 on lint errors, and check is the default command', async () => {
    const root = tree(BROKEN);
    const r = await run(root, ['.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      ['', 'index.md', "  3:15  error    Link target 'b.md' does not exist; did you mean 'a.md'?  no-broken-links", '', '✖ 1 problem (1 error, 0 warnings)', ''].join('\n'),
    );
  });

  it('2 on an unknown option, naming it, with the closest known one and a pointer to --help', async () => {
    const root = tree(CLEAN);
    const r = await run(root, ['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("archive-lint: Unknown option '--frobnicate'. See archive-lint --help.\n");
    const cases: [string[], string][] = [
      [['--fromat', 'json'], "Unknown option '--fromat'. Did you mean --format? See archive-lint --help."],
      [['--fromat=json'], "Unknown option '--fromat'. Did you mean --format? See archive-lint --help."],
      [['--quit'], "Unknown option '--quit'. Did you mean --quiet? See archive-lint --help."],
      [['--no-cahce'], "Unknown option '--no-cahce'. Did you mean --no-cache? See archive-lint --help."],
      [['--max-warning', '3'], "Unknown option '--max-warning'. Did you mean --max-warnings? See archive-lint --help."],
      [['--conc', '2'], "Unknown option '--conc'. Did you mean --concurrency? See archive-lint --help."],
      // One dash: read as -f -o -r …; the word meant is a long option.
      [['-format', 'json'], "Unknown option '-f'. Did you mean --format? See archive-lint --help."],
      [['-x'], "Unknown option '-x'. See archive-lint --help."],
      [['--format'], "Option '--format <value>' argument missing. See archive-lint --help."],
    ];
    for (const [argv, message] of cases) {
      const c = await run(root, argv);
      expect(c.code, argv.join(' ')).toBe(2);
      expect(c.stderr).toBe(`archive-lint: ${message}\n`);
    }
  });

  it('2 on a mistyped command, which reads as a missing path, naming the command meant', async () => {
    const root = tree(CLEAN);
    for (const [word, command] of [['chekc', 'check'], ['audti', 'audit'], ['rule', 'rules'], ['inti', 'init']]) {
      const r = await run(root, [word as string, '.']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`archive-lint: ${join(root, word as string)}: no such file or folder. Did you mean the command '${command}'? See archive-lint --help.\n`);
    }
    // Only the first word can be a command; a path far from any command is just missing.
    expect((await run(root, ['.', 'chekc'])).stderr).toBe(`archive-lint: ${join(root, 'chekc')}: no such file or folder\n`);
    expect((await run(root, ['pages'])).stderr).toBe(`archive-lint: ${join(root, 'pages')}: no such file or folder\n`);
    expect((await run(root, ['check', 'chekc'])).stderr).toBe(`archive-lint: ${join(root, 'chekc')}: no such file or folder\n`);
  });

  it('2 on --update-baseline without the --baseline FILE to write', async () => {
    const r = await run(tree(CLEAN), ['--update-baseline']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('archive-lint: --update-baseline needs --baseline FILE: the file to write\n');
  });

  it('2 on a missing path or root', async () => {
    const root = tree(CLEAN);
    expect((await run(root, ['nope'])).stderr).toBe(`archive-lint: ${join(root, 'nope')}: no such file or folder\n`);
    const r = await run(root, ['--root', 'missing-root']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the root .*missing-root: ENOENT/);
    const elsewhere = tree(BROKEN);
    const outside = await run(root, [elsewhere, '--format', 'json']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(`archive-lint: ${elsewhere} is outside the root ${root}; give --root\n`);
    expect((await run(root, [elsewhere, '--root', elsewhere])).code).toBe(1);
  });

  it('2 on a bad --rule, --format or --max-warnings', async () => {
    const root = tree(CLEAN);
    expect((await run(root, ['--rule', 'no-such=off'])).stderr).toContain("unknown rule 'no-such'");
    expect((await run(root, ['--rule', 'no-broken-links=loud'])).stderr).toContain('expected ID=off|warn|error');
    expect((await run(root, ['--format', 'xml'])).stderr).toBe("archive-lint: --format 'xml': expected one of stylish, json, sarif, github, markdown\n");
    expect((await run(root, ['--max-warnings', 'x'])).code).toBe(2);
  });

  it('--rule changes severities; --max-warnings and --quiet act on warnings', async () => {
    const root = tree(BROKEN);
    expect((await run(root, ['--rule', 'no-broken-links=off'])).code).toBe(0);
    const warn = await run(root, ['--rule', 'no-broken-links=warn']);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toContain('warning  Link target');
    const tooMany = await run(root, ['--rule', 'no-broken-links=warn', '--max-warnings', '0']);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toBe('archive-lint: 1 warnings, more than --max-warnings 0\n');
    const quiet = await run(root, ['--rule', 'no-broken-links=warn', '--quiet', '--format', 'json']);
    expect((JSON.parse(quiet.stdout) as LintResult[]).flatMap((r) => r.messages)).toEqual([]);
    // The JSON report is streamed: its exit codes are counted as it goes.
    const jsonWarn = await run(root, ['--rule', 'no-broken-links=warn', '--format', 'json', '--max-warnings', '0']);
    expect(jsonWarn.code).toBe(1);
    expect(jsonWarn.stderr).toBe('archive-lint: 1 warnings, more than --max-warnings 0\n');
    expect((await run(root, ['--rule', 'no-broken-links=warn', '--format', 'json'])).code).toBe(0);
    expect((await run(root, ['--format', 'json'])).code).toBe(1);
  });
});

describe('json', () => {
  it('lists every file, with the contract shape', async () => {
    const root = tree(BROKEN);
    const r = await run(root, ['--format', 'json']);
    const results = JSON.parse(r.stdout) as LintResult[];
    expect(results).toEqual([
      { filePath: join(root, 'a.md'), messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
      {
        filePath: join(root, 'index.md'),
        messages: [
          {
            ruleId: 'no-broken-links',
            severity: 2,
            message: "Link target 'b.md' does not exist; did you mean 'a.md'?",
            line: 3,
            column: 15,
            endLine: 3,
            endColumn: 19,
            messageId: 'missingFile',
          },
        ],
        errorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  it('-o writes the report to a file', async () => {
    const root = tree(BROKEN);
    const r = await run(root, ['--format', 'json', '-o', 'out/report.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(root, 'out/report.json'), 'utf8'))).toHaveLength(2);
  });
});

describe('bad input', () => {
  it('reports binary, non-UTF-8 and oversized files, and goes on with the rest', async () => {
    const root = tree({
      'bin.md': new Uint8Array([0x23, 0x20, 0x00, 0x01]),
      'latin1.md': new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'big.md': `${'x'.repeat(200)}\n`,
      'archive-lint.config.json': '{ "maxFileSize": 100 }',
      'ok.md': '[x](gone.md)\n',
    });
    const r = await run(root, ['--format', 'json']);
    expect(r.code).toBe(1);
    const byFile = Object.fromEntries((JSON.parse(r.stdout) as LintResult[]).map((x) => [x.filePath.slice(root.length + 1), x.messages.map((m) => m.message)]));
    expect(byFile).toEqual({
      'big.md': ['file is 0.0 MiB, over the limit of 0.0 MiB (maxFileSize); not linted'],
      'bin.md': ['binary file (NUL byte at offset 2)'],
      'latin1.md': ['not valid UTF-8 (first bad byte at offset 5)'],
      'ok.md': ["Link target 'gone.md' does not exist"],
    });
  });

  it('never follows a symlink out of the root, survives loops, and makes each a message of its own (not exit 2)', async () => {
    const outside = tree({ 'secret.md': '[x](nowhere.md)\n' });
    const root = tree({ 'a.md': '# A\n' });
    symlinkSync(join(outside, 'secret.md'), join(root, 'link.md'));
    symlinkSync(join(root, 'loop1'), join(root, 'loop2'));
    symlinkSync(join(root, 'loop2'), join(root, 'loop1'));
    const r = await run(root, ['--format', 'json']);
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout) as LintResult[]).map((x) => [x.filePath.slice(root.length + 1), x.messages.map((m) => `${m.ruleId}:${m.severity}:${m.fatal} ${m.message}`)]);
    expect(messages).toEqual([
      ['a.md', []],
      ['link.md', ['null:2:true symbolic link points outside the root; not followed']],
      ['loop1', ['null:2:true broken or looping symbolic link (ELOOP); not followed']],
      ['loop2', ['null:2:true broken or looping symbolic link (ELOOP); not followed']],
    ]);
    expect(r.stderr).toBe('');
  });

  it('honours .gitignore and the config ignore', async () => {
    const root = tree({
      '.gitignore': 'build/\n*.tmp.md\n',
      'build/x.md': '[x](gone.md)\n',
      'a.tmp.md': '[x](gone.md)\n',
      'vendor/y.md': '[x](gone.md)\n',
      'archive-lint.config.json': '{ "ignore": ["vendor/**"] }',
      'keep.md': '# K\n',
    });
    const r = await run(root, ['--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as LintResult[]).map((x) => x.filePath.slice(root.length + 1))).toEqual(['keep.md']);
  });

  it('a link to a git-ignored file is broken: GitHub does not have it', async () => {
    const root = tree({ '.gitignore': 'private.md\n', 'private.md': '# P\n', 'a.md': '[p](private.md)\n' });
    const r = await run(root, ['--format', 'json']);
    expect(r.code).toBe(1);
  });
});

describe('paths', () => {
  it('lints only the given paths but resolves against the whole archive', async () => {
    const root = tree({ 'a/x.md': '[b](../b/y.md#y)\n', 'b/y.md': '# Y\n[z](gone.md)\n' });
    const r = await run(root, ['check', 'a', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as LintResult[]).map((x) => x.filePath)).toEqual([join(root, 'a/x.md')]);
    const bad = await run(root, ['check', 'a/x.md', 'b', '--format', 'json']);
    expect(bad.code).toBe(1);
  });
});

describe('commands', () => {
  it('rules lists every rule with severity, fixability and description', async () => {
    const r = await run(tree({}), ['rules', '--format', 'json']);
    const list = JSON.parse(r.stdout) as { id: string; defaultSeverity: string; fixable: string }[];
    expect(list.map((x) => x.id)).toEqual(['no-broken-links', 'no-missing-images', 'valid-dates', 'no-raw-html', 'no-dead-urls', 'no-conflict-markers', 'no-orphans', 'no-unused-files']);
    expect(list[0]).toMatchObject({ defaultSeverity: 'error', fixable: 'safe+unsafe' });
    expect(list[3]).toMatchObject({ id: 'no-raw-html', defaultSeverity: 'warn' });
    const text = await run(tree({}), ['rules']);
    expect(text.stdout.split('\n')[0]).toMatch(/^no-broken-links\s+error\s+safe\+unsafe\s+Local link targets must exist/);
  });

  it('rules ID prints that rule\'s documentation; an unknown id is exit 2 with the closest', async () => {
    const doc = await run(tree({}), ['rules', 'valid-dates']);
    expect(doc.code).toBe(0);
    expect(doc.stdout.split('\n')[0]).toBe('# valid-dates');
    expect(doc.stdout).toContain('\n## Messages and their severity per publishing profile\n');
    expect(doc.stdout).toContain("\n| `impossible` | warning | warning | warning | warning | Date '{text}' does not exist: {reason} |\n");
    expect(doc.stdout).toContain('`<!-- lint ignore valid-dates -->`');
    const typo = await run(tree({}), ['rules', 'valid-date']);
    expect(typo).toEqual({ code: 2, stdout: '', stderr: "archive-lint: no rule 'valid-date'; did you mean 'valid-dates'? Rules: no-broken-links, no-missing-images, valid-dates, no-raw-html, no-dead-urls, no-conflict-markers, no-orphans, no-unused-files\n" });
    expect((await run(tree({}), ['rules', 'valid-dates', '--format', 'json'])).code).toBe(2);
  });

  it('init writes a starter config that validates, and refuses to overwrite', async () => {
    const root = tree({ 'a.md': '# A\n' });
    const r = await run(root, ['init', '--root', '.']);
    expect(r.code).toBe(0);
    const written = JSON.parse(readFileSync(join(root, 'archive-lint.config.json'), 'utf8')) as Record<string, unknown>;
    expect(written.rules).toEqual({ 'no-broken-links': 'error', 'no-missing-images': 'error', 'valid-dates': 'warn', 'no-raw-html': 'warn', 'no-dead-urls': 'error', 'no-conflict-markers': 'error' });
    expect((await run(root, ['check', '--root', '.'])).code).toBe(0);
    const again = await run(root, ['init', '--root', '.']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already (--force to overwrite)');
  });

  it('audit prints a summary by rule, by folder and of the most-linked missing targets, and writes an HTML report', async () => {
    // Every page reachable from the front page: no-orphans, on in an audit, has nothing to say.
    const root = tree({ 'pages/a.md': '[x](gone.md) [y](/term/1) [z](/term/1)\n', 'pages/b.md': '# B\n', 'index.md': '[z](pages/nope.md) [a](pages/a.md) [b](pages/b.md)\n' });
    const r = await run(root, ['audit', '.', '--report', 'report.html', '--no-external']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(['Summary by rule', 'rule             errors  warnings  kinds', 'no-broken-links       4         0  missing file 2, original-site path 2'].join('\n'));
    expect(r.stdout).toContain(['Summary by folder', 'folder  files  errors  warnings', 'pages       2       3         0', '.           1       1         0'].join('\n'));
    expect(r.stdout).toContain(['Top missing targets', 'target         links  what', '/term/1            2  original-site path', 'pages/gone.md      1  file', 'pages/nope.md      1  file'].join('\n'));
    expect(r.stdout).toContain('3 files linted, 3 files indexed, 4 errors, 0 warnings in ');
    // A summary, not every finding; it says where they are.
    expect(r.stdout).not.toContain('does not exist  no-broken-links');
    expect(r.stdout).toContain(`Every finding: ${join(root, 'report.html')}, or audit with --format json -o FILE.`);
    expect(r.stderr).toBe(`archive-lint: HTML report written to ${join(root, 'report.html')}\n`);
    const html = readFileSync(join(root, 'report.html'), 'utf8');
    expect(html).toContain('<data id="t-errors" value="4">4</data>');
    // Self-contained: no stylesheet, image or script is fetched.
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|@import|url\(/);
  });

  it('audit writes its HTML report in the cache folder by default, and only warns when it cannot', async () => {
    const root = tree({ 'a.md': '[x](gone.md)\n' });
    const r = await run(root, ['audit', '.', '--no-external']);
    const file = join(root, '.archive-lint-cache', 'report.html');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`archive-lint: HTML report written to ${file}\n`);
    expect(readFileSync(file, 'utf8')).toContain('<title>archive-lint report: ');
    // Kept out of commits by the cache folder's .gitignore, and never linted.
    expect(readFileSync(join(root, '.archive-lint-cache', '.gitignore'), 'utf8')).toContain('*');
    // A default folder that cannot be made (a file in its place, as a read-only archive would refuse it): a
    // warning, and the audit goes on with its own exit code.
    const blocked = tree({ 'a.md': '[x](gone.md)\n', '.archive-lint-cache': 'a file, not the cache folder\n' });
    const w = await run(blocked, ['audit', '.', '--no-external']);
    expect(w.code).toBe(1);
    expect(w.stderr).toContain(`archive-lint: warning: HTML report not written: ${join(blocked, '.archive-lint-cache')} is not a folder; give --report FILE.html\n`);
    expect(w.stdout).toContain('Every finding: archive-lint check, or audit with --format json -o FILE.');
  });

  it('audit shows progress on a TTY only', async () => {
    const root = tree({ 'a.md': '# A\n' });
    expect((await run(root, ['audit', '.', '--no-external'], { tty: true })).stderr).toContain('1/1 a.md');
    expect((await run(root, ['audit', '.', '--no-external'])).stderr).toBe(`archive-lint: HTML report written to ${join(root, '.archive-lint-cache', 'report.html')}\n`);
  });

  it('--help and --version', async () => {
    expect((await run(tree({}), ['--help'])).stdout).toContain('Usage: archive-lint');
    expect((await run(tree({}), ['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('colour', () => {
  it('honours NO_COLOR and FORCE_COLOR', async () => {
    const root = tree(BROKEN);
    expect((await run(root, [], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await run(root, [], { tty: true })).stdout).toContain('\x1b[');
    expect((await run(root, [], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\x1b[');
    expect(existsSync(root)).toBe(true);
  });
});

describe('the installed command (bin/archive-lint.js, on the bundle that npm run build makes)', () => {
  const bin = join(import.meta.dirname, '..', 'bin', 'archive-lint.js');
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };

  it('prints the package version', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('stops quietly when the reader of its report goes away (| head), with status 141', async () => {
    const files: Record<string, string> = {};
    // A report of several megabytes: it is written in blocks of about one.
    for (let i = 0; i < 300; i++) files[`p/n${i}.md`] = `# Page ${i}\n\n[gone](gone${i}.md) <div>x</div>${' &nbsp;'.repeat(50)}\n`;
    const root = tree(files);
    const child = spawn(process.execPath, [bin, 'check', root, '--root', root, '--format', 'json', '--no-cache', '--concurrency', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(141);
  });

  it('lints on its worker threads and gives the in-process results', () => {
    const files: Record<string, string> = {};
    // Over POOL_THRESHOLD files, so that --concurrency 2 runs on the bundle's workers.
    for (let i = 0; i < 220; i++) files[`p/n${i}.md`] = `# Page ${i}\n\n[next](n${i + 1}.md) <div>x</div>\n`;
    const root = tree(files);
    const args = (c: number) => [bin, 'check', root, '--root', root, '--format', 'json', '--no-cache', '--concurrency', String(c)];
    const pooled = spawnSync(process.execPath, args(2), { encoding: 'utf8' });
    const single = spawnSync(process.execPath, args(1), { encoding: 'utf8' });
    expect(pooled.status).toBe(1);
    expect(JSON.parse(pooled.stdout)).toEqual(JSON.parse(single.stdout));
    expect((JSON.parse(pooled.stdout) as LintResult[]).filter((r) => r.messages.some((m) => m.ruleId === 'no-broken-links'))).toHaveLength(1);
  });
});

describe('what is not linted is said', () => {
  it('a named picture, a pipe, a folder with no Markdown, and a run that lints nothing', async () => {
    const root = tree({ 'a.md': '# A\n', 'picture.png': 'png', 'empty/readme.txt': 'text\n' });
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
    const r = await run(root, ['check', 'picture.png', 'pipe.md', 'empty', 'a.md', '--no-cache']);
    expect(r.stderr).toBe(
      [
        'archive-lint: warning: picture.png: not a file the config includes (include: **/*.md, **/*.markdown), or one it ignores; not linted',
        'archive-lint: warning: pipe.md: not a regular file (a pipe, socket or device); not linted',
        'archive-lint: warning: empty: no Markdown file the config includes is there (include: **/*.md, **/*.markdown); nothing linted',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    const none = tree({ 'notes.txt': 'text\n' });
    const nothing = await run(none, ['check', '--no-cache', '--root', '.']);
    expect(nothing.stderr).toBe(`archive-lint: warning: no Markdown file to lint under ${none} (include: **/*.md, **/*.markdown)\n`);
    expect(nothing.code).toBe(0);
  });
});
