import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseDate } from './date.js';

const ROWS: [string | null | undefined, string | null][] = [
  ['2024-03-05', '2024-03-05'],
  ['2024-03-05T23:30:00-05:00', '2024-03-05'],
  ['2024-03-05T01:00:00+09:00', '2024-03-05'],
  ['2024-03-05T10:00:00.000Z', '2024-03-05'],
  ['20240305', '2024-03-05'],
  ['2024/3/5', '2024-03-05'],
  ['2024.03.05', '2024-03-05'],
  ["D:20230415120000+02'00'", '2023-04-15'],
  ['D:2023', '2023-01-01'],
  ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05'],
  ['Tue, 05 Mar 2024 23:30:00 -0500', '2024-03-05'],
  ['5 March 2024 08:00 +1000', '2024-03-05'],
  ['31 Feb 2024 10:00:00 GMT', null],
  ['March 5, 2024', '2024-03-05'],
  // negatives
  ['2023-02-29', null],
  ['2024-13-01', null],
  ['1066-10-14', null],
  ['2024', null],
  ['yesterday', null],
  ['May 3', null],
  ['Tuesday 5 March', null],
  ['', null],
  [null, null],
  [undefined, null],
  ['x'.repeat(500), null],
];

for (const [input, expected] of ROWS) {
  test(`normaliseDate(${JSON.stringify(input)?.slice(0, 40)}) → ${expected}`, () => {
    assert.equal(normaliseDate(input), expected);
  });
}
