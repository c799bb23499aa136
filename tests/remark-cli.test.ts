/** Each rule is a unified plugin: plain remark-cli runs it from a `.remarkrc` (against the built package). */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tree } from './helpers/tree.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const REMARK = join(REPO, 'node_modules/.bin/remark');

async function remark(cwd: string, args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const r = await promisify(execFile)(REMARK, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    return { code: 0, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

function withPackage(files: Record<string, string>): string {
  const root = tree(files);
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(REPO, join(root, 'node_modules/archive-lint'));
  return root;
}

describe('remark-cli', () => {
  it('runs no-broken-links and no-missing-images from a .remarkrc, checking the file system', async () => {
    const root = withPackage({
      '.remarkrc.json': JSON.stringify({
        plugins: [
          ['archive-lint/rules/no-broken-links', ['error', { repository: 'o/r', branch: 'master' }]],
          ['archive-lint/rules/no-missing-images', 'warn'],
        ],
      }),
      'docs/a.md': '# Title\n\n[ok](b.md#b) [gone](gone.md) [frag](#nope) [case](B.md)\n![i](none.png)\n[up](../../x.md)\n',
      'docs/b.md': '# B\n',
    });
    const r = await remark(root, ['docs/a.md', '--frail', '--no-stdout', '--no-color']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => /^\d+:\d+-/.test(l));
    expect(lines).toEqual([
      "3:21-3:28 error Link target 'docs/gone.md' does not exist no-broken-links archive-lint",
      "3:37-3:42 error This file has no heading or anchor '#nope' no-broken-links archive-lint",
      "3:51-3:55 error Link target 'docs/B.md' differs in letter case from the file 'docs/b.md': it works on macOS and Windows but is 404 on GitHub no-broken-links archive-lint",
      "4:6-4:14 warning Image 'docs/none.png' does not exist no-missing-images archive-lint",
      "5:6-5:16 error Link '../../x.md' climbs over the archive root; GitHub resolves it to https://github.com/o/r/blob/x.md no-broken-links archive-lint",
    ]);
  });

  it('runs valid-dates and no-raw-html from a .remarkrc', async () => {
    const root = withPackage({
      '.remarkrc.json': JSON.stringify({
        plugins: [
          ['archive-lint/rules/valid-dates', 'warn'],
          ['archive-lint/rules/no-raw-html', ['error', { allow: ['kbd'] }]],
        ],
      }),
      'a.md': '【大纪元2023年02月21日讯】星期一（2月21日） <ok>x</ok> <kbd>k</kbd> 2023-02-29\n',
    });
    const r = await remark(root, ['a.md', '--frail', '--no-stdout', '--no-color']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => /^\d+:\d+-/.test(l));
    expect(lines).toEqual([
      "1:18-1:28 warning Weekday '星期一' disagrees with the date: 2023-02-21 is a Tuesday (year 2023 from the dateline) valid-dates archive-lint",
      "1:29-1:33 error Unknown element '<ok>' left from conversion no-raw-html archive-lint",
      "1:53-1:63 warning Date '2023-02-29' does not exist: 2023 is not a leap year valid-dates archive-lint",
    ]);
  });

  it('every rule loads by its package path', async () => {
    const root = withPackage({
      '.remarkrc.json': JSON.stringify({
        plugins: ['no-broken-links', 'no-missing-images', 'valid-dates', 'no-raw-html', 'no-dead-urls'].map((id) => `archive-lint/rules/${id}`),
      }),
      'a.md': '# A\n',
    });
    const r = await remark(root, ['a.md', '--frail', '--no-stdout', '--no-color']);
    expect(r.stderr).toContain('a.md: no issues found');
    expect(r.code).toBe(0);
  });
});
