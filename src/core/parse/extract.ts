/**
 * The extraction step of the pipeline: from one parsed file to plain data (references and anchors).
 * Pure: a tree and its text in, facts out.
 */
import { sluggerFor, type SiteModel } from '../config/site.js';
import type { Site } from './rule.js';
import { toString } from 'mdast-util-to-string';
import { eachNode } from './tree.js';
import { parse as parseYaml } from 'yaml';
import type { Definition, Heading, Html, Image, Link, Nodes, Parents, Root } from 'mdast';
import { scanHtml, type HtmlScan, type HtmlTag } from './html.js';
import { isKnownElement } from './html-elements.js';
import type { FileFacts, LinkForm, Reference } from '../../types.js';

/** Maps offsets inside an `html` node's value to offsets in the file (values inside containers lose their prefixes). */
export function valueOffsetMapper(text: string, node: Html): (offset: number) => number {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  if (text.slice(start, end) === node.value) return (o) => start + o;
  // Each line of the value is the tail of the matching source line.
  const valueLines = node.value.split(/\r?\n|\r/);
  const lineOffsets: { valueStart: number; fileStart: number }[] = [];
  let vPos = 0;
  let fPos = start;
  for (let i = 0; i < valueLines.length; i++) {
    const vLine = valueLines[i] as string;
    let lineEnd = text.slice(fPos).search(/\r?\n|\r/);
    lineEnd = lineEnd < 0 ? text.length : fPos + lineEnd;
    const sourceLine = text.slice(fPos, lineEnd);
    const at = i === 0 ? 0 : Math.max(0, sourceLine.length - vLine.length);
    lineOffsets.push({ valueStart: vPos, fileStart: fPos + at });
    vPos += vLine.length + (node.value.slice(vPos + vLine.length).match(/^(\r\n|\n|\r)/)?.[0].length ?? 0);
    const nl = text.slice(lineEnd).match(/^(\r\n|\n|\r)/)?.[0].length ?? 0;
    fPos = lineEnd + nl;
  }
  return (o) => {
    let line = lineOffsets[0] as { valueStart: number; fileStart: number };
    for (const l of lineOffsets) {
      if (l.valueStart <= o) line = l;
      else break;
    }
    return line.fileStart + (o - line.valueStart);
  };
}

export interface HtmlNodeScan {
  node: Html;
  scan: HtmlScan;
  /** File offset of an offset in the scan. */
  at: (offset: number) => number;
  /** The node's ancestors, root first (for fixes that need the enclosing block). */
  ancestors: Parents[];
}

/** Offsets of text a reader sees, in Markdown text nodes (source, entities and escapes included). */
export interface TextRange {
  start: number;
  end: number;
}

export interface Extracted {
  facts: FileFacts;
  htmlScans: HtmlNodeScan[];
  textRanges: TextRange[];
}

const IMAGE_SOURCE: Record<string, string[]> = {
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['poster'],
  input: ['src'],
};

const ORIGINAL_URL = /原文(?:地址|链接|鏈接|网址|網址|出处|出處)[^：:\n]{0,20}[：:]\s*(https?:\/\/[^\s<>"'）)\]]+)/;

/** Offsets of the destination of a Markdown link or image, if it can be found in the source. */
function destinationSpan(text: string, node: Link | Image, url: string): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  let from = start;
  if (node.type === 'link' && node.children.length > 0) from = node.children.at(-1)?.position?.end.offset ?? start;
  const open = text.indexOf('](', from);
  if (open < 0 || open >= end) return undefined;
  let i = open + 2;
  while (i < end && /\s/.test(text[i] as string)) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    return close > i && close < end ? [i + 1, close] : undefined;
  }
  let j = i;
  let depth = 0;
  while (j < end) {
    const c = text[j] as string;
    if (c === '\\') { j += 2; continue; }
    if (/\s/.test(c)) break;
    if (c === '(') depth++;
    else if (c === ')') { if (depth === 0) break; depth--; }
    j++;
  }
  return j > i || url === '' ? [i, j] : undefined;
}

function definitionSpan(text: string, node: Definition): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const colon = text.indexOf(']:', start);
  if (colon < 0 || colon >= end) return undefined;
  let i = colon + 2;
  while (i < end && /\s/.test(text[i] as string)) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    return close > i ? [i + 1, close] : undefined;
  }
  let j = i;
  while (j < end && !/\s/.test(text[j] as string)) j++;
  return [i, j];
}

/** Candidates of a `srcset`: each URL with its offsets inside the attribute value. */
export function splitSrcset(value: string): { url: string; start: number; end: number }[] {
  const out: { url: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i] as string)) i++;
    const start = i;
    while (i < value.length && !/\s/.test(value[i] as string)) i++;
    let end = i;
    let endedByComma = false;
    while (end > start && value[end - 1] === ',') { end--; endedByComma = true; }
    if (end > start) out.push({ url: value.slice(start, end), start, end });
    if (!endedByComma) while (i < value.length && value[i] !== ',') i++;
  }
  return out;
}

const EXTERNAL = /^https?:\/\//i;

/** How an external Markdown link is written (see `LinkForm`), when its URL is written as is. */
function markdownForm(text: string, node: Link, start: number, end: number): LinkForm | undefined {
  const nodeStart = node.position?.start.offset;
  const nodeEnd = node.position?.end.offset;
  if (nodeStart === undefined || nodeEnd === undefined || !EXTERNAL.test(node.url)) return undefined;
  if (text[nodeStart] === '[') {
    if (text.slice(start, end) !== node.url) return undefined;
    const bracketed = text[start - 1] === '<' && text[end] === '>';
    const titleAt = node.title == null ? end + (bracketed ? 1 : 0) : undefined;
    return { kind: 'inline', range: [start, end], ...(titleAt !== undefined ? { titleAt } : {}), noteAt: nodeEnd, tail: text.slice(end, nodeEnd) };
  }
  const autolink = text[nodeStart] === '<' && text[nodeEnd - 1] === '>';
  const [a, b] = autolink ? [nodeStart + 1, nodeEnd - 1] : [nodeStart, nodeEnd];
  if (text.slice(a, b) !== node.url) return undefined;
  return { kind: autolink ? 'autolink' : 'literal', range: [a, b], noteAt: nodeEnd, tail: text.slice(b, nodeEnd) };
}

function definitionForm(text: string, def: Definition, start: number, end: number): LinkForm | undefined {
  if (!EXTERNAL.test(def.url) || text.slice(start, end) !== def.url) return undefined;
  const bracketed = text[start - 1] === '<' && text[end] === '>';
  if (def.title != null) return { kind: 'definition', range: [start, end], tail: '' };
  return { kind: 'definition', range: [start, end], titleAt: end + (bracketed ? 1 : 0), tail: bracketed ? '>' : '' };
}

function frontMatterFacts(node: Nodes): { originalUrl?: string } {
  if (node.type !== 'yaml') return {};
  try {
    const data: unknown = parseYaml(node.value);
    if (data && typeof data === 'object') {
      const d = data as Record<string, unknown>;
      for (const key of ['original_url', 'originalUrl', 'source', 'source_url', 'canonical_url']) {
        const v = d[key];
        if (typeof v === 'string' && /^https?:\/\//.test(v)) return { originalUrl: v };
      }
    }
  } catch {
    // Bad front matter is the business of a rule, not of extraction.
  }
  return {};
}

/**
 * Python-Markdown's attr_list: `{ #id .class key=value }` (or `{: … }`) at the end of a heading or on the line after a
 * block. Returns the id it gives and the text before it.
 */
const ATTR_LIST = /\s*\{:?\s*((?:[#.][\w:.-]+|[\w-]+=(?:"[^"]*"|'[^']*'|\S+))(?:\s+(?:[#.][\w:.-]+|[\w-]+=(?:"[^"]*"|'[^']*'|\S+)))*)\s*\}\s*$/;

function attrListId(text: string): { id?: string; before: string } | undefined {
  const m = ATTR_LIST.exec(text);
  if (!m) return undefined;
  const id = /(?:^|\s)#([\w:.-]+)/.exec(m[1] as string)?.[1];
  return { ...(id ? { id } : {}), before: text.slice(0, m.index) };
}

/** `site`: the publishing profile, whose slugs the heading anchors get (default GitHub's); `model`: how its generator makes ids. */
export function extract(tree: Root, text: string, path: string, site?: Site, model?: SiteModel): Extracted {
  const references: Reference[] = [];
  const anchors = new Set<string>();
  const htmlScans: HtmlNodeScan[] = [];
  const textRanges: TextRange[] = [];
  const slugger = sluggerFor(site, model);
  const mkdocs = site === 'mkdocs';
  const imageIds = new Set<string>();
  const linkIds = new Set<string>();
  const definitions: Definition[] = [];
  let originalUrl: string | undefined;

  eachNode(tree, (node, ancestors) => {
    switch (node.type) {
      case 'heading': {
        const title = toString(node as Heading, { includeHtml: false, includeImageAlt: false });
        // MkDocs with attr_list: `## Setup { #custom-id }` is the heading 'Setup' with the id 'custom-id'.
        const attrs = mkdocs && model?.attrList ? attrListId(title) : undefined;
        if (attrs?.id) anchors.add(attrs.id);
        else anchors.add(slugger.slug(attrs ? attrs.before : title));
        break;
      }
      case 'paragraph':
      case 'listItem':
      case 'tableCell': {
        // attr_list on a block: `{ #id }` on its own last line (a paragraph's, a list item's).
        if (mkdocs && model?.attrList) {
          const start = node.position?.start.offset;
          const end = node.position?.end.offset;
          const lastLine = start === undefined || end === undefined ? '' : (text.slice(start, end).split('\n').at(-1) ?? '');
          const id = attrListId(lastLine)?.id;
          if (id) anchors.add(id);
        }
        break;
      }
      case 'footnoteDefinition':
        // Python-Markdown's footnotes: `fn:X` on the note, `fnref:X` on its first reference.
        if (mkdocs && model?.footnotes) anchors.add(`fn:${node.identifier}`);
        break;
      case 'footnoteReference':
        if (mkdocs && model?.footnotes) anchors.add(`fnref:${node.identifier}`);
        break;
      case 'link':
      case 'image': {
        const span = destinationSpan(text, node, node.url);
        const start = span?.[0] ?? node.position?.start.offset ?? 0;
        const end = span?.[1] ?? node.position?.end.offset ?? start;
        const ref: Reference = { type: node.type === 'image' ? 'image' : 'link', source: 'markdown', url: node.url, start, end };
        const form = node.type === 'link' ? markdownForm(text, node, start, end) : undefined;
        if (form) ref.form = form;
        references.push(ref);
        break;
      }
      case 'text': {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined) textRanges.push({ start, end });
        break;
      }
      case 'imageReference':
        imageIds.add(node.identifier);
        break;
      case 'linkReference':
        linkIds.add(node.identifier);
        break;
      case 'definition':
        definitions.push(node);
        break;
      case 'yaml': {
        originalUrl ??= frontMatterFacts(node).originalUrl;
        break;
      }
      case 'html': {
        const scan = scanHtml(node.value);
        const at = valueOffsetMapper(text, node);
        htmlScans.push({ node, scan, at, ancestors: [...ancestors] });
        for (const tag of scan.tags) collectHtmlTag(tag, at, references, anchors, text);
        break;
      }
      default:
        break;
    }
  });

  for (const def of definitions) {
    const span = definitionSpan(text, def);
    const start = span?.[0] ?? def.position?.start.offset ?? 0;
    const end = span?.[1] ?? def.position?.end.offset ?? start;
    const type = imageIds.has(def.identifier) && !linkIds.has(def.identifier) ? 'image' : 'link';
    const ref: Reference = { type, source: 'definition', url: def.url, start, end };
    const form = type === 'link' ? definitionForm(text, def, start, end) : undefined;
    if (form) ref.form = form;
    references.push(ref);
  }
  references.sort((a, b) => a.start - b.start);

  if (!originalUrl) originalUrl = ORIGINAL_URL.exec(text)?.[1];
  const facts: FileFacts = { path, anchors: [...anchors], references: model?.liquid ? withLiquid(references, text) : references };
  if (originalUrl) facts.originalUrl = originalUrl;
  return { facts, htmlScans, textRanges };
}

function collectHtmlTag(tag: HtmlTag, at: (o: number) => number, references: Reference[], anchors: Set<string>, text: string): void {
  if (tag.kind !== 'open') return;
  const imageAttrs = IMAGE_SOURCE[tag.name];
  for (const attr of tag.attributes) {
    // `name` makes an anchor on <a>, and on unknown elements that conversion left in place of <a> (`<ok name>`).
    if (attr.name === 'id' || (attr.name === 'name' && (tag.name === 'a' || !isKnownElement(tag.name)))) {
      if (attr.value) anchors.add(attr.value);
      continue;
    }
    // Only `<a href>` (and an image map's `<area href>`) is a link: GitHub drops an href anywhere else (`<ok href>`,
    // `<span href>`), and no browser follows one. no-raw-html reports those as links the conversion disabled.
    if (attr.name === 'href' && (tag.name === 'a' || tag.name === 'area')) {
      const ref: Reference = { type: 'link', source: 'html', attribute: `${tag.name} href`, url: attr.value, start: at(attr.valueStart), end: at(attr.valueEnd) };
      // As is, or with `&amp;` for `&` (as HTML writes it): a fix writes its URL the same way.
      if (EXTERNAL.test(attr.value) && text.slice(ref.start, ref.end).replaceAll('&amp;', '&') === attr.value) {
        // A title attribute goes after the value's closing quote, unless the element has one.
        const quote = attr.quote === 'double' ? '"' : attr.quote === 'single' ? "'" : '';
        const titled = tag.attributes.some((a) => a.name === 'title');
        ref.form = { kind: 'html', range: [ref.start, ref.end], ...(titled ? {} : { titleAt: ref.end + quote.length }), tail: titled ? '' : quote };
      }
      references.push(ref);
    } else if (imageAttrs?.includes(attr.name)) {
      if (attr.name === 'srcset') {
        for (const c of splitSrcset(attr.value)) {
          references.push({ type: 'image', source: 'html', attribute: `${tag.name} srcset`, url: c.url, start: at(attr.valueStart + c.start), end: at(attr.valueStart + c.end) });
        }
      } else {
        references.push({ type: 'image', source: 'html', attribute: `${tag.name} ${attr.name}`, url: attr.value, start: at(attr.valueStart), end: at(attr.valueEnd) });
      }
    }
  }
}

const RAW = /\{%-?\s*raw\s*-?%\}[\s\S]*?(?:\{%-?\s*endraw\s*-?%\}|$)/g;
const LIQUID_URL = /\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}|\{\{-?\s*(['"])([^'"]*)\3\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}/g;
const LIQUID_ONE = new RegExp(LIQUID_URL.source);
/** Just before a URL: it is an image's (`![alt](`, `src="`). */
const IMAGE_BEFORE = /(?:!\[[^\]\n]*\]\(\s*|\bsrc\s*=\s*["']?)$/;
const BASEURL = /\{\{-?\s*site\.baseurl\s*-?\}\}/g;

/**
 * Jekyll runs Liquid on a page before Markdown: the URLs its tags and filters make (`{% link about.md %}`,
 * `{% post_url 2020-01-02-hello %}`, `{{ '/about/' | relative_url }}`) are references too, wherever they are
 * written; a URL with Liquid the profile cannot evaluate is marked so; nothing inside `{% raw %}` is read.
 */
function withLiquid(references: Reference[], text: string): Reference[] {
  const raw: [number, number][] = [];
  for (const m of text.matchAll(RAW)) raw.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const inRaw = (at: number) => raw.some(([a, b]) => at >= a && at < b);
  const out: Reference[] = [];
  for (const ref of references) {
    if (inRaw(ref.start)) continue;
    if (!/\{\{|\{%/.test(ref.url)) {
      out.push(ref);
      continue;
    }
    // `{{ site.baseurl }}/x` is the site URL /x; a tag or filter is read below, from the text.
    const url = ref.url.replace(BASEURL, '');
    if (LIQUID_ONE.test(url)) continue;
    out.push(/\{\{|\{%/.test(url) ? { ...ref, liquid: 'unevaluated' } : { ...ref, url });
  }
  for (const m of text.matchAll(LIQUID_URL)) {
    const at = m.index ?? 0;
    if (inRaw(at)) continue;
    const value = (m[2] ?? m[4]) as string;
    const start = at + m[0].indexOf(value, m[1] ? m[1].length + 2 : 3);
    out.push({ type: IMAGE_BEFORE.test(text.slice(Math.max(0, at - 200), at)) ? 'image' : 'link', source: 'markdown', url: value, start, end: start + value.length, liquid: m[1] === 'link' ? 'link' : m[1] === 'post_url' ? 'post_url' : 'url' });
  }
  return out.sort((a, b) => a.start - b.start);
}
