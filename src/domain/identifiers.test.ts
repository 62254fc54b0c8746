import { describe, expect, it } from 'vitest';
import {
  CCCD_PROVINCE_CODES,
  maskIdNumber,
  maskName,
  maskPhone,
  mstCheckDigit,
  validateCccd,
  validateMst,
  validateVnPhone,
} from './identifiers.ts';

describe('CCCD province table', () => {
  it('has the 63 pre-2025 provinces, all odd/even gaps included, from 001 to 096', () => {
    const codes = Object.keys(CCCD_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(codes[0]).toBe('001');
    expect(codes.at(-1)).toBe('096');
    expect(CCCD_PROVINCE_CODES['025']).toBe('Phú Thọ');
    expect(CCCD_PROVINCE_CODES['026']).toBe('Vĩnh Phúc');
    expect(CCCD_PROVINCE_CODES['017']).toBe('Hòa Bình');
    expect(CCCD_PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
    for (const unused of ['003', '005', '016', '028', '029', '050', '078', '090', '097']) {
      expect(codes).not.toContain(unused);
    }
  });
});

describe('validateCccd', () => {
  it.each([
    ['025090001234', '025', 'male', 1990],
    ['026195012345', '026', 'female', 1995],
    ['017203000001', '017', 'male', 2003],
    ['001305123456', '001', 'female', 2005],
    ['096000999999', '096', 'male', 1900],
    ['079199000001', '079', 'female', 1999],
    ['025400000001', '025', 'male', 2100],
    ['025525000001', '025', 'female', 2125],
    ['025601000001', '025', 'male', 2201],
    ['025999000001', '025', 'female', 2399],
  ] as const)('%s → province %s, %s, born %i', (value, provinceCode, gender, birthYear) => {
    expect(validateCccd(value)).toMatchObject({ ok: true, provinceCode, gender, birthYear });
  });

  it('returns the normalised digits and province name, ignoring spaces', () => {
    expect(validateCccd('  025 090 001 234 ')).toEqual({
      ok: true,
      normalized: '025090001234',
      provinceCode: '025',
      provinceName: 'Phú Thọ',
      gender: 'male',
      birthYear: 1990,
    });
  });

  it.each(['', '02509000123', '0250900012345', '02509000123a', '025-090-001234', '０２５０９０００１２３４'])(
    'rejects %j as format',
    (value) => {
      expect(validateCccd(value)).toEqual({ ok: false, reason: 'format' });
    },
  );

  it.each(['000090001234', '003090001234', '097090001234', '999090001234'])(
    'rejects unknown province code in %s',
    (value) => {
      expect(validateCccd(value)).toEqual({ ok: false, reason: 'province' });
    },
  );

  it('checks the stated birth year, including the century', () => {
    expect(validateCccd('025090001234', { birthYear: 1990 }).ok).toBe(true);
    expect(validateCccd('025090001234', { birthYear: 1991 })).toEqual({
      ok: false,
      reason: 'birth_year_mismatch',
    });
    // Same two digits, wrong century: 2/3 means 2000s, so 1990 does not match.
    expect(validateCccd('025290001234', { birthYear: 1990 })).toEqual({
      ok: false,
      reason: 'birth_year_mismatch',
    });
    expect(validateCccd('025290001234', { birthYear: 2090 }).ok).toBe(true);
  });

  it('checks the stated gender', () => {
    expect(validateCccd('025090001234', { gender: 'male' }).ok).toBe(true);
    expect(validateCccd('025090001234', { gender: 'female' })).toEqual({
      ok: false,
      reason: 'gender_mismatch',
    });
    expect(validateCccd('025195001234', { gender: 'female', birthYear: 1995 }).ok).toBe(true);
    expect(validateCccd('025195001234', { gender: 'male', birthYear: 1995 })).toEqual({
      ok: false,
      reason: 'gender_mismatch',
    });
  });
});

describe('validateMst', () => {
  it.each([
    // Public enterprise tax codes printed on every invoice of these companies.
    ['0100107518', 'Vietnam Airlines'],
    ['0300588569', 'Vinamilk'],
    ['0101248141', 'FPT'],
    ['0100109106', 'Viettel'],
    // Computed for these tests.
    ['2600123455', 'Phú Thọ-style, check 5'],
    ['2600987656', 'Phú Thọ-style, check 6'],
    ['2600000090', 'sum mod 11 = 10 → check digit 0'],
  ])('accepts %s (%s)', (value) => {
    expect(validateMst(value)).toEqual({ ok: true, kind: 'enterprise', base: value, normalized: value });
  });

  it('accepts branches with or without the dash and normalises to the dashed form', () => {
    const expected = { ok: true, kind: 'branch', base: '0100107518', normalized: '0100107518-001' };
    expect(validateMst('0100107518-001')).toEqual(expected);
    expect(validateMst('0100107518001')).toEqual(expected);
    expect(validateMst(' 0300588569-999 ')).toMatchObject({ ok: true, kind: 'branch', base: '0300588569' });
  });

  it.each(['0100107517', '0100107519', '0300588560', '2600123454', '0100107517-001'])(
    'rejects a wrong check digit in %s',
    (value) => {
      expect(validateMst(value)).toEqual({ ok: false, reason: 'checksum' });
    },
  );

  it('rejects every 10-digit code whose prefix sums to 0 mod 11 (check would be 10)', () => {
    expect(mstCheckDigit('260000002')).toBeNull();
    for (let d = 0; d <= 9; d++) {
      expect(validateMst(`260000002${d}`)).toEqual({ ok: false, reason: 'checksum' });
    }
  });

  it('computes check digits', () => {
    expect(mstCheckDigit('010010751')).toBe(8);
    expect(mstCheckDigit('260000009')).toBe(0);
    expect(mstCheckDigit('12345678')).toBeNull();
  });

  it.each(['', '010010751', '01001075181', '0100107518-000', '0100107518-01', '0100107518-0011', '0100107518 001', 'O100107518', '0100107518--001'])(
    'rejects %j as format',
    (value) => {
      expect(validateMst(value)).toEqual({ ok: false, reason: 'format' });
    },
  );
});

describe('validateVnPhone', () => {
  it.each([
    ['0912345678', '0912345678', 'mobile'],
    ['0352345678', '0352345678', 'mobile'],
    ['0562345678', '0562345678', 'mobile'],
    ['0772345678', '0772345678', 'mobile'],
    ['0862345678', '0862345678', 'mobile'],
    ['+84912345678', '0912345678', 'mobile'],
    ['84912345678', '0912345678', 'mobile'],
    ['+84 912 345 678', '0912345678', 'mobile'],
    ['+840912345678', '0912345678', 'mobile'],
    ['0912.345.678', '0912345678', 'mobile'],
    ['(+84) 91-234-5678', '0912345678', 'mobile'],
    ['02103812345', '02103812345', 'landline'],
    ['024 3825 6686', '02438256686', 'landline'],
    ['+84 210 3812345', '02103812345', 'landline'],
  ] as const)('accepts %j → %s (%s)', (value, normalized, kind) => {
    expect(validateVnPhone(value)).toEqual({ ok: true, normalized, kind });
  });

  it.each([
    '',
    '091234567', // 9 digits
    '09123456789', // mobile with 11 digits
    '0112345678', // 01x prefixes were retired in 2018
    '0412345678',
    '0612345678',
    '0212345678', // landline needs 11 digits
    '912345678', // no trunk 0
    '+85912345678',
    '0912a45678',
    '19001234',
  ])('rejects %j', (value) => {
    expect(validateVnPhone(value)).toEqual({ ok: false });
  });
});

describe('masking', () => {
  it('masks every character of a name except the first of each word', () => {
    expect(maskName('Nguyễn Văn An')).toBe('N***** V** A*');
    expect(maskName('Trần Thị Bình')).toBe('T*** T** B***');
    expect(maskName('  Lê   Ý ')).toBe('L* Ý');
    expect(maskName('')).toBe('');
    expect(maskName('   ')).toBe('');
  });

  it('counts a decomposed (NFD) letter as one character and keeps its accents', () => {
    expect(maskName('Đặng Ánh'.normalize('NFD'))).toBe('Đ*** Á**');
    expect(maskName('Nguyễn'.normalize('NFD'))).toBe('N*****');
  });

  it('shows only the last 4 digits of a phone number', () => {
    expect(maskPhone('0912345678')).toBe('******5678');
    expect(maskPhone('+84 912 345 678')).toBe('******5678');
    expect(maskPhone('02103812345')).toBe('*******2345');
    expect(maskPhone('123')).toBe('***');
  });

  it('shows only the last 3 characters of an ID number', () => {
    expect(maskIdNumber('025090001234')).toBe('*********234');
    expect(maskIdNumber('0100107518-001')).toBe('***********001');
    expect(maskIdNumber('12')).toBe('**');
  });
});
