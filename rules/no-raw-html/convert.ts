/**
 * Converting an HTML block to Markdown for the subset of HTML that has a Markdown form. Returns undefined
 * where Markdown cannot say the same thing (attributes that matter, elements with no Markdown form): never a
 * lossy conversion. Callers still verify the result against the source (model.ts).
 */
import type { ChildNode, Element } from 'domhandler';
import { isKnownElement } from '../../src/core/html-elements.js';
import { BLOCK_ELEMENTS } from './model.js';

class Unconvertible extends Error {}

const fail = (why: string): never => {
  throw new Unconvertible(why);
};

/** Attributes GitHub's sanitizer drops: they change nothing a reader sees. */
const IGNORED_ATTRIBUTES = new Set(['class', 'style', 'rel', 'target', 'dir', 'lang', 'role', 'data-src', 'loading', 'decoding', 'referrerpolicy']);
const CONTAINERS = new Set(['p', 'div', 'center', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption', 'address']);
const WRAPPERS = new Set(['span', 'font']);
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);

function checkAttributes(el: Element, allowed: readonly string[]): void {
  for (const name of Object.keys(el.attribs)) {
    const n = name.toLowerCase();
    if (allowed.includes(n) || IGNORED_ATTRIBUTES.has(n) || n.startsWith('data-') || n.startsWith('aria-')) continue;
    fail(`<${el.name} ${n}>`);
  }
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

function inline(nodes: readonly ChildNode[]): string {
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
        checkAttributes(el, []);
        out += '\\\n';
        break;
      case 'strong':
      case 'b':
        checkAttributes(el, []);
        out += wrap(inline(el.children), '**');
        break;
      case 'em':
      case 'i':
        checkAttributes(el, []);
        out += wrap(inline(el.children), '*');
        break;
      case 'code': {
        checkAttributes(el, []);
        const text = el.children.map((c) => (c.type === 'text' ? c.data : fail('code markup'))).join('');
        if (text.includes('`') || text.trim() === '') fail('code');
        out += `\`${text.replace(/\s+/g, ' ')}\``;
        break;
      }
      case 'img': {
        checkAttributes(el, ['src', 'alt', 'title']);
        const src = el.attribs.src ?? fail('img without src');
        out += `![${escapeText((el.attribs.alt ?? '').replace(/\s+/g, ' '))}](${destination(src)}${title(el.attribs.title)})`;
        break;
      }
      default: {
        const href = el.attribs.href;
        if (href !== undefined && (name === 'a' || !isKnownElement(name))) {
          checkAttributes(el, ['href', 'title']);
          const text = inline(el.children);
          if (text.trim() === '' || /\]\(/.test(text)) fail('link text');
          out += `${/^\s/.test(text) ? ' ' : ''}[${text.trim()}](${destination(href)}${title(el.attribs.title)})${/\s$/.test(text) ? ' ' : ''}`;
        } else if (WRAPPERS.has(name) || !isKnownElement(name)) {
          // Wrappers and unknown elements (GitHub strips both) show only their content; an anchor would be lost.
          if ('id' in el.attribs || 'name' in el.attribs) fail('anchor');
          out += inline(el.children);
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

function blocks(nodes: readonly ChildNode[]): string[] {
  const out: string[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    const p = paragraph(inline(run));
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
      checkAttributes(el, []);
      out.push(...blocks(el.children));
    } else if (/^h[1-6]$/.test(name)) {
      checkAttributes(el, []);
      const text = inline(el.children).replace(/\s+/g, ' ').trim();
      if (text.includes('\\\n') || text === '') fail('heading');
      out.push(`${'#'.repeat(Number(name[1]))} ${text}`);
    } else if (name === 'hr') {
      checkAttributes(el, []);
      out.push('---');
    } else if (name === 'blockquote') {
      checkAttributes(el, []);
      const inner = blocks(el.children).join('\n\n');
      if (inner) out.push(inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n'));
    } else if (name === 'ul' || name === 'ol') {
      checkAttributes(el, []);
      let n = 1;
      const items: string[] = [];
      for (const li of el.children) {
        if (li.type === 'text' && li.data.trim() === '') continue;
        if (li.type !== 'tag' || (li as Element).name.toLowerCase() !== 'li') fail('list content');
        checkAttributes(li as Element, []);
        const marker = name === 'ul' ? '- ' : `${n++}. `;
        const body = blocks((li as Element).children).join('\n\n');
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

/** Markdown for an HTML block, or undefined when it has no faithful Markdown form. */
export function htmlToMarkdown(nodes: readonly ChildNode[]): string | undefined {
  try {
    const out = blocks(nodes);
    return out.length ? out.join('\n\n') : undefined;
  } catch (e) {
    if (e instanceof Unconvertible) return undefined;
    throw e;
  }
}
