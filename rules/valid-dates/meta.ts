import { perSite, type RuleMeta } from '../../src/core/parse/rule.js';

import { DEFAULT_DATELINES, DEFAULT_PATH_DATES } from '../../src/core/parse/article-date.js';

export { DEFAULT_DATELINES, DEFAULT_PATH_DATES };

export const meta: RuleMeta = {
  id: 'valid-dates',
  description: 'Dates in datelines, text and front matter must be possible, four-digit, padded alike within a date and agree with weekdays and paths.',
  defaultSeverity: 'warn',
  fixable: 'unsafe',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      weekdayWindowDays: { type: 'integer', minimum: 0, default: 0, description: 'Days a weekday may be off (time zones).' },
      datelineWindowDays: { type: 'integer', minimum: 0, default: 1, description: "Days a dateline may differ from the date in the path or original URL (default 1: sites date their URLs in their own time zone, datelines are often in Beijing time)." },
      datelines: { type: 'array', items: { type: 'string' }, description: 'Regexes with named groups year, month, day that count as datelines.' },
      pathDates: { type: 'array', items: { type: 'string' }, description: 'Regexes with named groups year (or yy), month, day for dates in paths and original URLs.' },
      checkPadding: { type: 'boolean', default: true, description: 'Report zero-padding mixed inside one date (2018年09月6日).' },
      paddingAcrossDates: {
        type: 'boolean',
        default: false,
        description: 'Also report dates padded unlike most dates of their kind in the file (datelines excepted: quoted ones keep their outlet’s style; nothing when both styles are as many).',
      },
    },
  },
  messages: {
    impossible: "Date '{text}' does not exist: {reason}",
    twoDigitYear: "Date '{text}' has a two-digit year; expected four digits",
    paddingMixedInDate: "Date '{text}' zero-pads {padded} but not {unpadded}",
    padding: "Date '{text}' is {style}, unlike {count} other {kind} in this file (first at {where})",
    weekday: "Weekday '{weekday}' disagrees with the date: {iso} is a {actual} (year {year} from the {yearSource})",
    dateline: 'Dateline date {dateline} disagrees with the date {other} in the {where}',
    frontMatter: "Front matter date '{text}' is not a valid date: {reason}",
  },
  kindNames: {
    impossible: 'impossible date',
    twoDigitYear: 'two-digit year',
    paddingMixedInDate: 'zero-padding mixed in a date',
    padding: 'zero-padding unlike the others',
    weekday: 'wrong weekday',
    dateline: 'dateline disagrees',
    frontMatter: 'invalid front-matter date',
  },
  // A wrong date misleads but breaks nothing a reader follows.
  severities: {
    impossible: 'warn',
    twoDigitYear: 'warn',
    paddingMixedInDate: 'warn',
    padding: 'warn',
    weekday: 'warn',
    dateline: 'warn',
    frontMatter: perSite('warn', 'warn', 'warn', 'error'),
  },
};
