/**
 * Decoding files, mapping offsets to positions, and showing text from the files safely. Columns count UTF-16 code
 * units, as ESLint and vfile do.
 */

export interface DecodedText {
  text: string;
  bom: boolean;
}

export type DecodeFailure = { reason: string };

const BINARY_SNIFF = 8000;

/** Byte order marks of the Unicode encodings that are not UTF-8, longest first (UTF-32 LE starts as UTF-16 LE does). */
const OTHER_BOMS: readonly [string, readonly number[]][] = [
  ['UTF-32 LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 LE', [0xff, 0xfe]],
  ['UTF-16 BE', [0xfe, 0xff]],
];

/**
 * Decode a file's bytes as UTF-8 text, refusing other encodings, binary data and invalid UTF-8 with a reason that
 * says what and where. A UTF-16 or UTF-32 file is named as such by its byte order mark (its NUL bytes would
 * otherwise call it binary).
 */
export function decodeText(bytes: Uint8Array): DecodedText | DecodeFailure {
  for (const [name, bom] of OTHER_BOMS) {
    if (bom.length <= bytes.length && bom.every((b, i) => bytes[i] === b)) {
      return { reason: `${name} text (byte order mark ${bom.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}), not UTF-8; convert it to UTF-8 to lint it` };
    }
  }
  const sniff = Math.min(bytes.length, BINARY_SNIFF);
  for (let i = 0; i < sniff; i++) {
    if (bytes[i] === 0) return { reason: `binary file (NUL byte at offset ${i})` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { reason: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
  if (text.charCodeAt(0) === 0xfeff) return { text: text.slice(1), bom: true };
  return { text, bom: false };
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

/** Start offset of every line; a line ends at `\n`, `\r\n` or a lone `\r`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export interface Point {
  line: number;
  column: number;
}

/** 1-based line and column of an offset. */
export function pointAt(starts: readonly number[], offset: number): Point {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/**
 * Characters of the files' text that must never reach a terminal or a CI log as they are: control characters (C0,
 * DEL, C1: ESC sequences clear screens and retitle windows; a line break or carriage return starts a new line, and
 * GitHub Actions runs any line that begins with `::` as a workflow command), the Unicode line and paragraph
 * separators, and the bidirectional embeddings, overrides and isolates (which show a name other than it is).
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from the files (names, link targets, quoted markup), made safe to print: each unsafe character is shown as
 * JavaScript writes it in a string: `\n`, `\r`, `\t`, `\x1b` (other characters up to U+00FF), `\u{202e}`.
 */
export function visible(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.codePointAt(0) as number;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * `visible`, for text that starts an output line, which must not read as a CI runner's command either: GitHub
 * Actions runs a line that begins, after white space, with `::` or `##[`. The first character of either is shown
 * as `\x3a` or `\x23`.
 */
export function visibleLineStart(s: string): string {
  return visible(s).replace(/^(\s*)(?::(?=:)|#(?=#\[))/u, (m, space: string) => `${space}${m.endsWith(':') ? '\\x3a' : '\\x23'}`);
}
