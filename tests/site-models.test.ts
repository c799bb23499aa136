/** The MkDocs and Jekyll models: ids and URLs as the generators make them, what cannot be evaluated not checked. */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { loadConfig } from '../src/core/config/config.js';
import { siteProfile } from '../src/core/config/site.js';
import { rules } from '../rules/index.js';
import { tree } from './helpers/tree.js';

async function findings(files: Record<string, string>): Promise<{ rows: string[]; notChecked: number }> {
  const root = tree(files);
  const config = await loadConfig(root, undefined, rules, { 'no-raw-html': 0 });
  const { results } = await lint({ root, config, concurrency: 1 });
  const rows = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line} ${m.messageId} ${m.severity === 2 ? 'error' : 'warning'}`));
  return { rows, notChecked: results.reduce((n, r) => n + (r.notCheckedCount ?? 0), 0) };
}

describe('Jekyll', () => {
  const layout = { '_layouts/default.html': '{{ content }}\n' };
  it('is detected from a _config.yml with a source tree, at the root or in docs/', () => {
    expect(siteProfile(tree({ 'docs/_config.yml': 'title: x\n', 'docs/_layouts/default.html': '' }), {})).toMatchObject({ site: 'jekyll', siteRoot: 'docs' });
    expect(siteProfile(tree({ '_config.yml': 'collections:\n  recipes:\n    output: true\n', '_recipes/a.md': '' }), {})).toMatchObject({ site: 'jekyll', siteRoot: '', model: { collections: { recipes: { output: true } } } });
    expect(siteProfile(tree({ 'docs/_config.yml': 'title: x\n' }), {})).toMatchObject({ site: 'github' });
  });

  it('a {% link %} or {% post_url %} to nothing fails the build: an error; Liquid it cannot evaluate is not checked; {% raw %} is not read', async () => {
    const r = await findings({
      ...layout,
      '_config.yml': 'baseurl: /blog\n',
      '_posts/2021-03-04-first.md': '---\ntitle: First\ndate: 2021-03-04 10:20:30 +0800\npublished: false\n---\n# First\n',
      'index.md': [
        '---',
        'title: Home',
        '---',
        '[a]({% link about.md %}) [b]({% link nowhere.md %})',
        '[c]({% post_url 2021-03-04-first %}) [d]({% post_url 2021-03-05-none %})',
        '[e]({{ site.baseurl }}/2021/03/04/first.html) [f](/blog/about/) [g]({{page.url}})',
        '`{% raw %}{% link raw-only.md %}{% endraw %}`',
        '',
      ].join('\n'),
      'about.md': '---\npermalink: /about/\n---\n# About\n',
    });
    expect(r.rows).toEqual(['index.md:4 liquidLinkMissing error', 'index.md:5 liquidLinkMissing error']);
    expect(r.notChecked).toBe(1);
  });
});

describe('MkDocs', () => {
  it('reads attr_list and footnote ids only when mkdocs.yml enables them; ids of hooks are not checked', async () => {
    const page = { 'docs/a.md': '# A\n\n## Setup { #setup-id }\n\nNote[^1].\n\n[^1]: The note.\n', 'docs/index.md': '[x](a.md#setup-id) [y](a.md#fn:1) [z](a.md#none)\n' };
    const on = await findings({ 'mkdocs.yml': 'site_name: x\nmarkdown_extensions:\n  - attr_list\n  - footnotes\n', ...page });
    expect(on.rows).toEqual(['docs/index.md:1 missingAnchor error']);
    const off = await findings({ 'mkdocs.yml': 'site_name: x\n', ...page });
    expect(off.rows).toEqual(['docs/index.md:1 missingAnchor error', 'docs/index.md:1 missingAnchor error', 'docs/index.md:1 missingAnchor error']);
    const hooks = await findings({ 'mkdocs.yml': 'site_name: x\nhooks:\n  - hooks/ids.py\n', ...page });
    expect(hooks.rows).toEqual([]);
    expect(hooks.notChecked).toBe(3);
  });
});
