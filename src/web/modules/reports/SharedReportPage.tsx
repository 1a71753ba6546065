import { Alert, Box, Button, Center, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { ReportDataDto } from '../../../shared/contracts/reports.ts';
import { ApiError, get } from '../../lib/api.ts';
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
  const invalid = report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 400);
  const r = report.data;
  const title = r ? `${r.orgUnit.name}: library report ${r.year.label}` : invalid ? 'This link is not valid' : 'Library report';
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
        <Text fw={800} size="lg" c="indigo.9">{r?.institution.name ?? 'Library report'}</Text>
      </Box>
      <Container component="main" id="main" size="md" py="xl">
        {report.isPending ? (
          <Center p="xl"><Loader aria-label="Loading the report" /></Center>
        ) : invalid ? (
          <Stack>
            <Title order={1}>This link is not valid</Title>
            <Text>The link may have expired or been withdrawn, or part of it may be missing. Please ask your librarian for a new one.</Text>
          </Stack>
        ) : report.isError ? (
          <Alert color="red" title="We could not load this report" role="alert">
            <Text size="sm">{report.error.message}</Text>
            <Button size="xs" mt="xs" variant="light" color="red" onClick={() => void report.refetch()}>Try again</Button>
          </Alert>
        ) : (
          <Stack gap="lg">
            <Group justify="space-between" wrap="wrap">
              <Title order={1}>{title}</Title>
              <Button component="a" variant="default" href={`${base(token)}/pdf`} download>Download the PDF</Button>
            </Group>
            <StaffLinks.Provider value={false}><ReportDocument r={report.data} /></StaffLinks.Provider>
          </Stack>
        )}
      </Container>
    </>
  );
}
