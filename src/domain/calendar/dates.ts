/**
 * Civil-date helpers shared by the calendar module. A date is a 'YYYY-MM-DD' string or a day
 * number (days since 1970-01-01), computed with UTC arithmetic only so that the machine's time
 * zone can never shift a date.
 */

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a proleptic Gregorian date; assumes the parts are already valid. */
export function dayNumberOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Day number of a 'YYYY-MM-DD' string.
 * @throws {RangeError} when the string is not a real calendar date.
 */
export function parseIsoDate(date: IsoDate): number {
  const match = DATE_RE.exec(date);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  const d = Number(match?.[3]);
  if (!match || !isValidYmd(y, m, d)) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${date}`);
  return dayNumberOf(y, m, d);
}

export function ymdOfDayNumber(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function formatDayNumber(day: number): IsoDate {
  const { y, m, d } = ymdOfDayNumber(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** @throws {RangeError} when the string is not a real calendar date. */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(parseIsoDate(date));
}

/** @throws {RangeError} when the string is not a real calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return formatDayNumber(parseIsoDate(date) + days);
}
