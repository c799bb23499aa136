/**
 * The engine: walk → per-file step (parse once, per-file rules, extraction) → archive index →
 * cross-file checks → results. It never prints and never exits.
 */
import { relative, resolve, sep } from 'node:path';
import { statSync } from 'node:fs';
import { ArchiveIndex, type TargetIndex } from './target-index.js';
import { FsIndex } from './fs-index.js';
import { processFile, type ProcessSettings } from './process-file.js';
import { walk } from './walk.js';
import { isSuppressed } from './suppress.js';
import { makeResult, toMessage } from './results.js';
import type { ResolvedConfig } from './config.js';
import type { CrossFileContext, RuleModule } from './rule.js';
import type { RepoIdentity } from './github.js';
import type { FileOutcome, LintMessage, LintResult } from '../types.js';
import { rules as allRules } from '../../rules/index.js';

export interface LintOptions {
  /** Absolute archive root. */
  root: string;
  /** Absolute files or folders to lint (default: the whole root). */
  paths?: string[];
  config: ResolvedConfig;
  repo?: RepoIdentity;
  rules?: readonly RuleModule[];
  onProgress?: (done: number, total: number, path: string) => void;
}

/** A problem with the run itself (exit 2): unreadable files and folders, internal errors. */
export interface RunProblem {
  path: string;
  message: string;
}

export interface LintReport {
  results: LintResult[];
  runProblems: RunProblem[];
  stats: { linted: number; indexed: number; ms: number };
}

function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** Restrict the files to lint to those under the given paths. */
function selectPaths(lint: string[], root: string, paths: string[] | undefined): string[] {
  if (!paths || paths.length === 0) return lint;
  const prefixes = paths.map((p) => toRel(root, resolve(p)));
  if (prefixes.some((p) => p === '')) return lint;
  return lint.filter((f) => prefixes.some((p) => f === p || f.startsWith(`${p}/`)));
}

export async function lint(options: LintOptions): Promise<LintReport> {
  const started = performance.now();
  const rules = options.rules ?? allRules;
  const { root, config } = options;
  const walked = walk(root, { include: config.include, ignore: config.ignore });
  const files = selectPaths(walked.lint, root, options.paths);
  const runProblems: RunProblem[] = walked.problems.map((p) => ({ path: p.path, message: p.message }));
  const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve(root, v)]));

  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < files.length; i++) {
    const path = files[i] as string;
    const settings: ProcessSettings = { root, rules: config.rulesFor(path), mirrors, maxFileSize: config.maxFileSize };
    if (options.repo) settings.repo = options.repo;
    outcomes.push(processFile(path, rules, settings));
    options.onProgress?.(i + 1, files.length, path);
    // Let timers and I/O (progress output, signals) run on long walks.
    if (i % 64 === 63) await new Promise((r) => setImmediate(r));
  }

  const index = new ArchiveIndex(walked.files, (path) => {
    const o = processFile(path, [], { root, rules: {}, mirrors, maxFileSize: config.maxFileSize });
    return o.error ? undefined : new Set(o.facts.anchors);
  });
  for (const o of outcomes) if (!o.error) index.setAnchors(o.path, o.facts.anchors);
  const mirrorIndexes = new Map<string, TargetIndex | undefined>();
  const mirrorIndex = (key: string): TargetIndex | undefined => {
    if (!mirrorIndexes.has(key)) {
      const dir = mirrors[key];
      let ok = false;
      try {
        ok = dir !== undefined && statSync(dir).isDirectory();
      } catch {
        ok = false;
      }
      mirrorIndexes.set(key, ok ? new FsIndex(dir as string) : undefined);
    }
    return mirrorIndexes.get(key);
  };
  const ctx: CrossFileContext = { root, mirrors, index, mirrorIndex };
  if (options.repo) ctx.repo = options.repo;

  const results: LintResult[] = [];
  for (const o of outcomes) {
    const messages: LintMessage[] = [];
    if (o.error) {
      messages.push({ ruleId: null, severity: 2, fatal: true, message: o.error, line: 1, column: 1 });
      if (o.errorKind !== 'content') runProblems.push({ path: o.path, message: o.error });
    } else {
      const ruleConfigs = config.rulesFor(o.path);
      for (const p of o.problems) {
        const ruleSeverity = ruleConfigs[p.ruleId]?.severity ?? 2;
        const severity = ruleSeverity === 0 ? 0 : (p.severity ?? ruleSeverity);
        if (severity > 0) messages.push(toMessage(p, severity, o.lineStarts));
      }
      for (const rule of rules) {
        const rc = ruleConfigs[rule.meta.id];
        if (!rule.crossFile || !rc || rc.severity === 0) continue;
        for (const p of rule.crossFile(o.facts, ctx, rc.options)) {
          if (!isSuppressed(p, o.suppressions)) messages.push(toMessage(p, rc.severity, o.lineStarts));
        }
      }
    }
    results.push(makeResult(resolve(root, o.path), messages));
  }
  return { results, runProblems, stats: { linted: outcomes.length, indexed: index.size, ms: performance.now() - started } };
}
