/**
 * The Action on a pull request: what the change introduced is annotated first and alone fails the step; at most 10
 * annotations a level (GitHub's limit), the last a notice pointing at the job summary; with a token, a check run
 * through the Checks API (a fake of it on 127.0.0.1), annotations in batches of 50, and the fallback to workflow
 * commands when the token may not create one; the `args` input.
 */
import { describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pullRequest, runAction } from './helpers/action.js';

/** An old page with `errors` old broken links and `warnings` old wrappers, one a paragraph. */
function oldPage(title: string, errors: number, warnings: number): string {
  const lines = [`# ${title}`];
  for (let k = 1; k <= errors; k++) lines.push(`[l${k}](missing-${k}.md)`);
  for (let k = 1; k <= warnings; k++) lines.push(`<center>c${k}</center>`);
  return `${lines.join('\n\n')}\n`;
}

const INDEX = '# Index\n\n- [Alpha](pages/a.md)\n- [Beta](pages/b.md)\n';

/** The pull request: edits the old page's title, deletes the page the untouched index links to at line 4. */
function realLike(errors = 12, warnings = 12, deletes = true) {
  return pullRequest(
    { 'index.md': INDEX, 'pages/a.md': '# Alpha\n', 'pages/b.md': '# Beta\n', 'old/page.md': oldPage('Old', errors, warnings) },
    { 'old/page.md': oldPage('Old page', errors, warnings), ...(deletes ? { 'pages/b.md': null } : {}) },
  );
}

const INTRODUCED = "::error file=index.md,line=4,col=10,endLine=4,endColumn=20,title=no-broken-links::Link target 'pages/b.md' does not exist: this change deleted it";

describe('the Action: what the pull request broke first', () => {
  it('annotates the introduced error first, then older problems, 10 a level, the last a notice; fails on the introduced error only', async () => {
    const r = await runAction(realLike());
    expect(r.stderr).toBe('');
    expect(r.annotations[0]).toBe(INTRODUCED);
    expect(r.annotations[1]).toBe("::error file=old/page.md,line=3,col=6,endLine=3,endColumn=18,title=no-broken-links (there before this change)::Link target 'old/missing-1.md' does not exist");
    expect(r.annotations.slice(1, 10).map((a) => /^::error file=old\/page\.md,line=(\d+),/.exec(a)?.[1])).toEqual(['3', '5', '7', '9', '11', '13', '15', '17', '19']);
    expect(r.annotations.slice(10, 20).every((a) => a.startsWith('::warning file=old/page.md,') && a.includes('title=no-raw-html (there before this change)'))).toBe(true);
    expect(r.annotations.slice(20)).toEqual(['::notice::5 more problems not annotated (GitHub shows 10 annotations per level); the job summary lists every problem.']);
    // The step's closing error would be an 11th error annotation, which GitHub drops: a line of the log instead.
    expect(r.stdout).toContain('\narchive-lint found 1 error and 0 warnings introduced by this change (fail-on: error).\n');
    expect(r.stdout).toContain('\n24 older problems in the files this pull request touched do not fail this check (filter: added); they are listed after the introduced ones. Locally: archive-lint check old/page.md\n');
    // The job summary: both kinds counted, the introduced problem listed first.
    expect(r.summary).toContain('Introduced by the change: **1 error**, **0 warnings**; there before it: 12 errors, 12 warnings.');
    const rows = r.summary.split('\n').filter((l) => /^\| (index\.md|old\/page\.md) \| \d/.test(l));
    expect(rows[0]).toBe("| index.md | 4 | error | Link target 'pages/b.md' does not exist: this change deleted it | no-broken-links |");
    expect(rows[1]).toBe("| old/page.md | 3 | error (before) | Link target 'old/missing-1.md' does not exist | no-broken-links |");
    expect(r.outputs).toMatchObject({ errors: '13', warnings: '12', introduced: '1' });
    expect(r.code).toBe(1);
  }, 60_000);

  it('a pull request that only edits a page with old problems passes; filter: all fails it', async () => {
    const pr = realLike(2, 1, false);
    const r = await runAction(pr);
    expect(r.annotations[0]).toMatch(/^::error file=old\/page\.md,line=3,.*title=no-broken-links \(there before this change\)::/);
    expect(r.stdout).not.toContain('::error::archive-lint found');
    expect(r.code).toBe(0);
    const all = await runAction(pr, { filter: 'all' });
    expect(all.stdout).toContain('::error::archive-lint found 2 errors and 1 warning in the files this run linted (fail-on: error).');
    expect(all.code).toBe(1);
  }, 60_000);

  it('args: more options for the command line; the options the action sets are refused', async () => {
    const pr = realLike(2, 1, true);
    const quiet = await runAction(pr, { args: '--quiet --rule "no-broken-links=error"' });
    expect(quiet.annotations.filter((a) => a.startsWith('::warning'))).toEqual([]);
    expect(quiet.annotations[0]).toBe(INTRODUCED);
    const bad = await runAction(pr, { args: '--format json' });
    expect(bad.stdout).toContain("::error::archive-lint: input 'args': --format is set by the action itself");
    expect(bad.code).toBe(2);
  }, 60_000);
});

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: { head_sha?: string; conclusion?: string; name?: string; output: { title: string; annotations: { path: string; start_line: number; end_line: number; start_column?: number; end_column?: number; annotation_level: string; title: string; message: string }[] } };
}

/** A fake of the Checks API: records each request and answers with `status`. */
async function fakeApi(status: number): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(body) as Seen['body'] });
      res.setHeader('content-type', 'application/json');
      if (status !== 200) {
        res.statusCode = status;
        res.end(JSON.stringify({ message: 'Resource not accessible by integration' }));
      } else {
        res.statusCode = req.method === 'POST' ? 201 : 200;
        res.end(JSON.stringify({ id: 42, html_url: 'https://github.com/owner/archive/runs/42' }));
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((done) => server.close(() => done())) };
}

describe('the Action with a token: a check run through the Checks API', () => {
  it('creates the check run with the first 50 annotations (the introduced error first) and adds the rest 50 at a time', async () => {
    const api = await fakeApi(200);
    try {
      const pr = realLike(60, 0, true);
      const r = await runAction(pr, { token: 't0ken' }, { GITHUB_API_URL: api.url });
      expect(r.annotations).toEqual(['::error::archive-lint found 1 error and 0 warnings introduced by this change (fail-on: error).']);
      expect(r.stdout).toContain("Check run 'archive-lint' created (https://github.com/owner/archive/runs/42) with 61 annotations in 2 requests.");
      expect(api.seen.map((s) => `${s.method} ${s.url} ${s.body.output.annotations.length}`)).toEqual(['POST /repos/owner/archive/check-runs 50', 'PATCH /repos/owner/archive/check-runs/42 11']);
      const [create, update] = api.seen as [Seen, Seen];
      expect(create.authorization).toBe('Bearer t0ken');
      expect(create.body).toMatchObject({ name: 'archive-lint', head_sha: (pr as { head: string }).head, conclusion: 'failure' });
      expect(create.body.output.title).toBe('introduced: 1 error, 0 warnings; before: 60 problems');
      expect(create.body.output.annotations[0]).toEqual({ path: 'index.md', start_line: 4, end_line: 4, start_column: 10, end_column: 20, annotation_level: 'failure', title: 'no-broken-links', message: "Link target 'pages/b.md' does not exist: this change deleted it" });
      expect(update.body.output.annotations.at(-1)).toMatchObject({ path: 'old/page.md', start_line: 121, annotation_level: 'failure', title: 'no-broken-links (there before this change)' });
      expect(r.code).toBe(1);
    } finally {
      await api.close();
    }
  }, 60_000);

  it('falls back to workflow commands, saying so, when the token cannot create check runs (a fork)', async () => {
    const api = await fakeApi(403);
    try {
      const r = await runAction(realLike(2, 1, true), { token: 'read-only' }, { GITHUB_API_URL: api.url });
      expect(api.seen).toHaveLength(1);
      expect(r.annotations[0]).toBe('::warning::archive-lint: the token cannot create check runs (403 Forbidden: Resource not accessible by integration; it needs `checks: write`, which a pull request from a fork never gets); annotating with workflow commands instead, at most 10 per level.');
      expect(r.annotations[1]).toBe(INTRODUCED);
      expect(r.annotations).toHaveLength(6);
      expect(r.code).toBe(1);
    } finally {
      await api.close();
    }
  }, 60_000);
});
