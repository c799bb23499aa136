/** Counts by rule, by kind of finding and by top-level folder: plain data for every report. Occurrences are counted, not messages. */
import { relative, sep } from 'node:path';
import type { LintResult } from '../types.js';

export interface Count {
  errors: number;
  warnings: number;
}

export interface Summary {
  byRule: Map<string, Count & { kinds: Map<string, number> }>;
  byFolder: Map<string, Count & { files: number }>;
  /** Missing link and image targets → how many references point at each. */
  missingTargets: Map<string, number>;
  files: number;
}

/** Kinds of finding whose message names a target that is not there, first in quotes. */
const MISSING = new Set(['missingFile', 'deleted', 'renamed', 'mirrorMissing']);

export function topFolder(root: string, file: string): string {
  const rel = relative(root, file).split(sep);
  return rel.length > 1 ? (rel[0] as string) : '.';
}

export function summarize(results: readonly LintResult[], root: string): Summary {
  const byRule: Summary['byRule'] = new Map();
  const byFolder: Summary['byFolder'] = new Map();
  const missingTargets: Summary['missingTargets'] = new Map();
  for (const r of results) {
    const folder = topFolder(root, r.filePath);
    const f = byFolder.get(folder) ?? { errors: 0, warnings: 0, files: 0 };
    f.files++;
    byFolder.set(folder, f);
    for (const m of r.messages) {
      const n = m.occurrences ?? 1;
      const id = m.ruleId ?? '(file errors)';
      const c = byRule.get(id) ?? { errors: 0, warnings: 0, kinds: new Map<string, number>() };
      if (m.severity === 2) {
        c.errors += n;
        f.errors += n;
      } else {
        c.warnings += n;
        f.warnings += n;
      }
      const kind = m.messageId ?? 'fatal';
      c.kinds.set(kind, (c.kinds.get(kind) ?? 0) + n);
      byRule.set(id, c);
      const target = MISSING.has(kind) ? /'([^']+)'/.exec(m.message)?.[1] : undefined;
      if (target !== undefined) missingTargets.set(target, (missingTargets.get(target) ?? 0) + n);
    }
  }
  return { byRule, byFolder, missingTargets, files: results.length };
}

/** Rows sorted by problems, most first. */
export function sortedRows<T extends Count>(map: Map<string, T>): [string, T][] {
  return [...map].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || a[0].localeCompare(b[0]));
}
