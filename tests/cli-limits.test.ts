/** The CLI's reports within GitHub's limits: what they leave out is said on stderr and in the report. */
import { describe, expect, it } from 'vitest';
import { run, tree } from './helpers/tree.js';

/** One page with `n` broken links, one a line (all listed), and a page with a raw tag (a warning). */
function archive(n: number): string {
  return tree({
    'archive-lint.config.json': `{ "maxMessagesPerFile": ${n + 1} }`,
    'a.md': '<div>x</div>\n',
    'b.md': Array.from({ length: n }, (_, i) => `[x](gone${i}.md)\n`).join(''),
  });
}

describe('reports within GitHub limits', () => {
  it('sarif keeps 5000 results, errors first, and warns on stderr', async () => {
    const r = await run(archive(5001), ['--format', 'sarif', '--no-cache']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('archive-lint: warning: SARIF: kept 5000 of 5002 results, errors first (GitHub code scanning keeps at most 5000 a run); --format json has every one\n');
    const run0 = (JSON.parse(r.stdout) as { runs: { results: { level: string }[]; properties: unknown }[] }).runs[0];
    expect(run0?.results.every((x) => x.level === 'error')).toBe(true);
    expect(run0?.properties).toEqual({ 'archive-lint/truncated': true, 'archive-lint/totalResults': 5002, 'archive-lint/keptResults': 5000 });
  });

  it('github writes 50 lines, errors first, the last a notice', async () => {
    const r = await run(archive(60), ['--format', 'github', '--no-cache']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe("::error file=b.md,line=1,col=5,endLine=1,endColumn=13,title=no-broken-links::Link target 'gone0.md' does not exist");
    expect(lines[49]).toBe(
      '::notice::archive-lint: 12 of 61 problems are not annotated (GitHub shows only the first annotations of a job; errors come first). The complete list is in the job summary (--format markdown).',
    );
  });
});
