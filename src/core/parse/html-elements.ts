/** The elements of HTML (living standard, plus common obsolete ones); anything else is an unknown element. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  `a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup
data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head
header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol
optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span
strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr
acronym applet basefont bgsound big blink center dir font frame frameset image isindex keygen listing marquee menuitem
multicol nextid nobr noembed noframes plaintext rb rtc spacer strike tt xmp math svg`
    .split(/\s+/)
    .filter(Boolean),
);

export function isKnownElement(name: string): boolean {
  return HTML_ELEMENTS.has(name.toLowerCase());
}
