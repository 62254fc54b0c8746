/**
 * Sign-in with the national identity (VNeID through OpenID Connect): which claims may link a
 * sign-in to a citizen record. Pure, no I/O. Only a VERIFIED ID-number claim that agrees with the
 * rest of what the provider says (birth date, gender, name) and with the record links; anything
 * else links nothing, and the person is told why.
 */
import { identityMismatches, type IdentityField, type PersonFacts } from './applicant-identity.ts';
import { validateCccd, type Gender } from './identifiers.ts';

/** What the provider said about the person, read from the ID token and the userinfo answer. */
export interface IdentityClaims {
  idNumber: string | null;
  idNumberVerified: boolean;
  fullName: string | null;
  birthYear: number | null;
  gender: Gender | null;
}

export type LinkDecision =
  | { ok: true; cccd: string; birthYear: number; gender: Gender }
  | { ok: false; reason: 'unverified' }
  | { ok: false; reason: 'mismatch'; fields: (IdentityField | 'idNumber')[] };

/** Reads the claims the settings name (OIDC_ID_NUMBER_CLAIM, OIDC_ID_VERIFIED_CLAIM) and the standard ones. */
export function readClaims(raw: Record<string, unknown>, names: { idNumber: string; verified: string }): IdentityClaims {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const birthdate = str(raw.birthdate);
  const year = birthdate && /^\d{4}(-\d\d-\d\d)?$/.test(birthdate) ? Number(birthdate.slice(0, 4)) : null;
  const gender = str(raw.gender)?.toLowerCase();
  const verified = raw[names.verified];
  return {
    idNumber: str(raw[names.idNumber]),
    idNumberVerified: verified === true || verified === 'true',
    fullName: str(raw.name),
    birthYear: year,
    gender: gender === 'male' || gender === 'nam' ? 'male' : gender === 'female' || gender === 'nu' || gender === 'nữ' ? 'female' : null,
  };
}

/**
 * Whether the claims may link to (or create) the citizen record of their ID number.
 * - no ID number, or one the provider does not say it verified: `unverified`;
 * - a number that is not a CCCD, or whose encoded birth year or gender contradicts the provider's: `mismatch` (idNumber);
 * - a person signed in here as another CCCD: `mismatch` (idNumber) — one person does not take another's record;
 * - a record whose name, birth year or gender differs from the provider's: `mismatch` (those fields).
 */
export function decideLink(claims: IdentityClaims, record: PersonFacts | null, signedInCccd: string | null): LinkDecision {
  if (!claims.idNumber || !claims.idNumberVerified) return { ok: false, reason: 'unverified' };
  const c = validateCccd(claims.idNumber, { ...(claims.birthYear !== null ? { birthYear: claims.birthYear } : {}), ...(claims.gender ? { gender: claims.gender } : {}) });
  if (!c.ok) return { ok: false, reason: 'mismatch', fields: ['idNumber'] };
  if (signedInCccd !== null && signedInCccd !== c.normalized) return { ok: false, reason: 'mismatch', fields: ['idNumber'] };
  if (record) {
    const wrong = identityMismatches(record, { ...(claims.fullName ? { fullName: claims.fullName } : {}), birthYear: c.birthYear, gender: c.gender });
    if (wrong.length) return { ok: false, reason: 'mismatch', fields: wrong };
  }
  return { ok: true, cccd: c.normalized, birthYear: c.birthYear, gender: c.gender };
}

/** Only a path of this site may be returned to after signing in. */
export function safeReturnTo(v: string | null | undefined): string | null {
  if (!v || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return null;
  return v.slice(0, 500);
}
