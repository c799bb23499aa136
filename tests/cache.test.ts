/** The per-file cache: identical results cached or not; unchanged files not parsed again; corruption survived. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../src/rule-set.js';
import { FileCache } from '../src/core/cache/cache.js';
import { processFile } from '../src/core/parse/process-file.js';
import { resolveConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import { run, tree } from './helpers/tree.js';
import { git as gitIn } from './helpers/git.js';

const FILES = {
  'index.md': '# Index\n\n[a](pages/a.md#a) [b](pages/b.md) <a href="pages/gone.md">x</a> 2020年9月4日 2020年09月05日\n',
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
    expect(cold.cache).toEqual({ hits: 0, misses: 3, reused: 0 });
    expect(cold.results).toEqual(uncached.results);
    const warm = await lint({ root, config, cache: { location } });
    expect(warm.cache).toEqual({ hits: 3, misses: 0, reused: 3 });
    expect(warm.results).toEqual(uncached.results);

    // A cross-file change is seen although the linking file is served from the cache.
    writeFileSync(join(root, 'pages/a.md'), '# Renamed heading\n');
    const after = await lint({ root, config, cache: { location } });
    expect(after.cache).toEqual({ hits: 2, misses: 1, reused: 0 });
    expect(after.results).toEqual((await lint({ root, config })).results);
    expect(after.results[0]?.messages.map((m) => m.message)).toContain("Link target 'pages/a.md' has no heading or anchor '#a'");
  });

  it('reuses cached cross-file messages while the archive index is unchanged, and only then', async () => {
    const root = tree({ ...FILES, 'pages/c.md': '# C\n\n[a](a.md#a)\n' });
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, '.archive-lint-cache');
    const same = async (cache: { hits: number; misses: number; reused: number }) => {
      const r = await lint({ root, config, cache: { location } });
      expect(r.cache).toEqual(cache);
      expect(r.results).toEqual((await lint({ root, config })).results);
      return r;
    };
    await same({ hits: 0, misses: 4, reused: 0 });
    await same({ hits: 4, misses: 0, reused: 4 });
    // A body edit that keeps the anchors: the other files' results still hold.
    writeFileSync(join(root, 'pages/a.md'), '# A\n\nNew body, <b>bold</b>.\n');
    await same({ hits: 3, misses: 1, reused: 3 });
    await same({ hits: 4, misses: 0, reused: 4 });
    // A removed anchor, a deleted page, a new file: every file's cross-file messages are found again.
    writeFileSync(join(root, 'pages/a.md'), '# Not A\n');
    let r = await same({ hits: 3, misses: 1, reused: 0 });
    expect(r.results.find((x) => x.filePath.endsWith('c.md'))?.messages.map((m) => m.message)).toEqual(["Link target 'pages/a.md' has no heading or anchor '#a'"]);
    await same({ hits: 4, misses: 0, reused: 4 });
    rmSync(join(root, 'pages/b.md'));
    r = await same({ hits: 3, misses: 0, reused: 0 });
    expect(r.results[0]?.messages.map((m) => m.messageId)).toContain('missingFile');
    writeFileSync(join(root, 'pages/d.png'), 'png');
    await same({ hits: 3, misses: 0, reused: 0 });
    await same({ hits: 3, misses: 0, reused: 3 });
  });

  it('reuses no cross-file messages when mirrors are configured (their folders are not fingerprinted)', async () => {
    const root = tree({ ...FILES, 'mirror/x.md': '# X\n' });
    const config = resolveConfig({ mirrors: { 'o/n': 'mirror' } }, undefined, rules);
    const location = join(root, '.archive-lint-cache');
    await lint({ root, config, cache: { location } });
    expect((await lint({ root, config, cache: { location } })).cache).toEqual({ hits: 4, misses: 0, reused: 0 });
  });

  it('stamps an outcome with the file as it was read, so a change after the read is not taken for the cached one', () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    const cache = new FileCache(join(root, '.archive-lint-cache'), 'k');
    const file = join(root, 'pages/b.md');
    const o = processFile('pages/b.md', rules, { root, rules: config.rulesFor('pages/b.md'), mirrors: {}, maxFileSize: 1 << 20 });
    // Changed after the read and before the cache is written: same size, a later time.
    writeFileSync(file, readFileSync(file, 'utf8').replace('back', 'BACK'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    cache.set(root, 'pages/b.md', o, { targets: [], refs: new Int32Array(0) });
    expect(cache.has(root, 'pages/b.md')).toBe(false);
  });

  it('same size, another modification time, other content: linted again (the content hash decides)', async () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, 'c');
    await lint({ root, config, cache: { location } });
    // The same size and an mtime that differs from the cached one: only the hash tells the edit.
    const file = join(root, 'pages/b.md');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('back', 'BACK').replace('#index', '#gone!'));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(before));
    const t = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, t, t);
    const r = await lint({ root, config, cache: { location } });
    // (The others keep their cross-file messages: no anchor changed.)
    expect(r.cache).toEqual({ hits: 2, misses: 1, reused: 2 });
    expect(r.results).toEqual((await lint({ root, config })).results);
    expect(r.results[2]?.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(["3:8 Link target 'index.md' has no heading or anchor '#gone!'"]);
  });

  it('a file whose modification time changed and content did not is served by its content hash, and stamped anew', async () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, 'c');
    const cold = await lint({ root, config, cache: { location } });
    const saved = readFileSync(join(location, 'messages.v8'));
    // As a checkout, a copy or `touch` leaves them: every file with a new time, the same bytes.
    const later = new Date(Date.now() + 3_600_000);
    for (const path of Object.keys(FILES)) utimesSync(join(root, path), later, later);
    const touched = await lint({ root, config, cache: { location } });
    expect(touched.cache).toEqual({ hits: 3, misses: 0, reused: 3 });
    expect(touched.results).toEqual(cold.results);
    // The new times were saved (the file's stamps changed, nothing else), so the next run finds them as they are.
    // (Its length may differ by a few bytes: v8 writes a whole-millisecond time shorter than a fractional one.)
    const restamped = readFileSync(join(location, 'messages.v8'));
    expect(Math.abs(restamped.length - saved.length)).toBeLessThanOrEqual(3 * 8);
    expect(restamped.equals(saved)).toBe(false);
    // Files changed within the file system's time granularity of the read are hashed again (the cache cannot tell
    // a write in the same tick by stat): served by their content still.
    const again = await lint({ root, config, cache: { location } });
    expect(again.cache).toEqual({ hits: 3, misses: 0, reused: 3 });
    expect(again.results).toEqual(cold.results);
  });

  it('ignores a corrupt, truncated or foreign cache with a warning and rebuilds it', async () => {
    const root = tree(FILES);
    const config = resolveConfig({}, undefined, rules);
    const location = join(root, '.archive-lint-cache');
    const first = await lint({ root, config, cache: { location } });
    expect(readdirSync(location).sort()).toEqual(['.gitignore', 'links.v8', 'messages.v8', 'outcomes.v8']);
    const bads = (bytes: Buffer) => [
      bytes.subarray(0, bytes.length >> 1),
      Buffer.from('not a cache at all'),
      // A well-framed header of another kind.
      Buffer.concat([Buffer.from([17, 0, 0, 0]), Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x05, 0x6d, 0x61, 0x67, 0x69, 0x63, 0x22, 0x03, 0x6f, 0x74, 0x68, 0x7b, 0x01])]),
      Buffer.concat([bytes, Buffer.from([0])]),
    ];
    for (const name of ['messages.v8', 'outcomes.v8', 'links.v8']) {
      const file = join(location, name);
      const bytes = readFileSync(file);
      for (const bad of bads(bytes)) {
        writeFileSync(file, bad);
        // Outcomes and links are read when a cross-file check needs them: a heading changes.
        if (name !== 'messages.v8') writeFileSync(join(root, 'pages/b.md'), readFileSync(join(root, 'pages/b.md'), 'utf8') + '\n## More\n');
        const r = await lint({ root, config, cache: { location } });
        expect(r.warnings).toHaveLength(1);
        expect(r.warnings[0]).toMatch(new RegExp(`^ignoring .*${name.replace('.', '\\.')}: (corrupt or truncated|not an archive-lint cache of this format)`));
        expect(r.results).toEqual((await lint({ root, config })).results);
        if (name === 'messages.v8') {
          expect(r.results).toEqual(first.results);
          expect(r.cache?.hits).toBe(0);
        }
        const again = await lint({ root, config, cache: { location } });
        expect(again.warnings).toEqual([]);
        expect(again.cache?.hits).toBe(3);
        // Rebuilt whole: entries of files served from the other cache files are written again too.
        expect(readFileSync(file).length).toBeGreaterThan(bytes.length / 2);
      }
    }
    expect(readdirSync(location).sort()).toEqual(['.gitignore', 'links.v8', 'messages.v8', 'outcomes.v8']);
  });

  it('is on by default in the CLI, off with --no-cache, and honours --cache-location', async () => {
    const root = tree(FILES);
    await run(root, ['check', '--format', 'json']);
    expect(readdirSync(join(root, '.archive-lint-cache')).sort()).toEqual(['.gitignore', 'links.v8', 'messages.v8', 'outcomes.v8']);
    const other = tree(FILES);
    await run(other, ['check', '--no-cache']);
    expect(readdirSync(other).includes('.archive-lint-cache')).toBe(false);
    await run(other, ['check', '--cache-location', 'somewhere/else']);
    expect(readdirSync(join(other, 'somewhere/else')).sort()).toEqual(['.gitignore', 'links.v8', 'messages.v8', 'outcomes.v8']);
  });

  it('keeps itself out of git: its folder has a .gitignore of *', async () => {
    const root = tree(FILES);
    const git = (...args: string[]) => `${gitIn(root, ...args)}\n`;
    git('init', '-q');
    expect((await run(root, ['check'])).code).toBe(1);
    expect(readFileSync(join(root, '.archive-lint-cache', '.gitignore'), 'utf8')).toBe('# Written by archive-lint: its cache is never committed.\n*\n');
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('?? index.md\n?? pages/a.md\n?? pages/b.md\n');
    // A .gitignore of the user's is kept as it is.
    writeFileSync(join(root, '.archive-lint-cache', '.gitignore'), '*.v8\n');
    writeFileSync(join(root, 'pages/a.md'), '# A changed\n');
    await run(root, ['check']);
    expect(readFileSync(join(root, '.archive-lint-cache', '.gitignore'), 'utf8')).toBe('*.v8\n');
  });

  it('writes no .gitignore into a --cache-location that holds other files', async () => {
    const root = tree({ ...FILES, 'shared/notes.txt': 'mine\n' });
    await run(root, ['check', '--cache-location', 'shared']);
    expect(readdirSync(join(root, 'shared')).sort()).toEqual(['links.v8', 'messages.v8', 'notes.txt', 'outcomes.v8']);
    mkdirSync(join(root, 'fresh'));
    await run(root, ['check', '--cache-location', 'fresh']);
    expect(readdirSync(join(root, 'fresh')).sort()).toEqual(['.gitignore', 'links.v8', 'messages.v8', 'outcomes.v8']);
  });
});
