/**
 * Safe fixes keep what a reader sees. For every fixture scenario of every rule with safe fixes, `--fix` (safe
 * only) is applied to a copy, and each Markdown file is rendered before and after as GitHub renders it: the
 * Markdown with its raw HTML parsed as a browser parses it, then sanitised as GitHub sanitises it (elements it
 * does not know dropped with their text kept, `class` and `style` stripped, only `<a href>` a link and only
 * `<img src>` an image). The visible text (white space collapsed), the links (href and text) and the images (src
 * and alt) must be the same.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { fixFixture, FIXTURES, scenarios } from './helpers/fixtures.js';
import { rules } from '../rules/index.js';
import { loadConfig } from '../src/core/config/config.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

/** The elements GitHub's sanitiser keeps (html-pipeline's allow-list); any other element is dropped, its text kept. */
const GITHUB_ELEMENTS = new Set(
  `h1 h2 h3 h4 h5 h6 h7 h8 br b i strong em a pre code img tt div ins del sup sub p ol ul table thead tbody tfoot blockquote
dl dt dd kbd q samp var hr ruby rt rp li tr td th s strike summary details caption figure figcaption abbr bdo cite dfn mark
small span time wbr picture source input`.split(/\s+/),
);
/** Elements removed with their content (GitHub's tag filter and sanitiser). */
const REMOVED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'title', 'textarea', 'xmp', 'noembed', 'noframes', 'plaintext', 'head']);
/** Elements that start a new line of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul', 'caption',
]);

interface Seen {
  /** Visible text, white space (no-break and typographic spaces too) collapsed to one space. */
  text: string;
  /** Links in order: href and text. */
  links: { href: string; text: string }[];
  /** Images in order: src and alt. */
  images: { src: string; alt: string }[];
}

const collapse = (s: string) => s.replace(/[\u200b-\u200d\u00ad\ufeff]/g, '').replace(/\s+/g, ' ');

/** Where a file is on GitHub: its repository and branch, and its path in it. */
interface Place {
  repository: string;
  branch: string;
  path: string;
}

/**
 * Where a link or image of the file leads on GitHub: relative ones resolved against its page, and a repository's
 * `tree/` and `blob/` URLs taken as one (GitHub sends each to the other as the path needs).
 */
function onGithub(url: string, place: Place | undefined): string {
  if (place === undefined) return url;
  try {
    const href = new URL(url, `https://github.com/${place.repository}/blob/${place.branch}/${place.path}`).href;
    return href.replace(/^(https:\/\/github\.com\/[^/]+\/[^/]+\/)tree\//, '$1blob/').replace(/^(https:\/\/github\.com\/[^/?#]+\/[^/?#]+\/blob\/.*?)\/(?=$|[?#])/, '$1');
  } catch {
    return url;
  }
}

/** GitHub keeps an href or src only with these schemes (or none). */
const KEPT_SCHEME = /^(?:(?:https?|mailto):|[^:/?#]*(?:[/?#]|$))/i;

/** What a reader of GitHub sees of a Markdown file (at PLACE, to resolve its links). */
function seenOnGithub(markdown: string, place?: Place): Seen {
  const tree = processor.runSync(processor.parse(markdown)) as HastRoot;
  const seen: Seen = { text: '', links: [], images: [] };
  const textOf = (node: HastNodes): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'element' && REMOVED.has(node.tagName)) return '';
    if (node.type === 'element' && BLOCKS.has(node.tagName)) return ` ${('children' in node ? node.children : []).map((c) => textOf(c as HastNodes)).join('')} `;
    return 'children' in node ? node.children.map((c) => textOf(c as HastNodes)).join('') : '';
  };
  const walk = (node: HastNodes) => {
    if (node.type === 'text') {
      seen.text += node.value;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    const el = node.type === 'element' ? (node as Element) : undefined;
    if (el && REMOVED.has(el.tagName)) return;
    const kept = el !== undefined && GITHUB_ELEMENTS.has(el.tagName);
    if (el && kept && el.tagName === 'a' && typeof el.properties.href === 'string' && KEPT_SCHEME.test(el.properties.href)) {
      seen.links.push({ href: onGithub(el.properties.href, place), text: collapse(textOf(el)).trim() });
    }
    if (el && kept && el.tagName === 'img' && typeof el.properties.src === 'string' && KEPT_SCHEME.test(el.properties.src)) {
      seen.images.push({ src: onGithub(el.properties.src, place), alt: collapse(String(el.properties.alt ?? '')).trim() });
    }
    const block = el !== undefined && BLOCKS.has(el.tagName);
    if (block) seen.text += ' ';
    for (const c of node.children) walk(c as HastNodes);
    if (block) seen.text += ' ';
  };
  walk(tree);
  seen.text = collapse(seen.text).trim();
  return seen;
}

/** The differences between two renderings, one line each (empty when a reader sees the same). */
function differences(before: Seen, after: Seen): string[] {
  const out: string[] = [];
  if (before.text !== after.text) {
    let i = 0;
    while (i < before.text.length && before.text[i] === after.text[i]) i++;
    const from = Math.max(0, i - 30);
    out.push(`text: …${before.text.slice(from, i + 40)}… became …${after.text.slice(from, i + 40)}…`);
  }
  const list = <T>(what: string, a: T[], b: T[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) out.push(`${what} ${i + 1}: ${JSON.stringify(a[i]) ?? 'none'} became ${JSON.stringify(b[i]) ?? 'none'}`);
    }
  };
  list('link', before.links, after.links);
  list('image', before.images, after.images);
  return out;
}

const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8').replace(/^\ufeff/, '');

/**
 * Scenarios whose safe fixes point a broken link or image at what was meant: the reader sees the same text, the
 * same links and images, and one that led nowhere now leads somewhere. Only their targets may differ, and each
 * entry says why the old target was broken on GitHub.
 */
const RETARGETED: Record<string, string> = {
  // Paths on GitHub are case-sensitive: Pages/story.md is 404 where Pages/Story.md is the file.
  'no-broken-links/letter-case': 'a link in the wrong letter case to the file in the right one',
  // `“#top”` is a relative link to a file named with quotes; stripping the white space and quotes browsers keep.
  'no-broken-links/malformed': 'quoted or padded hrefs (kept by browsers, so broken) to the URL meant',
  // `< other.md>` renders as href `%20other.md`, a file that does not exist.
  'no-broken-links/padded-url': 'a padded Markdown destination to the file meant',
  'no-missing-images/local': 'an image in the wrong letter case to the file in the right one',
  // U+3000 and spaces kept in a src make a path that does not exist.
  'no-missing-images/padded-url': 'padded sources to the file meant',
  // A github.com blob URL is an HTML page, not an image: GitHub shows a broken image.
  'no-missing-images/self-urls': 'a blob URL (a page) to the raw file',
};

/** What a reader sees apart from where links and images lead: the text, each link's text, each image's alt. */
function shown(seen: Seen): Seen {
  return { text: seen.text, links: seen.links.map((l) => ({ href: '', text: l.text })), images: seen.images.map((i) => ({ src: '', alt: i.alt })) };
}

describe('safe fixes keep what a reader sees on GitHub', () => {
  it('the renderer drops unknown elements, keeps their text, and links only <a href>', () => {
    const seen = seenOnGithub('Some <ok href="/term/1">word</ok> and <a href="x.md" class="c">a link</a> ![i](i.png)\n\n<div><span class="filename">f</span><img src="j.png" alt="j" style="width: 50%"></div>\n');
    expect(seen).toEqual({
      text: 'Some word and a link f',
      links: [{ href: 'x.md', text: 'a link' }],
      images: [
        { src: 'i.png', alt: 'i' },
        { src: 'j.png', alt: 'j' },
      ],
    });
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    if (!rule.meta.fixable.includes('safe') || !existsSync(join(FIXTURES, id))) continue;
    for (const scenario of scenarios(id)) {
      const name = `${id}/${scenario}`;
      const retargeted = RETARGETED[name] !== undefined;
      it(retargeted ? `${name} (${RETARGETED[name]})` : name, async () => {
        const run = await fixFixture(id, scenario, 'safe');
        const config = await loadConfig(join(FIXTURES, id, scenario), undefined, rules);
        const identity = { repository: config.repository ?? 'o/r', branch: config.branch ?? 'master' };
        for (const [path, bytes] of Object.entries(run.before)) {
          if (!path.endsWith('.md')) continue;
          const after = run.after[path];
          expect(after, `${name}: ${path} is gone after --fix`).toBeDefined();
          if (after === bytes) continue;
          const place = { ...identity, path };
          const before = seenOnGithub(utf8(bytes), place);
          const fixed = seenOnGithub(utf8(after as string), place);
          if (retargeted) {
            expect(differences(shown(before), shown(fixed)), `${name}: ${path}: what a reader sees changed`).toEqual([]);
            expect(differences(before, fixed), `${name}: ${path}: no target was repaired`).not.toEqual([]);
          } else {
            expect(differences(before, fixed), `${name}: ${path}: what a reader sees changed`).toEqual([]);
          }
        }
      });
    }
  }
});
