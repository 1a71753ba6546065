import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';

export const DEMO = { librarian: 'librarian@northmoor.example', manager: 'manager@northmoor.example', admin: 'admin@northmoor.example', password: 'rapport-demo-2026' };

const OUT = 'test-results';
mkdirSync(`${OUT}/screenshots`, { recursive: true });

/**
 * Runs axe (WCAG 2.0/2.1/2.2 A and AA rules) on the page as it stands, records the result in
 * test-results/axe-summary.tsv, saves a full-page screenshot, and fails on any serious or
 * critical violation.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.getByLabel('Loading').first()).toBeHidden({ timeout: 15_000 }).catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const severe = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.filter((v) => !severe.includes(v));
  appendFileSync(`${OUT}/axe-summary.tsv`, `${name}\t${new URL(page.url()).pathname}\tserious+critical: ${severe.length}\tother: ${minor.map((v) => `${v.id}(${v.impact ?? '?'})`).join(' ') || 0}\tpasses: ${result.passes.length}\n`);
  await page.screenshot({ path: `${OUT}/screenshots/${name}.png`, fullPage: true });
  const describe = severe.map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(describe, `axe on ${name}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO.password): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My week', level: 1 })).toBeVisible();
}
