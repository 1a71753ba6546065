import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportJobDto, ImportSourceDto } from '../../../shared/contracts/imports.ts';
import { renderWithProviders, stubApi } from '../../../../test/web-render.tsx';
import { MappingForm } from './MappingForm.tsx';

const source: ImportSourceDto = {
  key: 'codeMaps', label: 'Code mappings', description: 'Outside codes → departments', minRole: 'manager', mappingRequired: false,
  fields: [
    { key: 'code', label: 'Code', required: true, help: null },
    { key: 'orgUnitCode', label: 'Department code', required: true, help: null },
  ],
  options: [
    { key: 'kind', label: 'Kind of code', kind: 'select', required: true, help: 'What the codes in this file are.', choices: [{ value: 'cah', label: 'NSS subject (CAH code) → department' }, { value: 'user_group', label: 'Library user group → department' }] },
    { key: 'overwrite', label: 'Move codes already mapped', kind: 'boolean', required: false, help: null, choices: null },
  ],
};

const job: ImportJobDto = {
  id: 'job-1', source: 'codeMaps', fileName: 'cah.csv', format: 'csv', byteSize: 100, status: 'uploaded', columns: ['CAH code', 'Department code'], preamble: null,
  mapping: { code: 'CAH code', orgUnitCode: 'Department code' }, options: {}, totalRows: null, processedRows: 0, importedRows: 0, rejectedRows: 0, progress: 0,
  error: null, createdBy: null, createdAt: '2026-12-01T10:00:00Z', startedAt: null, finishedAt: null,
};

describe('MappingForm', { timeout: 30_000 }, () => {
  it('offers the source’s own choices and sends them with the mapping; a refused choice is named beside its field', async () => {
    const calls = stubApi((method, url, body) => {
      if (method !== 'POST') return undefined;
      const options = (body as { options: Record<string, unknown> }).options;
      if (url.pathname.endsWith('/preview') && !options.kind) {
        return { status: 400, body: { code: 'VALIDATION', message: 'options.kind: choose kind of code', details: [{ field: 'options.kind', message: 'choose kind of code' }], requestId: 't' } };
      }
      return { body: { rows: [], checked: 0, rejected: 0 } };
    });
    renderWithProviders(<MappingForm job={job} source={source} />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Check the first rows' }));
    expect(await screen.findByText('choose kind of code')).toBeTruthy();

    await user.click(screen.getByRole('combobox', { name: 'Kind of code' }));
    await user.click(await screen.findByRole('option', { name: 'Library user group → department', hidden: true }));
    await user.click(screen.getByRole('checkbox', { name: 'Move codes already mapped' }));
    await user.click(screen.getByRole('button', { name: 'Check the first rows' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    const sent = calls.filter((c) => c.method === 'POST').at(-1);
    expect(sent).toMatchObject({ path: '/api/v1/imports/job-1/preview', body: { mapping: { code: 'CAH code', orgUnitCode: 'Department code' }, options: { kind: 'user_group', overwrite: true } } });
    expect(within(screen.getByRole('status')).getByText(/Checked the first 0 rows/)).toBeTruthy();
  });
});
