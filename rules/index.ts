/** Every rule, in the order of the contract. */
import type { RuleModule } from '../src/core/parse/rule.js';
import * as noBrokenLinks from './no-broken-links/index.js';
import * as noMissingImages from './no-missing-images/index.js';
import * as validDates from './valid-dates/index.js';
import * as noRawHtml from './no-raw-html/index.js';
import * as noDeadUrls from './no-dead-urls/index.js';
import * as noConflictMarkers from './no-conflict-markers/index.js';

export const rules: readonly RuleModule[] = [
  noBrokenLinks as RuleModule,
  noMissingImages as RuleModule,
  validDates as RuleModule,
  noRawHtml as RuleModule,
  noDeadUrls as RuleModule,
  noConflictMarkers as RuleModule,
];

export const ruleById: ReadonlyMap<string, RuleModule> = new Map(rules.map((r) => [r.meta.id, r]));

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);
