/**
 * The audit's HTML report: one self-contained file (inline style, script and SVG; it makes no request) that shows
 * where the problems are, what kind they are and what to fix first: totals, findings by rule and kind (bars), a
 * heat table of folders × rules, the most-linked missing targets, dead hosts, and every finding, filterable and
 * listed a page at a time by the page's script from a compact store (see `html/model.ts`).
 *
 * Built from the ESLint-style results alone (so `merge-reports` can build it from JSON reports), with optional
 * extras in the context. `htmlChunks` gives it in pieces, for writing a big report without holding it whole.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FormatContext } from './types.js';
import type { LintResult } from '../types.js';
import type { ExternalReport } from '../core/external/phase.js';
import { bytesText, type GraphSummary } from '../core/graph/phase.js';
import { docsUrl } from '../core/parse/rule.js';
import { visible } from '../core/walk/text.js';
import { buildModel, type Cell, type Model } from './html/model.js';
import { STYLE } from './html/style.js';
import { CLIENT_JS } from './html/client.js';
import { fixPlan, stepAdvice, type FixPlan } from '../core/report/plan.js';
import { blobUrl, type RepoIdentity } from '../core/links/github.js';

export interface HtmlContext extends FormatContext {
  /** Where the report is written: its file links are relative to its folder (default: the working directory). */
  reportFile?: string;
  /** The run's external checks: their report, `false` when they were off, undefined when not known. */
  external?: ExternalReport | false;
  /** Problems inline `<!-- lint disable -->` comments suppressed, when counted. */
  suppressed?: number;
  /** When the report was made (default: now). */
  generatedAt?: Date;
  /** The archive graph's summary (an audit's): orphans, unreachable sections, unused bytes, the most linked pages. */
  graph?: GraphSummary;
  /**
   * The archive's repository on GitHub, and the root's path in it (`''` when the root is its top level): each
   * finding then links to its file's page on GitHub at its line, instead of to the local file.
   */
  github?: { repo: RepoIdentity; prefix: string };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Text from the files, for the page: control characters shown as escapes (as every human-facing output does), then escaped. */
function text(s: string): string {
  return escapeHtml(visible(s));
}

const num = (n: number) => n.toLocaleString('en-US');

/** 1234 → 1.2k, 1437259 → 1.44M. */
function short(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1e6) return `${(n / 1e3).toFixed(n < 1e4 ? 1 : 0).replace(/\.0$/, '')}k`;
  return `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1).replace(/\.?0+$/, '')}M`;
}

function plural(n: number, noun: string): string {
  return `${num(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function filterAttr(f: Record<string, string>): string {
  return ` data-filter="${escapeHtml(JSON.stringify(f))}" tabindex="0"`;
}

const TOP_FOLDERS = 30;
const TOP_MISSING = 100;
/** Rows of a long table shown before its "more". */
const FIRST_ROWS = 15;
const TOP_HOSTS = 30;
/** Bytes of the packed findings a base64 piece covers (a multiple of 3, so that pieces join into one base64 text). */
const PIECE = 3 * 256 * 1024;

export function html(results: readonly LintResult[], ctx: HtmlContext): string {
  return [...htmlChunks(results, ctx)].join('');
}

export function* htmlChunks(results: readonly LintResult[], ctx: HtmlContext): Generator<string> {
  const model = buildModel(results, ctx.root, ctx.rules);
  const at = ctx.generatedAt ?? new Date();
  yield `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`;
  yield `<title>archive-lint report: ${text(ctx.root.split(sep).pop() || ctx.root)}</title><style>${STYLE}</style></head><body>`;
  yield `<header class="top"><h1>archive-lint report</h1><p class="sub"><b>${text(ctx.root)}</b> · archive-lint ${escapeHtml(ctx.version)} · ${escapeHtml(at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</p></header><main>`;
  yield cards(model, ctx);
  yield planPanel(fixPlan(results, ctx.root, ctx.rules), model);
  yield rulePanel(model);
  yield heatPanel(model);
  yield missingPanel(model);
  yield hostsPanel(model, ctx);
  if (ctx.graph) yield graphPanel(ctx.graph);
  yield findingsPanel(model, ctx);
  yield `<footer>Made by archive-lint ${escapeHtml(ctx.version)}. Every number counts messages, as the JSON report lists them.</footer></main>`;
  const prefix = relative(ctx.reportFile === undefined ? ctx.cwd : dirname(resolve(ctx.cwd, ctx.reportFile)), ctx.root).split(sep).filter(Boolean).map(encodeURIComponent).join('/');
  const meta = {
    findings: model.findings,
    slots: model.slots,
    prefix: prefix ? `${prefix}/` : '',
    // The GitHub page of a file: this and its root-relative path, then `#L` and the line.
    blob: ctx.github === undefined ? '' : blobUrl(ctx.github.repo, ctx.github.prefix ? `${ctx.github.prefix}/` : ''),
    rules: model.rules,
    kinds: model.kinds.map((k) => [k.rule, k.id, k.name, k.severity, k.fix, k.occurrences ? 1 : 0, k.template]),
    templates: model.templates,
    folders: model.folders,
    files: model.files,
    strings: model.strings,
  };
  yield '<script type="application/octet-stream" id="al-meta">';
  yield* base64(gzipSync(JSON.stringify(meta)));
  yield '</script><script type="application/octet-stream" id="al-data">';
  yield* base64(gzipSync(model.data));
  yield `</script><script>${CLIENT_JS}</script></body></html>\n`;
}

function* base64(bytes: Uint8Array): Generator<string> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < b.length; at += PIECE) yield b.subarray(at, at + PIECE).toString('base64');
}

function card(cls: string, label: string, value: string, note: string, id?: string, raw?: number): string {
  const v = id === undefined ? value : `<data id="${id}" value="${raw ?? ''}">${value}</data>`;
  return `<div class="card ${cls}"><span class="label">${label}</span><span class="value">${v}</span><span class="note">${note}</span></div>`;
}

function cards(m: Model, ctx: HtmlContext): string {
  const t = m.totals;
  const suppressed =
    ctx.suppressed === undefined
      ? card('plain', 'Suppressed', '–', 'not counted for this report', 't-suppressed', undefined)
      : card('plain', 'Suppressed', num(ctx.suppressed), 'by <code>&lt;!-- lint disable --&gt;</code> comments', 't-suppressed', ctx.suppressed);
  return `<section class="cards">${[
    card('errors', 'Errors', num(t.errors), `in ${plural(m.rules.filter((_, i) => (m.byRule[i]?.errors ?? 0) > 0).length, 'rule')}`, 't-errors', t.errors),
    card('warnings', 'Warnings', num(t.warnings), `in ${plural(m.rules.filter((_, i) => (m.byRule[i]?.warnings ?? 0) > 0).length, 'rule')}`, 't-warnings', t.warnings),
    card('plain', 'Files linted', num(t.files), `${num(t.filesWithProblems)} with problems`, 't-files', t.files),
    card('fixable', 'Fixable', num(t.fixable), `by --fix; ${short(t.unsafeFixable)} more by --fix-unsafe`, 't-fixable', t.fixable),
    suppressed,
    card('plain', 'Not checked', num(m.totals.notChecked), 'made by the site in ways the profile cannot evaluate; never errors', 't-not-checked', m.totals.notChecked),
  ].join('')}</section>`;
}

/**
 * What to fix first: the largest groups of errors, each with the command that fixes it or what it points at and
 * how to silence it, and a click that lists its findings; then what `--fix` changes.
 */
function planPanel(plan: FixPlan, m: Model): string {
  const head = `<section class="panel plan" id="plan"><h2>Fix first</h2>`;
  if (plan.steps.length === 0) return `${head}<p class="note-box">Nothing to fix in ${plural(m.totals.files, 'file')}.</p></section>`;
  const noun = plan.severity === 2 ? 'error' : 'warning';
  const lead =
    plan.severity === 2
      ? `The largest groups of errors (what a reader of the site hits), largest first${plan.more ? `; ${plural(plan.more, 'more kind')} of error below` : ''}. Click one to list its findings.`
      : 'No errors. The largest groups of warnings, largest first. Click one to list its findings.';
  const items = plan.steps.map((s) => {
    const rule = s.ruleId ?? '';
    const advice = stepAdvice(s, num);
    const lines = [
      `<div class="what"><b>${escapeHtml(ruleLabel(rule))}</b> · ${escapeHtml(s.kind)}: <span class="step-n">${plural(s.count, noun)}</span> <span class="muted">in ${plural(s.files, 'file')}; first at <code>${text(s.first.file)}:${s.first.line}</code></span></div>`,
      advice ? `<div class="advice">${text(advice)}</div>` : '',
      s.command ? `<div class="cmd"><span class="muted">run</span> <code>${escapeHtml(s.command)}</code></div>` : '',
      s.config ? `<div class="cmd"><span class="muted">or silence, in the config</span> <code>${text(s.config)}</code></div>` : '',
    ];
    return `<li${filterAttr({ rule, kind: s.messageId, sev: String(plan.severity) })}>${lines.join('')}</li>`;
  });
  const f = plan.fix;
  const fixLine = f.findings
    ? `<p class="fixall"><code>archive-lint check --fix</code> fixes ${plural(f.findings, 'finding')} (${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}) in ${plural(f.files, 'file')}, keeping what a reader sees; <code>--fix-dry-run</code> shows the diff first.` +
      ` <a href="#findings" data-filter="${escapeHtml(JSON.stringify({ fix: 'safe' }))}">List them</a>.${plan.unsafe ? ` ${plural(plan.unsafe, 'more finding')} ${plan.unsafe === 1 ? 'has' : 'have'} an unsafe fix (<code>--fix-unsafe</code>), which may change what a reader sees.` : ''}</p>`
    : '<p class="fixall">Nothing here has a safe fix: <code>--fix</code> changes nothing.</p>';
  return `${head}<p class="lead">${lead}</p><ol class="steps">${items.join('')}</ol>${fixLine}</section>`;
}

/** Rules with findings, errors first (what to fix first), then by warnings. */
function ruleOrder(m: Model): number[] {
  const e = (i: number) => m.byRule[i]?.errors ?? 0;
  const w = (i: number) => m.byRule[i]?.warnings ?? 0;
  return m.rules
    .map((_, i) => i)
    .filter((i) => total(m.byRule[i]) > 0)
    .sort((a, b) => e(b) - e(a) || w(b) - w(a) || (m.rules[a] as string).localeCompare(m.rules[b] as string));
}

function total(c: Cell | undefined): number {
  return c === undefined ? 0 : c.errors + c.warnings;
}

function ruleLabel(id: string): string {
  return id === '' ? 'file messages' : id;
}

function rulePanel(m: Model): string {
  const order = ruleOrder(m);
  if (order.length === 0) return `<section class="panel"><h2>Findings by rule</h2><p class="note-box">No problems in ${plural(m.totals.files, 'file')}.</p></section>`;
  // Errors and warnings on scales of their own: 72,719 warnings would make every error bar a sliver.
  const emax = Math.max(1, ...order.map((i) => m.byRule[i]?.errors ?? 0));
  const wmax = Math.max(1, ...order.map((i) => m.byRule[i]?.warnings ?? 0));
  const W = 900;
  const LABEL = 170;
  const BAR = 300;
  const GAP = 60;
  const ROW = 30;
  const HEAD = 22;
  const xw = LABEL + BAR + GAP;
  const rows = order.map((i, row) => {
    const c = m.byRule[i] as Cell;
    const y = HEAD + row * ROW + 6;
    const id = m.rules[i] as string;
    const bar = (n: number, max: number, x: number, cls: string, sev: string) => {
      const w = n ? Math.max(2, (n / max) * BAR) : 0;
      return (
        `<g${n ? filterAttr({ rule: id, sev }) : ''}><title>${escapeHtml(ruleLabel(id))}: ${n ? plural(n, sev === '2' ? 'error' : 'warning') : `no ${sev === '2' ? 'errors' : 'warnings'}`}</title>` +
        `<rect class="track" x="${x}" y="${y}" width="${BAR}" height="20" rx="4"/>` +
        (w ? `<rect class="${cls}" x="${x}" y="${y}" width="${w.toFixed(1)}" height="20" rx="4"/>` : '') +
        `<text class="num${n ? '' : ' muted'}" x="${(x + w + 6).toFixed(1)}" y="${y + 14}">${n ? num(n) : '0'}</text></g>`
      );
    };
    return `<text x="${LABEL - 10}" y="${y + 14}" text-anchor="end">${escapeHtml(ruleLabel(id))}</text>${bar(c.errors, emax, LABEL, 'be', '2')}${bar(c.warnings, wmax, xw, 'bw', '1')}`;
  });
  const heads = `<text x="${LABEL}" y="14" class="muted">errors (scale: ${num(emax)})</text><text x="${xw}" y="14" class="muted">warnings (scale: ${num(wmax)})</text>`;
  const svg = `<svg viewBox="0 0 ${W} ${HEAD + order.length * ROW + 10}" role="img" aria-label="Errors and warnings per rule">${heads}${rows.join('')}</svg>`;
  const legend = `<div class="legend"><span><i style="background:var(--err)"></i>errors</span><span><i style="background:var(--warn-bar)"></i>warnings, on a scale of their own</span><span>Click a bar or a kind to list its findings.</span></div>`;
  // Kinds of finding, grouped by rule, in words.
  const groups = new Map<string, { rule: number; id: string; name: string; c: Cell }>();
  m.kinds.forEach((k, i) => {
    const key = `${k.rule}:${k.id}`;
    const g = groups.get(key) ?? { rule: k.rule, id: k.id, name: k.name, c: { errors: 0, warnings: 0 } };
    g.c.errors += m.byKind[i]?.errors ?? 0;
    g.c.warnings += m.byKind[i]?.warnings ?? 0;
    groups.set(key, g);
  });
  // A kind's meter shows its errors on the errors' scale, else its warnings on the warnings' scale.
  const kemax = Math.max(1, ...[...groups.values()].map((g) => g.c.errors));
  const kwmax = Math.max(1, ...[...groups.values()].filter((g) => !g.c.errors).map((g) => g.c.warnings));
  const kindRows: string[] = [];
  for (const r of order) {
    const list = [...groups.values()].filter((g) => g.rule === r).sort((a, b) => b.c.errors - a.c.errors || b.c.warnings - a.c.warnings || a.name.localeCompare(b.name));
    list.forEach((g, j) => {
      const id = m.rules[r] as string;
      const name = j === 0 ? (id === '' ? 'file messages' : `<a href="${escapeHtml(docsUrl(id))}">${escapeHtml(id)}</a>`) : '';
      const w = (g.c.errors ? (100 * g.c.errors) / kemax : (100 * g.c.warnings) / kwmax).toFixed(2);
      kindRows.push(
        `<tr${filterAttr({ rule: id, kind: g.id })}><td class="rule">${name}</td><td>${escapeHtml(g.name)}</td><td class="n">${g.c.errors ? num(g.c.errors) : ''}</td><td class="n">${g.c.warnings ? num(g.c.warnings) : ''}</td>` +
          `<td style="width:28%"><div class="meter${g.c.errors ? '' : ' w'}"><span style="width:${w}%"></span></div></td></tr>`,
      );
    });
  }
  const kinds = `<table class="kinds"><thead><tr><th>rule</th><th>kind</th><th class="n">errors</th><th class="n">warnings</th><th></th></tr></thead><tbody>${kindRows.join('')}</tbody></table>`;
  return `<section class="panel"><h2>Findings by rule</h2><p class="lead">${num(m.totals.errors + m.totals.warnings)} findings in ${plural(m.totals.filesWithProblems, 'file')}.</p>${svg}${legend}<h2 style="margin-top:18px">By kind</h2>${kinds}</section>`;
}

/** A heat colour: pale yellow to deep red, by a share from 0 to 1. */
function heatColour(share: number): { fill: string; ink: string } {
  const hue = 50 - 50 * share;
  const light = 93 - 52 * share;
  return { fill: `hsl(${hue.toFixed(0)} 92% ${light.toFixed(0)}%)`, ink: light < 62 ? '#fff' : '#1f2328' };
}

function heatPanel(m: Model): string {
  const rules = ruleOrder(m);
  const folders = m.folders.map((_, i) => i).filter((i) => rowTotal(m, i) > 0);
  if (rules.length === 0 || folders.length === 0) return '';
  // Folders with the most errors first, then by warnings: the rows a reader hits come first.
  const errors = (f: number) => (m.heat[f] ?? []).reduce((n, c) => n + (c?.errors ?? 0), 0);
  folders.sort((a, b) => errors(b) - errors(a) || rowTotal(m, b) - rowTotal(m, a) || (m.folders[a] as string).localeCompare(m.folders[b] as string));
  const shown = folders.slice(0, TOP_FOLDERS);
  const LABEL = 220;
  const CW = 122;
  const CH = 28;
  const HEAD = 34;
  const cols = [...rules, -1];
  const width = LABEL + cols.length * CW;
  const cellMax = Math.max(1, ...shown.flatMap((f) => rules.map((r) => total(m.heat[f]?.[r]))));
  const rowMax = Math.max(1, ...shown.map((f) => rowTotal(m, f)));
  const out: string[] = [];
  cols.forEach((r, j) => {
    const x = LABEL + j * CW + CW / 2;
    out.push(`<text x="${x}" y="${HEAD - 12}" text-anchor="middle" class="${r < 0 ? 'muted' : ''}">${escapeHtml(r < 0 ? 'all rules' : ruleLabel(m.rules[r] as string))}</text>`);
  });
  shown.forEach((f, row) => {
    const y = HEAD + row * CH;
    const name = visible(m.folders[f] as string);
    const label = name.length > 30 ? `…${name.slice(-29)}` : name;
    out.push(`<text x="${LABEL - 10}" y="${y + 18}" text-anchor="end"><title>${text(m.folders[f] as string)}: ${plural(m.folderFiles[f] ?? 0, 'file')}</title>${escapeHtml(label)}</text>`);
    cols.forEach((r, j) => {
      const n = r < 0 ? rowTotal(m, f) : total(m.heat[f]?.[r]);
      const x = LABEL + j * CW;
      const share = n === 0 ? 0 : Math.log1p(n) / Math.log1p(r < 0 ? rowMax : cellMax);
      const { fill, ink } = n === 0 ? { fill: 'var(--soft)', ink: 'var(--muted)' } : heatColour(share);
      const c = r < 0 ? undefined : m.heat[f]?.[r];
      const tip = `${visible(m.folders[f] as string)} · ${r < 0 ? 'all rules' : ruleLabel(m.rules[r] as string)}: ${c ? [c.errors ? `${num(c.errors)} errors` : '', c.warnings ? `${num(c.warnings)} warnings` : ''].filter(Boolean).join(', ') || 'none' : num(n)}`;
      const filter: Record<string, string> = { folder: m.folders[f] as string };
      if (r >= 0) filter.rule = m.rules[r] as string;
      out.push(
        `<g${n ? filterAttr(filter) : ''}><title>${escapeHtml(tip)}</title><rect x="${x + 2}" y="${y + 1}" width="${CW - 4}" height="${CH - 3}" rx="4" style="fill:${fill}"/>` +
          `<text class="num" x="${x + CW / 2}" y="${y + 18}" text-anchor="middle" style="fill:${ink}">${n ? short(n) : '·'}</text></g>`,
      );
    });
  });
  const more = folders.length > shown.length ? ` The ${num(shown.length)} folders with the most findings are shown, of ${num(folders.length)}; the list below filters by any.` : '';
  const depth = m.folderDepth === 1 ? 'top-level folders' : `folders ${m.folderDepth} levels deep`;
  return (
    `<section class="panel"><h2>Where the problems are</h2><p class="lead">Findings by folder (${depth}) and rule, folders with the most errors first; the darker, the more (log scale). Click a cell to list its findings.${more}</p>` +
    `<svg viewBox="0 0 ${width} ${HEAD + shown.length * CH + 4}" role="img" aria-label="Heat table of findings by folder and rule">${out.join('')}</svg></section>`
  );
}

function rowTotal(m: Model, f: number): number {
  let n = 0;
  for (const c of m.heat[f] ?? []) n += total(c);
  return n;
}

function missingPanel(m: Model): string {
  const head = '<section class="panel"><h2>Most-linked missing targets</h2>';
  if (m.missing.length === 0) return `${head}<p class="note-box">No link or image points at a missing file or at a path of the original site.</p></section>`;
  const links = m.missing.reduce((n, [, v]) => n + v.links, 0);
  const shown = m.missing.slice(0, TOP_MISSING);
  const shownLinks = shown.reduce((n, [, v]) => n + v.links, 0);
  const max = shown[0]?.[1].links ?? 1;
  const rows = shown.map(
    ([target, v]) =>
      `<tr${filterAttr({ q: target })}><td class="target"><code>${text(target)}</code></td><td class="n">${num(v.links)}</td><td class="muted what">${escapeHtml(whatText(v))}</td>` +
      `<td style="width:30%"><div class="meter"><span style="width:${((100 * v.links) / max).toFixed(2)}%"></span></div></td></tr>`,
  );
  const head2 = '<table><thead><tr><th>target</th><th class="n">links</th><th>what</th><th></th></tr></thead><tbody>';
  const first = rows.slice(0, FIRST_ROWS).join('');
  const rest = rows.length > FIRST_ROWS ? `<details class="more"><summary>${plural(rows.length - FIRST_ROWS, 'more target')}</summary>${head2}${rows.slice(FIRST_ROWS).join('')}</tbody></table></details>` : '';
  return (
    `${head}<p class="lead">${plural(links, 'link')} and images point at ${plural(m.missing.length, 'missing target')}${shown.length < m.missing.length ? `, ${num(shownLinks)} of them at these ${num(shown.length)}` : ''}. ` +
    `Restoring one, or rewriting its links in one pass, fixes every finding that points at it.</p>` +
    `${head2}${first}</tbody></table>${rest}</section>`
  );
}

/** `missing page`, `missing image`, `original-site path (image)`. */
function whatText(v: { what: string; image: boolean }): string {
  if (v.what === 'file') return v.image ? 'missing image' : 'missing page';
  return v.image ? `${v.what} (image)` : v.what;
}

function hostsPanel(m: Model, ctx: HtmlContext): string {
  const head = '<section class="panel"><h2>Dead hosts</h2>';
  const e = ctx.external;
  const checked =
    e === false
      ? 'External URLs were not checked in this run (<code>--no-external</code>).'
      : e === undefined
        ? ''
        : e.networkUnavailable
          ? `External URLs were not checked: ${text(e.networkUnavailable)}.`
          : `${plural(e.urls, 'unique URL')} checked (of ${plural(e.occurrences, 'link')} and images), ${plural(e.requests, 'request')} in ${(e.ms / 1000).toFixed(1)} s.`;
  if (m.deadHosts.length === 0) {
    const none = e === undefined ? 'No dead URL in these results (they do not say whether external URLs were checked: <code>--external</code> checks them).' : e === false || e.networkUnavailable ? '' : 'No dead URL.';
    return `${head}<p class="note-box">${[checked, none].filter(Boolean).join(' ')}</p></section>`;
  }
  const rows = m.deadHosts.slice(0, TOP_HOSTS).map((h) => {
    const kinds = [...h.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${escapeHtml(k)} ${num(n)}`).join(', ');
    return `<tr${filterAttr({ q: h.host })}><td class="target"><code>${text(h.host)}</code></td><td class="n">${num(h.urls.size)}</td><td class="n">${num(h.findings)}</td><td class="muted">${kinds}</td></tr>`;
  });
  const more = m.deadHosts.length > TOP_HOSTS ? ` The ${TOP_HOSTS} with the most are shown, of ${num(m.deadHosts.length)}.` : '';
  return (
    `${head}<p class="lead">${checked ? `${checked} ` : ''}Hosts whose URLs are broken, unreachable or time out, by links to them.${more}</p>` +
    `<table><thead><tr><th>host</th><th class="n">URLs</th><th class="n">links</th><th>how</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

/** The archive graph: what no reader can reach, what no page uses, and what most pages link to. */
function graphPanel(g: GraphSummary): string {
  const head = '<section class="panel" id="graph"><h2>Archive graph</h2>';
  const entries = g.entryPoints ? `${plural(g.entryPoints, 'entry point')} ${g.entryPoints === 1 ? 'reaches' : 'reach'} ${num(g.reachable)} of them` : 'no entry point was found (no-orphans: <code>entryPoints</code>)';
  const lead =
    `<p class="lead">${plural(g.pages, 'page')}; ${entries}. <data id="g-orphans" value="${g.noIncoming}">${num(g.noIncoming)}</data> pages have no incoming link, ` +
    `<data id="g-unreachable" value="${g.unreachable}">${num(g.unreachable)}</data> more are linked only from pages no entry point reaches. ` +
    `<data id="g-unused" value="${g.unused.bytes}">${plural(g.unused.files, 'unused file')} ${g.unused.files === 1 ? 'takes' : 'take'} ${escapeHtml(bytesText(g.unused.bytes))}</data>.</p>`;
  const sections = g.unreachableFolders.length
    ? `<h3>Unreachable sections</h3><table><thead><tr><th>folder</th><th class="n">unreachable</th><th class="n">pages</th></tr></thead><tbody>${g.unreachableFolders.map((f) => `<tr${filterAttr({ q: `${f.folder}/` })}><td class="target"><code>${text(f.folder)}</code></td><td class="n">${num(f.pages)}</td><td class="n">${num(f.of)}</td></tr>`).join('')}</tbody></table>`
    : '';
  const kinds = Object.entries(g.unused.byKind).sort((a, b) => b[1].bytes - a[1].bytes);
  const unused = kinds.length
    ? `<h3>Unused files by kind</h3><table><thead><tr><th>kind</th><th class="n">files</th><th class="n">bytes</th></tr></thead><tbody>${kinds.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td class="n">${num(v.files)}</td><td class="n">${escapeHtml(bytesText(v.bytes))}</td></tr>`).join('')}</tbody></table>`
    : '';
  const linked = g.mostLinked.length
    ? `<h3>Most linked</h3><table><thead><tr><th>file</th><th class="n">pages linking</th></tr></thead><tbody>${g.mostLinked.map((m) => `<tr><td class="target"><code>${text(m.path)}</code></td><td class="n">${num(m.pages)}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `${head}${lead}${sections}${unused}${linked}</section>`;
}

function findingsPanel(m: Model, ctx: HtmlContext): string {
  if (m.findings === 0) return `<section class="panel" id="findings"><h2>Every finding</h2><p class="note-box">None.</p><table id="f-list" data-matching="0" hidden><tbody id="f-rows"></tbody></table></section>`;
  const sev = '<select id="f-sev" aria-label="severity"><option value="">errors and warnings</option><option value="2">errors</option><option value="1">warnings</option></select>';
  const sort = '<select id="f-sort" aria-label="order"><option value="errors">errors first</option><option value="file">file order</option></select>';
  const controls =
    `<div id="f-controls" hidden><select id="f-rule" aria-label="rule"></select><select id="f-kind" aria-label="kind"></select>${sev}<select id="f-folder" aria-label="folder"></select>` +
    `<input id="f-q" type="search" placeholder="Search files and messages" aria-label="search"><select id="f-fix" aria-label="fix"></select>${sort}<button id="f-reset" type="button">Reset</button></div>`;
  const pager = `<div class="pager"><span id="f-status">Unpacking ${num(m.findings)} findings…</span><span><button id="f-first" type="button">«</button> <button id="f-prev" type="button">‹ previous</button> <span id="f-page" class="muted"></span> <button id="f-next" type="button">next ›</button> <button id="f-last" type="button">»</button></span></div>`;
  return (
    `<section class="panel" id="findings"><h2>Every finding</h2><p class="lead">${plural(m.findings, 'finding')} in ${plural(m.files.length, 'file')}, 100 a page. ${
      ctx.github === undefined
        ? 'The links open the files, relative to where this report was written: keep it beside the archive.'
        : `The links open each file on GitHub at its line (${text(`${ctx.github.repo.owner}/${ctx.github.repo.name}`)}, branch ${text(ctx.github.repo.branch)}).`
    }</p>` +
    `${controls}${pager}<table id="f-list"><thead><tr><th>severity</th><th>file:line:column</th><th>message</th><th>rule · kind</th><th>fix</th></tr></thead><tbody id="f-rows"></tbody></table>` +
    `<noscript><p class="note-box">The list of findings needs JavaScript.</p></noscript></section>`
  );
}
