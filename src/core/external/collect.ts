/**
 * The collect step for external URLs: which references are external, and the request key of each. In: a URL as
 * written and the file it is in; out: the key under which it is requested once per run (normalised by the WHATWG
 * URL parser: scheme and host in lower case, default port dropped, dot segments resolved, percent-encoding made
 * uniform; without fragment and credentials), or undefined when it is not an external http(s) URL. Pure.
 */
import { resolveTarget, type ResolveContext } from '../links/resolve.js';

export function requestKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') return undefined;
  u.hash = '';
  u.username = '';
  u.password = '';
  return u.href;
}

/**
 * The request key of a reference's URL when the file's links resolve it as external (not this repository's own
 * URLs, nor a configured mirror's), else undefined.
 */
export function externalKey(url: string, ctx: ResolveContext): string | undefined {
  const target = resolveTarget(url, ctx);
  return target.kind === 'external' ? requestKey(target.url) : undefined;
}
