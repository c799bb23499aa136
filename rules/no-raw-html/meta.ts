import type { RuleMeta } from '../../src/core/parse/rule.js';

/** The kinds of raw HTML the rule tells apart; each can have its own severity. */
export const KINDS = ['unknown', 'unsafe', 'markdownForm', 'wrapper', 'unbalanced', 'entity', 'escaped'] as const;
export type Kind = (typeof KINDS)[number];

const severity = { enum: ['off', 'warn', 'error'] };

export const meta: RuleMeta = {
  id: 'no-raw-html',
  description: 'Raw HTML left from conversion: unknown and unsafe elements, tags with a Markdown form, wrappers, unbalanced tags, entities, escaped markup shown as text.',
  defaultSeverity: 'warn',
  fixable: 'safe+unsafe',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allow: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]*$' }, uniqueItems: true, description: 'Tags that may stay, e.g. details, summary, sup, sub, kbd.' },
      oncePerFile: { type: 'boolean', default: false, description: 'Report each kind once per file, with the number of occurrences.' },
      unknownWithHref: {
        enum: ['unwrap', 'link'],
        description: "The unsafe fix of an element with an href that is not a link (`<ok href>`, `<span href>`), which readers see as plain text: `unwrap` keeps its text and drops the href; `link` makes a link of it. Default: a link to the URL when it is known (absolute, or a path of the page's original site), else `unwrap`.",
      },
      minEscapedTags: { type: 'integer', minimum: 1, default: 3, description: 'How many escaped tags (`&lt;p&gt;`) close together make a run of escaped markup worth reporting.' },
      kinds: {
        type: 'object',
        additionalProperties: false,
        description: 'Severity per kind (default: the rule severity).',
        properties: Object.fromEntries(KINDS.map((k) => [k, severity])),
      },
    },
  },
  messages: {
    unknown: "Unknown element '<{tag}>' left from conversion",
    unknownUnclosed: "Unknown element '<{tag}>' is never closed: readers do not see it; if it is text, escape it ('\\<{tag}>')",
    unsafe: "Unsafe element '<{tag}>'",
    unsafeAttribute: "Unsafe attribute '{attribute}' on '<{tag}>'",
    unsafeUrl: "Unsafe 'javascript:' URL in '{attribute}' of '<{tag}>'",
    markdownForm: "'<{tag}>' has a Markdown form: {form}",
    wrapper: "Wrapper '<{tag}>' has no meaning in Markdown",
    unclosed: "Element '<{tag}>' is never closed",
    closedEarly: "Element '<{tag}>' is not closed before '</{closer}>' at {where}",
    strayClose: "Closing tag '</{tag}>' has no open '<{tag}>'",
    entity: "Leftover entity '{entity}'; expected {expected}",
    disabledLink: "'<{tag} href>' is a link the conversion disabled: readers see its text, not a link{where}",
    escapedMarkup: "Escaped markup shown as text ({where}): {tags}, the first '{example}'; expected the HTML converted, not escaped",
  },
  kindNames: {
    unknown: 'unknown element',
    unknownUnclosed: 'unknown element never closed',
    unsafe: 'unsafe element',
    unsafeAttribute: 'unsafe attribute',
    unsafeUrl: "'javascript:' URL",
    markdownForm: 'tag with a Markdown form',
    wrapper: 'wrapper element',
    unclosed: 'unclosed element',
    closedEarly: 'element closed too late',
    strayClose: 'stray closing tag',
    entity: 'leftover entity',
    escapedMarkup: 'escaped markup',
    disabledLink: 'link the conversion disabled',
  },
  // Leftovers that render fine are warnings; markup a reader sees as text, or text a reader loses, is an error.
  severities: {
    unknown: 'warn',
    unknownUnclosed: 'warn',
    unsafe: 'warn',
    unsafeAttribute: 'warn',
    unsafeUrl: 'warn',
    markdownForm: 'warn',
    wrapper: 'warn',
    unclosed: 'warn',
    closedEarly: 'warn',
    strayClose: 'warn',
    entity: 'warn',
    escapedMarkup: 'warn',
    disabledLink: 'warn',
  },
};
