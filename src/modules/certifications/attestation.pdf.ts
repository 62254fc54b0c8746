/**
 * The attestation (lời chứng) that ends an electronic certified copy: "Chứng thực bản sao điện tử
 * này đúng với bản chính", the register number and book, place and date, who certified it. One A4
 * page appended after the scanned pages; the whole is then signed with the unit's certificate.
 */
import type { Issuer } from '../forms/form-parts.ts';
import { FormWriter, mm } from '../forms/layout.ts';
import { dateWords } from '../forms/wording.ts';

export interface AttestationData {
  issuer: Issuer;
  documentName: string;
  /** Pages of the copy, not counting this one. */
  pages: number;
  number: string;
  book: string;
  date: Date;
  officerName: string;
}

export async function buildAttestationPdf(d: AttestationData): Promise<Uint8Array> {
  const w = await FormWriter.create({ title: `Lời chứng — số ${d.number}, quyển số ${d.book}`, subject: d.documentName, author: d.issuer.agencyName, date: d.date }, 'A4');
  w.header({ ...d.issuer, number: `${d.number}, quyển số ${d.book}`, date: d.date });
  w.title('Lời chứng', [[{ text: 'Chứng thực bản sao điện tử từ bản chính', style: 'italic' }]]);
  const indent = { firstIndent: mm(10), spaceAfter: 4 };
  w.paragraph([{ text: 'Chứng thực bản sao điện tử này đúng với bản chính: ' }, { text: d.documentName, style: 'bold' }, { text: '.' }], indent);
  w.paragraph(`Bản sao gồm ${String(d.pages).padStart(2, '0')} trang, không kể trang lời chứng này.`, indent);
  w.paragraph([{ text: 'Số chứng thực: ' }, { text: d.number, style: 'bold' }, { text: '; quyển số: ' }, { text: d.book, style: 'bold' }, { text: '.' }], indent);
  w.paragraph(`${d.issuer.place}, ${dateWords(d.date)}.`, { ...indent, align: 'right' });
  w.signatures([{ title: 'Người thực hiện chứng thực', hint: `(Đã ký số: ${d.issuer.agencyName})`, name: d.officerName }]);
  return w.save();
}
