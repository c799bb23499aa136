/**
 * Escaped markup shown as text: a converter that escaped an article's HTML instead of converting it leaves
 * `&lt;p&gt;…&lt;/p&gt;` and `&lt;a href=…&gt;` in the page, and readers see the tags.
 *
 * In: the file context (its Markdown text ranges and tokenized HTML nodes). Out: runs of escaped tags, each with
 * its range, how many tags it holds and the first of them. A tag counts when its name is an HTML element and it
 * is written as a tag (`&lt;br /&gt;`, `&lt;/p&gt;`, `&lt;a href=…&gt;`), outside code; tags at most
 * `GAP_LINES` lines apart make one run, and a run is reported from `minTags` tags on, so that a `&lt;` in prose
 * or one tag quoted in a sentence is not a finding.
 */
import type { FileContext } from '../../src/core/parse/rule.js';
import { isKnownElement } from '../../src/core/parse/html-elements.js';
import { pointAt } from '../../src/core/walk/text.js';

export interface EscapedRun {
  start: number;
  end: number;
  count: number;
  /** The first escaped tag of the run, as written (shortened). */
  example: string;
}

/** Escaped tags further apart than this many lines start a new run. */
const GAP_LINES = 10;
/** An escaped tag: `<` and `>` written as character references, or in Markdown also with a backslash (`\<p>`). */
function escapedTag(markdown: boolean): RegExp {
  const lt = markdown ? '(?:&lt;|&#0*60;|&#[xX]0*3[cC];|\\\\<)' : '(?:&lt;|&#0*60;|&#[xX]0*3[cC];)';
  const gt = markdown ? '(?:&gt;|&#0*62;|&#[xX]0*3[eE];|\\\\?>)' : '(?:&gt;|&#0*62;|&#[xX]0*3[eE];|>)';
  return new RegExp(`${lt}(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\\s[^<>\\n]{0,1000}?)?/?\\s*${gt}`, 'g');
}
const IN_MARKDOWN = escapedTag(true);
const IN_HTML = escapedTag(false);
/** Elements whose text is code or is not shown: escaped markup there is meant. */
const CODE = new Set(['pre', 'code', 'kbd', 'samp', 'tt', 'var', 'xmp', 'listing', 'plaintext', 'textarea', 'script', 'style', 'template']);

interface Found {
  start: number;
  end: number;
  text: string;
}

function scan(source: string, markdown: boolean, toFile: (offset: number) => number, out: Found[]): void {
  if (!source.includes('&') && !(markdown && source.includes('\\<'))) return;
  for (const m of source.matchAll(markdown ? IN_MARKDOWN : IN_HTML)) {
    if (!isKnownElement(m[2] as string)) continue;
    const at = m.index ?? 0;
    out.push({ start: toFile(at), end: toFile(at + m[0].length), text: m[0] });
  }
}

export function escapedRuns(ctx: FileContext, minTags: number): EscapedRun[] {
  const found: Found[] = [];
  // Markdown text, read across what splits it on one line (an autolinked URL inside `&lt;a href=…&gt;`), never
  // across code.
  const ranges = [...ctx.textRanges].sort((a, b) => a.start - b.start);
  for (let i = 0; i < ranges.length; i++) {
    const start = (ranges[i] as { start: number }).start;
    let end = (ranges[i] as { end: number }).end;
    while (i + 1 < ranges.length) {
      const next = ranges[i + 1] as { start: number; end: number };
      const gap = ctx.text.slice(end, next.start);
      if (gap.length > 2000 || /[`\n]/.test(gap)) break;
      end = next.end;
      i++;
    }
    scan(ctx.text.slice(start, end), true, (o) => start + o, found);
  }
  // HTML text between tags and comments, outside code; code elements may open in one HTML node and close in a later one.
  let code = 0;
  for (const { node, scan: html, at } of ctx.htmlScans) {
    const value = node.value;
    if (!value.includes('&') && !html.tags.some((t) => CODE.has(t.name))) continue;
    const marks = [...html.tags.map((t) => ({ start: t.start, end: t.end, tag: t })), ...html.comments.map((c) => ({ start: c.start, end: c.end, tag: undefined }))].sort((a, b) => a.start - b.start);
    let from = 0;
    for (const mark of marks) {
      if (code === 0 && mark.start > from) scan(value.slice(from, mark.start), false, (o) => at(from + o), found);
      from = Math.max(from, mark.end);
      const t = mark.tag;
      if (t && CODE.has(t.name) && !t.selfClosing) code = Math.max(0, code + (t.kind === 'open' ? 1 : -1));
    }
    if (code === 0 && from < value.length) scan(value.slice(from), false, (o) => at(from + o), found);
  }
  found.sort((a, b) => a.start - b.start);

  const runs: EscapedRun[] = [];
  let run: (EscapedRun & { lastLine: number }) | undefined;
  const flush = () => {
    if (run && run.count >= minTags) runs.push({ start: run.start, end: run.end, count: run.count, example: run.example });
  };
  for (const f of found) {
    const line = pointAt(ctx.lineStarts, f.start).line;
    if (run && line - run.lastLine <= GAP_LINES) {
      run.end = f.end;
      run.count++;
      run.lastLine = pointAt(ctx.lineStarts, f.end).line;
      continue;
    }
    flush();
    const example = f.text.length > 40 ? `${f.text.slice(0, 39)}…` : f.text;
    run = { start: f.start, end: f.end, count: 1, example, lastLine: pointAt(ctx.lineStarts, f.end).line };
  }
  flush();
  return runs;
}
