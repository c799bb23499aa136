// The single-thread parse floor: parse every Markdown file under DIR once with mdast-util-from-markdown
// (micromark, the parser under remark), keeping no tree. With --vendored, the same with archive-lint's vendored
// copy of it (src/core/parse/vendor/mdast-util-from-markdown, built to dist/): the best alternative that keeps remark's
// trees and exact positions.
import { readFileSync } from 'node:fs';
import { fromMarkdown as upstream } from 'mdast-util-from-markdown';
import { markdownFiles } from './walk.mjs';

const vendored = process.argv.includes('--vendored');
const fromMarkdown = vendored ? (await import('../dist/src/core/parse/vendor/mdast-util-from-markdown/index.js')).fromMarkdown : upstream;
let nodes = 0;
const files = markdownFiles(process.argv[2]);
for (const f of files) nodes += fromMarkdown(readFileSync(f, 'utf8')).children.length;
console.log(JSON.stringify({ files: files.length, nodes, vendored }));
