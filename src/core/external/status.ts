/** The statuses a URL's check ends with, in the order summaries list them (apart from the checker: no I/O). */
export type UrlStatus = 'ok' | 'redirected' | 'broken' | 'timeout' | 'unreachable' | 'rate-limited' | 'blocked' | 'bot-wall' | 'excluded' | 'cached' | 'unchecked';

export const URL_STATUSES: readonly UrlStatus[] = ['ok', 'redirected', 'broken', 'timeout', 'unreachable', 'rate-limited', 'blocked', 'bot-wall', 'excluded', 'cached', 'unchecked'];
