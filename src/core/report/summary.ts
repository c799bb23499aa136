/**
 * Counts by rule, by kind of finding and by folder, and the most-linked missing targets: plain data for every
 * report. Occurrences are counted, not messages (a message of `oncePerFile` stands for several).
 */
import { relative, sep } from 'node:path';
import type { RuleMeta } from '../parse/rule.js';
import type { LintMessage, LintResult } from '../../types.js';

export interface Count {
  errors: number;
  warnings: number;
}

/** A target that links or images point at and that is not there. */
export interface MissingTarget {
  /** References to it. */
  links: number;
  /** What kind of missing: `file` (not in the archive), `original-site path`, `page never mirrored`. */
  what: string;
  /** Whether images point at it (else only links). */
  image: boolean;
}

export interface Summary {
  byRule: Map<string, Count & { kinds: Map<string, number> }>;
  /** By folder, at the depth `folderDepth` (see `folderDepth`). */
  byFolder: Map<string, Count & { files: number }>;
  folderDepth: number;
  /** Missing link and image targets → how many references point at each. */
  missingTargets: Map<string, MissingTarget>;
  files: number;
}

/**
 * Kinds of finding whose message names a target that is not there, and how to read the target from it: the
 * first quoted text, or (for a page never mirrored) the original site's URL at the end.
 */
const MISSING: Record<string, { what: string; target: RegExp }> = {
  missingFile: { what: 'file', target: /'([^']+)'/ },
  deleted: { what: 'file', target: /'([^']+)'/ },
  renamed: { what: 'file', target: /'([^']+)'/ },
  mirrorMissing: { what: 'file in a mirror', target: /'([^']+)'/ },
  originalSitePath: { what: 'original-site path', target: /'([^']+)'/ },
  unmirroredPage: { what: 'page never mirrored', target: /never mirrored: (\S+)$/ },
};
const MISSING_RULES = new Set(['no-broken-links', 'no-missing-images']);

/** The missing target a message names, if it is of a kind that names one. */
export function missingTarget(m: Pick<LintMessage, 'ruleId' | 'messageId' | 'message'>): { target: string; what: string } | undefined {
  if (m.ruleId === null || !MISSING_RULES.has(m.ruleId) || m.messageId === undefined) return undefined;
  const kind = Object.hasOwn(MISSING, m.messageId) ? MISSING[m.messageId] : undefined;
  const target = kind?.target.exec(m.message)?.[1];
  return kind && target !== undefined ? { target, what: kind.what } : undefined;
}

/** A file's path relative to the root, `/`-separated. */
export function rootRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** The folder of a root-relative file path, cut to `depth` levels (`.` for the root). */
export function folderAt(rel: string, depth: number): string {
  const parts = rel.split('/');
  parts.pop();
  return parts.slice(0, depth).join('/') || '.';
}

/** Fewer folders than this at one level: look one level deeper. */
const FEW_FOLDERS = 8;
/** More than this: one level too deep to read. */
const MANY_FOLDERS = 400;

/**
 * How deep folders are counted: the top level, unless it has fewer than 8 folders (an archive whose pages all
 * live under `pages/`), then deeper while a level has few, never to a level of more than 400.
 */
export function folderDepth(rels: Iterable<string>): number {
  const dirs = new Set<string>();
  for (const rel of rels) dirs.add(folderAt(rel, Infinity));
  const deepest = Math.max(1, ...[...dirs].map((d) => (d === '.' ? 0 : d.split('/').length)));
  let depth = 1;
  while (depth < deepest) {
    const here = new Set([...dirs].map((d) => folderAt(`${d}/x`, depth))).size;
    if (here >= FEW_FOLDERS) break;
    const next = new Set([...dirs].map((d) => folderAt(`${d}/x`, depth + 1))).size;
    if (next > MANY_FOLDERS) break;
    depth++;
  }
  return depth;
}

export function summarize(results: readonly LintResult[], root: string): Summary {
  const byRule: Summary['byRule'] = new Map();
  const byFolder: Summary['byFolder'] = new Map();
  const missingTargets: Summary['missingTargets'] = new Map();
  const rels = results.map((r) => rootRelative(root, r.filePath));
  const depth = folderDepth(rels);
  results.forEach((r, i) => {
    const folder = folderAt(rels[i] as string, depth);
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
      const missing = missingTarget(m);
      if (missing !== undefined) {
        const t = missingTargets.get(missing.target) ?? { links: 0, what: missing.what, image: false };
        t.links += n;
        if (m.ruleId === 'no-missing-images') t.image = true;
        missingTargets.set(missing.target, t);
      }
    }
  });
  return { byRule, byFolder, folderDepth: depth, missingTargets, files: results.length };
}

/** Rows sorted by errors, most first, then by warnings: what a reader hits comes before what is untidy. */
export function sortedRows<T extends Count>(map: Map<string, T>): [string, T][] {
  return [...map].sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || a[0].localeCompare(b[0]));
}

/** Missing targets, the most-linked first. */
export function topMissing(map: Summary['missingTargets']): [string, MissingTarget][] {
  return [...map].sort((a, b) => b[1].links - a[1].links || a[0].localeCompare(b[0]));
}

/** A kind of finding in words, from the rule's metadata (`originalSitePath` → `original-site path`). */
export function kindName(rules: readonly RuleMeta[], ruleId: string | null, kind: string): string {
  // A file's own messages: not linted (binary, too large, too slow…), or the count past maxMessagesPerFile.
  if (ruleId === null && kind === 'tooManyMessages') return 'more problems not listed';
  if (ruleId === null || kind === 'fatal') return 'file not linted';
  const named = rules.find((r) => r.id === ruleId)?.kindNames?.[kind];
  // A kind the metadata does not name: its id split into words.
  return named ?? kind.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A rule's kinds in words, most first: `missing file 2, original-site path 1`. */
export function kindsText(rules: readonly RuleMeta[], ruleId: string, kinds: Map<string, number>, format: (n: number) => string = String): string {
  return [...kinds]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${kindName(rules, ruleId.startsWith('(') ? null : ruleId, k)} ${format(n)}`)
    .join(', ');
}
