// Checks in the browser so people learn of a typo before sending. CCCD, MST and phone numbers
// use the very validators the server uses (src/domain/identifiers.ts): province code, birth
// century, MST check digit; the server still has the final word and its message is shown.
import { validateCccd, validateMst, validateVnPhone } from '@domain/identifiers.ts';

/** CCCD: 12 digits with a real province code and a valid gender/century digit (spaces allowed while typing). */
export function isCccd(value: string): boolean {
  return validateCccd(value).ok;
}

/** MST: 10 digits with a valid check digit, or 13 for a branch (`0101234567-001` or without the hyphen). */
export function isMst(value: string): boolean {
  return validateMst(value).ok;
}

/** A Vietnamese phone number in its domestic `0…` form; what cannot be read as one is returned compacted. */
export function normalizePhone(value: string): string {
  const r = validateVnPhone(value);
  return r.ok ? r.normalized : value.trim().replace(/[\s.\-()]/g, '');
}
export function isPhone(value: string): boolean {
  return validateVnPhone(value).ok;
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

/** The login field accepts a staff username, a CCCD or an MST; digits only means ID or MST. */
export function loginProblem(value: string): 'blank' | 'digits' | null {
  const v = value.trim();
  if (!v) return 'blank';
  const compact = v.replace(/[\s-]/g, '');
  if (/^\d+$/.test(compact) && ![10, 12, 13].includes(compact.length)) return 'digits';
  return null;
}

/** An RFC 4122 v4 id; crypto.randomUUID needs a secure context, which a LAN demo may lack. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
