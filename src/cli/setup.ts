/** What the commands on an archive (links-to, mv) take from the command line: the archive, its config and cache. */
import type { ResolvedConfig } from '../core/config/config.js';
import type { RepoIdentity } from '../core/links/github.js';

export interface ArchiveSetup {
  root: string;
  config: ResolvedConfig;
  repo: RepoIdentity | undefined;
  /** The cache folder (undefined: --no-cache), and the key a lint run stores it under. */
  cacheLocation: string | undefined;
  cacheKey: string;
  /** A usage error (exit 2) with this message. */
  usage: (message: string) => Error;
}
