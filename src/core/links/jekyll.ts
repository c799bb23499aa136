/**
 * Jekyll's URLs: which page of the source each URL of the built site is. In: the archive's files, the site's root
 * and model (from _config.yml); out: the site's URLs (without the baseurl) → source file, and back. A page's URL
 * is its front-matter `permalink`, else its path (`a/b.md` → `/a/b.html`, `a/index.md` → `/a/`); a post's follows
 * the `permalink` style of _config.yml (`date` by default: `/:categories/:year/:month/:day/:title.html`); a
 * collection's documents are published only with `output: true`; other files (images) keep their path. Front
 * matter is read through the bounded reader, from Markdown and HTML files of the site only.
 */
import { join, posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readSource } from '../parse/process-file.js';
import type { SiteModel } from '../config/site.js';

export interface SiteUrls {
  /** `/about/` → `docs/about.md` (root-relative source path). */
  byUrl: Map<string, string>;
  /** The other way. */
  byFile: Map<string, string>;
}

const PAGE = /\.(?:md|markdown|html?)$/i;
const POST = /^(?:(.*)\/)?_posts\/(?:.*\/)?(\d{4})-(\d{2})-(\d{2})-([^/]+?)\.(?:md|markdown|html?)$/i;
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

function frontMatter(text: string): Record<string, unknown> | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  try {
    const data: unknown = parseYaml(m[1] as string, { logLevel: 'silent' });
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function words(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : [];
}

function fill(template: string, parts: Record<string, string>): string {
  const url = template.replace(/:(\w+)/g, (m, k: string) => parts[k] ?? m).replace(/\/{2,}/g, '/');
  return url.startsWith('/') ? url : `/${url}`;
}

/** The site's URLs. `maxFileSize` bounds every read. */
export function jekyllUrls(root: string, siteRoot: string, files: Iterable<string>, model: SiteModel, maxFileSize: number): SiteUrls {
  const byUrl = new Map<string, string>();
  const byFile = new Map<string, string>();
  const add = (url: string, file: string) => {
    if (!byUrl.has(url)) byUrl.set(url, file);
    if (!byFile.has(file)) byFile.set(file, url);
  };
  const prefix = siteRoot === '' ? '' : `${siteRoot}/`;
  for (const file of files) {
    if (!file.startsWith(prefix)) continue;
    const rel = file.slice(prefix.length);
    if (/^_site\//.test(rel)) continue;
    const post = POST.exec(rel);
    const collection = /^_([^/]+)\//.exec(rel)?.[1];
    const inCollection = collection !== undefined && collection !== 'posts' && model.collections?.[collection] !== undefined;
    // Folders starting with `_` (layouts, includes, data) are not published, but for posts and output collections.
    if (!post && rel.split('/').some((p) => p.startsWith('_')) && !(inCollection && model.collections?.[collection as string]?.output)) continue;
    if (!PAGE.test(rel)) {
      add(`/${rel}`, file);
      continue;
    }
    const read = readSource(join(root, file), maxFileSize);
    const fm = 'text' in read ? frontMatter(read.text) : undefined;
    // A Markdown file without front matter is copied as is; an HTML one too.
    if (!fm) {
      add(`/${rel}`, file);
      continue;
    }
    const stem = rel.replace(PAGE, '');
    let url: string;
    if (typeof fm.permalink === 'string') url = fill(fm.permalink, { output_ext: '.html', title: posix.basename(stem), path: stem, basename: posix.basename(stem) });
    else if (post) {
      const categories = [...(post[1] ? post[1].split('/') : []), ...words(fm.categories), ...words(fm.category)].join('/');
      const template = STYLES[model.permalink ?? 'date'] ?? (model.permalink as string);
      url = fill(template, { categories, year: post[2] as string, month: post[3] as string, day: post[4] as string, i_month: String(Number(post[3])), i_day: String(Number(post[4])), title: post[5] as string, slug: post[5] as string, output_ext: '.html' });
    } else if (inCollection) {
      const c = model.collections?.[collection as string];
      const path = stem.slice(collection.length + 2);
      url = fill(c?.permalink ?? '/:collection/:path:output_ext', { collection: collection as string, path, name: posix.basename(path), title: posix.basename(path), output_ext: '.html' });
    } else url = /(?:^|\/)index$/.test(stem) ? `/${stem.replace(/index$/, '')}` : `/${stem}.html`;
    add(url, file);
    if (url.endsWith('/')) add(`${url}index.html`, file);
    else if (url.endsWith('.html')) add(url.replace(/\.html$/, ''), file);
    // jekyll-redirect-from: the old URLs lead to the page.
    for (const from of words(fm.redirect_from)) add(from.startsWith('/') ? from : `/${from}`, file);
  }
  return { byUrl, byFile };
}

/** The source file a site URL (path only, baseurl stripped) is, if any: as written, or as a folder. */
export function pageAt(urls: SiteUrls, path: string): string | undefined {
  return urls.byUrl.get(path) ?? (path.endsWith('/') ? undefined : urls.byUrl.get(`${path}/`));
}
