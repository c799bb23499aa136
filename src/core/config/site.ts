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
}

/**
 * A site generator's config file of the archive, through the bounded reader (a regular file of at most 1 MiB that
 * does not leave the root: a book.toml linked to /dev/zero is passed over, not read for ever); undefined when it
 * cannot be read or parsed (the profile's defaults apply).
 */
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
 * The profile of an archive: the config's `site` if given, else detected where it is plain (a `book.toml` is an
 * mdBook, a `mkdocs.yml` a MkDocs site; a `_config.yml` alone is not enough for Jekyll, since many repositories
 * served on GitHub have one), else `github`. `siteRoot` from the config wins over the profile's own file.
 */
export function siteProfile(root: string, configured: { site?: Site; siteRoot?: string }): SiteProfile {
  let site = configured.site;
  let source = 'the config';
  if (!site) {
    if (existsSync(join(root, 'book.toml'))) [site, source] = ['mdbook', 'detected from book.toml'];
    else if (existsSync(join(root, 'mkdocs.yml'))) [site, source] = ['mkdocs', 'detected from mkdocs.yml'];
    else [site, source] = ['github', 'the default'];
  }
  const siteRoot = configured.siteRoot !== undefined ? cleanRoot(configured.siteRoot, '') : siteRootOf(root, site);
  return { site, siteRoot, source };
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

/** Python-Markdown's toc `slugify` (ASCII, `-` separator), numbered as its `unique` does (`id_1`, `id_2`). */
function mkdocsSlugger(): Slugger {
  const used = new Set<string>();
  return {
    slug(text) {
      let id = text
        .normalize('NFKD')
        .replace(/[^\p{ASCII}]/gu, '')
        .replace(/[^\w\s-]/g, '')
        .trim()
        .toLowerCase()
        .replace(/[-\s]+/g, '-');
      while (used.has(id) || id === '') {
        const m = /^(.*)_(\d+)$/.exec(id);
        id = m ? `${m[1]}_${Number(m[2]) + 1}` : `${id}_1`;
      }
      used.add(id);
      return id;
    },
  };
}

export function sluggerFor(site: Site | undefined): Slugger {
  if (site === 'mdbook') return mdbookSlugger();
  if (site === 'mkdocs') return mkdocsSlugger();
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
