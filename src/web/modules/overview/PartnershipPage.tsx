import { Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { PartnershipTab } from '../admin/PartnershipTab.tsx';

/** The partnership model for managers, who have no Admin page; admins also find it there as a tab. */
export function PartnershipPage() {
  return (
    <Stack>
      <div>
        <AnchorLink to="/overview" size="sm">Back to the overview</AnchorLink>
        <Title order={1}>Partnership model</Title>
        <Text c="dimmed" size="sm">The key activities each department can expect from the library, and how often: the cadence column of the overview counts them.</Text>
      </div>
      <PartnershipTab />
    </Stack>
  );
}
