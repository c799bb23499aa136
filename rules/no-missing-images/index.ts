/**
 * no-missing-images: every image source must resolve to a file of the archive (or of a configured mirror).
 * Remote images are left to external checks.
 */
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import { posix } from 'node:path';
import { meta } from './meta.js';
import { docsUrl, problem, report, type CrossFileContext } from '../../src/core/rule.js';
import { fileContext, fileLineStarts, type StandaloneSettings } from '../../src/core/plugin-context.js';
import { onOriginalSite, resolveTarget } from '../../src/core/resolve.js';
import { parseRepoUrl } from '../../src/core/github.js';
import type { TargetIndex } from '../../src/core/target-index.js';
import { FsIndex } from '../../src/core/fs-index.js';
import type { FileFacts, Fix, RawProblem, Reference } from '../../src/types.js';
import { recase, relativeLink, urlText } from '../../src/core/fix-text.js';

export { meta };

export type Options = StandaloneSettings;

function rawUrlOf(url: string): string | undefined {
  const r = parseRepoUrl(url);
  if (!r || r.kind !== 'blob' || !r.branch) return undefined;
  return `https://raw.githubusercontent.com/${r.owner}/${r.name}/${encodeURIComponent(r.branch)}/${r.path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Problems the file alone decides. */
function perFile(ref: Reference, ctx: { facts: FileFacts; repo?: CrossFileContext['repo']; mirrors: Record<string, string> }): RawProblem | undefined {
  const at = (id: string, data: Record<string, string> = {}, fix?: Fix) => problem(meta, id, data, ref.start, ref.end, fix);
  const replace = (url: string): Fix => ({ range: [ref.start, ref.end], text: urlText(ref, url) });
  const target = resolveTarget(ref.url, { from: ctx.facts.path, repo: ctx.repo, mirrors: ctx.mirrors });
  if (target.kind === 'empty') return at('emptySource');
  if (target.kind === 'malformed') return at('malformed', { url: ref.url, reason: target.reason, cleaned: target.cleaned }, replace(target.cleaned));
  if (target.kind === 'external') {
    const raw = rawUrlOf(target.url);
    if (raw) return at('blobUrl', { url: ref.url, expected: raw }, replace(raw));
  }
  return undefined;
}

function acrossFiles(ref: Reference, facts: FileFacts, ctx: Omit<CrossFileContext, 'index'>, index: TargetIndex): RawProblem | undefined {
  const at = (id: string, data: Record<string, string> = {}, fix?: Fix, kind?: 'safe' | 'unsafe') => problem(meta, id, data, ref.start, ref.end, fix, kind);
  const replace = (url: string): Fix => ({ range: [ref.start, ref.end], text: urlText(ref, url) });
  const target = resolveTarget(ref.url, { from: facts.path, repo: ctx.repo, mirrors: ctx.mirrors });
  if (target.kind === 'outside-root') {
    return target.githubUrl ? at('outsideRoot', { url: ref.url, resolved: target.githubUrl }) : at('outsideRootNoRepo', { url: ref.url });
  }
  if (target.kind !== 'local') return undefined;
  if (target.via === 'mirror') {
    const mirror = target.mirror ? ctx.mirrorIndex?.(target.mirror) : undefined;
    if (!mirror || mirror.stat(target.path) === 'file') return undefined;
    const near = mirror.suggest(target.path);
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
  const actual = index.realCase(target.path);
  if (actual !== undefined) {
    const fixed = target.via === 'self-url' ? undefined : recase(ref.url, facts.path, index, target.via === 'absolute');
    return at('wrongCase', { target: target.path, actual }, fixed === undefined ? undefined : replace(fixed));
  }
  if (target.via === 'absolute') {
    const abs = onOriginalSite(ref.url, facts.originalUrl);
    return at('originalSitePath', { url: ref.url, where: abs ? `; on the original site it is ${abs}` : '' }, abs ? replace(abs) : undefined, 'unsafe');
  }
  const renamedTo = ctx.renamed?.get(target.path);
  if (renamedTo !== undefined && index.stat(renamedTo) === 'file') return at('renamed', { target: target.path, renamed: renamedTo }, replace(relativeLink(facts.path, renamedTo)));
  if (posix.extname(target.path) === '') return at('noExtension', { url: ref.url });
  const near = index.suggest(target.path);
  return at('missingFile', { target: target.path, suggestion: near === undefined ? '' : `; did you mean '${near}'?` });
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
    const starts = fileLineStarts(file, ctx.text);
    for (const ref of ctx.facts.references) {
      if (ref.type !== 'image') continue;
      const p = perFile(ref, ctx) ?? (standalone ? acrossFiles(ref, ctx.facts, ctx, standalone) : undefined);
      if (p) report(file, p, starts);
    }
  },
);

export default plugin;
