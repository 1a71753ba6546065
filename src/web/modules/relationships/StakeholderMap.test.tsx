import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { stakeholders } from './fixtures.ts';
import { StakeholderMap } from './StakeholderMap.tsx';

function setup(body = stakeholders) {
  stubApi((_m, url) => (url.pathname === '/api/v1/org-units/ou-comp/stakeholders' ? { body } : undefined));
  renderWithProviders(<StakeholderMap orgUnitId="ou-comp" />);
}

/** The grid cell at this influence (row) and interest (column). */
function cell(table: HTMLElement, influence: number, interest: number): HTMLElement {
  const header = within(table).getByRole('rowheader', { name: new RegExp(`^Influence ${influence} `) });
  const row = header.closest('tr') as HTMLElement;
  return within(row).getAllByRole('cell')[interest - 1] as HTMLElement;
}

describe('StakeholderMap', { timeout: 20_000 }, () => {
  it('places people by influence (rows, 5 first) and interest (columns, 1 first), champions and holders in words', async () => {
    setup();
    const table = await screen.findByRole('table', { name: /^Stakeholder map/ });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Influence 5 Very high', 'Influence 4 High', 'Influence 3 Moderate', 'Influence 2 Low', 'Influence 1 Very low',
    ]);
    expect(within(table).getByRole('columnheader', { name: 'Interest' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Influence' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Interest 1 Very low' })).toBeTruthy();

    const topRight = within(cell(table, 5, 5));
    expect(topRight.getByRole('link', { name: 'Dr Zoë Ångström' }).getAttribute('href')).toBe('/people/p-zoe');
    expect(topRight.getByText('Champion')).toBeTruthy();
    expect(topRight.getByText('held by Ann Archer and Bo Lee')).toBeTruthy();

    const keepSatisfied = within(cell(table, 5, 2));
    expect(keepSatisfied.getByRole('link', { name: 'Prof Raj Patel' })).toBeTruthy();
    expect(keepSatisfied.queryByText('Champion')).toBeNull();
    expect(within(cell(table, 3, 3)).getByText('No one')).toBeTruthy();
  });

  it('lists people not yet judged on both below the grid', async () => {
    setup();
    const unplaced = within(await screen.findByRole('region', { name: 'Not yet placed' }));
    expect(unplaced.getByRole('link', { name: 'Kim Nguyen' }).getAttribute('href')).toBe('/people/p-kim');
    expect(unplaced.getByText('no library contact in the last year')).toBeTruthy();
    expect(within(screen.getByRole('table')).queryByText('Kim Nguyen')).toBeNull();
  });

  it('says when no one holds a position here', async () => {
    setup({ items: [] });
    expect(await screen.findByText('No one holds a current position here yet.')).toBeTruthy();
  });
});
