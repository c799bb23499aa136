/**
 * Severity is data: each rule's metadata gives every message id a severity under each publishing profile, the
 * engine applies it through `severityFor`, and a rule never decides one in its body.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { effectiveSeverity, severityFor, type RuleMeta } from '../src/core/parse/rule.js';
import { SITES } from '../src/core/config/site.js';
import { rules } from '../rules/index.js';
import { REPO_ROOT } from '../src/tools/generated.js';
import type { RawProblem } from '../src/types.js';

describe('severities in the metadata', () => {
  for (const { meta } of rules) {
    it(`${meta.id}: every message id has a severity under every profile, and no other id has one`, () => {
      expect(Object.keys(meta.severities).sort()).toEqual(Object.keys(meta.messages).sort());
      for (const id of Object.keys(meta.messages)) for (const site of SITES) expect(['error', 'warn', 'not-checked']).toContain(severityFor(meta, id, site));
    });
  }

  it('no rule sets a severity in its body', () => {
    for (const { meta } of rules) {
      const dir = join(REPO_ROOT, 'rules', meta.id);
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'meta.ts')) {
        const text = readFileSync(join(dir, f), 'utf8');
        // no-raw-html's `kinds` option is the user's choice, read from its options: the only `.severity =` allowed.
        const sets = text.match(/\.severity\s*=|severity:\s*[12]/g) ?? [];
        expect(sets.length, `${meta.id}/${f}`).toBe(meta.id === 'no-raw-html' && f === 'index.ts' ? 1 : 0);
      }
    }
  });

  const meta = rules.find((r) => r.meta.id === 'no-missing-images')?.meta as RuleMeta;
  const blob: RawProblem = { ruleId: 'no-missing-images', messageId: 'blobUrl', message: '', start: 0, end: 1 };
  it('a blob URL as an image shows on GitHub (a warning) and is an HTML page elsewhere (an error)', () => {
    expect(SITES.map((s) => severityFor(meta, 'blobUrl', s))).toEqual(['warn', 'error', 'error', 'error']);
    expect(effectiveSeverity(meta, blob, undefined, 2)).toBe(1);
    expect(effectiveSeverity(meta, blob, 'mkdocs', 2)).toBe(2);
  });

  it('the config lowers a rule to warnings or turns it off; raising a warning rule makes its findings errors', () => {
    expect(effectiveSeverity(meta, blob, 'mkdocs', 1)).toBe(1);
    expect(effectiveSeverity(meta, blob, 'mkdocs', 0)).toBe(0);
    const dates = rules.find((r) => r.meta.id === 'valid-dates')?.meta as RuleMeta;
    const weekday: RawProblem = { ruleId: 'valid-dates', messageId: 'weekday', message: '', start: 0, end: 1 };
    expect(effectiveSeverity(dates, weekday, undefined, 1)).toBe(1);
    expect(effectiveSeverity(dates, weekday, undefined, 2)).toBe(2);
  });

  it('what the profile cannot check stays not checked, whatever the config says', () => {
    const links = rules.find((r) => r.meta.id === 'no-broken-links')?.meta as RuleMeta;
    const p: RawProblem = { ruleId: 'no-broken-links', messageId: 'anchorNotChecked', message: '', start: 0, end: 1 };
    expect(effectiveSeverity(links, p, 'mkdocs', 2)).toBe('not-checked');
    expect(effectiveSeverity(links, p, 'mkdocs', 1)).toBe('not-checked');
    expect(effectiveSeverity(links, p, 'mkdocs', 0)).toBe(0);
  });
});
