import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { academicYearOf } from '../src/shared/academic-year.ts';
import { checkPage, DEMO, signIn } from './helpers.ts';

const HISTORY = 'Department of History';

test('a librarian writes History’s annual report, shares it, the department reads it without an account and downloads the PDF', async ({ page, browser }) => {
  const year = academicYearOf(new Date().toISOString().slice(0, 10));
  const intro = `A year of archives and induction, written ${Date.now().toString(36)}.`;

  // the list of the year's reports, then History's
  await signIn(page, DEMO.librarian);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Annual reports' }).click();
  await expect(page.getByRole('heading', { name: 'Annual reports', level: 1 })).toBeVisible();
  await page.getByLabel('Department').fill('History');
  await page.getByRole('link', { name: HISTORY, exact: true }).click();
  await expect(page.getByRole('heading', { name: `${HISTORY}: library report ${year.label}`, level: 1 })).toBeVisible();
  // generated from the data: the engagement section's figures and a drafted introduction
  await expect(page.getByRole('region', { name: 'Engagement' })).toContainText('people engaged');
  await expect(page.getByText('A first draft written from the figures').first()).toBeVisible();
  // hover detail: over a headline figure's chart, the year's figure and the institution average
  const chart = page.getByRole('region', { name: 'Headline figures' }).getByRole('img').first();
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the headline chart has no size');
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5);
  const tooltip = chart.locator('.report-chart-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('Institution average');
  await expect(tooltip).toContainText(/\d{4}–\d{2}/);
  await checkPage(page, '70-report');

  // write it: the introduction, a key theme from the meeting, a proposed action
  await page.getByRole('button', { name: 'Write the report' }).click();
  const form = page.getByRole('form', { name: 'Write the report' });
  await form.getByLabel('Introduction').fill(intro);
  await form.getByLabel('Key themes').fill('Archive skills');
  await form.getByLabel('Key themes').press('Enter');
  await form.getByRole('button', { name: 'Add a proposed action' }).click();
  await form.getByLabel('Action 1', { exact: true }).fill('Archive skills workshop for second years');
  await checkPage(page, '71-report-writing');
  await form.getByRole('button', { name: 'Save the report' }).click();
  await expect(page.getByRole('region', { name: 'Introduction' })).toContainText(intro);
  await expect(page.getByRole('region', { name: 'Next year' })).toContainText('Archive skills workshop for second years');

  // share it with the department
  await page.getByRole('button', { name: 'Share with the department' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share with the department' });
  await dialog.getByLabel('Who it is for').fill('Head of History');
  await dialog.getByRole('button', { name: 'Make the link' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/shared-report\/[A-Za-z0-9_-]{40,}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // the partner, in a fresh browser with no account, reads it and downloads the PDF
  const fresh = await browser.newContext({ acceptDownloads: true });
  const outside = await fresh.newPage();
  const opened = await outside.goto(link);
  expect(opened?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  await expect(outside.getByRole('heading', { name: `${HISTORY}: library report ${year.label}`, level: 1 })).toBeVisible();
  await expect(outside.getByText(intro)).toBeVisible();
  await expect(outside.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await checkPage(outside, '72-shared-report');
  const [download] = await Promise.all([outside.waitForEvent('download'), outside.getByRole('link', { name: 'Download the PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^hist-library-report-\d{4}-\d{2}\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // the document carries what the librarian wrote, as text
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain(intro);
    expect(text).toContain('Archive skills workshop for second years');
  } finally {
    await parser.destroy();
  }
  await fresh.close();

  // the library-wide year: last year's themes from every department's discussion, ranked (the demo has six)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Annual reports' }).click();
  await page.getByRole('link', { name: /^The library’s year/ }).click();
  await expect(page.getByRole('heading', { name: 'The library’s year', level: 1 })).toBeVisible();
  const themes = page.getByRole('table', { name: /^Key themes/ });
  await expect(themes.getByRole('row').nth(1)).toContainText('Reading lists');
  await checkPage(page, '73-library-year');
});
