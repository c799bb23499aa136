import type { RuleMeta } from '../../src/core/rule.js';

export const meta: RuleMeta = {
  id: 'no-dead-urls',
  description: 'External http(s) URLs must answer (only with external checks on): 4xx/5xx, unreachable, timeouts; redirects, rate limits and refused hosts are warnings; dead links can be pointed at their web-archive snapshot.',
  defaultSeverity: 'error',
  fixable: 'unsafe',
  external: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      datelines: { type: 'array', items: { type: 'string' }, description: "Regexes with named groups year, month, day that count as datelines, for the article's date of web-archive lookups (default: valid-dates' default)." },
      pathDates: { type: 'array', items: { type: 'string' }, description: "Regexes with named groups year (or yy), month, day for dates in original URLs and paths, for the article's date of web-archive lookups (default: valid-dates' default)." },
    },
  },
  messages: {
    broken: 'URL {url} answered {answer}{via}',
    redirectLoop: 'URL {url} redirects in a loop: {loop}',
    tooManyRedirects: 'URL {url} {reason}: it still redirects at {final}',
    timeout: 'URL {url} timed out: {reason}{tries}',
    unreachable: 'URL {url} is unreachable: {reason}{tries}',
    redirected: 'URL {url} redirects to {final}{hops}; expected the final URL',
    rateLimited: 'URL {url} is rate-limited by {host}: it still answered {answer} after {retries}, so it was not checked',
    blocked: 'URL {url} was not requested: {host} resolves to {address}, a {kind} address (list the host in external.allowHosts to check it)',
    botWall: 'URL {url} answered {answer}, as {host} answers robots; expected a check in a browser',
    deadArchived: "URL {url} is dead ({why}); the web archive's snapshot of {snapshotDate} is {distance} the article's date {date} (from {source}): {snapshot}",
    deadArchivedFar: "URL {url} is dead ({why}); the web archive's closest snapshot, of {snapshotDate}, is {distance} the article's date {date} (from {source}), over external.archive.maxDistanceDays ({max}), so it is not offered as a fix: {snapshot}",
    deadArchivedNoFix: "URL {url} is dead ({why}); the web archive's snapshot of {snapshotDate} is {distance} the article's date {date} (from {source}): {snapshot} (not offered as a fix: the URL is not written as is)",
    deadNotArchived: "URL {url} is dead ({why}); the web archive has no snapshot of it (asked for the article's date {date}, from {source})",
    deadLookupFailed: "URL {url} is dead ({why}); its web-archive snapshot is unknown: {reason}",
    deadUndated: "URL {url} is dead ({why}); the web archive was not asked: the article has no date (no dateline, no date in its original URL, path or front matter, and no commit added it)",
    snapshotMissing: 'Web-archive link {url}: the web archive has no snapshot of {original}',
    snapshotFar: 'Web-archive link {url}: the closest snapshot of {original} is of {snapshotDate}, {days} from {linkDate}, over external.archive.maxDistanceDays ({max})',
    snapshotUnchecked: 'Web-archive link {url} was not checked: {reason}',
  },
};
