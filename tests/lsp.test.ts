/**
 * `archive-lint lsp`, driven over stdio by a real protocol client (vscode-jsonrpc), as an editor drives it: the
 * built command, on a copy of fixtures/lsp/archive.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyEdits, LspClient, type Diagnostic } from './helpers/lsp-client.js';
import { FIXTURES } from './helpers/fixtures.js';

const bin = fileURLToPath(new URL('../bin/archive-lint.js', import.meta.url));
const clients: LspClient[] = [];
const dirs: string[] = [];

function archive(extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'archive-lint-lsp-'));
  dirs.push(root);
  cpSync(join(FIXTURES, 'lsp', 'archive'), root, { recursive: true });
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(root, path), text);
  return root;
}

async function server(root: string): Promise<LspClient> {
  const c = new LspClient(root);
  clients.push(c);
  await c.initialize();
  return c;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const brief = (ds: Diagnostic[]) => ds.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));
const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;
const hasMessage = (part: string) => (ds: Diagnostic[]) => ds.some((d) => d.message.includes(part));
const lacksMessage = (part: string) => (ds: Diagnostic[]) => !ds.some((d) => d.message.includes(part));

describe('archive-lint lsp', () => {
  test('diagnostics as a page is opened and edited, with exact ranges, the same as the CLI reports', async () => {
    const root = archive();
    const c = await server(root);
    const text = readFileSync(join(root, 'b.md'), 'utf8');
    await c.open('b.md', text);
    expect(brief(await c.diagnostics('b.md'))).toEqual([{ range: r(2, 39, 2, 43), severity: ERROR, code: 'no-broken-links', message: "Link target 'c.md' does not exist; did you mean 'a.md'?" }]);

    // The CLI on the same file: the same message at the same place.
    const cli = spawnSync(process.execPath, [bin, '--format', 'json', '--no-cache', 'b.md'], { cwd: root, encoding: 'utf8' });
    const [result] = JSON.parse(cli.stdout) as { messages: { line: number; column: number; endLine: number; endColumn: number; message: string; severity: number }[] }[];
    expect(result?.messages.map((m) => ({ range: r(m.line - 1, m.column - 1, m.endLine - 1, m.endColumn - 1), severity: m.severity === 2 ? ERROR : WARNING, message: m.message }))).toEqual(brief(await c.diagnostics('b.md')).map(({ code: _code, ...d }) => d));

    // Typed: `c.md` becomes `a.md#nope`, then `a.md#alpha`.
    const before = c.published.length;
    await c.edit('b.md', r(2, 39, 2, 43), 'a.md#nope');
    expect(brief(await c.diagnostics('b.md', hasMessage('nope'), before))).toEqual([
      { range: r(2, 39, 2, 48), severity: ERROR, code: 'no-broken-links', message: "Link target 'a.md' has no heading or anchor '#nope'" },
    ]);
    const later = c.published.length;
    await c.edit('b.md', r(2, 44, 2, 48), 'alpha');
    expect(await c.diagnostics('b.md', (ds) => ds.length === 0, later)).toEqual([]);
  });

  test('a heading renamed in one open page: the links it breaks, in an open page and in one that is not, and on the page itself as related information', async () => {
    const root = archive();
    const c = await server(root);
    await c.open('a.md', readFileSync(join(root, 'a.md'), 'utf8'));
    await c.open('b.md', readFileSync(join(root, 'b.md'), 'utf8'));
    await c.diagnostics('a.md');
    await c.diagnostics('b.md');
    const before = c.published.length;
    // `## Section one` → `## Section uno`
    await c.edit('a.md', r(2, 11, 2, 14), 'uno');
    const broken = "Link target 'a.md' has no heading or anchor '#section-one'; did you mean '#section-uno'?";
    expect(brief(await c.diagnostics('b.md', hasMessage('#section-one'), before))).toEqual([
      { range: r(2, 10, 2, 26), severity: ERROR, code: 'no-broken-links', message: broken },
      { range: r(2, 39, 2, 43), severity: ERROR, code: 'no-broken-links', message: "Link target 'c.md' does not exist; did you mean 'a.md'?" },
    ]);
    // Published for a page that is not open.
    expect(brief(await c.diagnostics('pages/index.md', hasMessage('#section-one'), before))).toEqual([
      { range: r(2, 23, 2, 42), severity: ERROR, code: 'no-broken-links', message: broken },
    ]);
    const own = await c.diagnostics('a.md', hasMessage('other pages'), before);
    expect(own.map((d) => ({ range: d.range, severity: d.severity, message: d.message }))).toEqual([
      { range: r(2, 0, 2, 14), severity: INFORMATION, message: "2 links in 2 other pages point at '#section-one', which this page does not have" },
    ]);
    expect(own[0]?.relatedInformation?.map((i) => ({ uri: i.location.uri, range: i.location.range, message: i.message })).sort((x, y) => x.uri.localeCompare(y.uri))).toEqual([
      { uri: c.uri('b.md'), range: r(2, 10, 2, 26), message: "links to '#section-one'" },
      { uri: c.uri('pages/index.md'), range: r(2, 23, 2, 42), message: "links to '#section-one'" },
    ]);

    // Renamed back: every page is whole again.
    const back = c.published.length;
    await c.edit('a.md', r(2, 11, 2, 14), 'one');
    expect(await c.diagnostics('pages/index.md', (ds) => ds.length === 0, back)).toEqual([]);
    expect(brief(await c.diagnostics('b.md', lacksMessage('#section-one'), back)).map((d) => d.message)).toEqual(["Link target 'c.md' does not exist; did you mean 'a.md'?"]);
    expect(await c.diagnostics('a.md', (ds) => ds.length === 0, back)).toEqual([]);
  });

  test("a code action's fixes: fix-all gives the bytes `--fix` writes; one fix; silencing comments that silence", async () => {
    const root = archive();
    const c = await server(root);
    const text = readFileSync(join(root, 'fix.md'), 'utf8');
    await c.open('fix.md', text);
    const diagnostics = await c.diagnostics('fix.md');
    expect(brief(diagnostics).map((d) => [d.range.start.line, d.range.start.character, d.code])).toEqual([
      [4, 4, 'no-raw-html'],
      [4, 28, 'no-raw-html'],
      [2, 34, 'no-broken-links'],
      [2, 52, 'no-broken-links'],
    ]);
    type Action = { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, { range: Diagnostic['range']; newText: string }[]> } };
    const all = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri: c.uri('fix.md') }, range: r(0, 0, 0, 0), context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(all.map((a) => [a.title, a.kind])).toEqual([['Fix all safe archive-lint problems in this file', 'source.fixAll.archive-lint']]);
    const fixedHere = applyEdits(text, all[0]?.edit.changes[c.uri('fix.md')] ?? []);

    const copy = archive();
    const cli = spawnSync(process.execPath, [bin, '--fix', '--no-cache', 'fix.md'], { cwd: copy, encoding: 'utf8' });
    expect(cli.stderr).toContain('fixed 1 file');
    expect(fixedHere).toBe(readFileSync(join(copy, 'fix.md'), 'utf8'));
    expect(fixedHere).not.toBe(text);

    // One diagnostic's actions: its safe fix (preferred), then the comments that silence its rule.
    const nbsp = diagnostics[0] as Diagnostic;
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri: c.uri('fix.md') }, range: nbsp.range, context: { diagnostics: [nbsp] } });
    expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
      ["Fix: Leftover entity '&nbsp;'; expected a plain space", true],
      ['Silence no-raw-html on this line', false],
      ['Silence no-raw-html in this file', false],
      ['Fix all safe archive-lint problems in this file', false],
    ]);
    expect(actions[0]?.edit.changes[c.uri('fix.md')]).toEqual([{ range: r(4, 4, 4, 10), newText: ' ' }]);
    expect(actions[1]?.edit.changes[c.uri('fix.md')]).toEqual([{ range: r(4, 0, 4, 0), newText: '<!-- markdownlint-disable-next-line no-raw-html -->\n' }]);
    expect(actions[2]?.edit.changes[c.uri('fix.md')]).toEqual([{ range: r(0, 0, 0, 0), newText: '<!-- markdownlint-disable-file no-raw-html -->\n' }]);

    // Applied, the comment silences the rule on that line, and the other rule's problems stay.
    const before = c.published.length;
    const edit = actions[1]?.edit.changes[c.uri('fix.md')]?.[0] as { range: Diagnostic['range']; newText: string };
    await c.edit('fix.md', edit.range, edit.newText);
    const after = await c.diagnostics('fix.md', (ds) => ds.every((d) => d.code !== 'no-raw-html'), before);
    expect(after.map((d) => d.code)).toEqual(['no-broken-links', 'no-broken-links']);

    // In the middle of a paragraph a new line would split it: the comment goes at the end of the line instead.
    await c.open('para.md', '# P\n\nFirst line of a paragraph,\nthen [a link](gone.md) on its second line.\n');
    const [gone] = await c.diagnostics('para.md');
    const silence = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri: c.uri('para.md') }, range: gone?.range, context: { diagnostics: [gone] } });
    expect(silence.map((a) => [a.title, a.edit.changes[c.uri('para.md')]])).toEqual([
      ['Silence no-broken-links on this line', [{ range: r(3, 42, 3, 42), newText: ' <!-- markdownlint-disable-line no-broken-links -->' }]],
      ['Silence no-broken-links in this file', [{ range: r(0, 0, 0, 0), newText: '<!-- markdownlint-disable-file no-broken-links -->\n' }]],
    ]);
    const edited = c.published.length;
    const line = silence[0]?.edit.changes[c.uri('para.md')]?.[0] as { range: Diagnostic['range']; newText: string };
    await c.edit('para.md', line.range, line.newText);
    expect(await c.diagnostics('para.md', (ds) => ds.length === 0, edited)).toEqual([]);
  });

  test('a file deleted, then created, through the watched-files notification', async () => {
    const root = archive();
    const c = await server(root);
    await c.open('b.md', readFileSync(join(root, 'b.md'), 'utf8'));
    await c.diagnostics('b.md');
    rmSync(join(root, 'a.md'));
    const before = c.published.length;
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('a.md'), type: 3 }] });
    expect(brief(await c.diagnostics('b.md', hasMessage("'a.md'"), before)).map((d) => [d.range, d.message])).toEqual([
      [r(2, 10, 2, 26), "Link target 'a.md' does not exist; did you mean 'b.md'?"],
      [r(2, 39, 2, 43), "Link target 'c.md' does not exist; did you mean 'b.md'?"],
    ]);
    expect(brief(await c.diagnostics('pages/index.md', hasMessage('a.md'), before)).map((d) => [d.range, d.message])).toEqual([[r(2, 23, 2, 42), "Link target 'a.md' does not exist; did you mean 'b.md'?"]]);

    writeFileSync(join(root, 'c.md'), '# Charlie\n');
    const created = c.published.length;
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('c.md'), type: 1 }] });
    expect(brief(await c.diagnostics('b.md', lacksMessage("'c.md'"), created)).map((d) => d.message)).toEqual(["Link target 'a.md' does not exist; did you mean 'b.md'?"]);
  });

  test('definition, document links, hover and completion of paths and anchors', async () => {
    const root = archive();
    const c = await server(root);
    const text = readFileSync(join(root, 'b.md'), 'utf8');
    await c.open('b.md', text);
    await c.diagnostics('b.md');
    const def = await c.request<{ uri: string; range: Diagnostic['range'] }>('textDocument/definition', { textDocument: { uri: c.uri('b.md') }, position: { line: 2, character: 12 } });
    expect(def).toEqual({ uri: c.uri('a.md'), range: r(2, 0, 2, 0) });

    const links = await c.request<{ range: Diagnostic['range']; target?: string; data?: unknown }[]>('textDocument/documentLink', { textDocument: { uri: c.uri('b.md') } });
    expect(links.map((l) => l.range)).toEqual([r(2, 10, 2, 26)]);
    const resolved = await c.request<{ target?: string }>('documentLink/resolve', links[0]);
    expect(resolved.target).toBe(`${c.uri('a.md')}#L3`);

    const hover = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: c.uri('b.md') }, position: { line: 2, character: 40 } });
    expect(hover.contents.value.split('\n')).toEqual(['**Link** → `c.md`', '- file: **not in the archive**', '- checked by `no-broken-links` as GitHub shows it', "- error: Link target 'c.md' does not exist; did you mean 'a.md'?"]);

    // Typing `[x](pa` on a new line, then `[y](a.md#s`, then `<a href="pages/`.
    await c.edit('b.md', r(3, 0, 3, 0), '[x](pa');
    type Items = { isIncomplete: boolean; items: { label: string; textEdit: { range: Diagnostic['range']; newText: string } }[] };
    const paths = await c.request<Items>('textDocument/completion', { textDocument: { uri: c.uri('b.md') }, position: { line: 3, character: 6 } });
    expect(paths.items.map((i) => [i.label, i.textEdit])).toEqual([['pages/', { range: r(3, 4, 3, 6), newText: 'pages/' }]]);
    await c.edit('b.md', r(3, 0, 3, 6), '[y](a.md#s');
    const anchors = await c.request<Items>('textDocument/completion', { textDocument: { uri: c.uri('b.md') }, position: { line: 3, character: 10 } });
    expect(anchors.items.map((i) => [i.label, i.textEdit])).toEqual([['#section-one', { range: r(3, 9, 3, 10), newText: 'section-one' }]]);
    await c.edit('b.md', r(3, 0, 3, 10), '<a href="pages/');
    const html = await c.request<Items>('textDocument/completion', { textDocument: { uri: c.uri('b.md') }, position: { line: 3, character: 15 } });
    expect(html.items.map((i) => i.label)).toEqual(['index.md']);
  });

  test('a text over maxFileSize is not linted, and the other pages still are', async () => {
    const root = archive({ 'archive-lint.config.json': '{ "maxFileSize": 400 }\n' });
    const c = await server(root);
    const big = `# Big\n\n${'A line of text that makes the page larger than its limit.\n'.repeat(10)}`;
    await c.open('big.md', big);
    expect(brief(await c.diagnostics('big.md'))).toEqual([{ range: r(0, 0, 0, 0), severity: ERROR, code: undefined, message: 'file is 0.0 MiB, over the limit of 0.0 MiB (maxFileSize); not linted' }]);
    await c.open('b.md', readFileSync(join(root, 'b.md'), 'utf8'));
    expect((await c.diagnostics('b.md')).map((d) => d.message)).toEqual(["Link target 'c.md' does not exist; did you mean 'a.md'?"]);
  });

  test('a page past its time budget is reported late as not linted, on its worker; the server answers meanwhile, and the next large page lints', async () => {
    // 0.5 s a MiB: a budget of about 1 s, where this text keeps the parser busy for 5 s or more.
    const root = archive({ 'archive-lint.config.json': '{ "fileTimeBudget": 0.5 }\n' });
    const c = await server(root);
    const slow = 'a]('.repeat(20000);
    await c.open('slow.md', slow);
    await c.open('b.md', readFileSync(join(root, 'b.md'), 'utf8'));
    await c.diagnostics('b.md');
    // b.md was answered while slow.md was still being parsed.
    expect(c.published.filter((p) => p.uri === c.uri('slow.md'))).toEqual([]);
    expect(brief(await c.diagnostics('slow.md'))).toEqual([
      { range: r(0, 0, 0, 0), severity: ERROR, code: undefined, message: "not linted: parsing used more than 1 s of CPU time, the time budget of a file of 59 KiB (fileTimeBudget); the text may hold a pattern that makes Markdown parsers slow, such as thousands of unclosed '[' or '](' on one line" },
    ]);
    // Replaced by a large ordinary text: linted on the new worker.
    const before = c.published.length;
    const large = `# Large\n\n${'Plain words in a paragraph of an ordinary page.\n'.repeat(400)}\n[gone](nowhere.md)\n`;
    await c.edit('slow.md', r(0, 0, 0, slow.length), large);
    expect(brief(await c.diagnostics('slow.md', hasMessage('nowhere'), before))).toEqual([
      { range: r(403, 7, 403, 17), severity: ERROR, code: 'no-broken-links', message: "Link target 'nowhere.md' does not exist" },
    ]);
  });
});
