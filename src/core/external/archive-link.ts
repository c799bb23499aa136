/**
 * Links into the web archive, and the distances between dates and snapshots. Pure: no I/O (the rules and the
 * external phase use it without loading the HTTP client).
 */

/** `https://web.archive.org/web/20190102030405/https://example.com/x` (also `id_`, `if_`… modifiers, `*`, no `web.`). */
const ARCHIVE_LINK = /^https?:\/\/(?:web\.|www\.)?archive\.org\/web\/(\d{4,14})(?:[a-z]{2}_|\*)?\/(.+)$/i;

/** A link into the web archive: the snapshot's timestamp as written and the URL archived. */
export function parseArchiveLink(url: string): { timestamp: string; original: string } | undefined {
  const m = ARCHIVE_LINK.exec(url.trim());
  if (!m) return undefined;
  let original = m[2] as string;
  // `http:/x` (a slash lost on the way) and `example.com/x` (no scheme) are what the archive serves as `http://…`.
  original = /^https?:\/*/i.test(original) ? original.replace(/^(https?):\/*/i, (_, scheme: string) => `${scheme.toLowerCase()}://`) : `http://${original}`;
  return { timestamp: m[1] as string, original };
}

/** The link a fix writes: the snapshot at its timestamp. */
export function snapshotUrl(s: Snapshot): string {
  return `https://web.archive.org/web/${s.timestamp}/${s.original}`;
}

export interface Snapshot {
  /** 14 digits, `YYYYMMDDhhmmss`. */
  timestamp: string;
  /** The URL as the archive holds it. */
  original: string;
}

/** Days from a date (`YYYY-MM-DD` or a timestamp's first 8 digits) to another; negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  const day = (s: string) => {
    const d = s.replace(/-/g, '');
    return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6) || '1') - 1, Number(d.slice(6, 8) || '1')) / 86400000;
  };
  return Math.round(day(b) - day(a));
}

/** A timestamp's date as `YYYY-MM-DD` (as much of it as there is). */
export function timestampDate(ts: string): string {
  return [ts.slice(0, 4), ts.slice(4, 6), ts.slice(6, 8)].filter(Boolean).join('-');
}

