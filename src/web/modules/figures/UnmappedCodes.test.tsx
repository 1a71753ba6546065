import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UnmappedDto } from '../../../shared/contracts/figures.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { UnmappedCodes } from './UnmappedCodes.tsx';

const data: UnmappedDto = {
  kinds: [
    { kind: 'cah', codes: 2, rows: 31, items: [{ code: 'CAH19-01-01', name: 'English studies', rows: 28 }, { code: 'CAH10-01-01', name: null, rows: 3 }] },
    { kind: 'user_group', codes: 0, rows: 0, items: [] },
    { kind: 'hierarchy', codes: 1, rows: 1, items: [{ code: 'LAW-SCHOOL', name: null, rows: 1 }] },
  ],
};

const render = (body: UnmappedDto, kinds?: ('cah' | 'user_group' | 'hierarchy')[]) => {
  stubApi((_m, url) => (url.pathname === '/api/v1/figures/unmapped' ? { body } : undefined));
  renderWithProviders(<UnmappedCodes {...(kinds ? { kinds } : {})} />);
};

describe('UnmappedCodes', { timeout: 30_000 }, () => {
  it('lists each kind’s waiting codes with how to place them', async () => {
    render(data);
    const cah = await screen.findByRole('table', { name: 'NSS subject (CAH) codes waiting for a department' });
    expect(within(cah).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['CAH19-01-01English studies28', 'CAH10-01-013']);
    expect(screen.getByText('2 codes (31 imported rows) in no department yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import code mappings' }).getAttribute('href')).toBe('/imports');
    expect(screen.queryByRole('heading', { name: 'Library user groups' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Reading-list hierarchy codes waiting for a department' })).toBeTruthy();
    expect(screen.getByText(/Give the department this code/)).toBeTruthy();
  });

  it('shows only the kinds asked for, and says when none is waiting', async () => {
    render(data, ['user_group']);
    expect(await screen.findByText('Every imported code is placed in a department.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
