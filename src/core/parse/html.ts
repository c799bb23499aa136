/**
 * A thin layer over htmlparser2's tokenizer: tags with exact offsets for the tag, its name and each attribute
 * value, so that rules can point at the exact place, also inside multi-line HTML blocks.
 */
import { Tokenizer, QuoteType } from 'htmlparser2';
import { decodeHTML } from 'entities';

export interface HtmlAttribute {
  name: string;
  /** Decoded value ('' for a bare attribute). */
  value: string;
  nameStart: number;
  /** Offsets of the value text inside the quotes (equal to nameEnd for a bare attribute). */
  valueStart: number;
  valueEnd: number;
  quote: 'double' | 'single' | 'none' | 'bare';
}

export interface HtmlTag {
  kind: 'open' | 'close';
  /** Lower-cased tag name. */
  name: string;
  start: number;
  /** Exclusive end offset (after `>`). */
  end: number;
  selfClosing: boolean;
  attributes: HtmlAttribute[];
}

export interface HtmlText {
  start: number;
  end: number;
}

export interface HtmlScan {
  tags: HtmlTag[];
  comments: HtmlText[];
  /** Text between tags, raw (entities not decoded). */
  texts: HtmlText[];
  /** Entities found in text: offset range and the code point they decode to. */
  entities: { start: number; end: number; codePoint: number }[];
}

const quoteName: Record<number, HtmlAttribute['quote']> = {
  [QuoteType.Double]: 'double',
  [QuoteType.Single]: 'single',
  [QuoteType.Unquoted]: 'none',
  [QuoteType.NoValue]: 'bare',
};

/** Tokenize an HTML fragment. Never throws. */
export function scanHtml(source: string): HtmlScan {
  const tags: HtmlTag[] = [];
  const comments: HtmlText[] = [];
  const texts: HtmlText[] = [];
  const entities: HtmlScan['entities'] = [];
  let tag: HtmlTag | undefined;
  let attr: HtmlAttribute | undefined;
  let entityStart = -1;

  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        // `<` precedes the name.
        tag = { kind: 'open', name: source.slice(start, end).toLowerCase(), start: start - 1, end, selfClosing: false, attributes: [] };
      },
      onattribname(start, end) {
        attr = { name: source.slice(start, end).toLowerCase(), value: '', nameStart: start, valueStart: end, valueEnd: end, quote: 'bare' };
      },
      onattribdata(_start, _end) {
        // The value is read from the source at `onattribend`, so that its exact span is known.
      },
      onattribentity() {},
      onattribend(quote, end) {
        if (!attr || !tag) return;
        attr.quote = quoteName[quote] ?? 'none';
        if (attr.quote !== 'bare') {
          let i = attr.valueStart;
          while (i < end && /[\s=]/.test(source[i] as string)) i++;
          if (attr.quote === 'double' || attr.quote === 'single') {
            attr.valueStart = i + 1;
            attr.valueEnd = Math.max(attr.valueStart, end - 1);
          } else {
            attr.valueStart = i;
            attr.valueEnd = end;
          }
          attr.value = decodeHTML(source.slice(attr.valueStart, attr.valueEnd));
        }
        tag.attributes.push(attr);
        attr = undefined;
      },
      onopentagend(end) {
        if (!tag) return;
        tag.end = end + 1;
        tags.push(tag);
        tag = undefined;
      },
      onselfclosingtag(end) {
        if (!tag) return;
        tag.end = end + 1;
        tag.selfClosing = true;
        tags.push(tag);
        tag = undefined;
      },
      onclosetag(start, end) {
        const close = source.indexOf('>', end);
        tags.push({ kind: 'close', name: source.slice(start, end).toLowerCase(), start: start - 2, end: close < 0 ? end : close + 1, selfClosing: false, attributes: [] });
      },
      ontext(start, end) {
        texts.push({ start, end });
        entityStart = end;
      },
      ontextentity(codePoint, end) {
        // The entity runs from the end of the previous text section (or tag) to `end`.
        const start = source.lastIndexOf('&', end - 1);
        entities.push({ start: start < 0 ? entityStart : start, end, codePoint });
      },
      oncomment(start, end) {
        const close = source.indexOf('>', end);
        comments.push({ start: start - 4, end: close < 0 ? source.length : close + 1 });
      },
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(source);
  tokenizer.end();
  return { tags, comments, texts, entities };
}
