import type { RuleMeta } from '../../src/core/rule.js';

export const meta: RuleMeta = {
  id: 'no-dead-urls',
  description: 'External http(s) URLs must answer (only with external checks on): 4xx/5xx, unreachable, timeouts; redirects, rate limits and refused hosts are warnings.',
  defaultSeverity: 'error',
  fixable: 'none',
  external: true,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {},
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
  },
  kindNames: {
    broken: 'broken URL',
    redirectLoop: 'redirect loop',
    tooManyRedirects: 'too many redirects',
    timeout: 'timed out',
    unreachable: 'unreachable',
    redirected: 'redirected',
    rateLimited: 'rate-limited',
    blocked: 'private address',
    botWall: 'answers robots',
  },
};
