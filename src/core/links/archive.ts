/**
 * The archive-index phase: which files exist and the anchors of each Markdown file (the linted files' from their
 * outcomes, the others' from the cache or a parse when asked for), the mirrors' indexes, and with them the
 * context every cross-file check reads. In: the walk's files and the per-file outcomes; out: the index and the
 * cross-file context.
 */
import { statSync } from 'node:fs';
import { ArchiveIndex, type TargetIndex } from './target-index.js';
import { FsIndex } from './fs-index.js';
import { factsOf } from '../parse/facts.js';
import { jekyllUrls } from './jekyll.js';
import type { ChangeSet } from '../walk/changed.js';
import type { ResolvedConfig } from '../config/config.js';
import type { CrossFileContext } from '../parse/rule.js';
import type { RepoIdentity } from './github.js';
import type { FileOutcome } from '../../types.js';

export interface ArchiveIndexOptions {
  root: string;
  config: ResolvedConfig;
  /** Every file of the archive (the walk's). */
  files: readonly string[];
  /** The outcomes of this run: their anchors are known already. */
  outcomes: readonly (FileOutcome | undefined)[];
  /** A file's anchors as the cache knows them. */
  cachedAnchors: (path: string) => readonly string[] | undefined;
  mirrors: Record<string, string>;
  repo: RepoIdentity | undefined;
  changed: ChangeSet | undefined;
}

export function archiveIndexPhase(o: ArchiveIndexOptions): { index: ArchiveIndex; ctx: CrossFileContext } {
  const { root, config, mirrors } = o;
  // Anchors of files that were not linted in this run: from the cache's link index, else by parsing the file.
  const index = new ArchiveIndex(o.files, (path) => {
    const cached = o.cachedAnchors(path);
    if (cached) return new Set(cached);
    const facts = factsOf(root, path, config.maxFileSize, config.site, undefined, config.siteModel);
    return facts ? new Set(facts.anchors) : undefined;
  });
  // Anchors of cached files come from the cache's link index when asked for.
  for (const outcome of o.outcomes) if (outcome && !outcome.error) index.setAnchors(outcome.path, outcome.facts.anchors);
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
  if (o.repo) ctx.repo = o.repo;
  if (config.site !== 'github') Object.assign(ctx, { site: config.site, siteRoot: config.siteRoot, siteExternal: config.siteExternal, ...(config.siteModel ? { siteModel: config.siteModel } : {}) });
  // Jekyll: which page each URL of the built site is (front-matter permalinks, posts, collections).
  if (config.site === 'jekyll') ctx.siteUrls = jekyllUrls(root, config.siteRoot, o.files, config.siteModel ?? {}, config.maxFileSize);
  if (o.changed) {
    ctx.renamed = o.changed.renamed;
    ctx.renamedEdited = o.changed.renamedEdited ?? new Set();
    ctx.deleted = new Set(o.changed.deleted);
  }
  return { index, ctx };
}
