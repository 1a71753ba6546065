import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { academicYearStart, addDays } from '../src/shared/academic-year.ts';
import { checkPage, DEMO, signIn } from './helpers.ts';

const HISTORY = 'Department of History';

/** A signed-in API client, as the pages use the API (session cookie + CSRF header). */
async function apiAs(browser: Browser, email: string): Promise<{ request: APIRequestContext; csrf: string; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const login = await ctx.request.post('/api/v1/auth/login', { data: { email, password: DEMO.password } });
  expect(login.status()).toBe(200);
  return { request: ctx.request, csrf: ((await login.json()) as { csrfToken: string }).csrfToken, close: () => ctx.close() };
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

test('a manager sees an overdue key activity; the librarian logs it; the nudge clears and the period turns done', async ({ page, browser }) => {
  // Setup, as a manager would on the partnership-model page: a monthly key activity for the School of History.
  // Monthly periods make some period overdue on any date after the academic year's first month; in that
  // first month the admin moves the year's start back a month for the test (and puts it back after).
  const admin = await apiAs(browser, DEMO.admin);
  const manager = await apiAs(browser, DEMO.manager);
  const firstMonth = academicYearStart(todayUtc()).slice(0, 7) === todayUtc().slice(0, 7);
  if (firstMonth) {
    const moved = await admin.request.patch('/api/v1/institution', { data: { academicYearStartMonth: ((Number(todayUtc().slice(5, 7)) + 10) % 12) + 1 }, headers: { 'x-csrf-token': admin.csrf } });
    expect(moved.status()).toBe(200);
  }
  const inst = (await (await manager.request.get('/api/v1/institution')).json()) as { academicYearStartMonth: number; academicYearStartDay: number };
  const yearStart = academicYearStart(todayUtc(), inst.academicYearStartMonth, inst.academicYearStartDay);
  const nextMonth = new Date(`${yearStart}T00:00:00Z`);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  const firstPeriodEnd = addDays(nextMonth.toISOString().slice(0, 10), -1);

  const units = (await (await manager.request.get(`/api/v1/org-units?q=${encodeURIComponent(HISTORY)}&type=department`)).json()) as { items: { id: string; name: string }[] };
  const history = units.items.find((u) => u.name === HISTORY);
  expect(history).toBeTruthy();
  const types = (await (await manager.request.get('/api/v1/vocab?kind=engagement_type')).json()) as { id: string; key: string }[];
  const created = await manager.request.post('/api/v1/partnership-templates', {
    headers: { 'x-csrf-token': manager.csrf },
    data: {
      name: `History newsletter ${Date.now().toString(36)}`, appliesTo: 'units', units: [{ orgUnitId: history?.id, includeDescendants: false }],
      activities: [{ name: 'Library news in the History newsletter', typeId: types.find((t) => t.key === 'promotion')?.id, cadence: 'per_meeting', perYear: 12 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await Promise.all([admin.close(), manager.close()]);

  try {
    // the manager's team feed says what is overdue, and links to the department
    await signIn(page, DEMO.manager);
    const feed = page.getByRole('region', { name: 'Needs attention' });
    await feed.getByRole('button', { name: 'Team' }).click();
    const nudge = feed.getByRole('listitem').filter({ hasText: `Library news in the History newsletter: overdue for ${HISTORY}` }).filter({ hasText: `ended on ${firstPeriodEnd}` });
    await expect(nudge).toBeVisible();
    await checkPage(page, '20-my-week-team-nudges');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('heading', { name: 'Relationships at a glance', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: HISTORY })).toBeVisible();
    await checkPage(page, '21-overview');
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    // the librarian logs the engagement from the department page, dated in the overdue period
    await signIn(page, DEMO.librarian);
    await page.goto(`/departments/${history?.id ?? ''}`);
    await expect(page.getByRole('heading', { name: HISTORY, level: 1 })).toBeVisible();
    await checkPage(page, '22-department-relationship');
    await page.getByRole('button', { name: `Log engagement with ${HISTORY}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an engagement' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/^Type/).fill('Promotion');
    await page.getByRole('option', { name: /^Promotion/ }).click();
    const date = dialog.getByLabel(/^Date/);
    await date.fill(addDays(firstPeriodEnd, -3));
    await date.press('Tab');
    await dialog.getByLabel(/^Summary/).fill('Library news item in the School of History staff newsletter: new archives guide');
    await dialog.getByRole('button', { name: 'Log engagement' }).click();
    await expect(page.getByText('Engagement logged')).toBeVisible();

    // the period is done on the department's partnership model
    await page.getByRole('tab', { name: 'Partnership model' }).click();
    const row = page.getByRole('row', { name: /Library news in the History newsletter/ });
    await expect(row.getByRole('listitem').first()).toContainText('Done');
    await checkPage(page, '23-department-partnership-model');
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    // and the manager's nudge for that period has gone
    await signIn(page, DEMO.manager);
    await feed.getByRole('button', { name: 'Team' }).click();
    await expect(feed.getByRole('listitem').first()).toBeVisible();
    await expect(nudge).toHaveCount(0);
  } finally {
    if (firstMonth) {
      const back = await apiAs(browser, DEMO.admin);
      await back.request.patch('/api/v1/institution', { data: { academicYearStartMonth: 8 }, headers: { 'x-csrf-token': back.csrf } });
      await back.close();
    }
  }
});
