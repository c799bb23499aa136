/** The one parser: remark-parse with GFM and front matter. */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

/** The parser plugins, in the order a processor should use them. */
export function baseProcessor(): Processor<Root> {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']) as unknown as Processor<Root>;
}

let parser: Processor<Root> | undefined;

export function parseMarkdown(text: string): Root {
  parser ??= baseProcessor().freeze();
  return parser.parse(text);
}
