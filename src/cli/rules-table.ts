/** The `rules` command's output, generated from metadata (also the rule table of docs/rules.md). */
import type { RuleMeta, SeverityLevel } from '../core/parse/rule.js';
import { docsUrl, severityFor } from '../core/parse/rule.js';
import { SITES } from '../core/config/site.js';

/** The rule table; each rule linked to its documentation, at `linkBase` + `ID/README.md` (default: the rule's docs URL). */
export function rulesMarkdown(rules: readonly RuleMeta[], linkBase?: string): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](${linkBase === undefined ? docsUrl(r.id) : `${linkBase}${r.id}/README.md`}) | ${r.defaultSeverity} | ${r.fixable === 'none' ? 'no' : r.fixable} | ${r.description} |`);
  return ['| rule | default | fixable | checks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function rulesText(rules: readonly RuleMeta[]): string {
  const w = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(5)}  ${(r.fixable === 'none' ? '-' : r.fixable).padEnd(11)}  ${r.description}`).join('\n');
}

export function rulesJson(rules: readonly RuleMeta[]): string {
  return JSON.stringify(rules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, fixable: r.fixable, description: r.description, docs: docsUrl(r.id), external: r.external ?? false })), null, 2);
}

const LEVEL_WORDS: Record<SeverityLevel, string> = { error: 'error', warn: 'warning', 'not-checked': 'not checked' };

/**
 * Each rule's message ids with their severity under each publishing profile (from `severityFor`, as the engine
 * reads them), one table a rule: what a reader of the site as that profile publishes it gets.
 */
export function severitiesMarkdown(rules: readonly RuleMeta[]): string {
  return rules
    .map((r) => {
      const rows = Object.keys(r.messages).map((id) => `| \`${id}\` | ${r.kindNames?.[id] ?? ''} | ${SITES.map((site) => LEVEL_WORDS[severityFor(r, id, site)]).join(' | ')} |`);
      return [`#### \`${r.id}\`: severity of each message id by profile`, '', `| message id | finding | ${SITES.join(' | ')} |`, `| --- | --- | ${SITES.map(() => '---').join(' | ')} |`, ...rows].join('\n');
    })
    .join('\n\n');
}
