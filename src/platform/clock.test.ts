import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seoulDate, seoulDateTime, seoulDateTimeFromTzdb } from './clock.ts';

test('Korean dates and times agree with the time-zone database, summer time of 1987–88 included', () => {
  const instants = [
    '1987-05-10T01:30:00Z', // summer time: +10:00
    '1988-10-08T15:30:00Z', // the last evening of summer time
    '1988-10-09T16:00:00Z', // the first day of +09:00 for good
    '1999-12-31T15:00:00Z', // midnight into 2000 in Seoul
    '2024-02-28T15:30:00Z', // leap day in Seoul
    '2026-11-27T14:59:59Z', // a minute before midnight
    '2026-11-27T15:00:00Z', // midnight
  ].map((s) => new Date(s));
  // And a year of instants every 7 hours 13 minutes, to cross every hour and day boundary.
  for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); ) {
    instants.push(new Date(t));
    t += (7 * 60 + 13) * 60_000;
  }
  for (const instant of instants) {
    const want = seoulDateTimeFromTzdb(instant);
    assert.equal(seoulDateTime(instant), want, instant.toISOString());
    assert.equal(seoulDate(instant), want.slice(0, 10), instant.toISOString());
  }
});
