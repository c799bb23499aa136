/** Writing URLs back into the source: as an HTML attribute value or a Markdown destination. */
import { posix } from 'node:path';
import { decodeHTML } from 'entities';
import type { RefSource, Reference } from '../../types.js';
import type { TargetIndex } from '../links/target-index.js';
import { safeDecode, splitUrl } from '../links/resolve.js';

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text that writes `url` where `ref` was written. */
export function urlText(ref: Reference, url: string): string {
  if (ref.source === 'html') return escapeAttribute(url);
  // A Markdown destination: spaces and unbalanced parentheses would end it.
  return url.replace(/ /g, '%20').replace(/[()<>]/g, (c) => encodeURIComponent(c));
}

/** A relative link from one root-relative file to another file or folder ('' is the root). */
export function relativeLink(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to);
  return rel === '' ? './' : rel;
}

/**
 * The link as written, with each path segment in the letter case of the file system. Segments keep their
 * percent-encoding style; `?query` and `#fragment` are kept.
 */
export function recase(url: string, from: string, index: TargetIndex, absolute: boolean): string | undefined {
  const { path } = splitUrl(url);
  const rest = url.slice(path.length);
  const segments = path.split('/');
  let dir = absolute ? '' : posix.dirname(from) === '.' ? '' : posix.dirname(from);
  const out: string[] = [];
  for (const seg of segments) {
    if (seg === '' || seg === '.' || seg === '..') {
      out.push(seg);
      if (seg === '..') dir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
      continue;
    }
    const decoded = safeDecode(seg);
    const next = dir === '' ? decoded : `${dir}/${decoded}`;
    const real = index.stat(next) ? next : index.realCase(next);
    if (real === undefined) return undefined;
    const name = posix.basename(real);
    out.push(seg.includes('%') ? encodeURIComponent(name) : name);
    dir = real;
  }
  return out.join('/') + rest;
}

/** Markdown's backslash escapes and character references taken off a URL as written. */
function unescapeWritten(raw: string, source: RefSource | 'plain'): string {
  if (source === 'plain') return raw;
  return decodeHTML(source === 'html' ? raw : raw.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** A root-relative path written as a URL path: percent-encoded when the original was, else as a name. */
function pathText(path: string, encoded: boolean, source: RefSource | 'plain'): string {
  if (encoded) return path.split('/').map((s) => encodeURIComponent(s).replace(/%40/g, '@').replace(/%2B/g, '+').replace(/%2C/g, ',')).join('/');
  if (source === 'html') return escapeAttribute(path);
  if (source === 'plain') return path;
  return path.replace(/ /g, '%20').replace(/[()<>]/g, (c) => encodeURIComponent(c));
}

/** How a link reaches its file, as `resolveTarget` reads it. */
export type LinkVia = 'relative' | 'absolute' | 'self-url';

/**
 * The URL text of a link after a move: `raw` is its text as written (the range's), which named `written`
 * (root-relative, as resolved); the linking file moves from `from` to `newFrom`, and `moved` maps a root-relative
 * path to where it goes (undefined: it stays). Keeps how the link is written: relative, `/`-absolute or this
 * repository's URL, a leading `./`, a trailing `/`, percent-encoding, `X.html` for a page `X.md` a site serves so,
 * and `?query#fragment` byte for byte (`raw` itself when nothing changes). Undefined when the path cannot be read
 * back from `raw` (it is not the URL's text). `plain`: `raw` is the URL as the parser read it (no escapes), and
 * so is the result (`urlText` writes it).
 */
export function movedUrl(raw: string, source: RefSource | 'plain', via: LinkVia, from: string, newFrom: string, written: string, moved: (path: string) => string | undefined): string | undefined {
  const cut = raw.search(/[?#]/);
  const rawPath = cut < 0 ? raw : raw.slice(0, cut);
  const rest = cut < 0 ? '' : raw.slice(cut);
  const decoded = safeDecode(unescapeWritten(rawPath, source));
  const slash = decoded.length > 1 && decoded.endsWith('/') ? '/' : '';
  let target = moved(written);
  if (target === undefined) {
    // `X.html` written for the page `X.md` that moves (a site profile serves it so).
    const html = /^(.*)\.html?$/i.exec(written);
    const page = html ? moved(`${html[1] as string}.md`) : undefined;
    if (page !== undefined) target = page.replace(/\.md$/i, written.slice((html?.[1] as string).length));
  }
  const to = target ?? written;
  const encoded = rawPath.includes('%');
  let text: string;
  if (via === 'self-url') {
    if (target === undefined) return raw;
    // The repository URL's prefix, up to where the path of the file begins.
    let at = -1;
    for (let i = rawPath.indexOf('/'); i >= 0; i = rawPath.indexOf('/', i + 1)) {
      if (safeDecode(unescapeWritten(rawPath.slice(i + 1), source)).replace(/\/$/, '') === written) {
        at = i + 1;
        break;
      }
    }
    if (at < 0) return undefined;
    text = rawPath.slice(0, at) + pathText(to, encoded, source) + slash;
  } else if (via === 'absolute') {
    if (decoded.replace(/^\/+/, '').replace(/\/$/, '') !== written) return undefined;
    if (target === undefined) return raw;
    text = `/${pathText(to, encoded, source)}${slash}`;
  } else {
    if (posix.normalize(posix.join(posix.dirname(from), decoded)).replace(/\/$/, '') !== (written === '' ? '.' : written)) return undefined;
    let rel = posix.relative(posix.dirname(newFrom), to);
    if (rel === '') rel = '.';
    // Still the same path (a page and its target moved together): the link as it is.
    if (posix.normalize(rel) === posix.normalize(decoded.replace(/\/$/, '') || '.')) return raw;
    if (decoded.startsWith('./') && !rel.startsWith('.')) rel = `./${rel}`;
    text = pathText(rel, encoded, source) + (slash && !rel.endsWith('/') ? '/' : '');
  }
  return text + rest;
}
