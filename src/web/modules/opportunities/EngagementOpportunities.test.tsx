import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { engagement } from '../relationships/fixtures.ts';
import { detail, opportunity, page } from './fixtures.ts';
import { EngagementOpportunities } from './EngagementOpportunities.tsx';

configure({ asyncUtilTimeout: 5000 });

// the engagement is with the School of Computing (id ou-comp in the shared fixtures)
const meeting = engagement('e5', '2026-03-10', 'Project module planning meeting');
const linkedAlready = opportunity('o1', { title: 'Referencing workshops', stage: 'approached' });
const openOne = opportunity('o2', { title: 'Data skills pilot', stage: 'piloting' });

function render(editable = true) {
  const calls = stubApi((method, url) => {
    if (url.pathname === '/api/v1/opportunities' && url.searchParams.get('engagementId') === 'e5') return { body: page([linkedAlready]) };
    if (url.pathname === '/api/v1/opportunities') return { body: page([linkedAlready, openOne]) };
    if (url.pathname === '/api/v1/opportunities/o2/engagements' && method === 'POST') return { body: detail('o2', { title: 'Data skills pilot' }) };
    return undefined;
  });
  renderWithProviders(<EngagementOpportunities e={meeting} editable={editable} />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

describe('EngagementOpportunities', { timeout: 30_000 }, () => {
  it('lists the opportunities it moved on and links it to another open one of its departments', async () => {
    const { calls, user } = render();
    const region = await screen.findByRole('region', { name: 'Opportunities' });
    expect((await within(region).findByRole('link', { name: 'Referencing workshops' })).getAttribute('href')).toBe('/opportunities/o1');
    const unitId = meeting.orgUnits[0]?.id ?? '';
    await waitFor(() => expect(calls.some((c) => c.path.includes(`orgUnitId=${unitId}`) && c.path.includes('stage=spotted%2Chook_found%2Capproached%2Cpiloting'))).toBe(true));
    await user.click(within(region).getByRole('combobox', { name: /^Link to an open opportunity/ }));
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((o) => o.textContent)).toEqual(['Data skills pilot']);
    await user.click(options[0] as HTMLElement);
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([['/api/v1/opportunities/o2/engagements', { engagementId: 'e5' }]]));
  });

  it('offers no link to those who cannot edit', async () => {
    const { calls } = render(false);
    const region = await screen.findByRole('region', { name: 'Opportunities' });
    expect(await within(region).findByRole('link', { name: 'Referencing workshops' })).toBeTruthy();
    expect(within(region).queryByRole('combobox')).toBeNull();
    expect(calls.filter((c) => c.path.includes('stage='))).toEqual([]);
  });
});
