import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { closedStages, openStages, stageLabels, type OpportunityDto, type OpportunityStage } from '../../../shared/contracts/opportunities.ts';

/**
 * "Move to…": every other stage as a menu, so a keyboard or screen-reader user moves an opportunity
 * without dragging. Declined and lapsed end in an ellipsis: a dialog asks why.
 */
export function StageMenu({ opportunity: o, onMove, disabled }: {
  opportunity: OpportunityDto;
  onMove: (to: OpportunityStage) => void;
  disabled?: boolean;
}) {
  const open = openStages.filter((s) => s !== o.stage);
  const closed = closedStages.filter((s) => s !== o.stage);
  return (
    <Menu position="bottom-start" shadow="md">
      <Menu.Target>
        <Button variant="default" size="compact-sm" disabled={disabled}>
          Move to…<VisuallyHidden> (now {stageLabels[o.stage]}): {o.title}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Move to</Menu.Label>
        {open.map((s) => <Menu.Item key={s} onClick={() => onMove(s)}>{stageLabels[s]}</Menu.Item>)}
        <Menu.Divider />
        {closed.map((s) => <Menu.Item key={s} onClick={() => onMove(s)}>{stageLabels[s]}…</Menu.Item>)}
      </Menu.Dropdown>
    </Menu>
  );
}
