/**
 * valid-dates: dates wherever a reader sees them — Markdown text, text inside raw HTML blocks (where most
 * converted pages keep their body), front matter — must exist, have four-digit years, be padded alike, agree with
 * their weekdays, and the dateline must agree with the date in the path or the original URL.
 */
import { DEFAULT_DATELINES, DEFAULT_PATH_DATES, meta } from './meta.js';
import { cjkWeekday, dayNumber, englishMonth, englishWeekday, impossibility, iso, nearestYear, weekdayOf, WEEKDAY_NAMES } from './dates.js';
import { problem, type FileContext } from '../../src/core/rule.js';
import { fileRulePlugin } from '../../src/core/plugin-context.js';
import { pointAt } from '../../src/core/text.js';
import type { Fix, RawProblem } from '../../src/types.js';

export { meta };

export interface Options {
  weekdayWindowDays?: number;
  datelineWindowDays?: number;
  datelines?: string[];
  pathDates?: string[];
  checkPadding?: boolean;
}

type Kind = 'dateline' | 'cjk' | 'cjk-month-day' | 'iso' | 'english';

const KIND_NAMES: Record<Kind, string> = {
  dateline: 'datelines',
  cjk: 'dates written 年月日',
  'cjk-month-day': 'dates written 月日',
  iso: 'ISO dates',
  english: 'English dates',
};

interface FoundDate {
  kind: Kind;
  text: string;
  start: number;
  end: number;
  year: number | undefined;
  yearText: string | undefined;
  monthText: string;
  dayText: string;
  month: number;
  day: number;
  /** Offsets of the month and day digits (for padding fixes); undefined for English dates. */
  monthStart?: number;
  dayStart?: number;
}

interface Segment {
  start: number;
  text: string;
}

const MONTH_WORD = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY_WORD = '(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?';
const CJK_FULL = /(?<![0-9０-９])(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/dg;
const CJK_MD = /(?<![0-9年月])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/dg;
const ISO = /(?<![\d\-/.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/dg;
const EN_MDY = new RegExp(`\\b(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
const EN_DMY = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_WORD})\\s+(\\d{4})\\b`, 'g');
/** 周二（2月21日） · （周五）9月4日 · 9月4日（周五）. */
const CJK_WEEKDAY = [
  /(?:周|星期|週|禮拜|礼拜)([一二三四五六日天])\s*[（(]\s*(?:\d{2,4}\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]\s*[)）]/g,
  /[（(]\s*(?:周|星期|週|禮拜|礼拜)([一二三四五六日天])\s*[)）]\s*(?:\d{2,4}\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/g,
];
const CJK_WEEKDAY_AFTER = /(?<![0-9])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]\s*[（(]\s*(?:周|星期|週|禮拜|礼拜)([一二三四五六日天])\s*[)）]/g;
const EN_WEEKDAY = new RegExp(`\\b(${WEEKDAY_WORD}),?\\s+(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
const URL = /https?:\/\/[^\s<>"'）)\]]+/g;
/** A two-digit year after one of these (or after no ideograph at all) is a short year, not an era year (民国71年). */
const YEAR_LEADS = new Set('于於在到至从從自是的和与與及或为為'.split(''));
const IDEOGRAPH = /\p{Script=Han}/u;
const DIGIT = /\d/;
const QUOTE_OPEN = new Set(['“', '「', '『', '"', '‘', '《']);
const QUOTE_CLOSE = new Set(['”', '」', '』', '"', '’', '》']);

function digits(base: number, m: RegExpMatchArray, month: number, day: number): { monthStart?: number; dayStart?: number } {
  const mi = m.indices?.[month];
  const di = m.indices?.[day];
  return mi && di ? { monthStart: base + mi[0], dayStart: base + di[0] } : {};
}

/** The date rewritten with its month and day in the given style. */
function restyle(d: FoundDate, padded: boolean): Fix | undefined {
  if (d.monthStart === undefined || d.dayStart === undefined) return undefined;
  const style = (s: string) => (padded ? s.padStart(2, '0') : String(Number(s)));
  const parts: [number, number, string][] = [
    [d.monthStart, d.monthStart + d.monthText.length, style(d.monthText)],
    [d.dayStart, d.dayStart + d.dayText.length, style(d.dayText)],
  ];
  let text = '';
  let last = d.start;
  for (const [a, b, t] of parts) {
    text += `${d.text.slice(last - d.start, a - d.start)}${t}`;
    last = b;
  }
  text += d.text.slice(last - d.start);
  return text === d.text ? undefined : { range: [d.start, d.end], text };
}

function segments(ctx: FileContext): Segment[] {
  const out: Segment[] = ctx.textRanges.map((r) => ({ start: r.start, text: ctx.text.slice(r.start, r.end) }));
  for (const { scan, at } of ctx.htmlScans) {
    for (const t of scan.texts) {
      const start = at(t.start);
      const end = at(t.end);
      if (end > start) out.push({ start, text: ctx.text.slice(start, end) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function compile(patterns: string[], flags: string): RegExp[] {
  return patterns.map((p) => new RegExp(p, flags));
}

function groupsDate(g: Record<string, string | undefined>): { year: number; month: number; day: number } | undefined {
  const year = g.year !== undefined ? Number(g.year) : g.yy !== undefined ? 2000 + Number(g.yy) : undefined;
  if (year === undefined || g.month === undefined || g.day === undefined) return undefined;
  return { year, month: Number(g.month), day: Number(g.day) };
}

interface Datelined {
  start: number;
  end: number;
  text: string;
  match: RegExpMatchArray;
  base: number;
}

function collect(ctx: FileContext, options: Options): RawProblem[] {
  const out: RawProblem[] = [];
  const starts = ctx.lineStarts;
  const where = (offset: number) => {
    const p = pointAt(starts, offset);
    return `${p.line}:${p.column}`;
  };
  const segs = segments(ctx);

  // Datelines first: a date inside one is of kind 'dateline'.
  const datelineRes = compile(options.datelines ?? DEFAULT_DATELINES, 'gdu');
  const datelines: Datelined[] = [];
  for (const seg of segs) {
    if (!DIGIT.test(seg.text)) continue;
    for (const re of datelineRes) {
      for (const m of seg.text.matchAll(re)) datelines.push({ start: seg.start + (m.index ?? 0), end: seg.start + (m.index ?? 0) + m[0].length, text: m[0], match: m, base: seg.start });
    }
  }
  const inDateline = (offset: number) => datelines.some((d) => offset >= d.start && offset < d.end);

  const dates: FoundDate[] = [];
  const seen = new Set<number>();
  const push = (d: FoundDate) => {
    if (seen.has(d.start)) return;
    seen.add(d.start);
    dates.push(d);
  };
  for (const seg of segs) {
    if (!DIGIT.test(seg.text)) continue;
    const urls = [...seg.text.matchAll(URL)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
    const inUrl = (i: number) => urls.some(([a, b]) => i >= a && i < b);
    for (const m of seg.text.matchAll(CJK_FULL)) {
      const i = m.index ?? 0;
      if (inUrl(i)) continue;
      const [text, y = '', mo = '', d = ''] = m;
      const start = seg.start + i;
      push({ kind: inDateline(start) ? 'dateline' : 'cjk', text, start, end: start + text.length, year: Number(y), yearText: y, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(seg.start, m, 2, 3) });
    }
    for (const m of seg.text.matchAll(CJK_MD)) {
      const i = m.index ?? 0;
      if (inUrl(i)) continue;
      const [text, mo = '', d = ''] = m;
      const start = seg.start + i;
      push({ kind: 'cjk-month-day', text, start, end: start + text.length, year: undefined, yearText: undefined, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(seg.start, m, 1, 2) });
    }
    for (const m of seg.text.matchAll(ISO)) {
      const i = m.index ?? 0;
      if (inUrl(i)) continue;
      const [text, y = '', mo = '', d = ''] = m;
      const start = seg.start + i;
      push({ kind: 'iso', text, start, end: start + text.length, year: Number(y), yearText: y, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(seg.start, m, 2, 3) });
    }
    for (const m of seg.text.matchAll(EN_MDY)) {
      const i = m.index ?? 0;
      const month = englishMonth(m[1] ?? '');
      if (inUrl(i) || month === undefined) continue;
      const start = seg.start + i;
      push({ kind: 'english', text: m[0], start, end: start + m[0].length, year: m[3] ? Number(m[3]) : undefined, yearText: m[3], monthText: m[1] ?? '', dayText: m[2] ?? '', month, day: Number(m[2]) });
    }
    for (const m of seg.text.matchAll(EN_DMY)) {
      const i = m.index ?? 0;
      const month = englishMonth(m[2] ?? '');
      if (inUrl(i) || month === undefined) continue;
      const start = seg.start + i;
      push({ kind: 'english', text: m[0], start, end: start + m[0].length, year: Number(m[3]), yearText: m[3], monthText: m[2] ?? '', dayText: m[1] ?? '', month, day: Number(m[1]) });
    }
  }
  // A dateline in a configured form no text pattern knows: its named groups give the date.
  for (const d of datelines) {
    if (dates.some((x) => x.start >= d.start && x.start < d.end)) continue;
    const g = d.match.groups;
    const idx = d.match.indices?.groups;
    if (!g?.month || !g.day || !(g.year ?? g.yy) || !idx?.month || !idx.day) continue;
    const yearText = g.year ?? g.yy;
    push({
      kind: 'dateline',
      text: d.text,
      start: d.start,
      end: d.end,
      year: g.year ? Number(g.year) : 2000 + Number(g.yy),
      yearText,
      monthText: g.month,
      dayText: g.day,
      month: Number(g.month),
      day: Number(g.day),
      monthStart: d.base + idx.month[0],
      dayStart: d.base + idx.day[0],
    });
  }
  dates.sort((a, b) => a.start - b.start);

  // Impossible dates and two-digit years.
  for (const d of dates) {
    const shortYear = d.yearText !== undefined && d.yearText.length === 2;
    if (shortYear) {
      const before = ctx.text[d.start - 1] ?? '';
      const eraYear = IDEOGRAPH.test(before) && !YEAR_LEADS.has(before);
      if (!eraYear) out.push(problem(meta, 'twoDigitYear', { text: d.text }, d.start, d.end));
      if (eraYear) continue;
    }
    // A quoted impossible date is a figure of speech (“5月35日” for 6 June), not a mistake.
    if (QUOTE_OPEN.has(ctx.text[d.start - 1] ?? '') && QUOTE_CLOSE.has(ctx.text[d.end] ?? '')) continue;
    const reason = impossibility(shortYear || d.yearText?.length === 3 ? undefined : d.year, d.month, d.day);
    if (reason) out.push(problem(meta, 'impossible', { text: d.text, reason }, d.start, d.end));
  }

  // Zero-padding: within one date, and across the dates of one kind.
  if (options.checkPadding !== false) {
    const styles = new Map<Kind, { padded: FoundDate[]; unpadded: FoundDate[] }>();
    const mixed: FoundDate[] = [];
    for (const d of dates) {
      if (d.kind === 'english') continue;
      const pad = (s: string) => s.length === 2 && s.startsWith('0');
      const single = (s: string) => s.length === 1;
      const padded = [d.monthText, d.dayText].filter(pad);
      const unpadded = [d.monthText, d.dayText].filter(single);
      if (padded.length && unpadded.length) {
        mixed.push(d);
        continue;
      }
      if (!padded.length && !unpadded.length) continue;
      const s = styles.get(d.kind) ?? { padded: [], unpadded: [] };
      (padded.length ? s.padded : s.unpadded).push(d);
      styles.set(d.kind, s);
    }
    const paddedWins = (kind: Kind): boolean => {
      const s = styles.get(kind);
      if (!s || !s.padded.length) return !s || !s.unpadded.length;
      if (!s.unpadded.length) return true;
      return s.padded.length > s.unpadded.length || (s.padded.length === s.unpadded.length && (s.padded[0] as FoundDate).start < (s.unpadded[0] as FoundDate).start);
    };
    for (const [kind, s] of styles) {
      if (!s.padded.length || !s.unpadded.length) continue;
      const wins = paddedWins(kind);
      const [minority, majority] = wins ? [s.unpadded, s.padded] : [s.padded, s.unpadded];
      for (const d of minority) {
        out.push(problem(meta, 'padding', { text: d.text, style: wins ? 'not zero-padded' : 'zero-padded', count: majority.length, kind: KIND_NAMES[kind], where: where((majority[0] as FoundDate).start) }, d.start, d.end, restyle(d, wins)));
      }
    }
    for (const d of mixed) {
      const [p, u] = d.monthText.startsWith('0') ? ['the month', 'the day'] : ['the day', 'the month'];
      out.push(problem(meta, 'paddingMixedInDate', { text: d.text, padded: p, unpadded: u }, d.start, d.end, restyle(d, paddedWins(d.kind))));
    }
  }

  // The article's date: dateline, else front matter, else path or original URL.
  const pathRes = compile(options.pathDates ?? DEFAULT_PATH_DATES, 'u');
  let pathDate: { year: number; month: number; day: number; source: string } | undefined;
  for (const [source, value] of [
    ['path', ctx.path],
    ['original URL', ctx.facts.originalUrl ?? ''],
  ] as const) {
    for (const re of pathRes) {
      const g = re.exec(value)?.groups;
      const date = g ? groupsDate(g) : undefined;
      if (date && !impossibility(date.year, date.month, date.day)) {
        pathDate = { ...date, source: source === 'path' ? `file's path` : `original URL ${value}` };
        break;
      }
    }
    if (pathDate) break;
  }
  const firstDateline = dates.find((d) => d.kind === 'dateline' && d.year !== undefined && d.yearText?.length === 4 && !impossibility(d.year, d.month, d.day));
  const frontDate = frontMatterDate(ctx, out);
  const reference = firstDateline
    ? { year: firstDateline.year as number, month: firstDateline.month, day: firstDateline.day, source: 'dateline' }
    : frontDate
      ? { ...frontDate, source: 'front matter' }
      : pathDate
        ? { ...pathDate, source: pathDate.source.startsWith('file') ? 'path' : 'original URL' }
        : undefined;

  if (firstDateline && pathDate) {
    const a = dayNumber(firstDateline.year as number, firstDateline.month, firstDateline.day);
    const b = dayNumber(pathDate.year, pathDate.month, pathDate.day);
    if (Math.abs(a - b) > (options.datelineWindowDays ?? 1)) {
      out.push(problem(meta, 'dateline', { dateline: iso(firstDateline.year as number, firstDateline.month, firstDateline.day), other: iso(pathDate.year, pathDate.month, pathDate.day), where: pathDate.source }, firstDateline.start, firstDateline.end));
    }
  }

  // Weekdays.
  const window = options.weekdayWindowDays ?? 0;
  const weekdayCheck = (label: string, weekday: number | undefined, month: number, day: number, year: number | undefined, start: number, end: number) => {
    if (weekday === undefined || impossibility(year, month, day)) return;
    let y = year;
    let yearSource = 'text';
    if (y === undefined) {
      if (!reference) return;
      y = nearestYear(reference, month, day);
      yearSource = reference.source;
    }
    for (let k = -window; k <= window; k++) {
      if ((weekdayOf(y, month, day) + k + 7) % 7 === weekday) return;
    }
    out.push(problem(meta, 'weekday', { weekday: label, iso: iso(y, month, day), actual: WEEKDAY_NAMES[weekdayOf(y, month, day)] as string, year: y, yearSource }, start, end));
  };
  for (const seg of segs) {
    if (!DIGIT.test(seg.text)) continue;
    for (const re of CJK_WEEKDAY) {
      for (const m of seg.text.matchAll(re)) {
        const start = seg.start + (m.index ?? 0);
        const yearMatch = /(\d{4})\s*年/.exec(m[0]);
        weekdayCheck(m[0].match(/(?:周|星期|週|禮拜|礼拜)[一二三四五六日天]/)?.[0] ?? '', cjkWeekday(m[1] ?? ''), Number(m[2]), Number(m[3]), yearMatch ? Number(yearMatch[1]) : undefined, start, start + m[0].length);
      }
    }
    for (const m of seg.text.matchAll(CJK_WEEKDAY_AFTER)) {
      const start = seg.start + (m.index ?? 0);
      weekdayCheck(m[0].match(/(?:周|星期|週|禮拜|礼拜)[一二三四五六日天]/)?.[0] ?? '', cjkWeekday(m[3] ?? ''), Number(m[1]), Number(m[2]), undefined, start, start + m[0].length);
    }
    for (const m of seg.text.matchAll(EN_WEEKDAY)) {
      const month = englishMonth(m[2] ?? '');
      if (month === undefined) continue;
      const start = seg.start + (m.index ?? 0);
      weekdayCheck(m[1] ?? '', englishWeekday(m[1] ?? ''), month, Number(m[3]), m[4] ? Number(m[4]) : undefined, start, start + m[0].length);
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Front matter `date:`: checked, and returned as the article's date when valid. */
function frontMatterDate(ctx: FileContext, out: RawProblem[]): { year: number; month: number; day: number } | undefined {
  if (!ctx.text.startsWith('---')) return undefined;
  const end = ctx.text.indexOf('\n---', 3);
  if (end < 0) return undefined;
  const block = ctx.text.slice(0, end);
  const m = /^(date|published|updated|pubDate)\s*:\s*["']?([^"'\r\n#]+?)["']?\s*$/m.exec(block);
  if (!m) return undefined;
  const value = m[2] as string;
  const start = (m.index ?? 0) + m[0].indexOf(value, (m[1] as string).length);
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(value.trim());
  if (!d) {
    out.push(problem(meta, 'frontMatter', { text: value, reason: 'expected YYYY-MM-DD' }, start, start + value.length));
    return undefined;
  }
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const reason = impossibility(year, month, day);
  if (reason) {
    out.push(problem(meta, 'frontMatter', { text: value, reason }, start, start + value.length));
    return undefined;
  }
  return { year, month, day };
}

export function check(ctx: FileContext, options: Options = {}): RawProblem[] {
  return collect(ctx, options);
}

export const plugin = fileRulePlugin<Options>(meta, check);

export default plugin;

