/*
 * Low-effort capture (migration 0013): meetings and messages waiting to be logged as engagements.
 * Same portable conventions as types.ts; source-types.ts adds CaptureTables to Database.
 */

export type CaptureKind = 'meeting' | 'message';
export type CaptureStatus = 'suggested' | 'unmatched' | 'confirmed' | 'dismissed';
export type CaptureSource = 'ics' | 'eml' | 'smtp';

export interface CaptureItemTable {
  id: string;
  institution_id: string;
  kind: CaptureKind;
  status: CaptureStatus;
  owner_id: string;
  source: CaptureSource;
  /** ICS UID (+ '#' + recurrence id) or Message-ID: the natural key within the institution and kind */
  external_uid: string;
  subject: string;
  starts_at: string | null;
  occurred_on: string;
  duration_minutes: number | null;
  excerpt: string | null;
  from_address: string | null;
  /** JSON array of lower-case addresses */
  to_addresses: string;
  initiated_by: 'library' | 'partner';
  engagement_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaptureItemPersonTable {
  item_id: string;
  person_id: string;
  institution_id: string;
  matched_by: 'address' | 'manual';
  address: string | null;
}

export interface CaptureItemOrgUnitTable {
  item_id: string;
  org_unit_id: string;
  institution_id: string;
}

export interface CaptureTables {
  capture_items: CaptureItemTable;
  capture_item_people: CaptureItemPersonTable;
  capture_item_org_units: CaptureItemOrgUnitTable;
}
