/** What git says about the archive: its top level, its GitHub identity, its branch. Never throws. */
import { execFileSync } from 'node:child_process';
import { repoFromRemote } from './github.js';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
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
