/**
 * How a URL written in a file is read: the "collect" step of the link pipeline. Pure string work, no I/O.
 */
import { posix } from 'node:path';
import { parseRepoUrl, resolveOnGithub, sameRepo, type RepoIdentity } from './github.js';

export type Target =
  | { kind: 'empty' }
  | { kind: 'external'; url: string }
  | { kind: 'other-scheme'; scheme: string }
  | { kind: 'fragment'; fragment: string }
  | {
      kind: 'local';
      /** Root-relative, decoded, normalised; '' is the root itself. */
      path: string;
      fragment: string | undefined;
      via: 'relative' | 'absolute' | 'self-url' | 'mirror';
      /** For `mirror`: the mirror's `owner/name`. */
      mirror?: string;
      /** For `self-url`/`mirror`: the kind of repository URL. */
      urlKind?: 'blob' | 'tree' | 'raw' | 'cdn';
    }
  | { kind: 'outside-root'; githubUrl: string | undefined }
  | { kind: 'no-scheme'; suggested: string; path: string }
  | { kind: 'malformed'; cleaned: string; reason: string };

const CURLY = /^[“”‘’«»„‟"'`]+|[“”‘’«»„‟"'`]+$/g;
const IPV4_HOST = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?(?:[/?#]|$)/;
const HOST_PORT = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d+(?:[/?#]|$)/i;
const WWW_HOST = /^www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i;
const TLD_HOST =
  /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|gov|edu|io|co|me|tv|cn|tw|hk|jp|kr|uk|de|fr|ru|us|ca|au|win|xyz|top)(?::\d+)?(?:\/(?!.*\.md$)|$)/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Split `path?query#fragment`. */
export function splitUrl(url: string): { path: string; query: string; fragment: string | undefined } {
  const hash = url.indexOf('#');
  const fragment = hash < 0 ? undefined : url.slice(hash + 1);
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf('?');
  return { path: q < 0 ? beforeHash : beforeHash.slice(0, q), query: q < 0 ? '' : beforeHash.slice(q), fragment };
}

export interface ResolveContext {
  /** The linking file, root-relative. */
  from: string;
  repo?: RepoIdentity;
  /** `owner/name` of sibling mirrors that have a local checkout. */
  mirrors?: Record<string, string>;
}

/** Why a URL is malformed, and its cleaned form, or undefined when it is fine. */
export function malformation(url: string): { cleaned: string; reason: string } | undefined {
  if (/^[“”‘’«»„‟]|[“”‘’«»„‟]$/.test(url)) {
    return { cleaned: url.trim().replace(CURLY, '').trim(), reason: 'typographic quotes around the URL' };
  }
  if (url !== url.trim() && url.trim() !== '') {
    const cleaned = url.trim();
    const which = /^\s/.test(url) ? (/\s$/.test(url) ? 'leading and trailing' : 'leading') : 'trailing';
    return { cleaned: cleaned.replace(CURLY, ''), reason: `${which} white space` };
  }
  return undefined;
}

export function resolveTarget(url: string, ctx: ResolveContext): Target {
  const bad = malformation(url);
  if (bad) return { kind: 'malformed', ...bad };
  if (url === '') return { kind: 'empty' };
  if (url.startsWith('//')) return { kind: 'external', url: `https:${url}` };

  if (IPV4_HOST.test(url) || HOST_PORT.test(url) || WWW_HOST.test(url) || TLD_HOST.test(url)) {
    return { kind: 'no-scheme', suggested: `http://${url}`, path: posix.normalize(posix.join(posix.dirname(ctx.from), safeDecode(splitUrl(url).path))) };
  }
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme) {
    const lower = scheme.toLowerCase();
    if (lower !== 'http' && lower !== 'https') return { kind: 'other-scheme', scheme: lower };
    const repoUrl = parseRepoUrl(url);
    if (repoUrl && ctx.repo && sameRepo(repoUrl, ctx.repo) && (repoUrl.branch === undefined || repoUrl.branch === ctx.repo.branch)) {
      return { kind: 'local', path: posix.normalize(repoUrl.path || '.').replace(/^\.$/, ''), fragment: repoUrl.fragment || undefined, via: 'self-url', urlKind: repoUrl.kind };
    }
    if (repoUrl && ctx.mirrors) {
      const key = Object.keys(ctx.mirrors).find((k) => {
        const [owner = '', name = ''] = k.split('/');
        return sameRepo(repoUrl, { owner, name });
      });
      if (key) return { kind: 'local', path: posix.normalize(repoUrl.path || '.').replace(/^\.$/, ''), fragment: repoUrl.fragment || undefined, via: 'mirror', mirror: key, urlKind: repoUrl.kind };
    }
    return { kind: 'external', url };
  }

  const { path, fragment } = splitUrl(url);
  if (path === '') return fragment === undefined ? { kind: 'empty' } : { kind: 'fragment', fragment: safeDecode(fragment) };
  const decoded = safeDecode(path);
  const absolute = decoded.startsWith('/');
  const joined = absolute ? decoded.replace(/^\/+/, '') : posix.join(posix.dirname(ctx.from), decoded);
  const normal = posix.normalize(joined === '' ? '.' : joined);
  if (normal === '..' || normal.startsWith('../')) {
    return { kind: 'outside-root', githubUrl: ctx.repo ? resolveOnGithub(ctx.repo, ctx.from, url) : undefined };
  }
  return {
    kind: 'local',
    path: normal === '.' ? '' : normal.replace(/\/$/, ''),
    fragment: fragment === undefined ? undefined : safeDecode(fragment),
    via: absolute ? 'absolute' : 'relative',
  };
}

/** Extensions of pages served by the original site rather than files of an archive. */
export const SITE_PAGE_EXTENSIONS = new Set(['.php', '.html', '.htm', '.shtml', '.asp', '.aspx', '.jsp', '.cgi', '.do', '.action']);

/** The URL a site-relative reference has on the original site, if known. */
export function onOriginalSite(url: string, originalUrl: string | undefined): string | undefined {
  if (!originalUrl) return undefined;
  try {
    return new URL(url.trim(), originalUrl).href;
  } catch {
    return undefined;
  }
}
