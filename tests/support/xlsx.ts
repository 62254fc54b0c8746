import ExcelJS from 'exceljs';

/**
 * An exported workbook read back with exceljs, as a spreadsheet would see it: the first sheet's
 * name, its frozen rows, each header's font and each row's typed values (numbers stay numbers,
 * dates are Dates, percentages are fractions) and number formats.
 */
export async function readXlsx(bytes: Buffer | Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  const formats: (string | undefined)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    const fmts: (string | undefined)[] = [];
    for (let i = 1; i <= ws.columnCount; i++) {
      const cell = row.getCell(i);
      values.push(cell.value ?? null);
      fmts.push(cell.numFmt);
    }
    rows.push(values);
    formats.push(fmts);
  });
  const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
  return {
    title: wb.title,
    sheet: ws.name,
    frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    headerBold: ws.getRow(1).font?.bold === true,
    widths: ws.columns.map((c) => c.width ?? 0),
    header: rows[0] as string[],
    body: rows.slice(1),
    formats: formats.slice(1),
  };
}
