import { describe, expect, it } from 'vitest';
import { checkAgainstCccd, identityMismatches, personNameKey, sameName } from './applicant-identity.ts';

describe('the same name, as a Vietnamese clerk reads it', () => {
  const SAME: [string, string, string][] = [
    ['identical', 'Nguyễn Văn An', 'Nguyễn Văn An'],
    ['spacing', 'Nguyễn Văn An', '  Nguyễn   Văn\u00a0An '],
    ['case', 'Nguyễn Văn An', 'NGUYỄN VĂN AN'],
    ['case, Đ', 'Đặng Thị Đào', 'đặng thị đào'],
    ['decomposed Unicode', 'Nguyễn Văn An', 'Nguyễn Văn An'.normalize('NFD')],
    ['old tone placement: oà / òa', 'Trần Thị Hoà', 'Trần Thị Hòa'],
    ['old tone placement: uý / úy', 'Lê Thị Thuý', 'Lê Thị Thúy'],
    ['old tone placement: oẻ / ỏe', 'Phạm Văn Khoẻ', 'Phạm Văn Khỏe'],
    ['legacy Ð (eth) for Đ', 'Ðỗ Văn Nam', 'Đỗ Văn Nam'],
    ['tone mark typed before the letter mark (NFD order)', 'Nguyễn', 'Nguye\u0303\u0302n'],
  ];
  it.each(SAME)('%s: "%s" = "%s"', (_, a, b) => expect(sameName(a, b)).toBe(true));

  const DIFFERENT: [string, string, string][] = [
    ['another person', 'Nguyễn Văn An', 'Trần Văn Bình'],
    ['no diacritics', 'Nguyễn Văn An', 'Nguyen Van An'],
    ['a letter mark: A / Â', 'Nguyễn Văn An', 'Nguyễn Văn Ân'],
    ['a tone: Hoà / Hoá', 'Trần Thị Hoà', 'Trần Thị Hoá'],
    ['a tone missing', 'Lê Thị Thuý', 'Lê Thị Thuy'],
    ['D / Đ', 'Đỗ Văn Nam', 'Dỗ Văn Nam'],
    ['a middle name more', 'Nguyễn An', 'Nguyễn Văn An'],
    ['word order', 'Nguyễn Văn An', 'An Văn Nguyễn'],
  ];
  it.each(DIFFERENT)('%s: "%s" ≠ "%s"', (_, a, b) => expect(sameName(a, b)).toBe(false));

  it('the key keeps the letters and writes each syllable’s tone after it', () => {
    expect(personNameKey('Lê Thị Thúy')).toBe('lê thi#5 thuy#4');
    expect(personNameKey('Nguyễn Văn An')).toBe('nguyên#3 văn an');
  });
});

describe('a record against what the desk was given', () => {
  const record = { fullName: 'Nguyễn Văn An', birthYear: 1990, gender: 'male' as const };

  it('names every contradicted fact', () => {
    expect(identityMismatches(record, { fullName: 'nguyễn văn an', birthYear: 1990, gender: 'male' })).toEqual([]);
    expect(identityMismatches(record, { fullName: 'Trần Văn Bình', birthYear: 1991, gender: 'female' })).toEqual(['fullName', 'birthYear', 'gender']);
    expect(identityMismatches(record, { fullName: 'Nguyễn Văn An', birthYear: 1991 })).toEqual(['birthYear']);
  });

  it('a fact missing on either side contradicts nothing', () => {
    expect(identityMismatches({ ...record, birthYear: null, gender: null }, { fullName: 'Nguyễn Văn An', birthYear: 1991, gender: 'female' })).toEqual([]);
    expect(identityMismatches(record, {})).toEqual([]);
  });

  it('the look-up compares the record with what the CCCD number encodes', () => {
    expect(checkAgainstCccd(record, { birthYear: 1990, gender: 'male' })).toEqual({ birthYear: 'match', gender: 'match' });
    expect(checkAgainstCccd(record, { birthYear: 1991, gender: 'female' })).toEqual({ birthYear: 'mismatch', gender: 'mismatch' });
    expect(checkAgainstCccd({ birthYear: null, gender: null }, { birthYear: 1990, gender: 'male' })).toEqual({ birthYear: 'unknown', gender: 'unknown' });
  });
});
