/**
 * Converting an HTML block to Markdown for the subset of HTML that has a Markdown form. Returns undefined
 * where Markdown cannot say the same thing (attributes that matter, elements with no Markdown form): never a
 * lossy conversion. Callers still verify the result against the source (model.ts).
 *
 * What may be dropped depends on where the archive is published: GitHub strips `class`, `style` and a few other
 * attributes, and drops elements it does not know (`<center>`, `<font>`, `<ok>`) keeping their text, so on GitHub
 * dropping them changes nothing a reader sees. A static site generator (mdBook, MkDocs, Jekyll) keeps them all,
 * and a stylesheet may style them: there the conversion says what it dropped, and is not a safe fix.
 *
 * An unknown element with an `href` (`<ok href>`), which GitHub shows as its text, is kept as it is, as inline
 * HTML in the Markdown: making a link of it or dropping its href is a choice for the user (an unsafe fix).
 */
import type { ChildNode, Element } from 'domhandler';
import type { Site } from '../../src/core/parse/rule.js';
import { isKnownElement } from '../../src/core/parse/html-elements.js';
import { BLOCK_ELEMENTS } from './model.js';

class Unconvertible extends Error {}

const fail = (why: string): never => {
  throw new Unconvertible(why);
};

/** Attributes GitHub's sanitizer drops or that change nothing a reader sees there. */
const IGNORED_ATTRIBUTES = new Set(['class', 'style', 'rel', 'target', 'dir', 'lang', 'role', 'data-src', 'loading', 'decoding', 'referrerpolicy']);
const CONTAINERS = new Set(['p', 'div', 'center', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption', 'address']);
const WRAPPERS = new Set(['span', 'font']);
/** Elements GitHub drops (keeping their text) but a browser shows: `<center>` centers its content. */
const SHOWN_OFF_GITHUB = new Set(['center']);
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);

/** An attribute Markdown has no place for, but that may be dropped on GitHub. */
export function ignoredAttribute(name: string): boolean {
  return IGNORED_ATTRIBUTES.has(name) || name.startsWith('data-') || name.startsWith('aria-');
}

/** A conversion under way: the site, and what it dropped that the site shows or styles. */
interface Cx {
  site: Site;
  dropped: string[];
}

/** Note what a conversion drops. On GitHub nothing is noted: what GitHub shows is refused, not dropped. */
function drop(cx: Cx, what: string): void {
  if (cx.site !== 'github' && !cx.dropped.includes(what)) cx.dropped.push(what);
}

function checkAttributes(cx: Cx, el: Element, allowed: readonly string[]): void {
  if (SHOWN_OFF_GITHUB.has(el.name.toLowerCase())) drop(cx, `<${el.name}>`);
  for (const name of Object.keys(el.attribs)) {
    const n = name.toLowerCase();
    if (allowed.includes(n)) continue;
    if (ignoredAttribute(n)) drop(cx, `${n} on <${el.name}>`);
    else fail(`<${el.name} ${n}>`);
  }
}

/** An unknown element kept as inline HTML: its tags written again from the DOM (GitHub drops them, keeps the text). */
function keptTag(el: Element): string {
  let open = `<${el.name}`;
  for (const [name, value] of Object.entries(el.attribs)) {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_.:-]*$/.test(name) || /[\r\n]| {2}/.test(value)) fail('attribute of a kept element');
    open += ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  }
  return `${open}>`;
}

/** Escape text so that Markdown reads it as text. */
export function escapeText(s: string): string {
  return s.replace(/[\\`*_[\]<>&~|]/g, (c) => `\\${c}`);
}

/** Escape what would start a block at the beginning of a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_m, sp: string, mark: string) => `${sp}${mark.replace(/^(\d*)(.)$/, '$1\\$2')}`);
}

function destination(url: string): string {
  if (/[<>\n]/.test(url)) fail('destination');
  return /[\s()]/.test(url) ? `<${url}>` : url;
}

function title(t: string | undefined): string {
  if (t === undefined || t === '') return '';
  if (t.includes('"')) fail('title');
  return ` "${t}"`;
}

/** Wrap inline content in a delimiter, keeping its outer white space outside. */
function wrap(inner: string, mark: string): string {
  if (inner.trim() === '') return inner;
  const lead = /^\s/.test(inner) ? ' ' : '';
  const trail = /\s$/.test(inner) ? ' ' : '';
  return `${lead}${mark}${inner.trim()}${mark}${trail}`;
}

function inline(cx: Cx, nodes: readonly ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += escapeText(node.data.replace(/[\s]+/g, ' '));
      continue;
    }
    if (node.type === 'comment') continue;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') fail(node.type);
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (INVISIBLE.has(name)) fail(name);
    if (BLOCK_ELEMENTS.has(name)) fail(`block <${name}> inside inline content`);
    switch (name) {
      case 'br':
        checkAttributes(cx, el, []);
        out += '\\\n';
        break;
      case 'strong':
      case 'b':
        checkAttributes(cx, el, []);
        out += wrap(inline(cx, el.children), '**');
        break;
      case 'em':
      case 'i':
        checkAttributes(cx, el, []);
        out += wrap(inline(cx, el.children), '*');
        break;
      case 'code': {
        checkAttributes(cx, el, []);
        const text = el.children.map((c) => (c.type === 'text' ? c.data : fail('code markup'))).join('');
        if (text.includes('`') || text.trim() === '') fail('code');
        out += `\`${text.replace(/\s+/g, ' ')}\``;
        break;
      }
      case 'img': {
        checkAttributes(cx, el, ['src', 'alt', 'title']);
        const src = el.attribs.src ?? fail('img without src');
        out += `![${escapeText((el.attribs.alt ?? '').replace(/\s+/g, ' '))}](${destination(src)}${title(el.attribs.title)})`;
        break;
      }
      default: {
        const href = el.attribs.href;
        if (href !== undefined && !isKnownElement(name)) {
          // Not a link on GitHub, only its text: kept as it is (see above).
          if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(el.name)) fail('name of a kept element');
          out += `${keptTag(el)}${inline(cx, el.children)}</${el.name}>`;
        } else if (href !== undefined && name === 'a') {
          checkAttributes(cx, el, ['href', 'title']);
          const text = inline(cx, el.children);
          if (text.trim() === '' || /\]\(/.test(text)) fail('link text');
          out += `${/^\s/.test(text) ? ' ' : ''}[${text.trim()}](${destination(href)}${title(el.attribs.title)})${/\s$/.test(text) ? ' ' : ''}`;
        } else if (WRAPPERS.has(name) || !isKnownElement(name)) {
          // Wrappers and unknown elements (GitHub strips both) show only their content; an anchor would be lost.
          if ('id' in el.attribs || 'name' in el.attribs) fail('anchor');
          for (const n of Object.keys(el.attribs)) drop(cx, `${n} on <${el.name}>`);
          out += inline(cx, el.children);
        } else {
          fail(`<${name}>`);
        }
      }
    }
  }
  return out;
}

/** A paragraph from inline content: one line per hard break, no breaks at the ends. */
function paragraph(content: string): string | undefined {
  const text = content
    .replace(/ +/g, ' ')
    .replace(/^(?:\s|\\\n)+/, '')
    .replace(/(?:\s|\\\n)+$/, '')
    .split('\n')
    .map((l) => escapeLineStart(l.trim()))
    .join('\n');
  return text === '' ? undefined : text;
}

function blocks(cx: Cx, nodes: readonly ChildNode[]): string[] {
  const out: string[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    const p = paragraph(inline(cx, run));
    if (p !== undefined) out.push(p);
    run = [];
  };
  for (const node of nodes) {
    const el = node.type === 'tag' ? (node as Element) : undefined;
    const name = el?.name.toLowerCase();
    if (!el || name === undefined || !(BLOCK_ELEMENTS.has(name) || name === 'hr')) {
      run.push(node);
      continue;
    }
    flush();
    if (CONTAINERS.has(name)) {
      checkAttributes(cx, el, []);
      out.push(...blocks(cx, el.children));
    } else if (/^h[1-6]$/.test(name)) {
      checkAttributes(cx, el, []);
      const text = inline(cx, el.children).replace(/\s+/g, ' ').trim();
      if (text.includes('\\\n') || text === '') fail('heading');
      out.push(`${'#'.repeat(Number(name[1]))} ${text}`);
    } else if (name === 'hr') {
      checkAttributes(cx, el, []);
      out.push('---');
    } else if (name === 'blockquote') {
      checkAttributes(cx, el, []);
      const inner = blocks(cx, el.children).join('\n\n');
      if (inner) out.push(inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n'));
    } else if (name === 'ul' || name === 'ol') {
      checkAttributes(cx, el, []);
      let n = 1;
      const items: string[] = [];
      for (const li of el.children) {
        if (li.type === 'text' && li.data.trim() === '') continue;
        if (li.type !== 'tag' || (li as Element).name.toLowerCase() !== 'li') fail('list content');
        checkAttributes(cx, li as Element, []);
        const marker = name === 'ul' ? '- ' : `${n++}. `;
        const body = blocks(cx, (li as Element).children).join('\n\n');
        items.push(body.split('\n').map((l, i) => (i === 0 ? marker + l : l ? ' '.repeat(marker.length) + l : '')).join('\n'));
      }
      if (items.length) out.push(items.join('\n'));
    } else {
      fail(`<${name}>`);
    }
  }
  flush();
  return out;
}

export interface Conversion {
  markdown: string;
  /** What the conversion dropped that the site shows or styles (never anything on GitHub). */
  dropped: string[];
}

/** Elements nested deeper than this are not converted (the conversion recurses, a frame or more a level). */
export const MAX_CONVERT_DEPTH = 64;

/** Whether elements nest deeper than `max` (measured without recursion). */
function nestsDeeper(nodes: readonly ChildNode[], max: number): boolean {
  const stack: [readonly ChildNode[], number][] = [[nodes, 1]];
  while (stack.length) {
    const [list, depth] = stack.pop() as [readonly ChildNode[], number];
    if (depth > max) return true;
    for (const n of list) if ('children' in n && n.children.length) stack.push([n.children, depth + 1]);
  }
  return false;
}

/** Markdown for an HTML block, or undefined when it has no faithful Markdown form. */
export function htmlToMarkdown(nodes: readonly ChildNode[], site: Site = 'github'): Conversion | undefined {
  if (nestsDeeper(nodes, MAX_CONVERT_DEPTH)) return undefined;
  const cx: Cx = { site, dropped: [] };
  try {
    const out = blocks(cx, nodes);
    return out.length ? { markdown: out.join('\n\n'), dropped: cx.dropped } : undefined;
  } catch (e) {
    if (e instanceof Unconvertible) return undefined;
    throw e;
  }
}
