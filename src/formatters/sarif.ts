/** SARIF 2.1.0 as GitHub code scanning accepts it: rules with help URIs, %SRCROOT%-relative locations. */
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';
import { relPath } from './paths.js';
import { docsUrl } from '../core/rule.js';
import { encodePath } from '../core/github.js';

export const sarif: Formatter = (results, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const uri = encodePath(relPath(ctx.root, r.filePath));
    for (const m of r.messages) {
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
              informationUri: 'https://github.com/archive-lint/archive-lint',
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
        },
      ],
    },
    null,
    2,
  );
};
