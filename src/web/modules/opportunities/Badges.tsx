import { Badge, Text } from '@mantine/core';
import { isActiveStage, stageLabels, type OpportunityDto, type OpportunityStage } from '../../../shared/contracts/opportunities.ts';

/*
 * Outline badges with a 9 shade (a shaded "light" badge paints the shade as its background in
 * Mantine 9); every state is in words, so colour only repeats what the text says.
 */

export function StageBadge({ stage }: { stage: OpportunityStage }) {
  const color = stage === 'embedded' ? 'teal.9' : isActiveStage(stage) ? 'indigo.9' : 'gray.8';
  // never cut short in a narrow table cell: the stage is read, not decoded from its colour
  return <Badge variant="outline" color={color} tt="none" styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }} miw="max-content">{stageLabels[stage]}</Badge>;
}

export function PilotBadge() {
  return <Badge variant="outline" color="grape.9" tt="none">Pilot</Badge>;
}

/** "Going cold: no engagement or stage change for 20 days (since …)". */
export function ColdNote({ cold, size = 'sm' }: { cold: OpportunityDto['cold']; size?: 'xs' | 'sm' }) {
  if (!cold) return null;
  return (
    <Text size={size} c="red.9">
      <Text span fw={700} inherit>Going cold:</Text> {cold.reason.charAt(0).toLowerCase() + cold.reason.slice(1)}
    </Text>
  );
}
