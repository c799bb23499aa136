/**
 * Stage: the archive index and link resolution (src/core/links/). In: the walk's files and each Markdown file's
 * anchors. Out: lookups (exact case, other case, anchors, nearest names) for cross-file checks, how a URL written in
 * a file reads (resolve.ts, GitHub's and mirrors' URLs in github.ts), and why a target is missing (missing-target.ts).
 * The phase builds the index and the cross-file context (archive.ts); the cross-file checks run against them
 * (cross-file.ts).
 *
 * The archive index: which files exist, with their exact letter case, and their anchors.
 */
import { posix } from 'node:path';
import { distance } from 'fastest-levenshtein';

export interface TargetIndex {
  /** Exact-case lookup. */
  stat(path: string): 'file' | 'dir' | undefined;
  /** A path that matches when letter case is ignored, or undefined. */
  realCase(path: string): string | undefined;
  /** Anchors of a Markdown file (heading slugs and explicit ids), or undefined when unknown. */
  anchors(path: string): ReadonlySet<string> | undefined;
  /** The closest existing file, for "did you mean". */
  suggest(path: string): string | undefined;
  /** The one other file with the same name (any letter case), if there is exactly one. */
  sameName?(path: string): string | undefined;
}

const MARKDOWN = /\.(md|markdown|mdown|mkd|mkdn)$/i;

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN.test(path);
}

/** Closest name among candidates, within a distance that still reads as a typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length * 0.3));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name) continue;
    if (Math.abs(c.length - name.length) > limit) continue;
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

export class ArchiveIndex implements TargetIndex {
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>(['']);
  private readonly lower = new Map<string, string>();
  private readonly byBase = new Map<string, string[]>();
  private children: Map<string, string[]> | undefined;
  private readonly anchorMap = new Map<string, ReadonlySet<string>>();

  /** `loadAnchors` is asked for the anchors of Markdown files whose facts were not given (partial runs). */
  constructor(
    files: Iterable<string>,
    private readonly loadAnchors?: (path: string) => ReadonlySet<string> | undefined,
  ) {
    for (const file of files) this.add(file);
  }

  private add(file: string): void {
    this.files.add(file);
    this.lower.set(file.toLowerCase(), file);
    const base = posix.basename(file).toLowerCase();
    const list = this.byBase.get(base);
    if (list) list.push(file);
    else this.byBase.set(base, [file]);
    this.addFolders(file, true);
  }

  /** The folders above a file; `own`: their lower-case names win over a file's of the same name. */
  private addFolders(file: string, own: boolean): void {
    let dir = posix.dirname(file);
    while (dir !== '.' && !this.dirs.has(dir)) {
      this.dirs.add(dir);
      if (own || !this.lower.has(dir.toLowerCase())) this.lower.set(dir.toLowerCase(), dir);
      dir = posix.dirname(dir);
    }
  }

  /** A file that appeared (a language server's watched files): known from now on, its anchors loaded when asked. */
  addFile(file: string): void {
    if (this.files.has(file)) return;
    this.add(file);
    this.children = undefined;
  }

  /** A file that went away: unknown from now on, with its anchors, and the folders it alone kept. */
  removeFile(file: string): void {
    if (!this.files.delete(file)) return;
    if (this.lower.get(file.toLowerCase()) === file) this.lower.delete(file.toLowerCase());
    const base = posix.basename(file).toLowerCase();
    const list = this.byBase.get(base)?.filter((p) => p !== file);
    if (list?.length) this.byBase.set(base, list);
    else this.byBase.delete(base);
    this.anchorMap.delete(file);
    // The folders are those of the files left (a folder with no file is not published).
    for (const dir of this.dirs) if (this.lower.get(dir.toLowerCase()) === dir) this.lower.delete(dir.toLowerCase());
    this.dirs.clear();
    this.dirs.add('');
    for (const f of this.files) this.addFolders(f, false);
    this.children = undefined;
  }

  /** The names in a folder ('' for the root): its files and folders, for completion. */
  entries(dir: string): readonly string[] {
    return this.childMap().get(dir) ?? [];
  }

  get size(): number {
    return this.files.size;
  }

  setAnchors(path: string, anchors: Iterable<string>): void {
    this.anchorMap.set(path, new Set(anchors));
  }

  stat(path: string): 'file' | 'dir' | undefined {
    if (this.files.has(path)) return 'file';
    if (this.dirs.has(path)) return 'dir';
    return undefined;
  }

  realCase(path: string): string | undefined {
    const hit = this.lower.get(path.toLowerCase());
    return hit !== undefined && hit !== path ? hit : undefined;
  }

  /** Anchors already known (given, or loaded when asked for), without loading any. */
  knownAnchors(path: string): ReadonlySet<string> | undefined {
    return this.anchorMap.get(path);
  }

  anchors(path: string): ReadonlySet<string> | undefined {
    let set = this.anchorMap.get(path);
    if (!set && this.files.has(path) && isMarkdownPath(path) && this.loadAnchors) {
      set = this.loadAnchors(path);
      if (set) this.anchorMap.set(path, set);
    }
    return set;
  }

  sameName(path: string): string | undefined {
    const same = this.byBase.get(posix.basename(path).toLowerCase())?.filter((p) => p !== path);
    return same && same.length === 1 ? same[0] : undefined;
  }

  suggest(path: string): string | undefined {
    const base = posix.basename(path);
    const same = this.sameName(path);
    if (same !== undefined) return same;
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const names = this.childMap().get(dir);
    const hit = names ? closest(base, names) : undefined;
    return hit === undefined ? undefined : dir === '' ? hit : `${dir}/${hit}`;
  }

  private childMap(): Map<string, string[]> {
    if (!this.children) {
      this.children = new Map();
      for (const p of [...this.files, ...this.dirs]) {
        if (p === '') continue;
        const d = posix.dirname(p);
        const key = d === '.' ? '' : d;
        const list = this.children.get(key);
        if (list) list.push(posix.basename(p));
        else this.children.set(key, [posix.basename(p)]);
      }
    }
    return this.children;
  }
}
