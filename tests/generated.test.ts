/** Generated files must match the rules' metadata: run `npm run docs` when this fails. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generated, REPO_ROOT } from '../src/tools/generated.js';
import { rules } from '../rules/index.js';
import { existsSync } from 'node:fs';

describe('generated files', () => {
  for (const [file, text] of Object.entries(generated())) {
    it(`${file} is up to date (npm run docs)`, () => {
      expect(readFileSync(`${REPO_ROOT}${file}`, 'utf8')).toBe(text);
    });
  }

  it('every rule has its folder with a README, metadata and fixtures', () => {
    for (const r of rules) {
      expect(existsSync(`${REPO_ROOT}rules/${r.meta.id}/README.md`), r.meta.id).toBe(true);
      expect(existsSync(`${REPO_ROOT}rules/${r.meta.id}/meta.ts`), r.meta.id).toBe(true);
    }
    expect(existsSync(`${REPO_ROOT}fixtures/no-broken-links`)).toBe(true);
  });
});
