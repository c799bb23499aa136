/**
 * The rule set the command line, the Action and the API run: the registry's rules, and the URL of the module
 * that exports them, which the parsing workers import (as ESLint loads plugins by path). The core imports
 * nothing from rules/: its callers pass the rules in.
 */
import { rules } from '../rules/index.js';
import { lint as lintWith, type LintOptions, type LintReport } from './core/run/engine.js';

const here = import.meta.url;

/**
 * The module that exports `rules`: rules/index beside src/ (compiled, or the TypeScript sources under tsx), or,
 * in the esbuild bundles (dist/bundle/, the Action's), their `rules.js` entry beside the code.
 */
export const rulesModule = here.endsWith('/src/rule-set.ts') ? new URL('../rules/index.ts', here).href : here.endsWith('/src/rule-set.js') ? new URL('../rules/index.js', here).href : new URL('./rules.js', here).href;

export { rules };

/** Lint with the registry's rules unless others are given (workers and the cache then serve the registry's only). */
export function lint(options: Omit<LintOptions, 'rules'> & { rules?: LintOptions['rules'] }): Promise<LintReport> {
  return lintWith(options.rules ? { ...options, rules: options.rules } : { ...options, rules, rulesModule });
}
