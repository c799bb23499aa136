/**
 * `archive-lint links-to PATH…`: every link and image that reaches PATH (a page, a folder, `page.md#anchor`), as
 * file:line:column, from the cache's reverse-link index (a warm cache answers without reading a page).
 */
import { relative, resolve, sep } from 'node:path';
import { archiveLinks, linksTo, type LinkAt, type LinkQuery } from '../core/graph/links-to.js';
import { FileCache } from '../core/cache/cache.js';
import { visible } from '../core/walk/text.js';
import { cacheWarnings, type ArchiveSetup } from './setup.js';
import type { MainIO } from './io.js';

/** `page.md#anchor` → the page (root-relative) and the anchor. */
export function queryOf(cwd: string, root: string, arg: string): LinkQuery | string {
  const hash = arg.indexOf('#');
  const path = hash < 0 ? arg : arg.slice(0, hash);
  const rel = relative(root, resolve(cwd, path)).split(sep).join('/');
  if (rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) return `${arg}: outside the root ${root}; give --root`;
  return hash < 0 ? { path: rel } : { path: rel, fragment: arg.slice(hash + 1) };
}

function table(links: readonly LinkAt[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return ['| file | line | column | kind | target |', '| --- | ---: | ---: | --- | --- |', ...links.map((l) => `| ${cell(l.from)} | ${l.line} | ${l.column} | ${l.source === 'html' ? 'HTML ' : ''}${l.type} | ${cell(l.target)} |`)].join('\n');
}

export async function linksToCommand(io: MainIO, args: readonly string[], format: string, setup: ArchiveSetup, write: (text: string) => void): Promise<number> {
  const { root, config, repo, cacheKey, cacheLocation, cacheSecret } = setup;
  if (!args.length) throw setup.usage('links-to takes one PATH or more: the pages or folders to find links to (page.md#anchor for one anchor)');
  if (!['text', 'json', 'markdown'].includes(format)) throw setup.usage(`--format '${format}': expected text, json or markdown`);
  const queries: LinkQuery[] = [];
  for (const arg of args) {
    const q = queryOf(io.cwd, root, arg);
    if (typeof q === 'string') throw setup.usage(q);
    queries.push(q);
  }
  const cache = cacheLocation === undefined ? undefined : new FileCache(cacheLocation, cacheKey, { root, ...(cacheSecret ? { secret: cacheSecret } : {}) });
  const index = archiveLinks({ root, config, repo, cache });
  const links = linksTo(index, queries);
  for (const w of cacheWarnings(cache)) io.stderr.write(`archive-lint: warning: ${visible(w)}\n`);
  const shown = (p: string) => relative(io.cwd, resolve(root, p)).split(sep).join('/') || '.';
  if (format === 'json') {
    write(JSON.stringify(links.map((l) => ({ filePath: resolve(root, l.from), line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, target: l.target, file: l.file, type: l.type, source: l.source })), null, 2));
  } else if (format === 'markdown') {
    write(table(links));
  } else {
    write(links.map((l) => `${visible(shown(l.from))}:${l.line}:${l.column}  ${l.source === 'html' ? 'HTML ' : ''}${l.type} to ${visible(l.target)}`).join('\n'));
  }
  const pages = new Set(links.map((l) => l.from)).size;
  const n = (x: number) => x.toLocaleString('en-US');
  io.stderr.write(
    `archive-lint: ${n(links.length)} link${links.length === 1 ? '' : 's'} from ${n(pages)} page${pages === 1 ? '' : 's'} to ${args.map(visible).join(', ')} (${n(index.pages.size)} pages: ${n(index.pages.size - index.read)} from the cache, ${n(index.read)} read)\n`,
  );
  return 0;
}
