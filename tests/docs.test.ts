/**
 * The README and the docs/ pages are read by people who cannot ask us what a dead link meant. archive-lint lints
 * them itself (every link, anchor and image must resolve), the README links every docs/ page, and no line of them
 * names a git tag, a commit or a file of this repository that does not exist (`rev: v0.1.0` made
 * `pre-commit install-hooks` fail for every user who copied it).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './helpers/tree.js';
import { git, gitSpawn } from './helpers/git.js';
import type { LintResult } from '../src/types.js';
import { REPOSITORY_URL } from '../src/repository.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const DOCS = readdirSync(`${ROOT}/docs`).filter((f) => f.endsWith('.md')).sort();
const PAGES = ['README.md', ...DOCS.map((f) => `docs/${f}`)];
const text = (file: string): string => readFileSync(`${ROOT}/${file}`, 'utf8');

describe('the README and docs/', () => {
  it('every link, anchor and image resolves (archive-lint on itself)', async () => {
    const r = await run(ROOT, ['check', 'README.md', 'docs', 'rules', '--root', ROOT, '--no-cache', '--no-external', '--format', 'json']);
    const results = JSON.parse(r.stdout) as LintResult[];
    expect(results.map((f) => f.filePath.slice(ROOT.length + 1))).toEqual(expect.arrayContaining(PAGES));
    const broken = results.flatMap((f) =>
      f.messages.filter((m) => m.ruleId === null || m.ruleId === 'no-broken-links' || m.ruleId === 'no-missing-images').map((m) => `${f.filePath.slice(ROOT.length + 1)}:${m.line}:${m.column} ${m.message}`),
    );
    expect(broken).toEqual([]);
  });

  it("the README's example output is what the run command prints on examples/archive/", async () => {
    const script = (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts.audit as string;
    expect(script).toBe('node bin/archive-lint.js audit examples/archive --root examples/archive --no-external');
    const r = await run(ROOT, ['audit', 'examples/archive', '--root', 'examples/archive', '--no-external', '--no-cache', '--report', join(tmpdir(), `archive-lint-docs-${process.pid}.html`)]);
    expect(r.code).toBe(1);
    const block = /```text\n(Summary by rule\n[\s\S]*?)```/.exec(text('README.md'))?.[1];
    expect(block).toBeDefined();
    expect(r.stdout).toContain(`\n${block}\n`);
    rmSync(join(tmpdir(), `archive-lint-docs-${process.pid}.html`), { force: true });
    const check = await run(ROOT, ['check', 'examples/archive', '--root', 'examples/archive', '--no-cache', '--quiet']);
    const listing = /```text\n(examples\/archive\/[\s\S]*?)```/.exec(text('README.md'))?.[1];
    expect(listing).toBeDefined();
    expect(check.stdout).toContain(`\n${listing}`);
  });

  it('the README links every docs/ page', () => {
    const readme = text('README.md');
    expect(DOCS.length).toBeGreaterThanOrEqual(8);
    expect(DOCS.filter((f) => !readme.includes(`](docs/${f}`))).toEqual([]);
  });

  it("the README's first screen gives the three commands of a clone, and how long the tests take", () => {
    const first = text('README.md').split('\n').slice(0, 25).join('\n');
    expect(first).toMatch(/^npm ci\b/m);
    expect(first).toMatch(/^npm test\b.*\d+ minutes/m);
    expect(first).toMatch(/^npm run audit\b/m);
    expect(text('README.md').split('\n').length).toBeLessThanOrEqual(160);
  });

  it('names no tag, commit or file of this repository that does not exist', () => {
    const tags = new Set(git(ROOT, 'tag', '--list').split('\n').filter(Boolean));
    const shallow = git(ROOT, 'rev-parse', '--is-shallow-repository') === 'true';
    const wrong: string[] = [];
    let refs = 0;
    for (const page of PAGES) {
      text(page)
        .split('\n')
        .forEach((line, i) => {
          const where = `${page}:${i + 1}`;
          for (const m of line.matchAll(/(?:\brev:\s*|\buses:\s*archive-lint\/archive-lint@)([^\s#]+)/g)) {
            const ref = m[1] as string;
            refs++;
            if (tags.has(ref)) continue;
            if (!/^[0-9a-f]{40}$/.test(ref)) wrong.push(`${where}: '${ref}' is no tag of this repository and no full commit id`);
            // A shallow clone (CI) may not hold an older commit: its form is all that can be checked there.
            else if (!shallow && gitSpawn(ROOT, ['cat-file', '-e', `${ref}:.pre-commit-hooks.yaml`]).status !== 0) wrong.push(`${where}: no commit ${ref} with a .pre-commit-hooks.yaml`);
            else if (!shallow && gitSpawn(ROOT, ['cat-file', '-e', `${ref}:action.yml`]).status !== 0) wrong.push(`${where}: no commit ${ref} with an action.yml`);
          }
          for (const m of line.matchAll(/`((?:examples|docs|rules|src|tests|bench|fixtures|bin|\.github|\.ci)\/[^\s`*{}<>]*)`/g)) {
            const path = (m[1] as string).replace(/[#:].*$/, '');
            if (!existsSync(`${ROOT}/${path}`)) wrong.push(`${where}: '${path}' does not exist`);
          }
        });
    }
    expect(refs).toBeGreaterThanOrEqual(4);
    expect(wrong).toEqual([]);
  });

  it("names archive-lint's repository only by package.json's address", () => {
    const canonical = REPOSITORY_URL.replace('https://github.com/', '');
    const other: string[] = [];
    let named = 0;
    for (const page of PAGES) {
      for (const m of text(page).matchAll(/(?:github\.com\/|github:|uses:\s*)([\w.-]+\/archive-lint)\b/g)) {
        named++;
        if (m[1] !== canonical) other.push(`${page}: ${m[0]}`);
      }
    }
    expect(named).toBeGreaterThanOrEqual(4);
    expect(other).toEqual([]);
  });
});
