import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { checkPage, DEMO, signIn } from './helpers.ts';

/** Presses Tab until the field labelled `label` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, label: string, max = 15): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const byId = el?.id ? document.querySelector(`label[for="${el.id}"]`) : null;
      const wrapper = el?.closest('.mantine-InputWrapper-root')?.querySelector('label');
      return (byId ?? wrapper)?.textContent?.replace(/\s*\*\s*$/, '').trim() ?? '';
    });
    if (focused === label) return i;
  }
  throw new Error(`Tab never reached ${label}`);
}

async function openComputing(page: Page, check = false) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Departments' }).click();
  await expect(page.getByRole('heading', { name: 'Departments', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  if (check) await checkPage(page, '03-departments');
  await page.getByLabel('Search by name or code').fill('Computing');
  await page.getByRole('link', { name: 'School of Computing' }).click();
  await expect(page.getByRole('heading', { name: 'School of Computing', level: 1 })).toBeVisible();
}

test('sign in, see My week, sign out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await checkPage(page, '01-sign-in');
  await signIn(page, DEMO.librarian);
  await expect(page.getByRole('heading', { name: 'My departments' })).toBeVisible();
  await expect(page.getByText('School of Computing').first()).toBeVisible();
  await checkPage(page, '02-my-week');
  await page.getByRole('button', { name: /^Account/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('a new librarian finds the School of Computing and reads its story', async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await openComputing(page, true);
  // read the story from its beginning: the examiner's report, then the curriculum review
  await page.getByText('Oldest first').click();
  const timeline = page.getByRole('region', { name: 'Engagements' }).getByRole('listitem');
  await expect(timeline.first()).toContainText(/external examiner/i);
  await expect(page.getByText(/curriculum review/i).first()).toBeVisible();
  await expect(page.getByText('Library champion').first()).toBeVisible();
  await checkPage(page, '04-department-computing');
  await page.getByRole('link', { name: 'Zoë Ångström' }).first().click();
  await expect(page.getByRole('heading', { name: 'Zoë Ångström', level: 1 })).toBeVisible();
  await expect(page.getByText(/quality of final-year dissertations/)).toBeVisible();
  await checkPage(page, '05-person-champion');
});

test('logs a meeting with the champion through quick log, keyboard only; it shows on the timeline, the person page and in search', async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await openComputing(page);
  const summary = `Keyboard meeting about dissertation workshops ${Date.now().toString(36)}`;
  const started = Date.now();
  await page.keyboard.press('Control+Shift+L');
  const dialog = page.getByRole('dialog', { name: 'Log an engagement' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('School of Computing').first()).toBeVisible();
  const tabs: number[] = [];
  tabs.push(await tabTo(page, 'People'));
  await page.keyboard.type('Zoë');
  // wait, as a person would, until the list has narrowed to her
  await expect(page.getByRole('option').first()).toContainText('Zoë Ångström');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  tabs.push(await tabTo(page, 'Themes'));
  await page.keyboard.type('Rel');
  await expect(page.getByRole('option').first()).toContainText('Relations');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  tabs.push(await tabTo(page, 'Summary'));
  await page.keyboard.type(summary);
  await checkPage(page, '06-quick-log-filled');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Engagement logged')).toBeVisible();
  const seconds = (Date.now() - started) / 1000;
  writeFileSync('test-results/quick-log-keyboard.txt', `keyboard-only quick log of a meeting: ${seconds.toFixed(1)} s from shortcut to saved (Tab presses per field: ${tabs.join(', ')})\n`);
  await expect(dialog).toBeHidden();

  // on the department's timeline
  await expect(page.getByText(summary)).toBeVisible();
  // on the person page
  await page.getByRole('link', { name: 'Zoë Ångström' }).first().click();
  await expect(page.getByRole('heading', { name: 'Zoë Ångström', level: 1 })).toBeVisible();
  await expect(page.getByText(summary)).toBeVisible();
  // and search finds it
  await page.keyboard.press('Control+K');
  await page.getByRole('searchbox', { name: 'Search' }).or(page.getByPlaceholder(/Search departments/)).first().fill(summary.split(' ').pop() ?? '');
  await expect(page.getByText(summary).last()).toBeVisible();
  await checkPage(page, '07-search-palette');
});

test('a viewer can read but not edit anything', async ({ page, browser }) => {
  // an admin adds a viewer through the API, as the admin page would
  const admin = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const login = await admin.request.post('/api/v1/auth/login', { data: { email: DEMO.admin, password: DEMO.password } });
  const csrf = (await login.json() as { csrfToken: string }).csrfToken;
  const email = `viewer-${Date.now().toString(36)}@northmoor.example`;
  const created = await admin.request.post('/api/v1/users', { data: { email, name: 'Visiting Viewer', password: DEMO.password, role: 'viewer' }, headers: { 'x-csrf-token': csrf } });
  expect(created.status()).toBe(201);
  await admin.close();

  await signIn(page, email);
  await expect(page.getByRole('button', { name: 'Log engagement' })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('dialog', { name: 'Log an engagement' })).toHaveCount(0);
  await openComputing(page);
  await expect(page.getByRole('button', { name: /Log engagement/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Zoë Ångström' }).first().click();
  await expect(page.getByRole('heading', { name: 'Zoë Ångström', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await checkPage(page, '08-person-as-viewer');
  const me = await page.request.get('/api/v1/auth/me');
  const token = (await me.json() as { csrfToken: string }).csrfToken;
  const attempt = await page.request.post('/api/v1/people', { data: { name: 'Should Not Exist' }, headers: { 'x-csrf-token': token } });
  expect(attempt.status()).toBe(403);
});

test('a manager sees the coverage gap for an uncovered department', async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff and coverage' }).click();
  const row = page.getByRole('row', { name: /Entrepreneurship and Strategy/ });
  await expect(row).toBeVisible();
  await expect(row.getByText('Gap').first()).toBeVisible();
  await checkPage(page, '09-coverage-matrix');
  await page.getByRole('tab', { name: 'Staff' }).click();
  await checkPage(page, '10-coverage-staff');
});

test('the engagement log filters and pages; the admin pages and the public page pass axe', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Engagements' }).click();
  await expect(page.getByRole('heading', { name: 'Engagements', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await checkPage(page, '11-engagement-log');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkPage(page, '12-engagement-detail');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await checkPage(page, '13-people');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await checkPage(page, '14-admin-users');
  for (const [tab, name] of [['Institution settings', '15-admin-settings'], ['Lists', '16-admin-lists'], ['Audit trail', '17-admin-audit']] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await checkPage(page, name);
  }
  const me = await (await page.request.get('/api/v1/auth/me')).json() as { institution: { id: string } };
  const units = await (await page.request.get('/api/v1/org-units?q=Computing&type=department')).json() as { items: { id: string }[] };
  await page.goto(`/p/${me.institution.id}/${units.items[0]?.id ?? ''}`);
  await expect(page.getByRole('heading', { level: 1, name: /School of Computing/ })).toBeVisible();
  await checkPage(page, '18-public-librarians');
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('My week and quick log work on a phone', async ({ page }) => {
    await signIn(page, DEMO.librarian);
    await checkPage(page, '19-phone-my-week');
    await page.getByRole('button', { name: 'Log engagement' }).first().click();
    await expect(page.getByRole('dialog', { name: 'Log an engagement' })).toBeVisible();
    await checkPage(page, '20-phone-quick-log');
  });
});
