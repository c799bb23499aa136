import type { RuleMeta } from '../../src/core/rule.js';

export const meta: RuleMeta = {
  id: 'no-raw-html',
  description: 'Raw HTML left from conversion: unknown and unsafe elements, tags with a Markdown form, wrappers, unbalanced tags, entities.',
  defaultSeverity: 'warn',
  fixable: 'none',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allow: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Tags that may stay, e.g. details, summary.' },
      oncePerFile: { type: 'boolean', default: false, description: 'Report each kind once per file.' },
    },
  },
  messages: {
    unknown: "Unknown element '<{tag}>'",
  },
};
