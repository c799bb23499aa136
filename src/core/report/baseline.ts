/**
 * Baselines: the problems an archive had when it adopted the tool, recorded so that a run reports only new ones.
 * In: results and the text of each file they are about; out: the results without the recorded problems, and the
 * baseline of what a run found. Pure functions; reading files and asking git is the adapter's.
 *
 * A problem is keyed by its file, rule, message id and a fingerprint of what was found: the text of the file the
 * message points at (the link target as written, the tag, the date text), never its line. Each key has a count:
 * a second identical problem in the same file is new. A message that stands for several occurrences (no-raw-html's
 * `oncePerFile`) counts them all.
 *
 * The file is JSON Lines, one JSON value a line, sorted, so that a diff of it reads as the problems that came and
 * went, and each line parses alone (an error names its line):
 *
 *     {"archiveLintBaseline":1,"commit":"4f0c…","files":2,"problems":5}
 *     ["pages/a.md","no-broken-links","missingFile",{"../b.md":1,"x.md#top":2}]
 *     ["pages/a.md","no-raw-html","entity",{"&nbsp;":1}]
 *     ["pages/c.md",null,null,{"":1}]
 *
 * A fingerprint is the found text itself when it is short and printable (what a reviewer wants to see), else
 * `sha1:` and the first 12 hex digits of its SHA-1 (a found text that starts with `sha1:` is hashed too).
 */
import { createHash } from 'node:crypto';
import { lineStarts } from '../walk/text.js';
import { makeResult } from './results.js';
import type { LintMessage, LintResult } from '../../types.js';

export const BASELINE_FORMAT = 1;

/** Found texts up to this many UTF-16 code units are kept as they are. */
const READABLE = 40;
const HASHED = 'sha1:';

/** A file's recorded problems: group (`rule\0messageId`) → fingerprint → count. */
export type FileEntries = Map<string, Map<string, number>>;

export interface Baseline {
  /** The commit the baseline was written at, for following renames since. */
  commit?: string;
  /** Root-relative path → its recorded problems. */
  files: Map<string, FileEntries>;
  /** There was no baseline file: `--update-baseline` writes the first. */
  created?: boolean;
}

export class BaselineError extends Error {}

/** The group of a message: its rule and message id (a file that cannot be linted has neither). */
export function groupOf(m: Pick<LintMessage, 'ruleId' | 'messageId'>): string {
  return `${m.ruleId ?? ''}\0${m.ruleId === null ? '' : (m.messageId ?? '')}`;
}

/** The fingerprint of a found text. */
export function fingerprintText(found: string): string {
  // eslint-disable-next-line no-control-regex
  if (found.length <= READABLE && !found.startsWith(HASHED) && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(found)) return found;
  return HASHED + createHash('sha1').update(found).digest('hex').slice(0, 12);
}

/**
 * Positions of a file's text, to find the text a message points at: line starts found as far as the messages
 * need them (lines end at LF, CRLF or a lone CR, as `lineStarts` says), and each found text's fingerprint once.
 */
export interface TextAt {
  text: string;
  starts: number[];
  /** Whether the text has a CR: then every line start is found at once by `lineStarts`. */
  complete: boolean;
  seen: Map<string, string>;
}

export function textAt(text: string): TextAt {
  const cr = text.includes('\r');
  return { text, starts: cr ? lineStarts(text) : [0], complete: cr, seen: new Map() };
}

function lineStart(t: TextAt, line: number): number {
  const { starts, text } = t;
  while (!t.complete && starts.length < line) {
    const nl = text.indexOf('\n', starts[starts.length - 1] as number);
    if (nl < 0) t.complete = true;
    else starts.push(nl + 1);
  }
  return starts[Math.min(Math.max(line, 1), starts.length) - 1] as number;
}

function offsetOf(t: TextAt, line: number, column: number): number {
  return Math.min(lineStart(t, line) + Math.max(column, 1) - 1, t.text.length);
}

/**
 * The fingerprint of a message: the text between its start and its end. Without the file's text (a file that
 * cannot be read), or for a file that cannot be linted, the fingerprint is empty: one such problem a file.
 */
export function fingerprint(m: LintMessage, t: TextAt | undefined): string {
  if (m.ruleId === null || t === undefined) return '';
  const start = offsetOf(t, m.line, m.column);
  const end = m.endLine === undefined ? start : Math.max(start, offsetOf(t, m.endLine, m.endColumn ?? m.column));
  const found = t.text.slice(start, end);
  let fp = t.seen.get(found);
  if (fp === undefined) t.seen.set(found, (fp = fingerprintText(found)));
  return fp;
}

function occurrences(m: LintMessage): number {
  return m.occurrences !== undefined && m.occurrences > 1 ? m.occurrences : 1;
}

/** A message's key: its group, its fingerprint, and how many occurrences it stands for. */
export interface MessageKey {
  group: string;
  fp: string;
  n: number;
}

/** The keys of a file's messages, in their order. */
export function messageKeys(messages: readonly LintMessage[], t: TextAt | undefined): MessageKey[] {
  return messages.map((m) => ({ group: groupOf(m), fp: fingerprint(m, t), n: occurrences(m) }));
}

/** A file's problems as baseline entries. */
export function entriesOf(messages: readonly LintMessage[], t: TextAt | undefined, keys = messageKeys(messages, t)): FileEntries {
  const out: FileEntries = new Map();
  for (const { group, fp, n } of keys) {
    let fps = out.get(group);
    if (!fps) out.set(group, (fps = new Map()));
    fps.set(fp, (fps.get(fp) ?? 0) + n);
  }
  return out;
}

export function countEntries(entries: FileEntries): number {
  let n = 0;
  for (const fps of entries.values()) for (const c of fps.values()) n += c;
  return n;
}

/**
 * A file's messages without the problems its entries record; each recorded problem hides as many identical ones as
 * its count, the first ones in the file's order, and the rest are kept. `keys` are the messages' keys.
 */
export function filterMessages(messages: readonly LintMessage[], keys: readonly MessageKey[], recorded: FileEntries | undefined): { kept: LintMessage[]; hidden: number } {
  if (!recorded || recorded.size === 0) return { kept: [...messages], hidden: 0 };
  const left = new Map<string, number>();
  const kept: LintMessage[] = [];
  let hidden = 0;
  messages.forEach((m, i) => {
    const { group, fp, n } = keys[i] as MessageKey;
    const key = `${group}\0${fp}`;
    const budget = left.get(key) ?? recorded.get(group)?.get(fp) ?? 0;
    if (budget >= n) {
      left.set(key, budget - n);
      hidden += n;
    } else {
      left.set(key, budget);
      kept.push(m);
    }
  });
  return { kept, hidden };
}

/** A result without the problems its file's entries record (the same result when none is hidden). */
export function filterResult(r: LintResult, recorded: FileEntries | undefined, t: TextAt | undefined): { result: LintResult; hidden: number } {
  if (!recorded || recorded.size === 0 || r.messages.length === 0) return { result: r, hidden: 0 };
  const { kept, hidden } = filterMessages(r.messages, messageKeys(r.messages, t), recorded);
  return { result: hidden === 0 ? r : makeResult(r.filePath, kept), hidden };
}

/** What changed between two sets of entries of one file: problems that came, and problems that went. */
export function compareEntries(before: FileEntries | undefined, after: FileEntries | undefined): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  const groups = new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]);
  for (const g of groups) {
    const b = before?.get(g);
    const a = after?.get(g);
    for (const fp of new Set([...(b?.keys() ?? []), ...(a?.keys() ?? [])])) {
      const d = (a?.get(fp) ?? 0) - (b?.get(fp) ?? 0);
      if (d > 0) added += d;
      else removed -= d;
    }
  }
  return { added, removed };
}

/**
 * Follow renames: the entries of a file renamed since the baseline was written go with its new path (added to
 * any the new path has). Returns how many files' entries moved.
 */
export function applyRenames(b: Baseline, renamed: ReadonlyMap<string, string>): number {
  let moved = 0;
  for (const [from, to] of renamed) {
    const entries = b.files.get(from);
    if (!entries) continue;
    b.files.delete(from);
    const there = b.files.get(to);
    if (!there) b.files.set(to, entries);
    else {
      for (const [g, fps] of entries) {
        let t = there.get(g);
        if (!t) there.set(g, (t = new Map()));
        for (const [fp, c] of fps) t.set(fp, (t.get(fp) ?? 0) + c);
      }
    }
    moved++;
  }
  return moved;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The baseline file's text: a header line, then one line a file's group, sorted; the same problems give the same bytes. */
export function serialiseBaseline(b: Baseline): string {
  const lines: string[] = [];
  let problems = 0;
  let files = 0;
  for (const path of [...b.files.keys()].sort(compare)) {
    const entries = b.files.get(path) as FileEntries;
    let any = false;
    for (const g of [...entries.keys()].sort(compare)) {
      const fps = [...(entries.get(g) as Map<string, number>)].filter(([, c]) => c > 0).sort((x, y) => compare(x[0], y[0]));
      if (fps.length === 0) continue;
      any = true;
      const [rule, id] = g.split('\0') as [string, string];
      const counts = fps.map(([fp, c]) => `${JSON.stringify(fp)}:${c}`).join(',');
      problems += fps.reduce((n, [, c]) => n + c, 0);
      lines.push(`[${JSON.stringify(path)},${rule === '' ? 'null' : JSON.stringify(rule)},${rule === '' ? 'null' : JSON.stringify(id)},{${counts}}]`);
    }
    if (any) files++;
  }
  const header = { archiveLintBaseline: BASELINE_FORMAT, ...(b.commit ? { commit: b.commit } : {}), files, problems };
  return `${JSON.stringify(header)}\n${lines.map((l) => `${l}\n`).join('')}`;
}

/** Parse a baseline file's text; a malformed one throws a BaselineError naming the file and the line. */
export function parseBaseline(text: string, file: string): Baseline {
  const b: Baseline = { files: new Map() };
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const fail = (n: number, why: string): never => {
    throw new BaselineError(`${file}:${n}: ${why}`);
  };
  let headerSeen = false;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      fail(n, `not JSON (${(e as Error).message.split('\n')[0]}); a baseline has one JSON value a line`);
    }
    if (!headerSeen) {
      const h = value as { archiveLintBaseline?: unknown; commit?: unknown };
      if (typeof value !== 'object' || value === null || Array.isArray(value) || h.archiveLintBaseline === undefined) {
        fail(n, 'expected the header {"archiveLintBaseline":1,…}: this is not an archive-lint baseline (written by --update-baseline)');
      }
      if (h.archiveLintBaseline !== BASELINE_FORMAT) fail(n, `baseline format ${JSON.stringify(h.archiveLintBaseline)}, expected ${BASELINE_FORMAT}: write it again with --update-baseline`);
      if (h.commit !== undefined) {
        if (typeof h.commit !== 'string' || !/^[0-9a-f]{7,64}$/.test(h.commit)) fail(n, '"commit": expected a commit id');
        b.commit = h.commit as string;
      }
      headerSeen = true;
      return;
    }
    if (!Array.isArray(value) || value.length !== 4) fail(n, 'expected [file, rule, message id, {fingerprint: count, …}]');
    const [path, rule, id, counts] = value as unknown[];
    if (typeof path !== 'string' || path === '') fail(n, 'the file: expected a root-relative path');
    if (!((typeof rule === 'string' && rule !== '' && typeof id === 'string') || (rule === null && id === null))) fail(n, 'the rule and message id: expected two strings (or null and null for a file that cannot be linted)');
    if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) fail(n, 'the counts: expected an object of fingerprint → count');
    const g = rule === null ? '\0' : `${rule as string}\0${id as string}`;
    let entries = b.files.get(path as string);
    if (!entries) b.files.set(path as string, (entries = new Map()));
    let fps = entries.get(g);
    if (!fps) entries.set(g, (fps = new Map()));
    for (const [fp, c] of Object.entries(counts as Record<string, unknown>)) {
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) fail(n, `the count of ${JSON.stringify(fp)}: expected a whole number of at least 1`);
      fps.set(fp, (fps.get(fp) ?? 0) + (c as number));
    }
  });
  if (!headerSeen) fail(1, 'empty: expected the header {"archiveLintBaseline":1,…} (write the baseline with --update-baseline)');
  return b;
}
