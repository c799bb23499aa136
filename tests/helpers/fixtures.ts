/**
 * The small rule tester: lint a fixture tree with one rule on and compare with its `expected.json`; fix a copy
 * of it and compare with the expected output tree beside it (`SCENARIO.fixed/`, `SCENARIO.fixed-unsafe/`).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type FixOptions } from '../../src/core/engine.js';
import { loadConfig } from '../../src/core/config.js';
import { parseRepoSlug } from '../../src/core/github.js';
import { rules } from '../../rules/index.js';
import type { LintResult, Severity } from '../../src/types.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface Expected {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix?: 'safe' | 'unsafe';
}

export function scenarios(ruleId: string): string[] {
  const dir = join(FIXTURES, ruleId);
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory() && !n.includes('.'))
    .sort();
}

async function run(ruleId: string, root: string, fix?: FixOptions) {
  const only: Record<string, Severity> = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === ruleId ? 2 : 0]));
  const config = await loadConfig(root, undefined, rules, only);
  const slug = config.repository ? parseRepoSlug(config.repository) : undefined;
  return lint({ root, config, ...(slug ? { repo: { ...slug, branch: config.branch ?? 'master' } } : {}), ...(fix ? { fix } : {}) });
}

export function rows(root: string, results: LintResult[]): Expected[] {
  const out: Expected[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const row: Expected = { file: relative(root, r.filePath).split(sep).join('/'), line: m.line, column: m.column, endLine: m.endLine ?? m.line, endColumn: m.endColumn ?? m.column, message: m.message };
      if (m.fix) row.fix = 'safe';
      else if (m.suggestions?.length) row.fix = 'unsafe';
      out.push(row);
    }
  }
  return out;
}

/** Lint `fixtures/RULE/SCENARIO` with only RULE on; messages as plain rows. */
export async function lintFixture(ruleId: string, scenario: string): Promise<Expected[]> {
  const root = join(FIXTURES, ruleId, scenario);
  return rows(root, (await run(ruleId, root)).results);
}

export function expectedFor(ruleId: string, scenario: string): Expected[] | undefined {
  const file = join(FIXTURES, ruleId, scenario, 'expected.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Expected[]) : undefined;
}

/** Every file of a tree, as path → bytes (as latin1 strings, so any byte compares). */
export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else out[relative(root, abs).split(sep).join('/')] = readFileSync(abs, 'latin1');
    }
  };
  visit(root);
  return out;
}

export interface FixRun {
  before: Record<string, string>;
  after: Record<string, string>;
  /** The tree after fixing a second time. */
  again: Record<string, string>;
  /** Rows after fixing, with what is still fixable. */
  remaining: Expected[];
  root: string;
}

/** Fix a temporary copy of a fixture scenario (twice), with only RULE on. */
export async function fixFixture(ruleId: string, scenario: string, mode: 'safe' | 'unsafe'): Promise<FixRun> {
  const src = join(FIXTURES, ruleId, scenario);
  const root = mkdtempSync(join(tmpdir(), `archive-lint-fix-${scenario}-`));
  try {
    cpSync(src, root, { recursive: true });
    rmSync(join(root, 'expected.json'), { force: true });
    const before = readTree(root);
    const first = await run(ruleId, root, { mode, dryRun: false });
    const after = readTree(root);
    await run(ruleId, root, { mode, dryRun: false });
    const again = readTree(root);
    return { before, after, again, remaining: rows(root, first.results), root: src };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The expected output tree of a scenario for a fix mode, if there is one. */
export function fixedTreeFor(ruleId: string, scenario: string, mode: 'safe' | 'unsafe'): Record<string, string> | undefined {
  const dir = join(FIXTURES, ruleId, `${scenario}.${mode === 'safe' ? 'fixed' : 'fixed-unsafe'}`);
  return existsSync(dir) ? readTree(dir) : undefined;
}
