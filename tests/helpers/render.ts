/**
 * An independent renderer for tests: Markdown with raw HTML through remark-rehype and rehype-raw (parse5),
 * as GitHub does before sanitising. Gives what a reader sees: the text and the links.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import type { Root as HastRoot, Nodes as HastNodes } from 'hast';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

export interface Rendered {
  /** Visible text with all white space removed (no-break spaces and collapsing are not what we compare). */
  text: string;
  /** Link targets in order: <a href> and unknown elements with href (as the converter meant them). */
  links: string[];
  images: string[];
}

export function render(markdown: string): Rendered {
  const tree = processor.runSync(processor.parse(markdown)) as HastRoot;
  const out: Rendered = { text: '', links: [], images: [] };
  const walk = (node: HastNodes) => {
    if (node.type === 'text') {
      out.text += node.value.replace(/[\s\u00a0\u2002\u2003\u2009]+/g, '');
      return;
    }
    if (node.type === 'element') {
      if (['script', 'style', 'iframe', 'object', 'embed', 'template'].includes(node.tagName)) return;
      const href = node.properties?.href;
      if (typeof href === 'string') out.links.push(href);
      const src = node.properties?.src;
      if (node.tagName === 'img' && typeof src === 'string') out.images.push(src);
    }
    if ('children' in node) for (const c of node.children) walk(c as HastNodes);
  };
  walk(tree);
  return out;
}
