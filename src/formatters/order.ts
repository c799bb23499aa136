/** The order in which size-limited reports keep problems: errors first, otherwise as the results give them. */
import type { LintMessage, LintResult } from '../types.js';

/** Every message with its result: the errors, then the rest, each in the order of files and messages. */
export function* errorsFirst(results: readonly LintResult[]): Generator<[LintResult, LintMessage]> {
  for (const errors of [true, false]) {
    for (const r of results) {
      for (const m of r.messages) if ((m.severity === 2) === errors) yield [r, m];
    }
  }
}
