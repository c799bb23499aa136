/** The per-file cache: identical results cached or not; unchanged files not parsed again; corruption survived. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../src/core/engine.js';
import { resolveConfig } from '../src/core/config.js';
import { rules } from '../rules/index.js';
import { run, tree } from './helpers/tree.js';

const FILES = {
  'index.md': '# Index\n\n[a](pages/a.md#a) [b](pages/b.md) <ok href="pages/gone.md">x</ok> 2020年9月4日 2020年09月05日\n',
  'pages/a.md': '# A\n\n<div><p>body &nbsp; text</p></div>\n',
  'pages/b.md': '# B\n\n[back](../index.md#index)\n',
};

describe('cache', () => {
  it('gives the results of an uncached run, and parses only what changed', async () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, '.archive-lint-cache');
    const uncached = await lint({ root, config });
    const cold = await lint({ root, config, cache: { location } });
    expect(cold.cache).toEqual({ hits: 0, misses: 3 });
    expect(cold.results).toEqual(uncached.results);
    const warm = await lint({ root, config, cache: { location } });
    expect(warm.cache).toEqual({ hits: 3, misses: 0 });
    expect(warm.results).toEqual(uncached.results);

    // A cross-file change is seen although the linking file is served from the cache.
    writeFileSync(join(root, 'pages/a.md'), '# Renamed heading\n');
    const after = await lint({ root, config, cache: { location } });
    expect(after.cache).toEqual({ hits: 2, misses: 1 });
    expect(after.results).toEqual((await lint({ root, config })).results);
    expect(after.results[0]?.messages.map((m) => m.message)).toContain("Link target 'pages/a.md' has no heading or anchor '#a'");
  });

  it('trusts content, not only the modification time', async () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, 'c');
    await lint({ root, config, cache: { location } });
    // Same size, same mtime, other content: a metadata check alone would be fooled; set mtime back.
    const file = join(root, 'pages/b.md');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('back', 'BACK'));
    const t = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, t, t);
    const r = await lint({ root, config, cache: { location } });
    expect(r.cache?.misses).toBe(1);
  });

  it('ignores a corrupt, truncated or foreign cache with a warning and rebuilds it', async () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, '.archive-lint-cache');
    const first = await lint({ root, config, cache: { location } });
    const file = join(location, 'outcomes.v8');
    const bytes = readFileSync(file);
    for (const bad of [bytes.subarray(0, bytes.length >> 1), Buffer.from('not a cache at all'), Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x05, 0x6d, 0x61, 0x67, 0x69, 0x63, 0x22, 0x03, 0x6f, 0x74, 0x68, 0x7b, 0x01])]) {
      writeFileSync(file, bad);
      const r = await lint({ root, config, cache: { location } });
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(/^ignoring .*outcomes\.v8: (corrupt or truncated|not an archive-lint cache of this format)/);
      expect(r.results).toEqual(first.results);
      expect(r.cache?.hits).toBe(0);
      const again = await lint({ root, config, cache: { location } });
      expect(again.warnings).toEqual([]);
      expect(again.cache?.hits).toBe(3);
    }
    expect(readdirSync(location).sort()).toEqual(['links.v8', 'outcomes.v8']);
  });

  it('is on by default in the CLI, off with --no-cache, and honours --cache-location', async () => {
    const root = tree(FILES);
    await run(root, ['check', '--format', 'json']);
    expect(readdirSync(join(root, '.archive-lint-cache')).sort()).toEqual(['links.v8', 'outcomes.v8']);
    const other = tree(FILES);
    await run(other, ['check', '--no-cache']);
    expect(readdirSync(other).includes('.archive-lint-cache')).toBe(false);
    await run(other, ['check', '--cache-location', 'somewhere/else']);
    expect(readdirSync(join(other, 'somewhere/else')).sort()).toEqual(['links.v8', 'outcomes.v8']);
  });
});
