/**
 * The GitHub Action: its committed bundle is what a fresh build gives, and the bundled entry point, run as the
 * runner runs it (inputs as INPUT_* variables, an event file, summary and output files), annotates, summarises,
 * sets its outputs and exits as `fail-on` says, on this machine's Node.js and on Node 24 (GitHub's `node24`
 * runtime: `ARCHIVE_LINT_NODE24` names its binary; .ci/run installs one from the npm registry).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
// @ts-expect-error: a plain ES module of the build tools, without types.
import { bundleAction } from '../src/tools/bundle.mjs';

const project = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(project, '.github/action');
const entry = join(bundle, 'index.js');

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop() as string, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'archive-lint-action-'));
  made.push(d);
  return d;
}

const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/**
 * A pull request as GitHub checks it out: `origin` has the base branch and a pull request branch that deletes a
 * page the untouched index links to and adds a page with a warning; the workspace is a depth-1 fetch of the merge
 * commit, so the base commit must be fetched by the action.
 */
function pullRequest(): { workspace: string; event: object; base: string; head: string } {
  const dir = temp();
  const origin = join(dir, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  write(origin, {
    'index.md': '# Index\n\n- [Alpha](pages/a.md)\n- [Beta](pages/b.md)\n',
    'pages/a.md': '# Alpha\n\ntext\n',
    'pages/b.md': '# Beta\n\ntext\n',
    'old/broken.md': '# Old\n\n[gone long ago](nowhere.md)\n',
  });
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'base');
  const base = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', '-b', 'pr');
  git(origin, 'rm', '-q', 'pages/b.md');
  write(origin, { 'pages/c.md': '# Gamma\n\n<center>centred</center>\n' });
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'delete beta, add gamma');
  const head = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', 'main');
  git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge pr into main', 'pr');
  const merge = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', 'refs/pull/7/merge', merge);
  git(origin, 'reset', '-q', '--hard', base);

  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  git(workspace, 'init', '-q');
  git(workspace, 'remote', 'add', 'origin', `file://${origin}`);
  git(workspace, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/7/merge:refs/remotes/pull/7/merge');
  git(workspace, 'checkout', '-q', '--detach', 'refs/remotes/pull/7/merge');
  return { workspace, base, head, event: { number: 7, pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: head } } } };
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

function runBundle(node: string, workspace: string, eventName: string, event: object, inputs: Record<string, string> = {}): ActionRun {
  const dir = temp();
  const files = { event: join(dir, 'event.json'), summary: join(dir, 'summary.md'), output: join(dir, 'output.txt') };
  writeFileSync(files.event, JSON.stringify(event));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...gitEnv,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    RUNNER_TEMP: dir,
    'INPUT_FAIL-ON': 'error',
    INPUT_EXTERNAL: 'false',
    'INPUT_ANNOTATIONS-LIMIT': '50',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(node, [entry], { cwd: workspace, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(files.output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm)) outputs[m[1] as string] = m[3] as string;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(files.summary, 'utf8'), outputs };
}

describe('the committed Action bundle', () => {
  it('is what a fresh build gives (run `npm run build:action` after changing the sources)', async () => {
    const out = temp();
    await bundleAction(out);
    const names = (d: string) => readdirSync(d).sort();
    expect(names(bundle)).toEqual(names(out));
    for (const name of names(out)) expect(readFileSync(join(bundle, name)).equals(readFileSync(join(out, name))), `.github/action/${name} is stale`).toBe(true);
  }, 120_000);

  it('action.yml runs it on node24', () => {
    const yml = readFileSync(join(project, 'action.yml'), 'utf8');
    expect(yml).toMatch(/^ {2}using: node24$/m);
    expect(yml).toMatch(/^ {2}main: \.github\/action\/index\.js$/m);
    for (const name of ['paths', 'config', 'fail-on', 'external', 'baseline', 'sarif-file', 'annotations-limit']) expect(yml).toMatch(new RegExp(`^ {2}${name}:$`, 'm'));
  });
});

const node24 = process.env.ARCHIVE_LINT_NODE24;
if (process.env.CI && !node24) throw new Error('CI must set ARCHIVE_LINT_NODE24 to a Node 24 binary (see .ci/run)');
const nodes: [string, string][] = [[`node ${process.version}`, process.execPath]];
if (node24 && existsSync(node24)) nodes.push(['node 24', node24]);

describe.each(nodes)('the Action in a simulated runner (%s)', (_label, node) => {
  it('on a pull request: annotates the untouched index the deletion broke, writes the summary and outputs, and fails', () => {
    const pr = pullRequest();
    const r = runBundle(node, pr.workspace, 'pull_request', pr.event, { 'sarif-file': 'reports/archive-lint.sarif' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Fetching the base commit ${pr.base.slice(0, 12)}, which the shallow checkout lacks.`);
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations).toEqual([
      "::error file=index.md,line=4,col=10,endLine=4,endColumn=20,title=no-broken-links::Link target 'pages/b.md' does not exist: this change deleted it",
      expect.stringMatching(/^::warning file=pages\/c\.md,line=3,col=1,.*title=no-raw-html::/),
    ]);
    // old/broken.md is broken, but this pull request neither touched nor broke it.
    expect(r.stdout).not.toContain('old/broken.md');
    expect(r.stdout).toContain('::error::archive-lint found 1 error and 1 warning introduced by this change (fail-on: error).');
    expect(r.summary).toContain('## archive-lint');
    expect(r.summary).toContain(`pull request \\#7: the files it changes and the files it breaks, compared with ${pr.base.slice(0, 12)}`);
    expect(r.summary).toContain("| index.md | 4 | error | Link target 'pages/b.md' does not exist: this change deleted it | no-broken-links |");
    expect(r.outputs).toMatchObject({ errors: '1', warnings: '1', files: '2', 'sarif-file': join(pr.workspace, 'reports/archive-lint.sarif') });
    // The complete report outlives the step, for actions/upload-artifact.
    const report = JSON.parse(readFileSync(r.outputs['report-file'] as string, 'utf8')) as { filePath: string; messages: unknown[] }[];
    expect(report.map((x) => [x.filePath.slice(pr.workspace.length + 1), x.messages.length])).toEqual([['index.md', 1], ['pages/c.md', 1]]);
    const sarif = JSON.parse(readFileSync(join(pr.workspace, 'reports/archive-lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]?.results.map((x) => `${x.ruleId} ${x.locations[0]?.physicalLocation.artifactLocation.uri}`)).toEqual(['no-broken-links index.md', 'no-raw-html pages/c.md']);
    expect(r.code).toBe(1);
  }, 120_000);

  it('fail-on: never passes the same pull request; annotations-limit caps the annotations per level, the summary keeps them all', () => {
    const pr = pullRequest();
    // A new page not yet committed counts as part of the change: three problems.
    writeFileSync(join(pr.workspace, 'pages/d.md'), '# Delta\n\n<center>also centred</center>\n');
    const r = runBundle(node, pr.workspace, 'pull_request', pr.event, { 'fail-on': 'never', 'annotations-limit': '1' });
    // One annotation a level: the error, one warning, then the notice for the warning left out.
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice)/.test(l));
    expect(annotations).toEqual([
      expect.stringMatching(/^::error file=index\.md,/),
      expect.stringMatching(/^::warning file=pages\/c\.md,/),
      '::notice::1 more problem not annotated (GitHub shows 10 annotations per level); the job summary lists every problem.',
    ]);
    expect(r.summary).toMatch(/\| pages\/d\.md \| 3 \| warning \|/);
    const none = runBundle(node, pr.workspace, 'pull_request', pr.event, { 'fail-on': 'never', 'annotations-limit': '0' });
    expect(none.stdout.split('\n').filter((l) => /^::(error|warning|notice)/.test(l))).toEqual(['::notice::3 more problems not annotated (GitHub shows 10 annotations per level); the job summary lists every problem.']);
    expect(r.summary).toContain('| index.md | 4 | error |');
    expect(r.summary).toMatch(/\| pages\/c\.md \| 3 \| warning \|/);
    expect(r.code).toBe(0);
  }, 120_000);

  it('on push: audits the whole archive', () => {
    const pr = pullRequest();
    const r = runBundle(node, pr.workspace, 'push', {}, { 'fail-on': 'warning' });
    expect(r.summary).toContain('push: audit of the whole archive');
    expect(r.stdout).toContain("::error file=old/broken.md,line=3,col=17,endLine=3,endColumn=27,title=no-broken-links::Link target 'old/nowhere.md' does not exist");
    expect(r.outputs).toMatchObject({ errors: '2', warnings: '1', files: '4' });
    expect(r.code).toBe(1);
  }, 120_000);

  it('reads the config file (its validator is inside the bundle)', () => {
    const pr = pullRequest();
    writeFileSync(join(pr.workspace, 'lint.json'), '{ "rules": { "no-raw-html": "off" } }\n');
    const r = runBundle(node, pr.workspace, 'pull_request', pr.event, { config: 'lint.json' });
    expect(r.outputs).toMatchObject({ errors: '1', warnings: '0' });
    writeFileSync(join(pr.workspace, 'lint.json'), '{ "rules": { "no-raw-html": "of" } }\n');
    const bad = runBundle(node, pr.workspace, 'pull_request', pr.event, { config: 'lint.json' });
    expect(bad.stdout).toContain(`archive-lint: ${join(pr.workspace, 'lint.json')}: 'rules.no-raw-html'`);
    expect(bad.stdout).toContain(`::error::archive-lint could not run as asked: ${join(pr.workspace, 'lint.json')}: 'rules.no-raw-html'`);
    expect(bad.summary).toContain('**archive-lint could not run as asked** (exit 2):');
    expect(bad.code).toBe(2);
  }, 120_000);

  it('never lets text from the archive run as a workflow command', () => {
    const pr = pullRequest();
    // A link whose target holds a line that would be a command, and a file named like one (a symbolic link that
    // leaves the root: a file that cannot be linted, annotated by its name).
    writeFileSync(join(pr.workspace, 'forge.md'), '<a href="nothere.md\n::error file=README.md,line=1::FORGED-href">x</a>\n');
    symlinkSync('/etc/hostname', join(pr.workspace, 'x\n::error file=ok.md,line=1::FORGED-name\n.md'));
    const r = runBundle(node, pr.workspace, 'push', {}, { 'fail-on': 'never' });
    const lines = r.stdout.split('\n');
    const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[stop]?.slice('::stop-commands::'.length);
    const resume = lines.indexOf(`::${token}::`);
    expect(stop).toBeGreaterThan(-1);
    expect(resume).toBeGreaterThan(stop);
    // No line is a forged command: not inside the window (where the runner reads none), nor outside it, where the
    // text only appears escaped inside our own annotations.
    expect(lines.filter((l) => /^\s*::error file=(README|ok)\.md/.test(l))).toEqual([]);
    const read = [...lines.slice(0, stop), ...lines.slice(resume + 1)];
    expect(read.filter((l) => /FORGED/.test(l)).sort()).toEqual([
      "::error file=forge.md,line=1,col=10,endLine=2,title=no-broken-links::Link target 'nothere.md%0A::error file=README.md,line=1::FORGED-href' does not exist",
      '::error file=x%0A%3A%3Aerror file=ok.md%2Cline=1%3A%3AFORGED-name%0A.md,line=1,col=1,title=archive-lint::symbolic link points outside the root; not followed',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs.files).toBe('6');
  }, 120_000);

  it('refuses a bad input with exit 2 and says which', () => {
    const pr = pullRequest();
    const r = runBundle(node, pr.workspace, 'pull_request', pr.event, { 'fail-on': 'sometimes' });
    expect(r.stdout).toContain("::error::archive-lint: input 'fail-on': expected error, warning or never, got 'sometimes'");
    expect(r.code).toBe(2);
  }, 120_000);
});
