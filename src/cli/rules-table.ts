/** The `rules` command's output, generated from metadata (also the rule table of docs/rules.md). */
import type { RuleMeta, SeverityLevel } from '../core/parse/rule.js';
import { docsUrl, severityFor } from '../core/parse/rule.js';

/** The default severity, and the audit's when it differs: `off (audit: warn)`. */
function severityText(r: RuleMeta): string {
  return r.auditSeverity && r.auditSeverity !== r.defaultSeverity ? `${r.defaultSeverity} (audit: ${r.auditSeverity})` : r.defaultSeverity;
}

/** The rule table; each rule linked to its documentation, at `linkBase` + `ID/README.md` (default: the rule's docs URL). */
export function rulesMarkdown(rules: readonly RuleMeta[], linkBase?: string): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](${linkBase === undefined ? docsUrl(r.id) : `${linkBase}${r.id}/README.md`}) | ${severityText(r)} | ${r.fixable === 'none' ? 'no' : r.fixable} | ${r.description} |`);
  return ['| rule | default | fixable | checks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function rulesText(rules: readonly RuleMeta[]): string {
  const w = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `${r.id.padEnd(w)}  ${severityText(r).padEnd(5)}  ${(r.fixable === 'none' ? '-' : r.fixable).padEnd(11)}  ${r.description}`).join('\n');
}

export function rulesJson(rules: readonly RuleMeta[]): string {
  return JSON.stringify(rules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, ...(r.auditSeverity ? { auditSeverity: r.auditSeverity } : {}), fixable: r.fixable, description: r.description, docs: docsUrl(r.id), external: r.external ?? false })), null, 2);
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

/** The publishing profiles, in the order the docs give them. */
export const SITES = ['github', 'mdbook', 'mkdocs', 'jekyll'] as const;

/** A message's severity under a profile, at the rule's default severity. */
export type SeverityOf = (meta: RuleMeta, messageId: string, site: (typeof SITES)[number]) => string;

/**
 * One rule's documentation, for `archive-lint rules ID`: its page as shipped in the package (what it checks,
 * examples, options, fixes), then, from its metadata, each message id with its severity under each publishing
 * profile, and how to silence it. Markdown, readable as it is in a terminal. `page`: the page's text, when found.
 */
export function ruleDoc(meta: RuleMeta, page: string | undefined, severity: SeverityOf, note?: string): string {
  const out: string[] = [];
  if (page !== undefined) out.push(page.trimEnd());
  else out.push(`# ${meta.id}`, '', meta.description, '', `(The rule's page is not installed beside this copy of archive-lint: ${docsUrl(meta.id)})`);
  out.push('', '## Messages and their severity per publishing profile', '');
  if (note) out.push(note, '');
  out.push(`| message id | ${SITES.join(' | ')} | message |`, `| --- | ${SITES.map(() => '---').join(' | ')} | --- |`);
  for (const [id, template] of Object.entries(meta.messages)) {
    out.push(`| \`${id}\` | ${SITES.map((s) => severity(meta, id, s)).join(' | ')} | ${template.replace(/\|/g, '\\|')} |`);
  }
  const id = meta.id;
  out.push(
    '',
    '## Silencing it',
    '',
    `- a line or a node, in the page: \`<!-- lint ignore ${id} -->\` on the line before it; a stretch: \`<!-- lint disable ${id} -->\` … \`<!-- lint enable ${id} -->\``,
    `- everywhere, in archive-lint.config.json: \`"rules": { "${id}": "off" }\` (or \`"warn"\`); once, on the command line: \`--rule ${id}=off\``,
    `- in a folder: \`"overrides": [{ "files": ["FOLDER/**"], "rules": { "${id}": "off" } }]\``,
    '- what is there today: a baseline (`--baseline FILE --update-baseline`), then only new problems are reported',
    '',
    `Default severity: ${meta.defaultSeverity}. Fixable: ${meta.fixable === 'none' ? 'no' : meta.fixable}.${meta.external ? ' Runs only with external checks on (--external, or audit).' : ''} Online: ${docsUrl(id)}`,
    '',
  );
  return out.join('\n');
}
