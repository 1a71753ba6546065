import { describe, expect, it } from 'vitest';
import { escapeHtml, fileStem, formatDay } from './impact.export.ts';

describe('impact export helpers', () => {
  it('names the file from the initiative in ASCII, folding accents, with a fallback', () => {
    expect(fileStem('Zoë’s Café: “AI literacy” pilot 2025/26')).toBe('zoe-s-cafe-ai-literacy-pilot-2025-26');
    expect(fileStem('«»—')).toBe('impact-evaluation');
    expect(fileStem(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
  });

  it('writes dates the way the web app does and escapes every HTML-significant character', () => {
    expect([formatDay('2025-09-01'), formatDay('2025-03-15T12:00:00.000Z')]).toEqual(['1 Sep 2025', '15 Mar 2025']);
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});
