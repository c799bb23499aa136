/**
 * Every fixture scenario of every rule: exact files, positions and messages from `expected.json` beside it;
 * where an expected output tree exists (`SCENARIO.fixed/`, `SCENARIO.fixed-unsafe/`), the fixed files byte for
 * byte, nothing fixable left after fixing, and fixing twice giving the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expectedFor, fixedTreeFor, fixFixture, FIXTURES, lintFixture, scenarios } from './helpers/fixtures.js';
import { rules } from '../rules/index.js';

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
      for (const mode of ['safe', 'unsafe'] as const) {
        const tree = fixedTreeFor(id, scenario, mode);
        if (!tree) continue;
        it(`${scenario}: --fix${mode === 'unsafe' ? '-unsafe' : ''}`, async () => {
          const run = await fixFixture(id, scenario, mode);
          const changed = Object.fromEntries(Object.entries(run.after).filter(([path, bytes]) => run.before[path] !== bytes));
          expect(changed).toEqual(tree);
          expect(run.again).toEqual(run.after);
          const fixable = run.remaining.filter((r) => r.fix === 'safe' || (mode === 'unsafe' && r.fix === 'unsafe'));
          expect(fixable).toEqual([]);
        });
      }
    }
  });
}
