/**
 * no-raw-html: raw tags and entities left from an HTML-to-Markdown conversion, pointed at exactly (also inside
 * multi-line HTML blocks), each kind with its own message and optionally its own severity.
 */
import { decodeHTMLStrict } from 'entities';
import { KINDS, meta, type Kind } from './meta.js';
import { attachFixes, disabledLinkUrl } from './fixes.js';
import { escapedRuns } from './escaped.js';
import { problem, type FileContext } from '../../src/core/parse/rule.js';
import { fileRulePlugin } from '../../src/core/parse/plugin-context.js';
import { isKnownElement } from '../../src/core/parse/html-elements.js';
import { pointAt } from '../../src/core/walk/text.js';
import type { RawProblem, Severity } from '../../src/types.js';

export { meta };

export interface Options {
  allow?: string[];
  oncePerFile?: boolean;
  kinds?: Partial<Record<Kind, 'off' | 'warn' | 'error'>>;
  /** The unsafe fix of `<ok href>`: its text, or a link (default: a link when its URL is known, else its text). */
  unknownWithHref?: 'unwrap' | 'link';
  /** Escaped tags close together that make a run worth reporting (default 3). */
  minEscapedTags?: number;
}

const UNSAFE = new Set(['script', 'iframe', 'style', 'object', 'embed', 'applet', 'frame', 'frameset', 'form', 'meta', 'link', 'base']);
const WRAPPERS = new Set(['div', 'span', 'center', 'font']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen', 'image', 'isindex', 'spacer']);
/** Elements whose end tag HTML lets you leave out. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);

const FORMS: Record<string, string> = {
  p: 'a paragraph (a blank line)',
  br: 'a hard line break (a backslash or two spaces at the end of the line)',
  hr: "a thematic break ('---')",
  a: "a link ('[text](url)')",
  img: "an image ('![alt](src)')",
  strong: "strong emphasis ('**text**')",
  b: "strong emphasis ('**text**')",
  em: "emphasis ('*text*')",
  i: "emphasis ('*text*')",
  blockquote: "a block quote ('> ')",
  ul: "a list ('- item')",
  ol: "a numbered list ('1. item')",
  li: "a list item ('- item')",
  code: "code ('`code`')",
  pre: "a fenced code block ('```')",
};
for (let n = 1; n <= 6; n++) FORMS[`h${n}`] = `a heading ('${'#'.repeat(n)} ')`;

const SAFE_ENTITY_CHARS = new Set([0x3c, 0x3e, 0x26, 0x22, 0x27]);
const ENTITY = /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/g;

function expectedFor(codePoint: number): string {
  if (codePoint === 0xa0 || codePoint === 0x2002 || codePoint === 0x2003 || codePoint === 0x2009) return 'a plain space';
  if (codePoint === 0x200b || codePoint === 0x200c || codePoint === 0x200d || codePoint === 0xad) return 'nothing (an invisible character)';
  return `the character itself ('${String.fromCodePoint(codePoint)}')`;
}

interface OpenTag {
  name: string;
  start: number;
  end: number;
  /** The `unknown` problem of an unknown element: the one finding it gets, also when it is unbalanced. */
  unknown?: RawProblem;
}

/** Where a disabled link pointed, in words, when it is known (absolute, or a path of the page's original site). */
function pointsAt(href: string, originalUrl: string | undefined): string {
  const abs = disabledLinkUrl(href, originalUrl);
  return abs === undefined ? '' : `; it pointed at ${abs}`;
}

function collect(ctx: FileContext, options: Options): RawProblem[] {
  const allow = new Set((options.allow ?? []).map((t) => t.toLowerCase()));
  const out: RawProblem[] = [];
  const starts = ctx.lineStarts;
  const where = (offset: number) => {
    const p = pointAt(starts, offset);
    return `${p.line}:${p.column}`;
  };
  const add = (kind: Kind, id: string, data: Record<string, string>, start: number, end: number): RawProblem => {
    const p = problem(meta, id, data, start, end);
    (p as RawProblem & { kind: Kind }).kind = kind;
    out.push(p);
    return p;
  };

  // Tags, in document order, across every HTML node (tags may open in one block and close in another).
  const stack: OpenTag[] = [];
  for (const { scan, at } of ctx.htmlScans) {
    for (const tag of scan.tags) {
      const start = at(tag.start);
      const end = at(tag.end);
      const name = tag.name;
      if (allow.has(name)) continue;
      if (tag.kind === 'open') {
        let unknown: RawProblem | undefined;
        // An href on an element that is not a link (`<ok href>`, `<span href>`): GitHub drops it, and no browser
        // makes a link of it. Readers see the text: a link the conversion disabled.
        const href = tag.attributes.find((a) => a.name === 'href')?.value;
        const disabled = href === undefined ? undefined : { tag: name, where: pointsAt(href, ctx.facts.originalUrl) };
        if (!isKnownElement(name)) unknown = disabled ? add('unknown', 'disabledLink', disabled, start, end) : add('unknown', 'unknown', { tag: name }, start, end);
        else if (UNSAFE.has(name)) add('unsafe', 'unsafe', { tag: name }, start, end);
        // <a> without href is an anchor: Markdown has no form for it.
        else if (FORMS[name] && (name !== 'a' || tag.attributes.some((a) => a.name === 'href'))) add('markdownForm', 'markdownForm', { tag: name, form: FORMS[name] as string }, start, end);
        else if (WRAPPERS.has(name)) add('wrapper', disabled ? 'disabledLink' : 'wrapper', disabled ?? { tag: name }, start, end);
        for (const attr of tag.attributes) {
          if (/^on[a-z]+$/.test(attr.name)) add('unsafe', 'unsafeAttribute', { attribute: attr.name, tag: name }, at(attr.nameStart), at(attr.valueEnd));
          else if (/^\s*javascript:/i.test(attr.value)) add('unsafe', 'unsafeUrl', { attribute: attr.name, tag: name }, at(attr.valueStart), at(attr.valueEnd));
        }
        if (VOID.has(name) || tag.selfClosing) continue;
        const top = stack.at(-1);
        // Tags are matched as written: a <div> inside a <p> does not close it here, as it would in a browser,
        // because the converter that wrote `<p><center>…</center></p>` meant them nested.
        if (top && top.name === name && OPTIONAL_END.has(name)) stack.pop();
        stack.push(unknown ? { name, start, end, unknown } : { name, start, end });
      } else {
        if (VOID.has(name)) continue;
        let i = stack.length - 1;
        while (i >= 0 && (stack[i] as OpenTag).name !== name) i--;
        if (i < 0) {
          add('unbalanced', 'strayClose', { tag: name }, start, end);
          continue;
        }
        for (const open of stack.splice(i + 1)) {
          // An unknown element is one finding, whether or not it is closed where it should be.
          if (!OPTIONAL_END.has(open.name) && !open.unknown) add('unbalanced', 'closedEarly', { tag: open.name, closer: name, where: where(start) }, open.start, open.end);
        }
        stack.pop();
      }
    }
  }
  for (const open of stack) {
    if (open.unknown) {
      // Never closed, an unknown "element" is most often text that looks like a tag (`Box<T>`), which readers
      // do not see: one finding that says so, instead of two.
      const written = ctx.text.slice(open.start + 1, open.start + 1 + open.name.length);
      Object.assign(open.unknown, problem(meta, 'unknownUnclosed', { tag: written }, open.start, open.end));
    } else if (!OPTIONAL_END.has(open.name)) add('unbalanced', 'unclosed', { tag: open.name }, open.start, open.end);
  }

  // Runs of escaped tags shown as text: HTML the converter escaped instead of converting.
  for (const run of escapedRuns(ctx, options.minEscapedTags ?? 3)) {
    const first = pointAt(starts, run.start).line;
    const last = pointAt(starts, run.end).line;
    const data = { tags: `${run.count} escaped tag${run.count === 1 ? '' : 's'}`, example: run.example, where: first === last ? `line ${first}` : `lines ${first}-${last}` };
    add('escaped', 'escapedMarkup', data, run.start, run.end);
  }

  // Entities: in HTML text, and in the source of Markdown text.
  if (!allow.has('entities')) {
    const entity = (text: string, start: number, end: number, codePoint: number) => {
      if (SAFE_ENTITY_CHARS.has(codePoint)) return;
      add('entity', 'entity', { entity: text, expected: expectedFor(codePoint) }, start, end);
    };
    for (const { scan, at } of ctx.htmlScans) {
      for (const e of scan.entities) entity(ctx.text.slice(at(e.start), at(e.end)), at(e.start), at(e.end), e.codePoint);
    }
    for (const { start, end } of ctx.textRanges) {
      const source = ctx.text.slice(start, end);
      if (!source.includes('&')) continue;
      for (const m of source.matchAll(ENTITY)) {
        const decoded = decodeEntity(m[0]);
        if (decoded !== undefined) entity(m[0], start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length, decoded);
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function decodeEntity(text: string): number | undefined {
  const d = decodeHTMLStrict(text);
  return d === text ? undefined : d.codePointAt(0);
}

/** Apply per-kind severities and `oncePerFile`. */
function finish(problems: RawProblem[], options: Options): RawProblem[] {
  const sev: Partial<Record<Kind, Severity>> = {};
  for (const k of KINDS) {
    const s = options.kinds?.[k];
    if (s !== undefined) sev[k] = s === 'off' ? 0 : s === 'warn' ? 1 : 2;
  }
  const kept = problems.filter((p) => sev[(p as RawProblem & { kind: Kind }).kind] !== 0);
  for (const p of kept) {
    const s = sev[(p as RawProblem & { kind: Kind }).kind];
    if (s !== undefined) p.severity = s;
  }
  if (!options.oncePerFile) return kept.map(strip);
  const first = new Map<string, RawProblem>();
  const counts = new Map<string, number>();
  for (const p of kept) {
    const key = p.messageId;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!first.has(key)) first.set(key, p);
  }
  return [...first.values()].map((p) => {
    const n = counts.get(p.messageId) ?? 1;
    if (n > 1) {
      p.message = `${p.message} (and ${n - 1} more like it in this file)`;
      p.occurrences = n;
    }
    return strip(p);
  });
}

function strip(p: RawProblem): RawProblem {
  delete (p as RawProblem & { kind?: Kind }).kind;
  return p;
}

export function check(ctx: FileContext, options: Options = {}): RawProblem[] {
  const problems = collect(ctx, options);
  attachFixes(ctx, problems, { unknownWithHref: options.unknownWithHref ?? 'auto', site: ctx.site ?? 'github' });
  return finish(problems, options);
}

export const plugin = fileRulePlugin<Options>(meta, check);

export default plugin;
