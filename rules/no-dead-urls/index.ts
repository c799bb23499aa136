/**
 * no-dead-urls: external http(s) URLs of links must answer. It reports what the external checks found (they run
 * after the cross-file checks, only with `--external` or under `audit`): broken, unreachable and timed-out URLs
 * as errors; redirects, rate limits, bot walls and hosts refused as private as warnings. Under plain remark-cli,
 * where nothing is requested, it reports nothing.
 */
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import { meta } from './meta.js';
import { docsUrl, problem } from '../../src/core/rule.js';
import { checkData, findingOf, type Finding } from '../../src/core/external/describe.js';
import type { ExternalHook } from '../../src/core/external/phase.js';
import type { Severity } from '../../src/types.js';

export { meta };

const MESSAGE: Record<Finding, [string, Severity]> = {
  broken: ['broken', 2],
  'redirect-loop': ['redirectLoop', 2],
  'too-many-redirects': ['tooManyRedirects', 2],
  timeout: ['timeout', 2],
  unreachable: ['unreachable', 2],
  redirected: ['redirected', 1],
  'rate-limited': ['rateLimited', 1],
  blocked: ['blocked', 1],
  'bot-wall': ['botWall', 1],
};

export const externalCheck: ExternalHook = {
  wants: (ref) => ref.type === 'link',
  report(ref, check) {
    const finding = findingOf(check);
    if (!finding) return undefined;
    const [id, severity] = MESSAGE[finding];
    const p = problem(meta, id, { ...checkData(check), url: ref.url.trim() }, ref.start, ref.end);
    p.severity = severity;
    return p;
  },
};

export const plugin = lintRule<Root, unknown>({ origin: `archive-lint:${meta.id}`, url: docsUrl(meta.id) }, () => {});

export default plugin;
