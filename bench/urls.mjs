// `node bench/urls.mjs` (after `npm run build`): external URL checks against their floor. N unique URLs over H
// loopback hosts (127.0.0.2…), each answering after D ms, with a per-host limit of P: no checker can finish before
// N × D / (H × P) (2,000 × 0.1 s / 16 = 12.5 s by default). Prints the wall time against that floor as a ratio
// (target 1.2 or less), and the requests as the servers counted them (total, per host, most at once per host).
//
// Two rows: the checker alone (src/core/external/checker.ts, as the engine calls it), and the whole command line
// (`archive-lint check --external`) on a generated archive of 500 pages holding the same URLs, a navigation bar of
// 8 of them on every page (6,000 occurrences, each URL requested once); that row also times the same run with
// --no-external, and gives the URLs' part (the difference) against the floor.
//
// Options: --urls N (2000), --hosts H (4), --delay D (100), --per-host P (4), --concurrency C (32), --skip checker,cli.
// The servers run in a child process, so that their work is not the checker's.
import { fork, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const { values } = parseArgs({
  options: {
    urls: { type: 'string', default: '2000' },
    hosts: { type: 'string', default: '4' },
    delay: { type: 'string', default: '100' },
    'per-host': { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '32' },
    skip: { type: 'string', default: '' },
    serve: { type: 'boolean' },
  },
});
const N = Number(values.urls);
const H = Number(values.hosts);
const D = Number(values.delay);
const P = Number(values['per-host']);
const C = Number(values.concurrency);
const addresses = Array.from({ length: H }, (_, k) => `127.0.0.${k + 2}`);

if (values.serve) {
  // The child: one server per address, each answering after D ms, counting requests and the most at once.
  const stats = addresses.map((address) => ({ address, requests: 0, active: 0, maxActive: 0 }));
  const servers = await Promise.all(
    stats.map(
      (s) =>
        new Promise((resolveServer) => {
          const server = createServer((req, res) => {
            s.requests++;
            s.active++;
            s.maxActive = Math.max(s.maxActive, s.active);
            setTimeout(() => {
              s.active--;
              // With its length, as web servers answer HEAD (Node leaves it out when the body is given to end()).
              res.writeHead(200, { 'content-type': 'text/html', 'content-length': '9' }).end('<p>ok</p>');
            }, D);
          });
          server.keepAliveTimeout = 60000;
          server.listen(0, s.address, () => resolveServer(server));
        }),
    ),
  );
  process.send({ ports: servers.map((server) => server.address().port) });
  process.on('message', (m) => {
    if (m === 'stats') {
      process.send({ stats: stats.map(({ address, requests, maxActive }) => ({ address, requests, maxActive })) });
      for (const s of stats) Object.assign(s, { requests: 0, maxActive: 0 });
    } else if (m === 'exit') {
      for (const server of servers) {
        server.closeAllConnections();
        server.close();
      }
      process.disconnect();
    }
  });
} else {
  await main();
}

function ask(child, message, key) {
  return new Promise((resolveAnswer) => {
    const on = (m) => {
      if (m[key] !== undefined) {
        child.off('message', on);
        resolveAnswer(m[key]);
      }
    };
    child.on('message', on);
    if (message !== undefined) child.send(message);
  });
}

async function main() {
  const skip = new Set(values.skip.split(',').filter(Boolean));
  const floor = (N * D) / (H * P) / 1000;
  const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), '--serve'], { stdio: 'inherit' });
  const ports = await ask(child, undefined, 'ports');
  const urls = Array.from({ length: N }, (_, k) => `http://${addresses[k % H]}:${ports[k % H]}/page/${k}?from=bench`);
  console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
  console.log(`${N} unique URLs over ${H} hosts answering after ${D} ms, per-host limit ${P}, global limit ${C}: floor ${N} × ${D / 1000} s / ${H * P} = ${floor.toFixed(1)} s`);
  const rows = [];
  const report = async (name, seconds, extra) => {
    const stats = await ask(child, 'stats', 'stats');
    const total = stats.reduce((n, s) => n + s.requests, 0);
    rows.push({ name, seconds, ratio: seconds / floor, total, stats, ...extra });
  };

  if (!skip.has('checker')) {
    const { UrlChecker } = await import(pathToFileURL(join(repoRoot, 'dist/src/core/external/checker.js')).href);
    const { resolveExternal } = await import(pathToFileURL(join(repoRoot, 'dist/src/core/external/settings.js')).href);
    const { settings } = resolveExternal({ perHost: P, concurrency: C, allowHosts: addresses });
    const checker = new UrlChecker({ settings });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const results = await checker.checkAll(urls);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const ok = [...results.values()].filter((r) => r.status === 'ok').length;
    await report('checker (UrlChecker.checkAll)', seconds, { ok, checkerRequests: checker.stats.requests, retries: checker.stats.retries, cpu: (cpu.user + cpu.system) / 1e6 });
  }

  if (!skip.has('cli')) {
    const root = mkdtempSync(join(tmpdir(), 'archive-lint-urls-bench-'));
    try {
      const nav = urls.slice(0, 8).map((u, k) => `[nav ${k}](${u})`).join(' · ');
      const pages = 500;
      const own = Math.ceil((N - 8) / pages);
      for (let p = 0; p < pages; p++) {
        const mine = urls.slice(8 + p * own, 8 + (p + 1) * own).map((u, k) => `- [link ${k}](${u})`);
        const dir = join(root, 'pages', String(p % 20));
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `p${p}.md`), `# Page ${p}\n\n${nav}\n\n${mine.join('\n')}\n`);
      }
      writeFileSync(join(root, 'archive-lint.config.json'), JSON.stringify({ external: { perHost: P, concurrency: C, allowHosts: addresses } }));
      const cli = (external) => {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [join(repoRoot, 'bin/archive-lint.js'), 'check', external ? '--external' : '--no-external', '--no-cache', '--root', root, '--format', 'json', '--output', join(root, 'report.json'), root], { encoding: 'utf8' });
        if (r.status !== 0) console.log(`archive-lint exited ${r.status}: ${r.stderr}`);
        return (performance.now() - t0) / 1000;
      };
      // The same run without external checks: what linting the pages costs, apart from the URLs.
      const lintOnly = cli(false);
      const seconds = cli(true);
      await report(`archive-lint check --external (${pages} pages, ${N + pages * 8 - 8} URL occurrences)`, seconds, { lintOnly });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  child.send('exit');
  console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(2)).join(', ')} (a busy machine stretches every row)`);
  for (const row of rows) {
    console.log(`\n${row.name}`);
    console.log(`  wall ${row.seconds.toFixed(2)} s, floor ${floor.toFixed(1)} s: ratio ${row.ratio.toFixed(3)} (target ≤ 1.2)`);
    if (row.lintOnly !== undefined) {
      const urlPart = row.seconds - row.lintOnly;
      console.log(`  the same run with --no-external: ${row.lintOnly.toFixed(2)} s; the URLs' part, ${urlPart.toFixed(2)} s: ratio ${(urlPart / floor).toFixed(3)}`);
    }
    console.log(`  requests ${row.total} for ${N} unique URLs${row.retries !== undefined ? ` (${row.retries} retries; the checker counted ${row.checkerRequests}, ${row.ok} ok)` : ''}`);
    if (row.cpu !== undefined) console.log(`  CPU time of the checker's process: ${row.cpu.toFixed(2)} s (${((row.cpu / row.total) * 1000).toFixed(2)} ms a request)`);
    console.log(`  per host: ${row.stats.map((s) => `${s.address} ${s.requests} requests, at most ${s.maxActive} at once`).join('; ')}`);
  }
}
