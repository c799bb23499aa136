/**
 * no-orphans: pages no reader can reach. A page no other page links to (`noIncoming`), and a page that only pages
 * no entry point reaches link to (`unreachable`: a lost section, a cycle of pages cut off from every index), each
 * with how many pages a link to it would bring back. Runs on the archive graph, once a run (`archive`); the
 * per-file plugin does nothing (under remark-cli there is no archive to see).
 */
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import picomatch from 'picomatch';
import { meta } from './meta.js';
import { docsUrl, format, type ArchiveContext, type ArchiveProblem } from '../../src/core/parse/rule.js';

export { meta };

export interface Options {
  entryPoints?: string[];
  ignore?: string[];
}

function entryText(entries: readonly string[]): string {
  if (entries.length === 0) return 'none';
  const first = entries[0] as string;
  return entries.length === 1 ? first : `${first} and ${entries.length - 1} more`;
}

export function archive(ctx: ArchiveContext, options: Options = {}): ArchiveProblem[] {
  const { graph } = ctx;
  const isEntry = picomatch([...ctx.entryPoints, ...(options.entryPoints ?? [])], { dot: true });
  const ignored = options.ignore?.length ? picomatch(options.ignore, { dot: true }) : () => false;
  const pages = graph.pages.filter((p) => ctx.inSite(p));
  const entries = pages.filter((p) => isEntry(p));
  const reached = graph.reachable(entries);
  // With no entry point, every page would be unreachable: only pages with no incoming link are reported.
  const region = new Set(pages.filter((p) => !reached.has(p)));
  const back = graph.bringsBack(region);
  const out: ArchiveProblem[] = [];
  for (const path of pages) {
    if (!region.has(path) || ignored(path)) continue;
    const count = back.get(path) ?? 1;
    const data = { count, pages: count === 1 ? 'page' : 'pages' };
    const from = graph.linksTo(path);
    if (from.length === 0) {
      out.push({ path, ruleId: meta.id, messageId: 'noIncoming', message: format(meta.messages.noIncoming as string, data), data: { bringsBack: count } });
    } else if (entries.length) {
      out.push({ path, ruleId: meta.id, messageId: 'unreachable', message: format(meta.messages.unreachable as string, { ...data, entry: entryText(entries), from: from[0] as string }), data: { bringsBack: count } });
    }
  }
  return out;
}

export const plugin = lintRule<Root, Options | undefined>({ origin: `archive-lint:${meta.id}`, url: docsUrl(meta.id) }, () => {
  // The check needs every page of the archive: the engine runs `archive` on its graph.
});

export default plugin;
