/**
 * What to fix first: the largest groups of errors, each with the command that fixes it or what it points at and
 * how to silence it, and what --fix changes; and the audit's summary with errors before warnings everywhere.
 */
import { describe, expect, it } from 'vitest';
import { fixPlan, stepAdvice } from '../src/core/report/plan.js';
import { makeResult } from '../src/core/report/results.js';
import { planText, summaryText } from '../src/cli/summary-text.js';
import { rules } from '../rules/index.js';
import type { LintMessage } from '../src/types.js';

const metas = rules.map((r) => r.meta);
const fix = { range: [0, 1] as [number, number], text: 'x' };
const unsafe = [{ desc: 'Unsafe fix', fix }];

function m(ruleId: string, messageId: string, severity: 1 | 2, line: number, message: string, extra: Partial<LintMessage> = {}): LintMessage {
  return { ruleId, messageId, severity, message, line, column: 1, ...extra };
}

/** 400 warnings in one rule, and three groups of errors: the plan must lead with the errors, largest first. */
function results() {
  const site = (line: number, url: string) => m('no-broken-links', 'originalSitePath', 2, line, `Link '${url}' is a path from the original site, not a file of this archive`);
  return [
    makeResult('/a/pages/p1/one.md', [site(3, '/kzgd/subscribe.html'), site(9, '/kzgd/subscribe.html'), m('no-broken-links', 'noScheme', 2, 4, "Link 'www.x.org' has no scheme", { suggestions: unsafe })]),
    makeResult('/a/pages/p1/two.md', [site(2, '/kzgd/subscribe.html'), site(5, '/term/1'), m('no-missing-images', 'wrongCase', 2, 7, "Image 'A.png' differs in letter case", { fix })]),
    makeResult('/a/pages/p2/three.md', [site(1, '/kzgd/subscribe.html'), ...Array.from({ length: 400 }, (_, i) => m('no-raw-html', 'entity', 1, i + 10, "Leftover entity '&nbsp;'; expected a plain space", { fix }))]),
    makeResult('/a/index.md', []),
  ];
}

describe('fix first', () => {
  it('leads with the largest groups of errors, each with what fixes it or what it points at', () => {
    const plan = fixPlan(results(), '/a', metas);
    expect(plan.severity).toBe(2);
    expect(plan.steps.map((s) => [s.ruleId, s.messageId, s.count, s.files, s.safe, s.unsafe])).toEqual([
      ['no-broken-links', 'originalSitePath', 5, 3, 0, 0],
      ['no-broken-links', 'noScheme', 1, 1, 0, 1],
      ['no-missing-images', 'wrongCase', 1, 1, 1, 0],
    ]);
    const [site, scheme, letterCase] = plan.steps as [NonNullable<(typeof plan.steps)[0]>, NonNullable<(typeof plan.steps)[0]>, NonNullable<(typeof plan.steps)[0]>];
    expect(site.first).toEqual({ file: 'pages/p1/one.md', line: 3 });
    expect(site.target).toEqual({ name: '/kzgd/subscribe.html', links: 4, targets: 2 });
    // Four of the five are in pages/p1: silenced there, not everywhere.
    expect(site.folder).toEqual({ name: 'pages/p1', count: 4 });
    expect(site.command).toBeUndefined();
    expect(site.config).toBe('"overrides": [{ "files": ["pages/p1/**"], "rules": { "no-broken-links": "warn" } }]');
    expect(stepAdvice(site)).toBe("4 of them link to '/kzgd/subscribe.html' (the most-linked of 2 missing targets): restore it or rewrite the links; 4 in pages/p1/");
    // An unsafe fix: the other rules with unsafe fixes turned off (none here).
    expect(scheme.command).toBe('archive-lint check --fix-unsafe');
    expect(stepAdvice(scheme)).toBe('it has an unsafe fix, which may change what a reader sees: review it with --fix-dry-run first');
    expect(letterCase.command).toBe('archive-lint check --fix');
    expect(letterCase.config).toBeUndefined();
    // --fix: every finding with a safe fix, errors and warnings, and the files they are in.
    expect(plan.fix).toEqual({ findings: 401, errors: 1, warnings: 400, files: 2 });
    expect(plan.unsafe).toBe(1);
  });

  it('without errors, leads with the largest groups of warnings', () => {
    const only = [makeResult('/a/x.md', [m('valid-dates', 'impossible', 1, 1, "Date '2月30日' does not exist: February has 29 days"), m('no-raw-html', 'entity', 1, 2, "Leftover entity '&nbsp;'", { fix }), m('no-raw-html', 'entity', 1, 3, "Leftover entity '&nbsp;'", { fix })])];
    const plan = fixPlan(only, '/a', metas, 1);
    expect(plan.severity).toBe(1);
    expect(plan.steps.map((s) => [s.ruleId, s.messageId, s.count])).toEqual([['no-raw-html', 'entity', 2]]);
    expect(plan.more).toBe(1);
    expect(planText(plan)).toEqual([
      '',
      'Fix first (no errors; the largest groups of warnings)',
      ' 1. no-raw-html · leftover entity: 2 warnings in 1 file',
      '    first at x.md:2; --fix fixes all of them',
      '    run:     archive-lint check --fix',
      '    …and 1 more kind of warning',
      'archive-lint check --fix changes 2 findings (0 errors, 2 warnings) in 1 file; --fix-dry-run shows the diff first.',
    ]);
  });

  it("the audit's summary puts rules and folders with errors before those with only warnings", () => {
    const text = summaryText(results(), '/a', { stats: { ms: 1000, indexed: 4 } } as never, false, metas);
    const lines = text.split('\n');
    const byRule = lines.slice(lines.indexOf('Summary by rule') + 2, lines.indexOf('Summary by rule') + 5).map((l) => l.split(/\s+/)[0]);
    expect(byRule).toEqual(['no-broken-links', 'no-missing-images', 'no-raw-html']);
    const byFolder = lines.slice(lines.indexOf('Summary by folder') + 2, lines.indexOf('Summary by folder') + 4).map((l) => l.split(/\s+/)[0]);
    // pages/p2 has 401 findings, pages/p1 6: p1's five errors come first.
    expect(byFolder).toEqual(['pages/p1', 'pages/p2']);
    expect(text).toContain('\nFix first (the largest groups of errors)\n 1. no-broken-links · original-site path: 5 errors in 3 files\n');
  });
});
