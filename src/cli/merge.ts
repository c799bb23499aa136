/**
 * `archive-lint merge-reports FILE.json...`: the JSON reports of shards as one report, in any --format, with the
 * audit's summary and, with --report, its HTML report. Exit 1 when the merged report has errors (or too many
 * warnings), 2 when a report cannot be read or the reports overlap.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { gitTopLevel } from '../core/walk/git.js';
import { mergeResults, parseReport, ReportError } from '../core/report/merge-reports.js';
import { errorsOnly, totals } from '../core/report/results.js';
import { formatters, type FormatContext } from '../formatters/index.js';
import { writeHtmlReport } from './report.js';
import { jsonChunks } from '../formatters/json.js';
import { rules } from '../../rules/index.js';
import { version } from '../version.js';
import { visible } from '../core/walk/text.js';
import { summaryText } from './summary-text.js';
import type { LintResult } from '../types.js';
import type { MainIO, Output } from './io.js';

type Values = Record<string, string | boolean | string[] | undefined>;

/** What the command line lends: its writers, its colour choice, its usage error. */
export interface MergeHelpers {
  writeChunks(io: MainIO, file: string | undefined, chunks: Iterable<string | Buffer>): Promise<void>;
  writeOut(io: MainIO, file: string | undefined, text: string): void;
  colorFor(out: Output, env: Record<string, string | undefined>, values: Values): boolean;
  usage(message: string): Error;
}

/** Options that mean something for a merge; the rest belong to a lint run. */
const MERGE_OPTIONS = new Set(['format', 'output', 'report', 'root', 'quiet', 'max-warnings', 'color', 'no-color', 'help', 'version']);

export async function mergeCommand(io: MainIO, files: string[], values: Values, h: MergeHelpers): Promise<number> {
  const started = performance.now();
  for (const [key, v] of Object.entries(values)) if (v !== undefined && !MERGE_OPTIONS.has(key)) throw h.usage(`--${key} does not go with merge-reports: it merges reports, it lints nothing`);
  if (files.length === 0) throw h.usage('merge-reports needs the JSON reports to merge: archive-lint merge-reports shard-1.json shard-2.json …');
  const format = (values.format as string | undefined) ?? 'stylish';
  const formatter = formatters[format];
  if (!formatter) throw h.usage(`--format '${format}': expected one of ${Object.keys(formatters).join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    const v = values['max-warnings'] as string;
    if (!/^\d+$/.test(v)) throw h.usage(`--max-warnings '${v}': expected a whole number`);
    maxWarnings = Number(v);
  }
  const reports: { name: string; results: LintResult[] }[] = [];
  try {
    for (const file of files) {
      const abs = resolve(io.cwd, file);
      let text: string;
      try {
        text = readFileSync(abs, 'utf8');
      } catch (e) {
        throw new ReportError(`${abs}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      reports.push({ name: file, results: parseReport(text, file) });
    }
  } catch (e) {
    if (e instanceof ReportError) throw h.usage(e.message);
    throw e;
  }
  let results: LintResult[];
  try {
    results = mergeResults(reports);
  } catch (e) {
    if (e instanceof ReportError) throw h.usage(e.message);
    throw e;
  }
  const root = values.root !== undefined ? resolve(io.cwd, values.root as string) : (gitTopLevel(io.cwd) ?? io.cwd);
  const outside = results.filter((r) => {
    const rel = relative(root, r.filePath);
    return rel.startsWith('..') || isAbsolute(rel);
  }).length;
  if (outside) io.stderr.write(`archive-lint: warning: ${outside} file${outside === 1 ? '' : 's'} of the reports ${outside === 1 ? 'is' : 'are'} outside the root ${visible(root)}: give --root as the shards ran it (SARIF and the summaries show paths relative to it)\n`);
  if (values.quiet) results = errorsOnly(results);

  const env = io.env ?? {};
  const ctx: FormatContext = {
    cwd: io.cwd,
    root,
    color: values.output === undefined && h.colorFor(io.stdout, env, values),
    rules: rules.map((r) => r.meta),
    version: version(),
    warn: (message) => io.stderr.write(`archive-lint: warning: ${visible(message)}\n`),
  };
  // As an audit: the summary, and the listing where -o or a --format asks for it.
  const listing = values.output !== undefined || values.format !== undefined;
  if (listing) {
    if (format === 'json') await h.writeChunks(io, values.output as string | undefined, jsonChunks(results));
    else h.writeOut(io, values.output as string | undefined, formatter(results, ctx));
  }
  const stats = { linted: results.length, indexed: 0, ms: performance.now() - started, phases: {} };
  const text = `${summaryText(results, root, { stats }, h.colorFor(io.stderr, env, values), ctx.rules)}Merged from ${files.length} report${files.length === 1 ? '' : 's'}.\n`;
  if (format === 'stylish' || values.output !== undefined) io.stdout.write(text);
  else io.stderr.write(text);
  if (values.report !== undefined) {
    // Written a piece at a time, as the audit writes it.
    const written = writeHtmlReport(results, { ...ctx, color: false }, values.report as string, io.cwd);
    for (const note of written.notes) io.stderr.write(`${note}\n`);
    if (written.failed) return 2;
  }
  const t = totals(results);
  if (t.errors > 0) return 1;
  if (maxWarnings >= 0 && t.warnings > maxWarnings) {
    io.stderr.write(`archive-lint: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
