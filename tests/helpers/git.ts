/**
 * git for the tests' own setup (init, add, commit, mv, rm, rev-parse), isolated from whoever runs the tests:
 * no global or system config (commit signing, a hooks path, a default branch, `diff.noprefix` would change or
 * break what the tests build), no `GIT_*` variable of a hook the suite may run in (`GIT_DIR`, `GIT_INDEX_FILE`),
 * HOME in a folder of its own, and a fixed author. The command line under test runs git with the caller's
 * environment, as it does for a user; only the tests' own git goes through here.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let home: string | undefined;

/**
 * The environment of the tests' git: `base` without any `GIT_*` variable, with no config but the repository's.
 * `keepHome` for a tool that runs git and needs its own files in HOME (npm's cache, for `npm install git+file:`).
 */
export function gitEnv(base: NodeJS.ProcessEnv = process.env, options: { keepHome?: boolean } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith('GIT_')) env[k] = v;
  if (!options.keepHome) {
    home ??= mkdtempSync(join(tmpdir(), 'archive-lint-git-home-'));
    Object.assign(env, { HOME: home, XDG_CONFIG_HOME: join(home, '.config') });
  }
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_AUTHOR_DATE: '2024-01-02T03:04:05Z',
    GIT_COMMITTER_DATE: '2024-01-02T03:04:05Z',
  };
}

/** Run git in `cwd` with the isolated environment; its output without the final line break. Throws with git's stderr when it fails. */
export function git(cwd: string, ...args: string[]): string {
  try {
    return execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${err.stderr ?? err.message}`);
  }
}

/** Run git with its status and output, for a command whose failure a test looks at (`env`: an isolated one). */
export function gitSpawn(cwd: string, args: string[], env: NodeJS.ProcessEnv = gitEnv()): SpawnSyncReturns<string> {
  return spawnSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** A new repository in `root` with everything in it committed on `main`. */
export function commitAll(root: string, message = 'base'): void {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', message);
}
