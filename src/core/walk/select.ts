/**
 * The walk phase: the files that exist, and the ones this run lints (the PATHs asked for, then what a change
 * touches, then a shard's slice). In: the root, the config, the run's paths, change set and shard; out: the
 * files in walk order.
 */
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { walk, type WalkResult } from './walk.js';
import { anchorsAtBase, linksToTouched, localTargets, mayLink, needles, stagedText, type ChangeSet, type Touched } from './changed.js';
import { shardFiles, type Shard } from './shard.js';
import { isMarkdownPath } from '../links/target-index.js';
import { factsOf } from '../parse/facts.js';
import type { ResolvedConfig } from '../config/config.js';
import { readBounded } from '../io/index.js';
import type { RepoIdentity } from '../links/github.js';

/** What a change-aware run lints a file for: the files the change itself touched, and what it took away. */
export interface Breakage {
  direct: ReadonlySet<string>;
  touched: Touched;
}

/**
 * A change that adds or modifies no file the config would lint, and deletes or renames nothing, breaks nothing:
 * a hook on such a commit need not walk the archive.
 */
export function changeTouchesNothing(cs: ChangeSet, config: ResolvedConfig): boolean {
  // A Markdown page the config ignores is still a link target: its headings count.
  if (cs.deleted.length || cs.renamed.size || cs.modified.some(isMarkdownPath)) return false;
  const included = picomatch(config.include, { dot: true });
  const ignored = picomatch(config.ignore, { dot: true });
  return !cs.changed.some((p) => included(p) && !ignored(p));
}

function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/**
 * Whether a root-relative file is one the run was asked for: under one of `paths` (absolute files or folders) or
 * matching one of `patterns` (root-relative globs, picomatch's syntax, as markdownlint-cli2 takes them), and
 * matching no negated pattern (`!drafts/**`). With neither paths nor positive patterns, every file is.
 */
export function pathSelector(root: string, paths: readonly string[] | undefined, patterns: readonly string[] | undefined): (rel: string) => boolean {
  const prefixes = (paths ?? []).map((p) => toRel(root, resolve(p)));
  const positive = (patterns ?? []).filter((p) => !p.startsWith('!'));
  const negative = (patterns ?? []).filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const everything = (prefixes.length === 0 && positive.length === 0) || prefixes.includes('');
  const matches = positive.length ? picomatch(positive, { dot: true }) : () => false;
  const excluded = negative.length ? picomatch(negative, { dot: true }) : () => false;
  return (f) => (everything || prefixes.some((p) => f === p || f.startsWith(`${p}/`)) || matches(f)) && !excluded(f);
}

/** Walk the archive: every file, and the files to lint under the given paths and matching the given patterns. */
export function walkArchive(root: string, config: ResolvedConfig, paths: string[] | undefined, patterns?: string[]): { walked: WalkResult; files: string[] } {
  const walked = walk(root, { include: config.include, ignore: config.ignore });
  if (!paths?.length && !patterns?.length) return { walked, files: walked.lint };
  const selected = pathSelector(root, paths, patterns);
  return { walked, files: walked.lint.filter(selected) };
}

export interface Selection {
  files: string[];
  /** In a change-aware run: what the change took away, and the files it changed. */
  breakage?: Breakage;
}

/**
 * The files this run lints, among `files` (the walk's, under the PATHs): in a change-aware run, those the change
 * touches and those linking to what it took away; then a shard's slice. `links` gives a file's local link targets
 * when the cache knows them.
 */
export function selectFiles(
  root: string,
  config: ResolvedConfig,
  repo: RepoIdentity | undefined,
  files: string[],
  walked: WalkResult,
  options: { changed?: ChangeSet | undefined; shard?: Shard | undefined; links?: ((path: string) => readonly string[] | undefined) | undefined },
): Selection {
  const out: Selection = { files };
  if (options.changed) {
    // Within the given paths, if any: the changed files there, and the files there that link to what changed.
    const c = changedFiles(root, config, repo, files, options.changed, options.links, walked.links);
    out.files = c.files;
    out.breakage = { direct: c.direct, touched: c.touched };
  }
  if (options.shard) out.files = shardFiles(root, out.files, options.shard);
  return out;
}

/**
 * The files a change-aware run lints: the changed Markdown files, and the unchanged ones that link to a file
 * the change deleted or renamed or to an anchor it removed. Linking files are found from the cache's facts
 * when it has them, else by a text prefilter on the touched names confirmed by a parse of the candidates.
 */
function changedFiles(
  root: string,
  config: ResolvedConfig,
  repo: RepoIdentity | undefined,
  lintable: string[],
  cs: ChangeSet,
  links: ((path: string) => readonly string[] | undefined) | undefined,
  unfollowed: ReadonlyMap<string, string>,
): { files: string[]; direct: Set<string>; touched: Touched } {
  const lintSet = new Set(lintable);
  const direct = new Set(cs.changed.filter((p) => lintSet.has(p)));
  const touched: Touched = { gone: new Set([...cs.deleted, ...cs.renamed.keys()]), removedAnchors: new Map(), site: config.site };
  for (const path of cs.modified) {
    if (!isMarkdownPath(path)) continue;
    const before = anchorsAtBase(root, cs.base, path, config.site);
    if (before.size === 0) continue;
    // What the commit takes: the staged text of a file whose work-tree copy has changes not staged.
    const staged = cs.staged && cs.unstaged?.has(path) ? stagedText(root, path)?.replace(/^\ufeff/, '') : undefined;
    const current = new Set(factsOf(root, path, config.maxFileSize, config.site, staged, config.siteModel)?.anchors ?? []);
    const removed = new Set([...before].filter((a) => !current.has(a)));
    if (removed.size) touched.removedAnchors.set(path, removed);
  }
  const out = new Set(direct);
  if (touched.gone.size === 0 && touched.removedAnchors.size === 0) return { files: lintable.filter((p) => out.has(p)), direct, touched };
  const words = needles(touched);
  for (const path of lintable) {
    // Never opened: a link that loops or leaves the root.
    if (out.has(path) || unfollowed.has(path)) continue;
    let targets = links?.(path);
    if (!targets) {
      let text: string;
      try {
        // Bounded as a page is: a file of the archive linked to /dev/zero is passed over, not read for ever.
        text = readBounded(join(root, path), { maxBytes: config.maxFileSize, root }).toString('utf8');
      } catch {
        continue;
      }
      if (!mayLink(text, words)) continue;
      const facts = factsOf(root, path, config.maxFileSize, config.site, text.replace(/^\ufeff/, ''), config.siteModel);
      if (!facts) continue;
      targets = localTargets(facts, repo);
    }
    if (linksToTouched(targets, touched)) out.add(path);
  }
  return { files: lintable.filter((p) => out.has(p)), direct, touched };
}
