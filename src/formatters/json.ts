/** The contract's JSON: ESLint-compatible, one object per linted file. */
import type { Formatter } from './types.js';
import type { LintResult } from '../types.js';
import { packedJson } from '../core/cache/packed.js';

export const json: Formatter = (results) => JSON.stringify(results);

/** The same JSON in pieces, one file at a time, so that a big report need not be one string in memory. */
export function* jsonChunks(results: Iterable<LintResult>): Generator<string | Buffer> {
  yield '[';
  let first = true;
  for (const r of results) {
    if (!first) yield ',';
    // A result whose per-file messages are still packed as JSON is written from that JSON.
    yield packedJson(r) ?? JSON.stringify(r);
    first = false;
  }
  yield ']';
}
