/**
 * The graph phase: the archive graph built from the reverse-link index (this run's outcomes, else the cache's link
 * entries, else a page's facts), the archive-wide rules run on it, and its summary for the audit. In: the walk's
 * files, the index, a page's targets; out: each file's archive-wide messages (never cached) and the summary.
 */
import { statSync } from 'node:fs';
import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import { ArchiveGraph } from './graph.js';
import { outsideSite } from '../config/site.js';
import { siteEntryPoints } from '../config/entry-points.js';
import type { ResolvedConfig } from '../config/config.js';
import type { ArchiveContext, ArchiveProblem, RuleModule } from '../parse/rule.js';
import type { TargetIndex } from '../links/target-index.js';
import type { LintMessage } from '../../types.js';

export interface GraphSummary {
  /** Pages of the published site, and how many of them the entry points reach. */
  pages: number;
  entryPoints: number;
  reachable: number;
  /** Findings of no-orphans: pages no page links to, pages linked only from pages no entry point reaches. */
  noIncoming: number;
  unreachable: number;
  /** The folders holding most of the pages no entry point reaches: pages there, and of how many. */
  unreachableFolders: { folder: string; pages: number; of: number }[];
  /** Findings of no-unused-files: files and bytes, by kind. */
  unused: { files: number; bytes: number; byKind: Record<string, { files: number; bytes: number }> };
  /** The most linked pages and files: how many pages link to each. */
  mostLinked: { path: string; pages: number }[];
}

export interface GraphPhaseOptions {
  root: string;
  config: ResolvedConfig;
  rules: readonly RuleModule[];
  /** Every file of the archive (the walk's). */
  files: readonly string[];
  index: TargetIndex;
  /** A page's local link targets. */
  targetsOf: (page: string) => readonly string[] | undefined;
  /** Whether findings about this file belong to this run (under its PATHs, in its shard). */
  inScope: (path: string) => boolean;
  /** Build the graph for the summary even when no archive-wide rule is on (the audit). */
  summary: boolean;
}

export interface GraphPhase {
  graph: ArchiveGraph;
  /** Each file's archive-wide messages, at line 1 column 1. */
  messages: Map<string, LintMessage[]>;
  summary: GraphSummary;
}

const TOP = 10;

/** Is an archive-wide rule on anywhere (the top level, an override, the command line)? */
function ruleOn(config: ResolvedConfig, id: string): boolean {
  if ((config.rulesFor('')[id]?.severity ?? 0) > 0) return true;
  return (config.source.config.overrides ?? []).some((o) => o.rules?.[id] !== undefined && o.rules[id] !== 'off' && o.rules[id] !== 0);
}

export function graphPhase(o: GraphPhaseOptions): GraphPhase | undefined {
  const { config, root } = o;
  const archiveRules = o.rules.filter((r) => r.archive && ruleOn(config, r.meta.id));
  if (!archiveRules.length && !o.summary) return undefined;
  const where = { site: config.site, siteRoot: config.siteRoot };
  const graph = new ArchiveGraph(o.files, o.targetsOf, o.index, where);
  const entryPoints = config.siteEntryPoints ?? siteEntryPoints(root, where);
  // Jekyll publishes no file under a folder named `_…` but the posts and the collections it outputs (entry points).
  const isEntry = picomatch([...entryPoints], { dot: true });
  const jekyllHidden = (p: string) => config.site === 'jekyll' && /(?:^|\/)_/.test(p.slice(config.siteRoot ? config.siteRoot.length + 1 : 0)) && !isEntry(p);
  const inSite = (p: string) => config.site === 'github' || (!outsideSite(p, config.siteRoot) && !jekyllHidden(p));
  const ctx: ArchiveContext = {
    graph,
    site: config.site,
    siteRoot: config.siteRoot,
    entryPoints,
    inSite,
    size: (p) => {
      try {
        return statSync(join(root, p)).size;
      } catch {
        return undefined;
      }
    },
  };
  const problems: ArchiveProblem[] = [];
  for (const rule of archiveRules) problems.push(...(rule.archive as NonNullable<RuleModule['archive']>)(ctx, config.rulesFor('')[rule.meta.id]?.options ?? {}));
  const messages = new Map<string, LintMessage[]>();
  const kept: ArchiveProblem[] = [];
  for (const p of problems) {
    if (!o.inScope(p.path)) continue;
    const severity = config.rulesFor(p.path)[p.ruleId]?.severity ?? 0;
    if (severity === 0) continue;
    kept.push(p);
    const m: LintMessage = { ruleId: p.ruleId, severity, message: p.message, line: 1, column: 1, endLine: 1, endColumn: 1, messageId: p.messageId };
    const list = messages.get(p.path);
    if (list) list.push(m);
    else messages.set(p.path, [m]);
  }
  return { graph, messages, summary: summarizeGraph(graph, ctx, kept) };
}

function summarizeGraph(graph: ArchiveGraph, ctx: ArchiveContext, found: readonly ArchiveProblem[]): GraphSummary {
  const pages = graph.pages.filter(ctx.inSite);
  const isEntry = picomatch([...ctx.entryPoints], { dot: true });
  const entries = pages.filter((p) => isEntry(p));
  const reach = graph.reachable(entries);
  const perFolder = new Map<string, { pages: number; of: number }>();
  for (const p of pages) {
    const folder = posix.dirname(p) === '.' ? '' : posix.dirname(p);
    const row = perFolder.get(folder) ?? { pages: 0, of: 0 };
    row.of++;
    if (entries.length && !reach.has(p)) row.pages++;
    perFolder.set(folder, row);
  }
  const unreachableFolders = [...perFolder]
    .filter(([, v]) => v.pages > 0)
    .map(([folder, v]) => ({ folder: folder === '' ? '.' : folder, ...v }))
    .sort((a, b) => b.pages - a.pages || (a.folder < b.folder ? -1 : 1))
    .slice(0, TOP);
  const unused = { files: 0, bytes: 0, byKind: {} as Record<string, { files: number; bytes: number }> };
  let noIncoming = 0;
  let unreachable = 0;
  for (const p of found) {
    if (p.messageId === 'noIncoming') noIncoming++;
    else if (p.messageId === 'unreachable') unreachable++;
    else if (p.messageId === 'unusedFile') {
      const bytes = p.data?.bytes ?? 0;
      const kind = p.data?.kind ?? 'other';
      unused.files++;
      unused.bytes += bytes;
      const row = (unused.byKind[kind] ??= { files: 0, bytes: 0 });
      row.files++;
      row.bytes += bytes;
    }
  }
  const mostLinked = graph.files
    .map((path) => ({ path, pages: graph.linksTo(path).length }))
    .filter((x) => x.pages > 0)
    .sort((a, b) => b.pages - a.pages || (a.path < b.path ? -1 : 1))
    .slice(0, TOP);
  return { pages: pages.length, entryPoints: entries.length, reachable: pages.filter((p) => reach.has(p)).length, noIncoming, unreachable, unreachableFolders, unused, mostLinked };
}

/** Bytes in words: `845 bytes`, `12.3 KiB`, `4.1 MiB`. */
export function bytesText(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1048576).toFixed(1)} MiB`;
  return `${(n / 1073741824).toFixed(2)} GiB`;
}
