/** The contract's JSON: ESLint-compatible, one object per linted file. */
import type { Formatter } from './types.js';
import type { LintResult } from '../types.js';

export const json: Formatter = (results) => JSON.stringify(results);

/** The same JSON in pieces, one file at a time, so that a big report need not be one string in memory. */
export function* jsonChunks(results: readonly LintResult[]): Generator<string> {
  yield '[';
  for (let i = 0; i < results.length; i++) yield (i ? ',' : '') + JSON.stringify(results[i]);
  yield ']';
}
