/**
 * Issue 12: a UTF-16 (or UTF-32) file is named as such by its byte order mark, not called binary for its NUL bytes.
 * It is not linted: a message of the file (`ruleId: null`), and the run goes on.
 */
import { describe, expect, it } from 'vitest';
import { run, tree } from './helpers/tree.js';
import { decodeText } from '../src/core/walk/text.js';
import type { LintResult } from '../src/types.js';

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

describe('files in another Unicode encoding', () => {
  it('UTF-16 LE and BE with a BOM: one fatal message each, saying what they are and what to do', async () => {
    const root = tree({
      'le.md': utf16('# 标题\n\n[x](gone.md)\n', 'le'),
      'be.md': utf16('# 标题\n\n[x](gone.md)\n', 'be'),
      'ok.md': '# OK\n',
    });
    const r = await run(root, ['--format', 'json', '--no-cache']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const byFile = Object.fromEntries((JSON.parse(r.stdout) as LintResult[]).map((x) => [x.filePath.slice(root.length + 1), x.messages]));
    expect(byFile).toEqual({
      'be.md': [{ ruleId: null, severity: 2, fatal: true, message: 'UTF-16 BE text (byte order mark FE FF), not UTF-8; convert it to UTF-8 to lint it', line: 1, column: 1 }],
      'le.md': [{ ruleId: null, severity: 2, fatal: true, message: 'UTF-16 LE text (byte order mark FF FE), not UTF-8; convert it to UTF-8 to lint it', line: 1, column: 1 }],
      'ok.md': [],
    });
  });

  it('stylish says it too', async () => {
    const r = await run(tree({ 'le.md': utf16('# a\n', 'le') }), ['--no-cache']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(['', 'le.md', '  1:1  error    UTF-16 LE text (byte order mark FF FE), not UTF-8; convert it to UTF-8 to lint it', '', '✖ 1 problem (1 error, 0 warnings)', ''].join('\n'));
  });

  it('UTF-32 is named by its BOM; a UTF-8 BOM is read; NUL bytes without a BOM are still binary', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x23, 0x00, 0x00, 0x00]))).toEqual({ reason: 'UTF-32 LE text (byte order mark FF FE 00 00), not UTF-8; convert it to UTF-8 to lint it' });
    expect(decodeText(new Uint8Array([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x23]))).toEqual({ reason: 'UTF-32 BE text (byte order mark 00 00 FE FF), not UTF-8; convert it to UTF-8 to lint it' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x23]))).toEqual({ text: '#', bom: true });
    expect(decodeText(new Uint8Array([0x23, 0x00, 0x0a, 0x00]))).toEqual({ reason: 'binary file (NUL byte at offset 1)' });
    // A lone 0xFF or 0xFE is not a BOM: invalid UTF-8, said so.
    expect(decodeText(new Uint8Array([0xfe]))).toEqual({ reason: 'not valid UTF-8 (first bad byte at offset 0)' });
  });
});
