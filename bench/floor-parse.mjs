// The single-thread parse floor: parse every Markdown file under DIR once with mdast-util-from-markdown
// (micromark, the parser under remark), keeping no tree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';

let files = 0;
let nodes = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules' || e.name === '.archive-lint-cache') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.md')) {
      nodes += fromMarkdown(readFileSync(p, 'utf8')).children.length;
      files++;
    }
  }
};
walk(process.argv[2]);
console.log(JSON.stringify({ files, nodes }));
