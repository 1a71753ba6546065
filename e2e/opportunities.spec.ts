import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkPage, DEMO, signIn } from './helpers.ts';

const COMPUTING = 'School of Computing';

/** Drags by the card's handle onto a column, in small pointer steps (dnd-kit starts a drag after 5 px). */
async function drag(page: Page, handle: Locator, target: Locator) {
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag: handle or target not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 20 });
  await page.mouse.up();
}

test('spot an opportunity in an engagement, write its EAST plan, move it to embedded and see the milestone on the journey', async ({ page }) => {
  const title = `Research data skills for the MSc ${Date.now().toString(36)}`;
  await signIn(page, DEMO.librarian);

  // a recent School of Computing engagement, opened as a librarian would from the department's timeline
  const units = (await (await page.request.get(`/api/v1/org-units?q=${encodeURIComponent(COMPUTING)}&type=department`)).json()) as { items: { id: string; name: string }[] };
  const computing = units.items.find((u) => u.name === COMPUTING);
  expect(computing).toBeTruthy();
  const recent = (await (await page.request.get(`/api/v1/engagements?orgUnitId=${computing?.id ?? ''}&pageSize=1`)).json()) as { items: { id: string; summary: string }[] };
  const engagement = recent.items[0];
  expect(engagement).toBeTruthy();
  await page.goto(`/engagements/${engagement?.id ?? ''}`);

  // "we spotted something in this meeting"
  await page.getByRole('link', { name: 'Spotted an opportunity' }).click();
  await expect(page.getByRole('heading', { name: 'New opportunity', level: 1 })).toBeVisible();
  await expect(page.getByText('Spotted in', { exact: false }).first()).toBeVisible();
  const form = page.getByRole('form', { name: 'New opportunity' });
  await form.getByLabel(/^Title/).fill(title);
  await form.getByLabel(/^What set it off/).click();
  await page.getByRole('option', { name: 'Curriculum review' }).click();
  await form.getByLabel(/^The hook/).fill('MSc students must write a data management plan and nobody teaches it.');
  await form.getByRole('textbox', { name: /^Easy/ }).fill('One session in the dissertation module; we bring the template.');
  await form.getByRole('textbox', { name: /^Attractive/ }).fill('Plans that pass the funder check first time.');
  await form.getByRole('textbox', { name: /^Social/ }).fill('The School of Computing’s embedded teaching, in Zoë’s words.');
  await form.getByRole('textbox', { name: /^Timely/ }).fill('The programme handbook is being rewritten this term.');
  await form.getByRole('checkbox', { name: /Frame it as a pilot/ }).check();
  await checkPage(page, '40-new-opportunity-from-engagement');
  await form.getByRole('button', { name: 'Save opportunity' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText('One session in the dissertation module; we bring the template.')).toBeVisible();
  await checkPage(page, '41-opportunity');

  // on the board: a keyboard move from Spotted to Hook found through the card's menu …
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Opportunities' }).click();
  await expect(page.getByRole('heading', { name: 'Opportunities', level: 1 })).toBeVisible();
  const spotted = page.getByRole('list', { name: 'Spotted' });
  const menu = spotted.getByRole('button', { name: new RegExp(`^Move to… \\(now Spotted\\): ${title}`) });
  await expect(menu).toBeVisible();
  await checkPage(page, '42-opportunity-board');
  await menu.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Hook found' }).focus();
  await page.keyboard.press('Enter');
  const hookFound = page.getByRole('list', { name: 'Hook found' });
  await expect(hookFound.getByRole('heading', { name: title })).toBeVisible();

  // … then a drag from Hook found to Approached
  const approached = page.getByRole('region', { name: /^Approached/ });
  await drag(page, hookFound.getByRole('button', { name: `Drag ${title}` }), approached);
  await expect(page.getByRole('list', { name: 'Approached' }).getByRole('heading', { name: title })).toBeVisible();

  // the rest from the opportunity's own page; reaching embedded offers the milestone
  await page.getByRole('list', { name: 'Approached' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  for (const [now, next] of [['Approached', 'Piloting'], ['Piloting', 'Embedded']] as const) {
    await page.getByRole('button', { name: new RegExp(`^Move to… \\(now ${now}\\)`) }).click();
    await page.getByRole('menuitem', { name: next }).click();
  }
  const offer = page.getByRole('dialog', { name: 'Record a milestone on the journey?' });
  await expect(offer).toBeVisible();
  await expect(offer.getByLabel(/^Milestone/)).toHaveValue(`Embedded: ${title}`);
  await checkPage(page, '43-milestone-offer');
  await offer.getByRole('button', { name: 'Record milestone' }).click();
  await expect(offer).toBeHidden();
  await expect(page.getByRole('button', { name: /^Move to… \(now Embedded\)/ })).toBeVisible();

  // the department's journey shows it, linking back to the opportunity
  await page.goto(`/departments/${computing?.id ?? ''}`);
  await page.getByRole('tab', { name: 'Journey' }).click();
  const journey = page.getByRole('list', { name: 'Journey, oldest first' });
  await expect(journey.getByRole('heading', { name: `Embedded: ${title}` })).toBeVisible();
  await expect(journey.getByRole('link', { name: `Open the opportunity (Embedded: ${title})` })).toBeVisible();
  await checkPage(page, '44-journey-with-opportunity-milestone');
});

test('a manager reads the requests and priorities, and the triage queue', async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto('/overview/priorities');
  await expect(page.getByRole('heading', { name: 'Requests and priorities', level: 1 })).toBeVisible();
  await expect(page.getByText('Reading-list review for first-year Law modules').first()).toBeVisible();
  await checkPage(page, '45-requests-and-priorities');
  await page.goto('/opportunities?view=triage');
  await expect(page.getByText('Systematic review clinic for Engineering PhD students').first()).toBeVisible();
  await checkPage(page, '46-triage');
  for (const [path, heading, name] of [['/goals', 'Strategic goals', '47-goals'], ['/campaigns', 'Campaigns', '48-campaigns']] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await checkPage(page, name);
  }
  await page.getByRole('link', { name: 'Know your librarian' }).click();
  await expect(page.getByRole('heading', { name: 'Know your librarian', level: 1 })).toBeVisible();
  await checkPage(page, '49-campaign');
});
