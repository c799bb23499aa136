/**
 * The results phase: each file's result, built as it is read — its per-file messages, its cross-file ones
 * (found now, or reused from the cache while the archive index is unchanged) and its external ones. In: the
 * outcomes, the cross-file checks, the cache; out: the results, a file at a time, in walk order.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { capMessages, compareMessages, makeResult, toMessage } from './results.js';
import { resultOf } from '../cache/packed.js';
import { crossProblems, type CrossFileChecks, type CrossTally } from '../links/cross-file.js';
import { touchedRanges } from '../walk/changed.js';
import { onChangedLine, type ChangedLines } from '../walk/diff-lines.js';
import { isMarkdownPath, type ArchiveIndex } from '../links/target-index.js';
import type { Breakage } from '../walk/select.js';
import type { FileCache } from '../cache/cache.js';
import type { RepoIdentity } from '../links/github.js';
import { isSuppressed } from '../parse/suppress.js';
import type { FileOutcome, LintMessage, LintResult, RawProblem } from '../../types.js';

export interface ResultsRun {
  root: string;
  checks: CrossFileChecks;
  repo: RepoIdentity | undefined;
  /**
   * In a change-aware run, what the change took away, and the files it changed: a file linted only because it
   * links to what was taken away reports only the messages the change caused in it, not its older problems.
   */
  breakage: Breakage | undefined;
  /**
   * In a change-aware run, what tells an introduced problem from an existing one: the lines the change wrote in
   * each file, and whether it changed what every message depends on (the config).
   */
  change?: { lines: ChangedLines; everything: boolean } | undefined;
  /** Report the suppression comments that silence nothing (`--report-unused-suppressions`). */
  reportUnused?: boolean;
}

/**
 * The suppression comments of a file that silence nothing, as warnings of no rule (ESLint's unused disable
 * directives): no per-file problem of theirs, and no cross-file problem (`silenced`) where they act.
 */
function unusedComments(o: FileOutcome, silenced: readonly RawProblem[]): LintMessage[] {
  const out: LintMessage[] = [];
  for (const c of o.comments ?? []) {
    if (c.used || c.external || silenced.some((p) => isSuppressed(p, c.covers))) continue;
    const m = toMessage({ ruleId: '', messageId: 'unused-suppression', message: `Suppression comment '${c.text}' silences nothing here`, start: c.start, end: c.end }, 1, o.lineStarts);
    out.push({ ...m, ruleId: null });
  }
  return out;
}

/**
 * Each message of a change-aware run marked `introduced` (the change caused it: on a line it added or modified, at a
 * link to what it took away, or anywhere when it changed the config) or not (it was there before).
 */
function classify(run: ResultsRun, path: string, result: LintResult, caused: (m: LintMessage) => boolean): LintResult {
  const change = run.change;
  if (!change) return result;
  const hunks = change.lines.get(path);
  const messages = result.messages.map((m) => ({ ...m, introduced: change.everything || onChangedLine(hunks, m.line, m.endLine ?? m.line) || caused(m) }));
  return makeResult(result.filePath, messages);
}

/**
 * A file's result: its per-file messages (from the per-file step), its cross-file ones (sorted, and returned for
 * the cache) and `external` ones (about its URLs, never cached with the others).
 */
function resultFor(run: ResultsRun, o: FileOutcome, external: LintMessage[] = [], tally: CrossTally = { suppressed: 0, notChecked: 0 }): { result: LintResult; cross: LintMessage[] } {
  const filePath = resolve(run.root, o.path);
  // A file that could not be linted still has what the archive says of it (no page links to it).
  if (o.error) return { result: classify(run, o.path, makeResult(filePath, [{ ruleId: null, severity: 2, fatal: true, message: o.error, line: 1, column: 1 }, ...external]), () => true), cross: [] };
  if (run.breakage && !run.breakage.direct.has(o.path)) {
    // Linted only for what the change broke in it: the messages at its links to what the change took away.
    const ranges = touchedRanges(o.facts, run.breakage.touched, run.repo);
    const caused = crossProblems(run.checks, o)
      .filter(({ problem }) => ranges.some(([start, end]) => problem.start >= start && problem.end <= end))
      .map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
    return { result: classify(run, o.path, resultOf(filePath, { messages: [] }, caused), () => true), cross: caused };
  }
  // Capped apart from the per-file ones, so that a page's thousands of warnings never hide its broken links.
  const silenced: RawProblem[] = [];
  const counted = { suppressed: 0, notChecked: 0, problems: silenced };
  const problems = crossProblems(run.checks, o, counted);
  tally.suppressed += counted.suppressed;
  tally.notChecked += counted.notChecked;
  const raw = problems.map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
  if (run.reportUnused && o.comments) raw.push(...unusedComments(o, silenced));
  const max = run.checks.config.maxMessagesPerFile;
  const cross = raw.length > max ? capMessages(raw.sort(compareMessages), max) : raw;
  const result = withNotChecked(resultOf(filePath, o, external.length ? [...cross, ...external] : cross), (o.notChecked ?? 0) + tally.notChecked);
  if (!run.change || !run.breakage) return { result, cross };
  // Cross-file messages at a link to what the change took away (a deleted page, a removed heading) are its doing.
  const ranges = touchedRanges(o.facts, run.breakage.touched, run.repo);
  const causedSet = new Set(ranges.length ? raw.filter((_, k) => ranges.some(([start, end]) => (problems[k] as (typeof problems)[number]).problem.start >= start && (problems[k] as (typeof problems)[number]).problem.end <= end)) : []);
  return { result: classify(run, o.path, result, (m) => causedSet.has(m)), cross };
}

function withNotChecked(result: LintResult, n: number): LintResult {
  if (n > 0) result.notCheckedCount = n;
  return result;
}

/**
 * What every file's cross-file messages depend on besides the file: which files exist, and the anchors of the
 * Markdown ones (or, where they are not at hand, their size and time). Undefined when a file went away meanwhile.
 */
export function indexFingerprint(files: readonly string[], index: ArchiveIndex, cache: FileCache, root: string): string | undefined {
  const h = createHash('sha1');
  for (const path of [...files].sort()) {
    h.update(path).update('\0');
    if (!isMarkdownPath(path)) continue;
    const anchors = index.knownAnchors(path) ?? cache.links(root, path)?.anchors;
    if (anchors) {
      for (const a of anchors) h.update(a).update('\u0001');
    } else {
      const stamp = cache.stamp(root, path);
      if (!stamp) return undefined;
      h.update(`\u0002${stamp.size}:${stamp.mtimeMs}`);
    }
    h.update('\0');
  }
  return h.digest('hex');
}

/** The outcomes as the results phase reads them (and lets them go). */
export interface ResultOutcomes {
  readonly files: readonly string[];
  readonly order: readonly number[];
  readonly slots: (FileOutcome | undefined)[];
  readonly hit: readonly boolean[];
  at(i: number): FileOutcome;
}

export interface ResultsOptions {
  cache: FileCache | undefined;
  /** The archive index's fingerprint, when the cache may serve and store cross-file messages. */
  fingerprint: string | undefined;
  /** A file's external messages (by index), when URLs were checked. */
  external: ((i: number) => LintMessage[]) | undefined;
  cacheStats: { reused: number } | undefined;
  /**
   * Counts the problems inline comments suppressed, and the findings the profile cannot check (per-file and
   * cross-file; cached files' too).
   */
  tally: CrossTally;
}

/** Each file's messages (per-file and cross-file), its outcome let go once they are built unless the cache needs it. */
export function* resultsPhase(run: ResultsRun, outcomes: ResultOutcomes, options: ResultsOptions): Generator<LintResult> {
  const { cache, fingerprint, external, cacheStats, tally } = options;
  const { files, slots, hit } = outcomes;
  const keep = cache !== undefined;
  for (const i of outcomes.order) {
    const path = files[i] as string;
    if (!slots[i] && fingerprint !== undefined) {
      const json = cache?.cross(path, fingerprint);
      if (json !== undefined) {
        if (cacheStats) cacheStats.reused++;
        const cross = JSON.parse(json) as LintMessage[];
        if (external) cross.push(...external(i));
        tally.suppressed += cache?.suppressedOf(path) ?? 0;
        const notChecked = cache?.notCheckedOf(path) ?? 0;
        tally.notChecked += notChecked;
        yield withNotChecked(resultOf(resolve(run.root, path), { messages: [], packed: cache?.packed(path) }, cross), notChecked);
        continue;
      }
    }
    const o = outcomes.at(i);
    // The cache holds a served file's outcome as bytes already.
    if (!keep || hit[i]) slots[i] = undefined;
    const crossTally = { suppressed: 0, notChecked: 0 };
    const { result, cross } = resultFor(run, o, external?.(i), crossTally);
    tally.suppressed += (o.suppressed ?? 0) + crossTally.suppressed;
    tally.notChecked += (o.notChecked ?? 0) + crossTally.notChecked;
    if (fingerprint !== undefined && !o.error) cache?.setCross(path, fingerprint, JSON.stringify(cross), crossTally.suppressed, crossTally.notChecked);
    yield result;
  }
}
