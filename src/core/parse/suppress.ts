/**
 * Inline suppression comments. In: a file's tree, text, line starts, the known rule ids, its problems and the
 * places where cross-file problems can be (its references); out: the problems kept, the ranges where cross-file
 * problems are suppressed (for the cross-file and URL checks after the per-file step), warnings about the comments
 * themselves, and what each comment silenced (for `--report-unused-suppressions`).
 *
 * remark-lint's syntax (`<!-- lint disable|enable|ignore [RULE…] -->`) is applied by remark-lint's own message
 * control, `remark-message-control` (unified-message-control underneath): it keeps a state per rule from the
 * comments' positions and filters messages by theirs, and reports rule names it does not know. It sees only
 * comments that are whole nodes, and `ignore` means the next sibling node. On top of it, here:
 *
 * - comments *inside* an HTML block (a converted page is often one block from its line 4 to the first blank line)
 *   are found in the block's text; `ignore` there applies to the block's next line;
 * - markdownlint's forms: `markdownlint-disable-next-line`, `markdownlint-disable-line`, `markdownlint-disable-file`
 *   (and `markdownlint-disable`/`-enable`, as remark-lint's `disable`/`enable`);
 * - names with a prefix (`archive-lint/no-raw-html`, `remark-lint-no-raw-html`), unknown names with a suggestion,
 *   unknown keywords said instead of thrown.
 *
 * Each such comment becomes a comment node of remark-lint's syntax, placed where its effect starts, followed by a
 * node covering what it applies to, in a small tree that is what message control walks.
 */
import { eachNode } from './tree.js';
import remarkMessageControl from 'remark-message-control';
import { VFile } from 'vfile';
import { distance } from 'fastest-levenshtein';
import type { Html, Nodes, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { pointAt } from '../walk/text.js';
import type { RawProblem, Reference, Suppression, SuppressionComment } from '../../types.js';

type Verb = 'disable' | 'enable' | 'ignore';

interface Found {
  comment: SuppressionComment;
  verb: Verb;
  ids: string[];
  /** Where its effect starts and (for `ignore`) what it applies to, as offsets. */
  at: number;
  target?: [number, number];
}

/** Any comment that may be one of ours: `<!-- lint … -->` or `<!-- markdownlint-… -->`. */
const COMMENT = /<!--[ \t\r\n]*(lint|markdownlint-[a-z-]+)(?=[ \t\r\n]|-->)([\s\S]*?)-->/g;

function normaliseId(id: string): string {
  return id.replace(/^(?:archive-lint|remark-lint)[:/-]?/, '') || id;
}

/** The closest known name, when it is close enough to be a slip. */
function suggestion(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** The offsets of the line after the one holding `offset` (empty at the end of the text). */
function nextLine(text: string, offset: number): [number, number] {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return [text.length, text.length];
  const end = text.indexOf('\n', nl + 1);
  return [nl + 1, end < 0 ? text.length : end];
}

/** The offsets of the line holding `offset`. */
function lineOf(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return [start, end < 0 ? text.length : end];
}

/** Does the text hold a comment that may be one of ours? (Most pages do not: they pay one search.) */
export function mayHoldSuppressions(text: string): boolean {
  return text.includes('<!--') && text.includes('lint');
}

/**
 * The suppression comments of a file, with what each means in remark-lint's terms, and warnings about comments
 * that name an unknown keyword or (markdownlint's forms) a rule of ours misspelt.
 */
function findComments(tree: Root, text: string, known: readonly string[], warn: (p: RawProblem) => void): Found[] {
  const out: Found[] = [];
  eachNode(tree, (node, ancestors, index) => {
    if (node.type !== 'html' || !node.position || !node.value.includes('<!--')) return;
    const siblings = (ancestors[ancestors.length - 1]?.children ?? []) as Nodes[];
    const base = node.position.start.offset ?? 0;
    for (const m of node.value.matchAll(COMMENT)) {
      const start = base + (m.index ?? 0);
      const end = start + m[0].length;
      const whole = node.value.trim() === m[0];
      const name = m[1] as string;
      const words = (m[2] as string).trim().split(/\s+/).filter((w) => w !== '');
      let verb: string;
      let kind: 'ignore-next' | 'line' | 'next-line' | 'file' | 'range';
      let ids: string[];
      if (name === 'lint') {
        verb = words[0] ?? '';
        ids = words.slice(1);
        if (verb !== 'disable' && verb !== 'enable' && verb !== 'ignore') {
          warn({ ruleId: '', messageId: 'unknown-keyword', message: `Suppression comment 'lint ${verb}': unknown keyword '${verb}', expected disable, enable or ignore`, start, end });
          continue;
        }
        kind = verb === 'ignore' ? 'ignore-next' : 'range';
      } else {
        verb = name.slice('markdownlint-'.length);
        ids = words;
        const kinds: Record<string, typeof kind> = { disable: 'range', enable: 'range', 'disable-next-line': 'next-line', 'disable-line': 'line', 'disable-file': 'file' };
        const k = kinds[verb];
        // markdownlint's other comments (capture, restore, configure-file, enable-file) are markdownlint's business.
        if (k === undefined) continue;
        kind = k;
        // Names are markdownlint's own (MD033, no-inline-html) unless they are close to ours: only ours count.
        const ours = ids.map(normaliseId).filter((id) => known.includes(id) || suggestion(id, known) !== undefined);
        if (ids.length > 0 && ours.length === 0) continue;
        ids = ours;
      }
      const comment: SuppressionComment = { text: `${name}${words.length ? ` ${words.join(' ')}` : ''}`, start, end, used: false, covers: [] };
      ids = ids.map(normaliseId);
      if (kind === 'range') {
        out.push({ comment, verb: verb === 'enable' ? 'enable' : 'disable', ids, at: start });
      } else if (kind === 'file') {
        out.push({ comment, verb: 'disable', ids, at: 0 });
      } else {
        let target: [number, number];
        if (kind === 'line') target = lineOf(text, start);
        else if (kind === 'next-line' || !whole) target = nextLine(text, end - 1);
        else {
          // remark-lint's ignore: the next node (comments between skipped).
          const next = siblings.slice(index + 1).find((n) => n.type !== 'html' || !/^<!--[ \t\r\n]*(?:lint|markdownlint-)/.test(n.value.trim()));
          if (!next?.position) continue;
          target = [next.position.start.offset ?? 0, next.position.end.offset ?? 0];
        }
        out.push({ comment, verb: 'ignore', ids, at: target[0], target });
      }
    }
  });
  return out;
}

/** A node of the control tree at these offsets. */
function positioned<T extends RootContent>(node: T, starts: readonly number[], from: number, to: number): T {
  const a = pointAt(starts, from);
  const b = pointAt(starts, to);
  const position: Position = { start: { ...a, offset: from } as Point, end: { ...b, offset: to } as Point };
  return { ...node, position };
}

/** The tree message control walks: each comment as remark-lint writes it, where its effect starts, then its target. */
function controlTree(found: readonly Found[], starts: readonly number[], length: number, known: readonly string[]): Root {
  // Every rule's state set at the start of the text: unified-message-control falls back, for a message before the
  // first comment about its rule, on a state that a later `<!-- lint disable -->` (naming no rule) has changed, and
  // would silence the messages above that comment. A disable and an enable of each rule at offset 0 give it one.
  const names = known.join(' ');
  const children: RootContent[] = [
    positioned<Html>({ type: 'html', value: `<!-- lint disable ${names} -->` }, starts, 0, 0),
    positioned<Html>({ type: 'html', value: `<!-- lint enable ${names} -->` }, starts, 0, 0),
  ];
  let last = 0;
  const sorted = [...found].sort((x, y) => x.at - y.at);
  for (const f of sorted) {
    const value = `<!-- lint ${f.verb}${f.ids.length ? ` ${f.ids.join(' ')}` : ''} -->`;
    const end = f.target ? f.target[0] : f.comment.end;
    children.push(positioned<Html>({ type: 'html', value }, starts, f.at, Math.max(f.at, end)));
    // What `ignore` applies to: the node after the comment (message control takes the next sibling's end).
    if (f.target) children.push(positioned<Html>({ type: 'html', value: '' }, starts, f.target[0], f.target[1]));
    last = Math.max(last, end, f.target?.[1] ?? 0);
  }
  // Message control drops messages in "gaps" no node covers after the last one: this tree covers the whole text.
  children.push(positioned<Html>({ type: 'html', value: '' }, starts, last, length));
  const root: Root = { type: 'root', children };
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { ...pointAt(starts, length), offset: length } };
  return root;
}

interface Probe {
  ruleId: string;
  start: number;
  end: number;
}

/** Which of these problems and probes message control lets through, under these comments. */
function control(found: readonly Found[], text: string, starts: readonly number[], known: readonly string[], items: readonly Probe[], onUnknown?: (place: Position | undefined, reason: string) => void): boolean[] {
  const file = new VFile({ value: text });
  const tagged = items.map((p, i) => {
    const at = pointAt(starts, p.start);
    return { source: 'archive-lint', ruleId: p.ruleId, line: at.line, column: at.column, index: i };
  });
  file.messages = tagged as unknown as VFile['messages'];
  remarkMessageControl({ name: 'lint', source: 'archive-lint', known: [...known] })(controlTree(found, starts, text.length, known), file);
  const kept = new Array<boolean>(items.length).fill(false);
  for (const m of file.messages as unknown as { source?: string; ruleId?: string; reason?: string; place?: Position; index?: number }[]) {
    if (m.index !== undefined) kept[m.index] = true;
    else if (m.source === 'unified-message-control' && m.ruleId === 'known') onUnknown?.(m.place, m.reason ?? '');
  }
  return kept;
}

export interface Applied {
  /** The problems no comment silences. */
  kept: RawProblem[];
  /** How many were silenced. */
  suppressed: number;
  /** Where cross-file and URL problems are silenced (per rule, at the references). */
  suppressions: Suppression[];
  /** Warnings about the comments (unknown names and keywords), as problems of no rule. */
  warnings: RawProblem[];
  /** The comments, with what they silenced; undefined when the file has none. */
  comments?: SuppressionComment[];
}

/**
 * Apply a file's suppression comments to its problems, and find where its cross-file problems would be silenced:
 * for each reference and each rule with cross-file or URL checks (`crossRules`), message control is asked about a
 * problem there.
 */
export function applySuppressions(tree: Root, text: string, starts: readonly number[], known: readonly string[], crossRules: readonly string[], externalRules: readonly string[], problems: RawProblem[], references: readonly Reference[]): Applied {
  const none: Applied = { kept: problems, suppressed: 0, suppressions: [], warnings: [] };
  if (!mayHoldSuppressions(text)) return none;
  const warnings: RawProblem[] = [];
  const found = findComments(tree, text, known, (p) => warnings.push(p));
  if (found.length === 0) return { ...none, warnings };
  // Cross-file problems sit at references (and a file-level one at the start).
  const probes: Probe[] = [];
  for (const ruleId of crossRules) {
    probes.push({ ruleId, start: 0, end: 1 });
    for (const r of references) probes.push({ ruleId, start: r.start, end: Math.max(r.end, r.start + 1) });
  }
  const items: Probe[] = [...problems, ...probes];
  const reported = new Set<number>();
  const keptAll = control(found, text, starts, known, items, (place) => {
    const at = place?.start.offset ?? 0;
    if (reported.has(at)) return;
    const f = found.find((x) => x.comment.start === at || x.at === at);
    for (const id of f?.ids ?? []) {
      if (known.includes(id)) continue;
      reported.add(at);
      const like = suggestion(id, known);
      const c = f?.comment ?? { start: at, end: at };
      warnings.push({ ruleId: '', messageId: 'unknown-rule', message: `Suppression comment names an unknown rule '${id}'${like ? `; did you mean '${like}'?` : ''}`, start: c.start, end: c.end });
    }
  });
  const kept = problems.filter((_, i) => keptAll[i]);
  const suppressions: Suppression[] = [];
  probes.forEach((p, i) => {
    if (!keptAll[problems.length + i]) suppressions.push({ ruleIds: [p.ruleId], start: p.start, end: p.end });
  });
  // What each comment silences by itself (with the enabling comments, which end its effect): per-file problems,
  // and the places of cross-file ones. A comment past the limit counts as used (its count is not worth the time).
  const enables = found.filter((f) => f.verb === 'enable');
  const silencing = found.filter((f) => f.verb !== 'enable');
  for (const [k, f] of silencing.entries()) {
    if (k >= 64) {
      f.comment.used = true;
      continue;
    }
    const alone = control([f, ...enables], text, starts, known, items);
    f.comment.used = problems.some((_, i) => !alone[i] && !keptAll[i]);
    probes.forEach((p, i) => {
      if (alone[problems.length + i] || keptAll[problems.length + i]) return;
      if (externalRules.includes(p.ruleId)) f.comment.external = true;
      else f.comment.covers.push({ ruleIds: [p.ruleId], start: p.start, end: p.end });
    });
  }
  return { kept, suppressed: problems.length - kept.length, suppressions, warnings, comments: silencing.map((f) => f.comment) };
}

export function isSuppressed(p: Pick<RawProblem, 'ruleId' | 'start'>, suppressions: readonly Suppression[]): boolean {
  for (const s of suppressions) {
    if (p.start < s.start || (s.end !== -1 && p.start >= s.end)) continue;
    if (s.ruleIds.length === 0 || s.ruleIds.includes(p.ruleId)) return true;
  }
  return false;
}
