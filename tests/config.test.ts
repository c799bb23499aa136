import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';
import { loadConfig } from '../src/core/config.js';
import { rules } from '../rules/index.js';
import type { LintResult } from '../src/types.js';

async function configError(files: Record<string, string>): Promise<string> {
  const root = tree({ 'a.md': '# A\n', ...files });
  const r = await run(root, ['check']);
  expect(r.code).toBe(2);
  return r.stderr.replace(root, '<root>');
}

describe('config errors name the file, the key and what was expected', () => {
  it('an unknown top-level key', async () => {
    expect(await configError({ 'archive-lint.config.json': '{ "rulez": {} }' })).toBe(
      "archive-lint: <root>/archive-lint.config.json: unknown key 'rulez'; expected one of: $schema, repository, branch, include, ignore, rules, overrides, mirrors, maxFileSize, external\n",
    );
  });

  it('an unknown rule id', async () => {
    expect(await configError({ '.archive-lintrc.json': '{ "rules": { "no-broken-link": "error" } }' })).toBe(
      "archive-lint: <root>/.archive-lintrc.json: unknown key 'rules.no-broken-link'; expected one of: no-broken-links, no-missing-images, valid-dates, no-raw-html, no-dead-urls\n",
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
      "unknown key 'rules.no-broken-links[1].checkAnchor'; expected one of: checkAnchors, suggest, relativeSelfLinks, root, repository, branch",
    );
  });

  it('invalid JSON, and a key in package.json', async () => {
    expect(await configError({ 'archive-lint.config.json': '{ "rules": ' })).toMatch(/^archive-lint: <root>\/archive-lint.config.json: invalid JSON: /);
    expect(await configError({ 'package.json': '{ "name": "x", "archive-lint": { "repository": "not a slug" } }' })).toBe(
      "archive-lint: <root>/package.json#archive-lint: 'repository': expected a string matching ^[\\w.-]+/[\\w.-]+$\n",
    );
  });
});

describe('config behaviour', () => {
  it('overrides apply per glob, and JS configs load', async () => {
    const root = tree({
      'indexes/i.md': '[x](gone.md)\n',
      'pages/p.md': '[x](gone.md)\n',
      'archive-lint.config.mjs': 'export default { rules: { "no-broken-links": "warn" }, overrides: [{ files: ["indexes/**"], rules: { "no-broken-links": "off" } }] };\n',
    });
    const r = await run(root, ['--format', 'json']);
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
