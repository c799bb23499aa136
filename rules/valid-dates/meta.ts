import type { RuleMeta } from '../../src/core/rule.js';

export const meta: RuleMeta = {
  id: 'valid-dates',
  description: 'Dates in datelines, text and front matter must be possible, four-digit, consistently padded and agree with weekdays and paths.',
  defaultSeverity: 'warn',
  fixable: 'none',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      weekdayWindowDays: { type: 'integer', minimum: 0, default: 0, description: 'Days a weekday may be off (time zones).' },
      datelines: { type: 'array', items: { type: 'string' }, description: 'Regexes with named groups year, month, day that count as datelines.' },
    },
  },
  messages: {
    impossible: "Date '{text}' does not exist: {reason}",
    twoDigitYear: "Date '{text}' has a two-digit year; expected four digits",
  },
};
