// Quick checks in the browser so people learn of a typo before sending; the server has the
// final word (province codes, MST check digit, birth-year consistency) and its message is shown.

/** CCCD: exactly 12 digits (spaces allowed while typing). */
export function isCccd(value: string): boolean {
  return /^\d{12}$/.test(value.replace(/\s+/g, ''));
}

/** MST: 10 digits, or 13 for a branch (written `0101234567-001` or without the hyphen). */
export function isMst(value: string): boolean {
  return /^\d{10}(?:-?\d{3})?$/.test(value.trim());
}

/** A Vietnamese phone number: mobile 0 + 9 digits, landline 02 + 9 digits; +84 accepted. */
export function normalizePhone(value: string): string {
  const compact = value.trim().replace(/[\s.\-()]/g, '');
  const m = /^(?:\+?84)0?(\d{9,10})$/.exec(compact);
  return m ? `0${m[1]}` : compact;
}
export function isPhone(value: string): boolean {
  const p = normalizePhone(value);
  return /^0[35789]\d{8}$/.test(p) || /^02\d{9}$/.test(p);
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
