/** The public API: the engine, the config loader, the formatters and every rule as a unified plugin. */
export { type LintOptions, type LintReport, type RunProblem } from './core/run/engine.js';
export { lint } from './rule-set.js';
export { loadConfig, resolveConfig, validateConfig, ConfigError, type ResolvedConfig, type UserConfig } from './core/config/config.js';
export { configSchema } from './core/config/schema.js';
export { processFile, processText } from './core/parse/process-file.js';
export { formatters, type Formatter, type FormatContext } from './formatters/index.js';
export { main, type MainIO } from './cli/main.js';
export { rules, ruleById, ruleIds } from '../rules/index.js';
export { plugin as noBrokenLinks } from '../rules/no-broken-links/index.js';
export { plugin as noMissingImages } from '../rules/no-missing-images/index.js';
export { plugin as validDates } from '../rules/valid-dates/index.js';
export { plugin as noRawHtml } from '../rules/no-raw-html/index.js';
export { plugin as noDeadUrls } from '../rules/no-dead-urls/index.js';
export type * from './types.js';
export type { RuleMeta, RuleModule } from './core/parse/rule.js';
