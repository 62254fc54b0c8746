import { describe, expect, it } from 'vitest';
import { dateWords, placeDateLine, placeOfUnit, shortParentName, timeLimitWords, timeWords, upperVi, vndWords } from './wording.ts';

describe('dates as Decree 30/2020 writes them (Vietnam time, whatever the machine zone)', () => {
  it.each([
    ['2026-01-05T08:00:00+07:00', 'ngày 05 tháng 01 năm 2026'], // day < 10 and month 1: leading zeros
    ['2026-02-17T08:00:00+07:00', 'ngày 17 tháng 02 năm 2026'], // month 2: leading zero
    ['2026-03-02T16:00:00+07:00', 'ngày 02 tháng 3 năm 2026'], // months 3–12: none
    ['2026-12-31T08:00:00+07:00', 'ngày 31 tháng 12 năm 2026'],
    ['2025-12-31T17:30:00Z', 'ngày 01 tháng 01 năm 2026'], // already 1 January in Vietnam
  ])('%s → %s', (iso, words) => {
    expect(dateWords(new Date(iso))).toBe(words);
  });

  it('writes hours and minutes with two digits', () => {
    expect(timeWords(new Date('2026-03-02T01:05:00Z'))).toBe('08 giờ 05 phút, ngày 02 tháng 3 năm 2026');
    expect(placeDateLine('Nông Trang', new Date('2026-01-05T08:00:00+07:00'))).toBe('Nông Trang, ngày 05 tháng 01 năm 2026');
  });
});

describe('time limits in words', () => {
  it.each([
    [{ amount: 3, unit: 'working_days', note: '', toBeConfirmed: false }, '03 ngày làm việc'],
    [{ amount: 10, unit: 'working_days', note: '', toBeConfirmed: false }, '10 ngày làm việc'],
    [{ amount: 1, unit: 'same_day', note: '', toBeConfirmed: false }, 'Trong ngày'],
    [{ amount: 4, unit: 'working_hours', note: '', toBeConfirmed: false }, '04 giờ làm việc'],
    [{ amount: 15, unit: 'calendar_days', note: '', toBeConfirmed: true }, '15 ngày (cần xác nhận)'],
    [{ amount: 0.5, unit: 'working_days', note: '', toBeConfirmed: false }, '0,5 ngày làm việc'],
    [{ amount: null, unit: null, note: '', toBeConfirmed: true }, 'Cần xác nhận'],
    [null, 'Cần xác nhận'],
  ] as const)('%j → %s', (limit, words) => {
    expect(timeLimitWords(limit)).toBe(words);
  });
});

describe('names and amounts', () => {
  it('capitalises by Vietnamese rules, in NFC', () => {
    const decomposed = 'Ủy ban nhân dân phường Nông Trang'.normalize('NFD');
    expect(upperVi(decomposed)).toBe('ỦY BAN NHÂN DÂN PHƯỜNG NÔNG TRANG');
    expect(upperVi(decomposed)).toBe(upperVi(decomposed).normalize('NFC'));
  });

  it('takes the place name from a commune-level unit name', () => {
    expect(placeOfUnit('Ủy ban nhân dân phường Nông Trang')).toBe('Nông Trang');
    expect(placeOfUnit('UBND xã Thụy Vân')).toBe('Thụy Vân');
    expect(placeOfUnit('Sở Tư pháp')).toBe('Sở Tư pháp');
  });

  it('shortens the parent body as Decree 30 allows', () => {
    expect(shortParentName('Ủy ban nhân dân tỉnh Phú Thọ')).toBe('UBND tỉnh Phú Thọ');
    expect(shortParentName('Uỷ ban nhân dân tỉnh Phú Thọ')).toBe('UBND tỉnh Phú Thọ');
    expect(upperVi(shortParentName('Ủy ban nhân dân tỉnh Phú Thọ'))).toBe('UBND TỈNH PHÚ THỌ');
  });

  it('writes amounts with a dot between thousands', () => {
    expect(vndWords(8000)).toBe('8.000 đồng');
    expect(vndWords(1250000)).toBe('1.250.000 đồng');
    expect(vndWords(0)).toBe('0 đồng');
  });
});
