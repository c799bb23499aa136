// The GitHub Action on a real pull request: a copy of the corpus made into a git repository with one commit, then
// a pull request that deletes a page an index links to. The workspace is what actions/checkout gives (a depth-1
// fetch of the merge commit); the committed bundle (.github/action/index.js) runs with a simulated runner
// environment. Prints the annotations, the outputs, the summary's size, the exit code and the wall time.
//
// With --edit-indexes the pull request is like the corpus's real update commits: it also edits every index page
// (a new entry at the top of each), so the old problems of those pages are in the files it touches.
//
//   node bench/action-corpus.mjs [--corpus DIR] [--page pages/x/y.md] [--edit-indexes] [--runs N] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(repoRoot, '../shared/corpus/banned-news2') },
    page: { type: 'string' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'edit-indexes': { type: 'boolean', default: false },
  },
});
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost', GIT_CONFIG_NOSYSTEM: '1' };
// No automatic gc: it would run on in the background and hold the folder being removed.
const git = (cwd, ...args) => execFileSync('git', ['-c', 'gc.auto=0', ...args], { cwd, env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();

const dir = mkdtempSync(join(tmpdir(), 'archive-lint-action-corpus-'));
const origin = join(dir, 'origin');
console.log(`copying ${values.corpus} to ${origin}`);
cpSync(values.corpus, origin, { recursive: true });
git(origin, 'init', '-q', '-b', 'main');
git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
git(origin, 'add', '-A');
git(origin, 'commit', '-qm', 'the archive');
const base = git(origin, 'rev-parse', 'HEAD');

// The page to delete: the first page linked from the first index (or --page).
let page = values.page;
let index;
for (const name of readdirSync(join(origin, 'indexes')).sort()) {
  const text = readFileSync(join(origin, 'indexes', name), 'utf8');
  const m = page ? text.includes(page.replace(/^pages\//, '../pages/')) && [null, page.replace(/^pages\//, '')] : /\]\(\.\.\/pages\/([^)?#]+\.md)/.exec(text);
  if (m) {
    index = `indexes/${name}`;
    page ??= `pages/${m[1]}`;
    break;
  }
}
if (!page || !index) throw new Error('no index links to a page');
const linking = git(origin, 'grep', '-l', '-F', page.replace(/^pages\//, ''), '--', 'indexes', 'pages', 'README.md').split('\n').filter(Boolean);
console.log(`the pull request deletes ${page}, linked from ${linking.length} files, among them ${index}`);
git(origin, 'checkout', '-q', '-b', 'delete-page');
git(origin, 'rm', '-q', page);
if (values['edit-indexes']) {
  // A line at the top of each index, as an update writes its date there (no link: nothing it could break).
  let edited = 0;
  for (const name of readdirSync(join(origin, 'indexes')).sort()) {
    const file = join(origin, 'indexes', name);
    writeFileSync(file, `#### updated\n${readFileSync(file, 'utf8')}`);
    edited++;
  }
  git(origin, 'add', '-A');
  console.log(`the pull request also edits ${edited} index pages`);
}
git(origin, 'commit', '-qm', `delete ${page}`);
const head = git(origin, 'rev-parse', 'HEAD');
git(origin, 'checkout', '-q', 'main');
git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge delete-page', 'delete-page');
git(origin, 'update-ref', 'refs/pull/1/merge', git(origin, 'rev-parse', 'HEAD'));
git(origin, 'reset', '-q', '--hard', base);

const workspace = join(dir, 'workspace');
mkdirSync(workspace);
git(workspace, 'init', '-q');
git(workspace, 'remote', 'add', 'origin', `file://${origin}`);
git(workspace, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/1/merge:refs/remotes/pull/1/merge');
git(workspace, 'checkout', '-q', '--detach', 'refs/remotes/pull/1/merge');

const runs = Number(values.runs);
const walls = [];
let last;
for (let i = 0; i < runs; i++) {
  const runner = join(dir, `runner-${i}`);
  mkdirSync(runner);
  const files = { event: join(runner, 'event.json'), summary: join(runner, 'summary.md'), output: join(runner, 'output.txt') };
  writeFileSync(files.event, JSON.stringify({ number: 1, pull_request: { number: 1, base: { sha: base, ref: 'main' }, head: { sha: head } } }));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  // Each run with a fresh RUNNER_TEMP, so no cache; the first run also fetches the base commit.
  const env = { ...gitEnv, GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'gfw-breaker/banned-news2', GITHUB_BASE_REF: 'master', GITHUB_HEAD_REF: 'delete-page', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: files.event, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: files.summary, GITHUB_OUTPUT: files.output, RUNNER_TEMP: runner, 'INPUT_FAIL-ON': 'error', INPUT_EXTERNAL: 'false', 'INPUT_SARIF-FILE': join(runner, 'archive-lint.sarif') };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(repoRoot, '.github/action/index.js')], { cwd: workspace, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  walls.push((performance.now() - t0) / 1000);
  last = { r, files };
}
const { r, files } = last;
const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice)/.test(l));
console.log(`\nannotations (${annotations.length}):`);
for (const a of annotations.slice(0, 12)) console.log(`  ${a}`);
if (annotations.length > 12) console.log(`  … ${annotations.length - 12} more`);
console.log(`\noutputs:\n${readFileSync(files.output, 'utf8').replace(/^(\w[\w-]*)<<(\S+)\n([\s\S]*?)\n\2\n/gm, '  $1=$3\n')}`);
const summary = readFileSync(files.summary, 'utf8');
console.log(`summary: ${Buffer.byteLength(summary)} bytes, first lines:\n${summary.split('\n').slice(0, 8).map((l) => `  ${l}`).join('\n')}`);
const sorted = [...walls].sort((a, b) => a - b);
console.log(`\nexit code ${r.status}; wall time over ${runs} runs: median ${sorted[sorted.length >> 1].toFixed(2)} s (${sorted.map((w) => w.toFixed(2)).join(', ')})`);
if (r.stderr) console.log(`stderr:\n${r.stderr}`);
if (values.keep) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
