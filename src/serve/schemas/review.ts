// Named schemas of the review routes: a review, an audit-log entry and the corrections a
// reviewer can make. Registered with the model schemas so the OpenAPI document names them.
import { CORRECTION_FIELDS, QUALIFIERS, REVIEW_ACTIONS, REVIEW_TARGETS, UNITS } from '../../review/types.js';
import { TERMS } from '../../types.js';
import { CAUSES, HAZARDS } from '../params.js';

const day = { type: 'string', format: 'date' } as const;
const ms = { type: 'integer', description: 'milliseconds since 1970' } as const;

export const CorrectionsSchema = {
  $id: 'Corrections',
  type: 'object',
  description: `The fields a correction sets (at least one of: ${CORRECTION_FIELDS.join(', ')}); the others keep what was extracted.`,
  additionalProperties: false,
  minProperties: 1,
  properties: {
    figure: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    term: { type: 'string', enum: [...TERMS] },
    unit: { type: 'string', enum: [...UNITS] },
    qualifier: { type: 'string', enum: [...QUALIFIERS] },
    cause: { type: ['string', 'null'], enum: [...CAUSES, null] },
    hazard: { type: ['string', 'null'], enum: [...HAZARDS, null] },
    country: { type: ['string', 'null'], pattern: '^[A-Z]{2}[A-Z0-9]$', description: 'ISO 3166-1 alpha-3' },
    admin1: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
    place: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 200 },
        lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
        lon: { type: ['number', 'null'], minimum: -180, maximum: 180 },
      },
    },
    date: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['start'],
      properties: { start: day, end: { ...day, description: 'defaults to start' } },
    },
    stock_or_flow: { type: 'string', enum: ['stock', 'flow'] },
  },
} as const;

export const ReviewSchema = {
  $id: 'Review',
  type: 'object',
  description:
    'The current review of a fact, a claim or an event (a later review of the same target replaces it).',
  required: [
    'id',
    'target_kind',
    'target_id',
    'action',
    'changes',
    'note',
    'reviewer',
    'snapshot',
    'fact_ids',
    'created_at',
    'updated_at',
  ],
  properties: {
    id: { type: 'integer' },
    target_kind: { type: 'string', enum: [...REVIEW_TARGETS] },
    target_id: {
      type: 'string',
      description:
        'the fact, claim or event id when reviewed; fact ids change on re-extraction, `fact_ids` has the current ones',
    },
    action: { type: 'string', enum: [...REVIEW_ACTIONS] },
    changes: {
      type: ['object', 'null'],
      description:
        'correct: the corrections; merge: {other, into_claims, from_claims}; split: {claims, new_event_id}; else null',
    },
    note: { type: ['string', 'null'] },
    reviewer: { type: 'string', description: "the token's name" },
    snapshot: {
      type: 'object',
      description:
        'the target when first reviewed; for a fact its rule (`reason`), confidence and extractor version',
    },
    fact_ids: {
      type: 'array',
      items: { type: 'integer' },
      description:
        'the stored facts the review applies to now, syndicated copies of a rejected figure included',
    },
    created_at: ms,
    updated_at: ms,
  },
} as const;

export const AuditEntrySchema = {
  $id: 'AuditEntry',
  type: 'object',
  description: 'One change made by a reviewer: who, when, what, and the target before and after.',
  required: ['id', 'at', 'actor', 'action', 'target_kind', 'target_id', 'review_id', 'before', 'after'],
  properties: {
    id: { type: 'integer' },
    at: ms,
    actor: { type: 'string', description: "the token's name" },
    action: { type: 'string', enum: [...REVIEW_ACTIONS] },
    target_kind: { type: 'string', enum: [...REVIEW_TARGETS] },
    target_id: { type: 'string' },
    review_id: { type: ['integer', 'null'] },
    before: { description: 'the fact, claim or event(s) before the change (JSON), or null' },
    after: { description: 'the same after the change, or null when it no longer exists' },
  },
} as const;

export const REVIEW_SCHEMAS = [CorrectionsSchema, ReviewSchema, AuditEntrySchema];
