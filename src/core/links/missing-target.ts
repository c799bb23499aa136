/**
 * Why a local link or image target is not there, shared by no-broken-links and no-missing-images: another
 * letter case, a path left from the original site, a file this change renamed or deleted, or plainly missing (with the
 * closest file worth suggesting, and the one file of that name elsewhere). Also how a browser reads the URL
 * as written: the white space it strips around it.
 */
import { posix } from 'node:path';
import type { CrossFileContext } from '../parse/rule.js';
import type { TargetIndex } from './target-index.js';
import { malformation, onOriginalSite, splitUrl, type Target } from './resolve.js';
import { movedUrl, recase, relativeLink } from '../fix/fix-text.js';
import type { FileFacts, Reference } from '../../types.js';

export type Missing =
  | { kind: 'wrongCase'; actual: string; fixed: string | undefined }
  | { kind: 'originalSite'; absolute: string | undefined }
  | { kind: 'renamed'; to: string; fixed: string; edited: boolean }
  | { kind: 'deleted' }
  | { kind: 'missing'; suggestion: string | undefined; sameName: string | undefined };

export type LocalTarget = Extract<Target, { kind: 'local' }>;

/** Undefined when the target exists (a file or a folder). */
export function diagnoseMissing(
  ref: Reference,
  target: LocalTarget,
  facts: FileFacts,
  where: Pick<CrossFileContext, 'renamed' | 'renamedEdited' | 'deleted'> & { index: TargetIndex },
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
  if (renamedTo !== undefined && index.stat(renamedTo) === 'file') {
    // The link written as it was (relative, `/`-absolute, this repository's URL; `./`, encoding, `?query#fragment`),
    // pointing at the new name; relative to the file when its text cannot be read back.
    const moved = target.via === 'mirror' ? undefined : movedUrl(ref.url, 'plain', target.via, facts.path, facts.path, target.path, (p) => (p === target.path ? renamedTo : undefined));
    return { kind: 'renamed', to: renamedTo, fixed: moved ?? relativeLink(facts.path, renamedTo) + rest, edited: where.renamedEdited?.has(target.path) ?? true };
  }
  // The change took it away: a suggestion would only distract from that.
  if (where.deleted?.has(target.path)) return { kind: 'deleted' };
  const sameName = target.via === 'relative' ? index.sameName?.(target.path) : undefined;
  return { kind: 'missing', suggestion: suggestFor(index, target.path), sameName: sameName === undefined ? undefined : relativeLink(facts.path, sameName) + rest };
}

export function hasExtension(path: string): boolean {
  return posix.extname(path) !== '';
}

const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn'];
const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml', '.shtml'];
const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.jpe', '.jfif', '.gif', '.webp', '.avif', '.apng', '.svg', '.bmp', '.ico', '.tif', '.tiff'];
const CLASS_OF = new Map<string, string>([
  ...MARKDOWN_EXTENSIONS.map((e) => [e, 'page'] as const),
  ...HTML_EXTENSIONS.map((e) => [e, 'html'] as const),
  ...IMAGE_EXTENSIONS.map((e) => [e, 'image'] as const),
]);

/** The kind of file a path names, by its extension: `page`, `html`, `image`, else the extension itself ('' for none). */
export function extensionClass(path: string): string {
  const ext = posix.extname(path).toLowerCase();
  return CLASS_OF.get(ext) ?? ext;
}

const DIGIT = /\d/;

/** The name with each run of digits written without leading zeros (`chapter-01` and `chapter-1` are one name). */
function unpadded(name: string): string {
  return name.toLowerCase().replace(/\d+/g, (run) => run.replace(/^0+(?=\d)/, ''));
}

/**
 * True when `b` differs from `a` in a run of digits: a digit changed, added or removed, or a change right next
 * to a digit (`n12460202` and `n12460002`, `soh1-earlier` and `soh3-earlier`, `2020` and `2020b`). Such names
 * are ids of other documents, not typos. Zero-padding alone (`chapter-01`, `chapter-1`) is not a difference.
 */
export function differsInDigits(a: string, b: string): boolean {
  if (unpadded(a) === unpadded(b)) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  // The changed parts, with the unchanged character on each side of them.
  const around = (s: string) => s.slice(Math.max(0, start - 1), s.length - end + 1);
  return DIGIT.test(around(x)) || DIGIT.test(around(y));
}

/** Whether `candidate` is worth offering for the missing `path`: a file of the same kind, not another id. */
export function plausibleSuggestion(path: string, candidate: string): boolean {
  if (extensionClass(candidate) !== extensionClass(path)) return false;
  return !differsInDigits(posix.basename(path), posix.basename(candidate));
}

/**
 * The file to offer for a missing `path`: the one file of the same name elsewhere in the archive when there is
 * exactly one, else the closest name the index finds, when it is a file of the same kind and not another id.
 */
export function suggestFor(index: TargetIndex, path: string): string | undefined {
  const same = index.sameName?.(path);
  if (same !== undefined) return same;
  const near = index.suggest(path);
  return near !== undefined && plausibleSuggestion(path, near) ? near : undefined;
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
 * White space around a URL in a raw-HTML attribute, which browsers strip (ASCII white space and control
 * characters: the attribute's URL, then the URL parser), when that is all that is wrong with it: the URL a browser
 * follows and which side had it. Undefined when there is none, when nothing is left, when the URL is still
 * malformed without it (typographic quotes; non-ASCII spaces such as U+3000 or U+00A0, which browsers keep), and
 * for Markdown destinations (`[a](< x.md>)`), whose white space the renderer percent-encodes (`%20x.md`).
 */
export function strippedPadding(ref: Pick<Reference, 'url' | 'source'>): { url: string; side: 'leading' | 'trailing' | 'leading and trailing' } | undefined {
  if (ref.source !== 'html') return undefined;
  const url = ref.url;
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
