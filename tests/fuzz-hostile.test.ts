/**
 * Fuzz, issue 21: archives whose files are hostile to the machine rather than to the parser. Symbolic links (out
 * of the root, to /dev/zero, to /proc/self/environ, loops, the cache folder and the report), special files (a
 * pipe), and hostile config values (catastrophic patterns, globs, guards, a .mjs config beside the JSON one).
 * Whatever the tree holds, `check` and `audit` finish within seconds with exit 0, 1 or 2, write nothing outside
 * the root, run no code of the tree, and quote no byte of a file outside it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from './helpers/tree.js';

const SECRET = 'FUZZ-SECRET-7f3a9c';

/** What a hostile tree may hold, beside a page: each a path and what is put there. */
const hostile = fc.constantFrom(
  ['archive-lint.config.json', 'link:SECRET'],
  ['archive-lint.config.json', 'link:/dev/zero'],
  ['archive-lint.config.json', 'link:/proc/self/environ'],
  ['archive-lint.config.json', 'text:{"external":{"exclude":["^http://x/(a+)+$"],"allowPrivateHosts":true}}'],
  ['archive-lint.config.json', 'text:{"ignore":["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a"]}'],
  ['archive-lint.config.json', 'text:{"external":{"exclude":["(a)\\\\1"]}}'],
  ['archive-lint.config.json', 'text:{"external":{"archive":{"enabled":true,"endpoint":"http://169.254.169.254/"}}}'],
  ['.archive-lintrc.json', 'link:/dev/zero'],
  ['package.json', 'link:/dev/zero'],
  ['package.json', 'link:SECRET'],
  ['book.toml', 'link:/dev/zero'],
  ['mkdocs.yml', 'link:/dev/zero'],
  ['.gitignore', 'link:/dev/zero'],
  ['sub/.gitignore', 'fifo'],
  ['archive-lint.config.mjs', 'code'],
  ['archive-lint.config.js', 'code'],
  ['.archive-lint-cache', 'link:OUTSIDE'],
  ['.archive-lint-cache/messages.v8', 'link:/dev/zero'],
  ['.archive-lint-cache/links.v8', 'link:SECRET'],
  ['.archive-lint-cache/report.html', 'link:VICTIM'],
  ['node_modules/.cache', 'link:OUTSIDE'],
  ['loop.md', 'link:loop.md'],
  ['out.md', 'link:SECRET'],
  ['zero.md', 'link:/dev/zero'],
  ['pipe.md', 'fifo'],
  ['out.json', 'link:VICTIM'],
);

const commands = fc.constantFrom(
  ['check', '--format', 'json'],
  ['check', '--format', 'json', '-o', 'out.json'],
  ['audit', '.', '--no-external'],
  ['check', '--external', '--format', 'sarif'],
);

describe('fuzz: hostile trees', () => {
  it('finish, write nothing outside the root, run no code of the tree, quote nothing outside it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(hostile, { minLength: 1, maxLength: 4, selector: ([p]) => p }), commands, fc.constantFrom<Record<string, string>>({}, { CI: 'true' }), async (items, argv, ciEnv) => {
        const root = realpathSync(mkdtempSync(join(tmpdir(), 'archive-lint-fuzzh-')));
        const outside = realpathSync(mkdtempSync(join(tmpdir(), 'archive-lint-fuzzh-out-')));
        const xdg = realpathSync(mkdtempSync(join(tmpdir(), 'archive-lint-fuzzh-xdg-')));
        try {
          writeFileSync(join(outside, 'secret'), `${SECRET}\n`);
          writeFileSync(join(outside, 'victim'), 'keep');
          mkdirSync(join(outside, 'dir'));
          const marker = join(outside, 'ran');
          writeFileSync(join(root, 'a.md'), '# A\n\n[b](b.md) [c](http://127.0.0.1:9/x)\n');
          for (const [path, what] of items as [string, string][]) {
            const abs = join(root, path);
            if (existsSync(abs)) continue;
            mkdirSync(dirname(abs), { recursive: true });
            if (what === 'fifo') execFileSync('mkfifo', [abs]);
            else if (what === 'code') writeFileSync(abs, `require?.('node:fs');\nimport { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'x');\nexport default {};\n`);
            else if (what.startsWith('text:')) writeFileSync(abs, what.slice(5));
            else {
              const target = what.slice(5);
              symlinkSync(target === 'SECRET' ? join(outside, 'secret') : target === 'OUTSIDE' ? join(outside, 'dir') : target === 'VICTIM' ? join(outside, 'victim') : target, abs);
            }
          }
          const started = Date.now();
          const r = await run(root, [...argv, '--root', root], { env: { XDG_CACHE_HOME: xdg, ...ciEnv } });
          expect(Date.now() - started).toBeLessThan(20_000);
          expect([0, 1, 2]).toContain(r.code);
          expect(r.stderr).not.toMatch(/internal error/);
          expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
          expect(existsSync(marker)).toBe(false);
          expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('keep');
          expect(readdirSync(join(outside, 'dir'))).toEqual([]);
        } finally {
          rmSync(root, { recursive: true, force: true });
          rmSync(outside, { recursive: true, force: true });
          rmSync(xdg, { recursive: true, force: true });
        }
      }),
      { numRuns: 40, seed: 20261208 },
    );
  }, 300_000);
});
