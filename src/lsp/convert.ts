/** Between the core's plain data (1-based lines and columns, offsets) and the protocol's (0-based positions). */
import { pathToFileURL, fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../core/parse/rule.js';
import { pointAt } from '../core/walk/text.js';
import type { Fix, LintMessage } from '../types.js';

/** What a diagnostic carries for its code actions: the text version it was found on, and its fixes. */
export interface DiagnosticData {
  version: number | null;
  ruleId: string | null;
  fix?: Fix;
  suggestions?: { desc: string; fix: Fix }[];
}

export function toDiagnostic(m: LintMessage, version: number | null): Diagnostic {
  const range: Range = {
    start: { line: m.line - 1, character: m.column - 1 },
    end: { line: (m.endLine ?? m.line) - 1, character: (m.endColumn ?? m.column) - 1 },
  };
  const data: DiagnosticData = { version, ruleId: m.ruleId };
  if (m.fix) data.fix = m.fix;
  if (m.suggestions?.length) data.suggestions = m.suggestions;
  const d: Diagnostic = { range, severity: m.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, source: 'archive-lint', message: m.message, data };
  if (m.ruleId) {
    d.code = m.ruleId;
    d.codeDescription = { href: docsUrl(m.ruleId) };
  }
  return d;
}

/** The range of offsets `[start, end]` in a text with these line starts. */
export function rangeOf(starts: readonly number[], start: number, end: number): Range {
  const s = pointAt(starts, start);
  const e = pointAt(starts, end);
  return { start: { line: s.line - 1, character: s.column - 1 }, end: { line: e.line - 1, character: e.column - 1 } };
}

export function editOf(doc: TextDocument, fix: Fix): { range: Range; newText: string } {
  return { range: { start: doc.positionAt(fix.range[0]), end: doc.positionAt(fix.range[1]) }, newText: fix.text };
}

/** The root-relative path of a `file:` URI, or undefined when it is not a file of the archive. */
export function pathOf(root: string, uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let abs: string;
  try {
    abs = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) return undefined;
  return rel.split(sep).join('/');
}

export function uriOf(abs: string): string {
  return pathToFileURL(abs).href;
}
