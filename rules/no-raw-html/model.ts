/**
 * What a reader sees of a piece of HTML or Markdown, as comparable data: the visible text (white space
 * collapsed, block boundaries as breaks) and, in order, the links, images, emphasis, headings and rules.
 * A conversion is faithful when the model of its result equals the model of its source.
 */
import type { ChildNode, Element } from 'domhandler';
import type { Nodes as MdNodes } from 'mdast';
import { isKnownElement } from '../../src/core/parse/html-elements.js';

export type Token =
  | { t: 'text'; v: string }
  | { t: 'break' }
  | { t: 'link'; href: string; text: string }
  | { t: 'img'; src: string; alt: string }
  | { t: 'strong' | 'em' | 'code'; text: string }
  | { t: 'heading'; level: number; text: string }
  | { t: 'rule' }
  | { t: 'html'; v: string };

export const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
]);
/** Elements whose content nobody sees. */
const INVISIBLE = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'head', 'title', 'meta', 'link']);

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ');
}

function textOf(tokens: Token[]): string {
  return collapse(tokens.map((t) => (t.t === 'text' ? t.v : t.t === 'break' ? ' ' : '')).join('')).trim();
}

/**
 * The comparable form of tokens: the visible text (white space collapsed, one line per block or break) and
 * the marks (links, images, emphasis, headings, rules) in order. White space next to a mark is not seen.
 */
export function normalise(tokens: Token[]): string {
  let text = '';
  const marks: Token[] = [];
  for (const tok of tokens) {
    if (tok.t === 'text') text += tok.v.replace(/[\s\u00a0]+/g, ' ');
    else if (tok.t === 'break') text += '\n';
    else {
      // An image takes a place in the text: whether it shares a line with the text around it is seen.
      if (tok.t === 'img') text += '\ufffc';
      marks.push(tok);
    }
  }
  const lines = text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/ +/g, ' ').trim())
    .filter((l) => l !== '');
  return JSON.stringify({ text: lines.join('\n'), marks });
}

function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/**
 * Tokens of HTML DOM nodes, as GitHub shows them: elements it does not know are dropped and their text kept, so
 * an unknown element with an href (`<ok href>`) is text, not a link.
 */
export function htmlTokens(nodes: readonly ChildNode[], out: Token[] = []): Token[] {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ t: 'text', v: node.data });
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (INVISIBLE.has(name)) continue;
    if (name === 'br') {
      out.push({ t: 'break' });
      continue;
    }
    if (name === 'hr') {
      out.push({ t: 'break' }, { t: 'rule' }, { t: 'break' });
      continue;
    }
    if (name === 'img') {
      out.push({ t: 'img', src: attr(el, 'src') ?? '', alt: collapse(attr(el, 'alt') ?? '').trim() });
      continue;
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) out.push({ t: 'break' });
    const start = out.length;
    htmlTokens(el.children, out);
    const inner = out.slice(start);
    const href = attr(el, 'href');
    if (href !== undefined && name === 'a') out.push({ t: 'link', href, text: textOf(inner) });
    else if (name === 'strong' || name === 'b') out.push({ t: 'strong', text: textOf(inner) });
    else if (name === 'em' || name === 'i') out.push({ t: 'em', text: textOf(inner) });
    else if (name === 'code') out.push({ t: 'code', text: textOf(inner) });
    else if (/^h[1-6]$/.test(name)) out.push({ t: 'heading', level: Number(name[1]), text: textOf(inner) });
    if (block) out.push({ t: 'break' });
  }
  return out;
}

/** One open or close tag, alone in an inline HTML node. */
const TAG_ALONE = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>$/;

const MD_BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'table', 'tableRow', 'tableCell']);

/** Tokens of Markdown (mdast) nodes, as GitHub renders them. */
export function markdownTokens(nodes: readonly MdNodes[], out: Token[] = []): Token[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ t: 'text', v: node.value });
        continue;
      case 'break':
        out.push({ t: 'break' });
        continue;
      case 'thematicBreak':
        out.push({ t: 'break' }, { t: 'rule' }, { t: 'break' });
        continue;
      case 'image':
        out.push({ t: 'img', src: node.url, alt: collapse(node.alt ?? '').trim() });
        continue;
      case 'inlineCode':
        out.push({ t: 'text', v: node.value }, { t: 'code', text: collapse(node.value).trim() });
        continue;
      case 'code':
        out.push({ t: 'break' }, { t: 'text', v: node.value }, { t: 'break' });
        continue;
      case 'html': {
        // GitHub drops the tags of elements it does not know, and shows what is between them.
        const tag = TAG_ALONE.exec(node.value);
        if (!tag || isKnownElement(tag[1] as string)) out.push({ t: 'html', v: node.value });
        continue;
      }
      case 'definition':
      case 'yaml':
        continue;
      default:
        break;
    }
    if (!('children' in node)) continue;
    const block = MD_BLOCKS.has(node.type);
    if (block) out.push({ t: 'break' });
    const start = out.length;
    markdownTokens(node.children as MdNodes[], out);
    const inner = out.slice(start);
    if (node.type === 'link') out.push({ t: 'link', href: node.url, text: textOf(inner) });
    else if (node.type === 'strong') out.push({ t: 'strong', text: textOf(inner) });
    else if (node.type === 'emphasis') out.push({ t: 'em', text: textOf(inner) });
    else if (node.type === 'heading') out.push({ t: 'heading', level: node.depth, text: textOf(inner) });
    if (block) out.push({ t: 'break' });
  }
  return out;
}
