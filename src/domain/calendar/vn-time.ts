/**
 * Vietnam time (UTC+7, no daylight saving since 1975) done as fixed-offset arithmetic on UTC
 * milliseconds, so the server's own time zone never matters.
 */
import { formatDayNumber, parseIsoDate, type IsoDate } from './dates.ts';
import { minutesOfClock, type ClockTime } from './rules.ts';

export const VN_OFFSET_MS = 7 * 3_600_000;
export const MS_PER_DAY = 86_400_000;
const CLOCK_WITH_SECONDS_RE = /^(\d{2}:\d{2})(?::([0-5]\d))?$/;

/**
 * Milliseconds since the epoch, refusing an Invalid Date.
 * @throws {RangeError} for an Invalid Date.
 */
export function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** Day number (days since 1970-01-01) of the Vietnam calendar date of an instant. */
export function vnDayNumberOfMs(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY);
}

/** The UTC instant (ms) at which a Vietnam calendar day begins. */
export function vnDayStartMs(day: number): number {
  return day * MS_PER_DAY - VN_OFFSET_MS;
}

/**
 * The Vietnam calendar date of an instant, 'YYYY-MM-DD'.
 * @throws {RangeError} for an Invalid Date.
 */
export function vnDateOf(instant: Date): IsoDate {
  return formatDayNumber(vnDayNumberOfMs(instantMs(instant)));
}

/**
 * ISO 8601 in Vietnam time with seconds precision (milliseconds dropped), e.g.
 * '2026-01-15T08:30:00+07:00', as Decree 30/2020 asks for signing times.
 * @throws {RangeError} for an Invalid Date.
 */
export function formatVn(instant: Date): string {
  const shifted = new Date(instantMs(instant) + VN_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/**
 * The instant of a Vietnam wall-clock date and time: parseLocalVn('2026-01-15', '07:00').
 * @throws {RangeError} when the date is not 'YYYY-MM-DD' or the time not 'HH:mm[:ss]'.
 */
export function parseLocalVn(date: IsoDate, time: ClockTime = '00:00'): Date {
  const match = CLOCK_WITH_SECONDS_RE.exec(time);
  if (!match || match[1] === undefined) throw new RangeError(`Not a valid time (HH:mm[:ss]): ${time}`);
  const minutes = minutesOfClock(match[1]);
  const seconds = Number(match[2] ?? 0);
  return new Date(vnDayStartMs(parseIsoDate(date)) + minutes * 60_000 + seconds * 1000);
}
