/**
 * Change-aware runs: what a change touches, and whom it breaks. The lint set is the Markdown files the change
 * added or modified, plus every file whose links or images point at a file the change deleted or renamed, or at
 * a heading anchor the change removed — the files a changed-files run classically misses.
 */
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';
import { parseMarkdown } from './parse.js';
import { extract } from './extract.js';
import { resolveTarget } from './resolve.js';
import type { RepoIdentity } from './github.js';
import type { FileFacts } from '../types.js';
import type { Site } from './rule.js';

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
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function tryGit(root: string, args: string[]): string | undefined {
  try {
    return git(root, args).trim();
  } catch {
    return undefined;
  }
}

/** The default branch's merge base with HEAD. */
function mergeBase(root: string): string | undefined {
  const candidates: string[] = [];
  const originHead = tryGit(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (originHead) candidates.push(originHead);
  candidates.push('refs/remotes/origin/main', 'refs/remotes/origin/master', 'refs/heads/main', 'refs/heads/master');
  for (const ref of candidates) {
    if (!tryGit(root, ['rev-parse', '--verify', '--quiet', ref])) continue;
    const base = tryGit(root, ['merge-base', 'HEAD', ref]);
    if (base) return base;
  }
  return undefined;
}

export class ChangeError extends Error {}

/** The files a change touches, from git. `env` tells a pre-commit context (PRE_COMMIT=1, GIT_INDEX_FILE). */
export function changeSet(root: string, baseRef: string | undefined, env: Record<string, string | undefined>): ChangeSet {
  if (tryGit(root, ['rev-parse', '--is-inside-work-tree']) !== 'true') throw new ChangeError(`--changed needs a git work tree; ${root} is not one`);
  const preCommit = env.PRE_COMMIT === '1' || env.GIT_INDEX_FILE !== undefined;
  let base: string;
  let staged = false;
  if (baseRef !== undefined) {
    const resolved = tryGit(root, ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`]);
    if (!resolved) throw new ChangeError(`--base '${baseRef}': no such commit`);
    base = resolved;
  } else if (preCommit) {
    base = 'HEAD';
    staged = true;
  } else {
    const mb = mergeBase(root);
    if (!mb) throw new ChangeError('--changed: cannot find the default branch to compare with; give --base REF');
    base = mb;
  }
  const diffArgs = staged ? ['diff', '--cached', '--name-status', '-M', '-z', 'HEAD'] : ['diff', '--name-status', '-M', '-z', base];
  const raw = git(root, diffArgs).split('\0').filter((x) => x !== '');
  const cs: ChangeSet = { base, staged, changed: [], deleted: [], renamed: new Map(), modified: [] };
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
  if (!staged) {
    // New files not yet added are part of the change too.
    for (const p of git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0')) if (p) cs.changed.push(p);
  }
  return cs;
}

/** Anchors of a Markdown file as it was at the base (empty when it did not exist or cannot be read). */
export function anchorsAtBase(root: string, base: string, path: string, site?: Site): Set<string> {
  const text = tryGit(root, ['show', `${base}:${path}`]);
  if (text === undefined) return new Set();
  return new Set(extract(parseMarkdown(text.replace(/^\ufeff/, '')), text, path, site).facts.anchors);
}

export interface Touched {
  /** Files that are gone (deleted, or old names of renamed ones). */
  gone: Set<string>;
  /** Files whose anchors the change removed → those anchors. */
  removedAnchors: Map<string, Set<string>>;
}

/** The local targets of a file's links and images, as `path` or `path#fragment` (the reverse-link index). */
export function localTargets(facts: FileFacts, repo: RepoIdentity | undefined): string[] {
  const out = new Set<string>();
  for (const ref of facts.references) {
    const t = resolveTarget(ref.url, { from: facts.path, repo });
    if (t.kind !== 'local' || (t.via !== 'relative' && t.via !== 'absolute' && t.via !== 'self-url')) continue;
    out.add(t.fragment === undefined ? t.path : `${t.path}#${t.fragment}`);
  }
  return [...out];
}

/** Does a file with these targets link to something the change took away? */
export function linksToTouched(targets: readonly string[], touched: Touched): boolean {
  for (const target of targets) {
    const hash = target.indexOf('#');
    const path = hash < 0 ? target : target.slice(0, hash);
    if (touched.gone.has(path)) return true;
    const removed = touched.removedAnchors.get(path);
    if (removed && hash >= 0 && removed.has(target.slice(hash + 1))) return true;
  }
  return false;
}

/** Names a linking file would contain, for a quick text prefilter before parsing. */
export function needles(touched: Touched): string[] {
  const out = new Set<string>();
  for (const p of [...touched.gone, ...touched.removedAnchors.keys()]) {
    const base = posix.basename(p);
    out.add(base);
    out.add(encodeURIComponent(base));
    out.add(base.replace(/ /g, '%20'));
  }
  return [...out];
}
