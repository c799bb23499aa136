/**
 * Stage: walk and read (src/core/walk/). In: the root, the config's include and ignore, the paths asked for, a
 * change set, a shard. Out: the files that exist (for links to resolve to), the files to lint, the problems of the
 * walk, and (text.ts) files decoded, offsets as lines and columns, text shown safely. The phase (select.ts) also
 * takes what a change touches (changed.ts, git.ts) and a shard's slice of the files (shard.ts).
 *
 * The walk: every file under the root that git would keep (honouring nested `.gitignore` files), and of
 * those the ones to lint (config `include` minus `ignore`). Symlinks are never followed out of the root, and
 * symlinked folders are not entered (no loops). `node_modules` folders are not entered: a package's files are
 * never the archive's, and an archive that installs archive-lint has thousands of them, links to outside included.
 * A symbolic link that cannot be followed is a problem only where the config does not ignore it. A symbolic link
 * to a file that is linted anyway is not linted a second time (it still exists for links to resolve to).
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { IoError, LIMITS, readBounded } from '../io/index.js';
import picomatch from 'picomatch';

export interface WalkOptions {
  include: string[];
  ignore: string[];
}

export interface WalkProblem {
  path: string;
  message: string;
}

/** A problem with the run itself (exit 2): unreadable files and folders, files that could not be fixed. */
export interface RunProblem {
  path: string;
  message: string;
}

export interface WalkResult {
  /** Every file git would keep, root-relative with `/`. */
  files: string[];
  /** The files to lint, sorted; symbolic links that cannot be followed among them (see `links`). */
  lint: string[];
  /** Folders that could not be walked. */
  problems: WalkProblem[];
  /**
   * Symbolic links that loop, are broken or leave the root, and that the config does not ignore → why: files that
   * cannot be linted, each a message of its own (never opened).
   */
  links: Map<string, string>;
}

interface GitIgnoreLayer {
  base: string;
  ig: Ignore;
}

function within(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

interface Entry {
  name: string;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A file name's text, or undefined when its bytes are not valid UTF-8. */
function utf8Name(bytes: Buffer): string | undefined {
  try {
    return FATAL_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A name that is not valid UTF-8, its valid runs kept and each other byte written `\xff`. */
function escapedName(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    const seq = need >= 0 ? bytes.subarray(i, i + need + 1) : undefined;
    const text = seq && seq.length === need + 1 ? utf8Name(seq) : undefined;
    if (text !== undefined) {
      out += text === '\\' ? '\\\\' : text;
      i += need + 1;
    } else {
      out += `\\x${b.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

export function walk(root: string, options: WalkOptions): WalkResult {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const links = new Map<string, string>();
  // Symbolic links to files inside the root → the real file, root-relative.
  const aliases = new Map<string, string>();
  // Files and unfollowed links, in walk order.
  const found: string[] = [];
  const isIncluded = picomatch(options.include, { dot: true });
  const isIgnored = picomatch(options.ignore, { dot: true });
  const realRoot = realpathSync(root);
  const linted = (rel: string) => isIncluded(rel) && !isIgnored(rel);

  const ignoredByGit = (layers: GitIgnoreLayer[], rel: string, dir: boolean): boolean => {
    for (const layer of layers) {
      const sub = layer.base === '' ? rel : rel.slice(layer.base.length + 1);
      if (layer.ig.ignores(dir ? `${sub}/` : sub)) return true;
    }
    return false;
  };

  const visit = (dirRel: string, layers: GitIgnoreLayer[]): void => {
    const abs = dirRel === '' ? root : join(root, dirRel);
    let raw;
    try {
      // Names as bytes: one that is not valid UTF-8 would otherwise come back with U+FFFD in it, the name of
      // another file (its twin) or of none.
      raw = readdirSync(abs, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      problems.push({ path: dirRel || '.', message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    const entries: Entry[] = [];
    for (const d of raw) {
      const name = utf8Name(d.name);
      if (name !== undefined) {
        entries.push({ name, isDirectory: () => d.isDirectory(), isFile: () => d.isFile(), isSymbolicLink: () => d.isSymbolicLink() });
        continue;
      }
      // Not linted under a name that means another file: said under its bytes, escaped (`a\xff.md`), once.
      const shown = escapedName(d.name);
      const rel = dirRel === '' ? shown : `${dirRel}/${shown}`;
      const lossy = d.name.toString('utf8');
      const relLossy = dirRel === '' ? lossy : `${dirRel}/${lossy}`;
      if (isIgnored(relLossy) || (!d.isDirectory() && !isIncluded(relLossy))) continue;
      links.set(rel, `${d.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8 (shown with its bytes escaped); ${d.isDirectory() ? 'not entered' : 'not linted'}: rename it to valid UTF-8`);
      found.push(rel);
    }
    let here = layers;
    if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      try {
        // Bounded, a regular file, never through a link out of the root (a .gitignore linked to /dev/zero).
        here = [...layers, { base: dirRel, ig: ignore().add(readBounded(join(abs, '.gitignore'), { maxBytes: LIMITS.gitignore, root, what: '.gitignore' }).toString('utf8')) }];
      } catch (e) {
        const message = e instanceof IoError ? e.reason : `cannot read: ${(e as Error).message}`;
        problems.push({ path: dirRel ? `${dirRel}/.gitignore` : '.gitignore', message });
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name === '.git' || entry.name === 'node_modules' || (dirRel === '' && entry.name === '.archive-lint-cache')) continue;
      const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(join(root, rel));
        } catch (e) {
          if (!isIgnored(rel)) {
            links.set(rel, `broken or looping symbolic link (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); not followed`);
            found.push(rel);
          }
          continue;
        }
        if (!within(realRoot, real)) {
          if (!isIgnored(rel)) {
            links.set(rel, 'symbolic link points outside the root; not followed');
            found.push(rel);
          }
          continue;
        }
        try {
          const st = statSync(real);
          // Linked folders are not entered: their files are reached through their real path.
          isDir = false;
          isFile = st.isFile();
          if (isFile) aliases.set(rel, relative(realRoot, real).split(sep).join('/'));
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (ignoredByGit(here, rel, true)) continue;
        visit(rel, here);
      } else if (isFile) {
        if (ignoredByGit(here, rel, false)) continue;
        files.push(rel);
        found.push(rel);
      }
    }
  };

  visit('', []);
  // One real file is one file: a symbolic link to a file that is linted anyway (or to one another link already
  // brought in) is not linted again, so `--fix` never fixes a file twice and no finding is reported twice.
  const direct = new Set(found.filter((f) => !links.has(f) && !aliases.has(f) && linted(f)));
  const reached = new Set<string>();
  const lint = found.filter((f) => {
    if (links.has(f)) return true;
    if (!linted(f)) return false;
    const real = aliases.get(f);
    if (real === undefined) return true;
    if (direct.has(real) || reached.has(real)) return false;
    reached.add(real);
    return true;
  });
  return { files, lint, problems, links };
}
