/**
 * Why a local link or image target is not there, shared by no-broken-links and no-missing-images: another
 * letter case, a path left from the original site, a file this change renamed, or plainly missing (with the
 * closest file, and the one file of that name elsewhere).
 */
import { posix } from 'node:path';
import type { CrossFileContext } from './rule.js';
import type { TargetIndex } from './target-index.js';
import { onOriginalSite, splitUrl, type Target } from './resolve.js';
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
