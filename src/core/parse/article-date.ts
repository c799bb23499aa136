/**
 * The article's date: when a page was written, as the page itself says. In: the file's path and text, its runs of
 * visible text (asked for only when needed), its original URL, the dateline and path-date patterns; out: the date
 * and where it was read, or undefined. Pure, shared by valid-dates (which checks these dates) and no-dead-urls
 * (which looks up the web-archive snapshot closest to it).
 *
 * Where it is read, first found first: the dateline (`【大纪元2020年09月04日讯】`), the date in the page's original URL
 * (`/2020/09/24/`, epochtimes' `/gb/23/2/21/`), the date in the file's own path, the front matter's `date:`.
 */
import { impossibility, iso } from './calendar.js';
import type { Run } from './runs.js';
import type { ArticleDateFact } from '../../types.js';

/** Datelines as converted news archives write them: 【大纪元2020年09月04日讯】, 【新唐人北京时间…讯】, 【看中国…讯】, 【希望之声…】. */
// A dateline that cites another article (`详见【明慧网2006年7月27日】文章`) is that article's, not this page's.
export const DEFAULT_DATELINES = ['(?<!(?:详见|詳見|参见|參見|参看|參看|见|見|引自|转自|轉自|摘自|据|據)\\s*)【[^【】\\d]{0,16}?\\s*(?<year>\\d{2,4})\\s*年\\s*(?<month>\\d{1,2})\\s*月\\s*(?<day>\\d{1,2})\\s*日[^【】]{0,6}】(?!\\s*(?:的(?:文章|报道|報導)|文章|一文))'];

/** Dates in a file's path or its original URL: /2020/09/24/, epochtimes' /gb/23/2/21/, 2020-09-24, rfa's -05222020141102. */
export const DEFAULT_PATH_DATES = [
  '/(?<year>(?:19|20)\\d\\d)/(?<month>\\d{1,2})/(?<day>\\d{1,2})/',
  '/(?:gb|b5)/(?<yy>\\d\\d)/(?<month>\\d{1,2})/(?<day>\\d{1,2})/',
  '(?<![\\d])(?<year>(?:19|20)\\d\\d)-(?<month>\\d\\d)-(?<day>\\d\\d)(?!\\d)',
  '[a-z]-(?<month>\\d\\d)(?<day>\\d\\d)(?<year>20\\d\\d)\\d{6}(?:\\.html?|\\.md)?$',
];

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The article's date (`YYYY-MM-DD`) and where it was read. */
export type ArticleDate = ArticleDateFact;

type DateSource = ArticleDateFact['source'];

export function compilePatterns(patterns: readonly string[], flags: string): RegExp[] {
  return patterns.map((p) => new RegExp(p, flags));
}

/** The date of a match's named groups `year` (or `yy`, years 2000-2099), `month`, `day`. */
export function groupsDate(g: Record<string, string | undefined>): Ymd | undefined {
  const year = g.year !== undefined ? Number(g.year) : g.yy !== undefined ? 2000 + Number(g.yy) : undefined;
  if (year === undefined || g.month === undefined || g.day === undefined) return undefined;
  return { year, month: Number(g.month), day: Number(g.day) };
}

/** The first possible date that one of the patterns finds in a path or URL. */
export function pathDate(value: string, patterns: readonly RegExp[]): Ymd | undefined {
  for (const re of patterns) {
    const g = re.exec(value)?.groups;
    const date = g ? groupsDate(g) : undefined;
    if (date && !impossibility(date.year, date.month, date.day)) return date;
  }
  return undefined;
}

/** The front matter's date (`date`, `published`, `updated` or `pubDate`, the first there): as written, where, and read or why not. */
export function frontMatterDate(text: string): { value: string; start: number; date?: Ymd; reason?: string } | undefined {
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n---', 3);
  if (end < 0) return undefined;
  // `published: false` is Jekyll's switch, not a date: a key whose value is a boolean is skipped.
  const m = [...text.slice(0, end).matchAll(/^(date|published|updated|pubDate)\s*:\s*["']?([^"'\r\n#]+?)["']?\s*$/gm)].find((x) => !/^(?:true|false|yes|no|on|off)$/i.test((x[2] as string).trim()));
  if (!m) return undefined;
  const value = m[2] as string;
  const start = (m.index ?? 0) + m[0].indexOf(value, (m[1] as string).length);
  // ISO 8601, and Jekyll's `YYYY-MM-DD HH:MM:SS +ZZZZ` (seconds and zone optional).
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!d) return { value, start, reason: 'expected YYYY-MM-DD' };
  const date = { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) };
  const reason = impossibility(date.year, date.month, date.day);
  return reason ? { value, start, reason } : { value, start, date };
}

const CJK_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;

/** The first dateline with a possible date and a four-digit year: its named groups, else a date written inside it. */
export function datelineDate(runs: readonly Run[], patterns: readonly RegExp[]): Ymd | undefined {
  for (const run of runs) {
    let best: { at: number; date: Ymd } | undefined;
    for (const re of patterns) {
      for (const m of run.text.matchAll(re)) {
        if (best && m.index >= best.at) break;
        const g = m.groups ?? {};
        let date = g.year !== undefined && g.year.length === 4 ? groupsDate(g) : undefined;
        if (!date && g.year === undefined && g.yy === undefined) {
          const inner = CJK_DATE.exec(m[0]) ?? ISO_DATE.exec(m[0]);
          if (inner) date = { year: Number(inner[1]), month: Number(inner[2]), day: Number(inner[3]) };
        }
        if (date && !impossibility(date.year, date.month, date.day)) {
          best = { at: m.index, date };
          break;
        }
      }
    }
    if (best) return best.date;
  }
  return undefined;
}

export interface ArticleDateInput {
  path: string;
  text: string;
  /** The file's runs of visible text (called only when the dateline is looked for). */
  runs: () => readonly Run[];
  originalUrl?: string;
  /** Dateline patterns (flags `gu` at least) and path-date patterns. */
  datelines: readonly RegExp[];
  pathDates: readonly RegExp[];
}

/** The article's date: its dateline, else the date in its original URL, in its path, in its front matter. */
export function articleDate(input: ArticleDateInput): ArticleDate | undefined {
  const found = (d: Ymd | undefined, source: DateSource): ArticleDate | undefined => (d ? { date: iso(d.year, d.month, d.day), source } : undefined);
  return (
    found(datelineDate(input.runs(), input.datelines), 'dateline') ??
    (input.originalUrl ? found(pathDate(input.originalUrl, input.pathDates), 'original URL') : undefined) ??
    found(pathDate(input.path, input.pathDates), 'path') ??
    found(frontMatterDate(input.text)?.date, 'front matter')
  );
}
