/**
 * The real generators as the oracle: fixture sites (fixtures/sites/) built by the real MkDocs and Jekyll, their
 * output checked by html-proofer, compared with archive-lint on the sources (bench/oracle.mjs): every archive-lint
 * error is a failure html-proofer confirms, and every broken internal link and image html-proofer finds is an
 * archive-lint error. Needs the built tool (`npm test` builds first) and Debian's mkdocs, jekyll and
 * ruby-html-proofer: skipped without them on a developer's machine, a failure in CI (`.ci/run` installs them).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module of the bench, without types
import { oracle } from '../bench/oracle.mjs';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tools = has('mkdocs') && has('jekyll') && has('htmlproofer');
const required = Boolean(process.env.CI);
const site = (name: string) => fileURLToPath(new URL(`../fixtures/sites/${name}`, import.meta.url));

interface Outcome {
  kind: string;
  errors: number;
  failures: number;
  precision: number;
  recall: number;
  notChecked: number;
  matched: { error: { page: string; key: string } }[];
}

describe.skipIf(!tools && !required)('archive-lint against the real generators and html-proofer', () => {
  it('has the tools', () => {
    expect(tools, 'mkdocs, jekyll and htmlproofer must be installed in CI (Debian packages mkdocs, jekyll, ruby-html-proofer)').toBe(true);
  });

  it('MkDocs: attr_list and footnote ids, directory URLs for raw HTML, a raw link to a .md: every error confirmed, every failure found', async () => {
    const r = (await oracle(site('mkdocs'))) as Outcome;
    expect(r.kind).toBe('mkdocs');
    expect(r.matched.map((m) => `${m.error.page} ${m.error.key}`).sort()).toEqual(['docs/guide.md a.png', 'docs/guide.md index', 'docs/index.md #nowhere', 'docs/index.md gone.png', 'docs/index.md missing', 'docs/sub/page.md #setup']);
    expect([r.errors, r.failures, r.precision, r.recall]).toEqual([6, 6, 1, 1]);
  }, 120_000);

  it('Jekyll: permalinks, posts, {% link %}, {% post_url %}, relative_url, /-absolute images: every error confirmed, every failure found', async () => {
    const r = (await oracle(site('jekyll'))) as Outcome;
    expect(r.kind).toBe('jekyll');
    expect(r.matched.map((m) => `${m.error.page} ${m.error.key}`).sort()).toEqual(['docs/_posts/2020-01-02-hello.md gone', 'docs/about.md #nope', 'docs/index.md #nobody', 'docs/index.md gone.png', 'docs/index.md missing']);
    expect([r.errors, r.failures, r.precision, r.recall]).toEqual([5, 5, 1, 1]);
    // The link made by a Liquid variable.
    expect(r.notChecked).toBe(1);
  }, 120_000);
});
