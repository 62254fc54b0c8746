/**
 * Vietnamese personal and business identifiers: CCCD (citizen ID number), MST (tax code),
 * phone numbers, and masking for display. Pure functions, no I/O.
 *
 * Validators never throw: they return `{ ok: true, … }` with the normalised value, or
 * `{ ok: false, reason }` so the caller can show a precise message.
 */

import { nfc } from './text.ts';

// ---------------------------------------------------------------------------------------------
// CCCD — số định danh cá nhân / căn cước, 12 digits (Circular 07/2016/TT-BCA, later 59/2021
// and 17/2024/TT-BCA): PPP G YY NNNNNN, no check digit.
// ---------------------------------------------------------------------------------------------

/**
 * Province codes in the first 3 digits of a CCCD: the 63 provinces as they stood before the
 * 2025 merger. They follow the national administrative-division codes (Decision 124/2004/QĐ-TTg)
 * with a leading 0, hence the gaps (003, 005, 007, … are unused). After 1 July 2025 each of the
 * 34 merged provinces kept one of these codes (Phú Thọ keeps 025; Vĩnh Phúc 026 and Hòa Bình 017
 * are now part of it), and numbers already issued are kept for life, so this pre-2025 set stays
 * the set of codes that can appear.
 */
export const CCCD_PROVINCE_CODES = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
} as const satisfies Record<string, string>;

export type CccdProvinceCode = keyof typeof CCCD_PROVINCE_CODES;
export type Gender = 'male' | 'female';

export type CccdResult =
  | {
      ok: true;
      /** The 12 digits, spaces removed. */
      normalized: string;
      provinceCode: CccdProvinceCode;
      provinceName: string;
      gender: Gender;
      birthYear: number;
    }
  | { ok: false; reason: 'format' | 'province' | 'birth_year_mismatch' | 'gender_mismatch' };

function isProvinceCode(code: string): code is CccdProvinceCode {
  return Object.hasOwn(CCCD_PROVINCE_CODES, code);
}

/**
 * Validates a 12-digit CCCD number: province code, gender/century digit, birth year, and
 * (when given) consistency with the birth year and gender the applicant stated.
 * Whitespace anywhere is ignored ("025 090 001 234" is accepted); any other non-digit is not.
 */
export function validateCccd(
  value: string,
  opts: { birthYear?: number; gender?: Gender } = {},
): CccdResult {
  const digits = value.replace(/\s+/g, '');
  if (!/^\d{12}$/.test(digits)) return { ok: false, reason: 'format' };

  const provinceCode = digits.slice(0, 3);
  if (!isProvinceCode(provinceCode)) return { ok: false, reason: 'province' };

  // 4th digit: even = male, odd = female; 0/1 → 1900s, 2/3 → 2000s, … 8/9 → 2300s.
  const genderCentury = Number(digits[3]);
  const gender: Gender = genderCentury % 2 === 0 ? 'male' : 'female';
  const century = 1900 + Math.floor(genderCentury / 2) * 100;
  const birthYear = century + Number(digits.slice(4, 6));

  if (opts.birthYear !== undefined && opts.birthYear !== birthYear) {
    return { ok: false, reason: 'birth_year_mismatch' };
  }
  if (opts.gender !== undefined && opts.gender !== gender) {
    return { ok: false, reason: 'gender_mismatch' };
  }
  return {
    ok: true,
    normalized: digits,
    provinceCode,
    provinceName: CCCD_PROVINCE_CODES[provinceCode],
    gender,
    birthYear,
  };
}

// ---------------------------------------------------------------------------------------------
// MST — mã số thuế: 10 digits (enterprise) or 10 + 3 (branch / dependent unit, NNNNNNNNNN-NNN).
// ---------------------------------------------------------------------------------------------

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type MstResult =
  | {
      ok: true;
      kind: 'enterprise' | 'branch';
      /** The 10-digit base code (the enterprise's own MST). */
      base: string;
      /** Canonical form: `NNNNNNNNNN` or `NNNNNNNNNN-NNN`. */
      normalized: string;
    }
  | { ok: false; reason: 'format' | 'checksum' };

/**
 * The check digit for the first 9 digits of an MST, or null when none exists
 * (sum mod 11 = 0 gives 10 − 0 = 10, which is not a digit, so no valid MST has that prefix).
 */
export function mstCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) return null;
  let sum = 0;
  MST_WEIGHTS.forEach((w, i) => {
    sum += w * Number(first9[i]);
  });
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/** Validates a tax code: 10 digits with a valid check digit, optionally `-NNN` (001–999). */
export function validateMst(value: string): MstResult {
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(value.trim());
  if (!m) return { ok: false, reason: 'format' };
  const base = m[1] ?? '';
  const suffix = m[2];
  if (suffix === '000') return { ok: false, reason: 'format' };
  if (mstCheckDigit(base.slice(0, 9)) !== Number(base[9])) return { ok: false, reason: 'checksum' };
  return suffix === undefined
    ? { ok: true, kind: 'enterprise', base, normalized: base }
    : { ok: true, kind: 'branch', base, normalized: `${base}-${suffix}` };
}

// ---------------------------------------------------------------------------------------------
// Phone numbers (numbering plan after the 2018 mobile and landline conversions).
// ---------------------------------------------------------------------------------------------

export type PhoneResult =
  | { ok: true; normalized: string; kind: 'mobile' | 'landline' }
  | { ok: false };

/**
 * Validates a Vietnamese phone number and normalises it to the domestic `0…` form.
 * Accepts `0…`, `+84…`, `84…` (and the common `+840…` slip), with spaces, dots, hyphens or
 * parentheses as separators. Mobile: `0` + 9 digits with prefix 03/05/07/08/09. Landline:
 * `02` + 9 digits (area code 02x/02xx plus subscriber number, 11 digits in all).
 */
export function validateVnPhone(value: string): PhoneResult {
  const compact = value.trim().replace(/[\s.\-()]/g, '');
  const m = /^(?:\+?84)0?(\d{9,10})$/.exec(compact) ?? /^0(\d{9,10})$/.exec(compact);
  if (!m) return { ok: false };
  const normalized = `0${m[1] ?? ''}`;
  if (/^0[35789]\d{8}$/.test(normalized)) return { ok: true, normalized, kind: 'mobile' };
  if (/^02\d{9}$/.test(normalized)) return { ok: true, normalized, kind: 'landline' };
  return { ok: false };
}

// ---------------------------------------------------------------------------------------------
// Masking for display (Decree 13/2023: ID numbers and phone numbers are personal data).
// ---------------------------------------------------------------------------------------------

/**
 * "Nguyễn Văn An" → "N***** V** A*": first letter of each word kept, every other character
 * replaced by `*`, one per character (counted in NFC code points, so "ễ" is one). Empty → "".
 */
export function maskName(fullName: string): string {
  const name = nfc(fullName);
  if (name === '') return '';
  return name
    .split(' ')
    .map((word) => {
      const chars = Array.from(word);
      return (chars[0] ?? '') + '*'.repeat(chars.length - 1);
    })
    .join(' ');
}

function maskAllBut(value: string, visible: number): string {
  const chars = Array.from(value);
  // A value this short would be shown whole; hide it all instead.
  if (chars.length <= visible) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - visible) + chars.slice(-visible).join('');
}

/**
 * `0912345678` → `******5678` (last 4 shown). A valid number is first normalised, so
 * `+84 912 345 678` masks the same way; anything else is masked as typed, spaces removed.
 */
export function maskPhone(phone: string): string {
  const r = validateVnPhone(phone);
  return maskAllBut(r.ok ? r.normalized : phone.replace(/\s+/g, ''), 4);
}

/** `025090001234` → `*********234` (last 3 shown); works for CCCD, MST or any ID string. */
export function maskIdNumber(id: string): string {
  return maskAllBut(id.replace(/\s+/g, ''), 3);
}
