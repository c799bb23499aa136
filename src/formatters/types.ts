import type { RuleMeta } from '../core/rule.js';
import type { LintResult } from '../types.js';

export interface FormatContext {
  cwd: string;
  /** Archive root (SARIF's %SRCROOT%). */
  root: string;
  color: boolean;
  rules: readonly RuleMeta[];
  version: string;
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
