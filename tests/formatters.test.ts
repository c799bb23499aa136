import { describe, expect, it } from 'vitest';
import { github, escapeData, escapeProperty } from '../src/formatters/github.js';
import { sarif } from '../src/formatters/sarif.js';
import { markdown } from '../src/formatters/markdown.js';
import { stylish } from '../src/formatters/stylish.js';
import { rules } from '../rules/index.js';
import { makeResult } from '../src/core/report/results.js';
import { kindName } from '../src/core/report/summary.js';
import type { FormatContext } from '../src/formatters/types.js';

const ctx: FormatContext = { cwd: '/repo', root: '/repo', color: false, rules: rules.map((r) => r.meta), version: '1.2.3' };
const results = [
  makeResult('/repo/pages/a b,c.md', [
    { ruleId: 'no-broken-links', severity: 2, message: "Link target 'x:y,z%.md' does not exist\nsecond line", line: 3, column: 5, endLine: 3, endColumn: 12, messageId: 'missingFile' },
    { ruleId: 'valid-dates', severity: 1, message: 'a | pipe <b>', line: 7, column: 1, endLine: 8, endColumn: 2, messageId: 'impossible' },
  ]),
  makeResult('/repo/ok.md', []),
  makeResult('/repo/bin.md', [{ ruleId: null, severity: 2, fatal: true, message: 'binary file (NUL byte at offset 2)', line: 1, column: 1 }]),
];

describe('github', () => {
  it('escapes data and properties as the runner reads them', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('x:y,z%')).toBe('x%3Ay%2Cz%25');
  });

  it('writes one annotation per message, errors first', () => {
    expect(github(results, ctx).split('\n')).toEqual([
      "::error file=pages/a b%2Cc.md,line=3,col=5,endLine=3,endColumn=12,title=no-broken-links::Link target 'x:y,z%25.md' does not exist%0Asecond line",
      '::error file=bin.md,line=1,col=1,title=archive-lint::binary file (NUL byte at offset 2)',
      '::warning file=pages/a b%2Cc.md,line=7,col=1,endLine=8,title=valid-dates::a | pipe <b>',
      '',
    ]);
  });
});

describe('sarif', () => {
  const log = JSON.parse(sarif(results, ctx)) as {
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } };
      originalUriBaseIds: Record<string, { uri: string }>;
      invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
      results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[] }[];
    }[];
  };
  const run = log.runs[0];

  it('is SARIF 2.1.0 with every rule, help URIs and default levels', () => {
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.name).toBe('archive-lint');
    expect(run?.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['no-broken-links', 'error'],
      ['no-missing-images', 'error'],
      ['valid-dates', 'warning'],
      ['no-raw-html', 'warning'],
      ['no-dead-urls', 'error'],
      ['no-conflict-markers', 'error'],
    ]);
    expect(run?.tool.driver.rules[0]?.helpUri).toMatch(/\/rules\/no-broken-links\/README\.md$/);
  });

  it('locates results relative to %SRCROOT%, percent-encoded', () => {
    expect(run?.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///repo/');
    expect(run?.results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.locations[0]?.physicalLocation])).toEqual([
      ['no-broken-links', 0, 'error', { artifactLocation: { uri: 'pages/a%20b%2Cc.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 12 } }],
      ['valid-dates', 2, 'warning', { artifactLocation: { uri: 'pages/a%20b%2Cc.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 1, endLine: 8, endColumn: 2 } }],
    ]);
  });

  it('reports unreadable files as tool notifications, not as rule results', () => {
    expect(run?.invocations[0]?.executionSuccessful).toBe(false);
    expect(run?.invocations[0]?.toolExecutionNotifications.map((n) => n.message.text)).toEqual(['binary file (NUL byte at offset 2)']);
  });
});

describe('markdown', () => {
  it('summarises by rule and folder and escapes table cells', () => {
    const md = markdown(results, ctx);
    expect(md).toContain('**2 errors**, **1 warning** in 2 of 3 files.');
    expect(md).toContain('| [no-broken-links](https://github.com/archive-lint/archive-lint/blob/main/rules/no-broken-links/README.md) | 1 | 0 | missing file 1 |');
    expect(md).toContain('| [valid-dates](https://github.com/archive-lint/archive-lint/blob/main/rules/valid-dates/README.md) | 0 | 1 | impossible date 1 |');
    expect(md).toContain('| pages | 1 | 1 | 1 |');
    expect(md).toContain(['| most-linked missing target | links | what |', '| --- | ---: | --- |', '| x:y,z%.md | 1 | file |'].join('\n'));
    expect(md).toContain('| pages/a b,c.md | 7 | warning | a \\| pipe &lt;b&gt; | valid-dates |');
  });

  it('shows Markdown, entities and control characters in messages as written, never rendered', () => {
    const md = markdown([makeResult('/repo/a_b*.md', [{ ruleId: 'no-raw-html', severity: 1, message: "Leftover entity '&nbsp;' in ('![alt](src)') and *x* `y`\u001b[2J\r\nnext", line: 1, column: 1 }])], ctx);
    expect(md).toContain("| a\\_b\\*.md | 1 | warning | Leftover entity '&amp;nbsp;' in ('\\!\\[alt\\](src)') and \\*x\\* \\`y\\`\\\\x1b\\[2J\\\\r\\\\nnext | no-raw-html |");
  });

  it('names every kind of finding in words, from the rules\' metadata', () => {
    for (const r of rules) expect(Object.keys(r.meta.kindNames ?? {}).sort(), r.meta.id).toEqual(Object.keys(r.meta.messages).sort());
    expect(kindName(ctx.rules, 'no-broken-links', 'originalSitePath')).toBe('original-site path');
    expect(kindName(ctx.rules, null, 'fatal')).toBe('file not linted');
    expect(kindName(ctx.rules, null, 'tooManyMessages')).toBe('more problems not listed');
    // A kind the metadata does not name: its id in words.
    expect(kindName(ctx.rules, 'some-plugin', 'tooManyThings')).toBe('too many things');
  });

  it('says so when there is nothing', () => {
    expect(markdown([makeResult('/repo/ok.md', [])], ctx)).toBe('## archive-lint\n\nNo problems in 1 file. ✅\n');
  });
});

describe('stylish', () => {
  it('groups by file with aligned columns and a total', () => {
    expect(stylish(results, ctx).split('\n')).toEqual([
      '',
      'pages/a b,c.md',
      "  3:5  error    Link target 'x:y,z%.md' does not exist\\nsecond line  no-broken-links",
      '  7:1  warning  a | pipe <b>  valid-dates',
      '',
      'bin.md',
      '  1:1  error    binary file (NUL byte at offset 2)',
      '',
      '✖ 3 problems (2 errors, 1 warning)',
      '',
    ]);
  });
});

describe('stylish with a repeated kind', () => {
  it('shows ten of a kind per file and one line for the rest', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ruleId: 'no-raw-html', severity: 1 as const, message: "Wrapper '<div>' has no meaning in Markdown", line: i + 1, column: 1, messageId: 'wrapper' }));
    const lines = stylish([makeResult('/repo/page.md', many)], ctx).split('\n');
    expect(lines).toHaveLength(16);
    expect(lines[11]).toBe("  10:1  warning  Wrapper '<div>' has no meaning in Markdown  no-raw-html");
    expect(lines[12]).toBe('  … and 290 more wrapper (no-raw-html) in this file');
    expect(lines[14]).toBe('✖ 300 problems (0 errors, 300 warnings)');
  });
});
