/** `npm run docs`: rewrite the generated files. */
import { writeFileSync } from 'node:fs';
import { generated, REPO_ROOT } from './generated.js';

for (const [file, text] of Object.entries(generated())) writeFileSync(`${REPO_ROOT}${file}`, text);
