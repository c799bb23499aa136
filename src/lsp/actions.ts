/**
 * Code actions: each message's fixes (the safe one preferred, the unsafe ones listed after it), the fix of every
 * safe problem in the file as `--fix` makes it (the same passes on the one text), and the comments that silence a
 * rule on the problem's line or in the whole file.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, lineEnding } from '../core/fix/fix.js';
import { MAX_FIX_PASSES } from '../core/fix/passes.js';
import { parseMarkdown } from '../core/parse/parse.js';
import { lineStarts } from '../core/walk/text.js';
import { editOf, type DiagnosticData } from './convert.js';
import type { LiveArchive } from './archive.js';
import type { Fix } from '../types.js';

/** The kind of the "fix all" action, which editors run on save (`source.fixAll`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.archive-lint`;

function short(m: Diagnostic['message']): string {
  const message = typeof m === 'string' ? m : m.value;
  return message.length > 90 ? `${message.slice(0, 89)}…` : message;
}

/** The fixes of the diagnostics in the request, when they were found on the text the editor has now. */
export function fixActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'archive-lint') continue;
    const data = d.data as DiagnosticData | undefined;
    if (!data || data.version !== doc.version) continue;
    const rule = data.ruleId ?? 'archive-lint';
    if (data.fix) {
      out.push({ title: `Fix: ${short(d.message)}`, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [d], edit: { changes: { [doc.uri]: [editOf(doc, data.fix)] } } });
    }
    for (const s of data.suggestions ?? []) {
      out.push({ title: `Unsafe fix (${rule}; may change what a reader sees): ${short(d.message)}`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [editOf(doc, s.fix)] } } });
    }
  }
  return out;
}

/** The top-level block that holds an offset: its kind and lines (1-based); undefined in front matter. */
function blockAt(text: string, offset: number): { type: string; firstLine: number; lastLine: number } | undefined {
  const tree = parseMarkdown(text);
  let hit: (typeof tree.children)[number] | undefined;
  for (const node of tree.children) {
    if ((node.position?.start.offset ?? Infinity) <= offset) hit = node;
    else break;
  }
  if (!hit?.position || hit.type === 'yaml' || (hit.type as string) === 'toml') return undefined;
  return { type: hit.type, firstLine: hit.position.start.line, lastLine: hit.position.end.line };
}

/** Where a file-wide comment goes: the start, or after the front matter. */
function fileCommentAt(text: string): { at: number; before: string } {
  const first = parseMarkdown(text).children[0];
  if (!first || (first.type !== 'yaml' && (first.type as string) !== 'toml')) return { at: 0, before: '' };
  const end = first.position?.end.offset ?? 0;
  const nl = /\r\n|\n|\r/.exec(text.slice(end));
  return nl ? { at: end + nl.index + nl[0].length, before: '' } : { at: text.length, before: lineEnding(text) };
}

/**
 * The edit that silences a rule on one line, with markdownlint's comments (which the engine reads inside an HTML
 * block too), written so that the page renders as before: a line of its own before the line
 * (`disable-next-line`) where a new line splits nothing (the first line of a block, any line of an HTML block),
 * else at the end of the line (`disable-line`), inside a paragraph or a list item. None in front matter or in a
 * table's body (a comment after a row would be a cell of it).
 */
function lineSilencer(doc: TextDocument, text: string, line: number, rule: string, eol: string): TextEdit | undefined {
  const block = blockAt(text, doc.offsetAt({ line, character: 0 }));
  if (!block) return undefined;
  if (line + 1 === block.firstLine || block.type === 'html') {
    const at = { line, character: 0 };
    return { range: { start: at, end: at }, newText: `<!-- markdownlint-disable-next-line ${rule} -->${eol}` };
  }
  if (block.type === 'table') return undefined;
  const next = lineStarts(text)[line + 1];
  const lineEnd = doc.positionAt(next === undefined ? text.length : next - (text.slice(next - 2, next) === '\r\n' ? 2 : 1));
  return { range: { start: lineEnd, end: lineEnd }, newText: ` <!-- markdownlint-disable-line ${rule} -->` };
}

/**
 * "Silence this rule on this line" (markdownlint's `disable-next-line` or `disable-line`, see `lineSilencer`) and
 * "in this file" (`disable-file` at the top, after any front matter), once per rule and line.
 */
export function silenceActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const text = doc.getText();
  const eol = lineEnding(text);
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const rule = (d.data as DiagnosticData | undefined)?.ruleId;
    if (d.source !== 'archive-lint' || !rule) continue;
    const line = d.range.start.line;
    if (!seen.has(`${rule}@${line}`)) {
      seen.add(`${rule}@${line}`);
      const edit = lineSilencer(doc, text, line, rule, eol);
      if (edit) out.push({ title: `Silence ${rule} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } });
    }
    if (!seen.has(rule)) {
      seen.add(rule);
      const { at, before } = fileCommentAt(text);
      const pos = doc.positionAt(at);
      out.push({ title: `Silence ${rule} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [{ range: { start: pos, end: pos }, newText: `${before}<!-- markdownlint-disable-file ${rule} -->${eol}` }] } } });
    }
  }
  return out;
}

/**
 * Every safe fix of a text, as `--fix` applies them to a file: the per-file and cross-file fixes, applied, the
 * text linted again, until nothing is left to fix (at most `MAX_FIX_PASSES` passes). The archive index sees each
 * pass's anchors, and the text's own again at the end. Undefined when nothing changes.
 */
export async function fixAllText(archive: LiveArchive, path: string, text: string): Promise<string | undefined> {
  const original = await archive.outcomeOf(path, text);
  let o = original;
  let current = text;
  try {
    for (let pass = 0; pass < MAX_FIX_PASSES && !o.error; pass++) {
      const fixes: Fix[] = o.messages.flatMap((m) => (m.fix ? [m.fix] : []));
      for (const { problem } of archive.crossProblems(o)) if (problem.fix && problem.fixKind !== 'unsafe') fixes.push(problem.fix);
      if (!fixes.length) break;
      const applied = applyFixes(current, fixes);
      if (!applied.applied.length || applied.text === current) break;
      current = applied.text;
      o = await archive.outcomeOf(path, current);
      if (!o.error) archive.index.setAnchors(path, o.facts.anchors);
    }
  } finally {
    if (!original.error) archive.index.setAnchors(path, original.facts.anchors);
  }
  return current === text ? undefined : current;
}

/** One edit that turns the whole document into `text`. */
export function wholeEdit(doc: TextDocument, text: string): TextEdit {
  return { range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: text };
}
