/**
 * Moving a page or a folder without breaking a link: the plan (every link to what moves, and the relative links of
 * the pages that move, rewritten keeping their form) and its execution (git mv in a repository, else a rename; each
 * edited page written atomically through the one writer; on a failure, what was done is undone). In: the archive's
 * links (links-to.ts), the old and new paths; out: the plan, then what was done.
 */
import { lstatSync, renameSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { readSource, processSource } from '../parse/process-file.js';
import { resolveTarget } from '../links/resolve.js';
import { movedUrl } from '../fix/fix-text.js';
import { applyFixes } from '../fix/fix.js';
import { IoError, readBounded, writeFileAtomic } from '../io/index.js';
import { makeFolder } from '../cache/cache.js';
import { tryGit } from '../walk/git.js';
import { pointAt } from '../walk/text.js';
import { isMarkdownPath } from '../links/target-index.js';
import type { ArchiveLinks } from './links-to.js';
import type { ResolvedConfig } from '../config/config.js';
import type { RepoIdentity } from '../links/github.js';
import type { Fix } from '../../types.js';

/**
 * Write a page through the one writer (src/core/io: atomic, inside the root, never through a symbolic link), and
 * only over the bytes it was read as: a page edited meanwhile is not written. An error message, or undefined.
 */
function writeFile(root: string, path: string, read: Uint8Array, text: string, bom: boolean, maxSize: number): string | undefined {
  const abs = join(root, path);
  try {
    if (!Buffer.from(read).equals(readBounded(abs, { root, maxBytes: maxSize }))) return 'changed on disk since it was read; not written';
    writeFileAtomic(abs, Buffer.from((bom ? '\ufeff' : '') + text, 'utf8'), { root });
    return undefined;
  } catch (e) {
    return e instanceof IoError ? e.reason : (e as Error).message;
  }
}

export interface PageEdit {
  /** Where the page is now, and where it will be. */
  path: string;
  newPath: string;
  bytes: Uint8Array;
  bom: boolean;
  before: string;
  after: string;
  /** Links rewritten. */
  links: number;
}

export interface MovePlan {
  from: string;
  to: string;
  /** Each file that moves (a folder's files), old → new. */
  moves: [string, string][];
  folder: boolean;
  edits: PageEdit[];
  /** Links that reach what moves but whose text could not be read back (not rewritten). */
  unrewritable: { path: string; line: number; column: number; url: string }[];
}

/** The new path of a root-relative path when `from` moves to `to`, or undefined when it stays. */
export function mover(from: string, to: string): (path: string) => string | undefined {
  return (p) => (p === from ? to : p.startsWith(`${from}/`) ? `${to}${p.slice(from.length)}` : undefined);
}

/** The plan of a move, or why it cannot be done. `from` and `to` are root-relative. */
export function planMove(links: ArchiveLinks, o: { root: string; config: ResolvedConfig; repo: RepoIdentity | undefined; from: string; to: string }): MovePlan | string {
  const { root, from, to } = o;
  if (from === '' || to === '') return 'the root itself cannot be moved, nor anything moved onto it';
  let st;
  try {
    st = lstatSync(join(root, from));
  } catch {
    return `${from}: no such file or folder`;
  }
  if (st.isSymbolicLink()) return `${from}: a symbolic link; archive-lint never moves or writes through one`;
  if (!st.isFile() && !st.isDirectory()) return `${from}: not a regular file or folder`;
  if (lstatSync(join(root, to), { throwIfNoEntry: false })) return `${to}: exists already; not moved`;
  if (to.startsWith(`${from}/`)) return `${to}: inside ${from}; a folder cannot move into itself`;
  const folder = st.isDirectory();
  const moved = mover(from, to);
  const moves: [string, string][] = folder ? links.files.filter((f) => moved(f) !== undefined).map((f) => [f, moved(f) as string]) : [[from, to]];
  if (!folder) {
    const ext = (p: string) => posix.extname(p).toLowerCase();
    if (isMarkdownPath(from) !== isMarkdownPath(to) || (!isMarkdownPath(from) && ext(from) !== ext(to))) {
      // Allowed, but links keep pointing at a file of another kind: said by the caller.
    }
  }
  // Pages to edit: those with a target that moves (as written, or `X.html` for a page `X.md`), and the pages that move.
  const touches = (target: string) => {
    const path = target.split('#')[0] as string;
    if (moved(path) !== undefined) return true;
    const html = /^(.*)\.html?$/i.exec(path);
    return html !== null && moved(`${html[1] as string}.md`) !== undefined;
  };
  const pages = [...links.pages].filter(([page, l]) => moved(page) !== undefined || l.targets.some(touches)).map(([page]) => page).sort();
  const settings = { root, rules: {}, mirrors: {}, maxFileSize: o.config.maxFileSize, site: o.config.site };
  const edits: PageEdit[] = [];
  const unrewritable: MovePlan['unrewritable'] = [];
  for (const page of pages) {
    const source = readSource(join(root, page), o.config.maxFileSize);
    if (!('text' in source)) {
      unrewritable.push({ path: page, line: 1, column: 1, url: `(not read: ${source.reason})` });
      continue;
    }
    const outcome = processSource(page, source, [], settings);
    const newPath = moved(page) ?? page;
    const fixes: Fix[] = [];
    for (const ref of outcome.facts.references) {
      const t = resolveTarget(ref.url, { from: page, ...(o.repo ? { repo: o.repo } : {}) });
      if (t.kind !== 'local' || (t.via !== 'relative' && t.via !== 'absolute' && t.via !== 'self-url')) continue;
      const targetMoves = touches(t.path);
      if (!targetMoves && (newPath === page || t.via !== 'relative')) continue;
      const raw = source.text.slice(ref.start, ref.end);
      const url = movedUrl(raw, ref.source, t.via, page, newPath, t.path, moved);
      if (url === undefined) {
        const at = pointAt(outcome.lineStarts, ref.start);
        unrewritable.push({ path: page, line: at.line, column: at.column, url: ref.url });
      } else if (url !== raw) {
        fixes.push({ range: [ref.start, ref.end], text: url });
      }
    }
    if (fixes.length) edits.push({ path: page, newPath, bytes: source.bytes, bom: source.bom, before: source.text, after: applyFixes(source.text, fixes).text, links: fixes.length });
  }
  return { from, to, moves, folder, edits, unrewritable };
}

/** Is the path tracked by git (then `git mv` moves it)? */
function tracked(root: string, path: string): boolean {
  return tryGit(root, ['ls-files', '--error-unmatch', '--', path]) !== undefined;
}

/** Move one path, with git when it tracks it. An error message, or undefined. */
function movePath(root: string, from: string, to: string, git: boolean): string | undefined {
  const made = makeFolder(dirname(join(root, to)));
  if (made !== undefined) return made;
  if (git) return tryGit(root, ['mv', '--', from, to]) === undefined ? `git mv ${from} ${to} failed` : undefined;
  try {
    renameSync(join(root, from), join(root, to));
    return undefined;
  } catch (e) {
    return `cannot move ${from} to ${to}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}

export interface MoveDone {
  git: boolean;
  written: string[];
}

/**
 * Carry out a plan: move, then write each edited page at its new place. On a failure, the pages written are
 * written back and the move undone; the error says what failed.
 */
export function executeMove(root: string, plan: MovePlan, maxSize: number): MoveDone | string {
  const git = tryGit(root, ['rev-parse', '--is-inside-work-tree']) === 'true' && tracked(root, plan.from);
  const moveError = movePath(root, plan.from, plan.to, git);
  if (moveError !== undefined) return moveError;
  const written: PageEdit[] = [];
  for (const edit of plan.edits) {
    const failed = writeFile(root, edit.newPath, edit.bytes, edit.after, edit.bom, maxSize);
    if (failed === undefined) {
      written.push(edit);
      continue;
    }
    // Undo: the pages written back as they were, then the move.
    for (const done of written) writeFile(root, done.newPath, Buffer.from((done.bom ? '\ufeff' : '') + done.after, 'utf8'), done.before, done.bom, maxSize);
    movePath(root, plan.to, plan.from, git);
    return `${edit.path}: ${failed}; nothing was moved or changed`;
  }
  return { git, written: written.map((e) => e.newPath) };
}
