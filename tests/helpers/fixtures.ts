/**
 * The small rule tester: lint a fixture tree with one rule on and compare with its `expected.json`; fix a copy
 * of it and compare with the expected output tree beside it (`SCENARIO.fixed/`, `SCENARIO.fixed-unsafe/`).
 *
 * A scenario with a `server.json` is about external URLs: the tester serves its routes on 127.0.0.1 and on
 * 127.0.0.2 (a second host, for what a host does to its own requests, as rate limits), lints a copy of the tree
 * with `{{A}}` and `{{B}}` made those servers' host and port (and `{{DOWN}}` a port where nothing listens) with
 * external checks on, and writes the placeholders back in the messages. No name is looked up: `github.com`
 * (the probe of the network) resolves to 127.0.0.1 and every other name fails, so nothing reaches the internet.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixOptions } from '../../src/core/run/engine.js';
import { lint } from '../../src/rule-set.js';
import { loadConfig } from '../../src/core/config/config.js';
import { parseRepoSlug } from '../../src/core/links/github.js';
import { rules } from '../../rules/index.js';
import type { LintResult, Severity } from '../../src/types.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface Expected {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Present for a warning: the rule runs at `error`, and a message it gives as a warning says so. */
  severity?: 1;
  message: string;
  fix?: 'safe' | 'unsafe';
}

export function scenarios(ruleId: string): string[] {
  const dir = join(FIXTURES, ruleId);
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory() && !n.includes('.'))
    .sort();
}

async function run(ruleId: string, root: string, fix?: FixOptions, external = false) {
  const only: Record<string, Severity> = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === ruleId ? 2 : 0]));
  const config = await loadConfig(root, undefined, rules, only);
  const slug = config.repository ? parseRepoSlug(config.repository) : undefined;
  const options: Parameters<typeof lint>[0] = { root, config, ...(slug ? { repo: { ...slug, branch: config.branch ?? 'master' } } : {}), ...(fix ? { fix } : {}) };
  if (external) {
    options.external = {
      settings: config.external,
      resolve: async (name) => {
        if (name === 'github.com') return [{ address: '127.0.0.1', family: 4 }];
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND', hostname: name });
      },
    };
  }
  return lint(options);
}

/** A route of a scenario's `server.json`: the status (and headers, body) to answer, or `hang` to never answer. */
interface Route {
  status?: number;
  /** The status of a HEAD request, when it differs (a server that refuses HEAD). */
  head?: number;
  headers?: Record<string, string>;
  body?: string;
  hang?: boolean;
}

/** Serve a scenario's routes and lint a copy of it with external checks on; `{{A}}` in the messages for the host. */
async function lintServed(ruleId: string, src: string): Promise<Expected[]> {
  const routes = JSON.parse(readFileSync(join(src, 'server.json'), 'utf8')) as Record<string, Route>;
  const serve = async (address: string) => {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const route = routes[(req.url ?? '/').split('?')[0] as string];
      if (!route) return res.writeHead(404).end();
      if (route.hang) return; // Never answers: a timeout.
      res.writeHead(req.method === 'HEAD' && route.head !== undefined ? route.head : (route.status ?? 200), route.headers ?? {}).end(route.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    return { server, host: `${address}:${(server.address() as AddressInfo).port}` };
  };
  const servers = [await serve('127.0.0.1'), await serve('127.0.0.2')];
  const [a, b] = servers.map((s) => s.host) as [string, string];
  // A port where nothing listens: one that was just free.
  const down = createServer();
  await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
  const gone = `127.0.0.1:${(down.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => down.close(() => resolve()));
  const root = mkdtempSync(join(tmpdir(), 'archive-lint-served-'));
  try {
    cpSync(src, root, { recursive: true });
    for (const name of ['expected.json', 'server.json']) rmSync(join(root, name));
    const visit = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const abs = join(dir, e.name);
        if (e.isDirectory()) visit(abs);
        else writeFileSync(abs, readFileSync(abs, 'utf8').replaceAll('{{A}}', a).replaceAll('{{B}}', b).replaceAll('{{DOWN}}', gone));
      }
    };
    visit(root);
    const back = (s: string) => s.replaceAll(a, '{{A}}').replaceAll(b, '{{B}}').replaceAll(gone, '{{DOWN}}');
    return rows(root, (await run(ruleId, root, undefined, true)).results).map((r) => ({ ...r, message: back(r.message) }));
  } finally {
    for (const { server } of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    rmSync(root, { recursive: true, force: true });
  }
}

/** Whether a scenario is about external URLs (it has a `server.json`). */
export function isServed(ruleId: string, scenario: string): boolean {
  return existsSync(join(FIXTURES, ruleId, scenario, 'server.json'));
}

export function rows(root: string, results: LintResult[]): Expected[] {
  const out: Expected[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const row: Expected = { file: relative(root, r.filePath).split(sep).join('/'), line: m.line, column: m.column, endLine: m.endLine ?? m.line, endColumn: m.endColumn ?? m.column, message: m.message };
      if (m.severity === 1) row.severity = 1;
      if (m.fix) row.fix = 'safe';
      else if (m.suggestions?.length) row.fix = 'unsafe';
      out.push(row);
    }
  }
  return out;
}

/** Lint `fixtures/RULE/SCENARIO` with only RULE on; messages as plain rows. */
export async function lintFixture(ruleId: string, scenario: string): Promise<Expected[]> {
  const root = join(FIXTURES, ruleId, scenario);
  if (isServed(ruleId, scenario)) return lintServed(ruleId, root);
  return rows(root, (await run(ruleId, root)).results);
}

export function expectedFor(ruleId: string, scenario: string): Expected[] | undefined {
  const file = join(FIXTURES, ruleId, scenario, 'expected.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Expected[]) : undefined;
}

/** Every file of a tree, as path → bytes (as latin1 strings, so any byte compares). */
export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else out[relative(root, abs).split(sep).join('/')] = readFileSync(abs, 'latin1');
    }
  };
  visit(root);
  return out;
}

export interface FixRun {
  before: Record<string, string>;
  after: Record<string, string>;
  /** The tree after fixing a second time. */
  again: Record<string, string>;
  /** Rows after fixing, with what is still fixable. */
  remaining: Expected[];
  root: string;
}

/** Fix a temporary copy of a fixture scenario (twice), with only RULE on. */
export async function fixFixture(ruleId: string, scenario: string, mode: 'safe' | 'unsafe'): Promise<FixRun> {
  const src = join(FIXTURES, ruleId, scenario);
  const root = mkdtempSync(join(tmpdir(), `archive-lint-fix-${scenario}-`));
  try {
    cpSync(src, root, { recursive: true });
    rmSync(join(root, 'expected.json'), { force: true });
    const before = readTree(root);
    const first = await run(ruleId, root, { mode, dryRun: false });
    const after = readTree(root);
    await run(ruleId, root, { mode, dryRun: false });
    const again = readTree(root);
    return { before, after, again, remaining: rows(root, first.results), root: src };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The expected output tree of a scenario for a fix mode, if there is one. */
export function fixedTreeFor(ruleId: string, scenario: string, mode: 'safe' | 'unsafe'): Record<string, string> | undefined {
  const dir = join(FIXTURES, ruleId, `${scenario}.${mode === 'safe' ? 'fixed' : 'fixed-unsafe'}`);
  return existsSync(dir) ? readTree(dir) : undefined;
}
