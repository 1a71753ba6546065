import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common.ts';
import type { GoalDto } from '../../../shared/contracts/goals.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { me } from '../relationships/fixtures.ts';
import { GoalsPage } from './GoalsPage.tsx';

const objective = (id: string, title: string, active = true) => ({ id, title, description: null, active, sortOrder: 0 });
const skills: GoalDto = {
  id: 'g-skills', owner: 'library', title: 'Skills', description: 'Digital and information literacy for all', active: true, sortOrder: 20,
  objectives: [objective('o-digital', 'Embed digital skills'), objective('o-old', 'Print literacy', false)],
};
const visibility: GoalDto = { id: 'g-vis', owner: 'library', title: 'Visibility', description: null, active: true, sortOrder: 0, objectives: [] };
const civic: GoalDto = { id: 'g-civic', owner: 'institution', title: 'Civic university', description: null, active: false, sortOrder: 0, objectives: [] };
const research: GoalDto = { id: 'g-res', owner: 'institution', title: 'Research excellence', description: null, active: true, sortOrder: 10, objectives: [objective('o-grants', 'Grow grant income')] };

/** The API hides retired goals and objectives unless asked for all. */
const inUse = (g: GoalDto) => ({ ...g, objectives: g.objectives.filter((o) => o.active) });

function setup(role: Role = 'manager') {
  const calls = stubApi((method, url, body) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me(role) };
    if (url.pathname === '/api/v1/goals' && method === 'GET') {
      return { body: url.searchParams.get('all') === 'true' ? [visibility, skills, civic, research] : [visibility, skills, research].map(inUse) };
    }
    if (url.pathname === '/api/v1/goals' && method === 'POST') return { status: 201, body: { ...research, ...(body as object) } };
    if (url.pathname.startsWith('/api/v1/goals/') && method === 'PATCH') return { body: skills };
    return undefined;
  });
  renderWithProviders(<GoalsPage />);
  return { calls, user: userEvent.setup({ delay: null }) };
}

const writes = (calls: ReturnType<typeof stubApi>) => calls.filter((c) => c.method !== 'GET');
const section = (name: string) => screen.findByRole('region', { name });
const card = (name: string) => screen.findByRole('article', { name });

describe('GoalsPage', { timeout: 30_000 }, () => {
  it("shows the library's and the institution's goals with their objectives as links, retired ones only on request", async () => {
    const { user } = setup('viewer');
    expect(await screen.findByRole('heading', { level: 1, name: 'Strategic goals' })).toBeTruthy();
    const library = within(await section('Library strategy'));
    expect(library.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Visibility', 'Skills']);
    expect(library.getByRole('link', { name: 'Skills' }).getAttribute('href')).toBe('/goals/g-skills');
    expect(library.getByText('Digital and information literacy for all')).toBeTruthy();
    const objectives = within(library.getByRole('list', { name: 'Objectives of Skills' }));
    expect(objectives.getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([['Embed digital skills', '/goals/o-digital']]);
    const institution = within(await section('Institutional strategy'));
    expect(institution.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Research excellence']);
    expect(screen.queryByText('Retired')).toBeNull();
    // viewers read; only managers shape the strategy
    expect(screen.queryByRole('button', { name: /Add a goal|Edit|Retire/ })).toBeNull();

    await user.click(screen.getByRole('switch', { name: 'Show retired goals and objectives' }));
    const civicCard = within(await card('Civic university'));
    expect(civicCard.getByText('Retired')).toBeTruthy();
    expect(within(await card('Skills')).getByRole('link', { name: 'Print literacy' }).parentElement?.textContent).toBe('Print literacyRetired');
  });

  it('adds an institutional goal and an objective under a goal, posting what the API expects', async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add a goal' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add a goal' }));
    await user.click(dialog.getByRole('button', { name: 'Add goal' }));
    expect(await dialog.findByText('is required')).toBeTruthy();
    expect(writes(calls)).toEqual([]);

    await user.click(dialog.getByRole('radio', { name: 'Institutional strategy' }));
    await user.type(dialog.getByRole('textbox', { name: /^Title/ }), 'Student success');
    await user.type(dialog.getByRole('textbox', { name: 'Description' }), 'Strategy 2030, pillar 1');
    await user.click(dialog.getByRole('button', { name: 'Add goal' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toEqual({ method: 'POST', path: '/api/v1/goals', body: { owner: 'institution', title: 'Student success', description: 'Strategy 2030, pillar 1' } });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(within(await card('Skills')).getByRole('button', { name: 'Add an objective to Skills' }));
    const objective = within(await screen.findByRole('dialog', { name: 'Add an objective to Skills' }));
    expect(objective.queryByRole('radio')).toBeNull();
    await user.type(objective.getByRole('textbox', { name: /^Title/ }), 'Information literacy in every first-year module');
    await user.click(objective.getByRole('button', { name: 'Add objective' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(2));
    expect(writes(calls)[1]?.body).toEqual({ parentId: 'g-skills', title: 'Information literacy in every first-year module', description: null });
  });

  it('edits a goal and retires an objective', async () => {
    const { calls, user } = setup();
    const skillsCard = within(await card('Skills'));
    await user.click(skillsCard.getByRole('button', { name: 'Edit Skills' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Skills' }));
    const title = dialog.getByRole<HTMLInputElement>('textbox', { name: /^Title/ });
    expect(title.value).toBe('Skills');
    await user.clear(title);
    await user.type(title, 'Skills for life');
    await user.clear(dialog.getByRole('textbox', { name: 'Description' }));
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toEqual({ method: 'PATCH', path: '/api/v1/goals/g-skills', body: { title: 'Skills for life', description: null } });

    await user.click(skillsCard.getByRole('button', { name: 'Retire Embed digital skills' }));
    await waitFor(() => expect(writes(calls)).toHaveLength(2));
    expect(writes(calls)[1]).toEqual({ method: 'PATCH', path: '/api/v1/goals/o-digital', body: { active: false } });
  });
});
