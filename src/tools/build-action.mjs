// `npm run build:action`: write the GitHub Action's committed bundle, .github/action/ (see bundle.mjs).
import { rmSync } from 'node:fs';
import { bundleAction } from './bundle.mjs';

rmSync('.github/action', { recursive: true, force: true });
await bundleAction('.github/action');
