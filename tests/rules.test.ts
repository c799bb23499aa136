/** Every fixture scenario of every rule: exact files, positions and messages, from `expected.json` beside it. */
import { describe, expect, it } from 'vitest';
import { expectedFor, lintFixture, scenarios } from './helpers/fixtures.js';
import { rules } from '../rules/index.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers/fixtures.js';

for (const rule of rules) {
  const id = rule.meta.id;
  if (!existsSync(join(FIXTURES, id))) continue;
  describe(id, () => {
    for (const scenario of scenarios(id)) {
      it(scenario, async () => {
        const expected = expectedFor(id, scenario);
        expect(expected, `fixtures/${id}/${scenario}/expected.json is missing`).toBeDefined();
        expect(await lintFixture(id, scenario)).toEqual(expected);
      });
    }
  });
}
