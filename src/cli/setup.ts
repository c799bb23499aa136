/** What the commands on an archive (links-to, mv) take from the command line: the archive, its config and cache. */
import type { ResolvedConfig } from '../core/config/config.js';
import type { RepoIdentity } from '../core/links/github.js';
import type { FileCache } from '../core/cache/cache.js';

export interface ArchiveSetup {
  root: string;
  config: ResolvedConfig;
  repo: RepoIdentity | undefined;
  /** The cache folder (undefined: --no-cache), and the key a lint run stores it under. */
  cacheLocation: string | undefined;
  cacheKey: string;
  /** The machine's secret that authenticates the cache (with a cache folder only). */
  cacheSecret?: Uint8Array;
  /** A usage error (exit 2) with this message. */
  usage: (message: string) => Error;
}

/** Save a command's cache (links-to, mv): what it could not read or write, as warnings (the command goes on). */
export function cacheWarnings(cache: FileCache | undefined): string[] {
  if (!cache) return [];
  const saved = cache.save();
  return [...cache.warnings, ...saved.unplaced, ...saved.failed];
}
