/** A target index read lazily from the file system, for rules run outside the engine (remark-cli). */
import { readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { closest, isMarkdownPath, type TargetIndex } from './target-index.js';
import { decodeText } from '../walk/text.js';
import { parseMarkdown } from '../parse/parse.js';
import { extract } from '../parse/extract.js';
import { readBounded } from '../io/index.js';
import { DEFAULT_MAX_FILE_SIZE } from '../config/config.js';

export class FsIndex implements TargetIndex {
  private readonly listings = new Map<string, string[] | undefined>();
  private readonly anchorCache = new Map<string, ReadonlySet<string> | undefined>();

  constructor(private readonly root: string) {}

  private list(dir: string): string[] | undefined {
    if (!this.listings.has(dir)) {
      try {
        this.listings.set(dir, readdirSync(join(this.root, dir)));
      } catch {
        this.listings.set(dir, undefined);
      }
    }
    return this.listings.get(dir);
  }

  stat(path: string): 'file' | 'dir' | undefined {
    if (path === '') return 'dir';
    // Exact case: every segment must be listed as written.
    const parts = path.split('/');
    let dir = '';
    for (const part of parts) {
      if (!this.list(dir)?.includes(part)) return undefined;
      dir = dir === '' ? part : `${dir}/${part}`;
    }
    try {
      return statSync(join(this.root, path)).isDirectory() ? 'dir' : 'file';
    } catch {
      return undefined;
    }
  }

  realCase(path: string): string | undefined {
    const parts = path.split('/');
    let dir = '';
    for (const part of parts) {
      const hit = this.list(dir)?.find((n) => n.toLowerCase() === part.toLowerCase());
      if (hit === undefined) return undefined;
      dir = dir === '' ? hit : `${dir}/${hit}`;
    }
    return dir !== path ? dir : undefined;
  }

  anchors(path: string): ReadonlySet<string> | undefined {
    if (!isMarkdownPath(path)) return undefined;
    if (!this.anchorCache.has(path)) {
      let set: ReadonlySet<string> | undefined;
      try {
        // A page outside the lint (not included, or ignored), bounded: a link to /dev/zero gives no anchors.
        const decoded = decodeText(readBounded(join(this.root, path), { maxBytes: DEFAULT_MAX_FILE_SIZE, root: this.root }));
        if ('text' in decoded) set = new Set(extract(parseMarkdown(decoded.text), decoded.text, path).facts.anchors);
      } catch {
        set = undefined;
      }
      this.anchorCache.set(path, set);
    }
    return this.anchorCache.get(path);
  }

  suggest(path: string): string | undefined {
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const names = this.list(dir);
    const hit = names ? closest(posix.basename(path), names) : undefined;
    return hit === undefined ? undefined : dir === '' ? hit : `${dir}/${hit}`;
  }
}
