/**
 * The fix passes, all files at once. In: every linted file's outcome, its fixes (per-file, cross-file, and the
 * external ones offered on the first pass); out: the fixed texts, each linted again after every pass, then
 * written (unless a dry run), and what became of each file.
 */
import { join } from 'node:path';
import { applyFixes } from './fix.js';
import { writeFixed } from './write.js';
import { emptyOutcome, readSource, type FileJob, type Source } from '../parse/process-file.js';
import { hashBytes } from '../cache/cache.js';
import { outcomeMessages } from '../cache/packed.js';
import { crossProblems, type CrossFileChecks } from '../links/cross-file.js';
import { capMessages, compareMessages, toMessage } from '../report/results.js';
import type { ArchiveIndex } from '../links/target-index.js';
import type { RunProblem } from '../walk/walk.js';
import type { FileOutcome, Fix } from '../../types.js';

/** At most this many fix passes per file, as ESLint. */
export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** `safe` applies safe fixes; `unsafe` applies every fix. */
  mode: 'safe' | 'unsafe';
  /** Compute the fixed text but write nothing. */
  dryRun: boolean;
}

export interface FixedFile {
  /** Root-relative path. */
  path: string;
  before: string;
  after: string;
  bom: boolean;
  /** Fixes applied over all passes. */
  fixes: number;
  /** Written to disk (false for a dry run or a failed write). */
  written: boolean;
}

/** What the fix passes work with. */
export interface FixRun {
  root: string;
  maxFileSize: number;
  checks: CrossFileChecks;
  index: ArchiveIndex;
  /** The per-file step on fixed texts; returns whether it was interrupted. */
  reprocess: (jobs: FileJob[], onDone: (k: number, o: FileOutcome) => void) => Promise<boolean>;
  runProblems: RunProblem[];
  /** Things said on stderr that do not fail the run (a file linted again because it changed, a hard link split). */
  notes: string[];
}

/** The run's outcomes, as the fix passes read and replace them. */
export interface FixableOutcomes {
  /** The files with an outcome, in order. */
  readonly order: readonly number[];
  at(i: number): FileOutcome;
  set(i: number, o: FileOutcome): void;
}

function fixesOf(run: FixRun, o: FileOutcome, mode: FixOptions['mode']): Fix[] {
  if (o.error) return [];
  const fixes: Fix[] = [];
  for (const m of outcomeMessages(o)) {
    if (m.fix) fixes.push(m.fix);
    else if (mode === 'unsafe' && m.suggestions?.[0]) fixes.push(m.suggestions[0].fix);
  }
  // Only the cross-file problems the report lists (maxMessagesPerFile, errors first): never a fix of one it never showed.
  const cross = crossProblems(run.checks, o).map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
  for (const m of capMessages(cross.sort(compareMessages), run.checks.config.maxMessagesPerFile)) {
    if (m.fix) fixes.push(m.fix);
    else if (mode === 'unsafe' && m.suggestions?.[0]) fixes.push(m.suggestions[0].fix);
  }
  return fixes;
}

interface FixJob {
  /** Index in the run's outcomes. */
  at: number;
  original: FileOutcome;
  source: Source;
  text: string;
  current: FileOutcome;
  fixes: number;
  /** The fixes of `current`, when already computed (the first pass). */
  pending: Fix[] | undefined;
}

/**
 * The fix phase: fix every file with an outcome, and put the outcomes of the fixed texts in their place.
 * `externalFixes` gives the fixes of a file's external messages (by its index); `onWritten` is told of each
 * file written. Returns the files fixed and whether the run was interrupted.
 */
export async function fixPhase(
  run: FixRun,
  outcomes: FixableOutcomes,
  options: FixOptions,
  externalFixes: ((i: number, mode: FixOptions['mode']) => Fix[]) | undefined,
  onWritten: (o: FileOutcome) => void,
): Promise<{ fixed: FixedFile[]; interrupted: boolean }> {
  const fixed: FixedFile[] = [];
  const order = outcomes.order;
  const list = order.map((i) => outcomes.at(i));
  const interrupted = await fixAll(run, list, options, fixed, externalFixes ? (at) => externalFixes(order[at] as number, options.mode) : undefined);
  order.forEach((i, k) => outcomes.set(i, list[k] as FileOutcome));
  const byPath = new Map(list.map((o) => [o.path, o]));
  for (const f of fixed) {
    const o = byPath.get(f.path);
    if (f.written && o) onWritten(o);
  }
  return { fixed, interrupted };
}

/**
 * Fix passes, all files at once: each pass applies every file's fixes on the main thread (they may depend on
 * the archive index), then runs the per-file step on the fixed texts, on the workers when there are enough.
 * Every file sees the others as they were after the previous pass, whatever the order. Then each fixed file is
 * written. Interrupted, a pass's unprocessed texts are dropped, and what the earlier passes fixed is written.
 */
async function fixAll(run: FixRun, outcomes: FileOutcome[], options: FixOptions, fixed: FixedFile[], externalFixes?: (at: number) => Fix[]): Promise<boolean> {
  const jobs: FixJob[] = [];
  // Files whose text is no longer the one their outcome was found on: linted again, then fixed.
  const changed: { at: number; source: Source; hash: string }[] = [];
  for (let at = 0; at < outcomes.length; at++) {
    const o = outcomes[at] as FileOutcome;
    // Fixes of external messages (web-archive snapshots) are offered for the original text: the first pass only.
    const pending = externalFixes ? [...fixesOf(run, o, options.mode), ...externalFixes(at)] : fixesOf(run, o, options.mode);
    if (pending.length === 0) continue;
    const source = readSource(join(run.root, o.path), run.maxFileSize);
    if (!('text' in source)) {
      // Gone, grown past the limit or made unreadable since it was linted: said as what it is now.
      outcomes[at] = { ...emptyOutcome(o.path, `${source.reason} (it changed since it was read; not fixed)`, source.kind), facts: o.facts };
      continue;
    }
    // A fix is an edit of the text it was computed on, and of no other: the offsets of a text that changed since
    // (an editor's save, a sync script, another run) would cut the new text at the wrong places.
    const hash = hashBytes(source.bytes);
    if (o.hash !== hash) {
      changed.push({ at, source, hash });
      continue;
    }
    jobs.push({ at, original: o, source, text: source.text, current: o, fixes: 0, pending });
  }
  let interrupted = false;
  if (changed.length) {
    const relinted: (FileOutcome | undefined)[] = new Array(changed.length);
    interrupted = await run.reprocess(
      changed.map(({ at, source }) => ({ path: (outcomes[at] as FileOutcome).path, text: source.text, bom: source.bom })),
      (k, o) => {
        relinted[k] = o;
      },
    );
    changed.forEach(({ at, source, hash }, k) => {
      const o = relinted[k];
      const path = (outcomes[at] as FileOutcome).path;
      if (!o) {
        outcomes[at] = { ...emptyOutcome(path, 'file changed on disk since it was read; not fixed (the run was interrupted before it was linted again)', 'io'), facts: (outcomes[at] as FileOutcome).facts };
        return;
      }
      // The outcome of the text now on disk: what is reported, and what the cache may keep.
      if (!o.error) {
        o.hash = hash;
        o.stamp = source.stamp;
        run.index.setAnchors(o.path, o.facts.anchors);
      }
      outcomes[at] = o;
      const pending = o.error ? [] : fixesOf(run, o, options.mode);
      if (pending.length) jobs.push({ at, original: o, source, text: source.text, current: o, fixes: 0, pending });
    });
    run.notes.push(`${changed.length} file${changed.length === 1 ? '' : 's'} changed on disk during the run: linted again before fixing (${changed.slice(0, 3).map(({ at }) => (outcomes[at] as FileOutcome).path).join(', ')}${changed.length > 3 ? ', …' : ''})`);
  }
  // In the order of the files, whichever were linted again.
  jobs.sort((x, y) => x.at - y.at);
  let active = jobs;
  for (let pass = 0; pass < MAX_FIX_PASSES && active.length > 0 && !interrupted; pass++) {
    const next: { job: FixJob; before: string; fixes: number }[] = [];
    for (const job of active) {
      const fixes = job.pending ?? fixesOf(run, job.current, options.mode);
      job.pending = undefined;
      if (fixes.length === 0) continue;
      const applied = applyFixes(job.text, fixes);
      if (applied.applied.length === 0 || applied.text === job.text) continue;
      next.push({ job, before: job.text, fixes: applied.applied.length });
      job.text = applied.text;
    }
    const processed: (FileOutcome | undefined)[] = new Array(next.length);
    interrupted = await run.reprocess(
      next.map(({ job }) => ({ path: job.original.path, text: job.text, bom: job.source.bom })),
      (k, o) => {
        processed[k] = o;
      },
    );
    next.forEach(({ job, before, fixes }, k) => {
      const o = processed[k];
      if (!o) {
        job.text = before;
        return;
      }
      job.current = o;
      job.fixes += fixes;
      if (!o.error) run.index.setAnchors(o.path, o.facts.anchors);
    });
    active = next.filter((_, k) => processed[k] !== undefined).map(({ job }) => job);
  }
  for (const job of jobs) outcomes[job.at] = writeFixJob(run, job, options, fixed);
  return interrupted;
}

/** Write one fixed file (unless a dry run) and say what became of it; the outcome to report. */
function writeFixJob(run: FixRun, job: FixJob, options: FixOptions, fixed: FixedFile[]): FileOutcome {
  const { original: o, source, text } = job;
  if (text === source.text) return job.current;
  const entry: FixedFile = { path: o.path, before: source.text, after: text, bom: source.bom, fixes: job.fixes, written: false };
  fixed.push(entry);
  if (!options.dryRun) {
    const w = writeFixed(run.root, join(run.root, o.path), source.bytes, text, source.bom);
    if (w.ok) {
      entry.written = true;
      // The outcome of the text written, tied to its bytes and the stat of the file written: the cache keeps it.
      job.current.hash = w.hash;
      job.current.stamp = w.stamp;
      for (const note of w.notes) run.notes.push(`${o.path}: ${note}`);
    } else if (w.changed) {
      // Someone wrote the file between its last read and the rename: their text stays, and is not ours to report.
      run.index.setAnchors(o.path, o.facts.anchors);
      return { ...emptyOutcome(o.path, w.reason, 'io'), facts: o.facts };
    } else {
      run.runProblems.push({ path: o.path, message: w.reason });
      // The file on disk is unchanged: report what it still holds.
      run.index.setAnchors(o.path, o.facts.anchors);
      return o;
    }
  }
  return job.current;
}
