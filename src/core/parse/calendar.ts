/** Calendar arithmetic: possible dates, day numbers, weekdays, month and weekday names (pure). */

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a date cannot exist, or undefined when it can. */
export function impossibility(year: number | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1) return `there is no day ${day}`;
  const max = daysInMonth(month, year);
  if (day > max) {
    if (month === 2 && day === 29 && year !== undefined) return `${year} is not a leap year`;
    return `${MONTH_NAMES[month - 1]} has ${max} days`;
  }
  return undefined;
}

/** Days since the epoch (UTC), for comparisons. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const CJK_WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

export function cjkWeekday(ch: string): number | undefined {
  return CJK_WEEKDAYS[ch];
}

const EN_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function englishWeekday(word: string): number | undefined {
  const i = EN_WEEKDAYS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i;
}

export function englishMonth(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase() === w || m.toLowerCase().slice(0, 3) === w || (w === 'sept' && m === 'September'));
  return i < 0 ? undefined : i + 1;
}

/** The year among base-1, base, base+1 that puts month/day nearest the reference date (year boundaries). */
export function nearestYear(reference: { year: number; month: number; day: number }, month: number, day: number): number {
  const ref = dayNumber(reference.year, reference.month, reference.day);
  let best = reference.year;
  let bestDistance = Infinity;
  for (const y of [reference.year - 1, reference.year, reference.year + 1]) {
    if (impossibility(y, month, day)) continue;
    const d = Math.abs(dayNumber(y, month, day) - ref);
    if (d < bestDistance) {
      best = y;
      bestDistance = d;
    }
  }
  return best;
}
