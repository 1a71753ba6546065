import { expect, test } from '@playwright/test';
import { checkPage, DEMO, signIn } from './helpers.ts';

const HISTORY = 'Department of History';
const METRIC = 'Loans per student';
// figures no demo value has, so the department's table can only show them if the import wrote them
const CSV = ['Department code,Academic year,Loans per student', 'HIST,2023-24,97.3', 'HIST,2024-25,98.1', 'HIST,2025-26,99.4', 'NOPE,2025-26,12'].join('\n');

test('a manager imports a metrics CSV with mapping and preview, and sees the trend on the department page', async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
  await checkPage(page, '60-imports');

  // upload: choose what the file holds
  await page.getByRole('combobox', { name: 'What the file holds' }).click();
  await page.getByRole('option', { name: 'Metric values' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'history-loans.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Upload and map columns' }).click();
  await expect(page.getByRole('heading', { name: 'history-loans.csv', level: 1 })).toBeVisible();

  // the code and year columns are matched from their headers; the value column and the metric are chosen
  await expect(page.getByRole('combobox', { name: 'Department code' })).toHaveValue('Department code');
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('Academic year');
  await page.getByRole('combobox', { name: 'Value' }).click();
  await page.getByRole('option', { name: 'Loans per student' }).click();
  await page.getByRole('combobox', { name: 'The metric these figures belong to' }).fill('Loans');
  await page.getByRole('option', { name: `${METRIC} (loans)` }).click();

  // preview: the unknown department is shown as a problem before anything is written
  await page.getByRole('button', { name: 'Check the first rows' }).click();
  await expect(page.getByText('Checked the first 4 rows: 1 would be rejected.')).toBeVisible();
  const preview = page.getByRole('table', { name: 'The first rows as they would be imported' });
  await expect(preview.getByRole('row').filter({ hasText: 'NOPE' })).toContainText('no department has the code “NOPE”');
  await checkPage(page, '61-import-preview');

  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('3 rows imported, 1 rejected (they wrote nothing).')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the problems by line and column (CSV)' })).toBeVisible();
  await checkPage(page, '62-import-done');

  // the department's Metrics tab: the chart and, in its table, the imported figures
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Departments' }).click();
  await page.getByLabel('Search by name or code').fill('History');
  await page.getByRole('link', { name: HISTORY, exact: true }).click();
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const card = page.getByRole('region', { name: METRIC });
  await expect(card.getByRole('img', { name: new RegExp(`^Line chart of ${HISTORY}`) })).toBeVisible();
  const table = card.getByRole('table');
  if (!(await table.isVisible())) await card.getByRole('button', { name: /^Show table/ }).click();
  await expect(card.getByRole('row', { name: /2025–26/ })).toContainText('99.4');
  await expect(card.getByRole('row', { name: /2023–24/ })).toContainText('97.3');
  await checkPage(page, '63-department-metrics');
});
