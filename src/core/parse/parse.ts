/** The one parser: remark-parse's parser (on a faster copy of its compiler) with GFM and front matter. */
import { unified, type Processor } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { lineStarts } from '../walk/text.js';
import type { Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import { fromMarkdown } from './vendor/mdast-util-from-markdown/index.js';

/**
 * remark-parse, on the vendored compiler (./vendor/mdast-util-from-markdown): the same plugin API (syntax
 * extensions from `data`), the same trees and positions, about 40 % less time.
 */
export function remarkParse(this: Processor): void {
  const data = this.data() as { settings?: object; micromarkExtensions?: FromMarkdownOptions['extensions']; fromMarkdownExtensions?: FromMarkdownOptions['mdastExtensions'] };
  // One options object for the processor's life (it is frozen by the first parse): the parser and compiler
  // built from it are reused for every document.
  let options: FromMarkdownOptions | undefined;
  this.parser = (doc: string) => {
    options ??= { ...data.settings, extensions: data.micromarkExtensions ?? [], mdastExtensions: data.fromMarkdownExtensions ?? [] };
    return fromMarkdown(doc, options);
  };
}

/** The parser plugins, in the order a processor should use them. */
export function baseProcessor(): Processor<Root> {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']) as unknown as Processor<Root>;
}

let parser: Processor<Root> | undefined;

export function parseMarkdown(text: string): Root {
  parser ??= baseProcessor().freeze();
  return parser.parse(text);
}

/** Texts longer than this are parsed in pieces (when it is provably safe), to bound time and memory. */
export const CHUNK_THRESHOLD = 256 * 1024;
const CHUNK_TARGET = 64 * 1024;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_RAW_START = /^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)|^ {0,3}<!--|^ {0,3}<\?|^ {0,3}<![A-Za-z]|^ {0,3}<!\[CDATA\[/i;
const HTML_RAW_END = /<\/(?:script|pre|style|textarea)>|-->|\?>|>|\]\]>/i;
/** A line that can only start a new top-level block: an ATX heading or a thematic break at column 0. */
const SAFE_START = /^(?:#{1,6}(?:\s|$)|(?:-[ \t]*){3,}$|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/;
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m;

/**
 * Offsets where the text may be cut so that each piece parses as it would inside the whole: a blank line, outside
 * fenced code and raw HTML blocks, followed by a heading or a thematic break at column 0. Link reference
 * definitions and footnotes reach across the document, so a text with any is not cut.
 */
export function safeCuts(text: string): number[] {
  if (DEFINITION.test(text) || text.includes('[^')) return [];
  const cuts: number[] = [];
  let fence: string | undefined;
  let raw = false;
  let prevBlank = false;
  let last = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).replace(/\r$/, '');
    if (fence !== undefined) {
      if (line.trimStart().startsWith(fence)) fence = undefined;
    } else if (raw) {
      if (HTML_RAW_END.test(line)) raw = false;
    } else {
      const f = FENCE.exec(line);
      if (f) fence = (f[1] as string).slice(0, 3);
      else if (HTML_RAW_START.test(line) && !HTML_RAW_END.test(line.replace(/^ {0,3}<[^>]*>?/, ''))) raw = true;
      else if (prevBlank && SAFE_START.test(line) && pos - last >= CHUNK_TARGET) {
        cuts.push(pos);
        last = pos;
      }
    }
    prevBlank = line.trim() === '';
    pos = end + 1;
  }
  return cuts;
}

type Positioned = { position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } }; children?: Positioned[] };

function shift(node: Positioned, lines: number, offset: number): void {
  if (node.position) {
    node.position.start.line += lines;
    node.position.end.line += lines;
    if (node.position.start.offset !== undefined) node.position.start.offset += offset;
    if (node.position.end.offset !== undefined) node.position.end.offset += offset;
  }
  if (node.children) for (const c of node.children) shift(c, lines, offset);
}

/** Parse a text, in pieces at safe cuts when it is large; positions are those of the whole text. */
export function parseText(processor: Processor<Root>, text: string): Root {
  const cuts = text.length > CHUNK_THRESHOLD ? safeCuts(text) : [];
  if (cuts.length === 0) return processor.parse(text);
  const root: Root = { type: 'root', children: [] };
  const bounds = [0, ...cuts, text.length];
  let lines = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] as number;
    const piece = text.slice(start, bounds[i + 1]);
    const tree = processor.parse(piece);
    shift(tree as unknown as Positioned, lines, start);
    root.children.push(...tree.children);
    lines += lineStarts(piece).length - 1;
  }
  const starts = lineStarts(text);
  const lastStart = starts[starts.length - 1] as number;
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: starts.length, column: text.length - lastStart + 1, offset: text.length } };
  return root;
}
