/**
 * Vietnamese lunisolar calendar, implemented from the astronomical method described by
 * Hồ Ngọc Đức ("Thuật toán tính âm lịch"): months start on the day (at UTC+7) of an
 * astronomical new moon; the month containing the winter solstice is month 11; a lunar year
 * with 13 months repeats the first month after month 11 that contains no major solar term
 * (a 30° step of the sun's longitude) as a leap month.
 *
 * New moons use the truncated series from Meeus, "Astronomical Algorithms"; the sun's
 * longitude uses the low-precision formula from the same book. Good for roughly 1800–2199;
 * the Vietnamese calendar differs from the Chinese one (UTC+8) in some years, e.g. Tết 1985
 * and 2007, which is why the time zone is a parameter of every step.
 */
import { dayNumberOf, isValidYmd, ymdOfDayNumber } from './dates.ts';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True for the repeated (leap, "nhuận") month. */
  leap: boolean;
}

export interface SolarDate {
  y: number;
  m: number;
  d: number;
}

/** Vietnam has used UTC+7 for the calendar; kept as a constant, not configuration. */
const VN_TIME_ZONE = 7;
const JD_UNIX_EPOCH = 2_440_588; // Julian day number of 1970-01-01
const JD_1900_NEW_MOON = 2_415_021.076998695; // a new moon near 1900-01-01, Meeus' k = 0
const SYNODIC_MONTH = 29.530588853;
const DR = Math.PI / 180;
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

const jdOf = (y: number, m: number, d: number): number => dayNumberOf(y, m, d) + JD_UNIX_EPOCH;

/** Julian day (fractional, TT≈UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900-01-01 noon
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // argument of latitude
  // Periodic corrections, each term with its own sign (Meeus' 1900-epoch series).
  const c1 =
    (0.1734 - 0.000393 * T) * Math.sin(M * DR) +
    0.0021 * Math.sin(2 * M * DR) -
    0.4068 * Math.sin(Mpr * DR) +
    0.0161 * Math.sin(2 * Mpr * DR) -
    0.0004 * Math.sin(3 * Mpr * DR) +
    0.0104 * Math.sin(2 * F * DR) -
    0.0051 * Math.sin((M + Mpr) * DR) -
    0.0074 * Math.sin((M - Mpr) * DR) +
    0.0004 * Math.sin((2 * F + M) * DR) -
    0.0004 * Math.sin((2 * F - M) * DR) -
    0.0006 * Math.sin((2 * F + Mpr) * DR) +
    0.001 * Math.sin((2 * F - Mpr) * DR) +
    0.0005 * Math.sin((2 * Mpr + M) * DR);
  // ΔT (TT − UT) in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, [0, 2π), at a fractional Julian day. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2_451_545.0) / 36_525; // Julian centuries from J2000
  const T2 = T * T;
  const M = 357.5291 + 35_999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36_000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  dl += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const l = (L0 + dl) * DR;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** Day number (Julian) on which the k-th new moon falls in the given zone. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/** Which 30° sector (0..11) the sun is in at the start of a local day; 0 = from spring equinox. */
function sunSector(jd: number, tz: number): number {
  return Math.floor((sunLongitude(jd - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Julian day of the start of lunar month 11 (the one holding the winter solstice) of year y. */
function lunarMonth11(y: number, tz: number): number {
  const off = jdOf(y, 12, 31) - 2_415_021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  // Sector ≥ 9 means the sun already passed 270° (solstice) at that new moon: month 11 began
  // one lunation earlier.
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/**
 * For a 13-month lunar year starting at month 11 on day a11, the index (1..12) of the first
 * month after it that holds no major solar term, i.e. the leap month.
 */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - JD_1900_NEW_MOON) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function assertYearInRange(y: number): void {
  if (y < MIN_YEAR || y > MAX_YEAR) {
    throw new RangeError(`Lunar conversion supports years ${MIN_YEAR}–${MAX_YEAR}, got ${y}`);
  }
}

/**
 * Converts a Gregorian date to the Vietnamese lunar date.
 * @throws {RangeError} when the date is invalid or outside 1800–2199.
 */
export function solarToLunar(y: number, m: number, d: number): LunarDate {
  if (!isValidYmd(y, m, d)) throw new RangeError(`Not a valid date: ${y}-${m}-${d}`);
  assertYearInRange(y);
  const tz = VN_TIME_ZONE;
  const dayNumber = jdOf(y, m, d);
  const k = Math.floor((dayNumber - JD_1900_NEW_MOON) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);

  let a11 = lunarMonth11(y, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = y;
    a11 = lunarMonth11(y - 1, tz);
  } else {
    lunarYear = y + 1;
    b11 = lunarMonth11(y + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29); // lunations since month 11
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 before the new year belong to the previous lunar year.
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date, or null when that lunar date does
 * not exist (a leap month the year does not have, or day 30 of a 29-day month).
 * @throws {RangeError} when the numbers are out of range (day 1–30, month 1–12, 1800–2199).
 */
export function lunarToSolar(
  lunarDay: number,
  lunarMonth: number,
  lunarYear: number,
  leap = false,
): SolarDate | null {
  const valid =
    Number.isInteger(lunarDay) && Number.isInteger(lunarMonth) && Number.isInteger(lunarYear);
  if (!valid || lunarDay < 1 || lunarDay > 30 || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`Not a valid lunar date: ${lunarDay}/${lunarMonth}/${lunarYear}`);
  }
  // Month 11 of the previous lunar year may start in the previous Gregorian year.
  assertYearInRange(lunarYear);
  assertYearInRange(lunarYear + 1);
  const tz = VN_TIME_ZONE;
  let a11: number;
  let b11: number;
  if (lunarMonth < 11) {
    a11 = lunarMonth11(lunarYear - 1, tz);
    b11 = lunarMonth11(lunarYear, tz);
  } else {
    a11 = lunarMonth11(lunarYear, tz);
    b11 = lunarMonth11(lunarYear + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - JD_1900_NEW_MOON) / SYNODIC_MONTH);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && lunarMonth !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, tz);
  const solar = ymdOfDayNumber(monthStart + lunarDay - 1 - JD_UNIX_EPOCH);
  // Day 30 of a 29-day month lands on day 1 of the next month: say it does not exist.
  const back = solarToLunar(solar.y, solar.m, solar.d);
  const same =
    back.day === lunarDay && back.month === lunarMonth && back.year === lunarYear && back.leap === leap;
  return same ? solar : null;
}
