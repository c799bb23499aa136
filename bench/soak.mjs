// Soak: archives of 5,000, 10,000 and 20,000 generated pages (bench/synth.mjs, seed 1), every rule on, checked
// cold; peak memory (/usr/bin/time -v) and wall time of each. Memory should grow with the archive's index (links
// and anchors of every file, the results) and not with the work done per file.
// Usage: node bench/soak.mjs [SIZES...]   (default 5000 10000 20000)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';
import { generate } from './synth.mjs';

const bin = fileURLToPath(new URL('../bin/archive-lint.js', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const rows = [];
for (const n of sizes.length ? sizes : [5000, 10000, 20000]) {
  const dir = mkdtempSync(join(tmpdir(), 'archive-lint-soak-'));
  try {
    generate(dir, n, 1);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    let bytes = 0;
    const walk = (d) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.name === '.git') continue;
        if (e.isDirectory()) walk(join(d, e.name));
        else bytes += statSync(join(d, e.name)).size;
      }
    };
    walk(dir);
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'check', '--no-cache', '--format', 'json', '-o', '/dev/null', '.'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`check exited ${r.status}: ${r.stderr}`);
    const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
    const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(r.stderr);
    const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
    rows.push({ files: n, mb: bytes / 1048576, status: r.status, peak, seconds });
    console.error(`soak: ${n} files done`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log('| files | MiB | exit | peak RSS, MB | MB per 1,000 files | wall, s |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.files} | ${r.mb.toFixed(1)} | ${r.status} | ${r.peak.toFixed(0)} | ${((r.peak * 1000) / r.files).toFixed(1)} | ${r.seconds.toFixed(1)} |`);
if (rows.length > 1) {
  const [a, b] = [rows[0], rows[rows.length - 1]];
  console.log(`\nPeak memory per extra 1,000 files between ${a.files} and ${b.files}: ${(((b.peak - a.peak) * 1000) / (b.files - a.files)).toFixed(1)} MB`);
}
