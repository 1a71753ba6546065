import { ActionIcon, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { useEffect, useRef } from 'react';
import type { OpportunityDto, OpportunityStage } from '../../../shared/contracts/opportunities.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDate } from '../../lib/dates.ts';
import { ColdNote, PilotBadge } from './Badges.tsx';
import { PriorityPopover } from './Priority.tsx';
import { StageMenu } from './StageMenu.tsx';
import type { StageTarget } from './StageMove.tsx';

/** What a card carries while dragged, for the announcements and the drop. */
export interface CardData {
  opportunity: OpportunityDto;
  from: StageTarget;
}

/**
 * One opportunity on the board. The drag handle is its own button (a card holding links and a menu
 * cannot itself be a button); "Move to…" does the same without dragging.
 */
export function BoardCard({ o, column, editable, focus, onMove }: {
  o: OpportunityDto;
  column: StageTarget;
  editable: boolean;
  /** it has just been moved: take focus, so a keyboard user carries on from where it went */
  focus: boolean;
  onMove: (o: OpportunityDto, to: OpportunityStage) => void;
}) {
  const data: CardData = { opportunity: o, from: column };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({ id: o.id, data, disabled: !editable });
  const card = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (focus) card.current?.focus();
  }, [focus]);

  return (
    <Paper
      component="li" withBorder p="xs" shadow={isDragging ? 'md' : undefined} tabIndex={-1} className="mantine-focus-auto"
      ref={(el: HTMLLIElement | null) => {
        setNodeRef(el);
        card.current = el;
      }}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, zIndex: isDragging ? 10 : undefined, position: 'relative' }}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
          <Title order={3} size="h6" style={{ overflowWrap: 'anywhere' }}>
            <AnchorLink to="/opportunities/$id" params={{ id: o.id }} inherit>{o.title}</AnchorLink>
          </Title>
          {editable && (
            <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray.8" size="sm" {...attributes} {...listeners} aria-label={`Drag ${o.title}`} style={{ cursor: 'grab', touchAction: 'none' }}>
              <span aria-hidden>⠿</span>
            </ActionIcon>
          )}
        </Group>
        {o.orgUnits.length > 0 && <Text size="xs">{o.orgUnits.map((u) => u.name).join(', ')}</Text>}
        <Text size="xs" c="gray.8">Owner: {o.owner?.name ?? 'nobody yet'}</Text>
        {o.windowClosesOn && <Text size="xs" c="gray.8">Window closes {formatDate(o.windowClosesOn)}</Text>}
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="gray.8">Priority</Text>
          <PriorityPopover p={o.priority} title={o.title} />
          {o.isPilot && <PilotBadge />}
        </Group>
        <ColdNote cold={o.cold} size="xs" />
        {o.closedReason && <Text size="xs" c="gray.8">{o.closedReason}</Text>}
        {editable && (
          <Group>
            <StageMenu opportunity={o} onMove={(to) => onMove(o, to)} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
