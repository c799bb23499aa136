// The single-thread parse floor: parse every Markdown file under DIR once with mdast-util-from-markdown
// (micromark, the parser under remark), keeping no tree.
import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { markdownFiles } from './walk.mjs';

let nodes = 0;
const files = markdownFiles(process.argv[2]);
for (const f of files) nodes += fromMarkdown(readFileSync(f, 'utf8')).children.length;
console.log(JSON.stringify({ files: files.length, nodes }));
