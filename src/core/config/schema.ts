/** The config's JSON Schema, generated from the rules' metadata (the single source). */
import type { RuleModule } from '../parse/rule.js';
import { EXTERNAL_SCHEMA } from '../external/settings.js';

const SEVERITY = { enum: ['off', 'warn', 'error', 0, 1, 2] };

export function ruleSettingSchema(rule: RuleModule): Record<string, unknown> {
  return {
    description: rule.meta.description,
    oneOf: [
      SEVERITY,
      { type: 'array', items: [SEVERITY, rule.meta.optionsSchema], minItems: 1, maxItems: 2, additionalItems: false },
    ],
  };
}

export function configSchema(rules: readonly RuleModule[]): Record<string, unknown> {
  const ruleProps = Object.fromEntries(rules.map((r) => [r.meta.id, ruleSettingSchema(r)]));
  const rulesSchema = { type: 'object', additionalProperties: false, properties: ruleProps };
  const globs = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'archive-lint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      repository: { type: 'string', pattern: '^[\\w.-]+/[\\w.-]+$', description: 'owner/name of the archive on GitHub.' },
      branch: { type: 'string', minLength: 1 },
      include: { ...globs, description: 'Globs of the files to lint (default: **/*.md).' },
      ignore: { ...globs, description: 'Globs of files never linted (as well as .gitignore).' },
      rules: rulesSchema,
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { ...globs, description: 'Globs of the files this override applies to.' },
            ignore: { ...globs, description: 'Globs of files it leaves out (the same key as the top-level ignore).' },
            ignores: { ...globs, description: 'Deprecated: the former name of ignore, still read.' },
            rules: rulesSchema,
          },
        },
      },
      mirrors: {
        type: 'object',
        description: 'Local checkouts of sibling repositories: owner/name → path (relative to the root).',
        propertyNames: { pattern: '^[\\w.-]+/[\\w.-]+$' },
        additionalProperties: { type: 'string' },
      },
      site: {
        enum: ['github', 'mdbook', 'mkdocs', 'jekyll'],
        description: 'Where the archive is published: how links resolve, which heading slugs anchors use, what a safe fix may drop (default: mdbook where a book.toml is, mkdocs where a mkdocs.yml is, else github).',
      },
      siteRoot: { type: 'string', description: "The published site's root folder, relative to the root (default: book.toml's src, mkdocs.yml's docs_dir)." },
      siteExternal: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: "Paths outside the published site's root that exist where it is published, relative to the site root (e.g. ../std/): links under them are not reported.",
      },
      maxFileSize: { type: 'integer', minimum: 1, description: 'Files larger than this many bytes are reported, not parsed (default 4 MiB: any file under it lints in at most 1.5 GB).' },
      fileTimeBudget: {
        type: 'number',
        minimum: 0,
        description: 'Seconds of CPU time (the parsing thread\'s own, so that a busy machine gives the same answer) a file may take to lint, per MiB of it; every file gets twice that more (default 5: 10 s, and 5 s per MiB; a value under 0.5 counts as 0.5). A file past it is reported as not linted, and the run goes on. 0: no limit.',
      },
      maxMessagesPerFile: { type: 'integer', minimum: 1, description: 'Past this many messages in one file, the rest are counted in one summary message (default 1000).' },
      external: EXTERNAL_SCHEMA,
    },
  };
}
