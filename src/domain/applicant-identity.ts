/**
 * Is the person at the desk the person on record? A CCCD already known is filed for only when the
 * name, birth year and gender given agree with the record, compared as a Vietnamese clerk would:
 * a different name is a different person; spacing, letter case, Unicode form and the old or new
 * place of the tone mark ("Thuý" / "Thúy") are not differences. Pure functions, no I/O.
 */
import type { Gender } from './identifiers.ts';
import { nfc } from './text.ts';

// The five tone marks as combining characters, numbered in dictionary order.
const TONES = /[\u0300\u0309\u0303\u0301\u0323]/g;
const TONE_NUMBER: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' }; // huyền hỏi ngã sắc nặng

/**
 * A key equal for two spellings of the same name: NFC, whitespace collapsed, lower case, Ð (eth,
 * from legacy encodings) read as Đ, and each syllable's tone mark taken off the vowel it sits on
 * and written after the syllable as a number (`thuý` and `thúy` → `thuy#4`). Letter marks (ă â ê ô ơ ư đ) and tones are kept: "Nguyen" is not
 * "Nguyễn", "An" is not "Ân".
 */
export function personNameKey(name: string): string {
  return nfc(name)
    .replace(/Ð/g, 'Đ')
    .replace(/ð/g, 'đ')
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((syllable) => {
      const d = syllable.normalize('NFD');
      const tones = (d.match(TONES) ?? []).map((t) => TONE_NUMBER[t]).sort().join('');
      return d.replace(TONES, '').normalize('NFC') + (tones ? `#${tones}` : '');
    })
    .join(' ');
}

export const sameName = (a: string, b: string) => personNameKey(a) === personNameKey(b);

export interface PersonFacts {
  fullName: string;
  birthYear: number | null;
  gender: Gender | null;
}

export type IdentityField = 'fullName' | 'birthYear' | 'gender';

/** The facts given that contradict the record (a fact missing on either side contradicts nothing). */
export function identityMismatches(record: PersonFacts, given: Partial<PersonFacts>): IdentityField[] {
  const out: IdentityField[] = [];
  if (given.fullName != null && !sameName(record.fullName, given.fullName)) out.push('fullName');
  if (given.birthYear != null && record.birthYear !== null && record.birthYear !== given.birthYear) out.push('birthYear');
  if (given.gender != null && record.gender !== null && record.gender !== given.gender) out.push('gender');
  return out;
}

export type FactCheck = 'match' | 'mismatch' | 'unknown';

/**
 * How the record's birth year and gender compare with those the CCCD number encodes: what a
 * look-up shows the desk instead of the record's own values.
 */
export function checkAgainstCccd(record: Pick<PersonFacts, 'birthYear' | 'gender'>, fromCccd: { birthYear: number; gender: Gender }) {
  const check = <T>(onRecord: T | null, expected: T): FactCheck => (onRecord === null ? 'unknown' : onRecord === expected ? 'match' : 'mismatch');
  return { birthYear: check(record.birthYear, fromCccd.birthYear), gender: check(record.gender, fromCccd.gender) };
}
