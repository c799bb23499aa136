import type { RuleMeta } from '../../src/core/parse/rule.js';

export const meta: RuleMeta = {
  id: 'no-orphans',
  description: 'Every page must be reachable: linked from another page, on a path of links from an entry point (README, nav, SUMMARY.md).',
  defaultSeverity: 'off',
  auditSeverity: 'warn',
  fixable: 'none',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      entryPoints: {
        type: 'array',
        items: { type: 'string' },
        description: "Globs (root-relative) of more entry points: pages a reader reaches without a link of the archive, added to the profile's (README, mkdocs nav, SUMMARY.md, Jekyll posts and collections).",
      },
      ignore: { type: 'array', items: { type: 'string' }, description: 'Globs (root-relative) of pages never reported (drafts, templates).' },
    },
  },
  messages: {
    noIncoming: 'No other page links to this page, so no reader can reach it; a link to it would bring back {count} {pages}',
    unreachable: "No path of links from an entry point ({entry}) reaches this page: only pages that none reaches link to it, such as '{from}'; a link to it would bring back {count} {pages}",
  },
  // A page no reader reaches, a file no page uses: worth knowing, never broken for a reader; a warning on every profile.
  severities: {
    noIncoming: 'warn',
    unreachable: 'warn',
  },
  kindNames: {
    noIncoming: 'no incoming link',
    unreachable: 'unreachable from the entry points',
  },
};
