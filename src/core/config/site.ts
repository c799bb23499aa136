/**
 * Publishing profiles: where the archive is published decides how a link resolves, which slugs its heading
 * anchors get, and what a safe fix may drop.
 *
 * In: the root (for detection), a profile, a root-relative path that the archive index does not have.
 * Out: the detected profile and its site root; a heading slugger; the files a link may mean under the profile.
 *
 * - `github` (default): GitHub's rendering. A link names a file or folder as it is in the repository.
 * - `mdbook`: the book's source folder (`[book] src` of book.toml, default `src`) is the site; `X.md` is served as
 *   `X.html`, a folder's `README.md` or `index.md` as its `index.html`. Anchors: mdBook's `normalize_id`.
 * - `mkdocs`: `docs_dir` of mkdocs.yml (default `docs`) is the site; `X.md` is served as `X/` (or `X.html`), a
 *   folder's `index.md` or `README.md` as the folder. Anchors: Python-Markdown's toc slugify (ASCII only; `_1`
 *   for a repeated heading).
 * - `jekyll`: the root is the site; `X.md` is served as `X.html`, a folder's `index.md` as the folder. Anchors:
 *   kramdown's GFM parser, which makes them as GitHub does.
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import GithubSlugger from 'github-slugger';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { LIMITS, readBounded } from '../io/index.js';
/** Where the archive is published. */
export type Site = 'github' | 'mdbook' | 'mkdocs' | 'jekyll';

export const SITES: readonly Site[] = ['github', 'mdbook', 'mkdocs', 'jekyll'];

export interface SiteProfile {
  site: Site;
  /** The published site's root, root-relative ('' is the repository's root). */
  siteRoot: string;
  /** Where the profile came from, for the run's summary. */
  source: string;
  /** What the generator's own config says about how pages and ids are made (plain data, for the workers). */
  model: SiteModel;
}

/**
 * How the site's generator makes pages, URLs and ids, as its config says: plain data read once (mkdocs.yml,
 * _config.yml) and handed to every stage that resolves a link or collects anchors.
 */
export interface SiteModel {
  /** MkDocs' `use_directory_urls` (default true): `a/b.md` is served as `a/b/`, where raw HTML resolves from. */
  directoryUrls?: boolean;
  /** Python-Markdown's `attr_list`: `{ #id }` after a heading or a block gives it that id. */
  attrList?: boolean;
  /** Python-Markdown's `footnotes`: ids `fn:X` and `fnref:X`. */
  footnotes?: boolean;
  /** The toc extension's slugs: `ascii` (the default slugify), `unicode` (pymdownx.slugs' uslugify), `unknown` (a function of the site's). */
  slugify?: 'ascii' | 'unicode' | 'unknown';
  /** The toc extension's word separator (default `-`). */
  separator?: string;
  /** Why some ids are made by something the profile cannot evaluate (hooks, plugins); undefined: none. */
  generatedIds?: string;
  /** Fragments made by an extension (pymdownx.tabbed's `__tabbed_1_1`): not checked. */
  generatedFragment?: string;
  /** Jekyll: `{% raw %}`, `{% link %}`, front-matter permalinks and the like are read. */
  liquid?: boolean;
  /** Jekyll: the site's `baseurl` ('' none), stripped from `/`-absolute links. */
  baseurl?: string;
  /** Jekyll: the `permalink` style of `_config.yml` for posts (`date`, `pretty`, `none`, or a template). */
  permalink?: string;
  /** Jekyll: collections with `output: true`, by name, with their permalink template. */
  collections?: Record<string, { output: boolean; permalink?: string }>;
}

/** What mkdocs.yml says about ids and URLs (its Python tags are read as text: `!!python/name:pymdownx.slugs.uslugify`). */
function mkdocsModel(root: string): SiteModel {
  const text = readConfigFile(root, 'mkdocs.yml', (t) => t);
  if (text === undefined) return { directoryUrls: true };
  const yml = (parseYamlQuiet(text) ?? {}) as Record<string, unknown>;
  const extensions = new Map<string, Record<string, unknown>>();
  for (const e of Array.isArray(yml.markdown_extensions) ? yml.markdown_extensions : []) {
    if (typeof e === 'string') extensions.set(e, {});
    else if (e && typeof e === 'object') for (const [k, v] of Object.entries(e as Record<string, unknown>)) extensions.set(k, (v && typeof v === 'object' ? v : {}) as Record<string, unknown>);
  }
  const model: SiteModel = { directoryUrls: yml.use_directory_urls !== false, attrList: extensions.has('attr_list'), footnotes: extensions.has('footnotes') || extensions.has('pymdownx.extra') || extensions.has('extra') };
  if (extensions.has('extra') || extensions.has('pymdownx.extra')) model.attrList = true;
  const toc = extensions.get('toc') ?? {};
  if (typeof toc.separator === 'string') model.separator = toc.separator;
  const slug = /^\s*slugify:\s*!!python\/(?:name|object\/apply):([\w.]+)/m.exec(text)?.[1];
  model.slugify = slug === undefined || slug === 'markdown.extensions.toc.slugify' ? 'ascii' : /^pymdownx\.slugs\.(?:uslugify|slugify)$/.test(slug) ? 'unicode' : 'unknown';
  if (extensions.has('pymdownx.tabbed')) model.generatedFragment = '^__tabbed_';
  const plugins = (Array.isArray(yml.plugins) ? yml.plugins : []).map((p) => (typeof p === 'string' ? p : Object.keys((p ?? {}) as object)[0] ?? ''));
  if (yml.hooks !== undefined) model.generatedIds = 'the site has hooks (mkdocs.yml `hooks`), which may add ids';
  else if (plugins.some((p) => p !== 'search')) model.generatedIds = `the site's plugins (${plugins.filter((p) => p !== 'search').join(', ')}) may add ids`;
  return model;
}

/**
 * A site generator's config file of the archive, through the bounded reader (a regular file of at most 1 MiB that
 * does not leave the root: a book.toml linked to /dev/zero is passed over, not read for ever); undefined when it
 * cannot be read or parsed (the profile's defaults apply).
 */
function parseYamlQuiet(text: string): unknown {
  try {
    return parseYaml(text, { logLevel: 'silent' }) as unknown;
  } catch {
    return undefined;
  }
}

function readConfigFile<T>(root: string, name: string, parse: (text: string) => T): T | undefined {
  try {
    return parse(readBounded(join(root, name), { maxBytes: LIMITS.config, root }).toString('utf8'));
  } catch {
    return undefined;
  }
}

function cleanRoot(dir: unknown, fallback: string): string {
  const s = typeof dir === 'string' && dir.trim() !== '' ? dir : fallback;
  const n = posix.normalize(s.replace(/\\/g, '/')).replace(/^\.\/?|\/$/g, '');
  return n === '.' ? '' : n;
}

/** The site root that a profile's own config file names, or its default. */
export function siteRootOf(root: string, site: Site): string {
  if (site === 'mdbook') {
    const toml = readConfigFile(root, 'book.toml', parseToml) as { book?: { src?: unknown } } | undefined;
    return cleanRoot(toml?.book?.src, 'src');
  }
  if (site === 'mkdocs') {
    // mkdocs.yml often holds Python tags (`!!python/name:…`): unknown tags are read as plain values.
    const yml = readConfigFile(root, 'mkdocs.yml', (t) => parseYaml(t, { logLevel: 'silent' }) as unknown) as { docs_dir?: unknown } | undefined;
    return cleanRoot(yml?.docs_dir, 'docs');
  }
  return '';
}

/**
 * Where a Jekyll site's source is, if the root holds one: a `_config.yml` with a Jekyll source tree beside it
 * (`_layouts/`, `_posts/`, `_includes/`, or a collection the config names), at the root or in `docs/` (the GitHub
 * Pages folder). A `_config.yml` alone is not enough: many repositories served on GitHub have one.
 */
export function jekyllSource(root: string): string | undefined {
  for (const dir of ['', 'docs']) {
    const config = join(root, dir, '_config.yml');
    if (!existsSync(config)) continue;
    const yml = (readConfigFile(join(root, dir), '_config.yml', parseYamlQuiet) ?? {}) as { collections?: unknown };
    const collections = yml.collections && typeof yml.collections === 'object' ? Object.keys(yml.collections) : [];
    if (['_layouts', '_posts', '_includes', ...collections.map((c) => `_${c}`)].some((d) => existsSync(join(root, dir, d)))) return dir;
  }
  return undefined;
}

/** What _config.yml says about URLs: baseurl, the posts' permalink style, collections. */
function jekyllModel(root: string, siteRoot: string): SiteModel {
  const yml = (readConfigFile(join(root, siteRoot), '_config.yml', parseYamlQuiet) ?? {}) as Record<string, unknown>;
  const model: SiteModel = { liquid: true, baseurl: typeof yml.baseurl === 'string' ? yml.baseurl.replace(/\/$/, '') : '', permalink: typeof yml.permalink === 'string' ? yml.permalink : 'date' };
  if (yml.collections && typeof yml.collections === 'object') {
    model.collections = {};
    for (const [name, c] of Object.entries(yml.collections as Record<string, unknown>)) {
      const o = (c && typeof c === 'object' ? c : {}) as { output?: unknown; permalink?: unknown };
      model.collections[name] = { output: o.output === true, ...(typeof o.permalink === 'string' ? { permalink: o.permalink } : {}) };
    }
  }
  return model;
}

/**
 * The profile of an archive: the config's `site` if given, else detected where it is plain (a `book.toml` is an
 * mdBook, a `mkdocs.yml` a MkDocs site; a `_config.yml` alone is not enough for Jekyll, since many repositories
 * served on GitHub have one), else `github`. `siteRoot` from the config wins over the profile's own file.
 */
export function siteProfile(root: string, configured: { site?: Site; siteRoot?: string }): SiteProfile {
  let site = configured.site;
  let source = 'the config';
  let jekyllRoot: string | undefined;
  if (!site) {
    if (existsSync(join(root, 'book.toml'))) [site, source] = ['mdbook', 'detected from book.toml'];
    else if (existsSync(join(root, 'mkdocs.yml'))) [site, source] = ['mkdocs', 'detected from mkdocs.yml'];
    else if ((jekyllRoot = jekyllSource(root)) !== undefined) [site, source] = ['jekyll', `detected from ${jekyllRoot === '' ? '' : `${jekyllRoot}/`}_config.yml and its Jekyll source tree`];
    else [site, source] = ['github', 'the default'];
  }
  if (site === 'jekyll') jekyllRoot ??= jekyllSource(root) ?? '';
  const siteRoot = configured.siteRoot !== undefined ? cleanRoot(configured.siteRoot, '') : site === 'jekyll' ? (jekyllRoot as string) : siteRootOf(root, site);
  return { site, siteRoot, source, model: site === 'mkdocs' ? mkdocsModel(root) : site === 'jekyll' ? jekyllModel(root, siteRoot) : {} };
}

/** Makes a page's heading anchors the way its site does (a new one per page: repeated headings are numbered). */
export interface Slugger {
  slug(text: string): string;
}

/** mdBook's `normalize_id`, numbered as `unique_id_from_content` does (`id`, `id-1`, `id-2`). */
function mdbookSlugger(): Slugger {
  const seen = new Map<string, number>();
  return {
    slug(text) {
      let id = '';
      for (const ch of text) {
        // Rust's char::is_alphanumeric: Alphabetic (letters and the marks that join them) or Numeric.
        if (/[\p{Alphabetic}\p{N}_-]/u.test(ch)) id += ch.length === 1 && ch <= '\x7f' ? ch.toLowerCase() : ch;
        else if (/\s/u.test(ch)) id += '-';
      }
      const n = seen.get(id);
      seen.set(id, (n ?? -1) + 1);
      return n === undefined ? id : `${id}-${n + 1}`;
    },
  };
}

/**
 * Python-Markdown's toc `slugify` (ASCII, `-` separator; or pymdownx.slugs' unicode one), numbered as its `unique`
 * does (`id_1`, `id_2`).
 */
function mkdocsSlugger(model: SiteModel = {}): Slugger {
  const used = new Set<string>();
  const sep = model.separator ?? '-';
  return {
    slug(text) {
      const base = model.slugify === 'unicode' ? text.normalize('NFC').replace(/[^\p{L}\p{N}_\s-]/gu, '') : text.normalize('NFKD').replace(/[^\p{ASCII}]/gu, '').replace(/[^\w\s-]/g, '');
      let id = base
        .trim()
        .toLowerCase()
        .replace(/[-\s]+/g, sep);
      while (used.has(id) || id === '') {
        const m = /^(.*)_(\d+)$/.exec(id);
        id = m ? `${m[1]}_${Number(m[2]) + 1}` : `${id}_1`;
      }
      used.add(id);
      return id;
    },
  };
}

export function sluggerFor(site: Site | undefined, model?: SiteModel): Slugger {
  if (site === 'mdbook') return mdbookSlugger();
  if (site === 'mkdocs') return mkdocsSlugger(model);
  // GitHub, and Jekyll on GitHub Pages (kramdown's GFM parser makes GitHub's ids).
  const s = new GithubSlugger();
  return { slug: (text) => s.slug(text) };
}

const PAGE = /\.(?:md|markdown)$/i;

/**
 * The source files a link to `path` (root-relative, not in the archive as written) means under the profile, in
 * the order the site tries them. Empty under `github`, where a link means the file it names.
 */
export function siteCandidates(path: string, site: Site | undefined): string[] {
  if (!site || site === 'github') return [];
  const dir = (p: string) => (p === '' ? '' : `${p}/`);
  const out: string[] = [];
  const html = /^(.*?)(?:\.html?)$/i.exec(path);
  if (html) {
    const stem = html[1] as string;
    const base = posix.basename(stem);
    if (base === 'index') {
      const folder = posix.dirname(stem) === '.' ? '' : posix.dirname(stem);
      out.push(`${dir(folder)}index.md`, `${dir(folder)}README.md`);
    } else {
      out.push(`${stem}.md`, `${stem}.markdown`);
    }
  } else if (!PAGE.test(path)) {
    // A folder, or mkdocs' `X/` for `X.md`.
    out.push(`${dir(path)}index.md`, `${dir(path)}README.md`);
    if (site === 'mkdocs' && path !== '') out.push(`${path}.md`);
  }
  return out;
}

/** Is a root-relative path (or `..`-climbing one) outside the published site's root? */
export function outsideSite(path: string, siteRoot: string): boolean {
  if (path === '..' || path.startsWith('../')) return true;
  return siteRoot !== '' && path !== siteRoot && !path.startsWith(`${siteRoot}/`);
}

/**
 * The path raw HTML in a page resolves from on the published site: under MkDocs with directory URLs, `a/b.md` is
 * served as `a/b/`, so `<img src="x.png">` there means `a/b/x.png` (Markdown links and images are rewritten by
 * MkDocs, raw HTML is not). Returns a (virtual) path in that folder, to resolve relative URLs from.
 */
export function htmlBase(path: string, site: Site | undefined, model: SiteModel | undefined): string {
  if (site !== 'mkdocs' || model?.directoryUrls === false) return path;
  const m = /^(.*?)([^/]*)\.(?:md|markdown)$/i.exec(path);
  if (!m || /^(?:index|readme)$/i.test(m[2] as string)) return path;
  return `${m[1]}${m[2]}/index.html`;
}
