/**
 * Form 01 (Circular 03/2025/TT-VPCP): "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", the receipt
 * with the appointment date that a complete dossier gets when it is received (Decree 118/2025
 * Art. 17), with a barcode of the dossier code and a QR code of its tracking page. One A5 page.
 * Built from plain data, no I/O beyond the font files.
 */
import type { FormTemplate } from '../../domain/form-templates.ts';
import type { ResultDelivery } from '../../domain/result-delivery.ts';
import type { DocumentKind, TimeLimit } from '../../domain/procedure.ts';
import { qrPng } from '../signing/stamp.ts';
import { barcodePng, codeLines, formDocument, labelled, onePage, writeApplicant, writeRequest, type ApplicantInfo, type ExternalCode, type Issuer, type ProcedureInfo } from './form-parts.ts';
import { mm, type FormWriter } from './layout.ts';
import { DOCUMENT_KIND_WORDS, timeLimitWords, timeWords, vndWords } from './wording.ts';

export interface ReceiptDocument {
  name: string;
  kind: DocumentKind;
  /** Number of pieces received for this requirement. */
  count: number;
}

export interface ReceiptFee {
  name: string;
  /** null = the amount is still to be confirmed. */
  amountVnd: number | null;
}

export interface ReceiptData {
  template: FormTemplate;
  issuer: Issuer;
  /** The dossier code, printed as the number and under the title. */
  code: string;
  /** Its code at the national portal (or the system that forwarded it), printed under ours. */
  externalCode?: ExternalCode | null;
  /** The desk of the issuing agency that received the dossier ("Bộ phận Một cửa"); results are collected there. */
  receivingDesk: string;
  applicant: ApplicantInfo;
  procedure: ProcedureInfo & { timeLimit: TimeLimit | null };
  documents: readonly ReceiptDocument[];
  /** Number of sets of the dossier (bộ hồ sơ). */
  sets: number;
  fees: readonly ReceiptFee[];
  receivedAt: Date;
  /** The appointment: the time limit's due date, or the receiving officer's date. */
  dueAt: Date;
  /**
   * Set when the procedure's time limit is unconfirmed and the receiving officer gave the date:
   * why (docs/adr/0005-legal-clock.md).
   */
  appointmentReason: string | null;
  /** The receiving officer; null when not known. */
  officerName: string | null;
  /** `<PUBLIC_URL>/tra-cuu/<code>` */
  trackingUrl: string;
  channel: 'online' | 'in_person' | 'post';
  /** How the applicant chose to receive the result; null on dossiers filed before the choice (the channel decides). */
  resultDelivery: ResultDelivery | null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "02 bản chính, 01 bản sao có chứng thực" (kinds with no piece are left out). */
export function documentTotals(documents: readonly ReceiptDocument[]): string {
  const sum = (kinds: DocumentKind[]) => documents.filter((d) => kinds.includes(d.kind)).reduce((n, d) => n + d.count, 0);
  const parts = [
    [sum(['original', 'form']), 'bản chính'],
    [sum(['certified_copy']), 'bản sao có chứng thực'],
    [sum(['copy']), 'bản sao'],
  ] as const;
  const present = parts.filter(([n]) => n > 0);
  return present.length === 0 ? 'không có giấy tờ kèm theo' : present.map(([n, words]) => `${two(n)} ${words}`).join(', ');
}

/** How and where the result is received: the applicant's choice (or, before the choice existed, the channel). */
function collectionPlace(d: ReceiptData): string {
  const how = d.resultDelivery ?? (d.channel === 'online' ? 'electronic' : d.channel === 'post' ? 'post' : 'desk');
  switch (how) {
    case 'electronic':
      return 'Nhận bản điện tử (đã ký số) trên tài khoản dịch vụ công của người nộp hồ sơ';
    case 'post':
      return 'Qua dịch vụ bưu chính, đến địa chỉ của người nộp hồ sơ';
    case 'desk':
      return `Trực tiếp tại ${d.receivingDesk}`;
  }
}

function feeWords(fees: readonly ReceiptFee[]): string {
  if (fees.length === 0 || fees.every((f) => f.amountVnd === 0)) return 'Không thu phí, lệ phí.';
  const list = fees.map((f) => `${f.name}: ${f.amountVnd === null ? 'mức thu cần xác nhận' : vndWords(f.amountVnd)}`).join('; ');
  return `${list}. Nộp tại Bộ phận Một cửa, qua bưu chính hoặc trực tuyến.`;
}

/**
 * Item 3: the statutory time limit — or, when it is unconfirmed, that the receiving officer set the
 * appointment and why (a receipt never reads "Cần xác nhận").
 */
function limitWords(data: ReceiptData): string {
  if (data.appointmentReason === null) return timeLimitWords(data.procedure.timeLimit);
  return `chưa được công bố chính thức; ngày hẹn do cán bộ tiếp nhận xác định (${data.appointmentReason})`;
}

/** Form 01 as an A5 PDF (one page for any usual dossier; a very long list of documents goes on). */
async function drawReceipt(data: ReceiptData, density: number): Promise<FormWriter> {
  const tx = data.template.texts;
  const w = await formDocument(data.template, {
    subject: `${data.template.title} ${data.code}: ${data.procedure.name}`,
    author: data.issuer.agencyName,
    date: data.receivedAt,
    code: data.code,
  }, density);
  w.header({ ...data.issuer, number: data.code, date: data.receivedAt, formNumber: `Mẫu số ${data.template.number}` });
  w.title(data.template.title, codeLines(data.code, data.externalCode));
  // The dossier code as a barcode (the desk's scanner) and the tracking page as a QR code (the applicant's phone).
  const qr = mm(16);
  const top = w.cursor;
  await w.image(await barcodePng(data.code), mm(62), mm(9), 0);
  await w.image(await qrPng(data.trackingUrl, 4), qr, qr, w.width - qr);
  w.cursor = top - mm(10.5);
  w.paragraph(labelled('Đơn vị tiếp nhận', data.receivingDesk, 'regular'), { align: 'left', width: w.width - qr - mm(2) });
  writeApplicant(w, data.applicant.kind === 'business' ? tx.organisation! : tx.person!, data.applicant, w.width - qr - mm(2));
  w.cursor = Math.min(w.cursor, top - qr - 2);
  writeRequest(w, data.procedure);

  w.item('1.', tx.documents!);
  w.table(
    [
      { title: 'TT', width: 20, align: 'center' },
      { title: 'Tên giấy tờ' },
      { title: 'Hình thức', width: mm(19), align: 'center' },
      { title: 'Số lượng', width: mm(13), align: 'center' },
    ],
    data.documents.map((doc, i) => [String(i + 1), doc.name, DOCUMENT_KIND_WORDS[doc.kind], two(doc.count)]),
  );
  const electronic = data.channel === 'online' ? ', bản điện tử nộp trực tuyến' : '';
  w.item('2.', [...labelled('Số lượng hồ sơ', `${two(data.sets)} bộ`), { text: ` (${documentTotals(data.documents)}${electronic}).` }]);
  w.item('3.', labelled('Thời hạn giải quyết hồ sơ theo quy định', limitWords(data), data.appointmentReason === null ? undefined : 'regular'));
  w.item('4.', labelled('Thời gian nhận hồ sơ', timeWords(data.receivedAt)));
  w.item('5.', labelled('Hẹn trả kết quả', timeWords(data.dueAt)));
  w.item('6.', labelled('Nơi trả kết quả', collectionPlace(data), 'regular'));
  w.item('7.', labelled('Phí, lệ phí', feeWords(data.fees), 'regular'));
  w.item('8.', labelled('Tra cứu tình trạng hồ sơ', data.trackingUrl, 'regular'));

  w.signatures([
    { title: tx.applicantSigns!, hint: tx.signHint!, name: data.applicant.fullName },
    { title: tx.officerSigns!, hint: tx.signHint!, name: data.officerName },
  ]);
  return w;
}

/** Form as a PDF, on one page (a little smaller if need be, see onePage). */
export function buildReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  return onePage((density) => drawReceipt(data, density));
}
