/**
 * What to fix first: the largest groups of errors (a rule and a kind of finding), each with what fixes it (a
 * command) or, when nothing can, what it points at and how to silence it (a config line); and what `--fix` would
 * change in the whole archive. Plain data for the audit's summary, the HTML report and the Markdown summary.
 *
 * In: ESLint-style results, the root and the rules' metadata. Out: the plan. Messages are counted (as the JSON
 * report lists them), so that a step's count is the number of rows its filter shows in the report.
 */
import type { RuleMeta } from '../parse/rule.js';
import type { LintResult } from '../../types.js';
import { folderAt, folderDepth, kindName, missingTarget, rootRelative } from './summary.js';

export interface PlanStep {
  /** `null`: a file's own messages (not linted). */
  ruleId: string | null;
  messageId: string;
  /** The kind in words. */
  kind: string;
  /** Messages of this group: errors (or, in a plan of warnings, warnings). */
  count: number;
  severity: 1 | 2;
  files: number;
  /** Of them: with a safe fix (`--fix`), with an unsafe fix only (`--fix-unsafe`). */
  safe: number;
  unsafe: number;
  /** The folder that holds the most of them, when it holds at least half. */
  folder?: { name: string; count: number };
  /** The most-linked missing target of the group, for kinds that name one. */
  target?: { name: string; links: number; targets: number };
  /** Where the first of them is: root-relative path and line. */
  first: { file: string; line: number };
  /** A command that fixes the group (all of it, or `safe` / `unsafe` of it). */
  command?: string;
  /** A config line that silences it, when no command fixes it all. */
  config?: string;
}

export interface FixPlan {
  /** The largest groups, most first; errors, or warnings when there are no errors. */
  steps: PlanStep[];
  /** Groups of that severity left out of `steps`. */
  more: number;
  severity: 1 | 2;
  /** What `archive-lint check --fix` changes: findings with a safe fix, by severity, and their files. */
  fix: { findings: number; errors: number; warnings: number; files: number };
  /** Findings with an unsafe fix only (`--fix-unsafe`). */
  unsafe: number;
}

interface Group {
  ruleId: string | null;
  messageId: string;
  count: number;
  safe: number;
  unsafe: number;
  files: Set<number>;
  folders: Map<string, number>;
  targets: Map<string, number>;
  first: { file: string; line: number };
}

/** The plan's steps: at most `limit` (default 5). */
export function fixPlan(results: readonly LintResult[], root: string, rules: readonly RuleMeta[], limit = 5): FixPlan {
  const rels = results.map((r) => rootRelative(root, r.filePath));
  const depth = folderDepth(rels);
  const groups: Map<string, Group>[] = [new Map(), new Map()];
  const fix = { findings: 0, errors: 0, warnings: 0, files: 0 };
  let unsafe = 0;
  // Rules with unsafe fixes: the others are turned off in a step's --fix-unsafe command.
  const unsafeRules = new Set<string>();
  results.forEach((r, at) => {
    const folder = folderAt(rels[at] as string, depth);
    let fixedHere = false;
    for (const m of r.messages) {
      const sev = m.severity === 2 ? 1 : 0;
      const safe = m.fix !== undefined;
      const onlyUnsafe = !safe && (m.suggestions?.length ?? 0) > 0;
      if (safe) {
        fix.findings++;
        if (sev) fix.errors++;
        else fix.warnings++;
        fixedHere = true;
      } else if (onlyUnsafe) {
        unsafe++;
        if (m.ruleId !== null) unsafeRules.add(m.ruleId);
      }
      const messageId = m.messageId ?? (m.ruleId === null ? 'fatal' : '');
      const key = `${m.ruleId ?? ''}\0${messageId}`;
      const map = groups[sev] as Map<string, Group>;
      let g = map.get(key);
      if (g === undefined) {
        g = { ruleId: m.ruleId, messageId, count: 0, safe: 0, unsafe: 0, files: new Set(), folders: new Map(), targets: new Map(), first: { file: rels[at] as string, line: m.line } };
        map.set(key, g);
      }
      g.count++;
      if (safe) g.safe++;
      else if (onlyUnsafe) g.unsafe++;
      g.files.add(at);
      g.folders.set(folder, (g.folders.get(folder) ?? 0) + 1);
      const target = missingTarget(m);
      if (target !== undefined) g.targets.set(target.target, (g.targets.get(target.target) ?? 0) + 1);
    }
    if (fixedHere) fix.files++;
  });
  const severity: 1 | 2 = (groups[1] as Map<string, Group>).size > 0 ? 2 : 1;
  const chosen = [...(groups[severity - 1] as Map<string, Group>).values()].sort(
    (a, b) => b.count - a.count || (a.ruleId ?? '').localeCompare(b.ruleId ?? '') || a.messageId.localeCompare(b.messageId),
  );
  // A rule turned down in the config for one kind is advice only when that kind is all the rule has.
  const byRule = new Map<string | null, number>();
  for (const g of chosen) byRule.set(g.ruleId, (byRule.get(g.ruleId) ?? 0) + g.count);
  const steps = chosen.slice(0, limit).map((g) => step(g, severity, rules, unsafeRules, byRule.get(g.ruleId) === g.count));
  return { steps, more: Math.max(0, chosen.length - steps.length), severity, fix, unsafe };
}

function step(g: Group, severity: 1 | 2, rules: readonly RuleMeta[], unsafeRules: ReadonlySet<string>, wholeRule: boolean): PlanStep {
  const s: PlanStep = {
    ruleId: g.ruleId,
    messageId: g.messageId,
    kind: kindName(rules, g.ruleId, g.messageId),
    count: g.count,
    severity,
    files: g.files.size,
    safe: g.safe,
    unsafe: g.unsafe,
    first: g.first,
  };
  const [folder, inFolder] = [...g.folders].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  if (inFolder * 2 >= g.count && g.folders.size > 1 && folder !== '.') s.folder = { name: folder, count: inFolder };
  const [target, links] = [...g.targets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  if (links > 0) s.target = { name: target, links, targets: g.targets.size };
  if (g.safe > 0) s.command = 'archive-lint check --fix';
  else if (g.unsafe > 0 && g.ruleId !== null) {
    const others = [...unsafeRules].filter((id) => id !== g.ruleId).sort();
    s.command = ['archive-lint check --fix-unsafe', ...others.map((id) => `--rule ${id}=off`)].join(' ');
  }
  // Silencing: the rule turned down where most of them are, or everywhere when this kind is all the rule found.
  if (g.ruleId !== null && g.safe + g.unsafe < g.count) {
    const off = severity === 2 ? 'warn' : 'off';
    if (s.folder) s.config = `"overrides": [{ "files": ["${jsonText(s.folder.name)}/**"], "rules": { "${g.ruleId}": "${off}" } }]`;
    else if (wholeRule) s.config = `"rules": { "${g.ruleId}": "${off}" }`;
  }
  return s;
}

/** Text inside a JSON string. */
function jsonText(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** The step's advice in words: what fixes it, or what it points at. */
export function stepAdvice(s: PlanStep, format: (n: number) => string = String): string {
  const parts: string[] = [];
  if (s.safe === s.count) parts.push(s.count === 1 ? '--fix fixes it' : '--fix fixes all of them');
  else if (s.safe > 0) parts.push(`--fix fixes ${format(s.safe)}`);
  if (s.unsafe === s.count) parts.push(`${s.count === 1 ? 'it has' : 'each has'} an unsafe fix, which may change what a reader sees: review it with --fix-dry-run first`);
  else if (s.unsafe > 0) parts.push(`${format(s.unsafe)} have an unsafe fix`);
  // A target that one link of many points at is no lead: each is its own (a page never mirrored).
  if (s.target && (s.target.links > 1 || s.count === 1)) {
    const more = s.target.targets > 1 ? ` (the most-linked of ${format(s.target.targets)} missing targets)` : '';
    parts.push(`${s.target.links === s.count ? (s.count === 1 ? 'it links' : 'all link') : `${format(s.target.links)} of them link`} to '${s.target.name}'${more}: restore it or rewrite the links`);
  }
  if (s.folder) parts.push(`${format(s.folder.count)} in ${s.folder.name}/`);
  return parts.join('; ');
}
