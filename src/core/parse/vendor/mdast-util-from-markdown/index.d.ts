import type { Root } from 'mdast';
import type { Options } from 'mdast-util-from-markdown';

/** mdast-util-from-markdown's `fromMarkdown` (string input, no encoding), with the faster compile loop. */
export function fromMarkdown(value: string, options?: Options | null): Root;
