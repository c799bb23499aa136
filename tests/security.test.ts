/**
 * Issue 21: a pull request is untrusted input. One describe per row of the table, each with what the
 * pull request commits and what must (not) happen. The Action's rows (config from the base commit) are in
 * tests/security-action.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, tree } from './helpers/tree.js';

/** A folder outside the archive, standing for the victim's home: nothing may be written into it. */
function outside(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'archive-lint-victim-')));
}

const PAGE = { 'a.md': '# A\n\n[b](b.md)\n', 'b.md': '# B\n' };

describe('row 11: -o, --report, sarif-file and init as symbolic links', () => {
  it('-o FILE that the archive made a symbolic link is refused before the run, its target untouched', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, 'authorized_keys'), 'keep');
    symlinkSync(join(victim, 'authorized_keys'), join(root, 'out.json'));
    const r = await run(root, ['check', '--root', root, '--no-cache', '--format', 'json', '-o', 'out.json']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: cannot write ${join(root, 'out.json')}: it is a symbolic link; nothing is written through a link\n` });
    expect(readFileSync(join(victim, 'authorized_keys'), 'utf8')).toBe('keep');
  });

  it('-o below a folder of the archive that is a symbolic link is refused', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    symlinkSync(victim, join(root, 'reports'));
    const r = await run(root, ['check', '--root', root, '--no-cache', '-o', 'reports/out.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`archive-lint: cannot write ${join(root, 'reports/out.txt')}: ${join(root, 'reports')} is a symbolic link; nothing is written through a link in the archive\n`);
    expect(readdirSync(victim)).toEqual([]);
  });

  it('--report FILE.html as a symbolic link is refused before the run', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, '.bashrc'), 'keep');
    symlinkSync(join(victim, '.bashrc'), join(root, 'report.html'));
    const r = await run(root, ['audit', root, '--no-cache', '--no-external', '--report', 'report.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`archive-lint: cannot write ${join(root, 'report.html')}: it is a symbolic link; nothing is written through a link\n`);
    expect(readFileSync(join(victim, '.bashrc'), 'utf8')).toBe('keep');
  });

  it('the default report in a cache folder whose report.html is a symbolic link: a warning, nothing written through it', async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, 'target'), 'keep');
    mkdirSync(join(root, '.archive-lint-cache'));
    symlinkSync(join(victim, 'target'), join(root, '.archive-lint-cache', 'report.html'));
    const r = await run(root, ['audit', root, '--no-cache', '--no-external']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`archive-lint: warning: HTML report not written: ${join(root, '.archive-lint-cache', 'report.html')}: it is a symbolic link; nothing is written through a link; give --report FILE.html\n`);
    expect(readFileSync(join(victim, 'target'), 'utf8')).toBe('keep');
  });

  it("init's config as a symbolic link is refused, even with --force", async () => {
    const root = realpathSync(tree(PAGE));
    const victim = outside();
    writeFileSync(join(victim, 'target'), 'keep');
    symlinkSync(join(victim, 'target'), join(root, 'archive-lint.config.json'));
    expect((await run(root, ['init', '--root', root])).code).toBe(2);
    const r = await run(root, ['init', '--root', root, '--force']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `archive-lint: cannot write ${join(root, 'archive-lint.config.json')}: it is a symbolic link; nothing is written through a link\n` });
    expect(readFileSync(join(victim, 'target'), 'utf8')).toBe('keep');
    expect(lstatSync(join(root, 'archive-lint.config.json')).isSymbolicLink()).toBe(true);
  });
});
