/** What git says about the archive: its top level, its GitHub identity, its branch. Never throws. */
import { execFileSync } from 'node:child_process';
import { repoFromRemote } from '../links/github.js';

/** git's output (throws when git fails). */
export function runGit(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** git's output, trimmed ('' when it says nothing), or undefined when git fails. */
export function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return runGit(cwd, args).trim();
  } catch {
    return undefined;
  }
}

/** A value git gives, or undefined when it gives none. */
function git(cwd: string, args: string[]): string | undefined {
  return tryGit(cwd, args) || undefined;
}

export function gitTopLevel(cwd: string): string | undefined {
  return git(cwd, ['rev-parse', '--show-toplevel']);
}

export function gitRemoteRepo(cwd: string): { owner: string; name: string } | undefined {
  const url = git(cwd, ['remote', 'get-url', 'origin']);
  return url ? repoFromRemote(url) : undefined;
}

export function gitBranch(cwd: string): string | undefined {
  const b = git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
  return b && b !== 'HEAD' ? b : undefined;
}
