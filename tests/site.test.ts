/** Publishing profiles: detection, the site root, heading slugs as each site makes them, the files a link means. */
import { describe, expect, it } from 'vitest';
import { outsideSite, siteCandidates, siteProfile, sluggerFor } from '../src/core/config/site.js';
import { run, tree } from './helpers/tree.js';

describe('the profile of an archive', () => {
  it('is detected where it is plain, with its site root', () => {
    expect(siteProfile(tree({ 'book.toml': '[book]\ntitle = "x"\n', 'src/SUMMARY.md': '' }), {})).toMatchObject({ site: 'mdbook', siteRoot: 'src', source: 'detected from book.toml' });
    expect(siteProfile(tree({ 'book.toml': '[book]\nsrc = "./content/"\n' }), {})).toMatchObject({ site: 'mdbook', siteRoot: 'content', source: 'detected from book.toml' });
    expect(siteProfile(tree({ 'mkdocs.yml': 'site_name: x\ndocs_dir: pages\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n' }), {})).toMatchObject({ site: 'mkdocs', siteRoot: 'pages', source: 'detected from mkdocs.yml' });
    expect(siteProfile(tree({ 'mkdocs.yml': 'site_name: x\n' }), {})).toMatchObject({ site: 'mkdocs', siteRoot: 'docs', source: 'detected from mkdocs.yml' });
    // Many repositories served on GitHub have a _config.yml: not enough to call them Jekyll sites.
    expect(siteProfile(tree({ '_config.yml': 'theme: minima\n' }), {})).toMatchObject({ site: 'github', siteRoot: '', source: 'the default' });
    // A broken book.toml still means mdBook, with its default source folder.
    expect(siteProfile(tree({ 'book.toml': '[book\n' }), {})).toMatchObject({ site: 'mdbook', siteRoot: 'src', source: 'detected from book.toml' });
  });

  it('is the config\'s when given, and the config\'s site root wins', () => {
    const root = tree({ 'book.toml': '[book]\nsrc = "src"\n' });
    expect(siteProfile(root, { site: 'github' })).toMatchObject({ site: 'github', siteRoot: '', source: 'the config' });
    expect(siteProfile(root, { siteRoot: 'book/' })).toMatchObject({ site: 'mdbook', siteRoot: 'book', source: 'detected from book.toml' });
    expect(siteProfile(root, { site: 'jekyll' })).toMatchObject({ site: 'jekyll', siteRoot: '', source: 'the config' });
  });

  it('is said by the run, with where it came from', async () => {
    const root = tree({ 'book.toml': '[book]\n', 'src/a.md': '# A\n' });
    const r = await run(root, ['check', '--no-cache']);
    expect(r.stderr).toBe('archive-lint: links resolved as mdbook (detected from book.toml; site root src/)\n');
    const audit = await run(root, ['audit', '--no-cache', '--no-external']);
    expect(audit.stdout).toContain('Links resolved as mdbook (detected from book.toml; site root src/).');
  });
});

describe('heading slugs, as each site makes them', () => {
  const slugs = (site: Parameters<typeof sluggerFor>[0], headings: string[]) => {
    const s = sluggerFor(site);
    return headings.map((h) => s.slug(h));
  };
  const headings = ['Using Box<T> to Point to Data!', 'Ünïcode — café', 'Using Box<T> to Point to Data!', '2.1 What’s new?', '中文 标题', 'हिन्दी'];

  it('github (and jekyll, whose kramdown GFM parser makes GitHub\'s ids)', () => {
    const want = ['using-boxt-to-point-to-data', 'ünïcode--café', 'using-boxt-to-point-to-data-1', '21-whats-new', '中文-标题', 'हिन्दी'];
    expect(slugs('github', headings)).toEqual(want);
    expect(slugs('jekyll', headings)).toEqual(want);
  });

  it('mdbook: normalize_id (alphanumerics, _ and -; ASCII lower-cased; spaces to -), repeated ones -1, -2', () => {
    // Devanagari vowel signs are Alphabetic; the virama is not, and goes (as in mdBook).
    expect(slugs('mdbook', headings)).toEqual(['using-boxt-to-point-to-data', 'Ünïcode--café', 'using-boxt-to-point-to-data-1', '21-whats-new', '中文-标题', 'हिनदी']);
  });

  it('mkdocs: Python-Markdown toc slugify (ASCII only), repeated ones _1, _2', () => {
    expect(slugs('mkdocs', [...headings, '中文'])).toEqual(['using-boxt-to-point-to-data', 'unicode-cafe', 'using-boxt-to-point-to-data_1', '21-whats-new', '_1', '_2', '_3']);
  });
});

describe('the files a link means under a profile', () => {
  it('github: only the file it names', () => {
    expect(siteCandidates('src/ch01.html', 'github')).toEqual([]);
    expect(siteCandidates('src/ch01.html', undefined)).toEqual([]);
  });

  it('mdbook and jekyll: X.html is X.md, a folder or index.html its index.md or README.md', () => {
    expect(siteCandidates('src/ch01.html', 'mdbook')).toEqual(['src/ch01.md', 'src/ch01.markdown']);
    expect(siteCandidates('src/part/index.html', 'mdbook')).toEqual(['src/part/index.md', 'src/part/README.md']);
    expect(siteCandidates('src/part', 'jekyll')).toEqual(['src/part/index.md', 'src/part/README.md']);
    expect(siteCandidates('src/ch01.md', 'mdbook')).toEqual([]);
  });

  it('mkdocs: X/ is X.md too', () => {
    expect(siteCandidates('docs/guide', 'mkdocs')).toEqual(['docs/guide/index.md', 'docs/guide/README.md', 'docs/guide.md']);
  });

  it('outside the site root', () => {
    expect(outsideSite('std/index.html', 'src')).toBe(true);
    expect(outsideSite('src/ch01.md', 'src')).toBe(false);
    expect(outsideSite('src', 'src')).toBe(false);
    expect(outsideSite('srcx/a.md', 'src')).toBe(true);
    expect(outsideSite('a.md', '')).toBe(false);
    expect(outsideSite('../a.md', '')).toBe(true);
  });
});
