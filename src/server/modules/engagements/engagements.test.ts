import { describe, expect, it } from 'vitest';
import { createEngagementBody, listEngagementsQuery, updateEngagementBody } from '../../../shared/contracts/engagements.ts';
import { latestOccurredOn, searchTitle } from './engagements.service.ts';

const clockAt = (iso: string) => ({ now: () => new Date(iso) });

describe('latestOccurredOn', () => {
  it('is the same day a year on', () => {
    expect(latestOccurredOn(clockAt('2025-06-15T23:59:00Z'))).toBe('2026-06-15');
  });
  it('rolls 29 February to 1 March', () => {
    expect(latestOccurredOn(clockAt('2024-02-29T08:00:00Z'))).toBe('2025-03-01');
  });
});

describe('searchTitle', () => {
  it('keeps a short summary on one line', () => {
    expect(searchTitle('  Met the\nhead of school  ')).toBe('Met the head of school');
  });
  it('cuts a long summary to 120 characters with an ellipsis', () => {
    const title = searchTitle('word '.repeat(60));
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('engagement contracts', () => {
  const base = { typeId: 't', occurredOn: '2024-01-01', summary: 'x' };
  it('asks for a department or a person, naming orgUnitIds', () => {
    const r = createEngagementBody.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['orgUnitIds']);
  });
  it('dedupes ids, defaults initiatedBy and leaves staff to the service', () => {
    const r = createEngagementBody.parse({ ...base, personIds: ['p', 'p', 'q'] });
    expect(r).toMatchObject({ personIds: ['p', 'q'], orgUnitIds: [], themeIds: [], initiatedBy: 'library' });
    expect(r.staffIds).toBeUndefined();
  });
  it('rejects unknown fields and keeps absent lists absent on update', () => {
    expect(updateEngagementBody.safeParse({ colour: 'red' }).success).toBe(false);
    expect(updateEngagementBody.parse({ summary: 'y' }).orgUnitIds).toBeUndefined();
  });
  it('caps the page size and defaults to newest first', () => {
    expect(listEngagementsQuery.safeParse({ pageSize: '201' }).success).toBe(false);
    expect(listEngagementsQuery.parse({})).toMatchObject({ page: 1, pageSize: 50, order: 'desc' });
  });
});
