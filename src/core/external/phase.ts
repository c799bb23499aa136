/**
 * External checks as a stage of the run, after the cross-file checks. In: every linted file's outcome (its
 * references, suppressions and line starts) and the rules that report on external URLs; out: each unique URL
 * checked once, and each file's messages about its URLs.
 *
 * A rule takes part by exporting `externalCheck` (see `ExternalHook`): which references it reports on, and what
 * it says given a URL's check. The severity of a message is the lower of the one the rule gives it and the rule's
 * configured one.
 *
 * With `external.archive` on, a hook that asks for it (`archive: true`) also gets, for each of its dead URLs (404,
 * 410, a host name that no longer resolves), the web-archive snapshot closest to the article's date (the file's
 * `articleDate`, else the date of the commit that added the file, asked of git once for all such files), and its
 * links into the web archive are checked as snapshots instead of being requested (see `wayback.ts`).
 */
import { isSuppressed } from '../parse/suppress.js';
import { toMessage } from '../report/results.js';
import type { RuleConfigs } from '../config/config.js';
import { effectiveSeverity, type RuleMeta, type RuleModule, type Site } from '../parse/rule.js';
import type { RepoIdentity } from '../links/github.js';
import type { ArticleDateFact, FileOutcome, Fix, LintMessage, RawProblem, Reference, Severity, Suppression } from '../../types.js';
import { externalKey, requestKey } from './collect.js';
import { tryGit } from '../walk/git.js';
import { parseArchiveLink, type Snapshot } from './archive-link.js';
import type { ArchiveStats, Lookup } from './wayback.js';
import type { UrlChecker } from './checker.js';
import type { ArchiveSettings } from './settings.js';
import type { CheckProgress, CheckStats, Clock, Resolver, UrlCheck } from './checker.js';
import { UrlCache } from './cache.js';
import { machineSecret, secretFile } from '../cache/secret.js';
import type { ExternalSettings } from './settings.js';

export interface ExternalHook {
  /** Whether the rule reports on this reference when its URL is external. */
  wants(ref: Reference): boolean;
  /** What to say about the reference, given its URL's check and, with `archive`, what the web archive holds (undefined: nothing). */
  report(ref: Reference, check: UrlCheck, archive?: ArchiveNote): RawProblem | undefined;
  /** Dead URLs get their web-archive snapshot, and links into the web archive are checked as snapshots. */
  archive?: boolean;
}

/** The date a dead URL's snapshot was looked up for, and where it was read. */
export interface UsedDate {
  date: string;
  source: ArticleDateFact['source'] | 'commit';
}

/** What the web archive says about a reference (see `ExternalHook.archive`). */
export type ArchiveNote =
  | { kind: 'repair'; settings: ArchiveSettings; date?: UsedDate; lookup?: Lookup }
  | { kind: 'snapshot-link'; settings: ArchiveSettings; link: Snapshot; lookup: Lookup };

/** A dead URL, as far as the web archive is concerned: gone (404, 410) or its host gone; not a timeout nor a rate limit. */
export function isDead(check: UrlCheck | undefined): boolean {
  if (!check) return false;
  if (check.status === 'broken') return !check.loop && (check.code === 404 || check.code === 410);
  return check.status === 'unreachable' && /^host not found \((ENOTFOUND|ENODATA|EAI_NONAME)\)/.test(check.reason ?? '');
}

/** What the engine asks for when external checks are on. */
export interface ExternalOptions {
  settings: ExternalSettings;
  /** Folder of the URL cache (beside the file cache); none: no URL cache. */
  cacheDir?: string;
  /** The machine's secret that authenticates the URL cache (default: the user's, src/core/cache/secret.ts). */
  cacheSecret?: Uint8Array;
  onProgress?: (p: CheckProgress) => void;
  /** The archive root, where git is asked the date of the commit that added a file (web-archive lookups). */
  root?: string;
  /** A resolver, a clock and a name to probe the network with, instead of the system's (tests). */
  resolve?: Resolver;
  clock?: Clock;
  probeHost?: string;
}

export interface ExternalReport extends CheckStats {
  /** References to external URLs the rules asked about (a URL on every page counts once a page). */
  occurrences: number;
  /** Things worth saying that do not fail the run (a URL cache that could not be written). */
  warnings: string[];
  /** With `external.archive` on: the web-archive lookups. */
  archive?: ArchiveStats;
}

interface Item {
  ref: Reference;
  key: string;
  hook: ExternalHook;
  /** The rule's severity as the config sets it. */
  severity: Severity;
  meta?: RuleMeta;
}

interface FileItems {
  path: string;
  date: ArticleDateFact | undefined;
  items: Item[];
  lineStarts: number[];
  suppressions: Suppression[];
}

export function externalHooks(rules: readonly RuleModule[]): { id: string; hook: ExternalHook; meta: RuleMeta }[] {
  return rules.flatMap((r) => {
    const hook = (r as RuleModule & { externalCheck?: ExternalHook }).externalCheck;
    return hook ? [{ id: r.meta.id, hook, meta: r.meta }] : [];
  });
}

export class ExternalPhase {
  private readonly files = new Map<number, FileItems>();
  private readonly keys = new Set<string>();
  /** Keys wanted by a hook that does not check web-archive links as snapshots: requested whatever they are. */
  private readonly plainKeys = new Set<string>();
  private results = new Map<string, UrlCheck>();
  private occurrences = 0;
  private archive: ArchiveSettings | undefined;
  /** Web-archive lookups by URL and timestamp, and the dates of the commits that added files. */
  private readonly lookups = new Map<string, Lookup>();
  private readonly commitDates = new Map<string, string>();
  private readonly askedGit = new Set<string>();
  private archiveStats: ArchiveStats | undefined;
  /** The checks of every call so far (a run that fixes checks the URLs its fixes wrote in a second call). */
  private total: CheckStats | undefined;

  constructor(
    private readonly hooks: readonly { id: string; hook: ExternalHook; meta?: RuleMeta }[],
    private readonly resolveCtx: { repo?: RepoIdentity; mirrors: Record<string, string> },
    /** The publishing profile, whose severities the messages get. */
    private readonly site?: Site,
  ) {}

  /** Collect a file's external references (`at`: the file's place in the run). */
  add(at: number, o: FileOutcome, rules: RuleConfigs): void {
    // A file added again (fixed): its earlier references no longer count.
    this.occurrences -= this.files.get(at)?.items.length ?? 0;
    this.files.delete(at);
    if (o.error) return;
    const items: Item[] = [];
    for (const ref of o.facts.references) {
      let key: string | undefined | null = null;
      for (const { id, hook, meta } of this.hooks) {
        const rc = rules[id];
        if (!rc || rc.severity === 0 || !hook.wants(ref)) continue;
        if (key === null) key = externalKey(ref.url, { from: o.path, mirrors: this.resolveCtx.mirrors, ...(this.resolveCtx.repo ? { repo: this.resolveCtx.repo } : {}) });
        if (key === undefined) break;
        items.push({ ref, key, hook, severity: rc.severity, ...(meta ? { meta } : {}) });
        this.keys.add(key);
        if (!hook.archive) this.plainKeys.add(key);
        this.occurrences++;
      }
    }
    if (items.length) this.files.set(at, { path: o.path, date: o.facts.articleDate, items, lineStarts: o.lineStarts, suppressions: o.suppressions });
  }

  /** A key checked as a web-archive snapshot rather than requested: its timestamp and the URL archived. */
  private snapshotLink(key: string): Snapshot | undefined {
    if (!this.archive) return undefined;
    const link = parseArchiveLink(key);
    return link ? { timestamp: link.timestamp, original: requestKey(link.original) ?? link.original } : undefined;
  }

  /** Check every URL collected, each once (called again after fixes, it checks only the URLs not checked yet). */
  async check(options: ExternalOptions, signal?: { aborted: boolean }): Promise<ExternalReport> {
    const warnings: string[] = [];
    this.archive = options.settings.archive.enabled ? options.settings.archive : undefined;
    const auth = { secret: options.cacheSecret ?? machineSecret(secretFile(process.env)).secret, root: options.root };
    const cache = options.cacheDir === undefined ? undefined : new UrlCache(options.cacheDir, options.settings.cacheTtlMs, options.clock?.now, options.settings.archive.cacheTtlMs, auth);
    // Loaded when external checks run: a run without them (a pre-commit hook) does not pay for undici.
    const { UrlChecker } = await import('./checker.js');
    const checker = new UrlChecker({
      settings: options.settings,
      ...(cache ? { cache } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.resolve ? { resolve: options.resolve } : {}),
      ...(options.probeHost ? { probeHost: options.probeHost } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(signal ? { signal } : {}),
    });
    const keys = [...this.keys].filter((k) => !this.results.has(k) && (this.plainKeys.has(k) || !this.snapshotLink(k)));
    for (const [k, c] of await checker.checkAll(keys)) this.results.set(k, c);
    if (this.archive && !checker.stats.networkUnavailable) await this.lookUp(this.archive, options, cache, signal, checker);
    if (cache) {
      if (cache.warning) warnings.push(cache.warning);
      const w = cache.save();
      if (w) warnings.push(w);
    }
    this.total = this.total ? addStats(this.total, checker.stats) : { ...checker.stats, byStatus: { ...checker.stats.byStatus } };
    return { ...this.total, occurrences: this.occurrences, warnings, ...(this.archiveStats ? { archive: { ...this.archiveStats } } : {}) };
  }

  /** The web-archive lookups: each dead URL at its article's date, each web-archive link at its timestamp. */
  private async lookUp(archive: ArchiveSettings, options: ExternalOptions, cache: UrlCache | undefined, signal: { aborted: boolean } | undefined, guard: Pick<UrlChecker, 'connectLookup' | 'refusal'>): Promise<void> {
    const wanted = new Map<string, { url: string; timestamp: string }>();
    const want = (url: string, timestamp: string) => {
      const k = `${url} ${timestamp}`;
      if (!this.lookups.has(k)) wanted.set(k, { url, timestamp });
    };
    const undated: string[] = [];
    for (const f of this.files.values()) {
      for (const item of f.items) {
        if (!item.hook.archive) continue;
        const link = this.snapshotLink(item.key);
        if (link) want(link.original, link.timestamp);
        else if (isDead(this.results.get(item.key)) && !f.date && !this.askedGit.has(f.path)) undated.push(f.path);
      }
    }
    if (undated.length && options.root !== undefined) this.readCommitDates(options.root, [...new Set(undated)]);
    for (const f of this.files.values()) {
      for (const item of f.items) {
        if (!item.hook.archive || this.snapshotLink(item.key) || !isDead(this.results.get(item.key))) continue;
        const date = this.dateOf(f);
        if (date) want(item.key, date.date.replace(/-/g, ''));
      }
    }
    if (wanted.size === 0) return;
    const { Wayback } = await import('./wayback.js');
    const wayback = new Wayback({
      settings: archive,
      // The archive's endpoint through the same address guard as every URL.
      lookup: guard.connectLookup,
      guard: (href) => guard.refusal(href),
      timeoutMs: options.settings.timeoutMs,
      retries: options.settings.retries,
      ...(cache ? { cache } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(signal ? { signal } : {}),
    });
    try {
      await Promise.all(
        [...wanted].map(async ([k, { url, timestamp }]) => {
          const lookup = await wayback.lookup(url, timestamp);
          this.lookups.set(k, lookup);
          // The link a fix writes names this snapshot: checking it later in the run asks nothing.
          if (lookup.snapshot && !this.lookups.has(`${url} ${lookup.snapshot.timestamp}`)) this.lookups.set(`${url} ${lookup.snapshot.timestamp}`, { snapshot: lookup.snapshot, cached: true });
        }),
      );
    } finally {
      await wayback.close();
    }
    const s = wayback.stats;
    const before = this.archiveStats;
    this.archiveStats = before ? { lookups: before.lookups + s.lookups, requests: before.requests + s.requests, cached: before.cached + s.cached, found: before.found + s.found, missing: before.missing + s.missing, failed: before.failed + s.failed } : { ...s };
  }

  /** The dates of the commits that added these files (root-relative), in one git call a thousand files. */
  private readCommitDates(root: string, paths: string[]): void {
    for (let i = 0; i < paths.length; i += 1000) {
      const chunk = paths.slice(i, i + 1000);
      for (const p of chunk) this.askedGit.add(p);
      const out = tryGit(root, ['-c', 'core.quotePath=false', 'log', '--no-renames', '--diff-filter=A', '--format=%x01%cs', '--name-only', '-z', '--relative', '--', ...chunk.map((p) => `:(literal)${p}`)]);
      if (!out) continue;
      let date: string | undefined;
      // Newest commit first: the oldest addition of a path is the last one read.
      for (const token of out.split('\0')) {
        const t = token.replace(/^\n/, '');
        if (t.startsWith('\u0001')) date = t.slice(1);
        else if (t && date && /^\d{4}-\d\d-\d\d$/.test(date)) this.commitDates.set(t, date);
      }
    }
  }

  private dateOf(f: FileItems): UsedDate | undefined {
    if (f.date) return f.date;
    const commit = this.commitDates.get(f.path);
    return commit ? { date: commit, source: 'commit' } : undefined;
  }

  /** What the web archive says about an item, when it is asked about it. */
  private noteOf(f: FileItems, item: Item): ArchiveNote | undefined {
    if (!this.archive || !item.hook.archive) return undefined;
    const link = this.snapshotLink(item.key);
    if (link) {
      const lookup = this.lookups.get(`${link.original} ${link.timestamp}`);
      return lookup ? { kind: 'snapshot-link', settings: this.archive, link, lookup } : undefined;
    }
    if (!isDead(this.results.get(item.key))) return undefined;
    const date = this.dateOf(f);
    const lookup = date ? this.lookups.get(`${item.key} ${date.date.replace(/-/g, '')}`) : undefined;
    return { kind: 'repair', settings: this.archive, ...(date ? { date } : {}), ...(lookup ? { lookup } : {}) };
  }

  /** A file's fixes from its external messages: safe ones, and with `unsafe` the unsafe ones too. */
  fixes(at: number, mode: 'safe' | 'unsafe'): Fix[] {
    const out: Fix[] = [];
    for (const m of this.messages(at)) {
      if (m.fix) out.push(m.fix);
      else if (mode === 'unsafe' && m.suggestions?.[0]) out.push(m.suggestions[0].fix);
    }
    return out;
  }

  /** How many messages about URLs inline comments suppressed, so far. */
  suppressed = 0;
  /** How many findings about URLs the profile cannot check, so far. */
  notChecked = 0;

  /** A file's messages about its external URLs, suppressions applied. */
  messages(at: number): LintMessage[] {
    const f = this.files.get(at);
    if (!f) return [];
    const out: LintMessage[] = [];
    for (const item of f.items) {
      const note = this.noteOf(f, item);
      // A web-archive link checked as a snapshot is not requested.
      const check = this.results.get(item.key) ?? (note?.kind === 'snapshot-link' ? { url: item.key, status: 'excluded' as const, requests: 0, retries: 0 } : undefined);
      const p = check && item.hook.report(item.ref, check, note);
      if (!p) continue;
      if (isSuppressed(p, f.suppressions)) {
        this.suppressed++;
        continue;
      }
      const severity = effectiveSeverity(item.meta, p, this.site, item.severity);
      if (severity === 'not-checked') this.notChecked++;
      else if (severity > 0) out.push(toMessage(p, severity, f.lineStarts));
    }
    return out;
  }
}

/** Two calls' checks as one. */
function addStats(a: CheckStats, b: CheckStats): CheckStats {
  const byStatus = { ...a.byStatus };
  for (const [k, n] of Object.entries(b.byStatus)) byStatus[k as keyof typeof byStatus] += n;
  const out: CheckStats = {
    urls: a.urls + b.urls,
    requests: a.requests + b.requests,
    retries: a.retries + b.retries,
    redirects: a.redirects + b.redirects,
    getAfterHead: a.getAfterHead + b.getAfterHead,
    bodyBytesMax: Math.max(a.bodyBytesMax, b.bodyBytesMax),
    byStatus,
    slowest: a.slowest.length >= b.slowest.length ? a.slowest : b.slowest,
    ms: a.ms + b.ms,
  };
  const offline = a.networkUnavailable ?? b.networkUnavailable;
  if (offline !== undefined) out.networkUnavailable = offline;
  return out;
}

/** The outcomes the external phase reads: one the cache serves is let go again once its URLs are collected. */
export interface HeldOutcomes {
  readonly slots: readonly (FileOutcome | undefined)[];
  at(i: number): FileOutcome;
  release(i: number): void;
}

/** The external phase on the files `at`: their URLs collected, each unique one checked once. */
export async function externalPhase(external: ExternalPhase, outcomes: HeldOutcomes, at: readonly number[], config: { rulesFor(path: string): RuleConfigs }, options: ExternalOptions, signal?: { aborted: boolean }): Promise<ExternalReport> {
  for (const i of at) {
    const held = outcomes.slots[i] !== undefined;
    const o = outcomes.at(i);
    external.add(i, o, config.rulesFor(o.path));
    if (!held) outcomes.release(i);
  }
  return external.check(options, signal);
}
