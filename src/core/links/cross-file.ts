/**
 * The cross-file checks: each rule's `crossFile` on a file's facts, against the archive index. In: a file's
 * outcome and the cross-file context; out: its cross-file problems, suppressions applied, with their severities.
 * Run a file at a time, as its result is built (and on each fix pass).
 */
import { isSuppressed } from '../parse/suppress.js';
import type { ResolvedConfig } from '../config/config.js';
import { effectiveSeverity, type CrossFileContext, type RuleModule } from '../parse/rule.js';
import type { FileOutcome, RawProblem } from '../../types.js';

export interface CrossFileChecks {
  config: ResolvedConfig;
  rules: readonly RuleModule[];
  ctx: CrossFileContext;
}

/** What a file's cross-file checks did not report: suppressed by inline comments, or not checkable under the profile. */
export interface CrossTally {
  suppressed: number;
  notChecked: number;
  /** The suppressed problems themselves, when asked for. */
  problems?: RawProblem[];
}

/** The cross-file problems of one processed file, suppressions applied, with their severities. */
export function crossProblems(checks: CrossFileChecks, o: FileOutcome, tally?: CrossTally): { problem: RawProblem; severity: 1 | 2 }[] {
  const out: { problem: RawProblem; severity: 1 | 2 }[] = [];
  const ruleConfigs = checks.config.rulesFor(o.path);
  for (const rule of checks.rules) {
    const rc = ruleConfigs[rule.meta.id];
    if (!rule.crossFile || !rc || rc.severity === 0) continue;
    for (const p of rule.crossFile(o.facts, checks.ctx, rc.options)) {
      if (isSuppressed(p, o.suppressions)) {
        if (tally) {
          tally.suppressed++;
          tally.problems?.push(p);
        }
        continue;
      }
      const severity = effectiveSeverity(rule.meta, p, checks.ctx.site, rc.severity);
      if (severity === 'not-checked') {
        if (tally) tally.notChecked++;
      } else if (severity > 0) out.push({ problem: p, severity: severity as 1 | 2 });
    }
  }
  return out;
}
