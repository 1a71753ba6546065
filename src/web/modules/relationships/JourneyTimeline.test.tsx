import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { journey } from './fixtures.ts';
import { JourneyTimeline } from './JourneyTimeline.tsx';

function setup(body = journey) {
  stubApi((_m, url) => (url.pathname === '/api/v1/org-units/ou-comp/journey' ? { body } : undefined));
  renderWithProviders(<JourneyTimeline orgUnitId="ou-comp" />);
}

describe('JourneyTimeline', { timeout: 20_000 }, () => {
  it('tells the story oldest first, each moment with its date, its kind in words and a link to where it lives', async () => {
    setup();
    const list = await screen.findByRole('list', { name: 'Journey, oldest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Reliable provider', 'Dr Zoë Ångström became a library champion', 'Invited to the curriculum review',
    ]);
    const [maturity, champion, milestone] = items as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(maturity).getByText('Maturity')).toBeTruthy();
    expect(within(maturity).getByText('2 Jun 2025')).toBeTruthy();
    expect(within(maturity).getByRole('link', { name: 'See the assessment (Reliable provider)' }).getAttribute('href')).toBe('#assessment-ma1');
    expect(within(champion).getByText('Champion')).toBeTruthy();
    expect(within(champion).getByRole('link', { name: /Open their page/ }).getAttribute('href')).toBe('/people/p-zoe');
    expect(within(milestone).getByText('Milestone')).toBeTruthy();
    expect(within(milestone).getByText('Curriculum review: final-year dissertation module')).toBeTruthy();
    expect(within(milestone).getByRole('link', { name: 'Open the engagement (Invited to the curriculum review)' }).getAttribute('href')).toBe('/engagements/e-review');
  });

  it('explains how moments arrive when there are none yet', async () => {
    setup({ items: [] });
    expect(await screen.findByText(/mark an engagement as a milestone, assess maturity, or mark a champion/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Journey' })).toBeTruthy();
  });
});
