/** Gives a rule plugin its file context, whether the engine runs it or plain remark-cli does. */
import { relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { extract } from './extract.js';
import { lineStarts } from '../walk/text.js';
import { docsUrl, report, type FileContext, type RuleMeta } from './rule.js';
import { lintRule } from 'unified-lint-rule';
import type { RawProblem } from '../../types.js';
import { parseRepoSlug } from '../links/github.js';

/** Options schema of the settings a rule needs under remark-cli, where there is no command line. */
export const STANDALONE_OPTIONS = {
  root: { type: 'string', description: 'Archive root when run under remark-cli (default: the working directory).' },
  repository: { type: 'string', description: 'owner/name, when run under remark-cli.' },
  branch: { type: 'string', description: 'Branch, when run under remark-cli.' },
} as const;

export interface StandaloneSettings {
  /** Archive root (default: the working directory). */
  root?: string;
  /** `owner/name` of the archive on GitHub. */
  repository?: string;
  branch?: string;
}

interface Data {
  archiveLint?: FileContext;
}

export function fileContext(tree: Root, file: VFile, settings: StandaloneSettings = {}): FileContext {
  const data = file.data as Data;
  if (data.archiveLint) return data.archiveLint;
  const root = resolve(file.cwd, settings.root ?? '.');
  const abs = resolve(file.cwd, file.path ?? 'stdin.md');
  const path = relative(root, abs).split(sep).join('/');
  let text = String(file.value ?? '');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { facts, htmlScans, textRanges } = extract(tree, text, path);
  const slug = settings.repository ? parseRepoSlug(settings.repository) : undefined;
  const ctx: FileContext = { root, path, text, lineStarts: lineStarts(text), facts, htmlScans, textRanges, mirrors: {}, engine: false };
  if (slug) ctx.repo = { ...slug, branch: settings.branch ?? 'master' };
  data.archiveLint = ctx;
  return ctx;
}

/**
 * A unified-lint-rule plugin for a rule whose checks need only the file: `check` gets the shared file context
 * (facts, HTML tokens, text ranges) and returns problems, which become vfile messages under remark-cli and
 * plain data under the engine.
 */
export function fileRulePlugin<Options>(meta: RuleMeta, check: (ctx: FileContext, options: Options) => RawProblem[]) {
  return lintRule<Root, Options | undefined>({ origin: `archive-lint:${meta.id}`, url: docsUrl(meta.id) }, (tree, file, options) => {
    const ctx = fileContext(tree, file);
    for (const p of check(ctx, options ?? ({} as Options))) report(file, p, ctx.lineStarts);
  });
}
