/**
 * The Action's bundle run as the runner runs it (inputs as INPUT_* variables, an event file, summary and output
 * files), asynchronously, so that a server of the test (a fake GitHub API on 127.0.0.1) can answer it meanwhile; and
 * pull requests as GitHub checks them out (a depth-1 fetch of the merge commit).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { git, gitEnv } from './git.js';

const entry = fileURLToPath(new URL('../../.github/action/index.js', import.meta.url));

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop() as string, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'archive-lint-action-'));
  made.push(d);
  return d;
}


function write(root: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) {
      git(root, 'rm', '-q', path);
      continue;
    }
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export interface PullRequest {
  workspace: string;
  event: object;
  base: string;
  head: string;
}

/** A pull request that makes `change` (a file's new text, or null to delete it) to an archive of `files`. */
export function pullRequest(files: Record<string, string>, change: Record<string, string | null>): PullRequest {
  const dir = temp();
  const origin = join(dir, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  write(origin, files);
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'base');
  const base = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', '-b', 'pr');
  write(origin, change);
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'the change');
  const head = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', 'main');
  git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge pr into main', 'pr');
  git(origin, 'update-ref', 'refs/pull/9/merge', git(origin, 'rev-parse', 'HEAD'));
  git(origin, 'reset', '-q', '--hard', base);
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  git(workspace, 'init', '-q');
  git(workspace, 'remote', 'add', 'origin', `file://${origin}`);
  git(workspace, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/9/merge:refs/remotes/pull/9/merge');
  git(workspace, 'checkout', '-q', '--detach', 'refs/remotes/pull/9/merge');
  return { workspace, base, head, event: { number: 9, pull_request: { number: 9, base: { sha: base, ref: 'main' }, head: { sha: head } } } };
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** The annotation commands of the log, in order. */
  annotations: string[];
}

export async function runAction(pr: PullRequest, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  const dir = temp();
  const files = { event: join(dir, 'event.json'), summary: join(dir, 'summary.md'), output: join(dir, 'output.txt') };
  writeFileSync(files.event, JSON.stringify(pr.event));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  // The runner's environment, with git isolated as the tests' own (no config of whoever runs them).
  const full: NodeJS.ProcessEnv = {
    ...gitEnv(),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: pr.workspace,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_REPOSITORY: 'owner/archive',
    RUNNER_TEMP: dir,
    'INPUT_FAIL-ON': 'error',
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) full[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [entry], { cwd: pr.workspace, env: full });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(files.output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm)) outputs[m[1] as string] = m[3] as string;
  const annotations = stdout.split('\n').filter((l) => /^::(error|warning|notice)[ :]/.test(l));
  return { code, stdout, stderr, summary: readFileSync(files.summary, 'utf8'), outputs, annotations };
}
