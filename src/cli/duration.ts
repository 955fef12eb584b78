// "15m", "1h", "30s", "2d", "90" (seconds) → milliseconds.
import { DmonError } from '../errors.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string, name = 'duration'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
  const ms = m ? Number(m[1]) * UNITS[(m[2] || 's').toLowerCase()]! : NaN;
  if (!Number.isFinite(ms) || ms < 1000 || ms > 30 * 86_400_000)
    throw new DmonError(
      'USAGE',
      `${name} ${JSON.stringify(text)} is not a duration between 1s and 30d; write e.g. 90s, 15m, 1h, 1d.`,
    );
  return ms;
}
