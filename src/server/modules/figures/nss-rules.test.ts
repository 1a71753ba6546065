import { describe, expect, it } from 'vitest';
import { parseCount, parsePercent } from '../imports/sources/derived-metrics.ts';
import { isPublished, nssYear, questionKey, questionOrder, questionSelector, weighted } from './nss-rules.ts';

describe('NSS rules', () => {
  it('reads question numbers however they are written', () => {
    expect(['Q19', 'q19', '19', 'Q 19', 'Q019'].map(questionKey)).toEqual(['Q19', 'Q19', 'Q19', 'Q19', 'Q19']);
    expect(questionKey(' t5 ')).toBe('T5');
    expect(questionKey('  ')).toBeNull();
    expect(['Q10', 'T1', 'Q2'].sort(questionOrder)).toEqual(['Q2', 'Q10', 'T1']);
  });

  it('names the year by the survey’s spring: NSS 2025 is 2024–25', () => {
    expect(nssYear('2025', 8)).toBe('2024');
    expect(nssYear('NSS 2025', 8)).toBe('2024');
    expect(nssYear('2024-25', 8)).toBe('2024');
    expect(nssYear('2024-26', 8)).toBeNull();
  });

  it('takes question numbers, or a theme only when the file has a theme column', () => {
    expect(questionSelector('Q19, q20 21', false)).toEqual({ questions: new Set(['Q19', 'Q20', 'Q21']) });
    expect(questionSelector('q 20', false)).toEqual({ questions: new Set(['Q20']) });
    expect(questionSelector('Learning  Resources', true)).toEqual({ theme: 'learning resources' });
    expect(questionSelector('Learning resources', false)).toBeNull();
  });

  it('publishes from 10 responses and a 50% response rate', () => {
    const r = (responses: number | null, rate: number | null, agree: number | null = 80) => ({ agree_pct: agree, responses, response_rate: rate });
    expect([r(10, 50), r(9, 90), r(10, 49.9), r(10, null), r(10, 60, null), r(null, 60)].map(isPublished)).toEqual([true, false, false, true, false, false]);
    expect(weighted([r(30, 60, 80), r(10, 50, 70), r(9, 90, 10)])).toEqual({ agreePct: 77.5, responses: 40 });
    expect(weighted([r(9, 90)])).toBeNull();
  });

  it('reads percentages written out, as fractions, or withheld', () => {
    expect(['85', '85%', '0.85', ' 85.0 % ', '1', 'DP', '', 'n/a', '101', '-5', 'lots'].map(parsePercent)).toEqual([85, 85, 85, 85, 100, null, null, null, undefined, undefined, undefined]);
    expect(['1,234', '0', '', '2.5', '-1'].map(parseCount)).toEqual([1234, 0, null, undefined, undefined]);
  });
});
