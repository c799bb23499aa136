/** The audit summary's "Archive graph" part: orphans, unreachable sections, unused bytes, the most linked pages. */
import { createColors } from 'picocolors';
import { bytesText, type GraphSummary } from '../core/graph/phase.js';
import { visible, visibleLineStart } from '../core/walk/text.js';

const n = (x: number) => x.toLocaleString('en-US');

export function graphText(g: GraphSummary, color: boolean): string {
  const c = createColors(color);
  const out = ['', c.bold('Archive graph')];
  const pages = (x: number) => `${n(x)} page${x === 1 ? '' : 's'}`;
  const entries = g.entryPoints ? `${n(g.entryPoints)} entry point${g.entryPoints === 1 ? ' reaches' : 's reach'} ${n(g.reachable)}` : 'no entry point found (see no-orphans: entryPoints)';
  out.push(`${pages(g.pages)}; ${entries}. No incoming link: ${pages(g.noIncoming)}; unreachable from the entry points: ${n(g.unreachable)} more.`);
  if (g.unreachableFolders.length) out.push(`Unreachable sections: ${g.unreachableFolders.map((f) => `${visible(f.folder)} ${n(f.pages)}/${n(f.of)}`).join(', ')}.`);
  const kinds = Object.entries(g.unused.byKind).sort((a, b) => b[1].bytes - a[1].bytes);
  out.push(`Unused files: ${n(g.unused.files)}, ${bytesText(g.unused.bytes)}${kinds.length ? ` (${kinds.map(([k, v]) => `${k} ${n(v.files)}, ${bytesText(v.bytes)}`).join('; ')})` : ''}.`);
  if (g.mostLinked.length) {
    out.push('Most linked:');
    for (const m of g.mostLinked) out.push(`  ${String(n(m.pages)).padStart(7)}  ${visibleLineStart(m.path)}`);
  }
  out.push('');
  return out.join('\n');
}
