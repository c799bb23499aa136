/**
 * The language server's view of the archive: the same core as the command line (config, rules, per-file step,
 * archive index, cross-file checks), kept live. In: the root, the resolved config and the rules; out: each text's
 * messages (per-file and cross-file) against the archive as it is now, and which other files an edit breaks or
 * mends.
 *
 * The index is built once from the cache (each file's anchors and link targets, in `links.v8`); files the cache
 * does not hold are linted once by the core's `lint()`, which writes them into it, as a CLI run would. After that
 * it is kept current from the editor: an open text's anchors and links replace the file's, and watched-file
 * events add, change and remove files.
 */
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { FileCache } from '../core/cache/cache.js';
import { outcomeMessages } from '../core/cache/packed.js';
import { cacheKey, lint } from '../core/run/engine.js';
import { ResidentWorker } from '../core/run/resident.js';
import { IN_PROCESS_MAX_BYTES, settingsFor, type PerFileRun } from '../core/run/per-file.js';
import { walkArchive } from '../core/walk/select.js';
import { localTargets } from '../core/walk/changed.js';
import { archiveIndexPhase } from '../core/links/archive.js';
import { crossProblems, type CrossFileChecks } from '../core/links/cross-file.js';
import { isMarkdownPath, type ArchiveIndex } from '../core/links/target-index.js';
import { emptyOutcome, jobSize, processJob, type FileJob } from '../core/parse/process-file.js';
import { factsOf } from '../core/parse/facts.js';
import { toMessage } from '../core/report/results.js';
import { siteCandidates } from '../core/config/site.js';
import type { ResolvedConfig } from '../core/config/config.js';
import type { RuleModule } from '../core/parse/rule.js';
import type { RepoIdentity } from '../core/links/github.js';
import type { FileOutcome, LintMessage, RawProblem } from '../types.js';

export interface ArchiveSetup {
  root: string;
  config: ResolvedConfig;
  repo: RepoIdentity | undefined;
  rules: readonly RuleModule[];
  /** The module the parsing worker imports the rules from. */
  rulesModule: string;
  /** The cache folder (the CLI's default for the root unless told otherwise). */
  cacheLocation: string;
  /** Worker threads for the one cold run that fills the cache. */
  concurrency: number;
}

/** A text linted: its outcome (per-file messages unpacked), and its messages per-file and cross-file. */
export interface Linted {
  outcome: FileOutcome;
  messages: LintMessage[];
}

/** What the start cost: files indexed, from the cache or linted afresh, and how long it took. */
export interface LoadStats {
  files: number;
  fromCache: number;
  linted: number;
  ms: number;
}

export class LiveArchive {
  readonly index: ArchiveIndex;
  readonly checks: CrossFileChecks;
  private readonly run: PerFileRun;
  private readonly worker: ResidentWorker;
  /** Target (`path`) → the files whose links or images point at it or into it. */
  private readonly linkers = new Map<string, Set<string>>();
  /** Each file's local targets (`path` or `path#fragment`), as its last text or the cache gave them. */
  private readonly targetsOf = new Map<string, string[]>();
  private readonly included: (path: string) => boolean;
  private readonly lintable: Set<string>;

  private constructor(
    readonly setup: ArchiveSetup,
    files: readonly string[],
    lintable: readonly string[],
    cached: Map<string, { anchors: readonly string[]; targets: readonly string[] }>,
  ) {
    const { root, config, repo, rules } = setup;
    const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve(root, v)]));
    const { index, ctx } = archiveIndexPhase({
      root,
      config,
      files,
      outcomes: [],
      cachedAnchors: (path) => cached.get(path)?.anchors,
      mirrors,
      repo,
      changed: undefined,
    });
    this.index = index;
    this.checks = { config, rules, ctx };
    this.lintable = new Set(lintable);
    const include = picomatch(config.include, { dot: true });
    const ignore = picomatch(config.ignore, { dot: true });
    this.included = (path) => include(path) && !ignore(path);
    const setupOfWorker = { rulesModule: setup.rulesModule, root, config: config.source.config, configFile: config.file, cliRules: config.source.cliRules, repo, mirrors };
    this.run = { root, config, rules, mirrors, repo, concurrency: 1, setup: setupOfWorker, signal: undefined };
    this.worker = new ResidentWorker({ setup: setupOfWorker, timeBudget: config.timeBudget });
    for (const [path, entry] of cached) this.setTargets(path, entry.targets);
  }

  /**
   * The archive at start: every file the walk finds, each Markdown file's anchors and links from the cache, the
   * files it lacks linted once by the core (on workers) and written into it.
   */
  static async load(setup: ArchiveSetup): Promise<{ archive: LiveArchive; stats: LoadStats }> {
    const started = performance.now();
    const { root, config, repo } = setup;
    const { walked } = walkArchive(root, config, undefined);
    const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve(root, v)]));
    const key = cacheKey(config, repo, mirrors, setup.rules);
    const read = (cache: FileCache, into: Map<string, { anchors: readonly string[]; targets: readonly string[] }>) => {
      const missing: string[] = [];
      for (const path of walked.lint) {
        if (into.has(path)) continue;
        const entry = cache.links(root, path);
        if (entry) into.set(path, { anchors: entry.anchors, targets: entry.targets });
        else missing.push(path);
      }
      return missing;
    };
    const cached = new Map<string, { anchors: readonly string[]; targets: readonly string[] }>();
    let missing = read(new FileCache(setup.cacheLocation, key), cached);
    const fromCache = cached.size;
    let linted = 0;
    if (missing.length > Math.max(50, walked.lint.length / 10)) {
      // A cold or largely stale cache: one run of the core over the archive, as `archive-lint check` would, fills it.
      const report = await lint({ root, config, rules: setup.rules, rulesModule: setup.rulesModule, repo, cache: { location: setup.cacheLocation }, concurrency: setup.concurrency, stream: true });
      let k = 0;
      for (const _ of report.stream ?? []) if (++k % 256 === 0) await new Promise((r) => setImmediate(r));
      linted = report.stats.linted;
      missing = read(new FileCache(setup.cacheLocation, key), cached);
    }
    const archive = new LiveArchive(setup, walked.files, walked.lint, cached);
    archive.pending = archive.fill(missing);
    return { archive, stats: { files: walked.files.length, fromCache, linted: linted + missing.length, ms: Math.round(performance.now() - started) } };
  }

  /** Files whose anchors and links an editor's text gave (the background fill leaves them alone). */
  private readonly edited = new Set<string>();

  /** Done when the files the cache lacked at start are in the index. */
  pending: Promise<void> = Promise.resolve();

  /**
   * The few files the cache lacks (changed since it was written, or that could not be linted, which it never
   * holds), each through the per-file step in the background, on a worker of their own when large: the server
   * answers meanwhile, and an edit never waits behind a page of megabytes.
   */
  private async fill(missing: readonly string[]): Promise<void> {
    if (!missing.length) return;
    const worker = new ResidentWorker({ setup: this.run.setup as NonNullable<PerFileRun['setup']>, timeBudget: this.setup.config.timeBudget });
    try {
      for (const path of missing) {
        if (this.closed) break;
        const job: FileJob = { path };
        const o = jobSize(this.setup.root, job) <= IN_PROCESS_MAX_BYTES ? processJob(job, this.setup.rules, settingsFor(this.run, path)) : await worker.process(job);
        // An editor's text came first: it stands.
        if (!o.error && !this.edited.has(path)) this.update(o, false);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      await worker.close();
    }
  }

  /** Whether the config lints this file (the walk's files, or a new file the config includes). */
  lints(path: string): boolean {
    return this.lintable.has(path) || (this.index.stat(path) === undefined && this.included(path));
  }

  /**
   * The per-file step on a text (or, without one, the file on disk): in-process when it is small, as the CLI does,
   * else on the resident worker, under the config's time budget; a text over `maxFileSize` is not linted.
   */
  async outcomeOf(path: string, text?: string): Promise<FileOutcome> {
    const { config } = this.setup;
    if (text !== undefined && text.length > config.maxFileSize) {
      return emptyOutcome(path, `file is ${(text.length / 1048576).toFixed(1)} MiB, over the limit of ${(config.maxFileSize / 1048576).toFixed(1)} MiB (maxFileSize); not linted`, 'content');
    }
    const job: FileJob = text === undefined ? { path } : { path, text };
    const small = jobSize(this.setup.root, job) <= IN_PROCESS_MAX_BYTES;
    const o = small || config.timeBudget === false ? processJob(job, this.setup.rules, settingsFor(this.run, path)) : await this.worker.process(job);
    return o.packed ? { ...o, messages: outcomeMessages(o), packed: undefined } : o;
  }

  /** The cross-file messages of an outcome against the archive as it is now. */
  crossMessages(o: FileOutcome): LintMessage[] {
    if (o.error) return [];
    return crossProblems(this.checks, o).map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
  }

  /** The cross-file problems (with offsets) of an outcome. */
  crossProblems(o: FileOutcome): { problem: RawProblem; severity: 1 | 2 }[] {
    return o.error ? [] : crossProblems(this.checks, o);
  }

  /** Every message of an outcome: a file that could not be linted is one message saying why (as in the report). */
  messagesOf(o: FileOutcome): LintMessage[] {
    if (o.error) return [{ ruleId: null, severity: 2, fatal: true, message: o.error, line: 1, column: 1 }];
    return [...o.messages, ...this.crossMessages(o)];
  }

  /**
   * Take a file's new outcome into the index (its anchors and links; `fromEditor`: of an editor's text): returns
   * the files whose links point at an anchor that appeared or went away, which the caller shows again.
   */
  update(o: FileOutcome, fromEditor = true): Set<string> {
    const affected = new Set<string>();
    if (o.error) return affected;
    if (fromEditor) this.edited.add(o.path);
    const before = this.index.knownAnchors(o.path);
    const after = new Set(o.facts.anchors);
    this.index.setAnchors(o.path, after);
    this.setTargets(o.path, localTargets(o.facts, this.setup.repo));
    if (before) {
      const changed = new Set<string>();
      for (const a of before) if (!after.has(a)) changed.add(a);
      for (const a of after) if (!before.has(a)) changed.add(a);
      if (changed.size) for (const f of this.linkersOfAnchors(o.path, changed)) affected.add(f);
    }
    affected.delete(o.path);
    return affected;
  }

  /** A file appeared on disk: indexed, its links known; returns the files whose links to it now resolve. */
  fileCreated(path: string): Set<string> {
    this.index.addFile(path);
    if (this.included(path)) this.lintable.add(path);
    this.refreshFromDisk(path);
    return this.linkersOf(path);
  }

  /** A file changed on disk (not open in the editor): its anchors and links read again. */
  fileChanged(path: string): Set<string> {
    if (!isMarkdownPath(path)) return new Set();
    const before = this.index.knownAnchors(path);
    this.refreshFromDisk(path);
    const after = this.index.knownAnchors(path) ?? new Set<string>();
    const changed = new Set<string>();
    for (const a of before ?? []) if (!after.has(a)) changed.add(a);
    for (const a of after) if (!before?.has(a)) changed.add(a);
    const affected = changed.size ? this.linkersOfAnchors(path, changed) : new Set<string>();
    affected.delete(path);
    return affected;
  }

  /** A file went away: out of the index; returns the files whose links pointed at it. */
  fileDeleted(path: string): Set<string> {
    this.index.removeFile(path);
    this.lintable.delete(path);
    this.setTargets(path, []);
    return this.linkersOf(path);
  }

  private refreshFromDisk(path: string): void {
    if (!isMarkdownPath(path)) return;
    const { root, config } = this.setup;
    const facts = factsOf(root, path, config.maxFileSize, config.site);
    if (!facts) return;
    this.index.setAnchors(path, facts.anchors);
    this.setTargets(path, localTargets(facts, this.setup.repo));
  }

  private setTargets(path: string, targets: readonly string[]): void {
    for (const t of this.targetsOf.get(path) ?? []) for (const key of this.keysOf(t)) this.linkers.get(key)?.delete(path);
    if (!targets.length) {
      this.targetsOf.delete(path);
      return;
    }
    this.targetsOf.set(path, [...targets]);
    for (const t of targets) {
      for (const key of this.keysOf(t)) {
        let set = this.linkers.get(key);
        if (!set) this.linkers.set(key, (set = new Set()));
        set.add(path);
      }
    }
  }

  /** The files a target may mean: as written, and the pages the profile serves for it. */
  private keysOf(target: string): string[] {
    return [fileOf(target), ...siteCandidates(fileOf(target), this.setup.config.site)];
  }

  /** The files that link to `path` (any anchor in it, or none). */
  linkersOf(path: string): Set<string> {
    return new Set(this.linkers.get(path) ?? []);
  }

  /** The files that link to one of these anchors of `path`. */
  linkersOfAnchors(path: string, anchors: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    for (const f of this.linkers.get(path) ?? []) {
      if ((this.targetsOf.get(f) ?? []).some((t) => fileOf(t) === path && anchors.has(t.slice(path.length + 1)))) out.add(f);
    }
    return out;
  }

  /** The anchors of `path` that other files link to and that it does not have: each with the files linking to it. */
  missingIncoming(path: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const anchors = this.index.anchors(path);
    if (!anchors) return out;
    for (const f of this.linkers.get(path) ?? []) {
      if (f === path) continue;
      for (const t of this.targetsOf.get(f) ?? []) {
        if (fileOf(t) !== path || t.length === path.length) continue;
        const frag = t.slice(path.length + 1);
        if (frag === '' || anchors.has(frag)) continue;
        const list = out.get(frag);
        if (list) list.push(f);
        else out.set(frag, [f]);
      }
    }
    return out;
  }

  /** The absolute path of a root-relative one. */
  abs(path: string): string {
    return join(this.setup.root, path);
  }

  private closed = false;

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.close();
  }
}

/** The file of a target written `path` or `path#fragment`. */
function fileOf(target: string): string {
  const hash = target.indexOf('#');
  return hash < 0 ? target : target.slice(0, hash);
}
