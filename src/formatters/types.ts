/** What every formatter takes: the results and a context. The optional fields fit reports to GitHub's limits. */
import type { RuleMeta } from '../core/parse/rule.js';
import type { LintResult } from '../types.js';

export interface FormatContext {
  cwd: string;
  /** Archive root (SARIF's %SRCROOT%). */
  root: string;
  color: boolean;
  rules: readonly RuleMeta[];
  version: string;
  /** Told what a report left out (the CLI writes it to stderr as `archive-lint: warning: ...`). */
  warn?: (message: string) => void;
  /** SARIF: the most results kept, errors first (default 5000, what GitHub code scanning keeps of a run). */
  sarifLimit?: number;
  /** `github`: the most lines it writes, its closing notice included (default 50, GitHub's limit a job; 0 or less: none). */
  annotationsLimit?: number;
  /** Markdown: the most rows of problems (default 50; Infinity: every one, until `summaryLimitBytes`). */
  maxRows?: number;
  /** Markdown: the most bytes (UTF-8) of the summary; rows past it are counted, not shown. GitHub's job summary takes 1 MiB a step. */
  summaryLimitBytes?: number;
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
