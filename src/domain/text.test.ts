import { describe, expect, it } from 'vitest';
import {
  compareVi,
  compareViPersonNames,
  matchesSearch,
  nfc,
  personNameSortKey,
  searchKey,
  sortVi,
  viCollator,
  viSortKey,
} from './text.ts';

const byKey = (a: string, b: string): number => {
  const ka = viSortKey(a);
  const kb = viSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('nfc', () => {
  it('composes decomposed text, trims and collapses whitespace', () => {
    const decomposed = '  Nguyễn \t Văn\u00a0\u00a0An \n'.normalize('NFD');
    const result = nfc(decomposed);
    expect(result).toBe('Nguyễn Văn An');
    expect(result).toBe(result.normalize('NFC'));
    expect(result.length).toBe('Nguyễn Văn An'.normalize('NFC').length);
  });

  it('leaves an empty or blank string empty', () => {
    expect(nfc('')).toBe('');
    expect(nfc(' \t ')).toBe('');
  });
});

describe('searchKey', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['HỘ KINH DOANH', 'ho kinh doanh'],
    ['  Phường   Nông Trang ', 'phuong nong trang'],
    ['Thụy Vân, Việt Trì', 'thuy van, viet tri'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Ưu đãi ơn', 'uu dai on'],
    ['ă â ê ô ơ ư đ Ă Â Ê Ô Ơ Ư Đ', 'a a e o o u d a a e o o u d'],
    ['ả ã á ạ à', 'a a a a a'],
  ])('%j → %j', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  it('gives the same key for decomposed (NFD) and composed input', () => {
    const s = 'Đăng ký kết hôn, Giấy chứng nhận quyền sử dụng đất';
    expect(searchKey(s.normalize('NFD'))).toBe('dang ky ket hon, giay chung nhan quyen su dung dat');
    expect(searchKey(s.normalize('NFD'))).toBe(searchKey(s));
  });

  it('folds the eth lookalike used by legacy converters for Đ', () => {
    expect(searchKey('\u00d0ất \u00f0ai')).toBe('dat dai');
  });
});

describe('matchesSearch', () => {
  const title = 'Đăng ký khai sinh cho trẻ em';

  it('matches every word regardless of accents, case and order', () => {
    expect(matchesSearch(title, 'khai sinh')).toBe(true);
    expect(matchesSearch(title, 'KHAI SINH')).toBe(true);
    expect(matchesSearch(title, 'dang ky')).toBe(true);
    expect(matchesSearch(title, 'sinh đăng')).toBe(true);
    expect(matchesSearch(title, 'khai sinh'.normalize('NFD'))).toBe(true);
    expect(matchesSearch(title.normalize('NFD'), 'trẻ')).toBe(true);
    expect(matchesSearch(title, 'kha')).toBe(true); // prefix of a word
  });

  it('fails when any word is missing', () => {
    expect(matchesSearch(title, 'khai tu')).toBe(false);
    expect(matchesSearch(title, 'kết hôn')).toBe(false);
  });

  it('matches everything on an empty query', () => {
    expect(matchesSearch(title, '')).toBe(true);
    expect(matchesSearch(title, '   ')).toBe(true);
  });
});

describe('Vietnamese alphabetical order', () => {
  const alphabetical = ['An', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Châu', 'Dũng', 'Dz', 'Đa', 'Đức', 'Ea', 'Giang', 'On', 'Ôn', 'Ơn', 'Uy', 'Ưu', 'Yến'];
  const shuffled = ['Giang', 'Ưu', 'Đức', 'Ơn', 'An', 'Dz', 'Yến', 'Châu', 'Ân', 'Ea', 'Ăn', 'Uy', 'Bình', 'Đa', 'Ôn', 'Dũng', 'On', 'Ánh'];

  it('compareVi puts Đ after D, Ă/Â after A, Ô/Ơ after O, Ư after U', () => {
    expect([...shuffled].sort(compareVi)).toEqual(alphabetical);
    expect(compareVi('Dũng', 'Đức')).toBeLessThan(0);
    expect(compareVi('Đức', 'Giang')).toBeLessThan(0);
    expect(compareVi('Đức', 'Dz')).toBeGreaterThan(0);
  });

  it('the ICU collator of this runtime has Vietnamese rules', () => {
    expect([...shuffled].sort(viCollator.compare)).toEqual(alphabetical);
  });

  it('orders tones ngang, huyền, hỏi, ngã, sắc, nặng, and numbers by value', () => {
    const tones = ['ma', 'mà', 'mả', 'mã', 'má', 'mạ'];
    expect([...tones].reverse().sort(compareVi)).toEqual(tones);
    expect([...['Tổ 10', 'Tổ 2', 'Tổ 1']].sort(compareVi)).toEqual(['Tổ 1', 'Tổ 2', 'Tổ 10']);
  });

  it('the ICU-free fallback key agrees with ICU', () => {
    expect([...shuffled].sort(byKey)).toEqual(alphabetical);
    const corpus = [
      'ma', 'mà', 'mả', 'mã', 'má', 'mạ', 'Ma', 'MÀ', 'Tổ 10', 'Tổ 2', 'Tổ 02', 'Tổ 1', 'Đặng Văn Lâm',
      'Dương Thị Hà', 'Đỗ Hùng', 'Nguyễn Thị Ánh', 'Nguyễn Văn An', 'Nguyễn Văn Ân', 'Nguyễn', 'Nguyên',
      'Phạm Thu Hương', 'Phan Thu Hường', 'Ưng', 'Uông', 'Ông', 'Ong', 'Ơn', 'ăn', 'Ăn', 'âm', 'ẩm',
    ];
    const viaIcu = [...corpus].sort(viCollator.compare);
    const viaKey = [...corpus].sort(byKey);
    expect(viaKey).toEqual(viaIcu);
  });

  it('sortVi sorts by key without touching the input and keeps ties in order', () => {
    const items = [
      { id: 1, name: 'Đức' },
      { id: 2, name: 'Dũng' },
      { id: 3, name: 'An' },
      { id: 4, name: 'Dũng' },
    ] as const;
    const sorted = sortVi(items, (x) => x.name);
    expect(sorted.map((x) => x.id)).toEqual([3, 2, 4, 1]);
    expect(items.map((x) => x.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('person names', () => {
  it('puts the given name first in the sort key', () => {
    expect(personNameSortKey('Nguyễn Văn An')).toBe('An Nguyễn Văn');
    expect(personNameSortKey('  Trần   Thị Bình ')).toBe('Bình Trần Thị');
    expect(personNameSortKey('An')).toBe('An');
    expect(personNameSortKey('')).toBe('');
  });

  it('sorts by given name, then family and middle names', () => {
    const names = ['Trần Thị Bình', 'Lê Thị Anh', 'Trần Văn An', 'Nguyễn Văn An', 'Đặng Đức', 'Bùi Dũng'];
    expect([...names].sort(compareViPersonNames)).toEqual([
      'Nguyễn Văn An',
      'Trần Văn An',
      'Lê Thị Anh',
      'Trần Thị Bình',
      'Bùi Dũng',
      'Đặng Đức',
    ]);
  });

  it('compares a name with itself as equal, whatever its spacing or normalisation', () => {
    expect(compareViPersonNames('Nguyễn Văn An', ' Nguyễn  Văn An'.normalize('NFD'))).toBe(0);
    expect(compareViPersonNames('Nguyễn Văn An', 'Trần Thị Bình')).toBeLessThan(0);
    expect(compareViPersonNames('Trần Thị Bình', 'Nguyễn Văn An')).toBeGreaterThan(0);
  });
});
