import { Badge } from '@mantine/core';
import { impactStatusLabels, type ImpactStatus } from '../../../shared/contracts/impact.ts';

/** Outline badges in a 9 shade: the status is in words, the colour only repeats it. */
const statusColors: Record<ImpactStatus, string> = { planned: 'gray.8', in_progress: 'blue.9', complete: 'teal.9' };

export function StatusBadge({ status }: { status: ImpactStatus }) {
  return <Badge variant="outline" color={statusColors[status]} tt="none">{impactStatusLabels[status]}</Badge>;
}
