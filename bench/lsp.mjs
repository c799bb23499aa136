// The language server on a real archive: start (index from the cache, or the cold run that fills it), then N edits
// of one page, each timed from the didChange sent to the diagnostics of that version received, with the server's
// CPU time (user+sys, from /proc) beside the wall time: on a shared machine the wall time is mostly waiting.
//
//   node bench/lsp.mjs ARCHIVE [PAGE...] [--edits 20]
//
// The archive is used in place (the server writes its cache there): give a copy, never a corpus shared with others.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Buffer } from 'node:buffer';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const args = process.argv.slice(2);
const at = args.indexOf('--edits');
const edits = at >= 0 ? Number(args.splice(at, 2)[1]) : 20;
const [root, ...pages] = args;
if (!root || !pages.length) {
  console.error('usage: node bench/lsp.mjs ARCHIVE PAGE... [--edits N]');
  process.exit(2);
}
const bin = fileURLToPath(new URL('../bin/archive-lint.js', import.meta.url));
const TICK = 100; // clock ticks a second (getconf CLK_TCK on Linux)

const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const cpuMs = () => {
  const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
};
const memory = () => {
  const s = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
};
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const w = waiting.get(`${p.uri} ${p.version}`);
  if (w) {
    waiting.delete(`${p.uri} ${p.version}`);
    w(p);
  }
});
let indexed;
let completed;
const ready = new Promise((r) => (indexed = r));
const complete = new Promise((r) => (completed = r));
conn.onNotification('window/logMessage', (m) => {
  if (/indexed/.test(m.message)) indexed(m.message);
  if (/index complete/.test(m.message)) completed(m.message);
});
conn.onRequest('client/registerCapability', () => null);
conn.listen();
const diagnosticsOf = (uri, version) => new Promise((r) => waiting.set(`${uri} ${version}`, r));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const t0 = performance.now();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
await conn.sendNotification('initialized', {});
const log = await ready;
const start = { wallMs: Math.round(performance.now() - t0), cpuMs: cpuMs(), ...memory() };
console.log(`start: ${log}`);
console.log(`start: wall ${start.wallMs} ms, server CPU ${start.cpuMs} ms, RSS ${start.rssMB} MB (peak ${start.peakMB} MB)`);
// The pages the cache lacked are read in the background (on a worker of the same process): measured apart.
console.log(`start: ${await complete}; server CPU ${cpuMs()} ms, RSS ${memory().rssMB} MB`);

for (const page of pages) {
  const uri = pathToFileURL(join(root, page)).href;
  const text = readFileSync(join(root, page), 'utf8');
  let version = 1;
  const first = diagnosticsOf(uri, version);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  const opened = await first;
  const wall = [];
  const cpu = [];
  for (let k = 0; k < edits; k++) {
    // Type a character at the end of the first line, then take it away: the text alternates, as typing does.
    const line0 = text.split('\n')[0].length;
    const change = k % 2 === 0 ? { range: { start: { line: 0, character: line0 }, end: { line: 0, character: line0 } }, text: 'x' } : { range: { start: { line: 0, character: line0 }, end: { line: 0, character: line0 + 1 } }, text: '' };
    version++;
    const got = diagnosticsOf(uri, version);
    const c0 = cpuMs();
    const w0 = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await got;
    wall.push(performance.now() - w0);
    cpu.push(cpuMs() - c0);
    // Let the server settle (other open pages, affected pages) before the next edit.
    await sleep(50);
  }
  console.log(`${page} (${Buffer.byteLength(text)} bytes, ${opened.diagnostics.length} diagnostics): didChange → diagnostics over ${edits} edits: median wall ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}, max ${Math.max(...wall).toFixed(1)}), median server CPU ${median(cpu).toFixed(0)} ms (${TICK} Hz ticks), mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(1)} ms`);
}
const end = memory();
console.log(`memory with the archive indexed and the pages open: RSS ${end.rssMB} MB (peak ${end.peakMB} MB), server CPU so far ${cpuMs()} ms`);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
