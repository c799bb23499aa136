// `node bench/compare.mjs REF`: the working tree against REF (a commit, branch or tag), on the same files in the
// same run, so that a change on the hot path is compared with what came before it. Run it before merging one.
//
// REF is exported with `git archive` into a temporary folder (os.tmpdir()/archive-lint-compare/<sha>, kept and
// reused while it builds; --rebuild to build it again), installed (its node_modules linked to ours when the two
// lockfiles are the same, `npm ci` otherwise) and built. Both builds then run interleaved (REF, ours; ours, REF;
// ...) on one copy of the files, in three scenarios: cold (--no-cache), warm (a primed cache, nothing changed) and
// --changed (a git copy, one file edited and staged, the cache primed on the committed state).
//
// For each scenario it prints the medians of wall time and of CPU time (user + sys of the whole process, its
// worker threads included: /usr/bin/time), peak memory, and the ratios ours / REF, computed per interleaved pair,
// as the median and the range over the pairs. On a shared or loaded machine wall time says little: read the CPU
// ratio.
//
// Options: --corpus DIR (default ../../shared/corpus/banned-news2; copied first, never written), --sample N (a
// deterministic subset of N Markdown files), --runs N (pairs per scenario, default 3), --concurrency N (default 2),
// --skip cold,warm,changed, --floor (also time the single-thread parse floor, bench/floor-parse.mjs, and print
// the cold run's ratios to it), --rebuild.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const work = resolve(here, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string', default: resolve(work, '../shared/corpus/banned-news2') },
    sample: { type: 'string' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '2' },
    skip: { type: 'string', default: '' },
    floor: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/compare.mjs REF [--corpus DIR] [--sample N] [--runs N] [--concurrency N] [--skip cold,warm,changed] [--floor] [--rebuild]');
  process.exit(2);
}
const runs = Number(values.runs);
const skip = new Set(values.skip.split(',').filter(Boolean));
const time = '/usr/bin/time';
if (!existsSync(time)) throw new Error('compare.mjs needs GNU time (/usr/bin/time) for CPU time and peak memory');
if (!existsSync(join(work, 'dist/bundle/bin.js'))) throw new Error('build the working tree first: npm run build');

const git = (args, cwd = work) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();

/** REF exported and built in a temporary folder, reused while its build is there. */
function buildRef(ref) {
  const sha = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const dir = join(tmpdir(), 'archive-lint-compare', sha);
  if (values.rebuild) rmSync(dir, { recursive: true, force: true });
  if (existsSync(join(dir, 'dist/bundle/bin.js'))) return { sha, dir };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`exporting ${ref} (${sha.slice(0, 12)}) to ${dir}\n`);
  const tar = spawnSync('git', ['archive', '--format=tar', sha], { cwd: work, maxBuffer: 1 << 30 });
  if (tar.status !== 0) throw new Error(`git archive ${sha}: ${tar.stderr}`);
  execFileSync('tar', ['-x', '-C', dir], { input: tar.stdout });
  const sameLock = readFileSync(join(dir, 'package-lock.json'), 'utf8') === readFileSync(join(work, 'package-lock.json'), 'utf8');
  if (sameLock) symlinkSync(join(work, 'node_modules'), join(dir, 'node_modules'), 'dir');
  else execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  process.stderr.write(`building ${sha.slice(0, 12)}\n`);
  execFileSync('npm', ['run', 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return { sha, dir };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** One run: wall, CPU (user + sys, worker threads included) and peak RSS, from GNU time. */
function once(args, opts = {}, okCodes = [0, 1]) {
  const r = spawnSync(time, ['-f', '@@%e %U %S %M', ...args], { ...opts, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /@@([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (!okCodes.includes(r.status) || !m) throw new Error(`${args.join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(-800)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024 };
}

function mdFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === '.git' || e.name.startsWith('.archive-lint-cache')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

function copyCorpus() {
  const dir = mkdtempSync(join(tmpdir(), 'archive-lint-compare-corpus-'));
  cpSync(values.corpus, dir, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', dir]);
  if (values.sample) {
    const all = mdFiles(dir);
    const keep = new Set(all.filter((_, i) => i % Math.max(1, Math.floor(all.length / Number(values.sample))) === 0).slice(0, Number(values.sample)));
    for (const f of all) if (!keep.has(f)) rmSync(join(dir, f));
  }
  return dir;
}

const ref = buildRef(positionals[0]);
const head = git(['rev-parse', '--short=12', 'HEAD']);
const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
const builds = [
  { name: positionals[0], bin: join(ref.dir, 'bin/archive-lint.js') },
  { name: `working tree (${head}${dirty ? ', modified' : ''})`, bin: join(work, 'bin/archive-lint.js') },
];
const corpus = copyCorpus();
const files = mdFiles(corpus).length;
// The report goes to a file outside the copy (the tool refuses to write to a device such as /dev/null).
const outDir = mkdtempSync(join(tmpdir(), 'archive-lint-compare-out-'));
const lintArgs = (extra) => ['check', corpus, '--root', corpus, '--format', 'json', '-o', join(outDir, 'report.json'), '--repo', 'gfw-breaker/banned-news3', '--branch', 'master', '--concurrency', values.concurrency, ...extra];
const cacheOf = (i) => join(corpus, `.archive-lint-cache-${i}`);

/** `runs` interleaved pairs, the order alternating (REF first, then ours first) so drift falls on both. */
function pairs(label, argsOf, opts = {}) {
  const got = builds.map(() => []);
  for (let k = 0; k < runs; k++) {
    const order = k % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const r = once([process.execPath, builds[i].bin, ...argsOf(i)], opts);
      got[i].push(r);
      process.stderr.write(`  ${label} ${i === 0 ? 'REF ' : 'ours'} ${k + 1}/${runs}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU\n`);
    }
  }
  return { label, ref: got[0], ours: got[1] };
}

const fmt = (x) => x.toFixed(2);
const range = (xs) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
const ratioCell = (ours, refs, key) => {
  const rs = ours.map((o, k) => o[key] / refs[k][key]);
  return `${median(rs).toFixed(3)} (${range(rs)})`;
};
const out = [];
const print = (line = '') => {
  out.push(line);
  console.log(line);
};

try {
  const results = [];
  if (!skip.has('cold')) results.push(pairs('cold', () => lintArgs(['--no-cache'])));
  if (!skip.has('warm')) {
    builds.forEach((_, i) => once([process.execPath, builds[i].bin, ...lintArgs(['--cache-location', cacheOf(i)])]));
    results.push(pairs('warm', (i) => lintArgs(['--cache-location', cacheOf(i)])));
  }
  if (!skip.has('changed')) {
    const g = (...a) => execFileSync('git', ['-c', 'user.email=b@b', '-c', 'user.name=b', ...a], { cwd: corpus, stdio: 'ignore' });
    g('init', '-q');
    g('config', 'gc.auto', '0');
    execFileSync('sh', ['-c', 'printf ".archive-lint-cache-*\\n" > .gitignore'], { cwd: corpus });
    g('add', '-A');
    g('commit', '-qm', 'base');
    builds.forEach((_, i) => once([process.execPath, builds[i].bin, ...lintArgs(['--cache-location', cacheOf(i)])], { cwd: corpus }));
    const edited = mdFiles(corpus).find((f) => f.startsWith('pages/')) ?? mdFiles(corpus)[0];
    appendFileSync(join(corpus, edited), '\nedited by the benchmark\n');
    g('add', edited);
    results.push(pairs('--changed', (i) => lintArgs(['--changed', '--cache-location', cacheOf(i)]), { cwd: corpus, env: { ...process.env, PRE_COMMIT: '1' } }));
  }
  let floor;
  if (values.floor) {
    const fl = [];
    for (let k = 0; k < runs; k++) {
      fl.push(once([process.execPath, join(here, 'floor-parse.mjs'), corpus], {}, [0]));
      process.stderr.write(`  parse floor ${k + 1}/${runs}: ${fl.at(-1).wall.toFixed(2)} s wall, ${fl.at(-1).cpu.toFixed(2)} s CPU\n`);
    }
    floor = fl;
  }

  print(`## ${builds[1].name} against ${builds[0].name} (${ref.sha.slice(0, 12)})`);
  print();
  print(`${files} Markdown files of ${values.corpus}${values.sample ? ` (a sample of ${values.sample})` : ''}, --concurrency ${values.concurrency}, ${runs} interleaved pairs per row, Node ${process.version}. Ratios are ours / REF, the median over the pairs and their range; CPU is user + sys of the whole process (worker threads included), the figure to read on a shared machine.`);
  print();
  print('| scenario | REF wall s | ours wall s | wall ratio | REF CPU s | ours CPU s | CPU ratio | peak MB REF / ours |');
  print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const m = (xs, k) => fmt(median(xs.map((x) => x[k])));
    const peak = (xs) => Math.round(Math.max(...xs.map((x) => x.rssMb)));
    print(`| ${r.label} | ${m(r.ref, 'wall')} | ${m(r.ours, 'wall')} | ${ratioCell(r.ours, r.ref, 'wall')} | ${m(r.ref, 'cpu')} | ${m(r.ours, 'cpu')} | ${ratioCell(r.ours, r.ref, 'cpu')} | ${peak(r.ref)} / ${peak(r.ours)} |`);
  }
  if (floor) {
    const cold = results.find((r) => r.label === 'cold');
    const fw = median(floor.map((x) => x.wall));
    const fc = median(floor.map((x) => x.cpu));
    print();
    print(`Single-thread parse floor (bench/floor-parse.mjs, mdast-util-from-markdown): ${fmt(fw)} s wall, ${fmt(fc)} s CPU (medians).`);
    if (cold) {
      print();
      print('| cold / parse floor | REF | ours |');
      print('| --- | ---: | ---: |');
      print(`| wall (${values.concurrency} workers against 1 thread) | ${(median(cold.ref.map((x) => x.wall)) / fw).toFixed(3)} | ${(median(cold.ours.map((x) => x.wall)) / fw).toFixed(3)} |`);
      print(`| CPU (all threads against 1 thread) | ${(median(cold.ref.map((x) => x.cpu)) / fc).toFixed(3)} | ${(median(cold.ours.map((x) => x.cpu)) / fc).toFixed(3)} |`);
    }
  }
} finally {
  rmSync(corpus, { recursive: true, force: true, maxRetries: 5 });
  rmSync(outDir, { recursive: true, force: true });
}
