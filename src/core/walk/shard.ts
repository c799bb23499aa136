/**
 * Shards: the I-th of N deterministic slices of the files to lint, for CI matrices. In: the files in walk order
 * and their sizes; out: the files of one shard, in the same order.
 *
 * Balanced by bytes, since parsing costs by the byte and an archive holds 2.7 MB index pages beside 2 KB pages:
 * the files keep their walk order (sorted by path) and are cut into N runs of about equal bytes, a file going to
 * the shard its middle byte falls in. So every shard is within one file's size of total / N, a shard is a few
 * folders' runs of files (its cache and its report stay together), and adding or removing a file moves only the
 * files near the cuts, not the whole assignment (as sorting by size into the lightest bin would).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

export interface Shard {
  /** 1-based, as `--shard 1/4`. */
  index: number;
  count: number;
}

/** `I/N` with 1 ≤ I ≤ N, or a reason why not. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `expected I/N (the I-th of N shards, from 1), such as 1/4`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return 'N must be at least 1';
  if (index < 1 || index > count) return `I must be from 1 to ${count}`;
  return { index, count };
}

/** Which shard (0-based) each file goes to, given the files' sizes in walk order. */
export function assignShards(sizes: readonly number[], count: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const out: number[] = new Array<number>(sizes.length);
  let before = 0;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i] as number;
    // With no bytes at all, files are cut by count.
    const middle = total > 0 ? (before + size / 2) / total : (i + 0.5) / sizes.length;
    out[i] = Math.min(count - 1, Math.floor(middle * count));
    before += size;
  }
  return out;
}

/** The files of one shard (root-relative, in walk order); a file that cannot be read weighs nothing. */
export function shardFiles(root: string, files: readonly string[], shard: Shard): string[] {
  if (shard.count === 1) return [...files];
  const sizes = files.map((f) => {
    try {
      return statSync(join(root, f)).size;
    } catch {
      return 0;
    }
  });
  const of = assignShards(sizes, shard.count);
  return files.filter((_, i) => of[i] === shard.index - 1);
}
