/**
 * What "did you mean" may offer for a missing target: never a name that is another id (a difference in or next
 * to a run of digits), never a file of another kind, and the one file of that name elsewhere before the closest.
 */
import { describe, expect, it } from 'vitest';
import { differsInDigits, extensionClass, plausibleSuggestion, suggestFor } from '../src/core/links/missing-target.js';
import { ArchiveIndex } from '../src/core/links/target-index.js';

describe('differsInDigits', () => {
  it.each([
    ['n12460202.md', 'n12460002.md'],
    ['368842.md', '388342.md'],
    ['soh1-earlier.md', 'soh3-earlier.md'],
    ['story2.md', 'story.md'],
    ['report-2020b.md', 'report-2020.md'],
    ['a102822757.md', 'n102822757.md'],
  ])('%s and %s are other documents', (a, b) => {
    expect(differsInDigits(a, b)).toBe(true);
    expect(differsInDigits(b, a)).toBe(true);
  });

  it.each([
    ['chapter-01.md', 'chapter-1.md'],
    ['storys.md', 'story.md'],
    ['chapter-1-intro.md', 'chapter-1-intra.md'],
    ['Chapter-1.md', 'chapter-1.md'],
  ])('%s and %s may be a typo', (a, b) => {
    expect(differsInDigits(a, b)).toBe(false);
  });
});

describe('plausibleSuggestion', () => {
  it('offers only files of the same kind', () => {
    expect(extensionClass('n13934882.md.png')).toBe('image');
    expect(extensionClass('x.MD')).toBe('page');
    expect(plausibleSuggestion('pages/n13934882.md.png', 'pages/n13934882.md')).toBe(false);
    expect(plausibleSuggestion('pages/n13934882.md', 'pages/n13934882.md.png')).toBe(false);
    expect(plausibleSuggestion('img/logo.jpg', 'img/logo.jpeg')).toBe(true);
    expect(plausibleSuggestion('docs/guide.pdf', 'docs/guides.pdf')).toBe(true);
    expect(plausibleSuggestion('docs/guide.pdf', 'docs/guide.txt')).toBe(false);
    expect(plausibleSuggestion('pages/soh1', 'pages/soh')).toBe(false);
  });
});

describe('suggestFor', () => {
  const index = new ArchiveIndex(['pages/a/n12460002.md', 'pages/a/n13934882.md', 'qr/n13934882.md.png', 'pages/a/chapter-1.md', 'x/n7.md.png', 'y/n7.md.png']);

  it('the one file of the same name elsewhere comes first', () => {
    expect(suggestFor(index, 'pages/a/n13934882.md.png')).toBe('qr/n13934882.md.png');
  });

  it('two files of that name elsewhere: none of them, and no page for an image', () => {
    expect(suggestFor(index, 'pages/a/n7.md.png')).toBeUndefined();
  });

  it('the closest name when it is not another id', () => {
    expect(suggestFor(index, 'pages/a/chapter-01.md')).toBe('pages/a/chapter-1.md');
    expect(suggestFor(index, 'pages/a/n12460202.md')).toBeUndefined();
  });
});
