/**
 * no-missing-images: every image source must resolve to a file of the archive (or of a configured mirror).
 * Remote images are checked with external checks on (see external.ts).
 */
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import { meta } from './meta.js';
import { docsUrl, problem, report, type CrossFileContext } from '../../src/core/parse/rule.js';
import { fileContext, type StandaloneSettings } from '../../src/core/parse/plugin-context.js';
import { onOriginalSite, resolveTarget } from '../../src/core/links/resolve.js';
import { parseRepoUrl } from '../../src/core/links/github.js';
import type { TargetIndex } from '../../src/core/links/target-index.js';
import { FsIndex } from '../../src/core/links/fs-index.js';
import type { FileFacts, Fix, RawProblem, Reference } from '../../src/types.js';
import { relativeLink, urlText } from '../../src/core/fix/fix-text.js';
import { posix } from 'node:path';
import { htmlBase } from '../../src/core/config/site.js';
import { diagnoseMissing, hasExtension, shownUrl, strippedPadding, suggestFor } from '../../src/core/links/missing-target.js';

export { meta };
export { externalCheck } from './external.js';

export type Options = StandaloneSettings;

function rawUrlOf(url: string): string | undefined {
  const r = parseRepoUrl(url);
  if (!r || r.kind !== 'blob' || !r.branch) return undefined;
  return `https://raw.githubusercontent.com/${r.owner}/${r.name}/${encodeURIComponent(r.branch)}/${r.path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The image as a browser reads it: without the white space browsers strip around the URL. */
function asRead(written: Reference): Reference {
  const padded = strippedPadding(written);
  return padded ? { ...written, url: padded.url } : written;
}

/** Problems the file alone decides. */
function perFile(written: Reference, ctx: { facts: FileFacts; repo?: CrossFileContext['repo']; mirrors: Record<string, string> }): RawProblem[] {
  const out: RawProblem[] = [];
  // A URL Jekyll's Liquid makes is checked against the site (across files), never as written.
  if (written.liquid) return out;
  const padded = strippedPadding(written);
  const ref = asRead(written);
  const at = (id: string, data: Record<string, string> = {}, fix?: Fix) => problem(meta, id, data, ref.start, ref.end, fix);
  const replace = (url: string): Fix => ({ range: [ref.start, ref.end], text: urlText(ref, url) });
  if (padded) {
    // Browsers strip it and the image shows, with the stripped URL.
    out.push(at('paddedUrl', { url: shownUrl(written.url), side: padded.side, cleaned: padded.url }, replace(padded.url)));
  }
  const target = resolveTarget(ref.url, { from: ctx.facts.path, repo: ctx.repo, mirrors: ctx.mirrors });
  if (target.kind === 'empty') out.push(at('emptySource'));
  else if (target.kind === 'malformed') out.push(at('malformed', { url: ref.url, reason: target.reason, cleaned: target.cleaned }, replace(target.cleaned)));
  else if (target.kind === 'external') {
    const raw = rawUrlOf(target.url);
    if (raw) out.push(at('blobUrl', { url: ref.url, expected: raw }, replace(raw)));
  }
  return out;
}

function acrossFiles(written: Reference, facts: FileFacts, ctx: Omit<CrossFileContext, 'index'>, index: TargetIndex): RawProblem | undefined {
  const ref = asRead(written);
  const at = (id: string, data: Record<string, string> = {}, fix?: Fix, kind?: 'safe' | 'unsafe') => problem(meta, id, data, ref.start, ref.end, fix, kind);
  const replace = (url: string): Fix => ({ range: [ref.start, ref.end], text: urlText(ref, url) });
  // Raw HTML resolves from the page's URL, which MkDocs' directory URLs put one folder deeper.
  const from = ref.source === 'html' ? htmlBase(facts.path, ctx.site, ctx.siteModel) : facts.path;
  let target = resolveTarget(ref.url, { from, repo: ctx.repo, mirrors: ctx.mirrors });
  if (ref.liquid === 'unevaluated') return at('liquidNotChecked', { url: ref.url, why: 'its Liquid (a variable, an include) is evaluated only by jekyll build' });
  // On a generator's site, `/x.png` is the site's root (less Jekyll's baseurl), not the repository's.
  if (ctx.site && ctx.site !== 'github' && target.kind === 'local' && target.via === 'absolute') {
    const baseurl = ctx.siteModel?.baseurl ?? '';
    const path = baseurl && (`/${target.path}`).startsWith(`${baseurl}/`) ? target.path.slice(baseurl.length) : target.path;
    target = { ...target, path: posix.join(ctx.siteRoot ?? '', path) };
  }
  if (target.kind === 'outside-root') {
    // Relative paths that climb over the root are usually the original site's own (../../resolveuid/…).
    const abs = onOriginalSite(ref.url, facts.originalUrl);
    const where = abs ? `; on the original site it is ${abs}` : '';
    return target.githubUrl ? at('outsideRoot', { url: ref.url, resolved: target.githubUrl, where }) : at('outsideRootNoRepo', { url: ref.url, where });
  }
  if (target.kind !== 'local') return undefined;
  if (target.via === 'mirror') {
    const mirror = target.mirror ? ctx.mirrorIndex?.(target.mirror) : undefined;
    if (!mirror || mirror.stat(target.path) === 'file') return undefined;
    const near = suggestFor(mirror, target.path);
    return at('mirrorMissing', { target: target.path, mirror: target.mirror ?? '', suggestion: near === undefined ? '' : `; did you mean '${near}'?` });
  }
  const kind = index.stat(target.path);
  if (kind === 'file') {
    if (target.via === 'self-url' && target.urlKind === 'blob') {
      const rel = relativeLink(facts.path, target.path);
      return at('blobUrl', { url: ref.url, expected: rel }, replace(rel));
    }
    return undefined;
  }
  const missing = diagnoseMissing(ref, target, facts, { index, ...(ctx.renamed ? { renamed: ctx.renamed } : {}), ...(ctx.renamedEdited ? { renamedEdited: ctx.renamedEdited } : {}), ...(ctx.deleted ? { deleted: ctx.deleted } : {}) });
  if (!missing) return undefined;
  switch (missing.kind) {
    case 'wrongCase':
      return at('wrongCase', { target: target.path, actual: missing.actual }, missing.fixed === undefined ? undefined : replace(missing.fixed));
    case 'originalSite':
      // On a generator's site, `/x.png` is a path of the site, looked up there: missing, not the original site's.
      if (ctx.site && ctx.site !== 'github') return at('missingFile', { target: target.path, suggestion: '' });
      return at('originalSitePath', { url: ref.url, where: missing.absolute ? `; on the original site it is ${missing.absolute}` : '' }, missing.absolute ? replace(missing.absolute) : undefined, 'unsafe');
    case 'renamed':
      return at('renamed', { target: target.path, renamed: missing.to }, replace(missing.fixed), missing.edited ? 'unsafe' : 'safe');
    case 'deleted':
      return at('deleted', { target: target.path });
    case 'missing':
      if (!hasExtension(target.path)) return at('noExtension', { url: ref.url });
      return at('missingFile', { target: target.path, suggestion: missing.suggestion === undefined ? '' : `; did you mean '${missing.suggestion}'?` });
  }
}

export function crossFile(facts: FileFacts, ctx: CrossFileContext): RawProblem[] {
  const out: RawProblem[] = [];
  for (const ref of facts.references) {
    if (ref.type !== 'image') continue;
    const p = acrossFiles(ref, facts, ctx, ctx.index);
    if (p) out.push(p);
  }
  return out;
}

export const plugin = lintRule<Root, Options | undefined>(
  { origin: `archive-lint:${meta.id}`, url: docsUrl(meta.id) },
  (tree, file, options) => {
    const ctx = fileContext(tree, file, options ?? {});
    const standalone = ctx.engine ? undefined : new FsIndex(ctx.root);
    for (const ref of ctx.facts.references) {
      if (ref.type !== 'image') continue;
      const found = perFile(ref, ctx);
      const across = found.some((p) => p.messageId !== 'paddedUrl') || !standalone ? undefined : acrossFiles(ref, ctx.facts, ctx, standalone);
      for (const p of across ? [...found, across] : found) report(file, p, ctx.lineStarts);
    }
  },
);

export default plugin;
