/** The small rule tester: lint a fixture tree with one rule on, and compare with its `expected.json`. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../src/core/engine.js';
import { loadConfig } from '../../src/core/config.js';
import { parseRepoSlug } from '../../src/core/github.js';
import { rules } from '../../rules/index.js';
import type { Severity } from '../../src/types.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface Expected {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export function scenarios(ruleId: string): string[] {
  const dir = join(FIXTURES, ruleId);
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
}

/** Lint `fixtures/RULE/SCENARIO` with only RULE on; messages as plain rows. */
export async function lintFixture(ruleId: string, scenario: string): Promise<Expected[]> {
  const root = join(FIXTURES, ruleId, scenario);
  const only: Record<string, Severity> = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === ruleId ? 2 : 0]));
  const config = await loadConfig(root, undefined, rules, only);
  const slug = config.repository ? parseRepoSlug(config.repository) : undefined;
  const report = await lint({ root, config, ...(slug ? { repo: { ...slug, branch: config.branch ?? 'master' } } : {}) });
  const rows: Expected[] = [];
  for (const r of report.results) {
    for (const m of r.messages) {
      rows.push({ file: relative(root, r.filePath).split(sep).join('/'), line: m.line, column: m.column, endLine: m.endLine ?? m.line, endColumn: m.endColumn ?? m.column, message: m.message });
    }
  }
  return rows;
}

export function expectedFor(ruleId: string, scenario: string): Expected[] | undefined {
  const file = join(FIXTURES, ruleId, scenario, 'expected.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Expected[]) : undefined;
}
