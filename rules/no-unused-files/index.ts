/**
 * no-unused-files: images and other files of the archive that no page uses (no Markdown link, image, definition
 * or raw-HTML `href`/`src`/`srcset`/`poster` resolves to them), by kind and size. Runs on the archive graph, once a
 * run (`archive`); the per-file plugin does nothing. Files outside a profile's published site are not its files.
 */
import { posix } from 'node:path';
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import picomatch from 'picomatch';
import { KINDS, meta } from './meta.js';
import { docsUrl, format, type ArchiveContext, type ArchiveProblem } from '../../src/core/parse/rule.js';
import { isMarkdownPath } from '../../src/core/links/target-index.js';
import { bytesText } from '../../src/core/graph/phase.js';

export { meta };

export interface Options {
  kinds?: string[];
  ignore?: string[];
}

const KIND_OF = new Map(Object.entries(KINDS).flatMap(([kind, exts]) => exts.map((e) => [e, kind] as const)));

/** The kind of a file, by its extension. */
export function kindOf(path: string): string {
  return KIND_OF.get(posix.extname(path).slice(1).toLowerCase()) ?? 'other';
}

export function archive(ctx: ArchiveContext, options: Options = {}): ArchiveProblem[] {
  const kinds = new Set(options.kinds ?? Object.keys(KINDS));
  const ignored = options.ignore?.length ? picomatch(options.ignore, { dot: true }) : () => false;
  const out: ArchiveProblem[] = [];
  for (const path of ctx.graph.files) {
    if (isMarkdownPath(path) || !ctx.inSite(path) || ctx.graph.linksTo(path).length > 0) continue;
    const kind = kindOf(path);
    if (!kinds.has(kind) || ignored(path)) continue;
    const bytes = ctx.size(path);
    if (bytes === undefined) continue;
    out.push({ path, ruleId: meta.id, messageId: 'unusedFile', message: format(meta.messages.unusedFile as string, { kind, size: bytesText(bytes) }), data: { kind, bytes } });
  }
  return out;
}

export const plugin = lintRule<Root, Options | undefined>({ origin: `archive-lint:${meta.id}`, url: docsUrl(meta.id) }, () => {
  // The check needs every page of the archive: the engine runs `archive` on its graph.
});

export default plugin;
