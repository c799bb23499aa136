// `node bench/peer-rumdl.mjs DIR [--runs N]`: rumdl (a Rust Markdown linter, from bench/package.json) against
// archive-lint on the same files, interleaved, with the rules that overlap ours: MD057 (relative link and image
// targets exist) and MD051 (link fragments match headings) against no-broken-links and no-missing-images, MD033
// (inline HTML) against no-raw-html. archive-lint runs all its rules (valid-dates has no peer), on one worker
// thread and on the default two. Prints medians of wall and CPU time (user + sys, from GNU time), and per page.
//
// DIR is copied to a temporary folder first (never written). Run it on one folder of ordinary pages (where rumdl
// leads per page) and on the whole corpus (where the 2.7 MB index pages weigh).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { markdownFiles } from './walk.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
if (positionals.length !== 1) {
  console.error('usage: node bench/peer-rumdl.mjs DIR [--runs N]');
  process.exit(2);
}
const runs = Number(values.runs);
const rumdl = join(here, 'node_modules/.bin/rumdl');
if (!existsSync(rumdl)) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
const bin = join(repoRoot, 'bin/archive-lint.js');
if (!existsSync(join(repoRoot, 'dist/bundle/bin.js'))) throw new Error('build the tool first: npm run build');
const rumdlVersion = execFileSync(rumdl, ['--version'], { encoding: 'utf8' }).trim();

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function once(cmd, args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '@@%e %U %S %M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /@@([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if ((r.status !== 0 && r.status !== 1) || !m) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(-500)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024 };
}

const dir = mkdtempSync(join(tmpdir(), 'archive-lint-rumdl-'));
// archive-lint's report goes to a file outside the copy (the tool refuses to write to a device such as /dev/null).
const outDir = mkdtempSync(join(tmpdir(), 'archive-lint-rumdl-out-'));
try {
  cpSync(positionals[0], dir, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', dir]);
  const pages = markdownFiles(dir).length;
  const ours = (threads) => [bin, 'check', '.', '--root', '.', '--no-cache', '--format', 'json', '-o', join(outDir, 'report.json'), '--concurrency', String(threads)];
  const rows = [
    { label: `${rumdlVersion}, MD033 MD051 MD057`, cmd: rumdl, args: ['check', '--no-config', '--enable', 'MD033,MD051,MD057', '--output-format', 'json', '.'] },
    { label: 'archive-lint check --no-cache, 1 worker thread', cmd: process.execPath, args: ours(1) },
    { label: 'archive-lint check --no-cache, 2 worker threads', cmd: process.execPath, args: ours(2) },
  ].map((r) => ({ ...r, got: [] }));
  for (let k = 0; k < runs; k++) {
    const order = k % 2 === 0 ? rows : [...rows].reverse();
    for (const r of order) {
      r.got.push(once(r.cmd, r.args, dir));
      process.stderr.write(`  ${r.label} ${k + 1}/${runs}: ${r.got.at(-1).wall.toFixed(2)} s wall, ${r.got.at(-1).cpu.toFixed(2)} s CPU\n`);
    }
  }
  console.log(`${pages} Markdown files of ${positionals[0]}, ${runs} interleaved runs each, Node ${process.version}; CPU is user + sys (all threads).`);
  console.log();
  console.log('| row | wall s | CPU s | CPU ms per page | peak MB |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const wall = median(r.got.map((x) => x.wall));
    const cpu = median(r.got.map((x) => x.cpu));
    console.log(`| ${r.label} | ${wall.toFixed(2)} | ${cpu.toFixed(2)} | ${((cpu * 1000) / pages).toFixed(2)} | ${Math.round(Math.max(...r.got.map((x) => x.rssMb)))} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  rmSync(outDir, { recursive: true, force: true });
}
