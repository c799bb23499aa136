/**
 * The audit's HTML report, written a piece at a time: at `--report FILE.html`, else at `report.html` in the cache
 * folder (`node_modules/.cache/archive-lint/`, else `.archive-lint-cache/` at the root), which the cache's
 * `.gitignore` keeps out of commits and which is never linted. A report that cannot be written at that default
 * path is a warning and the audit goes on (a read-only archive can still be audited); one asked for with
 * `--report` that cannot be written stops the run with exit 2 (checked before the run starts).
 */
import { dirname, join, resolve } from 'node:path';
import { ensureGitignore } from '../core/cache/cache.js';
import { visible } from '../core/walk/text.js';
import { blocks } from './io.js';
import { checkTarget, IoError, writeFileAtomic } from '../core/io/index.js';
import { htmlChunks, type HtmlContext } from '../formatters/html.js';
import type { LintResult } from '../types.js';

export const DEFAULT_REPORT = 'report.html';

export interface ReportOutcome {
  /** Where it was written, when it was. */
  file?: string;
  /** Lines for stderr. */
  notes: string[];
  /** A report asked for with --report could not be written. */
  failed?: boolean;
}

/**
 * Write the chunks to a file atomically, in blocks of about a megabyte, through the one writer: never through a
 * symbolic link, nor through one among the folders between `root` and the file.
 */
export function writeFileChunks(file: string, chunks: Iterable<string>, root?: string): void {
  writeFileAtomic(file, blocks(chunks), root === undefined ? {} : { root });
}

/** `asked`: the --report path as given; `cacheFolder`: the cache's folder (used or not), home of the default report. */
export function writeHtmlReport(results: readonly LintResult[], ctx: HtmlContext, asked: string | undefined, cacheFolder: string): ReportOutcome {
  const file = asked === undefined ? join(cacheFolder, DEFAULT_REPORT) : resolve(ctx.cwd, asked);
  const shown = visible(file);
  if (asked === undefined) {
    try {
      checkTarget(file, { root: ctx.root });
    } catch (e) {
      if (!(e instanceof IoError)) throw e;
      const why = e.path === file ? `${file}: ${e.reason}` : e.reason;
      return { notes: [`archive-lint: warning: HTML report not written: ${visible(why)}; give --report FILE.html`] };
    }
    // A folder made for the report alone gets the cache's .gitignore too.
    ensureGitignore(dirname(file));
  }
  try {
    writeFileChunks(file, htmlChunks(results, { ...ctx, reportFile: file }), ctx.root);
  } catch (e) {
    if (e instanceof IoError && asked !== undefined) return { notes: [`archive-lint: ${visible(e.message)}`], failed: true };
    const why = e instanceof IoError ? e.message : `${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    if (asked === undefined) return { notes: [`archive-lint: warning: HTML report not written to ${shown} (${visible(why)}); give --report FILE.html`] };
    return { notes: [`archive-lint: cannot write ${shown}: ${visible(why)}`], failed: true };
  }
  return { file, notes: [`archive-lint: HTML report written to ${shown}`] };
}
