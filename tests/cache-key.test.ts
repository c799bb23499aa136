/**
 * What a cached result depends on besides the file: the tool's version, the resolved config (the config file,
 * `--rule`, the detected site profile) and the repository identity (`--repo`, the config's `repository`). A run
 * that differs in any of them reuses nothing (every file a miss) and gives what an uncached run gives; going back
 * finds nothing either, since the cache holds one key at a time.
 */
import { describe, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../src/rule-set.js';
import { resolveConfig, type ResolvedConfig } from '../src/core/config/config.js';
import type { RepoIdentity } from '../src/core/links/github.js';
import { rules } from '../rules/index.js';
import { run, tree } from './helpers/tree.js';
import type { LintResult } from '../src/types.js';

const tool = vi.hoisted(() => ({ version: undefined as string | undefined }));
vi.mock('../src/version.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/version.js')>();
  return { ...real, version: () => tool.version ?? real.version() };
});

const FILES = {
  'index.md': '# Index\n\n[a](pages/a.md#a) <center>old</center> 2020年2月30日\n\n[own](https://github.com/o/a/blob/master/pages/gone.md)\n',
  'pages/a.md': '# A\n\n<div><p>body &nbsp; text</p></div>\n',
  'pages/b.md': '# B\n\n[back](../index.md#index)\n',
};

const A: RepoIdentity = { owner: 'o', name: 'a', branch: 'master' };
const B: RepoIdentity = { owner: 'o', name: 'b', branch: 'master' };

/** Messages as `file:line:column rule message`, for comparing runs. */
function lines(root: string, results: LintResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

async function runs(root: string, config: ResolvedConfig, repo?: RepoIdentity) {
  const location = join(root, '.archive-lint-cache');
  const cached = await lint({ root, config, cache: { location }, ...(repo ? { repo } : {}) });
  const uncached = await lint({ root, config, ...(repo ? { repo } : {}) });
  expect(cached.results).toEqual(uncached.results);
  return { stats: cached.cache, messages: lines(root, cached.results) };
}

const CENTER = "index.md:3:19 no-raw-html Wrapper '<center>' has no meaning in Markdown";
const DATE = "index.md:3:40 valid-dates Date '2020年2月30日' does not exist: February has 29 days";
const OWN = "index.md:5:7 no-broken-links Link target 'pages/gone.md' does not exist";
const PAGE_A = [
  "pages/a.md:3:1 no-raw-html Wrapper '<div>' has no meaning in Markdown",
  "pages/a.md:3:6 no-raw-html '<p>' has a Markdown form: a paragraph (a blank line)",
  "pages/a.md:3:14 no-raw-html Leftover entity '&nbsp;'; expected a plain space",
];

const COLD = { hits: 0, misses: 3, reused: 0 };
const WARM = { hits: 3, misses: 0, reused: 3 };

describe('the cache key', () => {
  it('a changed config (a rule option, a severity, a command-line --rule) reuses nothing', async () => {
    const root = tree(FILES);
    const plain = resolveConfig({}, undefined, rules);
    const first = await runs(root, plain);
    expect(first.stats).toEqual(COLD);
    expect((await runs(root, plain)).stats).toEqual(WARM);
    expect(first.messages).toEqual([CENTER, DATE, ...PAGE_A]);

    // The same files under another rule option: center allowed.
    const allowed = await runs(root, resolveConfig({ rules: { 'no-raw-html': ['warn', { allow: ['center'] }] } }, undefined, rules));
    expect(allowed.stats).toEqual(COLD);
    expect(allowed.messages).toEqual([DATE, ...PAGE_A]);

    // A rule turned off in the config, then another one on the command line.
    const off = await runs(root, resolveConfig({ rules: { 'valid-dates': 'off' } }, undefined, rules));
    expect(off.stats).toEqual(COLD);
    expect(off.messages).toEqual([CENTER, ...PAGE_A]);
    const cli = await runs(root, resolveConfig({}, undefined, rules, { 'no-raw-html': 0 }));
    expect(cli.stats).toEqual(COLD);
    expect(cli.messages).toEqual([DATE]);

    // And back: the first config's entries were replaced.
    const back = await runs(root, plain);
    expect(back.stats).toEqual(COLD);
    expect(back.messages).toEqual(first.messages);
  });

  it('another repository identity reuses nothing: its own URLs are another set of links', async () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    const a = await runs(root, config, A);
    expect(a.stats).toEqual(COLD);
    expect((await runs(root, config, A)).stats).toEqual(WARM);
    expect(a.messages).toEqual([CENTER, DATE, OWN, ...PAGE_A]);
    // Under o/b, a link to o/a's GitHub page is an external URL, not checked offline.
    const b = await runs(root, config, B);
    expect(b.stats).toEqual(COLD);
    expect(b.messages).toEqual([CENTER, DATE, ...PAGE_A]);
    // No repository at all, then a branch of its own.
    expect((await runs(root, config)).stats).toEqual(COLD);
    expect((await runs(root, config, { ...A, branch: 'gh-pages' })).stats).toEqual(COLD);
    const again = await runs(root, config, A);
    expect(again.stats).toEqual(COLD);
    expect(again.messages).toEqual(a.messages);
  });

  it('another version of the tool reuses nothing', async () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    try {
      tool.version = '1.0.0';
      expect((await runs(root, config)).stats).toEqual(COLD);
      expect((await runs(root, config)).stats).toEqual(WARM);
      tool.version = '1.0.1';
      expect((await runs(root, config)).stats).toEqual(COLD);
      expect((await runs(root, config)).stats).toEqual(WARM);
    } finally {
      tool.version = undefined;
    }
  });

  it('through the command line: --repo, the config file and --rule each make a cold run', async () => {
    const root = tree(FILES);
    const json = async (...args: string[]) => {
      const r = await run(root, ['check', '--format', 'json', ...args]);
      return lines(root, JSON.parse(r.stdout) as LintResult[]);
    };
    const broken = OWN;
    expect(await json('--repo', 'o/a', '--branch', 'master')).toContain(broken);
    expect(await json('--repo', 'o/a', '--branch', 'master')).toContain(broken);
    expect(await json('--repo', 'o/b', '--branch', 'master')).not.toContain(broken);
    // The config's repository, as `init` writes it.
    writeFileSync(join(root, 'archive-lint.config.json'), '{ "repository": "o/a", "branch": "master" }\n');
    expect(await json()).toContain(broken);
    writeFileSync(join(root, 'archive-lint.config.json'), '{ "repository": "o/b", "branch": "master" }\n');
    expect(await json()).not.toContain(broken);
    // Rules turned off in the config file, then on the command line.
    writeFileSync(join(root, 'archive-lint.config.json'), '{ "repository": "o/b", "branch": "master", "rules": { "no-raw-html": "off" } }\n');
    expect(await json()).toEqual([DATE]);
    expect(await json('--rule', 'valid-dates=off')).toEqual([]);
    expect(await json()).toEqual([DATE]);
  });
});
