import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);

// src/core/external/archive-link.ts
var ARCHIVE_LINK = /^https?:\/\/(?:web\.|www\.)?archive\.org\/web\/(\d{4,14})(?:[a-z]{2}_|\*)?\/(.+)$/i;
function parseArchiveLink(url) {
  const m = ARCHIVE_LINK.exec(url.trim());
  if (!m) return void 0;
  let original = m[2];
  original = /^https?:\/*/i.test(original) ? original.replace(/^(https?):\/*/i, (_, scheme) => `${scheme.toLowerCase()}://`) : `http://${original}`;
  return { timestamp: m[1], original };
}
function snapshotUrl(s) {
  return `https://web.archive.org/web/${s.timestamp}/${s.original}`;
}
function daysBetween(a, b) {
  const day = (s) => {
    const d = s.replace(/-/g, "");
    return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6) || "1") - 1, Number(d.slice(6, 8) || "1")) / 864e5;
  };
  return Math.round(day(b) - day(a));
}
function timestampDate(ts) {
  return [ts.slice(0, 4), ts.slice(4, 6), ts.slice(6, 8)].filter(Boolean).join("-");
}

export {
  parseArchiveLink,
  snapshotUrl,
  daysBetween,
  timestampDate
};
