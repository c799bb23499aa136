/**
 * Per-kind severities of no-broken-links and no-missing-images, which fixture rows do not show: white space
 * that browsers strip around a raw-HTML URL is a warning (the link works; in a Markdown destination the renderer
 * percent-encodes it, and it stays an error), and so is a link that climbs over the root to a file that a sibling
 * repository's mirror has; what does not work stays an error.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lint } from '../src/rule-set.js';
import { loadConfig } from '../src/core/config/config.js';
import { parseRepoSlug } from '../src/core/links/github.js';
import { rules } from '../rules/index.js';
import { FIXTURES } from './helpers/fixtures.js';
import type { Severity } from '../src/types.js';

async function kinds(ruleId: string, scenario: string, severity: Severity = 2): Promise<string[]> {
  const root = join(FIXTURES, ruleId, scenario);
  const only: Record<string, Severity> = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === ruleId ? severity : 0]));
  const config = await loadConfig(root, undefined, rules, only);
  const slug = config.repository ? parseRepoSlug(config.repository) : undefined;
  const { results } = await lint({ root, config, ...(slug ? { repo: { ...slug, branch: config.branch ?? 'master' } } : {}) });
  return results.flatMap((r) => r.messages.map((m) => `${m.line} ${m.messageId ?? ''} ${m.severity === 1 ? 'warning' : 'error'}`));
}

describe('white space around a URL', () => {
  it('no-broken-links: a warning when browsers strip it, errors for what does not work', async () => {
    // Line 3 is an <ok href> with a padded URL: not a link at all (no-raw-html reports it).
    expect(await kinds('no-broken-links', 'padded-url')).toEqual([
      '4 paddedUrl warning',
      '6 paddedUrl warning',
      '7 paddedUrl warning',
      '7 missingFile error',
      '8 paddedUrl warning',
      '9 malformed error',
    ]);
    expect(await kinds('no-broken-links', 'malformed')).toEqual(['4 malformed error', '5 malformed error', '6 malformed error', '7 malformed error']);
  });

  it('no-missing-images: the same', async () => {
    expect(await kinds('no-missing-images', 'padded-url')).toEqual([
      '3 paddedUrl warning',
      '3 originalSitePath error',
      '4 paddedUrl warning',
      '5 paddedUrl warning',
      '7 malformed error',
      '8 malformed error',
    ]);
  });

  it('stays a warning when the rule is a warning', async () => {
    expect(await kinds('no-broken-links', 'padded-url', 1)).toContain('7 missingFile warning');
    expect(await kinds('no-broken-links', 'padded-url', 1)).toContain('4 paddedUrl warning');
  });
});

describe('a link that climbs over the root to a sibling repository', () => {
  it('is an error only when the local mirror lacks the file: GitHub resolves the others, so they are warnings', async () => {
    expect(await kinds('no-broken-links', 'outside-root-mirror')).toEqual([
      '1 outsideRootMirrored warning',
      '2 outsideRootMirrorMissing error',
      '3 outsideRootMirrored warning',
      '4 outsideRoot warning',
      '5 outsideRoot warning',
    ]);
  });
});
