/**
 * Form 01 (Circular 01/2018/TT-VPCP): "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", the receipt
 * with the appointment date that a complete dossier gets when it is received (Decree 61/2018
 * Art. 17). Built from plain data, no I/O beyond the font files.
 */
import type { DocumentKind, TimeLimit } from '../../domain/procedure.ts';
import { labelled, writeApplicant, writeRequest, type ApplicantInfo, type Issuer, type ProcedureInfo } from './form-parts.ts';
import { FormWriter } from './layout.ts';
import { DOCUMENT_KIND_WORDS, timeLimitWords, timeWords, vndWords } from './wording.ts';

export const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

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
  issuer: Issuer;
  /** The dossier code, printed as the number and under the title. */
  code: string;
  /** The desk of the issuing agency that received the dossier ("Bộ phận Một cửa"); results are collected there. */
  receivingDesk: string;
  applicant: ApplicantInfo;
  procedure: ProcedureInfo & { timeLimit: TimeLimit | null };
  documents: readonly ReceiptDocument[];
  /** Number of sets of the dossier (bộ hồ sơ). */
  sets: number;
  fees: readonly ReceiptFee[];
  receivedAt: Date;
  /** The appointment; null when the time limit is to be confirmed. */
  dueAt: Date | null;
  /** The receiving officer; null when not known. */
  officerName: string | null;
  /** `<PUBLIC_URL>/tra-cuu/<code>` */
  trackingUrl: string;
  channel: 'online' | 'in_person' | 'post';
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

/** Where the result is collected, from the channel the applicant used. */
function collectionPlace(d: ReceiptData): string {
  switch (d.channel) {
    case 'online':
      return 'Nhận trực tuyến (bản điện tử) trên tài khoản dịch vụ công của người nộp hồ sơ';
    case 'post':
      return 'Qua dịch vụ bưu chính, đến địa chỉ của người nộp hồ sơ';
    default:
      return d.receivingDesk;
  }
}

function feeWords(fees: readonly ReceiptFee[]): string {
  if (fees.length === 0 || fees.every((f) => f.amountVnd === 0)) return 'Không thu phí, lệ phí.';
  const list = fees.map((f) => `${f.name}: ${f.amountVnd === null ? 'mức thu cần xác nhận' : vndWords(f.amountVnd)}`).join('; ');
  return `${list}. Nộp tại Bộ phận Một cửa, qua bưu chính hoặc trực tuyến.`;
}

/** Form 01 as a one- or two-page A5 PDF. */
export async function buildReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  const w = await FormWriter.create({
    title: `${RECEIPT_TITLE} — ${data.code}`,
    subject: `Giấy tiếp nhận hồ sơ ${data.code}: ${data.procedure.name}`,
    author: data.issuer.agencyName,
    date: data.receivedAt,
  });
  w.header({ ...data.issuer, number: data.code, date: data.receivedAt });
  w.title(RECEIPT_TITLE, [labelled('Mã hồ sơ', data.code)]);

  w.paragraph(labelled('Đơn vị tiếp nhận', data.receivingDesk, 'regular'), { align: 'left' });
  writeApplicant(w, data.applicant.kind === 'business' ? 'Tiếp nhận hồ sơ của tổ chức' : 'Tiếp nhận hồ sơ của ông/bà', data.applicant);
  writeRequest(w, data.procedure);

  w.item('1.', 'Thành phần hồ sơ nộp gồm:');
  w.table(
    [
      { title: 'TT', width: 20, align: 'center' },
      { title: 'Tên giấy tờ' },
      { title: 'Hình thức', width: 58, align: 'center' },
      { title: 'Số lượng', width: 43, align: 'center' },
    ],
    data.documents.map((doc, i) => [String(i + 1), doc.name, DOCUMENT_KIND_WORDS[doc.kind], two(doc.count)]),
  );
  const electronic = data.channel === 'online' ? ', bản điện tử nộp trực tuyến' : '';
  w.item('2.', [...labelled('Số lượng hồ sơ', `${two(data.sets)} bộ`), { text: ` (${documentTotals(data.documents)}${electronic}).` }]);
  w.item('3.', labelled('Thời hạn giải quyết hồ sơ theo quy định', timeLimitWords(data.procedure.timeLimit)));
  w.item('4.', labelled('Thời gian nhận hồ sơ', timeWords(data.receivedAt)));
  w.item('5.', labelled('Hẹn trả kết quả', data.dueAt ? timeWords(data.dueAt) : 'Cần xác nhận (sẽ thông báo cho người nộp hồ sơ)'));
  w.item('6.', labelled('Nơi trả kết quả', collectionPlace(data), 'regular'));
  w.item('7.', labelled('Phí, lệ phí', feeWords(data.fees), 'regular'));
  w.item('8.', labelled('Tra cứu tình trạng hồ sơ', data.trackingUrl, 'regular'));

  w.signatures([
    { title: 'Người nộp hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: data.applicant.fullName },
    { title: 'Người tiếp nhận hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: data.officerName },
  ]);
  return w.save();
}
