/**
 * A table as CSV (RFC 4180): UTF-8 with a byte-order mark so that Excel opens Vietnamese text
 * right, CRLF line ends, one header row. Cells a spreadsheet would run as a formula are quoted
 * with a leading apostrophe. Pure.
 */
import { cellText, type ExportTable } from './table.ts';

const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Formula injection: text starting with = + - @ or a tab/CR runs as a formula in Excel. */
const defuse = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function tableToCsv(table: ExportTable): string {
  const head = table.columns.map((c) => quote(defuse(c.header.normalize('NFC'))));
  const body = table.rows.map((r) =>
    table.columns.map((c, i) => {
      const v = r[i] ?? null;
      const s = cellText(v, c.kind);
      return quote(typeof v === 'string' && c.kind === 'text' ? defuse(s) : s);
    }),
  );
  return `\uFEFF${[head, ...body].map((r) => r.join(',')).join('\r\n')}\r\n`;
}
