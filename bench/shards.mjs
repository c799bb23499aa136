// Shards against the whole run on a real archive: `node bench/shards.mjs [--corpus DIR] [--shards N] [--out DIR]`.
// Runs the whole check, then each of N shards, each with a cache of its own, cold (an empty cache) and then warm;
// merges the shards' JSON reports with merge-reports and compares the result with the whole run's report, byte
// for byte and message for message. Prints each run's wall time and peak memory (/usr/bin/time). Run `npm run
// build` first: it runs bin/archive-lint.js.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const project = dirname(dirname(fileURLToPath(import.meta.url)));
const corpus = resolve(opt('corpus', join(project, '..', 'shared', 'corpus', 'banned-news2')));
const n = Number(opt('shards', '4'));
const out = opt('out') ? resolve(opt('out')) : mkdtempSync(join(tmpdir(), 'archive-lint-shards-'));
mkdirSync(out, { recursive: true });
const bin = join(project, 'bin', 'archive-lint.js');

/** One run of the CLI under /usr/bin/time: exit code, wall seconds, peak MB. */
function timed(argv) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, ...argv], { cwd: corpus, encoding: 'utf8', maxBuffer: 1 << 26 });
  const [wall, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { code: r.status, wall, mb: Math.round(kb / 1024), stderr: r.stderr };
}

function messages(file) {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  return { files: results.length, list: results.flatMap((r) => r.messages.map((m) => `${r.filePath}\t${m.line}:${m.column}-${m.endLine}:${m.endColumn}\t${m.severity}\t${m.ruleId}\t${m.messageId}\t${m.message}`)) };
}

const rows = [];
const run = (label, argv, report) => {
  const r = timed(['check', '.', '--root', '.', '--format', 'json', '-o', report, ...argv]);
  const m = messages(report);
  rows.push({ label, ...r, files: m.files, messages: m.list.length });
  console.error(`${label}: ${r.wall} s, ${r.mb} MB, exit ${r.code}, ${m.files} files, ${m.list.length} messages`);
  return m;
};

for (const pass of ['cold', 'warm']) {
  if (pass === 'cold') for (const k of ['full', ...Array.from({ length: n }, (_, i) => `shard-${i + 1}`)]) rmSync(join(out, `cache-${k}`), { recursive: true, force: true });
  run(`whole run, ${pass}`, ['--cache-location', join(out, 'cache-full')], join(out, 'full.json'));
  for (let i = 1; i <= n; i++) run(`shard ${i}/${n}, ${pass}`, ['--shard', `${i}/${n}`, '--cache-location', join(out, `cache-shard-${i}`)], join(out, `shard-${i}.json`));
}

const full = messages(join(out, 'full.json')).list.sort();
const union = Array.from({ length: n }, (_, i) => messages(join(out, `shard-${i + 1}.json`)).list).flat().sort();
const same = full.length === union.length && full.every((x, i) => x === union[i]);
const merged = join(out, 'merged.json');
// Exit 1: the archive has errors.
spawnSync(process.execPath, [bin, 'merge-reports', ...Array.from({ length: n }, (_, i) => join(out, `shard-${i + 1}.json`)), '--root', corpus, '--format', 'json', '-o', merged], { stdio: 'ignore' });
const bytes = readFileSync(merged).equals(readFileSync(join(out, 'full.json')));

console.log(`| run | wall s | peak MB | files | messages |\n| --- | ---: | ---: | ---: | ---: |`);
for (const r of rows) console.log(`| ${r.label} | ${r.wall.toFixed(1)} | ${r.mb} | ${r.files} | ${r.messages} |`);
for (const pass of ['cold', 'warm']) {
  const whole = rows.find((r) => r.label === `whole run, ${pass}`).wall;
  const slowest = Math.max(...rows.filter((r) => r.label.startsWith('shard') && r.label.endsWith(pass)).map((r) => r.wall));
  console.log(`${pass}: slowest shard ${slowest.toFixed(1)} s against the whole run's ${whole.toFixed(1)} s (${(slowest / whole).toFixed(2)} ×)`);
}
console.log(`union of the ${n} shards' messages equals the whole run's: ${same} (${union.length} and ${full.length} messages)`);
console.log(`merge-reports of the ${n} shards equals the whole run's JSON report byte for byte: ${bytes}`);
if (!args.includes('--keep')) rmSync(out, { recursive: true, force: true });
