/**
 * The per-machine secret that authenticates cache files. In: where the user's cache directory is (the environment
 * and the home folder, given). Out: 32 random bytes, made once and kept at
 * `$XDG_CACHE_HOME/archive-lint/secret` (else `~/.cache/archive-lint/secret`; `%LOCALAPPDATA%` on Windows), mode
 * 0600: outside any archive, so that no commit can carry it.
 *
 * Each frame of a cache file carries an HMAC under this secret (cache.ts, and the URL cache's file): a cache folder
 * committed to a repository, or rewritten by anyone who cannot read the secret, is not trusted, whatever its
 * entries claim. When the secret cannot be kept (a read-only home), a secret of this process alone is used, and
 * the cache is rebuilt by the next run: slower, never wrong.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { IoError, readBoundedIfAny, writeFileAtomic } from '../io/index.js';

export interface MachineSecret {
  secret: Buffer;
  /** Where it is kept (undefined: this process's own). */
  file?: string;
  /** Why it could not be kept, for a warning. */
  warning?: string;
}

/** Where the secret is kept, from the environment. */
export function secretFile(env: Record<string, string | undefined>, home: string = homedir()): string {
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA ? env.LOCALAPPDATA : join(home, '.cache'));
  return join(base, 'archive-lint', 'secret');
}

const cached = new Map<string, MachineSecret>();

/** The machine's secret: read, or made on first use. */
export function machineSecret(file: string): MachineSecret {
  const known = cached.get(file);
  if (known) return known;
  let result: MachineSecret;
  try {
    const held = readBoundedIfAny(file, { maxBytes: 1024, what: 'cache secret' });
    if (held !== undefined && /^[0-9a-f]{64}\n?$/.test(held.toString('latin1'))) {
      result = { secret: Buffer.from(held.toString('latin1').trim(), 'hex'), file };
    } else {
      writeFileAtomic(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
      // Read back: of two first runs at once, the secret whose rename came last is the one both use from now on.
      const kept = readBoundedIfAny(file, { maxBytes: 1024, what: 'cache secret' })?.toString('latin1').trim() ?? '';
      if (!/^[0-9a-f]{64}$/.test(kept)) throw new Error(`${file}: not a secret written by archive-lint`);
      result = { secret: Buffer.from(kept, 'hex'), file };
    }
  } catch (e) {
    const why = e instanceof IoError ? e.message : (e as Error).message;
    result = { secret: randomBytes(32), warning: `the cache cannot be reused by later runs: its secret cannot be kept (${why})` };
  }
  cached.set(file, result);
  return result;
}
