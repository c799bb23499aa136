/** What a rule is made of: metadata (the single source for docs, schema, SARIF) and its unified plugin. */
import type { Plugin } from 'unified';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { FileFacts, Fix, RawProblem, Severity, SeverityName } from '../../types.js';
import type { TargetIndex } from '../links/target-index.js';
import type { RepoIdentity } from '../links/github.js';
import { REPOSITORY_URL } from '../../repository.js';

export type JsonSchema = Record<string, unknown>;

/**
 * Where the archive is published, which decides how links resolve, which heading slugs anchors use, and what a
 * safe fix may drop (GitHub strips `class` and `style`; a static site generator keeps them). Default `github`.
 */
export type { Site } from '../config/site.js';
import type { Site, SiteModel } from '../config/site.js';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: SeverityName;
  /** Its severity in `archive-lint audit` when the config does not set one (default: `defaultSeverity`). */
  auditSeverity?: SeverityName;
  /** Which fixes the rule offers. */
  fixable: 'none' | 'safe' | 'unsafe' | 'safe+unsafe';
  /** Runs only with external checks on. */
  external?: boolean;
  /** JSON Schema of the rule's options object. */
  optionsSchema: JsonSchema;
  /** Message templates by message id; `{name}` placeholders. */
  messages: Record<string, string>;
  /** Each message id (kind of finding) in words, for summaries: `originalSitePath` → `original-site path`. */
  kindNames?: Record<string, string>;
  /**
   * Each message id's severity under each publishing profile (one level: the same under all four). What a reader
   * of the site as that profile publishes it gets decides it: `error`, they hit something broken; `warn`, it works
   * there but is fragile or untidy; `not-checked`, the profile cannot tell (counted, never reported as a problem).
   * The single source: the engine applies it (`severityFor`), and the docs' tables are generated from it.
   */
  severities: Record<string, SeverityLevel | SiteSeverities>;
}

/** What a finding means to a reader of the published site. */
export type SeverityLevel = 'error' | 'warn' | 'not-checked';
export type SiteSeverities = Record<Site, SeverityLevel>;

/** One level per profile, in the order of `SITES`: `perSite('warn', 'error', 'error', 'error')`. */
export function perSite(github: SeverityLevel, mdbook: SeverityLevel, mkdocs: SeverityLevel, jekyll: SeverityLevel): SiteSeverities {
  return { github, mdbook, mkdocs, jekyll };
}

/**
 * A message id's severity under a profile (undefined: `github`), as its rule's metadata gives it. The one place
 * severities are read: the engine, the `rules` command and the generated docs all call it.
 */
export function severityFor(meta: RuleMeta, messageId: string, site: Site | undefined): SeverityLevel {
  const s = meta.severities[messageId];
  if (s === undefined) throw new Error(`${meta.id}: no severity for message id '${messageId}'`);
  return typeof s === 'string' ? s : s[site ?? 'github'];
}

/**
 * The severity a problem is reported with: its message id's under the profile, as the config sets the rule
 * (`configured`): off drops it; left at the rule's default, the metadata's level; set to `warn` on a rule whose
 * default is `error`, every finding a warning; set to `error` on a rule whose default is `warn`, every one an error. A problem's own `severity` (set from a rule's options by
 * the user, e.g. no-raw-html's `kinds`) wins. `not-checked` stays that whatever the config says.
 */
export function effectiveSeverity(meta: RuleMeta | undefined, p: RawProblem, site: Site | undefined, configured: Severity): Severity | 'not-checked' {
  if (configured === 0) return 0;
  if (p.severity !== undefined) return p.severity;
  if (!meta || meta.severities[p.messageId] === undefined) return configured;
  const level = severityFor(meta, p.messageId, site);
  if (level === 'not-checked') return level;
  if (configured !== (meta.defaultSeverity === 'error' ? 2 : 1)) return configured;
  return level === 'error' ? 2 : 1;
}

/** Where each rule's page is: package.json's repository (see src/repository.ts), its `main` branch. */
export const DOCS_BASE = `${REPOSITORY_URL}/blob/main/rules/`;

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}/README.md`;
}

/** What the engine puts on `file.data.archiveLint` before running rule plugins. */
export interface FileContext {
  /** Absolute root of the archive. */
  root: string;
  /** Path of the file relative to the root, `/`-separated. */
  path: string;
  text: string;
  repo?: RepoIdentity;
  /** Mirrors of sibling repositories: `owner/name` → absolute local folder. */
  mirrors: Record<string, string>;
  /** The publishing profile (undefined: `github`). */
  site?: Site;
  /** How the site's generator makes ids and URLs. */
  siteModel?: SiteModel;
  /** Facts extracted once per file and shared by every rule. */
  facts: FileFacts;
  /** Tokenized HTML nodes, shared by the rules. */
  htmlScans: import('./extract.js').HtmlNodeScan[];
  /** Start offset of every line of `text` (computed once per file, shared by rules). */
  lineStarts: number[];
  /** Text a reader sees in Markdown text nodes. */
  textRanges: import('./extract.js').TextRange[];
  /** When true the engine runs cross-file checks itself; plugins report only per-file problems. */
  engine: boolean;
  /** Under the engine: where plugins put their problems (instead of vfile messages). */
  problems?: RawProblem[];
}

/** What cross-file checks get. */
export interface CrossFileContext {
  root: string;
  repo?: RepoIdentity;
  mirrors: Record<string, string>;
  /** The publishing profile (undefined: `github`). */
  site?: Site;
  /** The published site's root, root-relative ('' or undefined: the root). */
  siteRoot?: string;
  /** How the site's generator makes ids and URLs. */
  siteModel?: SiteModel;
  /** Paths outside the site's root known to exist where it is published, relative to the site root. */
  siteExternal?: readonly string[];
  /** Jekyll: the built site's URLs and the pages they are. */
  siteUrls?: import('../links/jekyll.js').SiteUrls;
  index: TargetIndex;
  /** The index of a sibling mirror's local checkout (`owner/name`), or undefined when it is not there. */
  mirrorIndex?: (mirror: string) => TargetIndex | undefined;
  /** In a change-aware run: files the change renamed, old path → new path. */
  renamed?: ReadonlyMap<string, string>;
  /** Of those, the ones whose content the rename changed (git's similarity below 100 %): a link to the new name is an unsafe fix. */
  renamedEdited?: ReadonlySet<string>;
  /** In a change-aware run: files the change deleted. */
  deleted?: ReadonlySet<string>;
}

/** What archive-wide checks get: the archive graph (every page's links, both ways) and the site it is published as. */
export interface ArchiveContext {
  graph: import('../graph/graph.js').ArchiveGraph;
  site: Site;
  siteRoot: string;
  /** The profile's entry points (globs, root-relative): pages a reader reaches without a link of the archive. */
  entryPoints: readonly string[];
  /** Is a root-relative path part of the published site (under its root)? */
  inSite(path: string): boolean;
  /** A file's size in bytes, or undefined when it cannot be read. */
  size(path: string): number | undefined;
}

/** A finding of an archive-wide check: about a file as a whole (reported at its line 1, column 1). */
export interface ArchiveProblem {
  path: string;
  ruleId: string;
  messageId: string;
  message: string;
  /** For the summaries: the kind of file and its bytes (unused files), the pages a link would bring back (orphans). */
  data?: { kind?: string; bytes?: number; bringsBack?: number };
}

export interface RuleModule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  plugin: Plugin<[unknown?], Root>;
  /** Checks that need the whole archive: run after every file has been processed. */
  crossFile?: (facts: FileFacts, ctx: CrossFileContext, options: Options) => RawProblem[];
  /**
   * Checks of the archive as a graph (orphan pages, unused files): run once a run, on the graph of every page's
   * links, after the archive index. Their findings are never cached: they depend on every other page's links.
   */
  archive?: (ctx: ArchiveContext, options: Options) => ArchiveProblem[];
}

/** Templates split once at their `{key}`s: literal text at even indices, keys at odd ones. */
const templateParts = new Map<string, string[]>();
/** The metadata of the rule `id` among `rules` (undefined: not one of them). */
export function metaOf(rules: readonly { meta: RuleMeta }[], id: string): RuleMeta | undefined {
  for (const r of rules) if (r.meta.id === id) return r.meta;
  return undefined;
}

export function format(template: string, data: Record<string, string | number>): string {
  // A corpus page has a hundred messages and more: a regular expression with a callback for each cost 1-2 % of a run.
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    templateParts.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] as string;
    out += (key in data ? String(data[key]) : `{${key}}`) + (parts[i + 1] as string);
  }
  return out;
}

/** Build a problem from a message template. */
export function problem(
  meta: RuleMeta,
  messageId: string,
  data: Record<string, string | number>,
  start: number,
  end: number,
  fix?: Fix,
  fixKind: 'safe' | 'unsafe' = 'safe',
): RawProblem {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`${meta.id}: unknown message id '${messageId}'`);
  const p: RawProblem = { ruleId: meta.id, messageId, message: format(template, data), start, end };
  if (fix) {
    p.fix = fix;
    if (fixKind === 'unsafe') p.fixKind = 'unsafe';
  }
  return p;
}

/** Report a problem on a vfile (inside a unified-lint-rule plugin), keeping offsets, message id and fix. */
export function report(file: VFile, p: RawProblem, lineStarts: readonly number[]): void {
  // Under the engine, problems stay plain data (a VFileMessage per problem costs more than the check).
  const ctx = (file.data as { archiveLint?: FileContext }).archiveLint;
  if (ctx?.engine && ctx.problems) {
    ctx.problems.push(p);
    return;
  }
  const start = pointFor(lineStarts, p.start);
  const end = pointFor(lineStarts, p.end);
  const message = file.message(p.message, { place: { start, end }, ruleId: p.ruleId, source: 'archive-lint' });
  Object.assign(message, { messageId: p.messageId, offsets: [p.start, p.end] as [number, number] });
  if (p.fix) Object.assign(message, { fix: p.fix, fixKind: p.fixKind ?? 'safe' });
  if (p.severity !== undefined) Object.assign(message, { severityOverride: p.severity });
  if (p.occurrences !== undefined) Object.assign(message, { occurrences: p.occurrences });
}

import { pointAt } from '../walk/text.js';

function pointFor(starts: readonly number[], offset: number) {
  return { ...pointAt(starts, offset), offset };
}
