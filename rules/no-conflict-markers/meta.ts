import type { RuleMeta } from '../../src/core/parse/rule.js';

export const meta: RuleMeta = {
  id: 'no-conflict-markers',
  description: "Merge conflict markers ('<<<<<<<', '=======', '>>>>>>>') must not be left in a page.",
  defaultSeverity: 'error',
  fixable: 'none',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {
    conflict: "Merge conflict left in the page: '{ours}' (line {start}), '=======' (line {middle}) and '{theirs}' (line {end}); keep one side and remove the markers",
  },
  kindNames: {
    conflict: 'merge conflict',
  },
  // The markers show as text on every site (broken markup a reader sees).
  severities: {
    conflict: 'error',
  },
};
