/** The `rules` command's output, generated from metadata (also the rule table of docs/rules.md). */
import type { RuleMeta } from '../core/parse/rule.js';
import { docsUrl } from '../core/parse/rule.js';

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
