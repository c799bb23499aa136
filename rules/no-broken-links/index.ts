/**
 * no-broken-links: every local link target must exist, as GitHub serves the archive.
 * Per-file problems (malformed URLs, missing schemes, fragments of the same file) are found by the plugin;
 * targets in other files are checked against the archive index after every file has been read.
 */
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import { posix } from 'node:path';
import { meta } from './meta.js';
import { docsUrl, problem, report, type CrossFileContext, type FileContext } from '../../src/core/parse/rule.js';
import { fileContext, type StandaloneSettings } from '../../src/core/parse/plugin-context.js';
import { onOriginalSite, resolveTarget, SITE_PAGE_EXTENSIONS, type Target } from '../../src/core/links/resolve.js';
import { relativeLink, urlText } from '../../src/core/fix/fix-text.js';
import { diagnoseMissing, shownUrl, strippedPadding, suggestFor } from '../../src/core/links/missing-target.js';
import { closest, isMarkdownPath, type TargetIndex } from '../../src/core/links/target-index.js';
import { FsIndex } from '../../src/core/links/fs-index.js';
import { pageAt } from '../../src/core/links/jekyll.js';
import { htmlBase, outsideSite, siteCandidates, type Site, type SiteModel } from '../../src/core/config/site.js';
import type { FileFacts, Fix, RawProblem, Reference } from '../../src/types.js';

export { meta };

export interface Options extends StandaloneSettings {
  checkAnchors?: boolean;
  suggest?: boolean;
  /** Offer a fix that turns links to this repository's own blob/tree URLs into relative links. */
  relativeSelfLinks?: boolean;
}

/** True when `fragment` names an anchor of the target (GitHub prefixes ids with `user-content-`). */
export function hasAnchor(anchors: ReadonlySet<string>, fragment: string): boolean {
  if (fragment === '' || fragment.toLowerCase() === 'top') return true;
  const bare = fragment.replace(/^user-content-/, '');
  return anchors.has(bare) || anchors.has(bare.toLowerCase());
}

/** An href GitHub's sanitiser removes: a scheme other than http(s), mailto and the like (typographic quotes make one). */
function droppedByGithub(url: string): boolean {
  const scheme = /^\s*([^\s/?#:]+):/.exec(url)?.[1];
  return scheme !== undefined && !/^(?:https?|mailto|irc|ircs|xmpp)$/i.test(scheme);
}

function didYouMean(candidate: string | undefined, prefix = ''): string {
  return candidate === undefined ? '' : `; did you mean '${prefix}${candidate}'?`;
}

/**
 * A link to check, read as a browser reads it: `ref.url` without the white space browsers strip around it;
 * `padding` says what was stripped from the URL as written (`written`).
 */
type Checkable = { ref: Reference; target: Target; padding?: { written: string; side: string } };

type Resolving = { repo?: CrossFileContext['repo']; mirrors: Record<string, string>; site?: Site; siteModel?: SiteModel };

function targetsOf(facts: FileFacts, ctx: Resolving): Checkable[] {
  const out: Checkable[] = [];
  for (const written of facts.references) {
    if (written.type !== 'link') continue;
    const padded = strippedPadding(written);
    const ref = padded ? { ...written, url: padded.url } : written;
    // Raw HTML resolves from the page's URL, which MkDocs' directory URLs put one folder deeper.
    const from = ref.source === 'html' ? htmlBase(facts.path, ctx.site, ctx.siteModel) : facts.path;
    const c: Checkable = { ref, target: resolveTarget(ref.url, { from, repo: ctx.repo, mirrors: ctx.mirrors }) };
    if (padded) c.padding = { written: written.url, side: padded.side };
    out.push(c);
  }
  return out;
}

/** White space around the URL: browsers strip it and the link works, so a warning with the stripped URL. */
function paddingProblem({ ref, padding }: Checkable): RawProblem | undefined {
  if (!padding) return undefined;
  return problem(meta, 'paddedUrl', { url: shownUrl(padding.written), side: padding.side, cleaned: ref.url }, ref.start, ref.end, { range: [ref.start, ref.end], text: urlText(ref, ref.url) });
}

/** Problems that the file alone decides. */
function perFile({ ref, target }: Checkable, facts: FileFacts, anchors: ReadonlySet<string>, options: Options, where: Resolving): RawProblem | undefined {
  const at = (id: string, data: Record<string, string>, fix?: Fix, kind?: 'safe' | 'unsafe') => problem(meta, id, data, ref.start, ref.end, fix, kind);
  // A URL Jekyll's Liquid makes is checked against the site (across files), never as written.
  if (ref.liquid) return undefined;
  switch (target.kind) {
    case 'malformed':
      // GitHub drops an href whose scheme it does not know (`“https:` is one): the reader sees plain text, and a
      // fix that makes it a link adds one, so it is unsafe. Otherwise the link is there, broken, and the fix repairs it.
      return at('malformed', { url: ref.url, reason: target.reason, cleaned: target.cleaned }, { range: [ref.start, ref.end], text: urlText(ref, target.cleaned) }, droppedByGithub(ref.url) ? 'unsafe' : 'safe');
    case 'no-scheme':
      return at('noScheme', { url: ref.url, suggested: target.suggested }, { range: [ref.start, ref.start], text: 'http://' }, 'unsafe');
    case 'fragment':
      if (options.checkAnchors === false || hasAnchor(anchors, target.fragment)) return undefined;
      if (unverifiable(target.fragment, facts.path, where)) return at('anchorNotChecked', { fragment: target.fragment, target: facts.path, why: unverifiable(target.fragment, facts.path, where) as string });
      return at('missingAnchorHere', { fragment: target.fragment, suggestion: options.suggest === false ? '' : didYouMean(closest(target.fragment, anchors), '#') });
    default:
      return undefined;
  }
}

/**
 * Why a missing anchor of a page cannot be told missing under the profile (the site makes ids the profile cannot
 * evaluate: a hook, a plugin, an extension's generated ids, a slugify function of its own), or undefined.
 */
function unverifiable(fragment: string, _path: string, where: Pick<Resolving, 'site' | 'siteModel'>): string | undefined {
  const model = where.siteModel;
  if (where.site !== 'mkdocs' || !model) return undefined;
  if (model.generatedFragment && new RegExp(model.generatedFragment).test(fragment)) return 'an id made by a Markdown extension of the site (pymdownx.tabbed)';
  if (model.slugify === 'unknown') return "the site makes heading ids with a slugify function of its own (mkdocs.yml's toc `slugify`)";
  return model.generatedIds;
}

/** Where a link that climbs over the root lands: read the GitHub URL it resolves to, which may be a mirror's. */
function climbedTo(githubUrl: string, facts: FileFacts, where: Partial<Resolving>): Extract<Target, { kind: 'local' }> | undefined {
  const t = resolveTarget(githubUrl, { from: facts.path, repo: where.repo, mirrors: where.mirrors ?? {} });
  return t.kind === 'local' && t.via === 'mirror' ? t : undefined;
}

/** A target of a sibling repository looked up in its local checkout; undefined when there is none to look in. */
function inMirror(
  target: Extract<Target, { kind: 'local' }> | undefined,
  mirrorIndex: CrossFileContext['mirrorIndex'],
  options: Options,
): { found: boolean; path: string; mirror: string; near: string | undefined } | undefined {
  const mirror = target?.mirror;
  const index = mirror ? mirrorIndex?.(mirror) : undefined;
  if (!target || !mirror || !index) return undefined;
  const found = index.stat(target.path) !== undefined;
  const near = found || options.suggest === false ? undefined : suggestFor(index, target.path);
  return { found, path: target.path, mirror, near };
}

type Where = Pick<CrossFileContext, 'index' | 'mirrorIndex' | 'renamed' | 'renamedEdited' | 'deleted' | 'site' | 'siteRoot' | 'siteExternal' | 'siteModel' | 'siteUrls'> & Partial<Resolving>;

/**
 * Under Jekyll: a link as the built site has it. `{% link %}` and `{% post_url %}` must name a file (else the build
 * fails); other site URLs are looked up among the site's URLs (front-matter permalinks, posts, collections, static
 * files), relative ones from the page's own URL, then as the source path (jekyll-relative-links, on GitHub Pages).
 * `fallback`: not a link this model decides.
 */
function jekyllLink(ref: Reference, written: Target, facts: FileFacts, where: Where, options: Options): RawProblem | undefined | 'fallback' {
  const urls = where.siteUrls;
  if (!urls) return 'fallback';
  const at = (id: string, data: Record<string, string>) => problem(meta, id, data, ref.start, ref.end);
  const siteRoot = where.siteRoot ?? '';
  if (ref.liquid === 'unevaluated') return at('liquidNotChecked', { url: ref.url, why: 'its Liquid (a variable, an include) is evaluated only by jekyll build' });
  if (ref.liquid === 'link') {
    return where.index.stat(posix.join(siteRoot, ref.url)) === 'file' ? undefined : at('liquidLinkMissing', { tag: `{% link ${ref.url} %}`, why: `no file '${posix.join(siteRoot, ref.url)}'` });
  }
  if (ref.liquid === 'post_url') {
    const name = ref.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const post = new RegExp(`(?:^|/)_posts/(?:.*/)?${name}\\.(?:md|markdown|html?)$`);
    return [...urls.byFile.keys()].some((f) => post.test(f)) ? undefined : at('liquidLinkMissing', { tag: `{% post_url ${ref.url} %}`, why: `no post '${ref.url}' in _posts/` });
  }
  if (written.kind !== 'local' || (written.via !== 'relative' && written.via !== 'absolute')) return 'fallback';
  const hash = ref.url.indexOf('#');
  const bare = (hash < 0 ? ref.url : ref.url.slice(0, hash)).split('?')[0] as string;
  const fragment = hash < 0 ? undefined : ref.url.slice(hash + 1);
  if (bare === '') return 'fallback';
  let sitePath: string;
  try {
    const base = urls.byFile.get(facts.path) ?? `/${facts.path.slice(siteRoot === '' ? 0 : siteRoot.length + 1)}`;
    const baseurl = where.siteModel?.baseurl ?? '';
    const path = bare.startsWith('/') && baseurl && (bare === baseurl || bare.startsWith(`${baseurl}/`)) ? bare.slice(baseurl.length) || '/' : bare;
    sitePath = decodeURIComponent(new URL(path, `http://site${base}`).pathname);
  } catch {
    return 'fallback';
  }
  let source = pageAt(urls, sitePath);
  if (source === undefined) {
    const asFile = posix.join(siteRoot, sitePath.slice(1));
    if (where.index.stat(asFile) === 'file') source = asFile;
    else if (!bare.startsWith('/') && where.index.stat(written.path) === 'file') source = written.path;
  }
  if (source === undefined) return at('missingFile', { target: sitePath, suggestion: '' });
  if (fragment !== undefined && fragment !== '' && options.checkAnchors !== false && isMarkdownPath(source)) {
    const anchors = where.index.anchors(source);
    if (anchors && !hasAnchor(anchors, decodeURIComponent(fragment))) return at('missingAnchor', { target: source, fragment, suggestion: options.suggest === false ? '' : didYouMean(closest(fragment, anchors), '#') });
  }
  return undefined;
}

/**
 * Under a publishing profile other than GitHub's: a target outside the published site's root cannot be checked
 * offline (a warning), unless the config lists it as existing where the site is published (nothing).
 */
function leavesSite(ref: Reference, path: string, where: Where): RawProblem | undefined {
  const siteRoot = where.siteRoot ?? '';
  // Both root-relative (a climbing path starts with `..`): compared from a base deep enough to climb from.
  const base = '/0/1/2/3/4/5/6/7/8/9/root';
  const fromSiteRoot = posix.relative(posix.join(base, siteRoot), posix.join(base, path));
  if ((where.siteExternal ?? []).some((prefix) => fromSiteRoot === prefix.replace(/\/$/, '') || fromSiteRoot.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))) return undefined;
  return problem(meta, 'outsideSite', { url: ref.url, site: where.site ?? 'github', siteRoot: siteRoot === '' ? 'the root' : `${siteRoot}/` }, ref.start, ref.end);
}

/**
 * The file a link to a missing path means under the profile (`X.html` → `X.md`, a folder → its index page).
 * mdBook always makes the book's front page, `index.html`, from its first chapter when no README.md is there: its
 * table of contents (SUMMARY.md) stands for it.
 */
function servedAs(path: string, where: Where): string | undefined {
  const found = siteCandidates(path, where.site).find((p) => where.index.stat(p) === 'file');
  if (found || where.site !== 'mdbook' || path !== posix.join(where.siteRoot ?? '', 'index.html')) return found;
  const summary = posix.join(where.siteRoot ?? '', 'SUMMARY.md');
  return where.index.stat(summary) === 'file' ? summary : undefined;
}

/** Problems that need the archive index. */
function acrossFiles({ ref, target: written }: Checkable, facts: FileFacts, where: Where, options: Options): RawProblem | undefined {
  const { index, mirrorIndex } = where;
  const at = (id: string, data: Record<string, string>, fix?: Fix, kind?: 'safe' | 'unsafe') => problem(meta, id, data, ref.start, ref.end, fix, kind);
  const replace = (url: string): Fix => ({ range: [ref.start, ref.end], text: urlText(ref, url) });
  const published = where.site !== undefined && where.site !== 'github';
  if (where.site === 'jekyll') {
    const j = jekyllLink(ref, written, facts, where, options);
    if (j !== 'fallback') return j;
  }
  let target = written;
  if (published && target.kind === 'outside-root') return leavesSite(ref, posix.join(posix.dirname(facts.path), ref.url.split(/[?#]/)[0] as string), where);
  if (published && target.kind === 'local' && (target.via === 'relative' || target.via === 'absolute')) {
    // On the published site, `/x.html` is the site's root, not the repository's.
    if (target.via === 'absolute' && where.siteRoot) target = { ...target, path: posix.join(where.siteRoot, target.path) };
    if (outsideSite(target.path, where.siteRoot ?? '')) return leavesSite(ref, target.path, where);
    // A raw HTML link to a Markdown source: the generator rewrites Markdown links, not raw HTML, and publishes no .md.
    if (ref.source === 'html' && isMarkdownPath(target.path) && index.stat(target.path) === 'file') {
      return at('sourceNotServed', { url: ref.url, target: target.path, site: where.site ?? 'github' });
    }
    if (index.stat(target.path) !== 'file') {
      const served = servedAs(target.path, where);
      // The front page made from the first chapter: its anchors are that chapter's, not the summary's.
      if (served) target = { ...target, path: served, ...(served.endsWith('SUMMARY.md') && !target.path.endsWith('SUMMARY.md') ? { fragment: undefined } : {}) };
    }
  }
  if (target.kind === 'outside-root') {
    if (!target.githubUrl) return at('outsideRootNoRepo', { url: ref.url });
    const fix = replace(target.githubUrl);
    const climbed = inMirror(climbedTo(target.githubUrl, facts, where), mirrorIndex, options);
    if (climbed?.found) {
      // It works on GitHub, but only there, with the absolute URL GitHub shows the same.
      return at('outsideRootMirrored', { url: ref.url, resolved: target.githubUrl, target: climbed.path, mirror: climbed.mirror }, fix);
    }
    if (climbed) return at('outsideRootMirrorMissing', { url: ref.url, resolved: target.githubUrl, target: climbed.path, mirror: climbed.mirror, suggestion: didYouMean(climbed.near) }, fix);
    return at('outsideRoot', { url: ref.url, resolved: target.githubUrl }, fix);
  }
  if (target.kind !== 'local') return undefined;
  if (target.via === 'mirror') {
    const found = inMirror(target, mirrorIndex, options);
    if (!found || found.found) return undefined;
    return at('mirrorMissing', { target: found.path, mirror: found.mirror, suggestion: didYouMean(found.near) });
  }
  const kind = index.stat(target.path);
  if (kind === 'file' && options.checkAnchors !== false && target.fragment !== undefined && isMarkdownPath(target.path)) {
    const anchors = index.anchors(target.path);
    if (anchors && !hasAnchor(anchors, target.fragment)) {
      const why = unverifiable(target.fragment, target.path, where);
      if (why) return at('anchorNotChecked', { fragment: target.fragment, target: target.path, why });
      const near = options.suggest === false ? undefined : closest(target.fragment, anchors);
      return at('missingAnchor', { target: target.path, fragment: target.fragment, suggestion: didYouMean(near, '#') });
    }
  }
  if (kind !== undefined) {
    if (target.via === 'self-url' && options.relativeSelfLinks && (target.urlKind === 'blob' || target.urlKind === 'tree')) {
      const rel = relativeLink(facts.path, target.path) + (target.fragment !== undefined ? `#${target.fragment}` : '');
      return at('selfUrl', { url: ref.url, relative: rel }, replace(rel));
    }
    return undefined;
  }
  const missing = diagnoseMissing(ref, target, facts, where);
  if (!missing) return undefined;
  switch (missing.kind) {
    case 'wrongCase':
      return at('wrongCase', { target: target.path, actual: missing.actual }, missing.fixed === undefined ? undefined : replace(missing.fixed));
    case 'originalSite':
      // The original site's page, where the message knows it: the same unsafe fix as an image's (it leaves the archive).
      return at('originalSitePath', { url: ref.url, where: missing.absolute ? `; on the original site it is ${missing.absolute}` : '' }, missing.absolute ? replace(missing.absolute) : undefined, 'unsafe');
    case 'renamed':
      // A pure rename keeps what the reader sees; one that also changed the page may not: an unsafe fix.
      return at('renamed', { target: target.path, renamed: missing.to }, replace(missing.fixed), missing.edited ? 'unsafe' : 'safe');
    case 'deleted':
      return at('deleted', { target: target.path });
    case 'missing': {
      if (target.via === 'relative' && SITE_PAGE_EXTENSIONS.has(posix.extname(target.path).toLowerCase())) {
        const abs = onOriginalSite(ref.url, facts.originalUrl);
        if (abs) return at('unmirroredPage', { url: ref.url, absolute: abs }, replace(abs), 'unsafe');
      }
      // Exactly one file of that name elsewhere: probably moved there. Unsafe: it may be another page.
      const fix = missing.sameName === undefined ? undefined : replace(missing.sameName);
      return at('missingFile', { target: target.path, suggestion: options.suggest === false ? '' : didYouMean(missing.suggestion) }, fix, 'unsafe');
    }
  }
}

export function crossFile(facts: FileFacts, ctx: CrossFileContext, options: Options = {}): RawProblem[] {
  const out: RawProblem[] = [];
  for (const c of targetsOf(facts, ctx)) {
    const p = acrossFiles(c, facts, ctx, options);
    if (p) out.push(p);
  }
  return out;
}

function check(ctx: FileContext, options: Options, standalone: TargetIndex | undefined): RawProblem[] {
  const anchors = new Set(ctx.facts.anchors);
  const out: RawProblem[] = [];
  for (const c of targetsOf(ctx.facts, ctx)) {
    const padded = paddingProblem(c);
    if (padded) out.push(padded);
    const p = perFile(c, ctx.facts, anchors, options, ctx) ?? (standalone ? acrossFiles(c, ctx.facts, { index: standalone, repo: ctx.repo, mirrors: ctx.mirrors }, options) : undefined);
    if (p) out.push(p);
  }
  return out;
}

export const plugin = lintRule<Root, Options | undefined>(
  { origin: `archive-lint:${meta.id}`, url: docsUrl(meta.id) },
  (tree, file, options) => {
    const opts = options ?? {};
    const ctx = fileContext(tree, file, opts);
    const standalone = ctx.engine ? undefined : new FsIndex(ctx.root);
    for (const p of check(ctx, opts, standalone)) report(file, p, ctx.lineStarts);
  },
);

export default plugin;
