import type { GoalDto } from '../../../shared/contracts/goals.ts';

/* Shared by the campaign pages' component tests. */
export { me } from '../relationships/fixtures.ts';

export const goals: GoalDto[] = [
  { id: 'g-skills', owner: 'library', title: 'Skills', description: null, active: true, sortOrder: 0, objectives: [{ id: 'o-data', title: 'Research data skills', description: null, active: true, sortOrder: 0 }] },
  { id: 'g-vis', owner: 'library', title: 'Visibility', description: null, active: true, sortOrder: 10, objectives: [] },
];
