/**
 * The entry points a publishing profile knows: the pages a reader reaches without following a link of the archive
 * (the front page, a navigation the site builds itself). In: the root and the profile (site.ts). Out: root-relative
 * globs, for the archive graph's reachability (no-orphans adds its `entryPoints` option to them).
 *
 * - `github`: the README GitHub shows on the repository's page (`.github/`, the root, `docs/`), and `index.md`.
 * - `mkdocs`: `index.md` (or `README.md`) of `docs_dir`, and every page of `nav`; with no `nav`, MkDocs puts every
 *   page in its navigation: all of them.
 * - `mdbook`: `SUMMARY.md` (the sidebar of every page) and the book's front page, `README.md` or `index.md`.
 * - `jekyll`: the front page, and the documents of `_posts/` and of each collection with `output: true` (a site
 *   lists them through Liquid loops, which no link of the archive shows).
 */
import { join, posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SiteProfile } from './site.js';
import { LIMITS, readBoundedText } from '../io/index.js';

function yamlOf(root: string, abs: string): unknown {
  try {
    // mkdocs.yml often holds Python tags (`!!python/name:…`): unknown tags are read as plain values.
    return parseYaml(readBoundedText(abs, { root, maxBytes: LIMITS.config, what: 'config file' }), { logLevel: 'silent' }) as unknown;
  } catch {
    return undefined;
  }
}

/** Every page path a MkDocs `nav` names (relative to `docs_dir`), external URLs left out. */
export function navPages(nav: unknown): string[] {
  const out: string[] = [];
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(item) && !item.startsWith('/')) out.push(posix.normalize(item));
    } else if (Array.isArray(item)) {
      for (const x of item) visit(x);
    } else if (item && typeof item === 'object') {
      for (const x of Object.values(item)) visit(x);
    }
  };
  visit(nav);
  return out;
}

/** Escape a path for picomatch: its names are taken as they are. */
function literal(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@|]/g, (c) => `\\${c}`);
}

export function siteEntryPoints(root: string, profile: Pick<SiteProfile, 'site' | 'siteRoot'>): string[] {
  const at = (p: string) => (profile.siteRoot ? `${literal(profile.siteRoot)}/${p}` : p);
  switch (profile.site) {
    case 'mkdocs': {
      const yml = yamlOf(root, join(root, 'mkdocs.yml')) as { nav?: unknown } | undefined;
      if (!yml || yml.nav === undefined) return [at('**/*.md')];
      return [at('index.md'), at('README.md'), ...navPages(yml.nav).map((p) => at(literal(p)))];
    }
    case 'mdbook':
      return [at('SUMMARY.md'), at('README.md'), at('index.md')];
    case 'jekyll': {
      const cfg = yamlOf(root, join(root, profile.siteRoot, '_config.yml')) as { collections?: unknown } | undefined;
      const collections = cfg?.collections && typeof cfg.collections === 'object' ? Object.entries(cfg.collections as Record<string, unknown>) : [];
      const shown = collections.filter(([, v]) => v !== null && typeof v === 'object' && (v as { output?: unknown }).output === true).map(([name]) => at(`_${literal(name)}/**`));
      return [at('index.md'), at('index.markdown'), at('README.md'), at('_posts/**'), ...shown];
    }
    default:
      return ['.github/README.md', 'README.md', 'readme.md', 'Readme.md', 'README.markdown', 'docs/README.md', 'index.md'];
  }
}
