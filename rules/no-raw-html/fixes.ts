/**
 * Fixes for no-raw-html, each one checked before it is offered. A safe fix keeps what a reader sees where the
 * archive is published; one that may change it is unsafe (`--fix-unsafe`).
 * - an HTML block at the top level whose every element has a Markdown form becomes Markdown, when the model
 *   of what a reader sees (model.ts) is the same before and after; an unknown element with an href stays as
 *   inline HTML in it. Off GitHub, a conversion that drops an attribute or a `<center>` is unsafe;
 * - inline tags in a top-level paragraph or heading (`<a>`, `<strong>`, `<b>`, `<em>`, `<i>`, `<img>`, `<br>`,
 *   wrappers, unknown elements without an href) become Markdown when the re-parsed block shows the same text and
 *   the new node;
 * - unsafe: an element with an href that is not a link (`<ok href>`, `<span href>`), which readers see as plain
 *   text, becomes the link it was, to its URL when that is known (absolute, or a path of the page's original
 *   site: a Markdown link where Markdown is read, an `<a>` in an HTML block), else loses its tags
 *   (`unknownWithHref` says which always);
 * - unsafe: an unknown tag never closed (`Box<T>`), which readers do not see, is escaped (`Box\<T>`);
 * - leftover entities become their character (no-break and typographic spaces a plain space);
 * - unsafe: `<script>`, `<iframe>`, `<style>`, `<object>`, `<embed>` are removed.
 * Markdown inside an HTML block is not parsed, so nothing is converted to Markdown inside one.
 */
import { parseDocument } from 'htmlparser2';
import { decodeHTMLStrict } from 'entities';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { FileContext, Site } from '../../src/core/parse/rule.js';
import type { HtmlNodeScan } from '../../src/core/parse/extract.js';
import type { HtmlTag } from '../../src/core/parse/html.js';
import { parseMarkdown } from '../../src/core/parse/parse.js';
import { isKnownElement } from '../../src/core/parse/html-elements.js';
import { htmlToMarkdown, escapeText, ignoredAttribute } from './convert.js';
import { htmlTokens, markdownTokens, normalise } from './model.js';
import type { Fix, RawProblem } from '../../src/types.js';
import { onOriginalSite } from '../../src/core/links/resolve.js';

const REMOVABLE = new Set(['script', 'iframe', 'style', 'object', 'embed']);
const SPACES = new Set([0xa0, 0x2002, 0x2003, 0x2009, 0x202f, 0x2007, 0x2008, 0x200a, 0x3000]);
const INVISIBLE_CHARS = new Set([0x200b, 0x200c, 0x200d, 0xad, 0xfeff]);
/** White space and entities only. */
const ONLY_SPACE = /^[\s]*(?:&[a-zA-Z0-9#]+;[\s]*)*$/;

type Tagged = RawProblem & { tagStart?: number };

function visibleText(nodes: readonly Nodes[]): string {
  return normaliseText(markdownTokens(nodes).filter((t) => t.t === 'text' || t.t === 'break'));
}

function normaliseText(tokens: ReturnType<typeof markdownTokens>): string {
  return (JSON.parse(normalise(tokens)) as { text: string }).text;
}

/** The replacement for an entity, or undefined when a plain character would change the text. */
export function entityReplacement(codePoint: number, inMarkdown: boolean): string {
  if (SPACES.has(codePoint)) return ' ';
  if (INVISIBLE_CHARS.has(codePoint)) return '';
  const ch = String.fromCodePoint(codePoint);
  return inMarkdown && /[!-/:-@[-`{-~]/.test(ch) ? escapeText(ch).replace(/^([^\\])$/, '\\$1') : ch;
}

/**
 * The URL a disabled link (`<ok href>`, `<span href>`) meant, when it is known: an absolute http(s) URL as is, a
 * path resolved against the page's original URL; undefined otherwise.
 */
export function disabledLinkUrl(href: string, originalUrl: string | undefined): string | undefined {
  const url = href.trim();
  if (/^https?:\/\//i.test(url)) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url === '' || url.startsWith('#')) return undefined;
  return onOriginalSite(url, originalUrl);
}

export interface FixSettings {
  /**
   * The unsafe fix of an href on an element that is not a link (`<ok href>`): drop its tags, make it a link, or
   * (`auto`) make it a link to its URL when that is known, else drop its tags.
   */
  unknownWithHref: 'unwrap' | 'link' | 'auto';
  /** Where the archive is published. */
  site: Site;
}

/** Attach fixes to the problems of a file. Problems are matched by their start offsets. */
export function attachFixes(ctx: FileContext, problems: RawProblem[], settings: FixSettings): void {
  const byStart = new Map<number, RawProblem[]>();
  for (const p of problems) {
    const list = byStart.get(p.start);
    if (list) list.push(p);
    else byStart.set(p.start, [p]);
  }
  const give = (start: number, messageIds: string[], fix: Fix, kind: 'safe' | 'unsafe' = 'safe'): boolean => {
    const p = byStart.get(start)?.find((x) => messageIds.includes(x.messageId) && !x.fix);
    if (!p) return false;
    p.fix = fix;
    if (kind === 'unsafe') p.fixKind = 'unsafe';
    return true;
  };

  // Blocks converted whole by a safe fix: nothing else is fixed inside them.
  const converted = new Set<HtmlNodeScan>();
  for (const scan of ctx.htmlScans) {
    const parent = scan.ancestors.at(-1);
    if (parent?.type === 'root' && wholeBlock(ctx, scan, problems, settings.site) === 'safe') converted.add(scan);
  }
  for (const scan of ctx.htmlScans) {
    if (converted.has(scan)) continue;
    const parent = scan.ancestors.at(-1);
    if (parent?.type === 'root') {
      inBlock(ctx, scan, give, settings);
    } else {
      unclosedUnknown(ctx, scan, problems, give);
      if (enclosingBlock(scan)) inline(ctx, scan, give, settings);
    }
  }
  entities(ctx, problems, converted);
}

type Give = (start: number, messageIds: string[], fix: Fix, kind?: 'safe' | 'unsafe') => boolean;

function nodeRange(scan: HtmlNodeScan): [number, number] {
  return [scan.node.position?.start.offset ?? 0, scan.node.position?.end.offset ?? 0];
}

/**
 * The whole block to Markdown, when a reader would see the same: a safe fix, or an unsafe one where the site
 * shows or styles something the conversion drops. Returns the kind of fix given, if any.
 */
function wholeBlock(ctx: FileContext, scan: HtmlNodeScan, problems: RawProblem[], site: Site): 'safe' | 'unsafe' | undefined {
  const [start, end] = nodeRange(scan);
  if (ctx.text.slice(start, end) !== scan.node.value) return undefined;
  const first = problems.find((p) => p.start >= start && p.start < end && p.messageId !== 'entity' && p.messageId !== 'escapedMarkup');
  if (!first) return undefined;
  // A block that closes elements opened before it, or leaves some open for later blocks, belongs to a larger
  // structure: converting it alone would unbalance the document.
  if (!balanced(scan.scan.tags) || !mayConvert(scan.scan.tags)) return undefined;
  const doc = parseDocument(scan.node.value);
  const conversion = htmlToMarkdown(doc.children, site);
  if (conversion === undefined) return undefined;
  const md = conversion.markdown;
  const tree = parseMarkdown(md);
  if (tree.children.some((n) => n.type === 'html' || n.type === 'definition' || n.type === 'code')) return undefined;
  if (normalise(htmlTokens(doc.children)) !== normalise(markdownTokens(tree.children))) return undefined;
  // An HTML block can interrupt a paragraph; Markdown cannot: keep it a block of its own.
  const lineStart = ctx.text.lastIndexOf('\n', start - 1);
  const prevLineStart = ctx.text.lastIndexOf('\n', lineStart - 1);
  const prevLine = lineStart < 0 ? '' : ctx.text.slice(prevLineStart + 1, lineStart).trim();
  const text = (prevLine === '' ? '' : '\n') + md;
  const p = first;
  p.fix = { range: [start, end], text };
  if (conversion.dropped.length === 0) return 'safe';
  p.fixKind = 'unsafe';
  return 'unsafe';
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'caption']);

/** Elements the converter can write as Markdown; anything else leaves the block as HTML. */
const CONVERTIBLE = new Set(['p', 'div', 'center', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'blockquote', 'ul', 'ol', 'li', 'br', 'strong', 'b', 'em', 'i', 'code', 'img', 'a', 'span', 'font']);

/** A cheap look at the tags before the real conversion: the same refusals as the converter, without a DOM. */
function mayConvert(tags: readonly HtmlTag[]): boolean {
  for (const t of tags) {
    if (t.kind !== 'open') continue;
    const known = isKnownElement(t.name);
    if (known && !CONVERTIBLE.has(t.name)) return false;
    for (const a of t.attributes) {
      if (ignoredAttribute(a.name)) continue;
      if ((t.name === 'a' || !known) && (a.name === 'href' || a.name === 'title')) continue;
      if (t.name === 'img' && (a.name === 'src' || a.name === 'alt' || a.name === 'title')) continue;
      if (!known && a.name !== 'id' && a.name !== 'name') continue;
      if (t.name === 'font' || t.name === 'span') {
        if (a.name === 'id' || a.name === 'name') return false;
        continue;
      }
      return false;
    }
    if (t.name === 'a' && !t.attributes.some((a) => a.name === 'href')) return false;
  }
  return true;
}

/** Every element the block opens it also closes, and it closes nothing it did not open. */
function balanced(tags: readonly HtmlTag[]): boolean {
  const stack: string[] = [];
  for (const t of tags) {
    if (VOID.has(t.name) || t.selfClosing) continue;
    if (t.kind === 'open') {
      stack.push(t.name);
      continue;
    }
    const i = stack.lastIndexOf(t.name);
    if (i < 0) return false;
    if (stack.slice(i + 1).some((n) => !OPTIONAL_END.has(n))) return false;
    stack.length = i;
  }
  return stack.every((n) => OPTIONAL_END.has(n));
}

function matchingClose(scan: HtmlNodeScan, open: HtmlTag): HtmlTag | undefined {
  let depth = 0;
  const tags = scan.scan.tags;
  for (let i = tags.indexOf(open) + 1; i < tags.length; i++) {
    const t = tags[i] as HtmlTag;
    if (t.name !== open.name) continue;
    if (t.kind === 'open' && !t.selfClosing) depth++;
    else if (t.kind === 'close') {
      if (depth === 0) return t;
      depth--;
    }
  }
  return undefined;
}

/**
 * Inside an HTML block that stays HTML (unsafe fixes): an unknown element with an href loses its tags when the
 * user chose `unwrap` (Markdown is not read here, so a Markdown link cannot be made, and a raw `<a>` is what this
 * rule reports); unsafe elements are removed.
 */
function inBlock(ctx: FileContext, scan: HtmlNodeScan, give: Give, settings: FixSettings): void {
  const [nodeStart] = nodeRange(scan);
  for (const tag of scan.scan.tags) {
    if (tag.kind !== 'open') continue;
    const close = tag.selfClosing ? undefined : matchingClose(scan, tag);
    const start = scan.at(tag.start);
    const href = tag.attributes.find((a) => a.name === 'href')?.value;
    if (!isKnownElement(tag.name) && href !== undefined && close) {
      // An anchor would be lost.
      if (tag.attributes.some((a) => a.name === 'name' || a.name === 'id')) continue;
      const url = settings.unknownWithHref === 'unwrap' ? undefined : settings.unknownWithHref === 'link' ? href : disabledLinkUrl(href, ctx.facts.originalUrl);
      if (url !== undefined && !/["<>]/.test(url)) {
        // Markdown is not read here: the link it was, as HTML.
        const inner = ctx.text.slice(scan.at(tag.end), scan.at(close.start));
        give(start, ['disabledLink', 'unknown'], { range: [start, scan.at(close.end)], text: `<a href="${url.replaceAll('&', '&amp;')}">${inner}</a>` }, 'unsafe');
        continue;
      }
      // A tag that starts the block is what makes it an HTML block.
      if (settings.unknownWithHref === 'link' || start === nodeStart) continue;
      give(start, ['disabledLink', 'unknown'], unwrapInBlock(ctx.text, [start, scan.at(tag.end)], [scan.at(close.start), scan.at(close.end)]), 'unsafe');
    } else if (REMOVABLE.has(tag.name)) {
      const end = close ? scan.at(close.end) : scan.at(tag.end);
      give(start, ['unsafe'], { range: [start, end], text: '' }, 'unsafe');
    }
  }
}

/**
 * Remove an element's open and close tags inside an HTML block, keeping what is between them. A line the tags
 * leave empty goes too: a blank line would end the HTML block.
 */
function unwrapInBlock(text: string, open: [number, number], close: [number, number]): Fix {
  const from = text.lastIndexOf('\n', open[0] - 1) + 1;
  const nl = text.indexOf('\n', close[1]);
  const to = nl < 0 ? text.length : nl;
  const lines = (text.slice(from, open[0]) + text.slice(open[1], close[0]) + text.slice(close[1], to)).split('\n');
  if (lines.length > 1 && (lines.at(-1) as string).trim() === '') lines.pop();
  if ((lines[0] as string).trim() === '') lines.shift();
  if (lines.length > 0) return { range: [from, to], text: lines.join('\n') };
  // Nothing left of the line(s): remove them with their line break.
  return nl < 0 ? { range: [Math.max(0, from - 1), to], text: '' } : { range: [from, nl + 1], text: '' };
}

/**
 * The attributes a conversion of TAG drops that the site shows or styles (none on GitHub, which strips them
 * itself), or undefined when it would drop one that GitHub shows too.
 */
function droppedAttributes(tag: HtmlTag, allowed: string[], site: Site): string[] | undefined {
  const dropped: string[] = [];
  for (const a of tag.attributes) {
    if (allowed.includes(a.name)) continue;
    if (!ignoredAttribute(a.name)) return undefined;
    if (site !== 'github') dropped.push(a.name);
  }
  return dropped;
}

/** Escape what would make link text end early or start another link. */
function escapeBrackets(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else out += c === '[' || c === ']' ? `\\${c}` : c;
  }
  return out;
}

/** An unknown tag never closed, alone in its inline HTML node (`Box<T>`): escaped, so that readers see it (unsafe). */
function unclosedUnknown(ctx: FileContext, scan: HtmlNodeScan, problems: RawProblem[], give: Give): void {
  const [nodeStart, nodeEnd] = nodeRange(scan);
  const tag = scan.scan.tags[0];
  if (scan.scan.tags.length !== 1 || !tag || tag.kind !== 'open') return;
  if (scan.at(tag.start) !== nodeStart || scan.at(tag.end) !== nodeEnd || ctx.text.slice(nodeStart, nodeEnd) !== scan.node.value) return;
  if (!problems.some((p) => p.start === nodeStart && p.messageId === 'unknownUnclosed')) return;
  give(nodeStart, ['unknownUnclosed'], { range: [nodeStart, nodeStart + 1], text: '\\<' }, 'unsafe');
}

/** The root-level block (paragraph or heading) that holds an inline HTML node. */
function enclosingBlock(scan: HtmlNodeScan): Parents | undefined {
  const block = scan.ancestors[1];
  return block && (block.type === 'paragraph' || block.type === 'heading') ? block : undefined;
}

function findNode(tree: Root, type: string, predicate: (n: Nodes) => boolean): boolean {
  let found = false;
  const walk = (n: Nodes) => {
    if (found) return;
    if (n.type === type && predicate(n)) found = true;
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(tree);
  return found;
}

/** Inline tags in a top-level paragraph or heading: to Markdown, checked by re-parsing the block. */
function inline(ctx: FileContext, scan: HtmlNodeScan, give: Give, settings: FixSettings): void {
  const site = settings.site;
  const block = enclosingBlock(scan);
  const parent = scan.ancestors.at(-1);
  if (!block || !parent || scan.scan.tags.length !== 1) return;
  const tag = scan.scan.tags[0] as HtmlTag;
  if (tag.kind !== 'open') return;
  const [nodeStart, nodeEnd] = nodeRange(scan);
  if (ctx.text.slice(nodeStart, nodeEnd) !== scan.node.value || scan.at(tag.start) !== nodeStart || scan.at(tag.end) !== nodeEnd) return;
  const siblings = parent.children as PhrasingContent[];
  const index = siblings.indexOf(scan.node as PhrasingContent);
  const attr = (name: string) => tag.attributes.find((a) => a.name === name)?.value;

  // Void elements: one node.
  let replacement: { range: [number, number]; text: string; expect: (tree: Root) => boolean; unsafe?: boolean } | undefined;
  const img = tag.name === 'img' ? droppedAttributes(tag, ['src', 'alt', 'title'], site) : undefined;
  const br = tag.name === 'br' ? droppedAttributes(tag, [], site) : undefined;
  if (img) {
    const src = attr('src');
    if (src && !/[\s()<>]/.test(src)) {
      const alt = attr('alt') ?? '';
      replacement = { range: [nodeStart, nodeEnd], text: `![${escapeText(alt)}](${src})`, expect: (t) => findNode(t, 'image', (n) => (n as { url: string }).url === src), unsafe: img.length > 0 };
    }
  } else if (br && /^\r?\n/.test(ctx.text.slice(nodeEnd)) && site !== 'jekyll') {
    // (kramdown, Jekyll's parser, has no backslash line break.)
    replacement = { range: [nodeStart, nodeEnd], text: '\\', expect: (t) => findNode(t, 'break', () => true), unsafe: br.length > 0 };
  } else if (!tag.selfClosing) {
    // Find the matching close tag among the following siblings.
    let depth = 0;
    let close: Nodes | undefined;
    for (let i = index + 1; i < siblings.length; i++) {
      const s = siblings[i] as Nodes;
      if (s.type !== 'html') continue;
      const m = /^<(\/?)([a-zA-Z][\w-]*)/.exec(s.value);
      if (!m || (m[2] as string).toLowerCase() !== tag.name) continue;
      if (m[1] === '') depth++;
      else if (depth === 0) {
        close = s;
        break;
      } else depth--;
    }
    const closeStart = close?.position?.start.offset;
    const closeEnd = close?.position?.end.offset;
    if (close === undefined || closeStart === undefined || closeEnd === undefined) return;
    const inner = ctx.text.slice(nodeEnd, closeStart);
    const innerNodes = siblings.slice(index + 1, siblings.indexOf(close as PhrasingContent));
    const innerText = toString(innerNodes, { includeHtml: false }).replace(/\s+/g, ' ').trim();
    if (inner.trim() === '' || /^\s|\s$/.test(inner)) return;
    const href = attr('href');
    const known = isKnownElement(tag.name);
    const link = tag.name === 'a' && href !== undefined ? droppedAttributes(tag, ['href', 'title'], site) : undefined;
    const emphasis = ['strong', 'b', 'em', 'i'].includes(tag.name) ? droppedAttributes(tag, [], site) : undefined;
    const anchor = tag.attributes.some((a) => a.name === 'id' || a.name === 'name');
    const makeLink = (url: string, text: string, unsafe: boolean) => {
      if (/[\s<>]/.test(url) || innerNodes.some((n) => n.type === 'link' || n.type === 'html')) return undefined;
      const dest = /[()]/.test(url) ? `<${url}>` : url;
      return { range: [nodeStart, closeEnd] as [number, number], text: `[${text}](${dest})`, expect: (t: Root) => findNode(t, 'link', (n) => (n as { url: string }).url === url && toString(n).replace(/\s+/g, ' ').trim() === innerText), unsafe };
    };
    if (link && href !== undefined) {
      replacement = makeLink(href, inner, link.length > 0);
    } else if ((!known || ((tag.name === 'span' || tag.name === 'font') && !anchor)) && href !== undefined) {
      // Readers see its text: a link or its text alone both change something (unsafe), as the user chose; by
      // default the link it was, to its URL when that is known.
      if (anchor) return;
      const url = settings.unknownWithHref === 'unwrap' ? undefined : settings.unknownWithHref === 'link' ? href : disabledLinkUrl(href, ctx.facts.originalUrl);
      if (url !== undefined) replacement = makeLink(url, escapeBrackets(inner), true);
      else if (known) replacement = { range: [nodeStart, closeEnd], text: inner, expect: () => true, unsafe: site !== 'github' && tag.attributes.length > 0 };
      else replacement = { range: [nodeStart, closeEnd], text: inner, expect: () => true, unsafe: true };
    } else if (emphasis && (tag.name === 'strong' || tag.name === 'b')) {
      replacement = { range: [nodeStart, closeEnd], text: `**${inner}**`, expect: (t) => findNode(t, 'strong', (n) => toString(n).replace(/\s+/g, ' ').trim() === innerText), unsafe: emphasis.length > 0 };
    } else if (emphasis) {
      replacement = { range: [nodeStart, closeEnd], text: `*${inner}*`, expect: (t) => findNode(t, 'emphasis', (n) => toString(n).replace(/\s+/g, ' ').trim() === innerText), unsafe: emphasis.length > 0 };
    } else if ((tag.name === 'span' || tag.name === 'font' || !known) && !anchor) {
      // GitHub strips wrappers and unknown elements and shows their text; a static site keeps their attributes.
      replacement = { range: [nodeStart, closeEnd], text: inner, expect: () => true, unsafe: site !== 'github' && tag.attributes.length > 0 };
    }
  }
  if (!replacement) return;
  // Re-parse the enclosing block with the replacement: the same text, and the expected node.
  const blockStart = block.position?.start.offset ?? 0;
  const blockEnd = block.position?.end.offset ?? 0;
  const before = ctx.text.slice(blockStart, blockEnd);
  const after = before.slice(0, replacement.range[0] - blockStart) + replacement.text + before.slice(replacement.range[1] - blockStart);
  const treeBefore = parseMarkdown(before);
  const treeAfter = parseMarkdown(after);
  if (treeAfter.children.length !== treeBefore.children.length || treeAfter.children[0]?.type !== treeBefore.children[0]?.type) return;
  // A <br> becomes a hard break: the text is the same once line breaks are read as spaces.
  const seen = (tree: Root) => (tag.name === 'br' ? visibleText(tree.children).replace(/\n/g, ' ') : visibleText(tree.children));
  if (seen(treeAfter) !== seen(treeBefore) || !replacement.expect(treeAfter)) return;
  give(nodeStart, ['markdownForm', 'unknown', 'wrapper', 'disabledLink'], { range: replacement.range, text: replacement.text }, replacement.unsafe ? 'unsafe' : 'safe');
}

/** Entities in Markdown text and in HTML blocks that stay HTML. */
function entities(ctx: FileContext, problems: RawProblem[], converted: Set<HtmlNodeScan>): void {
  const convertedRanges = [...converted].map(nodeRange);
  const htmlRanges = ctx.htmlScans.map(nodeRange);
  for (const p of problems as Tagged[]) {
    if (p.messageId !== 'entity' || p.fix) continue;
    if (convertedRanges.some(([a, b]) => p.start >= a && p.start < b)) continue;
    const source = ctx.text.slice(p.start, p.end);
    const decoded = decodeOne(source);
    if (decoded === undefined) continue;
    const inHtml = htmlRanges.some(([a, b]) => p.start >= a && p.start < b);
    const lineStart = ctx.text.lastIndexOf('\n', p.start - 1) + 1;
    const nl = ctx.text.slice(p.end).search(/\r?\n/);
    const lineEnd = nl < 0 ? ctx.text.length : p.end + nl;
    const onlySpaceBefore = ONLY_SPACE.test(ctx.text.slice(lineStart, p.start));
    // In Markdown, a space at the start of a line could start an indented code block or vanish; in an HTML
    // block, a line of nothing but spaces would end the block.
    if (!inHtml && onlySpaceBefore) continue;
    if (inHtml && onlySpaceBefore && ONLY_SPACE.test(ctx.text.slice(p.end, lineEnd)) && SPACES.has(decoded)) continue;
    // A space at the end of a line in Markdown is dropped, or with another makes a hard line break.
    if (!inHtml && SPACES.has(decoded) && ONLY_SPACE.test(ctx.text.slice(p.end, lineEnd))) continue;
    // Under Jekyll, Liquid runs before Markdown: an escaped `{%`, `%}`, `{{` or `}}` must stay escaped.
    if (ctx.site === 'jekyll' && (decoded === 0x25 || decoded === 0x7b || decoded === 0x7d)) continue;
    p.fix = { range: [p.start, p.end], text: entityReplacement(decoded, !inHtml) };
    // A no-break space beside another space (or another entity) keeps its width; a plain one collapses: the
    // spacing a reader sees changes (`&nbsp;&nbsp;|&nbsp;&nbsp;`).
    if (SPACES.has(decoded) && (/[\s;]$/.test(ctx.text.slice(p.start - 1, p.start)) || /^(?:\s|&)/.test(ctx.text.slice(p.end, p.end + 1)))) p.fixKind = 'unsafe';
  }
}

function decodeOne(text: string): number | undefined {
  const d = decodeHTMLStrict(text);
  return d === text ? undefined : d.codePointAt(0);
}
