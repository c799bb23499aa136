/** `archive-lint init`: a starter config that validates and resolves where it is written, and says what comes next. */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Ajv as AjvType } from 'ajv';
import { run, tree } from './helpers/tree.js';
import { git as gitIn } from './helpers/git.js';
import { loadConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';

const REPO = join(import.meta.dirname, '..');
const RULES = { 'no-broken-links': 'error', 'no-missing-images': 'error', 'valid-dates': 'warn', 'no-raw-html': 'warn', 'no-dead-urls': 'error', 'no-conflict-markers': 'error' };

/** A git repository with one commit on `main`, and `origin` when given. */
function repo(origin?: string): string {
  const root = tree({ 'a.md': '# A\n' });
  const git = (...args: string[]) => gitIn(root, ...args);
  git('init', '-q', '-b', 'main');
  git('add', 'a.md');
  git('commit', '-q', '-m', 'a');
  if (origin !== undefined) git('remote', 'add', 'origin', origin);
  return root;
}

/** What init says of an archive that is not an npm project. */
const NOT_NPM =
  'This archive is not an npm project (no package.json): install archive-lint for your user (npm install --global github:archive-lint/archive-lint), not with npm install in the archive, which would write a package.json and a node_modules/ into it for everyone who clones it.\n';

const written = (root: string) => JSON.parse(readFileSync(join(root, 'archive-lint.config.json'), 'utf8')) as Record<string, unknown>;

describe('init', () => {
  it('takes the repository from a GitHub origin, and writes no $schema that would not resolve', async () => {
    const root = repo('git@github.com:gfw-breaker/banned-news.git');
    const r = await run(root, ['init']);
    // Run from a checkout, not installed in the archive: the command is archive-lint's own.
    expect(r).toEqual({ code: 0, stdout: `Wrote ${join(root, 'archive-lint.config.json')}\nWrote ${join(root, '.gitignore')} (node_modules/)\n${NOT_NPM}Next: archive-lint audit .\n`, stderr: '' });
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    // This code runs from the checkout, outside the archive: no path from the archive reaches its schema.
    expect(written(root)).toEqual({ repository: 'gfw-breaker/banned-news', branch: 'main', include: ['**/*.md'], ignore: ['node_modules/**'], rules: RULES });
    const config = await loadConfig(root, undefined, rules);
    expect(config.file).toBe(join(root, 'archive-lint.config.json'));
    expect(config.repository).toBe('gfw-breaker/banned-news');
    expect(config.branch).toBe('main');
    expect((await run(root, ['check'])).code).toBe(0);
  });

  it('with no GitHub remote, says that runs will need --repo or the repository key', async () => {
    const root = repo();
    mkdirSync(join(root, 'sub'));
    const r = await run(join(root, 'sub'), ['init']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote ${join(root, 'archive-lint.config.json')}\nWrote ${join(root, '.gitignore')} (node_modules/)\n${NOT_NPM}Next: archive-lint audit ..\n`);
    expect(r.stderr).toBe(
      `archive-lint: no GitHub remote 'origin', so the config has no "repository": runs will need --repo OWNER/NAME, or the "repository" key in ${join(root, 'archive-lint.config.json')}, to resolve links as GitHub does and check links to the archive's own GitHub URLs\n`,
    );
    expect(written(root)).toEqual({ branch: 'main', include: ['**/*.md'], ignore: ['node_modules/**'], rules: RULES });
    expect((await loadConfig(root, undefined, rules)).repository).toBeUndefined();
    // A remote elsewhere than GitHub is no identity either.
    const gitlab = repo('https://gitlab.com/o/n.git');
    expect((await run(gitlab, ['init'])).stderr).toContain("no GitHub remote 'origin'");
    expect(written(gitlab).repository).toBeUndefined();
  });

  it('installed in the archive, points $schema at the installed schema, which the config validates against', async () => {
    const root = repo('https://github.com/o/n.git');
    // The package as npm installs it: bin/, dist/ (the bundle is all the command needs), the schema, package.json.
    const pkg = join(root, 'node_modules', 'archive-lint');
    for (const part of ['bin', 'dist/bundle', 'package.json', 'archive-lint.schema.json']) cpSync(join(REPO, part), join(pkg, part), { recursive: true });
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'archive-lint.js'), 'init'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Wrote ${join(root, 'archive-lint.config.json')}\nWrote ${join(root, '.gitignore')} (node_modules/)\n${NOT_NPM}Next: npx --no -- archive-lint audit .\n`);
    const config = written(root);
    expect(config.$schema).toBe('./node_modules/archive-lint/archive-lint.schema.json');
    expect(config.repository).toBe('o/n');
    const schemaFile = join(root, config.$schema as string);
    expect(existsSync(schemaFile)).toBe(true);
    const Ajv = (createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvType }).Ajv;
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect((await loadConfig(root, undefined, rules)).repository).toBe('o/n');
  });

  it('adds node_modules/ to the .gitignore of an npm project once; leaves the .gitignore of an archive that is not one', async () => {
    const npm = repo();
    writeFileSync(join(npm, 'package.json'), '{ "private": true }\n');
    writeFileSync(join(npm, '.gitignore'), '*.log');
    const first = await run(npm, ['init']);
    expect(first.stdout).toBe(`Wrote ${join(npm, 'archive-lint.config.json')}\nAdded node_modules/ to ${join(npm, '.gitignore')}\nNext: archive-lint audit .\n`);
    expect(readFileSync(join(npm, '.gitignore'), 'utf8')).toBe('*.log\nnode_modules/\n');
    const again = await run(npm, ['init', '--force']);
    expect(again.stdout).toBe(`Wrote ${join(npm, 'archive-lint.config.json')}\nNext: archive-lint audit .\n`);
    expect(readFileSync(join(npm, '.gitignore'), 'utf8')).toBe('*.log\nnode_modules/\n');
    // Not an npm project, with a .gitignore of its own: untouched; the install that keeps the archive clean is said.
    const plain = repo();
    writeFileSync(join(plain, '.gitignore'), '*.log\n');
    const r = await run(plain, ['init']);
    expect(r.stdout).toBe(`Wrote ${join(plain, 'archive-lint.config.json')}\n${NOT_NPM}Next: archive-lint audit .\n`);
    expect(readFileSync(join(plain, '.gitignore'), 'utf8')).toBe('*.log\n');
  });

  it('an archive where the package is a link (npm link, pnpm) gets the same stable path', async () => {
    const root = repo('https://github.com/o/n.git');
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'archive-lint.js'), 'init'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(written(root).$schema).toBeUndefined();
    mkdirSync(join(root, 'node_modules'));
    symlinkSync(REPO, join(root, 'node_modules', 'archive-lint'));
    const linked = spawnSync(process.execPath, [join(root, 'node_modules', 'archive-lint', 'bin', 'archive-lint.js'), 'init', '--force'], { cwd: root, encoding: 'utf8' });
    expect(linked.status).toBe(0);
    expect(written(root).$schema).toBe('./node_modules/archive-lint/archive-lint.schema.json');
  });
});
