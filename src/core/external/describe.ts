/**
 * A URL's check in words, for the rules' messages. In: a `UrlCheck`; out: what there is to say about it (a kind)
 * and the values messages are filled with. Pure.
 */
import type { UrlCheck } from './checker.js';

export type Finding = 'redirected' | 'broken' | 'redirect-loop' | 'too-many-redirects' | 'timeout' | 'unreachable' | 'rate-limited' | 'blocked' | 'bot-wall';

/** What a check says is wrong or worth a look, or undefined (working, excluded, unchecked). */
export function findingOf(check: UrlCheck): Finding | undefined {
  switch (check.status) {
    case 'cached':
      return check.cached?.status === 'redirected' ? 'redirected' : undefined;
    case 'broken':
      if (check.loop) return 'redirect-loop';
      if (check.reason?.startsWith('more than')) return 'too-many-redirects';
      return 'broken';
    case 'redirected':
    case 'timeout':
    case 'unreachable':
    case 'rate-limited':
    case 'blocked':
    case 'bot-wall':
      return check.status;
    default:
      return undefined;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The values of a check that messages use. */
export type CheckData = Record<'answer' | 'final' | 'via' | 'hops' | 'loop' | 'reason' | 'tries' | 'retries' | 'host' | 'address' | 'kind', string>;

export function checkData(check: UrlCheck): CheckData {
  const answer = check.code === undefined ? '' : `${check.code}${check.text ? ` ${check.text}` : ''}`;
  const hops = check.hops ?? 0;
  return {
    answer,
    final: check.finalUrl ?? check.url,
    // ` after redirects to X`, when the answer came from elsewhere than the URL written.
    via: hops && check.finalUrl ? ` after ${hops === 1 ? 'a redirect' : plural(hops, 'redirect')} to ${check.finalUrl}` : '',
    hops: hops > 1 ? ` (${plural(hops, 'redirect')})` : '',
    loop: (check.loop ?? []).join(' → '),
    reason: `${check.reason ?? answer}${check.reason && check.code !== undefined && check.status === 'broken' ? ` (${answer})` : ''}`,
    tries: check.requests > 1 && check.retries > 0 ? `, ${plural(check.retries + 1, 'try')}`.replace('trys', 'tries') : '',
    retries: plural(check.retries, 'retry').replace('retrys', 'retries'),
    host: check.host ?? '',
    address: check.address ?? '',
    kind: check.addressKind ?? '',
  };
}
