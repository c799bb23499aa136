/**
 * Where the Action's annotations go: a check run through the Checks API when the workflow gives a token (every
 * introduced problem annotated), else workflow commands within GitHub's limits (10 a level by default, the last a
 * notice pointing at the job summary). A token that cannot create check runs (a fork's pull request) falls back to
 * workflow commands, and the log says so.
 */
import { allAnnotations, limitedAnnotations, workflowCommand, type Annotation } from './annotations.js';
import { createCheckRun } from './checks.js';
import { escapeData } from '../formatters/github.js';
import type { FormatContext } from '../formatters/index.js';
import type { LintResult } from '../types.js';

/** The most annotations one check run gets (20 requests of 50): introduced problems first, the rest in the summary. */
export const CHECK_RUN_MAX = 1000;

export interface PublishOptions {
  results: readonly LintResult[];
  ctx: FormatContext;
  /** `annotations-limit`: annotations per level as workflow commands. */
  perLevel: number;
  /** Where the problems left out are listed, for the closing notice: `the job summary lists every problem`. */
  where: (omitted: number) => string;
  log: (line: string) => void;
  /** The Checks API, when the workflow gave a token. */
  check?: { apiUrl: string; token: string; repository: string; headSha: string; conclusion: 'success' | 'failure'; title: string; summary: string; fetch?: typeof fetch };
}

/** Annotate with workflow commands; returns how many of each level were made. */
function asCommands(o: PublishOptions): Record<Annotation['level'], number> {
  const { annotations } = limitedAnnotations(o.results, o.ctx, o.perLevel, o.where);
  const made = { error: 0, warning: 0, notice: 0 };
  for (const a of annotations) {
    o.log(workflowCommand(a));
    made[a.level]++;
  }
  return made;
}

/** Annotate the results; returns how many workflow-command annotations of each level were made (none for a check run). */
export async function publishAnnotations(o: PublishOptions): Promise<Record<Annotation['level'], number>> {
  const none = { error: 0, warning: 0, notice: 0 };
  if (!o.check) return asCommands(o);
  const annotations: Annotation[] = allAnnotations(o.results, o.ctx, CHECK_RUN_MAX);
  const c = o.check;
  const r = await createCheckRun({ apiUrl: c.apiUrl, token: c.token, repository: c.repository, headSha: c.headSha, name: 'archive-lint', conclusion: c.conclusion, title: c.title, summary: c.summary, annotations }, c.fetch);
  if (r.ok) {
    const total = o.results.reduce((n, x) => n + x.messages.length, 0);
    const left = total - r.annotated;
    o.log(`Check run 'archive-lint' created${r.url ? ` (${r.url})` : ''} with ${r.annotated} annotation${r.annotated === 1 ? '' : 's'} in ${r.requests} request${r.requests === 1 ? '' : 's'}${left > 0 ? `; ${o.where(left)}` : ''}.`);
    return none;
  }
  if (r.annotated > 0) {
    o.log(`::warning::${escapeData(`The check run was created, but adding its annotations failed after ${r.annotated} (${r.reason}); the rest are in the job summary.`)}`);
    return { ...none, warning: 1 };
  }
  const why = r.permission ? `the token cannot create check runs (${r.reason}; it needs \`checks: write\`, which a pull request from a fork never gets)` : `the Checks API failed (${r.reason})`;
  o.log(`::warning::${escapeData(`archive-lint: ${why}; annotating with workflow commands instead, at most ${o.perLevel} per level.`)}`);
  const made = asCommands(o);
  return { ...made, warning: made.warning + 1 };
}
