/**
 * Stage: the archive graph (src/core/graph/). In: every file of the archive (the walk's), each Markdown page's local
 * link targets (`path` or `path#fragment`, as the reverse-link index keeps them: from this run's outcomes, the
 * cache, or the page's facts) and the archive index. Out: the graph, both ways (who links to a file, what a page
 * links to), what the entry points reach, and, in phase.ts, the archive-wide rules' findings (orphan pages, unused
 * files) and the graph's summary for the audit.
 *
 * The graph: an edge from a page to each file its links and images resolve to, as the published site resolves
 * them (a folder is its README, or under a site profile its index page; `X.html` is `X.md` there).
 */
import { posix } from 'node:path';
import { siteCandidates, type Site } from '../config/site.js';
import { isMarkdownPath, type TargetIndex } from '../links/target-index.js';

/** The README GitHub shows for a folder, in the order it looks for one. */
const FOLDER_READMES = ['README.md', 'readme.md', 'Readme.md', 'README.markdown', 'README', 'index.md'];

export interface GraphSite {
  site: Site;
  /** The published site's root, root-relative ('' is the root). */
  siteRoot: string;
}

/** The file a link target (`path` or `path#fragment`, root-relative) reaches on the site, or undefined. */
export function targetFile(target: string, index: TargetIndex, where: GraphSite): string | undefined {
  const hash = target.indexOf('#');
  const path = hash < 0 ? target : target.slice(0, hash);
  const kind = index.stat(path);
  if (kind === 'file') return path;
  const published = where.site !== 'github';
  if (kind === 'dir' && !published) {
    const dir = path === '' ? '' : `${path}/`;
    return FOLDER_READMES.map((n) => `${dir}${n}`).find((p) => index.stat(p) === 'file');
  }
  if (!published) return undefined;
  // Under a profile: the page the site serves for it; a `/`-absolute link is the site root's.
  for (const base of where.siteRoot && !path.startsWith(`${where.siteRoot}/`) ? [path, posix.join(where.siteRoot, path)] : [path]) {
    if (base !== path && index.stat(base) === 'file') return base;
    const hit = siteCandidates(base, where.site).find((p) => index.stat(p) === 'file');
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export class ArchiveGraph {
  /** Every Markdown page of the archive, sorted. */
  readonly pages: readonly string[];
  private readonly outgoing = new Map<string, string[]>();
  private readonly incoming = new Map<string, string[]>();

  /**
   * `files`: every file of the archive; `targetsOf`: a page's local link targets (undefined: it could not be read,
   * and links nowhere).
   */
  constructor(
    readonly files: readonly string[],
    targetsOf: (page: string) => readonly string[] | undefined,
    index: TargetIndex,
    where: GraphSite,
  ) {
    this.pages = files.filter(isMarkdownPath).sort();
    for (const page of this.pages) {
      const to = new Set<string>();
      for (const target of targetsOf(page) ?? []) {
        const file = targetFile(target, index, where);
        // A page's links to itself bring no reader to it.
        if (file !== undefined && file !== page) to.add(file);
      }
      const list = [...to].sort();
      this.outgoing.set(page, list);
      for (const file of list) {
        const from = this.incoming.get(file);
        if (from) from.push(page);
        else this.incoming.set(file, [page]);
      }
    }
  }

  /** The files a page links to or shows (sorted). */
  linksFrom(page: string): readonly string[] {
    return this.outgoing.get(page) ?? [];
  }

  /** The pages that link to or show a file (sorted, itself excluded). */
  linksTo(file: string): readonly string[] {
    return this.incoming.get(file) ?? [];
  }

  /** Every page reachable from the entry points by following links (the entry points included). */
  reachable(entries: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const queue: string[] = [];
    for (const e of entries) {
      if (!seen.has(e)) {
        seen.add(e);
        queue.push(e);
      }
    }
    for (let k = 0; k < queue.length; k++) {
      for (const next of this.linksFrom(queue[k] as string)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  }

  /**
   * For each page of `region` (pages no entry point reaches): how many pages of the region a link to it would
   * bring back, itself included. Pages of one strongly connected component reach the same pages, so the count is
   * taken once a component (Tarjan's algorithm, without recursion), over the components' graph.
   */
  bringsBack(region: ReadonlySet<string>): Map<string, number> {
    const nodes = [...region].sort();
    const id = new Map(nodes.map((n, i) => [n, i]));
    const succ = nodes.map((n) => this.linksFrom(n).flatMap((t) => (id.has(t) ? [id.get(t) as number] : [])));
    const n = nodes.length;
    const indexOf = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const comp = new Int32Array(n).fill(-1);
    const stack: number[] = [];
    let counter = 0;
    let comps = 0;
    for (let s = 0; s < n; s++) {
      if (indexOf[s] !== -1) continue;
      const work: [number, number][] = [[s, 0]];
      indexOf[s] = low[s] = counter++;
      stack.push(s);
      onStack[s] = 1;
      while (work.length) {
        const top = work[work.length - 1] as [number, number];
        const [v, k] = top;
        const edges = succ[v] as number[];
        if (k < edges.length) {
          top[1]++;
          const w = edges[k] as number;
          if (indexOf[w] === -1) {
            indexOf[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            work.push([w, 0]);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v] as number, indexOf[w] as number);
          }
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
        if (low[v] === indexOf[v]) {
          for (;;) {
            const w = stack.pop() as number;
            onStack[w] = 0;
            comp[w] = comps;
            if (w === v) break;
          }
          comps++;
        }
      }
    }
    const size = new Int32Array(comps);
    const compSucc: Set<number>[] = Array.from({ length: comps }, () => new Set());
    for (let v = 0; v < n; v++) {
      const c = comp[v] as number;
      size[c] = (size[c] as number) + 1;
      for (const w of succ[v] as number[]) if (comp[w] !== c) (compSucc[c] as Set<number>).add(comp[w] as number);
    }
    const reach = new Int32Array(comps);
    const mark = new Int32Array(comps).fill(-1);
    for (let c = 0; c < comps; c++) {
      let total = 0;
      const queue = [c];
      mark[c] = c;
      for (let k = 0; k < queue.length; k++) {
        const x = queue[k] as number;
        total += size[x] as number;
        for (const y of compSucc[x] as Set<number>) {
          if (mark[y] !== c) {
            mark[y] = c;
            queue.push(y);
          }
        }
      }
      reach[c] = total;
    }
    return new Map(nodes.map((node, v) => [node, reach[comp[v] as number] as number]));
  }
}
