import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { DuplicateGroupDto, MergeResultDto } from '../../../shared/contracts/people-merge.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { DuplicatesPage } from './DuplicatesPage.tsx';

const group: DuplicateGroupDto = {
  key: 'p1',
  reasons: [{ kind: 'name', value: 'John Smith' }, { kind: 'initials', value: 'John Smith / J. Smith' }],
  people: [
    { id: 'p1', name: 'John Smith', email: 'john@uni.example', currentPositions: ['Head of Department, History'], engagements: 4, updatedAt: '2026-01-01T00:00:00Z' },
    { id: 'p2', name: 'J. Smith', email: null, currentPositions: [], engagements: 1, updatedAt: '2026-01-01T00:00:00Z' },
  ],
};
const result = (dryRun: boolean, keepId: string, mergeIds: string[]): MergeResultDto => ({
  dryRun, keepId, mergeIds,
  moves: { engagements: 1, opportunities: 0, positions: 1, captureItems: 0, evidence: 2, planActions: 0, maturityAssessments: 0 },
  shared: { engagements: 0, opportunities: 0, positions: 0, captureItems: 0 },
  conflicts: [{ field: 'name', kept: 'J. Smith', merged: [{ personId: 'p1', value: 'John Smith' }] }],
  filled: [{ field: 'email', value: 'john@uni.example', fromId: 'p1' }],
});

function setup(role: Role = 'manager') {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/auth/me') {
      return { body: { user: { id: 'u1', email: 'm@uni.example', name: 'Morgan', role, jobTitle: null, teamId: null, active: true }, institution: { id: 'i1', name: 'Northmoor' }, csrfToken: 'x' } };
    }
    if (url.pathname === '/api/v1/people/duplicates') return { body: { items: [group], page: 1, pageSize: 20, total: 1 } };
    if (method === 'POST' && url.pathname === '/api/v1/people/merge') {
      const b = body as { keepId: string; mergeIds: string[]; dryRun: boolean };
      return { body: result(b.dryRun, b.keepId, b.mergeIds) };
    }
    return undefined;
  });
  renderWithProviders(<DuplicatesPage />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

describe('DuplicatesPage', { timeout: 20_000 }, () => {
  it('lists each group with why it looks like one person', async () => {
    setup();
    const card = within(await screen.findByRole('region', { name: 'John Smith' }));
    expect(card.getByText('Same name: John Smith')).toBeTruthy();
    expect(card.getByText('Initials and full name: John Smith / J. Smith')).toBeTruthy();
    expect(card.getByRole<HTMLInputElement>('radio', { name: /John Smith · john@uni\.example/ }).checked).toBe(true);
  });

  it('lets a manager choose the record to keep, shows the dry run, then merges', async () => {
    const { calls, user } = setup();
    const card = within(await screen.findByRole('region', { name: 'John Smith' }));
    await user.click(card.getByRole('radio', { name: /J\. Smith/ }));
    await user.click(card.getByRole('button', { name: 'Check what merging would do' }));
    const preview = within(await card.findByRole('region', { name: 'What the merge would do' }));
    expect(preview.getByText('2 pieces of evidence')).toBeTruthy();
    expect(preview.getByText(/email: john@uni\.example \(from John Smith\)/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ keepId: 'p2', mergeIds: ['p1'], dryRun: true }]);
    await user.click(card.getByRole('button', { name: 'Merge 1 into J. Smith' }));
    expect(await card.findByText('Merged into J. Smith.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toContainEqual({ keepId: 'p2', mergeIds: ['p1'], dryRun: false });
  });

  it('tells a librarian it is a manager’s tool, and asks the server for nothing', async () => {
    const { calls } = setup('librarian');
    expect(await screen.findByText('Finding and merging duplicate people needs the manager role.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'John Smith' })).toBeNull();
    expect(calls.map((c) => c.path)).not.toContainEqual(expect.stringContaining('/duplicates'));
  });
});
