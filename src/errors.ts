// One catalogue of errors. Each names the input, what was wrong and how to fix it; the CLI
// maps `exitCode` to the process exit status and the API maps `status` to an HTTP status.

export type ErrorCode =
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_BINARY'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_EMPTY'
  | 'JSONL_INVALID'
  | 'DATE_INVALID'
  | 'FETCH_REFUSED'
  | 'FETCH_FAILED'
  | 'FEED_INVALID'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CONFIG_INVALID'
  | 'STORE_FAILED';

const STATUS: Record<ErrorCode, number> = {
  USAGE: 400,
  INPUT_NOT_FOUND: 404,
  INPUT_UNREADABLE: 400,
  INPUT_BINARY: 415,
  INPUT_TOO_LARGE: 413,
  INPUT_EMPTY: 400,
  JSONL_INVALID: 400,
  DATE_INVALID: 400,
  FETCH_REFUSED: 400,
  FETCH_FAILED: 502,
  FEED_INVALID: 422,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CONFIG_INVALID: 500,
  STORE_FAILED: 500,
};

export class DmonError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** 2 for usage errors, 1 for everything else, as the CLI contract says. */
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DmonError';
    this.code = code;
    this.status = STATUS[code];
    this.exitCode = code === 'USAGE' ? 2 : 1;
  }
}

export function isDmonError(e: unknown): e is DmonError {
  return e instanceof DmonError;
}
