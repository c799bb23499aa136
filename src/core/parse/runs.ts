/**
 * The text a reader sees as one piece: Markdown text nodes and the text of raw HTML, joined across the inline
 * markup between them, so that `【<a href="…">大纪元</a>2018年09月08日讯】` and `【[大纪元](…)2018年09月08日讯】` read
 * as the dateline they are. In: the file's text ranges (sorted). Out: runs of visible text, each with a map from
 * its offsets back to the file's.
 */
import { isKnownElement } from './html-elements.js';

export interface Segment {
  start: number;
  end: number;
}

/** A slice of the file copied into a run: run offsets [at, at + length) are file offsets [start, start + length). */
interface Piece {
  at: number;
  start: number;
}

export interface Run {
  /** The visible text, markup between the pieces left out (entities stay as written, as in Markdown text). */
  text: string;
  pieces: Piece[];
}

/**
 * Elements that sit inside a line of text: a dateline may run across them. So may an unknown element (`<ok href>`
 * left by a converter), which browsers show inline and GitHub unwraps to its text. Any other element (a block, a
 * line break, an image, a table cell) ends the run.
 */
const INLINE_ELEMENTS = new Set(
  'a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp small span strike strong sub sup time tt u var wbr'.split(' '),
);

function inlineTag(name: string): boolean {
  const n = name.toLowerCase();
  return INLINE_ELEMENTS.has(n) || !isKnownElement(n);
}

/**
 * What may lie between two pieces of one run. Markdown: `[`, `](destination "title")`, `][label]`, `]`,
 * emphasis and strikethrough marks; HTML: inline tags, comments and entities (kept as text). No line break
 * outside a tag: a hard break, a new block or a list item ends the run.
 */
const GAP_TOKEN = new RegExp(
  [
    '<!--[\\s\\S]*?-->',
    '<\\/?(?<tag>[A-Za-z][A-Za-z0-9-]*)(?:\\s[^<>]*)?\\/?>',
    '(?<entity>&(?:#\\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)',
    '\\]\\((?:<[^<>\\n]*>|(?:[^()\\s]|\\([^()\\s]*\\))*)(?:[ \\t]+(?:"[^"\\n]*"|\'[^\'\\n]*\'|\\([^()\\n]*\\)))?[ \\t]*\\)',
    '\\]\\[[^\\[\\]\\n]*\\]',
    '[\\[\\]*_~]+',
  ].join('|'),
  'y',
);

const GAP_START = new Set(['<', '&', '[', ']', '*', '_', '~']);

/** The entities a gap holds (as [start, end) offsets in the gap), or undefined when it is not inline markup. */
function inlineGap(gap: string): [number, number][] | undefined {
  // Cheap refusals first: most gaps lie between blocks. A line break may only be inside a tag or a comment.
  if (gap !== '' && !GAP_START.has(gap[0] as string)) return undefined;
  if (gap.includes('\n') && !gap.includes('<')) return undefined;
  const entities: [number, number][] = [];
  let i = 0;
  while (i < gap.length) {
    GAP_TOKEN.lastIndex = i;
    const m = GAP_TOKEN.exec(gap);
    if (!m) return undefined;
    const tag = m.groups?.tag;
    if (tag !== undefined && !inlineTag(tag)) return undefined;
    if (m.groups?.entity !== undefined) entities.push([i, i + m[0].length]);
    i += m[0].length;
  }
  return entities;
}

/** Longest gap looked at: inline markup is short, and a long gap is a block between two texts. */
const MAX_GAP = 2048;

/** Join the file's text segments (sorted by start, not overlapping) into runs of visible text. */
export function visibleRuns(text: string, segments: readonly Segment[]): Run[] {
  const runs: Run[] = [];
  let run: { parts: string[]; pieces: Piece[]; length: number } | undefined;
  let last = -1;
  const add = (start: number, end: number) => {
    if (!run || end <= start) return;
    run.pieces.push({ at: run.length, start });
    run.parts.push(text.slice(start, end));
    run.length += end - start;
  };
  const close = () => {
    if (run) runs.push({ text: run.parts.join(''), pieces: run.pieces });
    run = undefined;
  };
  for (const seg of segments) {
    if (seg.end <= seg.start) continue;
    // Most gaps lie between blocks and start with a line break: refused before the gap is copied out.
    const gap = run && seg.start >= last && seg.start - last <= MAX_GAP && (seg.start === last || GAP_START.has(text[last] as string)) ? inlineGap(text.slice(last, seg.start)) : undefined;
    if (!gap) {
      close();
      run = { parts: [], pieces: [], length: 0 };
    } else {
      for (const [a, b] of gap) add(last + a, last + b);
    }
    add(seg.start, seg.end);
    last = seg.end;
  }
  close();
  return runs;
}

function pieceAt(run: Run, offset: number): Piece {
  const { pieces } = run;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pieces[mid] as Piece).at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo] as Piece;
}

/** File offset of the character at a run offset. */
export function fileStart(run: Run, offset: number): number {
  const p = pieceAt(run, offset);
  return p.start + offset - p.at;
}

/** File offset just after the character before a run offset (the end of a span that ends there). */
export function fileEnd(run: Run, offset: number): number {
  if (offset <= 0) return fileStart(run, 0);
  return fileStart(run, offset - 1) + 1;
}

/**
 * The runs of a file's visible text: its Markdown text nodes and the text inside its raw HTML, in file order.
 * In: the file's text, text ranges and HTML scans (from extraction).
 */
export function fileRuns(text: string, textRanges: readonly Segment[], htmlScans: readonly { scan: { texts: readonly Segment[] }; at: (offset: number) => number }[]): Run[] {
  const segs = textRanges.map((r) => ({ start: r.start, end: r.end }));
  for (const { scan, at } of htmlScans) {
    for (const t of scan.texts) {
      const start = at(t.start);
      const end = at(t.end);
      if (end > start) segs.push({ start, end });
    }
  }
  return visibleRuns(text, segs.sort((a, b) => a.start - b.start));
}

type RunSource = { text: string; textRanges: readonly Segment[]; htmlScans: Parameters<typeof fileRuns>[2] };

const memo = new WeakMap<RunSource, Run[]>();

/** `fileRuns` of a rule's file context, computed once per file for every rule that asks. */
export function contextRuns(ctx: RunSource): Run[] {
  let runs = memo.get(ctx);
  if (!runs) {
    runs = fileRuns(ctx.text, ctx.textRanges, ctx.htmlScans);
    memo.set(ctx, runs);
  }
  return runs;
}
