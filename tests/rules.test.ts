/**
 * Every fixture scenario of every rule: exact files, positions and messages from `expected.json` beside it;
 * where an expected output tree exists (`SCENARIO.fixed/`, `SCENARIO.fixed-unsafe/`), the fixed files byte for
 * byte, nothing fixable left after fixing, and fixing twice giving the same bytes. Every rule has fixtures, and a
 * rule that checks external URLs has a scenario that runs those checks against a server (`server.json`).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expectedFor, fixedTreeFor, fixFixture, FIXTURES, isServed, lintFixture, scenarios } from './helpers/fixtures.js';
import { rules } from '../rules/index.js';

for (const rule of rules) {
  const id = rule.meta.id;
  const found = existsSync(join(FIXTURES, id)) ? scenarios(id) : [];
  describe(id, () => {
    it('has fixtures', () => {
      expect(found, `fixtures/${id}/ has no scenario: every rule is tested on fixtures of its own`).not.toEqual([]);
      if (rule.meta.external) {
        expect(found.filter((s) => isServed(id, s)), `fixtures/${id}/ has no scenario with a server.json: its URL checks are never run`).not.toEqual([]);
      }
    });
    for (const scenario of found) {
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
