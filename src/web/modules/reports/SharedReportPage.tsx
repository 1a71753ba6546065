import { Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { ReportDataDto } from '../../../shared/contracts/reports.ts';
import { get } from '../../lib/api.ts';
import { SharedShell } from '../share/SharedShell.tsx';
import { ReportDocument } from './ReportPage.tsx';
import { StaffLinks } from './ReportSections.tsx';

const base = (token: string) => `/api/v1/shared-reports/${encodeURIComponent(token)}`;

/**
 * A department's annual report opened from a share link (/shared-report/$token): no account, no app
 * navigation, nothing linked but the report and its PDF. The page calls only the link's own address.
 */
export function SharedReportPage() {
  const { token } = useParams({ from: '/shared-report/$token' });
  const report = useQuery({ queryKey: ['reports', 'shared', token], queryFn: () => get<ReportDataDto>(base(token)), retry: false });
  return (
    <SharedShell query={report} name="Library report" titleOf={(r) => `${r.orgUnit.name}: library report ${r.year.label}`} institutionOf={(r) => r.institution.name}>
      {(r, title) => (
        <Stack gap="lg">
          <Group justify="space-between" wrap="wrap">
            <Title order={1}>{title}</Title>
            <Button component="a" variant="default" href={`${base(token)}/pdf`} download>Download the PDF</Button>
          </Group>
          <StaffLinks.Provider value={false}><ReportDocument r={r} /></StaffLinks.Provider>
        </Stack>
      )}
    </SharedShell>
  );
}
