// A baseline on a real archive: `node bench/baseline.mjs [--corpus DIR]`. Copies the archive to a temporary
// folder, records its problems with --update-baseline, runs against that baseline (expected: exit 0, nothing
// reported), then adds one broken link to one page and runs again (expected: exactly that one). Prints the
// baseline's size and each run's wall time and peak memory (/usr/bin/time). Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--corpus');
const project = dirname(dirname(fileURLToPath(import.meta.url)));
const source = resolve(at >= 0 ? args[at + 1] : join(project, '..', 'shared', 'corpus', 'banned-news2'));
const bin = join(project, 'bin', 'archive-lint.js');
const scratch = mkdtempSync(join(tmpdir(), 'archive-lint-baseline-'));
const root = join(scratch, 'archive');
cpSync(source, root, { recursive: true });
const baseline = join(scratch, 'baseline.jsonl');
const cache = ['--cache-location', join(scratch, 'cache')];

function timed(argv) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = r.stderr.trim().split('\n');
  const [wall, kb] = lines.pop().split(' ').map(Number);
  return { code: r.status, wall, mb: Math.round(kb / 1024), stdout: r.stdout, said: lines.join('\n') };
}
const show = (label, r) => console.log(`${label}: exit ${r.code}, ${r.wall.toFixed(1)} s, ${r.mb} MB peak\n  ${r.said.replace(/\n/g, '\n  ')}`);

const update = timed(['check', '.', '--root', '.', '--baseline', baseline, '--update-baseline', ...cache]);
show('--update-baseline (cold cache)', update);
console.log(`baseline: ${statSync(baseline).size.toLocaleString('en-US')} bytes, ${readFileSync(baseline, 'utf8').split('\n').length - 2} lines; header ${readFileSync(baseline, 'utf8').split('\n')[0]}`);
show('run against it (warm cache)', timed(['check', '.', '--root', '.', '--baseline', baseline, ...cache]));
show('run against it (no cache)', timed(['check', '.', '--root', '.', '--baseline', baseline, '--no-cache']));

// One broken link added to one page.
const folder = join(root, 'pages', readdirSync(join(root, 'pages')).sort()[0]);
const page = join(folder, readdirSync(folder).filter((f) => f.endsWith('.md')).sort()[0]);
// A blank line first: a page may end inside a raw-HTML block, which would hold the link as text.
appendFileSync(page, '\n\n[a link added after the baseline](no-such-page-added-by-the-bench.md)\n');
const added = timed(['check', '.', '--root', '.', '--baseline', baseline, '--format', 'json', ...cache]);
const reported = JSON.parse(added.stdout).flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
show('after adding one broken link (warm cache)', added);
console.log(`reported: ${reported.length}\n  ${reported.join('\n  ')}`);
rmSync(scratch, { recursive: true, force: true });
