// Row types of the review tables (migration 006), kept beside schema.ts so that the tables of
// each concern are declared in one file.
import type { Generated, Selectable } from 'kysely';

export interface ReviewsTable {
  id: Generated<number>;
  key: string;
  target_kind: string;
  target_id: string;
  action: string;
  /** JSON. */
  changes: string | null;
  note: string | null;
  reviewer: string;
  /** JSON. */
  snapshot: string;
  created_at: number;
  updated_at: number;
}

export interface ReviewAnchorsTable {
  review_id: number;
  article_id: number;
  quantity_start: number;
  quantity_end: number;
  quantity: string;
  term: string;
  figure: number | null;
  vague: string | null;
  quote_key: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor: string;
  action: string;
  target_kind: string;
  target_id: string;
  review_id: number | null;
  /** JSON, or null when nothing was there. */
  before: string | null;
  after: string | null;
}

export interface ReviewsDatabase {
  reviews: ReviewsTable;
  review_anchors: ReviewAnchorsTable;
  audit_log: AuditLogTable;
}

export type ReviewRow = Selectable<ReviewsTable>;
export type AuditRow = Selectable<AuditLogTable>;
