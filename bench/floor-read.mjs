// The read floor: read every Markdown file under DIR, as UTF-8, once.
import { readFileSync } from 'node:fs';
import { markdownFiles } from './walk.mjs';

let chars = 0;
const files = markdownFiles(process.argv[2]);
for (const f of files) chars += readFileSync(f, 'utf8').length;
console.log(JSON.stringify({ files: files.length, chars }));
