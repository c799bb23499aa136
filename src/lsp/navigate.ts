/**
 * Links as an editor follows them: where a link under the cursor resolves (the same resolution as the
 * cross-file checks), the heading an anchor names, and the paths and anchors to complete while one is typed.
 */
import { posix } from 'node:path';
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Hover, type Location, type Range } from 'vscode-languageserver/node';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../core/parse/parse.js';
import { eachNode } from '../core/parse/tree.js';
import { readSource } from '../core/parse/process-file.js';
import { sluggerFor } from '../core/config/site.js';
import { lineStarts } from '../core/walk/text.js';
import { resolveTarget, type Target } from '../core/links/resolve.js';
import { strippedPadding } from '../core/links/missing-target.js';
import { isMarkdownPath } from '../core/links/target-index.js';
import { rangeOf, uriOf } from './convert.js';
import type { LiveArchive } from './archive.js';
import type { FileOutcome, Reference } from '../types.js';

/** The reference whose URL holds this offset (its end included: the cursor just after it). */
export function refAt(o: FileOutcome, offset: number): Reference | undefined {
  return o.facts.references.find((r) => r.start <= offset && offset <= r.end);
}

export function targetOf(archive: LiveArchive, from: string, ref: Reference): Target {
  const { repo } = archive.setup;
  return resolveTarget(strippedPadding(ref)?.url ?? ref.url, { from, ...(repo ? { repo } : {}), mirrors: archive.checks.ctx.mirrors });
}

/** The file a local target means: the file itself, or a folder's README/index page when it has one. */
export function fileFor(archive: LiveArchive, path: string): string | undefined {
  const kind = archive.index.stat(path);
  if (kind === 'file') return path;
  if (kind === 'dir') {
    for (const name of ['README.md', 'index.md', 'readme.md']) {
      const p = path === '' ? name : `${path}/${name}`;
      if (archive.index.stat(p) === 'file') return p;
    }
  }
  return undefined;
}

/** Offset of the heading (or element `id`/`name`) that makes `fragment` in a text, under the profile's slugs. */
export function anchorOffset(text: string, fragment: string, site: Parameters<typeof sluggerFor>[0]): number | undefined {
  const slugger = sluggerFor(site);
  let found: number | undefined;
  eachNode(parseMarkdown(text), (node) => {
    if (found !== undefined || node.type !== 'heading') return;
    if (slugger.slug(toString(node as Heading, { includeHtml: false, includeImageAlt: false })) === fragment) found = node.position?.start.offset;
  });
  if (found !== undefined) return found;
  const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\b(?:id|name)\\s*=\\s*(["']?)${escaped}\\1(?=[\\s/>])`).exec(text);
  return m?.index;
}

/** The text of a file: the editor's when it is open, else the disk's (bounded as every read). */
export type TextOf = (path: string) => string | undefined;

export function diskText(archive: LiveArchive, path: string): string | undefined {
  const s = readSource(archive.abs(path), archive.setup.config.maxFileSize);
  return 'text' in s ? s.text : undefined;
}

/** Where a link goes: the file, at its heading when the fragment names one. */
export function definitionOf(archive: LiveArchive, from: string, ref: Reference, textOf: TextOf): Location | undefined {
  const t = targetOf(archive, from, ref);
  let path: string | undefined;
  let fragment: string | undefined;
  if (t.kind === 'fragment') {
    path = from;
    fragment = t.fragment;
  } else if (t.kind === 'local' && t.via !== 'mirror') {
    path = fileFor(archive, t.path);
    fragment = t.fragment;
  }
  if (path === undefined) return undefined;
  const zero: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  let range = zero;
  if (fragment && isMarkdownPath(path)) {
    const text = textOf(path);
    const at = text === undefined ? undefined : anchorOffset(text, fragment, archive.setup.config.site);
    if (text !== undefined && at !== undefined) {
      range = rangeOf(lineStarts(text), at, at);
    }
  }
  return { uri: uriOf(archive.abs(path)), range };
}

/** A link in words: where it resolves, whether that exists, and which rule checks it. */
export function hoverOf(archive: LiveArchive, o: FileOutcome, ref: Reference, problems: readonly string[]): Hover {
  const t = targetOf(archive, o.path, ref);
  const rule = ref.type === 'image' ? 'no-missing-images' : 'no-broken-links';
  const lines: string[] = [];
  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  switch (t.kind) {
    case 'local': {
      const shown = t.path === '' ? '/ (the root)' : t.path;
      const via = t.via === 'absolute' ? ' (from the root: a `/` path)' : t.via === 'self-url' ? " (this repository's own URL)" : t.via === 'mirror' ? ` (in the mirror ${t.mirror ?? ''})` : '';
      lines.push(`**${ref.type === 'image' ? 'Image' : 'Link'}** → ${code(shown + (t.fragment !== undefined ? `#${t.fragment}` : ''))}${via}`);
      if (t.via !== 'mirror') {
        const kind = archive.index.stat(t.path);
        lines.push(kind === 'file' ? '- file: exists' : kind === 'dir' ? '- a folder of the archive' : '- file: **not in the archive**');
        if (t.fragment && kind === 'file' && isMarkdownPath(t.path)) {
          const anchors = archive.index.anchors(t.path);
          lines.push(anchors?.has(t.fragment) ? `- anchor ${code(`#${t.fragment}`)}: a heading of that page` : `- anchor ${code(`#${t.fragment}`)}: **not among the page's ${anchors?.size ?? 0} anchors**`);
        }
      }
      break;
    }
    case 'fragment': {
      const anchors = archive.index.anchors(o.path);
      lines.push(`**Link** → ${code(`#${t.fragment}`)} in this page`, anchors?.has(t.fragment) ? '- anchor: a heading of this page' : '- anchor: **not in this page**');
      break;
    }
    case 'external':
      lines.push(`**External URL** ${code(t.url)}`, '- checked by `no-dead-urls` when external checks are on (`archive-lint check --external`, `audit`)');
      return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') } };
    case 'outside-root':
      lines.push('**Link** → outside the archive root', t.githubUrl ? `- on GitHub: ${code(t.githubUrl)}` : '- climbs over the root');
      break;
    case 'no-scheme':
      lines.push(`**Link with no scheme**: a browser reads it as the path ${code(t.path)}; meant ${code(t.suggested)}?`);
      break;
    case 'malformed':
      lines.push(`**Malformed URL**: ${t.reason}`);
      break;
    case 'other-scheme':
      lines.push(`**${t.scheme}:** URL, not checked`);
      break;
    default:
      lines.push('**Empty link**');
  }
  lines.push(`- checked by ${code(rule)}${archive.setup.config.site !== 'github' ? ` as ${archive.setup.config.site} publishes it` : ' as GitHub shows it'}`);
  for (const p of problems) lines.push(`- ${p}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') } };
}

/** At most this many completion items; the list says it is incomplete past them. */
const MAX_ITEMS = 500;

/** The URL being typed before the cursor: after `](`, `]: `, or an `href=`/`src=` attribute's opening quote. */
export function typedUrl(linePrefix: string): string | undefined {
  const md = /(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?)([^\s()<>]*)$/.exec(linePrefix);
  if (md) return md[1];
  const html = /\b(?:href|src)\s*=\s*(["'])([^"'<>]*)$/i.exec(linePrefix);
  return html?.[2];
}

/** Paths (folders and files of the archive) and anchors that complete the URL typed before the cursor. */
export function completionsFor(archive: LiveArchive, from: string, typed: string, cursor: { line: number; character: number }, anchorsOfSelf: readonly string[]): CompletionList {
  const items: CompletionItem[] = [];
  let incomplete = false;
  const hash = typed.indexOf('#');
  const replace = (from: number): Range => ({ start: { line: cursor.line, character: cursor.character - (typed.length - from) }, end: cursor });
  if (hash >= 0) {
    const pathPart = typed.slice(0, hash);
    const prefix = typed.slice(hash + 1);
    let anchors: readonly string[] = [];
    if (pathPart === '') anchors = anchorsOfSelf;
    else {
      const t = resolveTarget(pathPart, { from });
      const file = t.kind === 'local' ? fileFor(archive, t.path) : undefined;
      anchors = file ? [...(archive.index.anchors(file) ?? [])] : [];
    }
    for (const a of anchors) {
      if (!a.startsWith(prefix)) continue;
      if (items.length >= MAX_ITEMS) {
        incomplete = true;
        break;
      }
      items.push({ label: `#${a}`, filterText: a, kind: CompletionItemKind.Reference, textEdit: { range: replace(hash + 1), newText: a } });
    }
    return { isIncomplete: incomplete, items };
  }
  const slash = typed.lastIndexOf('/');
  const dirPart = typed.slice(0, slash + 1);
  const prefix = decode(typed.slice(slash + 1));
  const absolute = dirPart.startsWith('/');
  const joined = absolute ? dirPart.replace(/^\/+/, '') : posix.join(posix.dirname(from), decode(dirPart));
  const dir = posix.normalize(joined === '' ? '.' : joined).replace(/\/$/, '');
  if (dir === '..' || dir.startsWith('../')) return { isIncomplete: false, items };
  const base = dir === '.' ? '' : dir;
  const names = [...archive.index.entries(base)].sort();
  for (const name of names) {
    if (!name.toLowerCase().startsWith(prefix.toLowerCase())) continue;
    const path = base === '' ? name : `${base}/${name}`;
    if (path === from) continue;
    if (items.length >= MAX_ITEMS) {
      incomplete = true;
      break;
    }
    const folder = archive.index.stat(path) === 'dir';
    const written = name.replace(/ /g, '%20').replace(/[()<>"']/g, (c) => encodeURIComponent(c));
    items.push({ label: folder ? `${name}/` : name, kind: folder ? CompletionItemKind.Folder : CompletionItemKind.File, filterText: name, textEdit: { range: replace(slash + 1), newText: folder ? `${written}/` : written }, ...(folder ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}) });
  }
  return { isIncomplete: incomplete, items };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
