import type { PersonDto, PersonSummaryDto, PositionDto, UpdatePersonBody } from '../../../shared/contracts/people.ts';
import type { PersonTable } from '../../db/types.ts';
import type { PositionRow } from './people.repository.ts';

/** A position is current until the end of its end date; with no end date it is open. */
export const isCurrent = (endDate: string | null, today: string): boolean => endDate === null || endDate >= today;

/** Current positions first, then by start date (newest first, undated last), then newest record first. */
export function sortPositions<T extends { current: boolean; startDate: string | null; id: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => {
    if (a.current !== b.current) return a.current ? -1 : 1;
    if (a.startDate !== b.startDate) {
      if (a.startDate === null) return 1;
      if (b.startDate === null) return -1;
      return a.startDate < b.startDate ? 1 : -1;
    }
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
}

/** "Head of Department, School of Computing": the first current position, for lists and search results. */
export const positionSubtitle = (positions: PositionDto[]): string | null => {
  const first = positions.find((p) => p.current);
  return first ? `${first.title}, ${first.orgUnitName}` : null;
};

export const parseTags = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
};

export const toPositionDto = (r: PositionRow, today: string): PositionDto => ({
  id: r.id,
  personId: r.person_id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  title: r.title,
  startDate: r.start_date,
  endDate: r.end_date,
  current: isCurrent(r.end_date, today),
});

/** `positions` may hold only current ones (lists) or all of them (detail); only current ones are kept here. */
export const toPersonSummaryDto = (r: PersonTable, positions: PositionDto[]): PersonSummaryDto => ({
  id: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  isChampion: r.is_champion === 1,
  influence: r.influence,
  interest: r.interest,
  stayInTouchDays: r.stay_in_touch_days,
  contactCap: r.contact_cap,
  contactCapDays: r.contact_cap_days,
  championSince: r.champion_since,
  tags: parseTags(r.tags),
  updatedAt: r.updated_at,
  currentPositions: sortPositions(positions.filter((p) => p.current)),
});

export const toPersonDto = (r: PersonTable, positions: PositionDto[]): PersonDto => ({
  ...toPersonSummaryDto(r, positions),
  motivations: r.motivations,
  needs: r.needs,
  challenges: r.challenges,
  preferredChannel: r.preferred_channel,
  notes: r.notes,
  createdAt: r.created_at,
  positions: sortPositions(positions),
});

/** The columns a create or update body sets; fields left out of the body are left alone. */
export function toPersonPatch(b: UpdatePersonBody): Partial<PersonTable> {
  const p: Partial<PersonTable> = {};
  if (b.name !== undefined) p.name = b.name;
  if (b.email !== undefined) p.email = b.email;
  if (b.phone !== undefined) p.phone = b.phone;
  if (b.motivations !== undefined) p.motivations = b.motivations;
  if (b.needs !== undefined) p.needs = b.needs;
  if (b.challenges !== undefined) p.challenges = b.challenges;
  if (b.preferredChannel !== undefined) p.preferred_channel = b.preferredChannel;
  if (b.isChampion !== undefined) p.is_champion = b.isChampion ? 1 : 0;
  if (b.influence !== undefined) p.influence = b.influence;
  if (b.interest !== undefined) p.interest = b.interest;
  if (b.stayInTouchDays !== undefined) p.stay_in_touch_days = b.stayInTouchDays;
  if (b.contactCap !== undefined) p.contact_cap = b.contactCap;
  if (b.contactCapDays !== undefined) p.contact_cap_days = b.contactCapDays;
  if (b.championSince !== undefined) p.champion_since = b.championSince;
  if (b.tags !== undefined) p.tags = JSON.stringify(b.tags);
  if (b.notes !== undefined) p.notes = b.notes;
  return p;
}

/** Becoming a champion dates itself (today) unless a date is given; ceasing to be one clears the date. */
export function championPatch(b: UpdatePersonBody, wasChampion: boolean, today: string): Partial<PersonTable> {
  if (b.championSince !== undefined || b.isChampion === undefined) return {};
  if (!b.isChampion) return { champion_since: null };
  return wasChampion ? {} : { champion_since: today };
}
