import { describe, expect, it } from 'vitest';
import { documentState, judgeFile, type FileCheck, type FileVerdict } from './signed-document.ts';

const HASH = 'a'.repeat(64);
const UNIT_CERT = 'c'.repeat(64);
const OLD_UNIT_CERT = 'd'.repeat(64);
const OTHER_CERT = 'e'.repeat(64);
const issued = (state: 'valid' | 'revoked' | 'expired' = 'valid') => ({ sha256: HASH, state, issuerCertificates: [UNIT_CERT, OLD_UNIT_CERT] });
const file = (sha256: string, present: boolean, intact: boolean, coversWholeFile: boolean, certificate: string | null): FileCheck => ({
  sha256,
  signature: { present, intact, coversWholeFile, certificate },
});

describe('documentState', () => {
  const now = new Date('2026-03-05T09:00:00+07:00');
  it.each([
    ['in force, no end date', null, null, 'valid'],
    ['revoked yesterday', '2026-03-04T09:00:00+07:00', null, 'revoked'],
    ['revocation recorded for later (not yet)', '2026-03-06T09:00:00+07:00', null, 'valid'],
    ['expired at 09:00 today', null, '2026-03-05T09:00:00+07:00', 'expired'],
    ['valid until next year', null, '2027-03-05T00:00:00+07:00', 'valid'],
    ['revoked and expired: revoked', '2026-01-01T00:00:00+07:00', '2026-02-01T00:00:00+07:00', 'revoked'],
  ] as const)('%s → %s', (_name, revokedAt, validUntil, expected) => {
    expect(documentState({ revokedAt: revokedAt ? new Date(revokedAt) : null, validUntil: validUntil ? new Date(validUntil) : null }, now)).toBe(expected);
  });
});

describe('judgeFile: what the verification page says of a file handed in', () => {
  const cases: [string, ReturnType<typeof issued>, FileCheck, FileVerdict, boolean, boolean][] = [
    ['the file issued, in force', issued(), file(HASH, true, true, true, UNIT_CERT), 'genuine', true, true],
    ['the file issued, signed with the unit’s previous certificate', issued(), file(HASH, true, true, true, OLD_UNIT_CERT), 'genuine', true, true],
    ['the file issued, revoked since', issued('revoked'), file(HASH, true, true, true, UNIT_CERT), 'genuine_not_in_force', true, true],
    ['the file issued, expired', issued('expired'), file(HASH, true, true, true, UNIT_CERT), 'genuine_not_in_force', true, true],
    ['one byte changed in the signed content', issued(), file('b'.repeat(64), true, false, true, UNIT_CERT), 'altered', false, false],
    ['a page appended after signing', issued(), file('b'.repeat(64), true, true, false, UNIT_CERT), 'altered', false, false],
    ['another document the unit signed', issued(), file('b'.repeat(64), true, true, true, UNIT_CERT), 'other_document', false, true],
    ['a document signed by someone else', issued(), file('b'.repeat(64), true, true, true, OTHER_CERT), 'other_document', false, false],
    ['a scan of the print-out (no signature)', issued(), file('b'.repeat(64), false, false, false, null), 'unsigned', false, false],
  ];
  it.each(cases)('%s', (_name, record, check, verdict, sameFile, signedByIssuer) => {
    const j = judgeFile(record, check);
    expect(j.verdict).toBe(verdict);
    expect(j.sameFile).toBe(sameFile);
    expect(j.signedByIssuer).toBe(signedByIssuer);
  });

  it('upper-case hex in the record compares equal', () => {
    expect(judgeFile({ ...issued(), sha256: HASH.toUpperCase() }, file(HASH, true, true, true, UNIT_CERT)).verdict).toBe('genuine');
  });
});
