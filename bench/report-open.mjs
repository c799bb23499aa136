// How long Chromium takes to open an HTML report of archive-lint, and how big it is:
//   node bench/report-open.mjs REPORT.html [--runs 3] [--screenshot FILE.png]
// Times each run from the navigation's start to the page's own "ready" marker (`<html data-ready="true">`, set
// once the findings are unpacked and the first page of them is drawn), each in a fresh browser, and prints the
// file's size, every run, the median, the page's JS heap and any console error. Drives Debian's chromium
// (/usr/bin/chromium, or CHROMIUM=path) with playwright-core; it downloads no browser.
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
  console.error('usage: node bench/report-open.mjs REPORT.html [--runs N] [--screenshot FILE.png]');
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('runs', '3'));
const screenshot = opt('screenshot', undefined);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const url = pathToFileURL(resolve(file)).href;
const bytes = statSync(file).size;

const times = [];
let heap;
const errors = [];
for (let run = 0; run < runs; run++) {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 600_000 });
    await page.waitForSelector('html[data-ready]', { timeout: 600_000 });
    times.push((performance.now() - t0) / 1000);
    const ready = await page.getAttribute('html', 'data-ready');
    if (ready !== 'true') errors.push(`data-ready="${ready}": ${await page.textContent('#f-status')}`);
    heap = await page.evaluate(() => globalThis.performance.memory?.usedJSHeapSize);
    if (screenshot && run === 0) await page.screenshot({ path: screenshot, fullPage: true });
  } finally {
    await browser.close();
  }
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`report: ${resolve(file)}`);
console.log(`size: ${bytes} bytes (${(bytes / 1e6).toFixed(2)} MB)`);
console.log(`open to ready in Chromium: ${times.map((t) => t.toFixed(2)).join(', ')} s; median ${median.toFixed(2)} s`);
if (heap !== undefined) console.log(`JS heap after opening: ${(heap / 1e6).toFixed(0)} MB`);
console.log(errors.length ? `console errors: ${errors.join(' | ')}` : 'console errors: none');
process.exitCode = errors.length ? 1 : 0;
