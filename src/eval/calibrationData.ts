// The shipped calibration map (data/calibration.json, written by scripts/fit-calibration.mjs),
// read once.
import { readFileSync } from 'node:fs';
import { DmonError } from '../errors.js';
import type { CalibrationMap } from './calibrate.js';

const URL_ = new URL('../../data/calibration.json', import.meta.url);
let cached: CalibrationMap | undefined;

export function shippedCalibration(): CalibrationMap {
  if (cached) return cached;
  let map: CalibrationMap;
  try {
    map = JSON.parse(readFileSync(URL_, 'utf8')) as CalibrationMap;
  } catch (e) {
    throw new DmonError(
      'CONFIG_INVALID',
      `cannot read the calibration map ${URL_.pathname}: ${(e as Error).message}; rebuild it with node scripts/fit-calibration.mjs`,
      { cause: e },
    );
  }
  const ok =
    map.method === 'isotonic' &&
    Array.isArray(map.x) &&
    Array.isArray(map.y) &&
    map.x.length === map.y.length &&
    map.x.every((v, i) => typeof v === 'number' && (i === 0 || v > map.x[i - 1]!)) &&
    map.y.every((v, i) => typeof v === 'number' && v >= 0 && v <= 1 && (i === 0 || v >= map.y[i - 1]!));
  if (!ok)
    throw new DmonError(
      'CONFIG_INVALID',
      `${URL_.pathname} is not an isotonic map (x increasing, y non-decreasing in 0..1); rebuild it with node scripts/fit-calibration.mjs`,
    );
  return (cached = map);
}
