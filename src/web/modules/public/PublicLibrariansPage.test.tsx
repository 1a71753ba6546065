import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PublicLibrariansDto } from '../../../shared/contracts/coverage.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { PublicLibrarians } from './PublicLibrariansPage.tsx';

vi.setConfig({ testTimeout: 20_000 });

const contacts: PublicLibrariansDto = {
  orgUnit: { id: 'd1', name: 'History' },
  functions: [
    { label: 'Subject liaison', staff: [{ name: 'Ann Archer', jobTitle: 'Faculty Librarian', email: 'ann@uni.example' }], inheritedFrom: null },
    { label: 'Research support', staff: [{ name: 'Cat Cole', jobTitle: null, email: 'cat@uni.example' }], inheritedFrom: 'Faculty of Arts' },
    { label: 'Collections', staff: [], inheritedFrom: null },
  ],
};
const departments = { items: [{ id: 'd1', name: 'History', parentName: 'Faculty of Arts' }, { id: 'd2', name: 'Physics', parentName: 'Faculty of Science' }], page: 1, pageSize: 50, total: 2 };

describe('PublicLibrariansPage', () => {
  it('lists each function with names, job titles and mailto links, and links other departments', async () => {
    const calls = stubApi((_m, url) => {
      if (url.pathname === '/api/v1/public/institutions/i1/org-units/d1/librarians') return { body: contacts };
      if (url.pathname === '/api/v1/public/institutions/i1/org-units') return { body: departments };
      return undefined;
    });
    renderWithProviders(<PublicLibrarians institutionId="i1" orgUnitId="d1" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your library contacts: History' }, { timeout: 4000 })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('main')).toBeTruthy();
    expect(document.title).toBe('Your library contacts: History');

    const liaison = screen.getByRole('region', { name: 'Subject liaison' });
    expect(within(liaison).getByText('Ann Archer')).toBeTruthy();
    expect(within(liaison).getByText('Faculty Librarian')).toBeTruthy();
    expect(within(liaison).getByRole('link', { name: 'ann@uni.example' }).getAttribute('href')).toBe('mailto:ann@uni.example');
    const research = screen.getByRole('region', { name: 'Research support' });
    expect(within(research).getByRole('heading', { level: 2 }).textContent).toBe('Research support (through Faculty of Arts)');
    expect(within(research).getByRole('link', { name: 'cat@uni.example' }).getAttribute('href')).toBe('mailto:cat@uni.example');
    expect(within(screen.getByRole('region', { name: 'Collections' })).getByText('Nobody is assigned to this at the moment.')).toBeTruthy();

    const physics = await screen.findByRole('link', { name: 'Physics' });
    expect(physics.getAttribute('href')).toBe('/p/i1/d2');
    expect(screen.getByRole('link', { name: 'History' }).getAttribute('aria-current')).toBe('page');
    expect(calls.every((c) => c.method === 'GET' && !c.path.includes('/auth/'))).toBe(true);
  });

  it('says the directory is not published when the API answers 404', async () => {
    const calls = stubApi(() => ({ status: 404, body: { code: 'NOT_FOUND', message: 'Directory entry not found', requestId: 't' } }));
    renderWithProviders(<PublicLibrarians institutionId="i1" orgUnitId="nope" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This directory is not published' }, { timeout: 4000 })).toBeTruthy();
    expect(document.title).toBe('Library directory not published');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/public/institutions/i1/org-units/nope/librarians']);
  });
});
