// Webhook signatures: HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret, sent as
// `X-Dmon-Signature: sha256=<hex>` beside `X-Dmon-Timestamp: <unix seconds>`. Signing the
// timestamp with the body lets a receiver refuse a replayed request.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-dmon-signature';
export const TIMESTAMP_HEADER = 'x-dmon-timestamp';

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver runs: true when the signature matches and is at most `toleranceS` old. */
export function verifySignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  options: { toleranceS?: number; now?: number } = {},
): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - ts) > (options.toleranceS ?? 300)) return false;
  const expected = Buffer.from(sign(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
