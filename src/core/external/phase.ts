/**
 * External checks as a stage of the run, after the cross-file checks. In: every linted file's outcome (its
 * references, suppressions and line starts) and the rules that report on external URLs; out: each unique URL
 * checked once, and each file's messages about its URLs.
 *
 * A rule takes part by exporting `externalCheck` (see `ExternalHook`): which references it reports on, and what
 * it says given a URL's check. The severity of a message is the lower of the one the rule gives it and the rule's
 * configured one.
 */
import { isSuppressed } from '../suppress.js';
import { toMessage } from '../results.js';
import type { RuleConfigs } from '../config.js';
import type { RuleModule } from '../rule.js';
import type { RepoIdentity } from '../github.js';
import type { FileOutcome, LintMessage, RawProblem, Reference, Severity, Suppression } from '../../types.js';
import { externalKey } from './collect.js';
import type { CheckProgress, CheckStats, Clock, Resolver, UrlCheck } from './checker.js';
import { UrlCache } from './cache.js';
import type { ExternalSettings } from './settings.js';

export interface ExternalHook {
  /** Whether the rule reports on this reference when its URL is external. */
  wants(ref: Reference): boolean;
  /** What to say about the reference, given its URL's check (undefined: nothing). */
  report(ref: Reference, check: UrlCheck): RawProblem | undefined;
}

/** What the engine asks for when external checks are on. */
export interface ExternalOptions {
  settings: ExternalSettings;
  /** Folder of the URL cache (beside the file cache); none: no URL cache. */
  cacheDir?: string;
  onProgress?: (p: CheckProgress) => void;
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
}

interface Item {
  ref: Reference;
  key: string;
  hook: ExternalHook;
  severity: Severity;
}

interface FileItems {
  items: Item[];
  lineStarts: number[];
  suppressions: Suppression[];
}

export function externalHooks(rules: readonly RuleModule[]): { id: string; hook: ExternalHook }[] {
  return rules.flatMap((r) => {
    const hook = (r as RuleModule & { externalCheck?: ExternalHook }).externalCheck;
    return hook ? [{ id: r.meta.id, hook }] : [];
  });
}

export class ExternalPhase {
  private readonly files = new Map<number, FileItems>();
  private readonly keys = new Set<string>();
  private results = new Map<string, UrlCheck>();
  private occurrences = 0;

  constructor(
    private readonly hooks: readonly { id: string; hook: ExternalHook }[],
    private readonly resolveCtx: { repo?: RepoIdentity; mirrors: Record<string, string> },
  ) {}

  /** Collect a file's external references (`at`: the file's place in the run). */
  add(at: number, o: FileOutcome, rules: RuleConfigs): void {
    if (o.error) return;
    const items: Item[] = [];
    for (const ref of o.facts.references) {
      let key: string | undefined | null = null;
      for (const { id, hook } of this.hooks) {
        const rc = rules[id];
        if (!rc || rc.severity === 0 || !hook.wants(ref)) continue;
        if (key === null) key = externalKey(ref.url, { from: o.path, mirrors: this.resolveCtx.mirrors, ...(this.resolveCtx.repo ? { repo: this.resolveCtx.repo } : {}) });
        if (key === undefined) break;
        items.push({ ref, key, hook, severity: rc.severity });
        this.keys.add(key);
        this.occurrences++;
      }
    }
    if (items.length) this.files.set(at, { items, lineStarts: o.lineStarts, suppressions: o.suppressions });
  }

  /** Check every URL collected, each once. */
  async check(options: ExternalOptions, signal?: { aborted: boolean }): Promise<ExternalReport> {
    const warnings: string[] = [];
    const cache = options.cacheDir === undefined ? undefined : new UrlCache(options.cacheDir, options.settings.cacheTtlMs, options.clock?.now);
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
    this.results = await checker.checkAll([...this.keys]);
    if (cache) {
      if (cache.warning) warnings.push(cache.warning);
      const w = cache.save();
      if (w) warnings.push(w);
    }
    return { ...checker.stats, occurrences: this.occurrences, warnings };
  }

  /** A file's messages about its external URLs, suppressions applied. */
  messages(at: number): LintMessage[] {
    const f = this.files.get(at);
    if (!f) return [];
    const out: LintMessage[] = [];
    for (const item of f.items) {
      const check = this.results.get(item.key);
      const p = check && item.hook.report(item.ref, check);
      if (!p || isSuppressed(p, f.suppressions)) continue;
      out.push(toMessage(p, Math.min(p.severity ?? item.severity, item.severity) as Severity, f.lineStarts));
    }
    return out;
  }
}
