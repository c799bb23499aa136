/** Writing URLs back into the source: as an HTML attribute value or a Markdown destination. */
import { posix } from 'node:path';
import type { Reference } from '../../types.js';
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
