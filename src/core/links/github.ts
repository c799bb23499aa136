/** GitHub identity of an archive and how GitHub resolves URLs against it. */

export interface RepoIdentity {
  owner: string;
  name: string;
  branch: string;
}

/** `owner/name` → parts, or undefined when malformed. */
export function parseRepoSlug(slug: string): { owner: string; name: string } | undefined {
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(slug.trim());
  return m ? { owner: m[1] as string, name: (m[2] as string).replace(/\.git$/, '') } : undefined;
}

/** Parse a git remote URL (https or ssh) of a GitHub repository. */
export function repoFromRemote(remote: string): { owner: string; name: string } | undefined {
  const m = /github\.com[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(remote.trim());
  return m ? { owner: m[1] as string, name: m[2] as string } : undefined;
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The URL GitHub shows for a file of the repository. */
export function blobUrl(repo: RepoIdentity, path: string): string {
  return `https://github.com/${repo.owner}/${repo.name}/blob/${encodeURIComponent(repo.branch)}/${encodePath(path)}`;
}

/** Resolve a relative link the way a browser does on GitHub's page of the file. */
export function resolveOnGithub(repo: RepoIdentity, fromPath: string, link: string): string {
  return new URL(link, blobUrl(repo, fromPath)).href;
}

export interface RepoUrl {
  owner: string;
  name: string;
  /** `blob`, `tree`, `raw` (github.com/…/raw and raw.githubusercontent.com) or `cdn` (jsDelivr). */
  kind: 'blob' | 'tree' | 'raw' | 'cdn';
  /** Undefined for jsDelivr URLs with no `@version`. */
  branch: string | undefined;
  /** Decoded path inside the repository, no leading `/`. */
  path: string;
  query: string;
  fragment: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const MAYBE_REPO_HOST = /github|jsdelivr/i;

/** Recognise URLs of files in a GitHub repository. */
export function parseRepoUrl(url: string): RepoUrl | undefined {
  // Most URLs in an archive are elsewhere: skip building a URL object for them.
  if (!MAYBE_REPO_HOST.test(url)) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const host = u.hostname.toLowerCase();
  const parts = u.pathname.split('/').filter((p, i) => i > 0 || p !== '');
  const rest = { query: u.search, fragment: u.hash.slice(1) };
  if (host === 'github.com' || host === 'www.github.com') {
    const [owner, name, kind, branch, ...path] = parts;
    if (!owner || !name || !branch || (kind !== 'blob' && kind !== 'tree' && kind !== 'raw')) return undefined;
    // A folder's URL often ends with a slash (`tree/main/src/`): the folder.
    return { owner, name, kind, branch: decode(branch), path: decode(path.join('/')).replace(/\/+$/, ''), ...rest };
  }
  if (host === 'raw.githubusercontent.com') {
    const [owner, name, branch, ...path] = parts;
    if (!owner || !name || !branch) return undefined;
    return { owner, name, kind: 'raw', branch: decode(branch), path: decode(path.join('/')), ...rest };
  }
  if (host === 'cdn.jsdelivr.net' && parts[0] === 'gh') {
    const [, owner, nameAt, ...path] = parts;
    if (!owner || !nameAt) return undefined;
    const at = nameAt.indexOf('@');
    const name = at < 0 ? nameAt : nameAt.slice(0, at);
    const branch = at < 0 ? undefined : decode(nameAt.slice(at + 1));
    return { owner, name, kind: 'cdn', branch, path: decode(path.join('/')), ...rest };
  }
  return undefined;
}

export function sameRepo(a: { owner: string; name: string }, b: { owner: string; name: string }): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase();
}
