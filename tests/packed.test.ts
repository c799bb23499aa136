/** Packed per-file messages: the JSON written from them is the JSON of the same result built from objects. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcomeMessages, packMessages, packedJson, resultOf } from '../src/core/cache/packed.js';
import { compareMessages, makeResult } from '../src/core/report/results.js';
import type { FileOutcome, LintMessage } from '../src/types.js';

function outcome(messages: LintMessage[]): FileOutcome {
  return { path: 'a.md', messages: [...messages].sort(compareMessages), facts: { path: 'a.md', anchors: [], references: [] }, suppressions: [], lineStarts: [0] };
}

const FILE = '/archive/页面/a "q".md';

/** Both ways of building the result: from objects, and from the packed JSON (its JSON and its messages). */
function both(perFile: LintMessage[], cross: LintMessage[]) {
  const plain = makeResult(FILE, [...outcome(perFile).messages, ...cross]);
  const packed = resultOf(FILE, packMessages(outcome(perFile)), [...cross]);
  return { plain, packed, json: packedJson(packed)?.toString('utf8') };
}

const msg = (ruleId: string, line: number, column: number, extra: Partial<LintMessage> = {}): LintMessage => ({
  ruleId,
  severity: 1,
  message: `${ruleId} at ${line}:${column}`,
  line,
  column,
  endLine: line,
  endColumn: column + 1,
  messageId: 'x',
  ...extra,
});

describe('packed messages', () => {
  it('splice cross-file messages in where they sort, ties broken by rule id and then per-file first', () => {
    const perFile = [
      msg('no-raw-html', 1, 5, { fix: { range: [4, 10], text: ' ' }, message: "Leftover entity '&nbsp;'; expected a plain space" }),
      msg('valid-dates', 2, 3, { severity: 2, message: '日期 “2020年9月31日” 不存在\n"quoted"' }),
      msg('no-raw-html', 2, 3),
      msg('no-raw-html', 9, 1, { suggestions: [{ desc: 'Unsafe fix', fix: { range: [80, 90], text: '' } }] }),
    ];
    const cross = [msg('no-broken-links', 2, 3, { severity: 2 }), msg('no-missing-images', 1, 1), msg('no-raw-html', 2, 3), msg('no-broken-links', 10, 1, { fix: { range: [1, 2], text: 'x' } })];
    const { plain, packed, json } = both(perFile, cross);
    expect(json).toBe(JSON.stringify(plain));
    expect(JSON.parse(json as string).messages.map((m: LintMessage) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '1:1 no-missing-images',
      '1:5 no-raw-html',
      '2:3 no-broken-links',
      '2:3 no-raw-html',
      '2:3 no-raw-html',
      '2:3 valid-dates',
      '9:1 no-raw-html',
      '10:1 no-broken-links',
    ]);
    // Read as objects, the result is the plain one, counts included.
    expect(JSON.stringify(packed)).toBe(JSON.stringify(plain));
    expect(packed).toEqual(plain);
    expect(plain).toMatchObject({ errorCount: 2, warningCount: 6, fixableErrorCount: 0, fixableWarningCount: 2 });
  });

  it('leave a result that is not packed, or whose messages were replaced, to JSON.stringify', () => {
    const plain = makeResult(FILE, [msg('no-raw-html', 1, 1)]);
    expect(packedJson(plain)).toBeUndefined();
    const packed = resultOf(FILE, packMessages(outcome([msg('no-raw-html', 1, 1)])), []);
    packed.messages = [];
    expect(packedJson(packed)).toBeUndefined();
    expect(outcomeMessages(packMessages(outcome([]))).length).toBe(0);
  });

  it('give the JSON of the plain result for any messages', () => {
    const rule = fc.constantFrom('no-broken-links', 'no-missing-images', 'no-raw-html', 'valid-dates');
    const message = fc.record({
      ruleId: rule,
      line: fc.integer({ min: 1, max: 4 }),
      column: fc.integer({ min: 1, max: 4 }),
      severity: fc.constantFrom(1 as const, 2 as const),
      text: fc.string({ unit: 'binary', maxLength: 12 }),
      fix: fc.option(fc.record({ range: fc.tuple(fc.nat(50), fc.nat(50)), text: fc.string({ maxLength: 4 }) }), { nil: undefined }),
    });
    const toMsg = (m: { ruleId: string; line: number; column: number; severity: 1 | 2; text: string; fix: LintMessage['fix'] | undefined }) =>
      msg(m.ruleId, m.line, m.column, { severity: m.severity, message: m.text, ...(m.fix ? { fix: m.fix } : {}) });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), fc.array(message, { maxLength: 6 }), (a, b) => {
        const { plain, packed, json } = both(a.map(toMsg), b.map(toMsg));
        if (a.length === 0) expect(packedJson(packed)).toBeUndefined();
        else expect(json).toBe(JSON.stringify(plain));
        expect(packed).toEqual(plain);
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
