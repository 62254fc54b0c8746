/**
 * Vietnamese text: normalisation, accent-insensitive search keys, and alphabetical order
 * (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones after letters).
 * Pure functions, no I/O.
 */

/** NFC-normalise, trim, and collapse runs of whitespace (incl. non-breaking spaces) to one space. */
export function nfc(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Accent- and case-insensitive key for searching: "Đăng ký khai sinh" → "dang ky khai sinh".
 * Works on NFC or NFD input. Ð (U+00D0, Icelandic eth) is folded like Đ because legacy
 * Vietnamese encodings converted to Unicode sometimes use it for Đ.
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * True when every word of the query occurs, accent- and case-insensitively, somewhere in the
 * haystack ("khai sinh" matches "Đăng ký khai sinh"; word order is free). An empty query
 * matches everything.
 */
export function matchesSearch(haystack: string, query: string): boolean {
  const hay = searchKey(haystack);
  const words = searchKey(query).split(' ').filter((w) => w !== '');
  return words.every((w) => hay.includes(w));
}

// ---------------------------------------------------------------------------------------------
// Collation
// ---------------------------------------------------------------------------------------------

/**
 * ICU's Vietnamese collation: letters first (Đ after D, Ă and Â after A, …), then tones in
 * dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng), then case. `numeric` makes "Tổ 2"
 * sort before "Tổ 10".
 */
export const viCollator = new Intl.Collator('vi', { numeric: true });

const VI_ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONE_MARKS: Record<string, number> = {
  '\u0300': 1, // huyền
  '\u0309': 2, // hỏi
  '\u0303': 3, // ngã
  '\u0301': 4, // sắc
  '\u0323': 5, // nặng
};
const LETTER_MARKS: Record<string, string> = {
  'a\u0306': 'ă',
  'a\u0302': 'â',
  'e\u0302': 'ê',
  'o\u0302': 'ô',
  'o\u031b': 'ơ',
  'u\u031b': 'ư',
};

/**
 * A sort key that orders strings like the Vietnamese ICU collation, without ICU: compare keys
 * with `<`. Used when the runtime's ICU lacks Vietnamese data (small-icu builds); exported so
 * tests can check that it agrees with ICU.
 */
export function viSortKey(s: string): string {
  const text = nfc(s).normalize('NFD');
  let primary = '';
  let secondary = '';
  let tertiary = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const digitRun = /^\d+/.exec(text.slice(i));
    if (digitRun) {
      // Numeric: a run of digits compares by value (length first, then digits).
      const n = digitRun[0].replace(/^0+(?=\d)/, '');
      primary += String.fromCharCode(0x100 + n.length) + n;
      i += digitRun[0].length;
      continue;
    }
    const lower = ch.toLowerCase();
    let j = i + 1;
    let letter = lower;
    let tone = 0;
    while (j < text.length && /[\u0300-\u036f]/.test(text[j] ?? '')) {
      const mark = text[j] ?? '';
      const withMark = LETTER_MARKS[letter + mark];
      if (withMark !== undefined) letter = withMark;
      else tone = TONE_MARKS[mark] ?? tone;
      j += 1;
    }
    const index = VI_ALPHABET.indexOf(letter);
    if (index >= 0) {
      primary += String.fromCharCode(0xe000 + index);
      secondary += String(tone);
      tertiary += ch === lower ? '0' : '1';
    } else {
      primary += text.slice(i, j);
    }
    i = j;
  }
  return `${primary}\u0000${secondary}\u0000${tertiary}`;
}

function icuHasVietnamese(): boolean {
  if (Intl.Collator.supportedLocalesOf(['vi']).length === 0) return false;
  // Root collation would put Đ after Z or tie it with D; Vietnamese puts it right after D.
  return viCollator.compare('Dz', 'Đa') < 0 && viCollator.compare('Đz', 'Ea') < 0;
}

const compareByKey = (a: string, b: string): number => {
  const ka = viSortKey(a);
  const kb = viSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Compares two strings in Vietnamese alphabetical order (negative, 0, positive). */
export const compareVi: (a: string, b: string) => number = icuHasVietnamese()
  ? (a, b) => viCollator.compare(a, b)
  : compareByKey;

/** A new array sorted in Vietnamese order by `key(item)`; stable; the input is not changed. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((x, y) => compareVi(x.k, y.k))
    .map((x) => x.item);
}

// ---------------------------------------------------------------------------------------------
// Person names: Vietnamese lists sort by given name (the last word), then family and middle.
// ---------------------------------------------------------------------------------------------

function splitName(fullName: string): { given: string; rest: string } {
  const words = nfc(fullName).split(' ');
  const given = words.pop() ?? '';
  return { given, rest: words.join(' ') };
}

/** "Nguyễn Văn An" → "An Nguyễn Văn": given name first, for sorting or an index column. */
export function personNameSortKey(fullName: string): string {
  const { given, rest } = splitName(fullName);
  return rest === '' ? given : `${given} ${rest}`;
}

/**
 * Orders full names the Vietnamese way: by given name, then by family and middle names in
 * order ("Nguyễn Văn An" < "Lê Thị Anh" < "Trần Thị Bình").
 */
export function compareViPersonNames(a: string, b: string): number {
  const na = splitName(a);
  const nb = splitName(b);
  return compareVi(na.given, nb.given) || compareVi(na.rest, nb.rest);
}
