/**
 * valid-dates reads text in runs joined across inline markup: what joins two pieces of text, what ends a run, and
 * how run offsets map back to the file.
 */
import { describe, expect, it } from 'vitest';
import { fileEnd, fileStart, visibleRuns } from '../src/core/parse/runs.js';

/** The text without its `«` `»` marks, and the segments they marked. */
function split(marked: string): { text: string; segments: { start: number; end: number }[] } {
  const segments: { start: number; end: number }[] = [];
  let text = '';
  let start = -1;
  for (const ch of marked) {
    if (ch === '«') start = text.length;
    else if (ch === '»') segments.push({ start, end: text.length });
    else text += ch;
  }
  return { text, segments };
}

function texts(marked: string): string[] {
  const { text, segments } = split(marked);
  return visibleRuns(text, segments).map((r) => r.text);
}

describe('visibleRuns', () => {
  it('joins across inline HTML tags, Markdown link and emphasis syntax, comments', () => {
    expect(texts('«【»<a href="https://example.com/?a=1&b=2">«大纪元»</a>«2018年09月08日讯】»')).toEqual(['【大纪元2018年09月08日讯】']);
    expect(texts('«【»[«大纪元»](https://example.com/(x) "t")«2018年讯】»')).toEqual(['【大纪元2018年讯】']);
    expect(texts('«a»[«b»][ref]«c» «d»**«e»**«f»<!-- x -->«g»')).toEqual(['abc', 'defg']);
  });

  it('joins across unknown elements, which browsers show inline and GitHub unwraps', () => {
    expect(texts('«【大纪元»<ok href="x">«2018年»</ok>«09月08日讯】»')).toEqual(['【大纪元2018年09月08日讯】']);
  });

  it('keeps entities between pieces as they are written', () => {
    expect(texts('«大纪元»&nbsp;«2018年»')).toEqual(['大纪元&nbsp;2018年']);
  });

  it('ends a run at block tags, line breaks, images, inline code and newlines outside tags', () => {
    expect(texts('«a»</p><p>«b»')).toEqual(['a', 'b']);
    expect(texts('«a»<br>«b»')).toEqual(['a', 'b']);
    expect(texts('«a»<img src="x.png">«b»')).toEqual(['a', 'b']);
    expect(texts('«a»`code`«b»')).toEqual(['a', 'b']);
    expect(texts('«a»  \n«b»')).toEqual(['a', 'b']);
    expect(texts('«a»\n* «b»')).toEqual(['a', 'b']);
    expect(texts('«a»<span\n class="x">«b»')).toEqual(['ab']);
  });

  it('maps run offsets back to the file', () => {
    const { text, segments } = split('«【»<a href="u">«大纪元»</a>«2018年»');
    const [run] = visibleRuns(text, segments);
    expect(run?.text).toBe('【大纪元2018年');
    const at = (s: string) => (run?.text ?? '').indexOf(s);
    expect(text.slice(fileStart(run!, at('大')), fileEnd(run!, at('元') + 1))).toBe('大纪元');
    expect(text.slice(fileStart(run!, at('【')), fileEnd(run!, at('2018年') + 5))).toBe('【<a href="u">大纪元</a>2018年');
    expect(text.slice(fileStart(run!, at('元')), fileEnd(run!, at('2') + 1))).toBe('元</a>2');
  });
});
