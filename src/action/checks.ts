/**
 * A check run through GitHub's Checks API: every annotation shown, not only the 10 a level that workflow commands
 * get. In: the API's address, a token with `checks: write`, the repository and commit, the annotations (in the order
 * to show them) and the check's conclusion and text; out: the check run's address, or why it could not be made
 * (a token without the permission, as on a pull request from a fork: the caller falls back to workflow commands).
 *
 * The API takes at most 50 annotations a request: the check run is created with the first 50 and updated with
 * the next 50 until none is left (an update adds to the annotations already there).
 */
import type { Annotation } from './annotations.js';

/** The API's limit of annotations per request. */
export const BATCH = 50;
/** The API's limit on the output's `summary` and `text`. */
const TEXT_LIMIT = 65535;

export interface CheckRunRequest {
  /** `GITHUB_API_URL`, e.g. `https://api.github.com`. */
  apiUrl: string;
  token: string;
  /** `owner/name`. */
  repository: string;
  headSha: string;
  name: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  annotations: readonly Annotation[];
}

export type CheckRunResult =
  | { ok: true; url: string | undefined; requests: number; annotated: number }
  | { ok: false; reason: string; permission: boolean; annotated: number };

interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title: string;
}

/** An annotation as the API takes it (columns only on one line, as it requires); undefined for one with no file. */
export function checkAnnotation(a: Annotation): CheckAnnotation | undefined {
  if (a.path === undefined || a.line === undefined) return undefined;
  const end = a.endLine ?? a.line;
  const out: CheckAnnotation = { path: a.path, start_line: a.line, end_line: end, annotation_level: a.level === 'error' ? 'failure' : a.level, message: a.message.slice(0, 64 * 1024), title: a.title.slice(0, 255) };
  if (end === a.line && a.column !== undefined) {
    out.start_column = a.column;
    out.end_column = a.endColumn ?? a.column;
  }
  return out;
}

function cut(s: string): string {
  return s.length <= TEXT_LIMIT ? s : `${s.slice(0, TEXT_LIMIT - 2)}\n…`;
}

/** What a refused request says: its status and GitHub's message. */
async function refusal(res: Response): Promise<string> {
  let message = '';
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = `: ${body.message}`;
  } catch {
    // not JSON: the status says enough
  }
  return `${res.status} ${res.statusText}${message}`.replace(/\s+/g, ' ').trim();
}

/** Create the check run, then add the rest of the annotations 50 at a time. Never throws. */
export async function createCheckRun(req: CheckRunRequest, fetchImpl: typeof fetch = fetch): Promise<CheckRunResult> {
  const all = req.annotations.map(checkAnnotation).filter((a): a is CheckAnnotation => a !== undefined);
  const headers = {
    authorization: `Bearer ${req.token}`,
    accept: 'application/vnd.github+json',
    'content-type': 'application/json',
    'user-agent': 'archive-lint',
    'x-github-api-version': '2022-11-28',
  };
  const base = `${req.apiUrl.replace(/\/+$/, '')}/repos/${req.repository}/check-runs`;
  const output = (annotations: CheckAnnotation[]) => ({ title: req.title, summary: cut(req.summary), annotations });
  let annotated = 0;
  let requests = 0;
  let res: Response;
  try {
    res = await fetchImpl(base, { method: 'POST', headers, body: JSON.stringify({ name: req.name, head_sha: req.headSha, status: 'completed', conclusion: req.conclusion, output: output(all.slice(0, BATCH)) }) });
  } catch (e) {
    return { ok: false, reason: `cannot reach ${req.apiUrl}: ${(e as Error).message}`, permission: false, annotated };
  }
  requests++;
  if (!res.ok) {
    // 403 "Resource not accessible by integration": a token without checks: write (a fork's pull request).
    return { ok: false, reason: await refusal(res), permission: res.status === 403 || res.status === 404 || res.status === 401, annotated };
  }
  const created = (await res.json().catch(() => ({}))) as { id?: number; html_url?: string };
  annotated = Math.min(all.length, BATCH);
  if (typeof created.id !== 'number') return { ok: false, reason: 'the API created a check run but gave no id', permission: false, annotated };
  for (let at = BATCH; at < all.length; at += BATCH) {
    const batch = all.slice(at, at + BATCH);
    let update: Response;
    try {
      update = await fetchImpl(`${base}/${created.id}`, { method: 'PATCH', headers, body: JSON.stringify({ output: output(batch) }) });
    } catch (e) {
      return { ok: false, reason: `cannot reach ${req.apiUrl}: ${(e as Error).message}`, permission: false, annotated };
    }
    requests++;
    if (!update.ok) return { ok: false, reason: await refusal(update), permission: false, annotated };
    annotated += batch.length;
  }
  return { ok: true, url: created.html_url, requests, annotated };
}
