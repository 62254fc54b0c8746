/**
 * A table as an XLSX workbook, written by exceljs (maintained, MIT): one sheet, a bold header row
 * that stays in view when scrolling and is repeated on every printed page, the title in the printed
 * page's header, column widths from the content, numbers as numbers, shares as real percentages,
 * dates as dates shown dd/mm/yyyy in Vietnam time, text in NFC. exceljs (≈ 30 MB of memory and
 * 1.3 s to load, measured on the shared machine) is imported on the first export, not at start-up
 * (docs/PERFORMANCE.md).
 */
import { cellText, vnWallClock, type CellValue, type ColumnKind, type ExportTable } from './table.ts';

const WHOLE_NUMBER = '#,##0';
const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  number: '#,##0.##',
  percent: '0.00%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** What exceljs stores for a cell: the typed value Excel computes with. */
function cellValue(v: CellValue, kind: ColumnKind): string | number | boolean | Date | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return cellText(v, kind);
  if (kind === 'percent' && typeof v === 'number') return v / 100;
  if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  // exceljs writes a Date's UTC fields: give it Vietnam's wall-clock time.
  if (v instanceof Date || (kind === 'datetime' && typeof v === 'string')) return vnWallClock(v) ?? cellText(v, kind);
  return typeof v === 'string' ? v.normalize('NFC') : v;
}

/** Excel's limits on a sheet's name. */
export function sheetName(s: string): string {
  const name = s.normalize('NFC').replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
  return name || 'Sheet1';
}

const MAX_WIDTH = 60;

/** Width in characters: the longest line of the header or of a value (shown as a person reads it), within 8–60. */
function widthOf(table: ExportTable, i: number): number {
  const c = table.columns[i]!;
  if (c.width) return c.width;
  let w = Math.max(...c.header.split('\n').map((l) => l.length));
  for (const r of table.rows) {
    const v = r[i] ?? null;
    const shown = c.kind === 'number' && typeof v === 'number' ? v.toLocaleString('en-US') : c.kind === 'percent' && typeof v === 'number' ? `${v.toFixed(2)}%` : cellText(v, c.kind);
    for (const line of shown.split('\n')) w = Math.max(w, line.length);
    if (w >= MAX_WIDTH) break;
  }
  return Math.min(MAX_WIDTH, Math.max(8, w + 2));
}

/** The table as the bytes of an .xlsx file. `date` is the workbook's creation date (the export's time). */
export async function tableToXlsx(table: ExportTable, date: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Nông Trang Số';
  wb.title = table.title.normalize('NFC');
  wb.created = date;
  wb.modified = date;
  const ws = wb.addWorksheet(sheetName(table.sheet ?? table.title), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: table.columns.length > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    headerFooter: { oddHeader: `&C&B${table.title.normalize('NFC').replace(/&/g, '&&')}`, oddFooter: '&CTrang &P / &N' },
  });
  ws.columns = table.columns.map((c, i) => {
    const numFmt = FORMATS[c.kind];
    return { header: c.header.normalize('NFC'), key: String(i), width: widthOf(table, i), style: { alignment: { vertical: 'top', wrapText: c.kind === 'text' }, ...(numFmt ? { numFmt } : {}) } };
  });
  for (const r of table.rows) {
    const row = ws.addRow(table.columns.map((c, i) => cellValue(r[i] ?? null, c.kind)));
    // "#,##0.##" shows a whole number with a trailing separator ("1,250."): whole numbers (đồng, counts) get "#,##0".
    table.columns.forEach((c, i) => {
      const v = r[i];
      if (c.kind === 'number' && typeof v === 'number' && Number.isInteger(v)) row.getCell(i + 1).numFmt = WHOLE_NUMBER;
    });
  }
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'top', wrapText: true };
  if (table.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
