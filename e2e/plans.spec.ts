import { expect, test } from '@playwright/test';
import { academicYearOf } from '../src/shared/academic-year.ts';
import { checkPage, DEMO, signIn } from './helpers.ts';

const HISTORY = 'Department of History';

test('a librarian shares an action plan; the Head of Department agrees it without an account; a revoked link stops working', async ({ page, browser }) => {
  const year = academicYearOf(new Date().toISOString().slice(0, 10));
  const partner = `Dr Siobhán Ó Briain ${Date.now().toString(36)}`;

  // the librarian opens History's draft plan from the department page
  await signIn(page, DEMO.librarian);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Departments' }).click();
  await page.getByLabel('Search by name or code').fill('History');
  await page.getByRole('link', { name: HISTORY, exact: true }).click();
  await expect(page.getByRole('heading', { name: HISTORY, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Action plan' }).click();
  await page.getByRole('link', { name: `Open the ${year.label} action plan` }).click();
  await expect(page.getByRole('heading', { name: `${HISTORY}: action plan ${year.label}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Draft');
  await checkPage(page, '30-action-plan-draft');

  // … and makes a share link, shown once
  await page.getByRole('button', { name: 'Share with the department' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share with the department' });
  await dialog.getByLabel('Who it is for').fill(`${partner}, Head of Department`);
  await dialog.getByRole('button', { name: 'Make the link' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]{40,}$/);
  await checkPage(page, '31-share-link-made');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // the partner opens it in a fresh browser, with no account and no cookies, and agrees the plan
  const fresh = await browser.newContext();
  const outside = await fresh.newPage();
  const opened = await outside.goto(link);
  expect(opened?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  await expect(outside.getByRole('heading', { level: 1 })).toContainText(HISTORY);
  await expect(outside.getByText('University of Northmoor').first()).toBeVisible();
  await expect(outside.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await checkPage(outside, '32-shared-plan');
  const agree = outside.getByRole('form', { name: 'Agree this plan' });
  await agree.getByLabel(/^Your name/).fill(partner);
  await agree.getByLabel(/^Your role/).fill('Head of Department');
  await agree.getByLabel(/^Comment/).fill('Agreed at the department meeting; happy with the archive induction.');
  await agree.getByRole('button', { name: 'Agree this plan' }).click();
  await expect(outside.getByRole('status').filter({ hasText: `recorded as agreed by ${partner}` })).toBeVisible();
  await checkPage(outside, '33-shared-plan-agreed');
  await fresh.close();

  // the librarian sees the agreement, given through the link, and the partner's comment
  await page.reload();
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status).toContainText('Agreed');
  await expect(status).toContainText(`Agreed by ${partner}, Head of Department`);
  await expect(status).toContainText('through the share link');
  await expect(page.getByText('Agreed at the department meeting; happy with the archive induction.')).toBeVisible();

  // revoking the link stops it working at once
  await page.getByRole('button', { name: new RegExp(`^Revoke the link for ${partner}`) }).click();
  await page.getByRole('dialog', { name: 'Revoke this link?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('region', { name: 'Share links' })).toContainText('Revoked');
  await checkPage(page, '34-action-plan-agreed-link-revoked');
  const later = await browser.newContext();
  const again = await later.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This link is not valid', level: 1 })).toBeVisible();
  await checkPage(again, '35-shared-link-revoked');
  await later.close();
});
