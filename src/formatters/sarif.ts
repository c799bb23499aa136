/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: rules with help URIs, %SRCROOT%-relative locations, and at most
 * 5000 results, errors first (GitHub rejects a run of more than 25,000 and keeps 5000); a run that left results
 * out says so in its `properties` and through `warn`.
 */
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';
import { relPath } from './paths.js';
import { errorsFirst } from './order.js';
import { docsUrl } from '../core/parse/rule.js';
import { REPOSITORY_URL } from '../repository.js';
import { encodePath } from '../core/links/github.js';
import type { LintResult } from '../types.js';

/** The results of a run GitHub code scanning keeps. */
const SARIF_LIMIT = 5000;

export const sarif: Formatter = (results, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const limit = ctx.sarifLimit ?? SARIF_LIMIT;
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  let omitted = 0;
  const uris = new Map<LintResult, string>();
  for (const [r, m] of errorsFirst(results)) {
    if (m.ruleId !== null && sarifResults.length >= limit) {
      omitted++;
      continue;
    }
    let uri = uris.get(r);
    if (uri === undefined) uris.set(r, (uri = encodePath(relPath(ctx.root, r.filePath))));
    const location = {
      physicalLocation: {
        artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine ?? m.line, endColumn: m.endColumn ?? m.column },
      },
    };
    if (m.ruleId === null) {
      notifications.push({ level: 'error', message: { text: m.message }, locations: [location] });
      continue;
    }
    sarifResults.push({
      ruleId: m.ruleId,
      ruleIndex: ruleIndex.get(m.ruleId),
      level: m.severity === 2 ? 'error' : 'warning',
      message: { text: m.message },
      locations: [location],
    });
  }
  const kept = sarifResults.length;
  const total = kept + omitted;
  if (omitted > 0) {
    ctx.warn?.(`SARIF: kept ${kept} of ${total} results, errors first (GitHub code scanning keeps at most ${SARIF_LIMIT} a run); --format json has every one`);
  }
  const root = pathToFileURL(ctx.root).href.replace(/\/?$/, '/');
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'archive-lint',
              version: ctx.version,
              semanticVersion: ctx.version,
              informationUri: REPOSITORY_URL,
              rules: ctx.rules.map((r) => ({
                id: r.id,
                name: r.id.replace(/(^|-)(\w)/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
                shortDescription: { text: r.description },
                fullDescription: { text: r.description },
                helpUri: docsUrl(r.id),
                help: { text: `${r.description} See ${docsUrl(r.id)}` },
                defaultConfiguration: { level: r.defaultSeverity === 'error' ? 'error' : r.defaultSeverity === 'warn' ? 'warning' : 'none' },
                properties: { tags: ['markdown', 'archive'] },
              })),
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: root } },
          invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
          columnKind: 'utf16CodeUnits',
          results: sarifResults,
          ...(omitted > 0 ? { properties: { 'archive-lint/truncated': true, 'archive-lint/totalResults': total, 'archive-lint/keptResults': kept } } : {}),
        },
      ],
    },
    null,
    2,
  );
};
