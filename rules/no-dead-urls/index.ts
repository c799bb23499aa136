/**
 * no-dead-urls: external http(s) URLs of links must answer. It reports what the external checks found (they run
 * after the cross-file checks, only with `--external` or under `audit`): broken, unreachable and timed-out URLs
 * as errors; redirects, rate limits, bot walls and hosts refused as private as warnings. Under plain remark-cli,
 * where nothing is requested, it reports nothing.
 *
 * With `external.archive` on, a dead URL (404, 410, a host that no longer resolves) gets the web-archive snapshot
 * closest to the article's date, as an unsafe fix when it is within `maxDistanceDays` of it, and a link into the
 * web archive is checked as a snapshot. The per-file step records the article's date (`facts.articleDate`) for
 * files with external links.
 */
import { meta } from './meta.js';
import { problem, type FileContext } from '../../src/core/parse/rule.js';
import { fileRulePlugin } from '../../src/core/parse/plugin-context.js';
import { articleDate, compilePatterns, DEFAULT_DATELINES, DEFAULT_PATH_DATES } from '../../src/core/parse/article-date.js';
import { contextRuns } from '../../src/core/parse/runs.js';
import { checkData, findingOf, type Finding } from '../../src/core/external/describe.js';
import { daysBetween, snapshotUrl, timestampDate } from '../../src/core/external/archive-link.js';
import type { ArchiveNote, ExternalHook } from '../../src/core/external/phase.js';
import type { UrlCheck } from '../../src/core/external/checker.js';
import type { ArchiveSettings } from '../../src/core/external/settings.js';
import type { Fix, RawProblem, Reference } from '../../src/types.js';

export { meta };

export interface Options {
  datelines?: string[];
  pathDates?: string[];
}

const MESSAGE: Record<Finding, string> = {
  broken: 'broken',
  'redirect-loop': 'redirectLoop',
  'too-many-redirects': 'tooManyRedirects',
  timeout: 'timeout',
  unreachable: 'unreachable',
  redirected: 'redirected',
  'rate-limited': 'rateLimited',
  blocked: 'blocked',
  'bot-wall': 'botWall',
};

const EXTERNAL = /^https?:\/\//i;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 days after`, `1 day before`, `the same day as`. */
function distance(days: number): string {
  if (days === 0) return 'the same day as';
  return `${plural(Math.abs(days), 'day')} ${days > 0 ? 'after' : 'before'}`;
}

const SOURCE_WORDS: Record<string, string> = {
  dateline: 'its dateline',
  'original URL': 'its original URL',
  path: 'its path',
  'front matter': 'its front matter',
  commit: 'the commit that added the file',
};

/** A URL as it may be written in the link's place: characters that would end or break it there, percent-encoded. */
function written(url: string, kind: NonNullable<Reference['form']>['kind']): string {
  const out = url.replace(/[\s()<>`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return kind === 'html' ? out.replace(/&/g, '&amp;').replace(/"/g, '%22').replace(/'/g, '%27') : out.replace(/"/g, '%22');
}

/**
 * The unsafe fix that points a link at its snapshot: exactly the URL replaced, and the original kept in sight as
 * configured. `title`: a link title (`[t](snapshot "Original: URL")`, `title="…"` on a raw-HTML element) where the
 * link has none; `note`: `` (original: `URL`)`` after an inline link, autolink or bare URL (a definition or a
 * raw-HTML attribute, which no reader sees as such, gets a title instead); each falls back to the URL alone.
 */
export function snapshotFix(ref: Reference, snapshot: string, keep: ArchiveSettings['keepOriginal']): Fix | undefined {
  const form = ref.form;
  if (!form) return undefined;
  const [start, end] = form.range;
  const url = written(snapshot, form.kind);
  const original = ref.url.trim();
  let mode = keep;
  if (mode === 'note' && form.noteAt === undefined) mode = 'title';
  if (mode === 'title' && form.titleAt === undefined) mode = 'none';
  if (mode === 'none') return { range: [start, end], text: url };
  const at = (mode === 'title' ? form.titleAt : form.noteAt) as number;
  let added: string;
  if (mode === 'note') {
    const ticks = original.includes('`') ? '``' : '`';
    added = ` (original: ${ticks}${ticks.length > 1 ? ' ' : ''}${original}${ticks.length > 1 ? ' ' : ''}${ticks})`;
  } else if (form.kind === 'html') {
    added = ` title="Original: ${original.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  } else {
    added = ` "Original: ${original.replace(/[\\"]/g, '\\$&')}"`;
  }
  return { range: [start, at], text: `${url}${form.tail.slice(0, at - end)}${added}` };
}

/** Why a dead URL is dead, in words: `answered 404 Not Found`, `host not found (ENOTFOUND)`. */
function deadWhy(check: UrlCheck): string {
  const d = checkData(check);
  return check.status === 'broken' ? `answered ${d.answer}${d.via}` : d.reason;
}

function archiveProblem(ref: Reference, check: UrlCheck, note: ArchiveNote): RawProblem | undefined {
  const url = ref.url.trim();
  if (note.kind === 'snapshot-link') {
    const { link, lookup } = note;
    const data = { url, original: link.original, linkDate: timestampDate(link.timestamp) };
    if (lookup.failed !== undefined) {
      return problem(meta, 'snapshotUnchecked', { ...data, reason: lookup.failed }, ref.start, ref.end);
    }
    if (!lookup.snapshot) return problem(meta, 'snapshotMissing', data, ref.start, ref.end);
    const days = daysBetween(link.timestamp.slice(0, 8), lookup.snapshot.timestamp.slice(0, 8));
    // A link that names a day (or more) gets the capture closest to it, which must be of about that time.
    if (link.timestamp.length >= 8 && Math.abs(days) > note.settings.maxDistanceDays) {
      return problem(meta, 'snapshotFar', { ...data, snapshotDate: timestampDate(lookup.snapshot.timestamp), days: plural(Math.abs(days), 'day'), max: note.settings.maxDistanceDays }, ref.start, ref.end);
    }
    return undefined;
  }
  const why = deadWhy(check);
  const base = { url, why };
  if (!note.date) return problem(meta, 'deadUndated', base, ref.start, ref.end);
  const dated = { ...base, date: note.date.date, source: SOURCE_WORDS[note.date.source] ?? note.date.source };
  const { lookup } = note;
  if (!lookup) return undefined;
  if (lookup.failed !== undefined) return problem(meta, 'deadLookupFailed', { ...dated, reason: lookup.failed }, ref.start, ref.end);
  if (!lookup.snapshot) return problem(meta, 'deadNotArchived', dated, ref.start, ref.end);
  const snapshot = snapshotUrl({ timestamp: lookup.snapshot.timestamp, original: url });
  const days = daysBetween(note.date.date, lookup.snapshot.timestamp.slice(0, 8));
  const data = { ...dated, snapshot, snapshotDate: timestampDate(lookup.snapshot.timestamp), distance: distance(days) };
  if (Math.abs(days) > note.settings.maxDistanceDays) return problem(meta, 'deadArchivedFar', { ...data, max: note.settings.maxDistanceDays }, ref.start, ref.end);
  const fix = snapshotFix(ref, snapshot, note.settings.keepOriginal);
  return fix ? problem(meta, 'deadArchived', data, ref.start, ref.end, fix, 'unsafe') : problem(meta, 'deadArchivedNoFix', data, ref.start, ref.end);
}

export const externalCheck: ExternalHook = {
  wants: (ref) => ref.type === 'link',
  archive: true,
  report(ref, check, note) {
    if (note) {
      const p = archiveProblem(ref, check, note);
      if (p || note.kind === 'snapshot-link') return p;
    }
    const finding = findingOf(check);
    if (!finding) return undefined;
    return problem(meta, MESSAGE[finding], { ...checkData(check), url: ref.url.trim() }, ref.start, ref.end);
  },
};

const compiled = new Map<string, { datelines: RegExp[]; pathDates: RegExp[] }>();

function patterns(options: Options): { datelines: RegExp[]; pathDates: RegExp[] } {
  const key = JSON.stringify([options.datelines, options.pathDates]);
  let p = compiled.get(key);
  if (!p) {
    p = { datelines: compilePatterns(options.datelines ?? DEFAULT_DATELINES, 'gu'), pathDates: compilePatterns(options.pathDates ?? DEFAULT_PATH_DATES, 'u') };
    compiled.set(key, p);
  }
  return p;
}

/** The per-file part: the article's date, for files with external links (nothing is reported here). */
function check(ctx: FileContext, options: Options): RawProblem[] {
  if (!ctx.facts.references.some((r) => r.type === 'link' && EXTERNAL.test(r.url))) return [];
  const date = articleDate({
    path: ctx.path,
    text: ctx.text,
    runs: () => contextRuns(ctx),
    ...(ctx.facts.originalUrl ? { originalUrl: ctx.facts.originalUrl } : {}),
    ...patterns(options),
  });
  if (date) ctx.facts.articleDate = date;
  return [];
}

export const plugin = fileRulePlugin<Options>(meta, check);

export default plugin;
