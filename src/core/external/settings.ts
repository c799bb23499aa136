/**
 * The config's `external` block, resolved: defaults filled in, durations in milliseconds, patterns compiled.
 * In: the block as written (already checked against the schema); out: settings, or the mistakes the schema
 * cannot see (a pattern that is not a regular expression, or not one RE2 runs in linear time).
 */
import { linearPattern, type LinearPattern } from '../config/linear-pattern.js';

export interface ExternalSettings {
  /** Requests in flight at once, all hosts together. */
  concurrency: number;
  /** Requests in flight at once to one host. */
  perHost: number;
  /** Least time between the starts of two requests to one host (0: none). */
  minIntervalMs: number;
  /** Time allowed to connect, to receive the headers, and between body chunks. */
  timeoutMs: number;
  /** Retries of a request that failed in a way that may pass (timeouts, resets, 429, 5xx). */
  retries: number;
  /** Redirects followed before the URL is reported. */
  maxRedirects: number;
  /** How long a URL found working is trusted without a request. */
  cacheTtlMs: number;
  /** Status codes that count as working (after redirects). */
  accept: (code: number) => boolean;
  /** URLs never requested (RE2 patterns: linear time whatever the config says). */
  exclude: LinearPattern[];
  /** Hosts checked even though they resolve to a private address. */
  allowHosts: string[];
  /** Check private, loopback and link-local addresses too. */
  allowPrivateHosts: boolean;
  /** Hosts whose 403 (and anyone's 999) means "no robots", not "gone": a warning. */
  botWalls: string[];
  /** Web-archive snapshots for dead links (see `wayback.ts`). */
  archive: ArchiveSettings;
}

export interface ArchiveSettings {
  enabled: boolean;
  /** The availability API (`GET endpoint?url=URL&timestamp=YYYYMMDD`). */
  endpoint: string;
  /** The CDX API, asked when the availability API finds nothing or a capture that is not a 200 ('' : never). */
  cdxEndpoint: string;
  /** A snapshot further than this from the article's date is offered in the message, never as a fix. */
  maxDistanceDays: number;
  /** How a fix keeps the original URL in sight: a title, a note after the link, or nothing. */
  keepOriginal: 'title' | 'note' | 'none';
  /** Requests in flight at once to the archive. */
  concurrency: number;
  /** How long a lookup is kept in the URL cache, found or not. */
  cacheTtlMs: number;
}

export const ARCHIVE_DEFAULTS = {
  enabled: false,
  endpoint: 'https://archive.org/wayback/available',
  cdxEndpoint: 'https://web.archive.org/cdx/search/cdx',
  maxDistanceDays: 365,
  keepOriginal: 'title',
  concurrency: 1,
  cacheTtl: '30d',
} as const;

export const DEFAULT_BOT_WALLS = ['linkedin.com', 'facebook.com', 'instagram.com', 'twitter.com', 'x.com', 'quora.com', 'tiktok.com'];

export const EXTERNAL_DEFAULTS = {
  concurrency: 32,
  perHost: 4,
  minIntervalMs: 0,
  timeoutMs: 10000,
  retries: 2,
  maxRedirects: 10,
  cacheTtl: '1d',
  accept: ['200-299'],
} as const;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000 };

/** `90s`, `15m`, `12h`, `1d`, `2w` in milliseconds. */
export function durationMs(text: string): number {
  const m = /^(\d+)([smhdw])$/.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number);
}

/** `[200, "300-399"]` as a test of a status code. */
function acceptOf(list: readonly (number | string)[]): (code: number) => boolean {
  const ranges = list.map((item) => {
    const [lo, hi = lo] = String(item).split('-').map(Number) as [number, number?];
    return [lo, hi] as const;
  });
  return (code) => ranges.some(([lo, hi]) => code >= lo && code <= hi);
}

export function resolveExternal(raw: Record<string, unknown> | undefined): { settings: ExternalSettings; errors: string[] } {
  const block = raw ?? {};
  const errors: string[] = [];
  const get = <T>(key: string, fallback: T): T => (block[key] === undefined ? fallback : (block[key] as T));
  const exclude: LinearPattern[] = [];
  get<string[]>('exclude', []).forEach((pattern, k) => {
    try {
      exclude.push(linearPattern(pattern));
    } catch (e) {
      const shown = pattern.length > 60 ? `${JSON.stringify(pattern.slice(0, 60))}…` : JSON.stringify(pattern);
      errors.push(`'external.exclude[${k}]': expected a regular expression, got ${shown} (${(e as Error).message})`);
    }
  });
  const settings: ExternalSettings = {
    concurrency: get('concurrency', EXTERNAL_DEFAULTS.concurrency),
    perHost: get('perHost', EXTERNAL_DEFAULTS.perHost),
    minIntervalMs: get('minIntervalMs', EXTERNAL_DEFAULTS.minIntervalMs),
    timeoutMs: get('timeoutMs', EXTERNAL_DEFAULTS.timeoutMs),
    retries: get('retries', EXTERNAL_DEFAULTS.retries),
    maxRedirects: get('maxRedirects', EXTERNAL_DEFAULTS.maxRedirects),
    cacheTtlMs: durationMs(get<string>('cacheTtl', EXTERNAL_DEFAULTS.cacheTtl)),
    accept: acceptOf(get<(number | string)[]>('accept', [...EXTERNAL_DEFAULTS.accept])),
    exclude,
    allowHosts: get<string[]>('allowHosts', []),
    allowPrivateHosts: get('allowPrivateHosts', false),
    botWalls: get<string[]>('botWalls', DEFAULT_BOT_WALLS),
    archive: resolveArchive((block.archive ?? {}) as Record<string, unknown>),
  };
  return { settings, errors };
}

function resolveArchive(a: Record<string, unknown>): ArchiveSettings {
  const get = <T>(key: string, fallback: T): T => (a[key] === undefined ? fallback : (a[key] as T));
  return {
    enabled: get('enabled', ARCHIVE_DEFAULTS.enabled),
    endpoint: get('endpoint', ARCHIVE_DEFAULTS.endpoint),
    cdxEndpoint: get('cdxEndpoint', ARCHIVE_DEFAULTS.cdxEndpoint),
    maxDistanceDays: get('maxDistanceDays', ARCHIVE_DEFAULTS.maxDistanceDays),
    keepOriginal: get<ArchiveSettings['keepOriginal']>('keepOriginal', ARCHIVE_DEFAULTS.keepOriginal),
    concurrency: get('concurrency', ARCHIVE_DEFAULTS.concurrency),
    cacheTtlMs: durationMs(get<string>('cacheTtl', ARCHIVE_DEFAULTS.cacheTtl)),
  };
}

const ARCHIVE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Web-archive snapshots for dead links (no-dead-urls): the snapshot closest to the article\'s date, offered as an unsafe fix.',
  properties: {
    enabled: { type: 'boolean', default: ARCHIVE_DEFAULTS.enabled, description: 'Look up the web-archive snapshot of each dead link (404, 410, a host that no longer resolves), and check links into the web archive as snapshots.' },
    endpoint: { type: 'string', pattern: '^https?://', default: ARCHIVE_DEFAULTS.endpoint, description: 'The Wayback Machine availability API.' },
    cdxEndpoint: { type: 'string', pattern: '^(https?://.*)?$', default: ARCHIVE_DEFAULTS.cdxEndpoint, description: 'The CDX API, asked when the availability API finds no snapshot or one that is not a 200 capture ("" : never).' },
    maxDistanceDays: { type: 'integer', minimum: 0, default: ARCHIVE_DEFAULTS.maxDistanceDays, description: "A snapshot further than this from the article's date is named in the message but never written as a fix." },
    keepOriginal: { enum: ['title', 'note', 'none'], default: ARCHIVE_DEFAULTS.keepOriginal, description: 'How a fix keeps the original URL in sight: a link title (`[t](snapshot "Original: URL")`), a note after the link, or nothing (the snapshot URL holds it anyway).' },
    concurrency: { type: 'integer', minimum: 1, default: ARCHIVE_DEFAULTS.concurrency, description: 'Requests to the archive at once.' },
    cacheTtl: { type: 'string', pattern: '^\\d+[smhdw]$', default: ARCHIVE_DEFAULTS.cacheTtl, description: 'How long a lookup is kept in the URL cache, found or not.' },
  },
} as const;

/** The JSON Schema of the `external` block (part of the config's schema). */
export const EXTERNAL_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'External URL checks (`--external`, on by default for `audit`).',
  properties: {
    concurrency: { type: 'integer', minimum: 1, default: EXTERNAL_DEFAULTS.concurrency, description: 'Requests in flight at once, all hosts together.' },
    perHost: { type: 'integer', minimum: 1, default: EXTERNAL_DEFAULTS.perHost, description: 'Requests in flight at once to one host.' },
    minIntervalMs: { type: 'integer', minimum: 0, default: EXTERNAL_DEFAULTS.minIntervalMs, description: 'Least time between the starts of two requests to one host, in milliseconds.' },
    timeoutMs: { type: 'integer', minimum: 1, default: EXTERNAL_DEFAULTS.timeoutMs, description: 'Time allowed to connect, to receive the headers and between body chunks, in milliseconds.' },
    retries: { type: 'integer', minimum: 0, default: EXTERNAL_DEFAULTS.retries, description: 'Retries after a timeout, a reset, 429 or 5xx, with exponential backoff and jitter (429 and 503 wait as Retry-After says, at most a minute).' },
    maxRedirects: { type: 'integer', minimum: 0, default: EXTERNAL_DEFAULTS.maxRedirects, description: 'Redirects followed before the URL is reported.' },
    cacheTtl: { type: 'string', pattern: '^\\d+[smhdw]$', default: EXTERNAL_DEFAULTS.cacheTtl, description: 'How long a URL found working is trusted without a request (failures are never cached).' },
    accept: {
      type: 'array',
      items: { oneOf: [{ type: 'integer', minimum: 100, maximum: 999 }, { type: 'string', pattern: '^\\d{3}(-\\d{3})?$' }] },
      default: EXTERNAL_DEFAULTS.accept,
      description: 'Status codes that count as working: codes and ranges such as "200-299".',
    },
    exclude: { type: 'array', items: { type: 'string' }, description: 'Regular expressions of URLs never requested.' },
    allowHosts: { type: 'array', items: { type: 'string' }, description: 'Hosts checked even though they resolve to a private, loopback or link-local address (`*.example.org` for subdomains too).' },
    allowPrivateHosts: { type: 'boolean', default: false, description: 'Check URLs whose host resolves to a private, loopback, link-local or cloud-metadata address.' },
    botWalls: { type: 'array', items: { type: 'string' }, default: DEFAULT_BOT_WALLS, description: 'Hosts whose 403 answers robots rather than says a page is gone: reported as warnings.' },
    archive: ARCHIVE_SCHEMA,
  },
} as const;
