/**
 * A table to hand to a spreadsheet (docs/INDICATORS.md, docs/PROJECTS.md): a title, typed columns
 * and rows. The same table is written as XLSX (./xlsx.ts) and as CSV (./csv.ts), so a figure reads
 * the same in both. Pure.
 */
import { VN_OFFSET_MS } from '../../domain/calendar/vn-time.ts';

/**
 * What a column holds, which decides how it is written:
 * - `text`: as is (NFC);
 * - `number`: a number, thousands separated;
 * - `percent`: percentage points (0–100, as the API gives shares), a real percentage in XLSX;
 * - `date`: a Vietnam calendar day, 'YYYY-MM-DD' (dd/mm/yyyy);
 * - `datetime`: an instant, a `Date` or an ISO string (dd/mm/yyyy hh:mm in +07:00).
 */
export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'datetime';
export type CellValue = string | number | boolean | Date | null;

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters; by default from the header and the longest value. */
  width?: number;
}

export interface ExportTable {
  /** What the table is, with its period: the workbook's title and the printed page's header. */
  title: string;
  /** The sheet's name (at most 31 characters, no `\ / ? * [ ] :`); by default from the title. */
  sheet?: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly CellValue[])[];
}

const two = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'; anything else unchanged. */
export function dayVn(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant as Vietnam wall-clock time in a Date whose UTC fields are that wall-clock time. */
export function vnWallClock(v: Date | string): Date | null {
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime() + VN_OFFSET_MS);
}

/** An instant as 'dd/mm/yyyy hh:mm' in Vietnam time. */
export function dateTimeVn(v: Date | string): string {
  const w = vnWallClock(v);
  if (!w) return String(v);
  return `${two(w.getUTCDate())}/${two(w.getUTCMonth() + 1)}/${w.getUTCFullYear()} ${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`;
}

/** A cell as the text a person reads (CSV, widths): numbers in full, dates as dd/mm/yyyy. */
export function cellText(v: CellValue, kind: ColumnKind): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (kind === 'date' && typeof v === 'string') return dayVn(v);
  if (v instanceof Date || (kind === 'datetime' && typeof v === 'string')) return dateTimeVn(v);
  return typeof v === 'string' ? v.normalize('NFC') : String(v);
}

/**
 * `Content-Disposition: attachment` with an ASCII `filename` (diacritics dropped, anything else a
 * dash) and the exact name as UTF-8 in `filename*` (RFC 6266), so every browser saves it well.
 */
export function attachment(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  const encoded = encodeURIComponent(name.normalize('NFC')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
