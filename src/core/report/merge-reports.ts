/**
 * Merging the JSON reports of shards: in, the text of each report and its name; out, one list of results in the
 * order a whole run gives them (the walk's: by path, a folder's entries by name), so that the merged report of all
 * shards is the whole run's. Each report is checked against the contract's JSON shape, and an error names the report
 * and the place in it. A file in two reports means the shards overlap (another N, another PATH, two copies of one
 * shard): refused, since which of its results to keep cannot be told.
 */
import { makeResult } from './results.js';
import type { LintMessage, LintResult } from '../../types.js';

export class ReportError extends Error {}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positiveInteger(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

/** Why a message is not one of the contract's, or undefined. */
function badMessage(m: unknown): string | undefined {
  if (!isObject(m)) return 'expected an object';
  if (!(m.ruleId === null || (typeof m.ruleId === 'string' && m.ruleId !== ''))) return '"ruleId": expected a rule id or null';
  if (m.severity !== 1 && m.severity !== 2) return '"severity": expected 1 or 2';
  if (typeof m.message !== 'string') return '"message": expected a string';
  for (const key of ['line', 'column']) if (!positiveInteger(m[key])) return `"${key}": expected a whole number of at least 1`;
  for (const key of ['endLine', 'endColumn']) if (m[key] !== undefined && !positiveInteger(m[key])) return `"${key}": expected a whole number of at least 1`;
  return undefined;
}

/** The results of one JSON report (`--format json`), checked; a report that is not one throws a ReportError. */
export function parseReport(text: string, name: string): LintResult[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ReportError(`${name}: not JSON (${(e as Error).message.split('\n')[0]}); expected a report written by --format json`);
  }
  if (!Array.isArray(value)) throw new ReportError(`${name}: expected an array of results (a report written by --format json)`);
  const out: LintResult[] = [];
  value.forEach((r: unknown, i) => {
    const where = `${name}: result ${i + 1}`;
    if (!isObject(r) || typeof r.filePath !== 'string' || r.filePath === '') throw new ReportError(`${where}: expected an object with a "filePath"`);
    if (!Array.isArray(r.messages)) throw new ReportError(`${where} (${r.filePath}): "messages": expected an array`);
    r.messages.forEach((m: unknown, k) => {
      const why = badMessage(m);
      if (why !== undefined) throw new ReportError(`${where} (${r.filePath as string}): message ${k + 1}: ${why}`);
    });
    const result = makeResult(r.filePath, r.messages as LintMessage[]);
    if (positiveInteger(r.notCheckedCount)) result.notCheckedCount = r.notCheckedCount as number;
    out.push(result);
  });
  return out;
}

/** A path's parts, for the walk's order: a folder's entries sorted by name. */
function parts(path: string): string[] {
  return path.split(/[\\/]/);
}

/** The walk's order of two paths. */
export function compareWalkOrder(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** The results of every report in one list, in the walk's order; a file in two reports throws a ReportError. */
export function mergeResults(reports: readonly { name: string; results: readonly LintResult[] }[]): LintResult[] {
  const from = new Map<string, string>();
  const out: LintResult[] = [];
  for (const { name, results } of reports) {
    for (const r of results) {
      const other = from.get(r.filePath);
      if (other !== undefined) {
        const where = other === name ? `twice in ${name}` : `in both ${other} and ${name}`;
        throw new ReportError(`${r.filePath} is ${where}: the reports overlap (each file must come from one shard: the same N, the same PATHs, each shard once)`);
      }
      from.set(r.filePath, name);
      out.push(r);
    }
  }
  return out.sort((a, b) => compareWalkOrder(a.filePath, b.filePath));
}
