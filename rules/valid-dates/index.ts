/**
 * valid-dates: dates wherever a reader sees them — Markdown text, text inside raw HTML blocks (where most
 * converted pages keep their body), front matter — must exist, have four-digit years, be padded alike, agree with
 * their weekdays, and the dateline must agree with the date in the path or the original URL.
 */
import { DEFAULT_DATELINES, DEFAULT_PATH_DATES, meta } from './meta.js';
import { cjkWeekday, dayNumber, englishMonth, englishWeekday, impossibility, iso, nearestYear, weekdayOf, WEEKDAY_NAMES } from '../../src/core/parse/calendar.js';
import { problem, type FileContext } from '../../src/core/parse/rule.js';
import { fileRulePlugin } from '../../src/core/parse/plugin-context.js';
import { pointAt } from '../../src/core/walk/text.js';
import type { Fix, RawProblem } from '../../src/types.js';
import { contextRuns, fileEnd, fileStart, type Run } from '../../src/core/parse/runs.js';
import { compilePatterns, frontMatterDate as frontMatterDateOf, pathDate as pathDateOf } from '../../src/core/parse/article-date.js';

export { meta };

export interface Options {
  weekdayWindowDays?: number;
  datelineWindowDays?: number;
  datelines?: string[];
  pathDates?: string[];
  checkPadding?: boolean;
  paddingAcrossDates?: boolean;
}

type Kind = 'dateline' | 'cjk' | 'cjk-month-day' | 'cjk-numeral' | 'iso' | 'english';

const KIND_NAMES: Record<Kind, string> = {
  dateline: 'datelines',
  cjk: 'dates written 年月日',
  'cjk-month-day': 'dates written 月日',
  'cjk-numeral': 'dates in Chinese numerals',
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
  /** File offsets of the month and day digits (for padding fixes); undefined for English dates. */
  monthStart?: number;
  dayStart?: number;
  /** The visible characters just before and after the date ('' at the edge of its run of text). */
  before: string;
  /** The few characters before the date (an era name: 民国71年). */
  lead: string;
  after: string;
}

const MONTH_WORD = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY_WORD = '(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?';
const CJK_FULL = /(?<![0-9０-９])(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/dg;
/** A date in Chinese numerals: 二零一四年九月三十日. */
const CJK_NUMERAL = /([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,4})\s*[日号號]/g;
const NUMERAL_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31, 九 → 9; NaN for what is not such a number. */
function chineseNumber(s: string): number {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return NaN;
  if (!m[2]) return m[1] && !m[3] ? (NUMERAL_DIGIT[m[1]] as number) : NaN;
  return (m[1] ? (NUMERAL_DIGIT[m[1]] as number) : 1) * 10 + (m[3] ? (NUMERAL_DIGIT[m[3]] as number) : 0);
}

const CJK_MD = /(?<![0-9年月])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/dg;
const ISO = /(?<![\d\-/.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/dg;
const EN_MDY = new RegExp(`\\b(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
const EN_DMY = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_WORD})\\s+(\\d{4})\\b`, 'g');
/**
 * 周二（2月21日） · （周五）9月4日 · 9月4日（周五）, each with or without the year (1970年4月22日（星期三）): groups
 * weekday, year, month, day. A year written with the date is the date's year, whatever the page's.
 */
const CJK_WEEKDAY = [
  /(?:周|星期|週|禮拜|礼拜)(?<weekday>[一二三四五六日天])\s*[（(]\s*(?:(?<year>\d{2,4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号號]\s*[)）]/g,
  /[（(]\s*(?:周|星期|週|禮拜|礼拜)(?<weekday>[一二三四五六日天])\s*[)）]\s*(?:(?<year>\d{2,4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号號]/g,
  /(?<![0-9０-９年])(?:(?<year>\d{2,4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号號]\s*[（(]\s*(?:周|星期|週|禮拜|礼拜)(?<weekday>[一二三四五六日天])\s*[)）]/g,
];
const CJK_WEEKDAY_WORD = /(?:周|星期|週|禮拜|礼拜)[一二三四五六日天]/;
/** Tuesday, Feb 21 · Wednesday, April 22, 1970 · Wednesday, 22 April 1970: groups weekday, month, day, year. */
const EN_WEEKDAY = [
  new RegExp(`\\b(?<weekday>${WEEKDAY_WORD}),?\\s+(?<month>${MONTH_WORD})\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>\\d{4})\\b)?`, 'g'),
  new RegExp(`\\b(?<weekday>${WEEKDAY_WORD}),?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>${MONTH_WORD})(?:,?\\s+(?<year>\\d{4}))?\\b`, 'g'),
];
const URL = /https?:\/\/[^\s<>"'）)\]]+/g;
const ERA = /(?:公元前?|西元前?|紀元|纪元|民[国國]|昭和|平成|令和|大正|明治|光[绪緒]|宣[统統]|同治|咸[丰豐]|道光|嘉[庆慶]|乾隆|雍正|康熙|[开開]元|天[宝寶]|永[乐樂]|洪武|主[体體]|檀紀|[皇]紀)\s*$/;
/** A run worth reading for dates: it has a digit, or a year in Chinese numerals. */
const DIGIT = /\d|[〇零○一二三四五六七八九]{4}\s*年/;
const QUOTE_OPEN = new Set(['“', '「', '『', '"', '‘', '《']);
const QUOTE_CLOSE = new Set(['”', '」', '』', '"', '’', '》']);

/** A date as a message quotes it: on one line, as a browser shows text that the source breaks over lines. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]\s*/g, ' ');
}

/** File offsets of the month and day digits of a match in a run. */
function digits(run: Run, m: RegExpMatchArray, month: number, day: number): { monthStart?: number; dayStart?: number } {
  const mi = m.indices?.[month];
  const di = m.indices?.[day];
  return mi && di ? { monthStart: fileStart(run, mi[0]), dayStart: fileStart(run, di[0]) } : {};
}

/** The date's month and day rewritten in the given style: an edit of the file's text, leaving markup inside it. */
function restyle(text: string, d: FoundDate, padded: boolean): Fix | undefined {
  if (d.monthStart === undefined || d.dayStart === undefined) return undefined;
  const style = (s: string) => (padded ? s.padStart(2, '0') : String(Number(s)));
  const parts: [number, string, string][] = [
    [d.monthStart, d.monthText, style(d.monthText)],
    [d.dayStart, d.dayText, style(d.dayText)],
  ];
  let out = '';
  let last = d.start;
  for (const [at, was, now] of parts) {
    // Digits split by markup (`0<b>9</b>月`) are left alone.
    if (at < last || text.slice(at, at + was.length) !== was) return undefined;
    out += `${text.slice(last, at)}${now}`;
    last = at + was.length;
  }
  const source = text.slice(d.start, d.end);
  out += text.slice(last, d.end);
  return out === source ? undefined : { range: [d.start, d.end], text: out };
}

/** Runs of the text a reader sees (Markdown text nodes and the text inside raw HTML) that hold a digit. */
function runs(ctx: FileContext): Run[] {
  return contextRuns(ctx).filter((r) => DIGIT.test(r.text));
}

interface Datelined {
  start: number;
  end: number;
  text: string;
  match: RegExpMatchArray;
  run: Run;
}

/** Which style most dates of a kind have: true padded, false not, undefined when neither has more. */
function majorityPadded(s: { padded: FoundDate[]; unpadded: FoundDate[] } | undefined): boolean | undefined {
  if (!s || s.padded.length === s.unpadded.length) return undefined;
  return s.padded.length > s.unpadded.length;
}

function collect(ctx: FileContext, options: Options): RawProblem[] {
  const out: RawProblem[] = [];
  const starts = ctx.lineStarts;
  const where = (offset: number) => {
    const p = pointAt(starts, offset);
    return `${p.line}:${p.column}`;
  };
  const texts = runs(ctx);

  // Datelines first: a date inside one is of kind 'dateline'.
  const datelineRes = compilePatterns(options.datelines ?? DEFAULT_DATELINES, 'gdu');
  const datelines: Datelined[] = [];
  for (const run of texts) {
    for (const re of datelineRes) {
      for (const m of run.text.matchAll(re)) {
        const i = m.index ?? 0;
        datelines.push({ start: fileStart(run, i), end: fileEnd(run, i + m[0].length), text: m[0], match: m, run });
      }
    }
  }
  const inDateline = (offset: number) => datelines.some((d) => offset >= d.start && offset < d.end);

  const dates: FoundDate[] = [];
  const seen = new Set<number>();
  /** Spans of the run's dates found so far: `9月4日` inside `2020年 9月4日` is not a date of its own. */
  let covered: [number, number][] = [];
  const found = (run: Run, m: RegExpMatchArray, d: Omit<FoundDate, 'start' | 'end' | 'text' | 'before' | 'after' | 'lead'>) => {
    const i = m.index ?? 0;
    const start = fileStart(run, i);
    if (seen.has(start) || covered.some(([a, b]) => i >= a && i < b)) return;
    seen.add(start);
    const end = i + m[0].length;
    covered.push([i, end]);
    dates.push({ ...d, text: oneLine(m[0]), start, end: fileEnd(run, end), before: run.text[i - 1] ?? '', lead: run.text.slice(Math.max(0, i - 6), i), after: run.text[end] ?? '' });
  };
  for (const run of texts) {
    covered = [];
    const urls = [...run.text.matchAll(URL)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
    const inUrl = (i: number) => urls.some(([a, b]) => i >= a && i < b);
    for (const m of run.text.matchAll(CJK_FULL)) {
      if (inUrl(m.index ?? 0)) continue;
      const [, y = '', mo = '', d = ''] = m;
      found(run, m, { kind: inDateline(fileStart(run, m.index ?? 0)) ? 'dateline' : 'cjk', year: Number(y), yearText: y, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(run, m, 2, 3) });
    }
    for (const m of run.text.matchAll(CJK_NUMERAL)) {
      const [, y = '', mo = '', d = ''] = m;
      const month = chineseNumber(mo);
      const day = chineseNumber(d);
      if (Number.isNaN(month) || Number.isNaN(day)) continue;
      const year = Number([...y].map((c) => NUMERAL_DIGIT[c]).join(''));
      found(run, m, { kind: 'cjk-numeral', year, yearText: String(year).padStart(4, '0'), monthText: mo, dayText: d, month, day });
    }
    for (const m of run.text.matchAll(CJK_MD)) {
      if (inUrl(m.index ?? 0)) continue;
      const [, mo = '', d = ''] = m;
      found(run, m, { kind: 'cjk-month-day', year: undefined, yearText: undefined, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(run, m, 1, 2) });
    }
    for (const m of run.text.matchAll(ISO)) {
      if (inUrl(m.index ?? 0)) continue;
      const [, y = '', mo = '', d = ''] = m;
      found(run, m, { kind: 'iso', year: Number(y), yearText: y, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(run, m, 2, 3) });
    }
    for (const m of run.text.matchAll(EN_MDY)) {
      const month = englishMonth(m[1] ?? '');
      if (inUrl(m.index ?? 0) || month === undefined) continue;
      found(run, m, { kind: 'english', year: m[3] ? Number(m[3]) : undefined, yearText: m[3], monthText: m[1] ?? '', dayText: m[2] ?? '', month, day: Number(m[2]) });
    }
    for (const m of run.text.matchAll(EN_DMY)) {
      const month = englishMonth(m[2] ?? '');
      if (inUrl(m.index ?? 0) || month === undefined) continue;
      found(run, m, { kind: 'english', year: Number(m[3]), yearText: m[3], monthText: m[2] ?? '', dayText: m[1] ?? '', month, day: Number(m[1]) });
    }
  }
  // A dateline in a configured form no text pattern knows: its named groups give the date.
  for (const d of datelines) {
    if (dates.some((x) => x.start >= d.start && x.start < d.end)) continue;
    const g = d.match.groups;
    const idx = d.match.indices?.groups;
    if (!g?.month || !g.day || !(g.year ?? g.yy) || !idx?.month || !idx.day) continue;
    const yearText = g.year ?? g.yy;
    const i = d.match.index ?? 0;
    const end = i + d.text.length;
    seen.add(d.start);
    dates.push({
      kind: 'dateline',
      text: oneLine(d.text),
      start: d.start,
      end: d.end,
      year: g.year ? Number(g.year) : 2000 + Number(g.yy),
      yearText,
      monthText: g.month,
      dayText: g.day,
      month: Number(g.month),
      day: Number(g.day),
      monthStart: fileStart(d.run, idx.month[0]),
      dayStart: fileStart(d.run, idx.day[0]),
      before: d.run.text[i - 1] ?? '',
      lead: d.run.text.slice(Math.max(0, i - 6), i),
      after: d.run.text[end] ?? '',
    });
  }
  dates.sort((a, b) => a.start - b.start);

  // Impossible dates and two-digit years.
  for (const d of dates) {
    const shortYear = d.yearText !== undefined && d.yearText.length === 2;
    if (shortYear) {
      // An era's year (民国71年, 昭和50年) is no short year; after any other text, `21年3月3日` is one.
      const eraYear = ERA.test(d.lead);
      if (!eraYear) out.push(problem(meta, 'twoDigitYear', { text: d.text }, d.start, d.end));
      if (eraYear) continue;
    }
    // A quoted impossible date is a figure of speech (“5月35日” for 6 June), not a mistake.
    if (QUOTE_OPEN.has(d.before) && QUOTE_CLOSE.has(d.after)) continue;
    const reason = impossibility(shortYear || d.yearText?.length === 3 ? undefined : d.year, d.month, d.day);
    if (reason) out.push(problem(meta, 'impossible', { text: d.text, reason }, d.start, d.end));
  }

  // Zero-padding: mixed inside one date (a typo); across the dates of one kind only when asked for, since a page
  // may write its own dates one way and quote others another. Either fix changes what a reader sees: unsafe.
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
    if (options.paddingAcrossDates) {
      for (const [kind, s] of styles) {
        // Datelines quote other outlets, each in its own style; with as many dates each way, neither is wrong.
        const wins = kind === 'dateline' ? undefined : majorityPadded(s);
        if (wins === undefined) continue;
        const [minority, majority] = wins ? [s.unpadded, s.padded] : [s.padded, s.unpadded];
        for (const d of minority) {
          const data = { text: d.text, style: wins ? 'not zero-padded' : 'zero-padded', count: majority.length, kind: KIND_NAMES[kind], where: where((majority[0] as FoundDate).start) };
          out.push(problem(meta, 'padding', data, d.start, d.end, restyle(ctx.text, d, wins), 'unsafe'));
        }
      }
    }
    for (const d of mixed) {
      const [p, u] = d.monthText.startsWith('0') ? ['the month', 'the day'] : ['the day', 'the month'];
      // The suggestion follows most dates of its kind in the file, else pads both.
      out.push(problem(meta, 'paddingMixedInDate', { text: d.text, padded: p, unpadded: u }, d.start, d.end, restyle(ctx.text, d, majorityPadded(styles.get(d.kind)) ?? true), 'unsafe'));
    }
  }

  // The article's date: dateline, else front matter, else path or original URL.
  const pathRes = compilePatterns(options.pathDates ?? DEFAULT_PATH_DATES, 'u');
  let pathDate: { year: number; month: number; day: number; source: string } | undefined;
  const inPath = pathDateOf(ctx.path, pathRes);
  const originalUrl = ctx.facts.originalUrl ?? '';
  const inUrl = inPath ? undefined : pathDateOf(originalUrl, pathRes);
  if (inPath) pathDate = { ...inPath, source: `file's path` };
  else if (inUrl) pathDate = { ...inUrl, source: `original URL ${originalUrl}` };
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

  // Weekdays. A year written with the date is its year; only a date without one takes the page's.
  const window = options.weekdayWindowDays ?? 0;
  const weekdayCheck = (label: string, weekday: number | undefined, month: number, day: number, yearText: string | undefined, start: number, end: number) => {
    // A two-digit or era year (民国71年) is written but is no year of the Gregorian calendar: nothing to check.
    if (weekday === undefined || (yearText !== undefined && yearText.length !== 4)) return;
    let y = yearText === undefined ? undefined : Number(yearText);
    if (impossibility(y, month, day)) return;
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
  const weekdayMatches = (run: Run, re: RegExp, read: (g: Record<string, string | undefined>, text: string) => { label: string; weekday: number | undefined; month: number | undefined }) => {
    for (const m of run.text.matchAll(re)) {
      const g: Record<string, string | undefined> = m.groups ?? {};
      const { label, weekday, month } = read(g, m[0]);
      if (month === undefined) continue;
      const i = m.index ?? 0;
      weekdayCheck(label, weekday, month, Number(g.day), g.year, fileStart(run, i), fileEnd(run, i + m[0].length));
    }
  };
  for (const run of texts) {
    for (const re of CJK_WEEKDAY) {
      weekdayMatches(run, re, (g, text) => ({ label: CJK_WEEKDAY_WORD.exec(text)?.[0] ?? '', weekday: cjkWeekday(g.weekday ?? ''), month: Number(g.month) }));
    }
    for (const re of EN_WEEKDAY) {
      weekdayMatches(run, re, (g) => ({ label: g.weekday ?? '', weekday: englishWeekday(g.weekday ?? ''), month: englishMonth(g.month ?? '') }));
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Front matter `date:`: checked, and returned as the article's date when valid. */
function frontMatterDate(ctx: FileContext, out: RawProblem[]): { year: number; month: number; day: number } | undefined {
  const found = frontMatterDateOf(ctx.text);
  if (found?.reason) out.push(problem(meta, 'frontMatter', { text: found.value, reason: found.reason }, found.start, found.start + found.value.length));
  return found?.date;
}

export function check(ctx: FileContext, options: Options = {}): RawProblem[] {
  return collect(ctx, options);
}

export const plugin = fileRulePlugin<Options>(meta, check);

export default plugin;

