/**
 * Change-aware runs: what a change touches, and whom it breaks. The lint set is the Markdown files the change
 * added or modified, plus every file whose links or images point at a file the change deleted or renamed, or at
 * a heading anchor the change removed — the files a changed-files run classically misses.
 */
import { runGit, tryGit } from './git.js';
import { posix } from 'node:path';
import { decodeHTML } from 'entities';
import { parseMarkdown } from '../parse/parse.js';
import { extract } from '../parse/extract.js';
import { resolveTarget } from '../links/resolve.js';
import type { RepoIdentity } from '../links/github.js';
import type { FileFacts, Reference } from '../../types.js';
import { strippedPadding } from '../links/missing-target.js';
import type { Site } from '../parse/rule.js';
import { siteCandidates } from '../config/site.js';

export interface ChangeSet {
  /** What the change is compared with: a commit, or `HEAD` for staged changes. */
  base: string;
  staged: boolean;
  /** Added or modified files (new paths of renamed ones too). */
  changed: string[];
  deleted: string[];
  /** Old path → new path. */
  renamed: Map<string, string>;
  /** Modified files (not added), for removed anchors. */
  modified: string[];
  /**
   * Staged runs: files whose working-tree content differs from what is staged. A git hook that is not the
   * pre-commit framework (husky, a plain hook) runs on the working tree as it is; the staged text is what to lint.
   */
  unstaged?: Set<string>;
  /** Why the change was taken as it was, for the run's notes. */
  note?: string;
  /** The commit compared with `base` (a range of commits: PRE_COMMIT_TO_REF); the work tree when absent. */
  to?: string;
}

/**
 * The default branch's merge base with HEAD, or why there is none: no default branch found, or one found with no
 * merge base (a shallow clone, as actions/checkout makes by default, holds no common commit).
 */
function mergeBase(root: string): { base: string } | { why: string } {
  const candidates: string[] = [];
  const originHead = tryGit(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (originHead) candidates.push(originHead);
  candidates.push('refs/remotes/origin/main', 'refs/remotes/origin/master', 'refs/heads/main', 'refs/heads/master');
  const found: string[] = [];
  for (const ref of candidates) {
    if (!tryGit(root, ['rev-parse', '--verify', '--quiet', ref])) continue;
    const base = tryGit(root, ['merge-base', 'HEAD', ref]);
    if (base) return { base };
    found.push(ref.replace(/^refs\/(?:remotes|heads)\//, ''));
  }
  if (found.length === 0) return { why: '--changed: cannot find the default branch to compare with (no origin/HEAD, origin/main, origin/master, main or master); give --base REF' };
  const shallow = tryGit(root, ['rev-parse', '--is-shallow-repository']) === 'true';
  return {
    why: `--changed: ${found[0]} has no merge base with HEAD${shallow ? ' in this shallow clone (its history stops before the commit they share); fetch more of it (git fetch --unshallow, or fetch-depth: 0 with actions/checkout)' : ' (their histories share no commit)'}, or give --base REF`,
  };
}

/** Why git cannot say anything here: not installed (or not on PATH), or the folder is no work tree. */
function noWorkTree(root: string): string | undefined {
  try {
    if (runGit(root, ['rev-parse', '--is-inside-work-tree']).trim() === 'true') return undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '--changed needs git, and git is not installed or not on PATH (spawn git ENOENT)';
  }
  return `--changed needs a git work tree; ${root} is not one`;
}

export class ChangeError extends Error {}

/**
 * The files a change touches, from git. `env` tells a hook's context: the pre-commit framework (PRE_COMMIT=1,
 * with PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF for `--from-ref`/`--to-ref` and pre-push hooks) or any git hook
 * (GIT_INDEX_FILE).
 */
export function changeSet(root: string, baseRef: string | undefined, env: Record<string, string | undefined>): ChangeSet {
  const notGit = noWorkTree(root);
  if (notGit !== undefined) throw new ChangeError(notGit);
  const framework = env.PRE_COMMIT === '1';
  const preCommit = framework || env.GIT_INDEX_FILE !== undefined;
  let base: string;
  let staged = false;
  let note: string | undefined;
  const fromRef = env.PRE_COMMIT_FROM_REF;
  const toRef = env.PRE_COMMIT_TO_REF;
  let to: string | undefined;
  if (baseRef === undefined && framework && fromRef && toRef) {
    // `pre-commit run --from-ref A --to-ref B`, a pre-push hook: what changed from where A and B part to B.
    const from = tryGit(root, ['rev-parse', '--verify', '--quiet', `${fromRef}^{commit}`]);
    to = tryGit(root, ['rev-parse', '--verify', '--quiet', `${toRef}^{commit}`]);
    if (!from) throw new ChangeError(`PRE_COMMIT_FROM_REF '${fromRef}': no such commit`);
    if (!to) throw new ChangeError(`PRE_COMMIT_TO_REF '${toRef}': no such commit`);
    base = tryGit(root, ['merge-base', from, to]) ?? from;
    note = `comparing ${toRef} with ${fromRef} (PRE_COMMIT_FROM_REF, PRE_COMMIT_TO_REF)`;
    // The files are read from the work tree: it must be what is pushed.
    if (tryGit(root, ['rev-parse', 'HEAD']) !== to) note += `; the work tree is not ${toRef}, and its files are what is linted`;
  } else if (baseRef !== undefined) {
    const resolved = tryGit(root, ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`]);
    if (!resolved) throw new ChangeError(`--base '${baseRef}': no such commit`);
    base = resolved;
  } else if (preCommit) {
    base = 'HEAD';
    staged = true;
  } else {
    const mb = mergeBase(root);
    if ('why' in mb) throw new ChangeError(mb.why);
    base = mb.base;
  }
  // A repository with no commit yet compares the index with the empty tree. Paths are the root's (`--relative`:
  // an archive in a folder of its repository sees its own paths, and only them).
  const head = staged && !tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD']) ? EMPTY_TREE : base;
  const diffArgs = staged ? ['diff', '--cached', '--relative', '--name-status', '-M', '-z', head] : ['diff', '--relative', '--name-status', '-M', '-z', base, ...(to ? [to] : [])];
  const raw = runGit(root, diffArgs).split('\0').filter((x) => x !== '');
  const cs: ChangeSet = { base: staged ? head : base, staged, changed: [], deleted: [], renamed: new Map(), modified: [] };
  if (note) cs.note = note;
  if (to) cs.to = to;
  for (let i = 0; i < raw.length; ) {
    const status = raw[i++] as string;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = raw[i++] as string;
      const to = raw[i++] as string;
      if (status.startsWith('R')) cs.renamed.set(from, to);
      cs.changed.push(to);
    } else {
      const path = raw[i++] as string;
      if (status === 'D') cs.deleted.push(path);
      else {
        cs.changed.push(path);
        if (status === 'M' || status === 'T') cs.modified.push(path);
      }
    }
  }
  if (!staged && !to) {
    // New files not yet added are part of the change too (not of a range of commits).
    for (const p of runGit(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0')) if (p) cs.changed.push(p);
  } else if (staged) {
    const unstaged = runGit(root, ['diff', '--relative', '--name-only', '-z']).split('\0').filter((p) => p !== '');
    if (unstaged.length) cs.unstaged = new Set(unstaged);
    // `pre-commit run --all-files` gives no file names to a hook that takes none, and cannot be told from a commit
    // that stages nothing (`--amend` to reword): nothing to lint, said, with the way to lint everything.
    if (framework && raw.length === 0) cs.note = 'nothing is staged, so nothing to lint; to lint the whole archive: archive-lint check (or the archive-lint-all hook)';
  }
  return cs;
}

/** git's empty tree, the base of a first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** The staged text of a file (`git show :path`), undefined when it is not in the index. */
export function stagedText(root: string, path: string): string | undefined {
  try {
    return runGit(root, ['show', `:./${path}`]);
  } catch {
    return undefined;
  }
}

/**
 * The offsets of a file's references whose target the change took away: where the messages that the change
 * caused in a file it did not touch can be.
 */
export function touchedRanges(facts: FileFacts, touched: Touched, repo: RepoIdentity | undefined): [number, number][] {
  return [...localRefs(facts, repo)].filter(({ target }) => linksToTouched([target], touched)).map(({ ref }) => [ref.start, ref.end]);
}

/** Anchors of a Markdown file as it was at the base (empty when it did not exist or cannot be read). */
export function anchorsAtBase(root: string, base: string, path: string, site?: Site): Set<string> {
  const text = tryGit(root, ['show', `${base}:./${path}`]);
  if (text === undefined) return new Set();
  return new Set(extract(parseMarkdown(text.replace(/^\ufeff/, '')), text, path, site).facts.anchors);
}

export interface Touched {
  /** Files that are gone (deleted, or old names of renamed ones). */
  gone: Set<string>;
  /** Files whose anchors the change removed → those anchors. */
  removedAnchors: Map<string, Set<string>>;
  /** The publishing profile: under mdBook or MkDocs, `b.html` and `sub/` are links to `b.md` and `sub/index.md`. */
  site?: Site;
}

/** The local targets of a file's links and images, as `path` or `path#fragment` (the reverse-link index). */
export function localTargets(facts: FileFacts, repo: RepoIdentity | undefined): string[] {
  return [...new Set([...localRefs(facts, repo)].map((r) => r.target))];
}

/** Each reference to a file of the archive, with its target as `path` or `path#fragment`. */
function* localRefs(facts: FileFacts, repo: RepoIdentity | undefined): Generator<{ ref: Reference; target: string }> {
  for (const ref of facts.references) {
    // As browsers read it: without the white space they strip around an attribute's URL.
    const t = resolveTarget(strippedPadding(ref)?.url ?? ref.url, { from: facts.path, repo });
    if (t.kind !== 'local' || (t.via !== 'relative' && t.via !== 'absolute' && t.via !== 'self-url')) continue;
    yield { ref, target: t.fragment === undefined ? t.path : `${t.path}#${t.fragment}` };
  }
}

/** Does a file with these targets link to something the change took away? */
export function linksToTouched(targets: readonly string[], touched: Touched): boolean {
  for (const target of targets) {
    const hash = target.indexOf('#');
    const written = hash < 0 ? target : target.slice(0, hash);
    // The file the link means: as written, or, under a site profile, a page the site serves for it.
    for (const path of [written, ...siteCandidates(written, touched.site)]) {
      if (touched.gone.has(path)) return true;
      const removed = touched.removedAnchors.get(path);
      if (removed && hash >= 0 && removed.has(target.slice(hash + 1))) return true;
    }
  }
  return false;
}

/** Names a linking file would contain, for a quick text prefilter before parsing. */
export function needles(touched: Touched): string[] {
  const out = new Set<string>();
  for (const p of [...touched.gone, ...touched.removedAnchors.keys()]) {
    const base = posix.basename(p);
    const names = [base];
    if (touched.site && touched.site !== 'github') {
      // A site serves `b.md` as `b.html` (MkDocs as `b/` too), and `sub/index.md` as `sub/` (`.htm` is in `.html`).
      const stem = base.replace(/\.(?:md|markdown)$/i, '');
      if (/^(?:index|readme)$/i.test(stem)) names.push(posix.basename(posix.dirname(p)) === '.' ? '' : posix.basename(posix.dirname(p)));
      else names.push(touched.site === 'mkdocs' ? stem : `${stem}.htm`);
    }
    for (const name of names) {
      out.add(name);
      out.add(encodeURIComponent(name));
      out.add(name.replace(/ /g, '%20'));
    }
  }
  return [...out];
}

/**
 * The prefilter: may a file's text hold a link to one of these names? Its text as a link's target is read: with
 * Markdown's backslash escapes, character references and percent-encoding taken off (`pages/%62.md`,
 * `b&#46;md` and `b\.md` all name `b.md`), so a candidate is never missed; the parse confirms it.
 */
export function mayLink(text: string, words: readonly string[]): boolean {
  if (words.some((w) => text.includes(w))) return true;
  if (!/[\\&%]/.test(text)) return false;
  const plain = decodeHTML(text.replace(/\\([!-/:-@[-`{-~])/g, '$1')).replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
  return words.some((w) => plain.includes(w));
}
