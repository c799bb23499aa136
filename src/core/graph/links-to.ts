/**
 * "What links here": every link and image of the archive that reaches a path (a file, a folder and what is under
 * it, or one anchor of a page), with its position, read from the cache's reverse-link index (the files' local
 * targets and their positions); a page the cache does not hold, or holds for other bytes, is read and its links
 * recorded there. In: the root, the config, the repository identity, the cache; out: the links, in path order.
 */
import { ArchiveIndex } from '../links/target-index.js';
import { isMarkdownPath } from '../links/target-index.js';
import { walk } from '../walk/walk.js';
import { localLinks, REF_DEFINITION, REF_HTML, REF_IMAGE, type LocalLinks } from '../walk/changed.js';
import { processFile } from '../parse/process-file.js';
import { targetFile, type GraphSite } from './graph.js';
import type { FileCache } from '../cache/cache.js';
import type { ResolvedConfig } from '../config/config.js';
import type { RepoIdentity } from '../links/github.js';
import type { RefSource } from '../../types.js';

export interface LinkAt {
  /** The linking page, root-relative. */
  from: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The target as the link resolves it: `path` or `path#fragment`, root-relative. */
  target: string;
  /** The file it reaches on the site (a folder's README, `X.md` for `X.html` under a profile), or the path. */
  file: string;
  type: 'link' | 'image';
  source: RefSource;
}

export interface ArchiveLinks {
  /** Every file of the archive. */
  files: string[];
  index: ArchiveIndex;
  where: GraphSite;
  /** Each page's local links. */
  pages: Map<string, LocalLinks>;
  /** Pages read because the cache did not hold them (the rest came from it). */
  read: number;
}

export interface ArchiveLinksOptions {
  root: string;
  config: ResolvedConfig;
  repo: RepoIdentity | undefined;
  cache: FileCache | undefined;
}

/** Every page's local links: from the cache where it holds the page's bytes, else read (and recorded there). */
export function archiveLinks(o: ArchiveLinksOptions): ArchiveLinks {
  const { root, config, cache } = o;
  const walked = walk(root, { include: config.include, ignore: config.ignore });
  const files = walked.files.filter((f) => !walked.links.has(f));
  const pages = new Map<string, LocalLinks>();
  let read = 0;
  for (const path of files) {
    if (!isMarkdownPath(path)) continue;
    const entry = cache?.links(root, path);
    if (entry?.refs) {
      pages.set(path, { targets: entry.targets, refs: entry.refs });
      continue;
    }
    read++;
    const outcome = processFile(path, [], { root, rules: {}, mirrors: {}, maxFileSize: config.maxFileSize, site: config.site });
    if (outcome.error) continue;
    const local = localLinks(outcome.facts, outcome.lineStarts, o.repo);
    pages.set(path, local);
    if (cache && outcome.stamp && outcome.hash) cache.setLinks(path, outcome.stamp, outcome.hash, outcome.facts.anchors, local);
  }
  return { files, index: new ArchiveIndex(files), where: { site: config.site, siteRoot: config.siteRoot }, pages, read };
}

/** A path asked about: a file or folder, root-relative, and an anchor of it when one is given. */
export interface LinkQuery {
  path: string;
  fragment?: string;
}

/** Does a link to `file` (and `fragment`) reach what the query names? */
function matches(q: LinkQuery, file: string, fragment: string | undefined): boolean {
  if (!(q.path === '' || file === q.path || file.startsWith(`${q.path}/`))) return false;
  return q.fragment === undefined || (fragment !== undefined && (fragment === q.fragment || fragment.toLowerCase() === q.fragment.toLowerCase()));
}

/** Every link and image that reaches one of the queries, by linking page, then position. */
export function linksTo(links: ArchiveLinks, queries: readonly LinkQuery[]): LinkAt[] {
  const out: LinkAt[] = [];
  // Under GitHub a link reaches the file it names, or a folder's README: only a target on the way to a query, or
  // under one, is resolved (a site profile's `X.html` and folder pages are resolved always).
  const published = links.where.site !== 'github';
  const near = (t: string) => {
    const path = t.split('#')[0] as string;
    return published || queries.some((q) => q.path === '' || path === q.path || path.startsWith(`${q.path}/`) || q.path.startsWith(`${path}/`) || path === '');
  };
  for (const [from, { targets, refs }] of [...links.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const files = targets.map((t) => (near(t) ? (targetFile(t, links.index, links.where) ?? (t.split('#')[0] as string)) : undefined));
    for (let k = 0; k + 5 < refs.length; k += 6) {
      const i = refs[k] as number;
      const target = targets[i] as string;
      const file = files[i];
      if (file === undefined) continue;
      const hash = target.indexOf('#');
      if (!queries.some((q) => matches(q, file, hash < 0 ? undefined : target.slice(hash + 1)))) continue;
      const flags = refs[k + 5] as number;
      out.push({
        from,
        line: refs[k + 1] as number,
        column: refs[k + 2] as number,
        endLine: refs[k + 3] as number,
        endColumn: refs[k + 4] as number,
        target,
        file,
        type: flags & REF_IMAGE ? 'image' : 'link',
        source: flags & REF_HTML ? 'html' : flags & REF_DEFINITION ? 'definition' : 'markdown',
      });
    }
  }
  return out;
}
