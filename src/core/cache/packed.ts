/**
 * Per-file messages packed as the JSON report writes them. On a big archive the report is mostly per-file
 * messages (1.5 million on a 15,000-page news mirror), and a warm run's per-file messages are the cached ones:
 * kept as their JSON, a result is written by splicing the few cross-file messages in among them, without
 * turning them into objects and back. Results built from packed messages read like any other: their `messages`
 * are unpacked when first read.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { compareMessages, compareRuleIds, countMessages, makeResult } from '../report/results.js';
import type { FileOutcome, LintMessage, LintResult, PackedMessages } from '../../types.js';

/** Where a result built from packed messages keeps the function that writes its JSON. */
const JSON_OF = Symbol('archive-lint.json');

const COMMA = Buffer.from(',');
/** Every message's JSON starts so (`toMessage` puts the rule id first): the rule id follows. */
const RULE_PREFIX = '{"ruleId":"';

/** A file's per-file messages, as objects or packed. */
export interface PerFile {
  messages: LintMessage[];
  packed?: PackedMessages | undefined;
}

/** Pack an outcome's messages for the trip to the main thread, the cache and the wait for the report. */
export function packMessages(o: FileOutcome): FileOutcome {
  if (o.messages.length === 0 || o.packed) return o;
  const marks = new Int32Array(o.messages.length * 3);
  const parts: string[] = [];
  let at = 0;
  o.messages.forEach((m, i) => {
    const json = JSON.stringify(m);
    parts.push(json);
    marks[3 * i] = m.line;
    marks[3 * i + 1] = m.column;
    marks[3 * i + 2] = at;
    at += Buffer.byteLength(json) + 1;
  });
  const counts = new Int32Array(countMessages(o.messages).slice(0, 4));
  // An exact copy: zlib's result is a view on a larger buffer, and a view crosses threads with its whole buffer.
  const json = new Uint8Array(deflateRawSync(parts.join(','), { level: 1 }));
  return { ...o, messages: [], packed: { json, marks, counts } };
}

function inflate(packed: PackedMessages): Buffer {
  return inflateRawSync(packed.json);
}

/** An outcome's per-file messages, packed or not. */
export function outcomeMessages(o: PerFile): LintMessage[] {
  return o.packed ? (JSON.parse(`[${inflate(o.packed).toString('utf8')}]`) as LintMessage[]) : o.messages;
}

/** A file's result: its per-file messages with the cross-file ones (which are sorted here). */
export function resultOf(filePath: string, o: PerFile, cross: LintMessage[]): LintResult {
  if (!o.packed) return makeResult(filePath, [...o.messages, ...cross]);
  const packed = o.packed;
  cross.sort(compareMessages);
  const c = countMessages(cross);
  let messages: LintMessage[] | undefined;
  let replaced = false;
  const r = { filePath } as LintResult;
  Object.defineProperty(r, 'messages', {
    enumerable: true,
    configurable: true,
    get: () => (messages ??= makeResult(filePath, [...outcomeMessages(o), ...cross]).messages),
    set: (v: LintMessage[]) => {
      messages = v;
      replaced = true;
    },
  });
  r.errorCount = (packed.counts[0] as number) + c[0];
  r.warningCount = (packed.counts[1] as number) + c[1];
  r.fixableErrorCount = (packed.counts[2] as number) + c[2];
  r.fixableWarningCount = (packed.counts[3] as number) + c[3];
  Object.defineProperty(r, JSON_OF, { enumerable: false, value: () => (replaced ? undefined : resultJson(r, packed, cross)) });
  return r;
}

/** The JSON of a result built from packed messages (as `JSON.stringify` writes it), or undefined for any other. */
export function packedJson(r: LintResult): Buffer | undefined {
  const f = (r as LintResult & { [JSON_OF]?: () => Buffer | undefined })[JSON_OF];
  return f?.();
}

/** Does per-file message `i` come before cross-file message `m` (or tie with it, as a stable sort keeps it first)? */
function before(text: Buffer, marks: Int32Array, i: number, m: LintMessage): boolean {
  const line = marks[3 * i] as number;
  const column = marks[3 * i + 1] as number;
  if (line !== m.line) return line < m.line;
  if (column !== m.column) return column < m.column;
  const start = (marks[3 * i + 2] as number) + RULE_PREFIX.length;
  return compareRuleIds(text.toString('utf8', start, text.indexOf(0x22, start)), m.ruleId) <= 0;
}

function resultJson(r: LintResult, packed: PackedMessages, cross: readonly LintMessage[]): Buffer {
  const text = inflate(packed);
  const { marks } = packed;
  const n = marks.length / 3;
  // Runs of per-file messages, with the cross-file ones between them where they sort.
  const parts: Buffer[] = [];
  let i = 0;
  let from = 0;
  for (const m of cross) {
    while (i < n && before(text, marks, i, m)) i++;
    const at = i < n ? (marks[3 * i + 2] as number) : text.length + 1;
    if (at - 1 > from) parts.push(text.subarray(from, at - 1));
    parts.push(Buffer.from(JSON.stringify(m)));
    from = at;
  }
  if (from < text.length) parts.push(text.subarray(from));
  const out: Buffer[] = [Buffer.from(`{"filePath":${JSON.stringify(r.filePath)},"messages":[`)];
  parts.forEach((p, k) => {
    if (k > 0) out.push(COMMA);
    out.push(p);
  });
  out.push(Buffer.from(`],"errorCount":${r.errorCount},"warningCount":${r.warningCount},"fixableErrorCount":${r.fixableErrorCount},"fixableWarningCount":${r.fixableWarningCount}}`));
  return Buffer.concat(out);
}
