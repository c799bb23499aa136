/**
 * valid-dates' padding fixes change what a reader sees (`2018年6月12日` is the article's own spelling), so they
 * are unsafe: `--fix` leaves every padding scenario byte for byte as it was, while `--fix-unsafe` applies them
 * (checked against the `.fixed-unsafe` trees by tests/rules.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { fixFixture } from './helpers/fixtures.js';

describe('valid-dates padding fixes', () => {
  for (const scenario of ['padding', 'padding-across-dates', 'crlf-bom']) {
    it(`${scenario}: --fix changes nothing, and every finding keeps its suggestion`, async () => {
      const run = await fixFixture('valid-dates', scenario, 'safe');
      expect(run.after).toEqual(run.before);
      expect(run.remaining.length).toBeGreaterThan(0);
      expect(run.remaining.map((r) => r.fix)).toEqual(run.remaining.map(() => 'unsafe'));
    });
  }
});
