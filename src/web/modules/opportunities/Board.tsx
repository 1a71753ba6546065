import { Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import {
  DndContext, KeyboardSensor, PointerSensor, useDroppable, useSensor, useSensors, type Active, type Announcements, type DragEndEvent, type Over,
} from '@dnd-kit/core';
import { useId, useState, type ReactNode } from 'react';
import {
  closedStages, openStages, stageLabels, type BoardDto, type OpportunityDto, type OpportunityStage,
} from '../../../shared/contracts/opportunities.ts';
import { BoardCard, type CardData } from './BoardCard.tsx';
import type { StageTarget } from './StageMove.tsx';

export interface BoardColumn {
  key: StageTarget;
  label: string;
  total: number;
  items: OpportunityDto[];
}

const CLOSED_LABEL = 'Declined or lapsed';

/** The five open stages in order, then declined and lapsed together in one column (however the API groups them). */
export function boardColumns(board: BoardDto): BoardColumn[] {
  const open = openStages.map((s): BoardColumn => {
    const c = board.columns.find((col) => col.stage === s);
    return { key: s, label: stageLabels[s], total: c?.total ?? 0, items: c?.items ?? [] };
  });
  const closed = board.columns.filter((c) => (closedStages as readonly string[]).includes(c.stage));
  const items = closed.flatMap((c) => c.items).filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
  return [...open, { key: 'closed', label: CLOSED_LABEL, total: closed.reduce((n, c) => n + c.total, 0), items }];
}

const cardOf = (a: Active) => a.data.current as CardData | undefined;
const titleOf = (a: Active) => cardOf(a)?.opportunity.title ?? 'the opportunity';
const labelOfKey = (k: StageTarget | undefined) => (k === undefined ? 'its column' : k === 'closed' ? CLOSED_LABEL : stageLabels[k]);
const overLabel = (o: Over | null) => (o ? labelOfKey(o.id as StageTarget) : null);

/** dnd-kit's screen-reader announcements, in plain English. */
const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${titleOf(active)}, in ${labelOfKey(cardOf(active)?.from)}.`,
  onDragOver: ({ active, over }) => (over ? `${titleOf(active)} is over ${overLabel(over)}.` : `${titleOf(active)} is not over a column.`),
  onDragEnd: ({ active, over }) => {
    const from = cardOf(active)?.from;
    if (!over || over.id === from) return `Put ${titleOf(active)} back in ${labelOfKey(from)}.`;
    if (over.id === 'closed') return `Dropped ${titleOf(active)} on ${CLOSED_LABEL}: say why in the dialog.`;
    return `Moved ${titleOf(active)} to ${overLabel(over)}.`;
  },
  onDragCancel: ({ active }) => `Stopped moving ${titleOf(active)}; it stays in ${labelOfKey(cardOf(active)?.from)}.`,
};
const screenReaderInstructions = {
  draggable: 'To pick up this opportunity, press space or enter. Use the arrow keys to move it over another stage, then press space or enter to drop it there, or escape to cancel. The Move to menu on each card does the same.',
};

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/**
 * The board by stage: drag a card by its handle (pointer or keyboard), or use its "Move to…" menu.
 * A moved card takes focus in its new column, but not while a dialog (the reason, the milestone) has it.
 */
export function Board({ board, editable, onMove, dialogOpen }: {
  board: BoardDto;
  editable: boolean;
  onMove: (o: OpportunityDto, to: StageTarget) => void;
  dialogOpen: boolean;
}) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));
  const [showClosed, setShowClosed] = useState(false);
  const [moved, setMoved] = useState<string | null>(null);
  const move = (o: OpportunityDto, to: StageTarget) => {
    setMoved(o.id);
    onMove(o, to);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const card = cardOf(active);
    if (card && over && over.id !== card.from) move(card.opportunity, over.id as StageTarget);
  };

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions }}>
      <Group align="flex-start" wrap="nowrap" gap="sm" style={{ overflowX: 'auto' }} pb="sm">
        {boardColumns(board).map((c) => (
          <Column key={c.key} column={c} collapsed={c.key === 'closed' && !showClosed} onToggle={c.key === 'closed' ? () => setShowClosed((v) => !v) : undefined}>
            {c.items.map((o) => (
              <BoardCard key={o.id} o={o} column={c.key} editable={editable} focus={moved === o.id && !dialogOpen} onMove={(x, to: OpportunityStage) => move(x, to)} />
            ))}
          </Column>
        ))}
      </Group>
    </DndContext>
  );
}

function Column({ column: c, collapsed, onToggle, children }: {
  column: BoardColumn;
  collapsed: boolean;
  onToggle?: () => void;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: c.key });
  const headingId = useId();
  const listId = useId();
  const noun = c.total === 1 ? 'opportunity' : 'opportunities';
  return (
    <Paper
      component="section" aria-labelledby={headingId} ref={setNodeRef} withBorder p="xs" bg={isOver ? 'indigo.0' : 'gray.0'}
      style={{ flex: `0 0 ${collapsed ? 200 : 270}px`, outline: isOver ? '2px solid var(--mantine-color-indigo-7)' : undefined }}
    >
      <Group justify="space-between" wrap="nowrap" mb="xs" gap={4}>
        <Title order={2} size="h5" id={headingId}>
          {c.label} <Text span inherit fw={400} c="gray.8">({c.total}<VisuallyHidden> {noun}</VisuallyHidden>)</Text>
        </Title>
        {onToggle && (
          <Button variant="subtle" size="compact-xs" onClick={onToggle} aria-expanded={!collapsed} aria-controls={listId}>
            {collapsed ? 'Show' : 'Hide'}<VisuallyHidden> {c.label.toLowerCase()}</VisuallyHidden>
          </Button>
        )}
      </Group>
      <div id={listId} hidden={collapsed}>
        {c.items.length > 0
          ? <Stack component="ul" gap="xs" style={listStyle} aria-label={c.label}>{children}</Stack>
          : <Text size="sm" c="gray.8">None</Text>}
        {c.total > c.items.length && (
          <Text size="xs" c="gray.8" mt="xs">The {c.items.length} with the highest priority of {c.total}; the list shows them all.</Text>
        )}
      </div>
    </Paper>
  );
}
