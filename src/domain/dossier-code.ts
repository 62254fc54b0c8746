/**
 * Dossier codes (Circular 01/2018/TT-VPCP Art. 19): `<agency electronic ID>-<YYMMDD>-<NNNN>`,
 * e.g. `000.17.22.H56-260115-0007` — receiving agency, the date received (Vietnam time), and a
 * sequence per agency per day. Pure functions; the sequence itself is allocated by the caller.
 */

/** Vietnam is UTC+7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const UNIT_CODE = /^[A-Z0-9]{1,8}(?:\.[A-Z0-9]{1,8}){1,5}$/;
const DOSSIER_CODE = /^([A-Z0-9]{1,8}(?:\.[A-Z0-9]{1,8}){1,5})-(\d{2})(\d{2})(\d{2})-(\d{4}|[1-9]\d{4,})$/;

/**
 * An agency electronic ID (Decision 20/2020/QĐ-TTg): 2–6 dot-separated groups of 1–8 uppercase
 * letters or digits, e.g. `000.17.22.H56`, `000.00.00.H56`, `DEMO.07894.H25`.
 */
export function isValidUnitCode(code: string): boolean {
  return UNIT_CODE.test(code);
}

/** The Vietnam (UTC+7) calendar date of an instant, whatever the machine's time zone. */
export function vietnamDateParts(instant: Date): { year: number; month: number; day: number } {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Builds a dossier code. The sequence is zero-padded to 4 digits; an agency that receives more
 * than 9,999 dossiers in a day gets a 5-digit (or longer) sequence rather than a wrapped or
 * reused one, since codes must be unique.
 *
 * @throws RangeError if `unitCode` is not a valid agency ID, `receivedAt` is not a valid date
 *   or falls outside 2000–2099 (Vietnam time; YY could not say which century), or `seq` is not
 *   an integer ≥ 1.
 */
export function formatDossierCode(unitCode: string, receivedAt: Date, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Invalid sequence: ${seq}`);
  return `${dossierCodePrefix(unitCode, receivedAt)}${pad(seq, SEQUENCE_WIDTH)}`;
}

/** The sequence's minimum width: shorter sequences are zero-padded, longer ones kept whole. */
export const SEQUENCE_WIDTH = 4;

/**
 * A dossier code up to its sequence (`<agency>-<YYMMDD>-`), for a caller that appends the
 * sequence where it is allocated (the database, in the same statement).
 * @throws RangeError as formatDossierCode does for the unit code and the date.
 */
export function dossierCodePrefix(unitCode: string, receivedAt: Date): string {
  if (!isValidUnitCode(unitCode)) throw new RangeError(`Invalid unit code: ${unitCode}`);
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('Invalid receivedAt date');
  const { year, month, day } = vietnamDateParts(receivedAt);
  if (year < 2000 || year > 2099) throw new RangeError(`Year out of range: ${year}`);
  return `${unitCode}-${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}-`;
}

export interface ParsedDossierCode {
  unitCode: string;
  /** The Vietnam date received, `YYYY-MM-DD` (YY is read as 20YY). */
  date: string;
  seq: number;
}

/**
 * Parses a dossier code, or returns null if it is not one. Surrounding spaces and lower case
 * are tolerated (citizens type codes into the tracking page); the date must exist in the
 * calendar; the sequence must be 0001–9999 or, past that, written without leading zeros, so
 * each dossier has exactly one spelling.
 */
export function parseDossierCode(code: string): ParsedDossierCode | null {
  const m = DOSSIER_CODE.exec(code.trim().toUpperCase());
  if (!m) return null;
  const [, unitCode = '', yy = '', mm = '', dd = '', seqText = ''] = m;
  const year = 2000 + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const seq = Number(seqText);
  if (seq < 1 || !Number.isSafeInteger(seq)) return null;
  return { unitCode, date: `${year}-${mm}-${dd}`, seq };
}
