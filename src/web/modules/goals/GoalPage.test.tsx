import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GoalDetailDto } from '../../../shared/contracts/goals.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { me } from '../relationships/fixtures.ts';
import { GoalView } from './GoalPage.tsx';

const goal: GoalDetailDto = {
  goal: {
    id: 'g-edu', title: 'Education for life', owner: 'institution', parent: null, description: 'Strategy 2030, pillar 2', active: true,
    objectives: [{ id: 'o-attr', title: 'Graduate attributes', description: null, active: true, sortOrder: 0 }, { id: 'o-old', title: 'Old objective', description: null, active: false, sortOrder: 10 }],
  },
  engagements: { total: 13, recent: [{ id: 'e12', occurredOn: '2024-10-12', summary: 'Session 12', type: 'Teaching session' }, { id: 'e11', occurredOn: '2024-10-11', summary: 'Session 11', type: 'Meeting' }] },
  opportunities: [{ id: 'op1', title: 'Skills module for first years', stage: 'approached', orgUnits: ['Chemistry', 'Faculty of Science'] }],
  planObjectives: [{ id: 'po1', title: 'Embed referencing in year one', actions: 5, done: 3, plan: { id: 'p1', year: 2024, yearLabel: '2024–25', orgUnit: { id: 'ou-chem', name: 'Chemistry' } } }],
  campaigns: [{ id: 'c1', name: 'Skills week', startsOn: '2024-10-01', endsOn: '2024-10-07' }],
};
const objective: GoalDetailDto = {
  goal: { id: 'o-attr', title: 'Graduate attributes', owner: 'institution', parent: { id: 'g-edu', title: 'Education for life' }, description: null, active: true, objectives: [] },
  engagements: { total: 0, recent: [] }, opportunities: [], planObjectives: [], campaigns: [],
};

function setup(id: string) {
  stubApi((_method, url) => {
    if (url.pathname === '/api/v1/auth/me') return { body: me('viewer') };
    if (url.pathname === '/api/v1/goals/g-edu') return { body: goal };
    if (url.pathname === '/api/v1/goals/o-attr') return { body: objective };
    return undefined;
  });
  renderWithProviders(<GoalView id={id} />);
}

const items = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.textContent);
const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');

describe('GoalPage', { timeout: 30_000 }, () => {
  it('shows a goal with its objectives and everything aligned to it, each linked', async () => {
    setup('g-edu');
    expect(await screen.findByRole('heading', { level: 1, name: 'Education for life' })).toBeTruthy();
    expect(screen.getByText('Strategy 2030, pillar 2')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Objectives', 'Engagements', 'Opportunities', 'Action-plan objectives', 'Campaigns']);
    expect(items('Objectives of Education for life')).toEqual(['Graduate attributes', 'Old objective · retired']);
    expect(href('Graduate attributes')).toBe('/goals/o-attr');
    expect(screen.getByText('13 engagements aligned to this goal or its objectives; the 2 most recent:')).toBeTruthy();
    expect(items('Recent aligned engagements')).toEqual(['Session 12 · Teaching session, 12 Oct 2024', 'Session 11 · Meeting, 11 Oct 2024']);
    expect(href('Session 12')).toBe('/engagements/e12');
    expect(items('Aligned opportunities')).toEqual(['Skills module for first years · Approached · Chemistry, Faculty of Science']);
    expect(href('Skills module for first years')).toBe('/opportunities/op1');
    expect(items('Aligned action-plan objectives')).toEqual(['Embed referencing in year one · Chemistry, 2024–25 · 3 of 5 actions done']);
    expect(href('Embed referencing in year one')).toBe('/plans/p1');
    expect(items('Aligned campaigns')).toEqual(['Skills week · 1 Oct 2024 – 7 Oct 2024']);
    expect(href('Skills week')).toBe('/campaigns/c1');
  });

  it('shows an objective under its goal, and says when nothing aligns yet', async () => {
    setup('o-attr');
    expect(await screen.findByRole('heading', { level: 1, name: 'Graduate attributes' })).toBeTruthy();
    expect(href('Education for life')).toBe('/goals/g-edu');
    expect(screen.queryByRole('heading', { name: 'Objectives' })).toBeNull();
    for (const text of ['No engagements aligned yet.', 'No opportunities aligned yet.', 'No action-plan objectives aligned yet.', 'No campaigns aligned yet.']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
  });
});
