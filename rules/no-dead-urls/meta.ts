import type { RuleMeta } from '../../src/core/rule.js';

export const meta: RuleMeta = {
  id: 'no-dead-urls',
  description: 'External http(s) URLs must answer (only with external checks on): unreachable, 4xx/5xx, redirect chains.',
  defaultSeverity: 'warn',
  fixable: 'none',
  external: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {},
  },
  messages: {
    dead: "URL '{url}' answered {status}",
  },
};
