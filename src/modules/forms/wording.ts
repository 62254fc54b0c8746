/**
 * How the one-stop forms write dates, times, time limits, fees and agency names in Vietnamese,
 * as Decree 30/2020/NĐ-CP (Appendix I) asks. Pure functions; times are in Vietnam time (+07:00)
 * whatever the machine's zone.
 */
import { formatVn } from '../../domain/calendar/index.ts';
import type { DocumentKind, TimeLimit } from '../../domain/procedure.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Wall-clock parts of an instant in Vietnam time. */
function vnParts(instant: Date) {
  const iso = formatVn(instant); // 2026-03-02T09:05:00+07:00
  return {
    year: Number(iso.slice(0, 4)),
    month: Number(iso.slice(5, 7)),
    day: Number(iso.slice(8, 10)),
    hour: Number(iso.slice(11, 13)),
    minute: Number(iso.slice(14, 16)),
  };
}

/**
 * "ngày 05 tháng 01 năm 2026": days below 10 and the months 1 and 2 take a leading zero, other
 * months do not ("ngày 12 tháng 3 năm 2026"), as Decree 30/2020 Appendix I writes them.
 */
export function dateWords(instant: Date): string {
  const { year, month, day } = vnParts(instant);
  return `ngày ${pad2(day)} tháng ${month <= 2 ? pad2(month) : String(month)} năm ${year}`;
}

/** "16 giờ 00 phút, ngày 02 tháng 3 năm 2026" (Vietnam time). */
export function timeWords(instant: Date): string {
  const { hour, minute } = vnParts(instant);
  return `${pad2(hour)} giờ ${pad2(minute)} phút, ${dateWords(instant)}`;
}

/** The place-and-date line under the Tiêu ngữ: "Nông Trang, ngày 05 tháng 01 năm 2026". */
export function placeDateLine(place: string, instant: Date): string {
  return `${place}, ${dateWords(instant)}`;
}

/** Upper case by Vietnamese rules, NFC (the agency names of the header are in capitals). */
export function upperVi(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi').normalize('NFC');
}

/**
 * The place name of a commune-level unit for the date line: "Ủy ban nhân dân phường Nông Trang"
 * → "Nông Trang". A name without a commune-level word is used as it is.
 */
export function placeOfUnit(unitName: string): string {
  const m = /(?:phường|xã|thị trấn|đặc khu)\s+(.+)$/iu.exec(unitName.normalize('NFC').trim());
  return (m?.[1] ?? unitName).trim();
}

/**
 * The parent body's name as the header prints it: Decree 30/2020 lets the parent body's name
 * shorten common phrases ("Ủy ban nhân dân" → "UBND"), which keeps it on one line of an A5 form.
 */
export function shortParentName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/(?:Ủy|Uỷ) ban nhân dân/giu, 'UBND')
    .replace(/Hội đồng nhân dân/giu, 'HĐND')
    .trim();
}

function amountWords(n: number): string {
  return Number.isInteger(n) ? pad2(n) : String(n).replace('.', ',');
}

const UNIT_WORDS = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
} as const;

/**
 * The statutory time limit in words: "03 ngày làm việc", "Trong ngày", "15 ngày (cần xác nhận)",
 * or "Cần xác nhận" when the catalogue does not know it.
 */
export function timeLimitWords(limit: TimeLimit | null): string {
  if (!limit || limit.unit === null || limit.amount === null) return 'Cần xác nhận';
  const words = limit.unit === 'same_day' ? 'Trong ngày' : `${amountWords(limit.amount)} ${UNIT_WORDS[limit.unit]}`;
  return limit.toBeConfirmed ? `${words} (cần xác nhận)` : words;
}

/** "8.000 đồng" (Vietnamese thousands separator). */
export function vndWords(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/** How a document requirement is presented: the "Hình thức" column of form 01. */
export const DOCUMENT_KIND_WORDS: Record<DocumentKind, string> = {
  original: 'Bản chính',
  form: 'Bản chính',
  certified_copy: 'Bản sao có chứng thực',
  copy: 'Bản sao',
};

/** "16:00, 02/3/2026" (Vietnam time): a table cell's time. */
export function shortTimeWords(instant: Date): string {
  const { hour, minute } = vnParts(instant);
  return `${pad2(hour)}:${pad2(minute)}, ${dateOnlyWords(instant)}`;
}

/** "02/3/2026" (Vietnam date; day with a leading zero, months 1–2 too, as dateWords does). */
export function dateOnlyWords(instant: Date): string {
  const { year, month, day } = vnParts(instant);
  return `${pad2(day)}/${month <= 2 ? pad2(month) : String(month)}/${year}`;
}
