import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import type { EvidenceDto } from '../../../shared/contracts/evidence.ts';
import { OpportunityForm, type OpportunityPrefill } from './OpportunityForm.tsx';

/** What a new opportunity takes from the evidence it was spotted in: the evidence as its trigger, its departments, a named source. */
export function prefillFromEvidence(e: EvidenceDto): OpportunityPrefill {
  return {
    evidence: { id: e.id, kind: e.kind, occurredOn: e.occurredOn, text: e.text },
    // an examiner's comment is the one evidence kind that names its trigger kind outright
    triggerKind: e.kind === 'external_examiner' ? 'external_examiner' : undefined,
    orgUnits: e.orgUnits,
    people: e.attribution === 'named' && e.source.person ? [e.source.person] : [],
  };
}

/** "Spotted an opportunity" from an evidence item: the new opportunity's form, prefilled; saved, its page. */
export function SpotFromEvidence({ evidence, onClose }: { evidence: EvidenceDto; onClose: () => void }) {
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened onClose={onClose} title="New opportunity from this evidence" closeButtonProps={{ 'aria-label': 'Close' }} size="52rem" fullScreen={!!phone}>
      <OpportunityForm
        prefill={prefillFromEvidence(evidence)}
        onSaved={(o) => {
          onClose();
          void navigate({ to: '/opportunities/$id', params: { id: o.id } });
        }}
        onCancel={onClose}
      />
    </Modal>
  );
}
