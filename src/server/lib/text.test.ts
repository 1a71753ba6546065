import { describe, expect, it } from 'vitest';
import { fold, tokens } from './text.ts';

describe('fold', () => {
  it('lower-cases and strips diacritics, spelling out letters Unicode does not decompose', () => {
    expect(fold('Zoë Ångström Øre Straße')).toBe('zoe angstrom ore strasse');
  });

  it('handles ligatures and other undecomposable letters', () => {
    expect(fold('Æsir Œuvre Łódź Đorđe Þór Ðan')).toBe('aesir oeuvre lodz dorde thor dan');
    expect(fold('Ⅻ ﬁnance')).toBe('xii finance');
  });

  it('leaves plain text alone apart from case, and is idempotent', () => {
    expect(fold('Computer Science 101')).toBe('computer science 101');
    const once = fold('Crème Brûlée — Ørsted');
    expect(fold(once)).toBe(once);
  });

  it('matches composed and decomposed spellings alike', () => {
    expect(fold('Zoe\u0308')).toBe(fold('Zo\u00eb'));
  });
});

describe('tokens', () => {
  it('splits folded text into words on punctuation and spaces', () => {
    expect(tokens("  O'Brien-Smith, Zoë (Dept. of Ångström)  ")).toEqual(['o', 'brien', 'smith', 'zoe', 'dept', 'of', 'angstrom']);
  });

  it('keeps digits and letters of any script', () => {
    expect(tokens('CS101 Ελληνικά 東京')).toEqual(['cs101', 'ελληνικα', '東京']);
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(tokens('')).toEqual([]);
    expect(tokens(' -- ,, ')).toEqual([]);
  });

  it('keeps at most eight words', () => {
    expect(tokens('a b c d e f g h i j')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
