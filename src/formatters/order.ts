/**
 * The order in which size-limited reports keep problems: in a change-aware run, what the change introduced first
 * (its errors, then its warnings), then what was there before it (errors, then warnings); otherwise errors first.
 * Within each group, as the results give them.
 */
import type { LintMessage, LintResult } from '../types.js';

/** 0 introduced errors (or errors), 1 introduced warnings (or warnings), 2 existing errors, 3 existing warnings. */
export function rank(m: LintMessage): number {
  return (m.introduced === false ? 2 : 0) + (m.severity === 2 ? 0 : 1);
}

/** Every message with its result, in the order of {@link rank}, each group in the order of files and messages. */
export function* errorsFirst(results: readonly LintResult[]): Generator<[LintResult, LintMessage]> {
  for (let group = 0; group < 4; group++) {
    for (const r of results) {
      for (const m of r.messages) if (rank(m) === group) yield [r, m];
    }
  }
}
