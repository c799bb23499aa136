/**
 * What the HTML report shows, built in one pass over the results: the totals and tables drawn in the page, and
 * every finding stored compactly for the page's script to list on demand. A finding is a few varints (its kind,
 * line, column, and an index into a table of strings for each value of its message template), so 1.5 million
 * findings take a few megabytes, where their text would take hundreds.
 *
 * In: ESLint-style results (what `--format json` writes, so `merge-reports` can build the report from JSON alone)
 * and the rules' metadata. Out: plain data.
 */
import { missingTarget, folderAt, folderDepth, rootRelative, kindName, type MissingTarget } from '../../core/report/summary.js';
import type { RuleMeta } from '../../core/parse/rule.js';
import type { LintMessage, LintResult } from '../../types.js';

/** A message template split into literal text and numbered slots: `["Link target '", 0, "' does not exist", 1]`. */
export type TemplateParts = (string | number)[];

export interface KindRow {
  rule: number;
  id: string;
  /** In words. */
  name: string;
  severity: 1 | 2;
  /** 0 none, 1 safe (`--fix`), 2 unsafe (`--fix-unsafe`). */
  fix: 0 | 1 | 2;
  /** The message stands for several occurrences: their number follows its position. */
  occurrences: boolean;
  template: number;
}

export interface Cell {
  errors: number;
  warnings: number;
}

export interface DeadHost {
  host: string;
  findings: number;
  urls: Set<string>;
  kinds: Map<string, number>;
}

export interface Model {
  rules: string[];
  kinds: KindRow[];
  templates: TemplateParts[];
  folders: string[];
  /** Files with findings: root-relative path, folder index, number of findings. */
  files: [string, number, number][];
  strings: string[];
  /** The findings, as varints: kind, line, column, [occurrences], one string index a slot. */
  data: Uint8Array;
  findings: number;
  slots: number;
  /** `notChecked`: links, anchors and images the publishing profile could not check (never errors). */
  totals: { errors: number; warnings: number; files: number; filesWithProblems: number; fixable: number; unsafeFixable: number; notChecked: number };
  /** By rule index: errors and warnings. */
  byRule: Cell[];
  /** By kind index. */
  byKind: Cell[];
  /** By folder index, then by rule index. */
  heat: Cell[][];
  folderFiles: number[];
  folderDepth: number;
  missing: [string, MissingTarget][];
  deadHosts: DeadHost[];
}

/** Split a template at its `{name}` placeholders, each a new slot. */
export function templateParts(template: string): TemplateParts {
  const parts: TemplateParts = [];
  let slot = 0;
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push(slot++);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

const LITERAL: TemplateParts = [0];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for a template: the values of its slots in a message, when the template rebuilds that message exactly. */
function matcher(parts: TemplateParts): (message: string) => string[] | undefined {
  const slots = parts.filter((p) => typeof p === 'number').length;
  const source = parts.map((p) => (typeof p === 'number' ? '([\\s\\S]*?)' : escapeRegExp(p))).join('');
  const re = new RegExp(`^${source}$`);
  return (message) => {
    const m = re.exec(message);
    if (!m) return undefined;
    const values = m.slice(1, slots + 1) as string[];
    return fill(parts, values) === message ? values : undefined;
  };
}

export function fill(parts: TemplateParts, values: readonly string[]): string {
  return parts.map((p) => (typeof p === 'number' ? (values[p] ?? '') : p)).join('');
}

/** Growable byte buffer of unsigned varints. */
class Varints {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  push(n: number): void {
    if (this.length + 5 > this.bytes.length) {
      const next = new Uint8Array(this.bytes.length * 2);
      next.set(this.bytes);
      this.bytes = next;
    }
    while (n > 0x7f) {
      this.bytes[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.bytes[this.length++] = n;
  }
}

/** Messages seen most often: their slots' values, so that a repeated message is matched once. */
const MEMO_LIMIT = 100_000;

const DEAD_KINDS = new Set(['broken', 'redirectLoop', 'tooManyRedirects', 'timeout', 'unreachable', 'remoteBroken', 'remoteUnreachable']);

function deadUrl(m: LintMessage): string | undefined {
  if (m.severity !== 2 || m.messageId === undefined || !DEAD_KINDS.has(m.messageId)) return undefined;
  if (m.ruleId !== 'no-dead-urls' && m.ruleId !== 'no-missing-images') return undefined;
  return /^(?:URL|Image) (\S+)/.exec(m.message)?.[1];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function buildModel(results: readonly LintResult[], root: string, metas: readonly RuleMeta[]): Model {
  const rules: string[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleOf = (id: string | null) => {
    const key = id ?? '';
    let i = ruleIndex.get(key);
    if (i === undefined) {
      i = rules.length;
      rules.push(key);
      ruleIndex.set(key, i);
    }
    return i;
  };
  for (const m of metas) ruleOf(m.id);

  const templates: TemplateParts[] = [LITERAL];
  const templateIndex = new Map<string, { index: number; match: (message: string) => string[] | undefined }>();
  const templateOf = (ruleId: string | null, messageId: string | undefined) => {
    const key = `${ruleId ?? ''}\0${messageId ?? ''}`;
    let t = templateIndex.get(key);
    if (t === undefined) {
      const text = ruleId === null || messageId === undefined ? undefined : metas.find((r) => r.id === ruleId)?.messages[messageId];
      if (text === undefined) t = { index: 0, match: (message) => [message] };
      else {
        const parts = templateParts(text);
        t = { index: templates.length, match: matcher(parts) };
        templates.push(parts);
      }
      templateIndex.set(key, t);
    }
    return t;
  };

  const kinds: KindRow[] = [];
  const kindIndex = new Map<string, number>();
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const stringOf = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const memo = new Map<string, { template: number; values: number[] }>();

  const rels = results.map((r) => rootRelative(root, r.filePath));
  const depth = folderDepth(rels);
  const folders: string[] = [];
  const folderIndex = new Map<string, number>();
  const heat: Cell[][] = [];
  const folderFiles: number[] = [];
  const byKind: Cell[] = [];
  const missing = new Map<string, MissingTarget>();
  const dead = new Map<string, DeadHost>();
  const files: Model['files'] = [];
  const data = new Varints();
  const totals = { errors: 0, warnings: 0, files: results.length, filesWithProblems: 0, fixable: 0, unsafeFixable: 0, notChecked: 0 };
  let findings = 0;
  let slots = 0;

  results.forEach((r, at) => {
    const rel = rels[at] as string;
    const folder = folderAt(rel, depth);
    let f = folderIndex.get(folder);
    if (f === undefined) {
      f = folders.length;
      folders.push(folder);
      folderIndex.set(folder, f);
      heat.push([]);
      folderFiles.push(0);
    }
    folderFiles[f] = (folderFiles[f] as number) + 1;
    totals.notChecked += r.notCheckedCount ?? 0;
    const messages = r.messages;
    if (messages.length === 0) return;
    totals.filesWithProblems++;
    files.push([rel, f, messages.length]);
    const row = heat[f] as Cell[];
    for (const m of messages) {
      const severity: 1 | 2 = m.severity === 2 ? 2 : 1;
      const rule = ruleOf(m.ruleId);
      const fix: 0 | 1 | 2 = m.fix ? 1 : m.suggestions?.length ? 2 : 0;
      const occurrences = (m.occurrences ?? 1) > 1;
      // The message's template and values.
      let split = memo.get(m.message);
      const t = templateOf(m.ruleId, m.messageId);
      if (split === undefined || split.template !== t.index) {
        const values = t.match(m.message);
        split = values === undefined ? { template: 0, values: [stringOf(m.message)] } : { template: t.index, values: values.map(stringOf) };
        if (memo.size < MEMO_LIMIT) memo.set(m.message, split);
      }
      const messageId = m.messageId ?? (m.ruleId === null ? 'fatal' : '');
      const key = `${rule}\0${messageId}\0${severity}\0${fix}\0${occurrences ? 1 : 0}\0${split.template}`;
      let k = kindIndex.get(key);
      if (k === undefined) {
        k = kinds.length;
        kinds.push({ rule, id: messageId, name: kindName(metas, m.ruleId, messageId), severity, fix, occurrences, template: split.template });
        kindIndex.set(key, k);
        byKind.push({ errors: 0, warnings: 0 });
      }
      data.push(k);
      data.push(Math.max(0, m.line));
      data.push(Math.max(0, m.column));
      if (occurrences) data.push(m.occurrences as number);
      for (const v of split.values) data.push(v);
      slots += split.values.length;
      findings++;

      const cell = (row[rule] ??= { errors: 0, warnings: 0 });
      const kc = byKind[k] as Cell;
      if (severity === 2) {
        totals.errors++;
        cell.errors++;
        kc.errors++;
      } else {
        totals.warnings++;
        cell.warnings++;
        kc.warnings++;
      }
      if (fix === 1) totals.fixable++;
      else if (fix === 2) totals.unsafeFixable++;
      const target = missingTarget(m);
      if (target !== undefined) {
        const t2 = missing.get(target.target) ?? { links: 0, what: target.what, image: false };
        t2.links++;
        if (m.ruleId === 'no-missing-images') t2.image = true;
        missing.set(target.target, t2);
      }
      const url = deadUrl(m);
      if (url !== undefined) {
        const host = hostOf(url);
        const d = dead.get(host) ?? { host, findings: 0, urls: new Set<string>(), kinds: new Map<string, number>() };
        d.findings++;
        d.urls.add(url);
        const name = kindName(metas, m.ruleId, messageId);
        d.kinds.set(name, (d.kinds.get(name) ?? 0) + 1);
        dead.set(host, d);
      }
    }
  });

  const byRule: Cell[] = rules.map(() => ({ errors: 0, warnings: 0 }));
  for (const row of heat) {
    row.forEach((c, i) => {
      const t = byRule[i] as Cell;
      t.errors += c.errors;
      t.warnings += c.warnings;
    });
  }
  return {
    rules,
    kinds,
    templates,
    folders,
    files,
    strings,
    data: data.bytes.subarray(0, data.length),
    findings,
    slots,
    totals,
    byRule,
    byKind,
    heat,
    folderFiles,
    folderDepth: depth,
    missing: [...missing].sort((a, b) => b[1].links - a[1].links || a[0].localeCompare(b[0])),
    deadHosts: [...dead.values()].sort((a, b) => b.findings - a.findings || a.host.localeCompare(b.host)),
  };
}
