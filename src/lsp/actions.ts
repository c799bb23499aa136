/**
 * Code actions: each message's fixes (the safe one preferred, the unsafe ones listed after it), the fix of every
 * safe problem in the file as `--fix` makes it (the same passes on the one text), and the comments that silence a
 * rule where the problem is or in the whole file.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, lineEnding } from '../core/fix/fix.js';
import { MAX_FIX_PASSES } from '../core/fix/passes.js';
import { parseMarkdown } from '../core/parse/parse.js';
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

/** The top-level block that holds an offset, with where its first line starts; undefined in front matter. */
function blockAt(text: string, offset: number): { start: number; firstLine: number; lastLine: number } | undefined {
  const tree = parseMarkdown(text);
  let hit: (typeof tree.children)[number] | undefined;
  for (const node of tree.children) {
    if ((node.position?.start.offset ?? Infinity) <= offset) hit = node;
    else break;
  }
  if (!hit?.position || hit.type === 'yaml' || (hit.type as string) === 'toml') return undefined;
  const { line, column, offset: at = 0 } = hit.position.start;
  return { start: at - (column - 1), firstLine: line, lastLine: hit.position.end.line };
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
 * "Silence this rule here" (`<!-- lint ignore RULE -->` before the block that holds the problem: a line of its own
 * that renders as nothing and splits no paragraph) and "in this file" (`<!-- lint disable RULE -->` at the top,
 * after any front matter), once per rule.
 */
export function silenceActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const text = doc.getText();
  const eol = lineEnding(text);
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const rule = (d.data as DiagnosticData | undefined)?.ruleId;
    if (d.source !== 'archive-lint' || !rule) continue;
    const block = blockAt(text, doc.offsetAt(d.range.start));
    if (block && !seen.has(`${rule}@${block.start}`)) {
      seen.add(`${rule}@${block.start}`);
      const where = block.firstLine === block.lastLine ? 'on this line' : `in this block (lines ${block.firstLine}–${block.lastLine})`;
      const pos = doc.positionAt(block.start);
      out.push({ title: `Silence ${rule} ${where}`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [{ range: { start: pos, end: pos }, newText: `<!-- lint ignore ${rule} -->${eol}` }] } } });
    }
    if (!seen.has(rule)) {
      seen.add(rule);
      const { at, before } = fileCommentAt(text);
      const pos = doc.positionAt(at);
      out.push({ title: `Silence ${rule} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [{ range: { start: pos, end: pos }, newText: `${before}<!-- lint disable ${rule} -->${eol}` }] } } });
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
