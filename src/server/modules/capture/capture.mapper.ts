import type { CaptureItemDto } from '../../../shared/contracts/capture.ts';
import type { ItemRow, Links, suggestedTypes } from './capture.repository.ts';

type Types = Awaited<ReturnType<typeof suggestedTypes>>;

const addresses = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : [];
};

export function toCaptureItemDto(r: ItemRow, links: Links, types: Types): CaptureItemDto {
  const type = types[r.kind];
  return {
    id: r.id, kind: r.kind, status: r.status, source: r.source, owner: { id: r.owner_id, name: r.owner_name },
    subject: r.subject, startsAt: r.starts_at, occurredOn: r.occurred_on, durationMinutes: r.duration_minutes, excerpt: r.excerpt,
    fromAddress: r.from_address, toAddresses: addresses(r.to_addresses),
    people: links.people.filter((p) => p.item_id === r.id).map((p) => ({ id: p.id, name: p.name, matchedBy: p.matched_by, address: p.address })),
    departments: links.units.filter((u) => u.item_id === r.id).map((u) => ({ id: u.id, name: u.name })),
    suggestedType: type ? { id: type.id, label: type.label } : null,
    initiatedBy: r.initiated_by, engagementId: r.engagement_id, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
