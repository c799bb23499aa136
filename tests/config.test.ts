import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import fc from 'fast-check';
import { jsonSyntaxError, loadConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import type { LintResult } from '../src/types.js';

async function configError(files: Record<string, string>): Promise<string> {
  const root = tree({ 'a.md': '# A\n', ...files });
  const r = await run(root, ['check']);
  expect(r.code).toBe(2);
  return r.stderr.replaceAll(root, '<root>');
}

describe('config errors name the file, the key and what was expected', () => {
  it('an unknown top-level key', async () => {
    expect(await configError({ 'archive-lint.config.json': '{ "rulez": {} }' })).toBe(
      "archive-lint: <root>/archive-lint.config.json: unknown key 'rulez'; did you mean 'rules'? Expected one of: $schema, repository, branch, include, ignore, rules, overrides, mirrors, site, siteRoot, siteExternal, maxFileSize, fileTimeBudget, maxMessagesPerFile, external\n",
    );
    expect(await configError({ 'archive-lint.config.json': '{ "frobnicate": [] }' })).toBe(
      "archive-lint: <root>/archive-lint.config.json: unknown key 'frobnicate'; expected one of: $schema, repository, branch, include, ignore, rules, overrides, mirrors, site, siteRoot, siteExternal, maxFileSize, fileTimeBudget, maxMessagesPerFile, external\n",
    );
  });

  it('an unknown rule id', async () => {
    expect(await configError({ '.archive-lintrc.json': '{ "rules": { "no-broken-link": "error" } }' })).toBe(
      "archive-lint: <root>/.archive-lintrc.json: unknown key 'rules.no-broken-link'; did you mean 'no-broken-links'? Expected one of: no-broken-links, no-missing-images, valid-dates, no-raw-html, no-dead-urls, no-conflict-markers\n",
    );
  });

  it('a bad severity', async () => {
    expect(await configError({ 'archive-lint.config.json': '{ "rules": { "valid-dates": "loud" } }' })).toBe(
      `archive-lint: <root>/archive-lint.config.json: 'rules.valid-dates': expected one of "off", "warn", "error", 0, 1, 2\n`,
    );
  });

  it('a bad rule option', async () => {
    expect(await configError({ 'archive-lint.config.json': '{ "rules": { "no-raw-html": ["warn", { "allow": "details" }] } }' })).toBe(
      "archive-lint: <root>/archive-lint.config.json: 'rules.no-raw-html[1].allow': expected array\n",
    );
  });

  it('an unknown rule option', async () => {
    expect(await configError({ 'archive-lint.config.json': '{ "rules": { "no-broken-links": ["error", { "checkAnchor": false }] } }' })).toContain(
      "unknown key 'rules.no-broken-links[1].checkAnchor'; did you mean 'checkAnchors'? Expected one of: checkAnchors, suggest, relativeSelfLinks, root, repository, branch",
    );
  });

  it('invalid JSON, and a key in package.json', async () => {
    expect(await configError({ 'archive-lint.config.json': '{ "rules": ' })).toBe(
      'archive-lint: <root>/archive-lint.config.json:1:12: invalid JSON: expected a value (an object, array, string in double quotes, number, true, false or null), found the end of the file\n',
    );
    expect(await configError({ 'package.json': '{ "name": "x", "archive-lint": { "repository": "not a slug" } }' })).toBe(
      "archive-lint: <root>/package.json#archive-lint: 'repository': expected a string matching ^[\\w.-]+/[\\w.-]+$\n",
    );
  });
});

describe('every mistake of a config, one line each', () => {
  it('names each, with its key path and what was expected', async () => {
    const config = {
      rulez: {},
      repository: 'not a slug',
      rules: { 'valid-dates': 'loud', 'no-raw-html': ['warn', { allow: 'details', alow: [] }], 'no-dead-urls': ['loud'] },
      overrides: [{ file: ['x'], rules: { 'valid-dates': 3 } }],
    };
    expect(await configError({ 'archive-lint.config.json': JSON.stringify(config, null, 2) })).toBe(
      [
        "unknown key 'rulez'; did you mean 'rules'? Expected one of: $schema, repository, branch, include, ignore, rules, overrides, mirrors, site, siteRoot, siteExternal, maxFileSize, fileTimeBudget, maxMessagesPerFile, external",
        "'repository': expected a string matching ^[\\w.-]+/[\\w.-]+$",
        `'rules.valid-dates': expected one of "off", "warn", "error", 0, 1, 2`,
        // Two mistakes in one rule setting: both, from the branch of the setting that was meant (an array).
        "unknown key 'rules.no-raw-html[1].alow'; did you mean 'allow'? Expected one of: allow, oncePerFile, unknownWithHref, minEscapedTags, kinds",
        "'rules.no-raw-html[1].allow': expected array",
        `'rules.no-dead-urls[0]': expected one of "off", "warn", "error", 0, 1, 2`,
        "'overrides[0]': missing key 'files'",
        "unknown key 'overrides[0].file'; did you mean 'files'? Expected one of: files, ignore, ignores, rules",
        `'overrides[0].rules.valid-dates': expected one of "off", "warn", "error", 0, 1, 2`,
        '',
      ]
        .map((line) => (line ? `archive-lint: <root>/archive-lint.config.json: ${line}` : ''))
        .join('\n'),
    );
  });
});

describe('a JSON syntax error gives its line and column', () => {
  const cases: [string, string][] = [
    ['{\n  "rules": {\n    "valid-dates": "warn"\n    "no-raw-html": "off"\n  }\n}\n', `4:5: invalid JSON: expected ',' before the next value, found '"no-raw-html"'`],
    ['{ "ignore": ["a",] }', "1:18: invalid JSON: expected a value (an object, array, string in double quotes, number, true, false or null) (a comma before ']' is not allowed), found ']'"],
    ['{ "ignore": ["a"], }', "1:20: invalid JSON: expected a key in double quotes (a comma before '}' is not allowed), found '}'"],
    ['{\n  // a comment\n}', "2:3: invalid JSON: comments are not allowed in JSON, found '// a comment'"],
    ["{ 'rules': {} }", "1:3: invalid JSON: unexpected text (JSON has objects, arrays, strings in double quotes, numbers, true, false and null), found ''rules''"],
    ['{ "ignore": ["a\nb"] }', `1:14: invalid JSON: a string with no closing '"' on its line (a line break in a string is written \\n), found '"a'`],
    ['{ "maxFileSize": 01 }', "1:19: invalid JSON: expected ',' before the next value, found '1'"],
    ['{ "external": { "allowPrivateHosts": True } }', "1:38: invalid JSON: unexpected text (JSON has objects, arrays, strings in double quotes, numbers, true, false and null), found 'True'"],
    ['{ "ignore": ["\\x"] }', "1:14: invalid JSON: an invalid escape (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found '\"\\x\"'"],
    ['{}\n{}', '2:1: invalid JSON: expected the end of the file after the value, found \'{\''],
    ['\r\n\r\n  {]', "3:4: invalid JSON: expected a key in double quotes, found ']'"],
  ];
  for (const [text, message] of cases) {
    it(JSON.stringify(text), async () => {
      expect(await configError({ 'archive-lint.config.json': text })).toBe(`archive-lint: <root>/archive-lint.config.json:${message}\n`);
    });
  }

  it('a BOM (as Windows editors write) is no error', async () => {
    const root = tree({ 'a.md': '# A\n', 'archive-lint.config.json': '\uFEFF{ "rules": { "valid-dates": "off" } }' });
    expect(await run(root, ['check'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await configError({ 'archive-lint.config.json': '\uFEFF{ "rules": }' })).toBe(
      'archive-lint: <root>/archive-lint.config.json:1:12: invalid JSON: expected a value (an object, array, string in double quotes, number, true, false or null), found \'}\'\n',
    );
  });

  it('finds a fault in every text JSON.parse refuses, and none in one it accepts', () => {
    const marks = ['', ',', '}', ']', '{', '[', '"', ':', '\\', '\n', 'x', '0', '-', '.', 'e', '+', ' '];
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.nat(), fc.constantFrom(...marks), (json, at, cut, mark) => {
        const k = at % (json.length + 1);
        const text = json.slice(0, k) + mark + json.slice(k + (cut % 2));
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        const fault = jsonSyntaxError(text);
        expect(fault === undefined, text).toBe(parsed);
        if (fault) expect(fault.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('config behaviour', () => {
  it('overrides apply per glob, and a JS config loads when named with --config (never by lookup)', async () => {
    const root = tree({
      'indexes/i.md': '[x](gone.md)\n',
      'pages/p.md': '[x](gone.md)\n',
      'archive-lint.config.mjs': 'export default { rules: { "no-broken-links": "warn" }, overrides: [{ files: ["indexes/**"], rules: { "no-broken-links": "off" } }] };\n',
    });
    const looked = await run(root, ['--format', 'json']);
    expect(looked.code).toBe(1);
    expect(looked.stderr).toBe(`archive-lint: warning: ${join(root, 'archive-lint.config.mjs')} not loaded: a JavaScript config runs code, so it is loaded only when named with --config (or the Action's config input)\n`);
    const r = await run(root, ['--format', 'json', '--config', 'archive-lint.config.mjs']);
    expect(r.code).toBe(0);
    const counts = (JSON.parse(r.stdout) as LintResult[]).map((x) => [x.filePath.slice(root.length + 1), x.errorCount, x.warningCount]);
    expect(counts).toEqual([
      ['indexes/i.md', 0, 0],
      ['pages/p.md', 0, 1],
    ]);
  });

  it('-c takes an explicit file, and a missing one is an error', async () => {
    const root = tree({ 'a.md': '[x](gone.md)\n', 'conf/lint.json': '{ "rules": { "no-broken-links": "off" } }' });
    expect((await run(root, ['-c', 'conf/lint.json'])).code).toBe(0);
    const missing = await run(root, ['-c', 'conf/none.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('archive-lint: conf/none.json: config file not found\n');
  });

  it("one name a key: overrides[].ignore as the top-level ignore, kinds for entities; the former names still read, with a warning", async () => {
    const files = { 'indexes/i.md': '[x](gone.md) a&nbsp;b\n', 'indexes/keep.md': '[x](gone.md)\n' };
    const configs = {
      now: '{ "rules": { "no-raw-html": ["warn", { "kinds": { "entity": "off" } }] }, "overrides": [{ "files": ["indexes/**"], "ignore": ["indexes/keep.md"], "rules": { "no-broken-links": "off" } }] }',
      before: '{ "rules": { "no-raw-html": ["warn", { "allow": ["entities"] }] }, "overrides": [{ "files": ["indexes/**"], "ignores": ["indexes/keep.md"], "rules": { "no-broken-links": "off" } }] }',
    };
    const outcome = async (config: string) => {
      const root = tree({ ...files, 'archive-lint.config.json': config });
      const r = await run(root, ['--format', 'json']);
      return { root, stderr: r.stderr, counts: (JSON.parse(r.stdout) as LintResult[]).map((x) => [x.filePath.slice(root.length + 1), x.errorCount, x.warningCount]) };
    };
    const now = await outcome(configs.now);
    const before = await outcome(configs.before);
    expect(now.counts).toEqual([
      ['indexes/i.md', 0, 0],
      ['indexes/keep.md', 1, 0],
    ]);
    expect(before.counts).toEqual(now.counts);
    expect(now.stderr).toBe('');
    const file = join(before.root, 'archive-lint.config.json');
    expect(before.stderr).toBe(
      `archive-lint: warning: ${file}: 'overrides[0].ignores' is deprecated: write 'overrides[0].ignore', as the top-level 'ignore'\n` +
        `archive-lint: warning: ${file}: 'rules['no-raw-html'][1].allow' lists "entities", which is deprecated: write "kinds": { "entity": "off" } in no-raw-html's options instead\n`,
    );
  });

  it('command-line --rule wins over the config and its overrides', async () => {
    const root = tree({ 'a.md': '# A\n' });
    writeFileSync(join(root, 'archive-lint.config.json'), '{ "rules": { "valid-dates": "error" }, "overrides": [{ "files": ["*.md"], "rules": { "valid-dates": "warn" } }] }');
    const config = await loadConfig(root, undefined, rules, { 'valid-dates': 0 });
    expect(config.rulesFor('a.md')['valid-dates']).toEqual({ severity: 0, options: {} });
    const plain = await loadConfig(root, undefined, rules);
    expect(plain.rulesFor('a.md')['valid-dates']?.severity).toBe(1);
    expect(plain.rulesFor('sub/b.md')['valid-dates']?.severity).toBe(2);
  });
});
