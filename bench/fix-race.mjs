// Fix race: rounds of two overlapping `archive-lint check --fix` runs on a copy of real pages, with edits between
// the rounds and during the runs, as an editor, a sync script and a hook make them. After each round every page
// must be the last text written to it, or that text correctly fixed; anything else is garbled (goal: 0).
//
// Edits: a line inserted at the top (atomically, as editors and sync tools save), and a same-size rewrite that puts
// back the old modification time (`touch -r`, as `cp -p`, `rsync -a` and `tar -x` do) under the warm cache.
// "Correctly fixed" is what a single `--fix` run, alone, makes of the same texts in a shadow copy.
//
// Usage: node bench/fix-race.mjs [--corpus DIR] [--pages 1000] [--rounds 20] [--work DIR] [--seed 1] [--bin FILE] [--keep]
// (the corpus is copied first; it is never written). Prints one line a round and the totals.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { setTimeout } from 'node:timers';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
// --bin: a copy of the built command, so that a rebuild of the checkout during a long run changes nothing.
const bin = opt('bin', fileURLToPath(new URL('../bin/archive-lint.js', import.meta.url)));
const corpus = opt('corpus', fileURLToPath(new URL('../../../shared/corpus/banned-news2', import.meta.url)));
const pages = Number(opt('pages', '1000'));
const rounds = Number(opt('rounds', '20'));
const work = opt('work', mkdtempSync(join(tmpdir(), 'archive-lint-fix-race-')));
let seed = Number(opt('seed', '1'));
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

/** The first `pages` Markdown files of the corpus (sorted paths), copied under `to`. */
function copyCorpus(to) {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (found.length >= pages) return;
      if (e.name.startsWith('.')) continue;
      const abs = join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile() && e.name.endsWith('.md')) found.push(relative(corpus, abs));
    }
  };
  walk(join(corpus, 'pages'));
  for (const rel of found) {
    mkdirSync(dirname(join(to, rel)), { recursive: true });
    copyFileSync(join(corpus, rel), join(to, rel));
    // The corpus is read-only: the copy is an archive being worked on.
    chmodSync(join(to, rel), 0o644);
  }
  return found;
}

const archive = join(work, 'archive');
const shadow = join(work, 'shadow');
const refs = join(work, 'refs');
rmSync(archive, { recursive: true, force: true });
rmSync(shadow, { recursive: true, force: true });
mkdirSync(refs, { recursive: true });
const files = copyCorpus(archive);
execFileSync('git', ['init', '-q'], { cwd: archive });
console.error(`fix-race: ${files.length} pages of ${corpus} in ${archive}; ${rounds} rounds`);

/** The last text written to each page by the "editor" (or found at the round's start). */
let last = new Map();
const read = (rel) => readFileSync(join(archive, rel), 'utf8');

/** A line inserted at the top, written atomically. */
function insertTop(rel, tag) {
  const abs = join(archive, rel);
  const text = `EDIT ${tag}: Tom&nbsp;and&nbsp;Jerry\n\n${readFileSync(abs, 'utf8')}`;
  writeFileSync(`${abs}.edit`, text);
  renameSync(`${abs}.edit`, abs);
  last.set(rel, text);
}

/** Nine bytes with a fixable entity inserted at the top, nine ASCII bytes taken off the end: the same size, shifted; the old mtime put back. */
function sameSizeOldTime(rel) {
  const abs = join(archive, rel);
  const text = readFileSync(abs, 'utf8');
  const tail = text.slice(-9);
  if (!/^[\x20-\x7e\n]{9}$/.test(tail) || text.length < 40) return false;
  const ref = join(refs, 'ref');
  execFileSync('cp', ['-p', abs, ref]);
  const next = `x&nbsp;y\n${text.slice(0, -9)}`;
  writeFileSync(abs, next);
  execFileSync('touch', ['-r', ref, abs]);
  last.set(rel, next);
  return true;
}

function fixRun() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'check', '--fix', '--concurrency', '2', '--format', 'json', '-o', '/dev/null', '.'], { cwd: archive, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

let totalGarbled = 0;
let totalEdits = 0;
let totalFixed = 0;
const t0 = Date.now();
for (let round = 1; round <= rounds; round++) {
  last = new Map(files.map((rel) => [rel, read(rel)]));
  // Edits between the runs: 10 inserts at the top, 10 same-size rewrites with the old mtime.
  let edits = 0;
  for (let k = 0; k < 10; k++, edits++) insertTop(pick(files), `${round}.${k}`);
  for (let k = 0; k < 10; k++) if (sameSizeOldTime(pick(files))) edits++;
  // Two runs, the second started a little later; edits at the top of pages while they run.
  const a = fixRun();
  await new Promise((r) => setTimeout(r, Math.floor(random() * 1500)));
  const b = fixRun();
  let done = false;
  void Promise.all([a, b]).then(() => (done = true));
  for (let k = 0; !done && k < 40; k++, edits++) {
    insertTop(pick(files), `${round}.during.${k}`);
    await new Promise((r) => setTimeout(r, 50 + Math.floor(random() * 200)));
  }
  const [ra, rb] = await Promise.all([a, b]);
  for (const r of [ra, rb]) if (r.code !== 0 && r.code !== 1) throw new Error(`a --fix run exited ${r.code}: ${r.stderr}`);
  // What one --fix, alone, makes of the last texts: a shadow copy holding them (only the pages that differ are
  // written again, so its own cache serves the rest).
  for (const [rel, text] of last) {
    const abs = join(shadow, rel);
    let there;
    try {
      there = readFileSync(abs, 'utf8');
    } catch {
      mkdirSync(dirname(abs), { recursive: true });
    }
    if (there !== text) writeFileSync(abs, text);
  }
  if (round === 1) execFileSync('git', ['init', '-q'], { cwd: shadow });
  const s = spawnSync(process.execPath, [bin, 'check', '--fix', '--cache-location', join(work, 'shadow-cache'), '--concurrency', '2', '--format', 'json', '-o', '/dev/null', '.'], { cwd: shadow, encoding: 'utf8' });
  if (s.status !== 0 && s.status !== 1) throw new Error(`the shadow --fix exited ${s.status}: ${s.stderr}`);
  let garbled = 0;
  let fixed = 0;
  for (const [rel, text] of last) {
    const now = read(rel);
    if (now === text) continue;
    if (now === readFileSync(join(shadow, rel), 'utf8')) fixed++;
    else {
      garbled++;
      if (garbled <= 3) console.error(`  garbled: ${rel}`);
    }
  }
  totalGarbled += garbled;
  totalEdits += edits;
  totalFixed += fixed;
  console.log(`round ${round}: ${edits} edits, ${fixed} pages fixed, ${garbled} garbled; exit ${ra.code}/${rb.code}; waited for the lock: ${/waiting for it to finish/.test(ra.stderr + rb.stderr) ? 'yes' : 'no'}`);
}
console.log(`${rounds} rounds of two overlapping --fix runs on ${files.length} pages: ${totalEdits} edits, ${totalFixed} page fixes, ${totalGarbled} pages garbled (goal 0); ${Math.round((Date.now() - t0) / 1000)} s`);
if (opt('keep', undefined) === undefined) rmSync(work, { recursive: true, force: true });
process.exitCode = totalGarbled === 0 ? 0 : 1;
