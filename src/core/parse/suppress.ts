/** Inline suppression in remark-lint's syntax: `<!-- lint disable|enable|ignore [RULE…] -->`. */
import { eachNode } from './tree.js';
import { commentMarker } from 'mdast-comment-marker';
import type { Nodes, Root } from 'mdast';
import type { RawProblem, Suppression } from '../../types.js';

const VERBS = new Set(['disable', 'enable', 'ignore']);

function normaliseId(id: string): string {
  return id.replace(/^(?:archive-lint|remark-lint)[:-]?/, '') || id;
}

export function collectSuppressions(tree: Root): Suppression[] {
  const out: Suppression[] = [];
  const open = new Map<string, number>(); // rule id ('' = all) → start offset

  eachNode(tree, (node, ancestors, i) => {
    const children = (ancestors[ancestors.length - 1]?.children ?? []) as Nodes[];
    if (node.type !== 'html') return;
    const marker = commentMarker(node);
    if (marker && marker.name === 'lint') {
      const [verb = '', ...ids] = marker.attributes.trim().split(/\s+/);
      if (VERBS.has(verb)) {
        const rules = ids.map(normaliseId);
        const at = node.position?.start.offset ?? 0;
        if (verb === 'ignore') {
          const next = children.slice(i + 1).find((n) => n.type !== 'html' || !commentMarker(n));
          if (next?.position) out.push({ ruleIds: rules, start: next.position.start.offset ?? 0, end: next.position.end.offset ?? 0 });
        } else if (verb === 'disable') {
          for (const id of rules.length ? rules : ['']) if (!open.has(id)) open.set(id, at);
        } else {
          for (const id of rules.length ? rules : [...open.keys()]) {
            const start = open.get(id);
            if (start !== undefined) {
              out.push({ ruleIds: id === '' ? [] : [id], start, end: at });
              open.delete(id);
            }
          }
        }
      }
    }
  });
  for (const [id, start] of open) out.push({ ruleIds: id === '' ? [] : [id], start, end: -1 });
  return out;
}

export function isSuppressed(p: Pick<RawProblem, 'ruleId' | 'start'>, suppressions: readonly Suppression[]): boolean {
  for (const s of suppressions) {
    if (p.start < s.start || (s.end !== -1 && p.start >= s.end)) continue;
    if (s.ruleIds.length === 0 || s.ruleIds.includes(p.ruleId)) return true;
  }
  return false;
}
