// The read floor: read every Markdown file under DIR, as UTF-8, once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let bytes = 0;
let files = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules' || e.name === '.archive-lint-cache') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.md')) {
      bytes += readFileSync(p, 'utf8').length;
      files++;
    }
  }
};
walk(process.argv[2]);
console.log(JSON.stringify({ files, chars: bytes }));
