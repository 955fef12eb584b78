// JSON schemas of what the API returns, written from src/types.ts and the store's views, and
// registered once with `$id`s so the OpenAPI document lists them as named components that a
// client generator turns into types. They document responses; they are not used to serialise
// them (see app.ts), and src/serve/openapi.test.ts checks real responses against them.
import { TERMS } from '../../types.js';
import { CAUSES, HAZARDS } from '../params.js';

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const nint = { type: ['integer', 'null'] } as const;
const nnum = { type: ['number', 'null'] } as const;
const ndate = { type: ['string', 'null'], format: 'date' } as const;
const span = {
  type: 'array',
  items: int,
  minItems: 2,
  maxItems: 2,
  description: '[start, end) string indices',
};
const cause = { type: ['string', 'null'], enum: [...CAUSES, null] } as const;
const hazard = { type: ['string', 'null'], enum: [...HAZARDS, null] } as const;

export const ErrorSchema = {
  $id: 'Error',
  type: 'object',
  description:
    'Every error, as RFC 9457 problem details (application/problem+json) with a stable `code`; `error` repeats the code and message in the shape clients of earlier versions read.',
  required: ['type', 'title', 'status', 'detail', 'code', 'error'],
  properties: {
    type: {
      type: 'string',
      description: 'about:blank: the status says what kind of problem',
      examples: ['about:blank'],
    },
    title: { type: 'string', description: 'the HTTP status phrase', examples: ['Bad Request'] },
    status: { type: 'integer', description: 'the HTTP status code', examples: [400] },
    detail: {
      type: 'string',
      description: 'what was wrong, naming the input, and how to fix it',
      examples: ['querystring parameter "limit" must be <= 500'],
    },
    instance: { type: 'string', description: 'the path of the request', examples: ['/api/facts'] },
    code: {
      type: 'string',
      description: 'USAGE, NOT_FOUND, UNAUTHORIZED, FORBIDDEN, RATE_LIMITED, STORE_FAILED, …',
      examples: ['USAGE'],
    },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          description: 'USAGE, NOT_FOUND, UNAUTHORIZED, STORE_FAILED, …',
          examples: ['USAGE'],
        },
        message: { type: 'string', examples: ['querystring parameter "limit" must be <= 500'] },
      },
    },
  },
} as const;

export const PlaceSchema = {
  $id: 'Place',
  type: 'object',
  description: 'A place named in the text, resolved offline to GeoNames.',
  required: ['name', 'start', 'end', 'lat', 'lon', 'country'],
  properties: {
    name: str,
    start: int,
    end: int,
    lat: nnum,
    lon: nnum,
    country: { ...nstr, description: 'ISO 3166-1 alpha-3' },
    geonameId: int,
    admin1: nstr,
    featureClass: str,
    kind: { ...str, description: 'country, admin1, city, region, …' },
    organisation: { type: 'boolean' },
  },
} as const;

export const FactDateSchema = {
  $id: 'FactDate',
  type: ['object', 'null'],
  description: 'The period the figure refers to, resolved against the publication date.',
  required: ['start', 'end', 'text', 'span', 'year_stated'],
  properties: {
    start: { type: 'string', format: 'date' },
    end: { type: 'string', format: 'date' },
    text: str,
    span,
    year_stated: { type: 'boolean' },
  },
} as const;

export const ArticleSchema = {
  $id: 'Article',
  type: 'object',
  description: 'An article as stored (without its text).',
  required: ['id', 'url', 'title', 'published', 'status'],
  properties: {
    id: int,
    url: nstr,
    original_url: nstr,
    title: nstr,
    published: ndate,
    language: nstr,
    source_id: nint,
    origin: nstr,
    external_id: nstr,
    attribution: nstr,
    content_hash: nstr,
    simhash: nstr,
    duplicate_of: nint,
    status: { type: 'string', enum: ['pending', 'extracted', 'duplicate', 'failed'] },
    error: nstr,
    fetch_status: nint,
    relevance: nnum,
    cause,
    hazard,
    doc_type: nstr,
    extractor_version: nstr,
    fact_count: nint,
    created_at: { ...int, description: 'milliseconds since 1970' },
    extracted_at: nint,
  },
} as const;

const factProperties = {
  id: int,
  article_id: int,
  term: { type: 'string', enum: [...TERMS] },
  figure: { ...nint, description: 'null for a vague quantity; `vague` then holds the words' },
  vague: str,
  range: { type: 'array', items: int, minItems: 2, maxItems: 2 },
  qualifier: {
    type: 'string',
    enum: ['exact', 'approximately', 'at_least', 'more_than', 'up_to', 'less_than'],
  },
  unit: { type: 'string', enum: ['people', 'households'] },
  people: {
    type: ['object', 'null'],
    required: ['count', 'household_size'],
    properties: { count: int, household_size: nnum },
  },
  cause,
  hazard,
  country: { ...nstr, description: 'ISO 3166-1 alpha-3' },
  origin: nstr,
  admin1: nstr,
  location: {
    type: ['object', 'null'],
    required: ['name', 'lat', 'lon'],
    properties: { name: str, lat: nnum, lon: nnum },
  },
  date: { $ref: 'FactDate#' },
  fact_date: { ...ndate, description: 'the date the figure is filed under' },
  stock_or_flow: { type: 'string', enum: ['stock', 'flow'] },
  span,
  quantity_span: span,
  term_span: span,
  evidence: str,
  confidence: { type: 'number', minimum: 0, maximum: 1 },
  reason: str,
  implied: { type: 'array', items: str },
  extractor_version: str,
  locations: { type: 'array', items: { $ref: 'Place#' } },
  review: {
    type: 'object',
    description:
      'present when a reviewer confirmed, corrected or rejected the figure (or rejected a syndicated copy of its sentence); the fields above then carry the corrections',
    required: ['id', 'status'],
    properties: {
      id: { ...int, description: 'the review (GET /api/reviews)' },
      status: { type: 'string', enum: ['confirmed', 'corrected', 'rejected'] },
      extracted: {
        type: 'object',
        description: 'the values the extractor read, where a correction replaced them',
      },
    },
  },
} as const;

const factRequired = [
  'id',
  'article_id',
  'term',
  'figure',
  'qualifier',
  'unit',
  'people',
  'cause',
  'hazard',
  'country',
  'location',
  'date',
  'stock_or_flow',
  'span',
  'evidence',
  'confidence',
  'reason',
] as const;

export const FactListItemSchema = {
  $id: 'FactListItem',
  type: 'object',
  description: 'A fact with the article it came from.',
  required: [...factRequired, 'article'],
  properties: {
    ...factProperties,
    article: {
      type: 'object',
      required: ['url', 'title', 'published', 'source'],
      properties: { url: nstr, title: nstr, published: ndate, source: nstr },
    },
  },
} as const;

export const FactPointSchema = {
  $id: 'FactPoint',
  type: 'object',
  description: 'A fact as a map draws it: GET /api/facts/{id} has the rest.',
  required: ['id', 'term', 'figure', 'people', 'country', 'lat', 'lon'],
  additionalProperties: false,
  properties: {
    id: int,
    term: factProperties.term,
    figure: factProperties.figure,
    people: { ...nint, description: 'people counted (households converted); null when unknown' },
    country: factProperties.country,
    lat: { ...nnum, description: 'of the place the fact is filed under; null when not placed' },
    lon: nnum,
  },
} as const;

export const FactDetailSchema = {
  $id: 'FactDetail',
  type: 'object',
  description: 'One fact with its evidence, its places and its article.',
  required: [...factRequired, 'article'],
  properties: { ...factProperties, article: { anyOf: [{ $ref: 'Article#' }, { type: 'null' }] } },
} as const;

export const ArticleFactSchema = {
  $id: 'ArticleFact',
  type: 'object',
  description: 'A fact of an article, with its places.',
  required: [...factRequired],
  properties: factProperties,
} as const;

export const ArticleDetailSchema = {
  $id: 'ArticleDetail',
  type: 'object',
  description: 'An article with its text and the facts read from it.',
  required: [...ArticleSchema.required, 'text', 'facts'],
  properties: {
    ...ArticleSchema.properties,
    text: str,
    facts: { type: 'array', items: { $ref: 'ArticleFact#' } },
  },
} as const;

export const FeedSchema = {
  $id: 'Feed',
  type: 'object',
  required: ['id', 'url', 'title', 'interval_s', 'next_poll_at', 'error_count', 'item_count'],
  properties: {
    id: int,
    url: str,
    title: nstr,
    interval_s: int,
    next_poll_at: { ...int, description: 'milliseconds since 1970' },
    last_polled_at: nint,
    last_status: nint,
    last_error: nstr,
    error_count: int,
    item_count: int,
    created_at: int,
  },
} as const;

/** Every named schema, registered on the app in this order (references point backwards). */
export const MODEL_SCHEMAS = [
  ErrorSchema,
  PlaceSchema,
  FactDateSchema,
  ArticleSchema,
  FactListItemSchema,
  FactPointSchema,
  FactDetailSchema,
  ArticleFactSchema,
  ArticleDetailSchema,
  FeedSchema,
];
