/**
 * Fuzz: generated Markdown, raw HTML, deep nesting, control characters and hostile file names. Whatever the
 * pages hold, lint never throws and stays within its time budget; every position lies inside its file; fixes
 * are idempotent and leave lines that no fix touched unchanged; and no line of human-facing output starts with
 * `::` (GitHub runs such lines as workflow commands) unless it is an annotation archive-lint wrote.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../src/rule-set.js';
import { resolveConfig } from '../src/core/config/config.js';
import { rules } from '../rules/index.js';
import { lineStarts, pointAt } from '../src/core/walk/text.js';
import { parseMarkdown } from '../src/core/parse/parse.js';
import { eachNode } from '../src/core/parse/tree.js';
import { run } from './helpers/tree.js';

const control = fc.constantFrom('\x1b[2J', '\x1b]8;;x\x07', '\r', '\u2028', '\u202e', '\x00', '\x7f', '\t', '\u0085');
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('大纪元', '新闻', '“引号”', 'alpha beta', '::error::forged', '##[error]forged', '%0A', '\\'),
  control,
);
const target = fc.oneof(
  fc.constantFrom('a.md', 'gone.md', '../up.md', '#top', 'b.md#missing', 'img/x.png', 'https://example.invalid/x', 'www.example.com/x', '1.2.3.4:80/x', ''),
  text.map((t) => `${t}.md`),
);
const inline = fc.oneof(
  text,
  fc.tuple(text, target).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(text, target).map(([t, u]) => `![${t}](${u})`),
  fc.tuple(text, target).map(([t, u]) => `<a href="${u}">${t}</a>`),
  fc.tuple(text, target).map(([t, u]) => `<ok href="${u}">${t}</ok>`),
  target.map((u) => `<img src="${u}">`),
  fc.constantFrom('&nbsp;', '&ensp;', '&lt;p&gt;', '<br>', '</div>', '<div>', '<b>', '</i>', '**', '`', '[', '](', '<', '>', '*', '_'),
  fc.constantFrom('2020年9月4日', '2020年09月5日', '2020年13月40日', '周二（2月21日）', 'Tuesday, Feb 21, 2017', '20-02-30'),
);
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const nested = fc.integer({ min: 1, max: 400 }).chain((depth) =>
  fc.constantFrom(`${'>'.repeat(depth)} deep`, `${'<div>\n'.repeat(depth)}x\n${'</div>\n'.repeat(depth)}`, Array.from({ length: Math.min(depth, 60) }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), `${'['.repeat(depth)}x${']'.repeat(depth)}`),
);
const block = fc.oneof(
  line,
  line.map((l) => `## ${l}`),
  line.map((l) => `<div><p>\n${l}\n</p></div>`),
  nested,
  fc.tuple(text, target).map(([t, u]) => `[${t.replace(/[\]\n\r]/g, '')}]: ${u}`),
  fc.constantFrom('---\ntitle: x\ndate: 2020-02-30\n---', '```\n<div>\n```', '| a | b |\n| - | - |\n| <b>x</b> | [y](gone.md) |'),
);
const page = fc.record({ blocks: fc.array(block, { minLength: 1, maxLength: 6 }), crlf: fc.boolean(), bom: fc.boolean() }).map(({ blocks, crlf, bom }) => {
  const body = `${blocks.join('\n\n')}\n`;
  return (bom ? '\ufeff' : '') + (crlf ? body.replace(/\r?\n/g, '\r\n') : body);
});
const fileName = fc.oneof(
  fc.constantFrom('page.md', 'b.md', 'with space.md', '大纪元.md', '::error file=x::forged.md', '##[error]x.md', 'new\nline.md', 'esc\x1b[2Jx.md', '-dash.md', 'cr\rx.md'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[/\0]/.test(s) && s !== '.' && s !== '..').map((s) => `${s}.md`),
);
const archive = fc.uniqueArray(fc.tuple(fileName, page), { minLength: 1, maxLength: 3, selector: ([name]) => name });

function write(files: readonly (readonly [string, string])[]): string {
  const root = mkdtempSync(join(tmpdir(), 'archive-lint-fuzz-'));
  writeFileSync(join(root, 'a.md'), '# A\n\n## Top\n');
  for (const [name, content] of files) writeFileSync(join(root, name), content);
  return root;
}

/** Whether a line would be run by GitHub Actions as a workflow command. */
function commandLike(l: string): boolean {
  return /^\s*(::|##\[)/.test(l);
}

const config = resolveConfig({}, undefined, rules);

describe('fuzz', () => {
  it('lint never throws, stays in its budget, and every position lies inside its file', async () => {
    await fc.assert(
      fc.asyncProperty(archive, async (files) => {
        const root = write(files);
        try {
          const started = Date.now();
          const r = await lint({ root, config });
          expect(Date.now() - started).toBeLessThan(20_000);
          expect(r.runProblems).toEqual([]);
          for (const result of r.results) {
            const raw = readFileSync(result.filePath, 'utf8').replace(/^\ufeff/, '');
            const starts = lineStarts(raw);
            const lines = starts.length;
            for (const m of result.messages) {
              expect(m.message).not.toMatch(/not linted: parsing used more than|not linted: the parsing worker used no CPU time|internal error/);
              expect(m.line).toBeGreaterThanOrEqual(1);
              expect(m.line).toBeLessThanOrEqual(lines);
              const lineLength = (starts[m.line] ?? raw.length + 1) - (starts[m.line - 1] as number);
              expect(m.column).toBeGreaterThanOrEqual(1);
              expect(m.column).toBeLessThanOrEqual(lineLength + 1);
              if (m.endLine !== undefined) {
                expect(m.endLine).toBeLessThanOrEqual(lines);
                expect(m.endLine * 1e6 + (m.endColumn ?? 0)).toBeGreaterThanOrEqual(m.line * 1e6 + m.column);
              }
              for (const fix of [m.fix, ...(m.suggestions ?? []).map((s) => s.fix)]) {
                if (!fix) continue;
                expect(fix.range[0]).toBeGreaterThanOrEqual(0);
                expect(fix.range[1]).toBeLessThanOrEqual(raw.length);
                expect(fix.range[0]).toBeLessThanOrEqual(fix.range[1]);
              }
            }
          }
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  }, 300_000);

  it('fixes are idempotent, and lines that no fix touched are unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (content) => {
        const root = write([['page.md', content]]);
        try {
          const file = join(root, 'page.md');
          const before = content.replace(/^\ufeff/, '');
          const first = await lint({ root, config });
          // The lines each problem and each fix spans: a line with none must come out of --fix as it went in.
          const problemLines = new Set<number>();
          let fixable = 0;
          const starts = lineStarts(before);
          for (const m of first.results.find((r) => r.filePath === file)?.messages ?? []) {
            for (let l = m.line; l <= (m.endLine ?? m.line); l++) problemLines.add(l);
            if (!m.fix) continue;
            // A fix spans the lines of its range (a whole HTML block converted includes its inner lines).
            fixable++;
            for (let l = pointAt(starts, m.fix.range[0]).line; l <= pointAt(starts, m.fix.range[1]).line; l++) problemLines.add(l);
          }
          await lint({ root, config, fix: { mode: 'safe', dryRun: false } });
          const once = readFileSync(file);
          const again = await lint({ root, config, fix: { mode: 'safe', dryRun: false } });
          expect(readFileSync(file).equals(once)).toBe(true);
          expect(again.fixed.filter((f) => f.written)).toEqual([]);
          // A raw HTML block with a problem in it is one unit: a later pass may convert it whole.
          eachNode(parseMarkdown(before), (node) => {
            if (node.type !== 'html' || !node.position) return;
            const { start, end } = node.position;
            let hit = false;
            for (let l = start.line; l <= end.line; l++) hit ||= problemLines.has(l);
            if (hit) for (let l = start.line; l <= end.line; l++) problemLines.add(l);
          });
          // Lines as positions count them: CR, LF and CR LF each end one.
          const afterLines = once.toString('utf8').replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
          let cursor = 0;
          before.split(/\r\n|\r|\n/).forEach((l, i) => {
            if (problemLines.has(i + 1) || l === '') return;
            const found = afterLines.indexOf(l, cursor);
            expect(found, `line ${i + 1}, with no problem, is missing after fixing`).toBeGreaterThanOrEqual(0);
            cursor = found + 1;
          });
          if (!fixable) expect(once.toString('utf8')).toBe(content);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  }, 300_000);

  it('no line of stylish, markdown or stderr output starts as a workflow command; github writes only its own', async () => {
    await fc.assert(
      fc.asyncProperty(archive, async (files) => {
        const root = write(files);
        try {
          for (const format of ['stylish', 'markdown', 'github']) {
            const r = await run(root, ['check', '--no-cache', '--format', format], { env: { NO_COLOR: '1' } });
            expect([0, 1]).toContain(r.code);
            for (const l of r.stderr.split('\n')) expect(commandLike(l), l).toBe(false);
            for (const l of r.stdout.split('\n')) {
              if (format === 'github' && commandLike(l)) expect(l).toMatch(/^::(error|warning) file=[^\n:,]*,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[^\n:,]+::|^::notice::archive-lint: /);
              else expect(commandLike(l), l).toBe(false);
              expect(l.includes('\x1b') || l.includes('\r'), l).toBe(false);
            }
          }
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 15, seed: 20261130 },
    );
  }, 300_000);
});
