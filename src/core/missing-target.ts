/**
 * Why a local link or image target is not there, shared by no-broken-links and no-missing-images: another
 * letter case, a path left from the original site, a file this change renamed, or plainly missing (with the
 * closest file, and the one file of that name elsewhere). Also how a browser reads the URL
 * as written: the white space it strips around it.
 */
import { posix } from 'node:path';
import type { CrossFileContext } from './rule.js';
import type { TargetIndex } from './target-index.js';
import { malformation, onOriginalSite, splitUrl, type Target } from './resolve.js';
import { recase, relativeLink } from './fix-text.js';
import type { FileFacts, Reference } from '../types.js';

export type Missing =
  | { kind: 'wrongCase'; actual: string; fixed: string | undefined }
  | { kind: 'originalSite'; absolute: string | undefined }
  | { kind: 'renamed'; to: string; fixed: string }
  | { kind: 'missing'; suggestion: string | undefined; sameName: string | undefined };

export type LocalTarget = Extract<Target, { kind: 'local' }>;

/** Undefined when the target exists (a file or a folder). */
export function diagnoseMissing(
  ref: Reference,
  target: LocalTarget,
  facts: FileFacts,
  where: Pick<CrossFileContext, 'renamed'> & { index: TargetIndex },
): Missing | undefined {
  const { index } = where;
  if (index.stat(target.path) !== undefined) return undefined;
  const rest = ref.url.slice(splitUrl(ref.url).path.length);
  const actual = index.realCase(target.path);
  if (actual !== undefined) {
    return { kind: 'wrongCase', actual, fixed: target.via === 'self-url' ? undefined : recase(ref.url, facts.path, index, target.via === 'absolute') };
  }
  if (target.via === 'absolute') return { kind: 'originalSite', absolute: onOriginalSite(ref.url, facts.originalUrl) };
  const renamedTo = where.renamed?.get(target.path);
  if (renamedTo !== undefined && index.stat(renamedTo) === 'file') return { kind: 'renamed', to: renamedTo, fixed: relativeLink(facts.path, renamedTo) + rest };
  const sameName = target.via === 'relative' ? index.sameName?.(target.path) : undefined;
  return { kind: 'missing', suggestion: index.suggest(target.path), sameName: sameName === undefined ? undefined : relativeLink(facts.path, sameName) + rest };
}

export function hasExtension(path: string): boolean {
  return posix.extname(path) !== '';
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A URL for a message: control characters (a newline, a tab) written as escapes, so that they show. */
export function shownUrl(url: string): string {
  let out = '';
  for (const c of url) out += c.charCodeAt(0) >= 0x20 ? c : (ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return out;
}

/** What browsers strip around a URL: ASCII white space and control characters (U+0000 to U+0020). */
function strippedByBrowsers(url: string, at: number): boolean {
  return url.charCodeAt(at) <= 0x20;
}

/**
 * White space around a URL that browsers strip (an HTML attribute's URL, then the URL parser: ASCII white space
 * and control characters), when that is all that is wrong with it: the URL a browser follows and which side had
 * it. Undefined when there is none, when nothing is left, or when the URL is still malformed without it
 * (typographic quotes; non-ASCII spaces such as U+3000 or U+00A0, which browsers keep as part of the URL).
 */
export function strippedPadding(url: string): { url: string; side: 'leading' | 'trailing' | 'leading and trailing' } | undefined {
  let start = 0;
  while (start < url.length && strippedByBrowsers(url, start)) start++;
  let end = url.length;
  while (end > start && strippedByBrowsers(url, end - 1)) end--;
  const stripped = url.slice(start, end);
  if (stripped === url || stripped === '' || malformation(stripped) !== undefined) return undefined;
  const leading = start > 0;
  const trailing = end < url.length;
  return { url: stripped, side: leading ? (trailing ? 'leading and trailing' : 'leading') : 'trailing' };
}
