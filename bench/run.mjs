// `npm run bench`: archive-lint against the floors and its peers, on the same files in the same run.
// Prints medians over --runs runs (default 3), peak memory (max RSS), and the ratios the issue sets as targets.
//
// Options: --runs N, --corpus DIR (default ../../shared/corpus/banned-news2), --sample N (a deterministic
// subset of N Markdown files, for a quicker run), --sizes 10000,50000,100000 (synthetic archives; 0 to skip),
// --skip corpus,peers,floors,synthetic, --concurrency N.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './synth.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string', default: resolve(repoRoot, '../shared/corpus/banned-news2') },
    sample: { type: 'string' },
    sizes: { type: 'string', default: '10000,50000,100000' },
    skip: { type: 'string', default: '' },
    concurrency: { type: 'string', default: String(availableParallelism()) },
  },
});
const runs = Number(values.runs);
const skip = new Set(values.skip.split(',').filter(Boolean));
const bin = join(repoRoot, 'bin/archive-lint.js');
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
if (!existsSync(join(repoRoot, 'dist/bundle/bin.js'))) throw new Error('build the tool first: npm run build');
if (!existsSync(join(here, 'node_modules/.bin/markdownlint-cli2'))) {
  // The peers live in bench/package.json, apart from the tool's own dependencies.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Run a command once: wall seconds and peak RSS in MB (from /usr/bin/time when present). */
function once(cmd, args, opts = {}) {
  const started = process.hrtime.bigint();
  const r = time
    ? spawnSync(time, ['-f', '@@%e %M', cmd, ...args], { ...opts, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { ...opts, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /@@([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(-500)}`);
  return { wall: m ? Number(m[1]) : wall, rssMb: m ? Number(m[2]) / 1024 : NaN };
}

/** A lint run must have linted the files: check its report once before timing it (the small markdown one). */
function checkLinted(dir, extra, expected) {
  const args = lintArgs(dir, extra).filter((a, i, all) => !(a === '-o' || all[i - 1] === '-o'));
  args[args.indexOf('json')] = 'markdown';
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /in \d+ of (\d+) files|No problems in (\d+) files/.exec(r.stdout ?? '');
  const linted = m ? Number(m[1] ?? m[2]) : 0;
  if (linted !== expected) throw new Error(`archive-lint linted ${linted} files of ${dir}, expected ${expected}: ${(r.stderr ?? '').slice(-300)}`);
}

function measure(label, cmd, args, opts = {}, before) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const r = once(cmd, args, opts);
    walls.push(r.wall);
    rss.push(r.rssMb);
    process.stderr.write(`  ${label}: run ${i + 1}/${runs} ${r.wall.toFixed(2)} s\n`);
  }
  return { label, median: median(walls), min: Math.min(...walls), max: Math.max(...walls), peakMb: Math.max(...rss) };
}

function mdFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** A temporary copy of the corpus (or of a deterministic sample of it, with every non-Markdown file). */
function copyCorpus() {
  const dir = mkdtempSync(join(tmpdir(), 'archive-lint-bench-'));
  cpSync(values.corpus, dir, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', dir]);
  if (values.sample) {
    const all = mdFiles(dir);
    const keep = new Set(all.filter((_, i) => i % Math.max(1, Math.floor(all.length / Number(values.sample))) === 0).slice(0, Number(values.sample)));
    for (const f of all) if (!keep.has(f)) rmSync(join(dir, f));
  }
  return dir;
}

function row(r) {
  return `| ${r.label} | ${r.median.toFixed(2)} | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${Number.isNaN(r.peakMb) ? '–' : Math.round(r.peakMb)} |`;
}

const lintArgs = (dir, extra) => ['check', dir, '--root', dir, '--format', 'json', '-o', '/dev/null', '--repo', 'gfw-breaker/banned-news3', '--branch', 'master', '--concurrency', values.concurrency, ...extra];

const out = [];
const print = (line = '') => {
  out.push(line);
  console.log(line);
};

print(`## archive-lint benchmark (${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, Node ${process.version}, ${runs} runs each)`);
print();
if (!skip.has('corpus')) corpusRows();

function corpusRows() {
const corpus = copyCorpus();
const files = mdFiles(corpus).length;
print(`Corpus: ${values.sample ? `a sample of ${files}` : files} Markdown files of ${values.corpus}, copied to ${corpus}.`);
print();
checkLinted(corpus, ['--no-cache'], files);
print('| row | median s | range s | peak MB |');
print('| --- | ---: | ---: | ---: |');
const rows = {};
try {
  if (!skip.has('floors')) {
    rows.read = measure('read floor (read every file)', process.execPath, [join(here, 'floor-read.mjs'), corpus]);
    print(row(rows.read));
    rows.parse = measure('parse floor (mdast-util-from-markdown, 1 thread)', process.execPath, [join(here, 'floor-parse.mjs'), corpus]);
    print(row(rows.parse));
    rows.vendored = measure('parse, vendored mdast-util-from-markdown (archive-lint\'s parser), 1 thread', process.execPath, [join(here, 'floor-parse.mjs'), corpus, '--vendored']);
    print(row(rows.vendored));
  }
  rows.cold = measure(`archive-lint check --no-cache (cold, ${values.concurrency} workers)`, process.execPath, [bin, ...lintArgs(corpus, ['--no-cache'])]);
  print(row(rows.cold));
  const cacheDir = join(corpus, '.archive-lint-cache');
  once(process.execPath, [bin, ...lintArgs(corpus, ['--cache-location', cacheDir])]);
  rows.warm = measure('archive-lint check (warm cache, nothing changed)', process.execPath, [bin, ...lintArgs(corpus, ['--cache-location', cacheDir])]);
  print(row(rows.warm));
  // --changed: a git copy with one file edited and staged, the cache warm on the committed state.
  const git = (...a) => execFileSync('git', ['-c', 'user.email=b@b', '-c', 'user.name=b', ...a], { cwd: corpus, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'gc.auto', '0');
  git('add', '-A');
  git('commit', '-qm', 'base');
  once(process.execPath, [bin, ...lintArgs(corpus, ['--cache-location', cacheDir])]);
  const edited = mdFiles(corpus).find((f) => f.startsWith('pages/'));
  appendFileSync(join(corpus, edited), '\nedited by the benchmark\n');
  git('add', edited);
  rows.changed = measure('archive-lint check --changed (one file edited, warm cache)', process.execPath, [bin, ...lintArgs(corpus, ['--changed', '--cache-location', cacheDir])], { cwd: corpus, env: { ...process.env, PRE_COMMIT: '1' } });
  print(row(rows.changed));
  rmSync(join(corpus, '.git'), { recursive: true, force: true, maxRetries: 5 });
  rmSync(cacheDir, { recursive: true, force: true });
  if (!skip.has('peers')) {
    rows.markdownlint = measure('markdownlint-cli2 0.22.1 (default rules)', join(here, 'node_modules/.bin/markdownlint-cli2'), ['**/*.md'], { cwd: corpus });
    print(row(rows.markdownlint));
    rows.remark = measure('remark-cli 12 + remark-validate-links 13', join(here, 'node_modules/.bin/remark'), ['.', '--use', join(here, 'node_modules/remark-validate-links/index.js'), '--quiet', '--no-stdout', '--no-config', '--no-ignore'], { cwd: corpus });
    print(row(rows.remark));
  }
} finally {
  rmSync(corpus, { recursive: true, force: true, maxRetries: 5 });
}

print();
print('| ratio | value | target |');
print('| --- | ---: | --- |');
const ratio = (a, b) => (a && b ? (a.median / b.median).toFixed(3) : '–');
if (rows.parse) print(`| cold / parse floor | ${ratio(rows.cold, rows.parse)} | ≤ 0.6 |`);
if (rows.vendored) print(`| vendored parse / parse floor (the best alternative) | ${ratio(rows.vendored, rows.parse)} | – |`);
if (rows.vendored) print(`| cold / vendored parse | ${ratio(rows.cold, rows.vendored)} | – |`);
if (rows.markdownlint) print(`| markdownlint-cli2 / cold | ${ratio(rows.markdownlint, rows.cold)} | ≥ 5 |`);
if (rows.remark) print(`| remark-cli + validate-links / cold | ${ratio(rows.remark, rows.cold)} | ≥ 5 |`);
print(`| warm / cold | ${ratio(rows.warm, rows.cold)} | ≤ 0.05 |`);
print(`| --changed, seconds | ${rows.changed.median.toFixed(2)} | < 1 |`);
if (rows.read) print(`| --changed / read floor | ${ratio(rows.changed, rows.read)} | < 1 |`);
print(`| cold peak memory, MB | ${Math.round(rows.cold.peakMb)} | ≤ 1024 |`);
}

const sizes = skip.has('synthetic') ? [] : values.sizes.split(',').map(Number).filter((n) => n > 0);
if (sizes.length) {
  print();
  print('Synthetic archives (bench/synth.mjs, seed 1), archive-lint check --no-cache:');
  print();
  print('| files | median s | ms per file | peak MB |');
  print('| ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `archive-lint-synth-${n}-`));
    try {
      generate(dir, n, 1);
      checkLinted(dir, ['--no-cache'], mdFiles(dir).length);
      const r = measure(`synthetic ${n}`, process.execPath, [bin, ...lintArgs(dir, ['--no-cache'])]);
      print(`| ${n} | ${r.median.toFixed(2)} | ${((r.median * 1000) / n).toFixed(2)} | ${Math.round(r.peakMb)} |`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
