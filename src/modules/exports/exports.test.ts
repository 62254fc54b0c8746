import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from './csv.ts';
import { attachment, cellText, type ExportTable } from './table.ts';
import { sheetName, tableToXlsx } from './xlsx.ts';

// Decomposed "Phường" (NFD, as some keyboards type it) must come out composed (NFC).
const NFD = 'Phường Nông Trang'.normalize('NFD');

const table: ExportTable = {
  title: 'Hồ sơ trễ hạn từ 01/03/2026 đến 31/03/2026',
  columns: [
    { header: 'Mã hồ sơ', kind: 'text' },
    { header: 'Đơn vị', kind: 'text' },
    { header: 'Số hồ sơ', kind: 'number' },
    { header: 'Đúng hạn', kind: 'percent' },
    { header: 'Ngày', kind: 'date' },
    { header: 'Hạn', kind: 'datetime' },
    { header: 'Gia hạn', kind: 'text' },
  ],
  rows: [
    ['=HYPERLINK("x")', NFD, 1234.5, 66.67, '2026-03-05', '2026-03-04T20:30:00Z', true],
    ['H40.001-260302-0001', null, 0, null, null, new Date('2026-03-05T02:00:00Z'), false],
  ],
};

describe('a table as CSV', () => {
  it('has the BOM, CRLF, NFC text, dd/mm/yyyy in Vietnam time, quoted formulas', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith('\uFEFFMã hồ sơ,Đơn vị,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    // 20:30 UTC on the 4th is 03:30 on the 5th in Vietnam.
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",Phường Nông Trang,1234.5,66.67,05/03/2026,05/03/2026 03:30,Có`);
    expect(lines[1]!.normalize('NFC')).toBe(lines[1]);
    expect(lines[2]).toBe('H40.001-260302-0001,,0,,,05/03/2026 09:00,Không');
  });
});

describe('a table as XLSX (exceljs)', () => {
  it('reads back typed: numbers, percentages as fractions, dates in Vietnam time, a bold frozen header', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableToXlsx(table, new Date('2026-04-15T02:00:00Z'))) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Hồ sơ trễ hạn từ 01 03 2026 đến');
    expect(wb.title).toBe(table.title);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).font.bold).toBe(true);
    expect(ws.getRow(1).values).toEqual([undefined, 'Mã hồ sơ', 'Đơn vị', 'Số hồ sơ', 'Đúng hạn', 'Ngày', 'Hạn', 'Gia hạn']);
    const r = ws.getRow(2);
    // exceljs writes formulas only when asked: a text starting with = stays text.
    expect(r.getCell(1).value).toBe('=HYPERLINK("x")');
    expect(r.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(r.getCell(2).value).toBe('Phường Nông Trang'.normalize('NFC'));
    expect(r.getCell(3).value).toBe(1234.5);
    // A whole number shows no decimal separator (Excel shows "#,##0.##" on 1250 as "1,250."); a fraction its decimals.
    expect(r.getCell(3).numFmt).toBe('#,##0.##');
    expect(ws.getRow(3).getCell(3).value).toBe(0);
    expect(ws.getRow(3).getCell(3).numFmt).toBe('#,##0');
    expect(r.getCell(4).value).toBeCloseTo(0.6667, 6);
    expect(r.getCell(4).numFmt).toBe('0.00%');
    expect(r.getCell(5).value).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(r.getCell(5).numFmt).toBe('dd/mm/yyyy');
    // Excel has no time zones: the cell holds Vietnam's wall-clock time.
    expect(r.getCell(6).value).toEqual(new Date('2026-03-05T03:30:00Z'));
    expect(r.getCell(6).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(r.getCell(7).value).toBe('Có');
    expect(ws.getRow(3).getCell(2).value).toBeNull();
    // Widths from the content, within bounds.
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual('H40.001-260302-0001'.length);
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(60);
  });

  it('keeps a sheet name within Excel’s rules', () => {
    expect(sheetName('Dự án 02/03/2026: [trễ]?')).toBe('Dự án 02 03 2026 trễ');
    expect(sheetName('   ')).toBe('Sheet1');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});

describe('the download’s name', () => {
  it('is ASCII in filename and exact UTF-8 in filename*', () => {
    expect(attachment('báo-cáo-tháng 3 (Đông).pdf', 'inline')).toBe(`inline; filename="bao-cao-thang-3-Dong-.pdf"; filename*=UTF-8''b%C3%A1o-c%C3%A1o-th%C3%A1ng%203%20%28%C4%90%C3%B4ng%29.pdf`);
    expect(cellText(false, 'text')).toBe('Không');
  });
});
