import { describe, expect, it } from 'vitest';
import { decideLink, readClaims, safeReturnTo, type IdentityClaims } from './national-identity.ts';

const AN: IdentityClaims = { idNumber: '025090001234', idNumberVerified: true, fullName: 'Nguyễn Văn An', birthYear: 1990, gender: 'male' };
const RECORD = { fullName: 'Nguyễn Văn An', birthYear: 1990, gender: 'male' as const };

describe('which claims link to a citizen record', () => {
  it.each([
    ['verified, matching the record', AN, RECORD, null, { ok: true, cccd: '025090001234', birthYear: 1990, gender: 'male' }],
    ['verified, no record yet (one is created)', AN, null, null, { ok: true, cccd: '025090001234', birthYear: 1990, gender: 'male' }],
    ['the name written with the other tone placement', { ...AN, fullName: 'NGUYỄN  VĂN AN' }, RECORD, null, { ok: true, cccd: '025090001234', birthYear: 1990, gender: 'male' }],
    ['not verified', { ...AN, idNumberVerified: false }, RECORD, null, { ok: false, reason: 'unverified' }],
    ['no ID number', { ...AN, idNumber: null }, RECORD, null, { ok: false, reason: 'unverified' }],
    ['not a CCCD', { ...AN, idNumber: '12345' }, null, null, { ok: false, reason: 'mismatch', fields: ['idNumber'] }],
    ['digits say 1990, the provider says 1991', { ...AN, birthYear: 1991 }, null, null, { ok: false, reason: 'mismatch', fields: ['idNumber'] }],
    ['digits say male, the provider says female', { ...AN, gender: 'female' }, null, null, { ok: false, reason: 'mismatch', fields: ['idNumber'] }],
    ['another person on the record (name)', { ...AN, fullName: 'Nguyễn Văn Ân' }, RECORD, null, { ok: false, reason: 'mismatch', fields: ['fullName'] }],
    ['signed in here as another CCCD', AN, RECORD, '025195004321', { ok: false, reason: 'mismatch', fields: ['idNumber'] }],
    ['signed in here as the same CCCD (linking)', AN, RECORD, '025090001234', { ok: true, cccd: '025090001234', birthYear: 1990, gender: 'male' }],
  ] as const)('%s', (_, claims, record, signedIn, expected) => {
    expect(decideLink(claims as IdentityClaims, record, signedIn)).toEqual(expected);
  });
});

describe('reading the provider\'s claims', () => {
  it('the configured claim names, OIDC birthdate and gender, "true" as a string', () => {
    expect(readClaims({ sub: 's', so_dinh_danh: ' 025090001234 ', da_xac_thuc: 'true', name: 'Nguyễn Văn An', birthdate: '1990-05-14', gender: 'male' }, { idNumber: 'so_dinh_danh', verified: 'da_xac_thuc' })).toEqual(AN);
    expect(readClaims({ id_number: '025090001234', birthdate: '1990', gender: 'Nữ' }, { idNumber: 'id_number', verified: 'id_number_verified' })).toEqual({
      idNumber: '025090001234',
      idNumberVerified: false,
      fullName: null,
      birthYear: 1990,
      gender: 'female',
    });
  });
  it('returns only to a path of this site', () => {
    expect(safeReturnTo('/ho-so-cua-toi')).toBe('/ho-so-cua-toi');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil', '', null]) expect(safeReturnTo(bad)).toBeNull();
  });
});
