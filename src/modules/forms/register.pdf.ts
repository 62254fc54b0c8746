/**
 * Form 07 (Circular 03/2025/TT-VPCP): "Sổ theo dõi hồ sơ", the one-stop desk's register of the
 * dossiers received in a period, on A4 (landscape by default: thirteen columns), the heading row
 * repeated on every page. Built from plain data.
 */
import { fillText, type FormTemplate } from '../../domain/form-templates.ts';
import { formDocument, type Issuer } from './form-parts.ts';
import { dateOnlyWords, shortTimeWords } from './wording.ts';

export interface RegisterRow {
  code: string;
  procedure: string;
  sets: number;
  applicant: string;
  /** Address and phone. */
  contact: string;
  /** The unit that handles it. */
  handlingUnit: string;
  receivedAt: Date;
  dueAt: Date | null;
  /** When it went to the handling department or unit (the first assignment or transfer). */
  forwardedAt: Date | null;
  /** When the result came back to the desk. */
  resultAt: Date | null;
  returnedAt: Date | null;
  /** Status in words, a refusal or withdrawal reason, "Trễ hạn"… */
  note: string;
}

export interface RegisterData {
  template: FormTemplate;
  issuer: Issuer;
  from: Date;
  to: Date;
  /** When the register was printed. */
  date: Date;
  rows: readonly RegisterRow[];
}

const when = (d: Date | null) => (d ? shortTimeWords(d) : '');

/** Form 07 as an A4 PDF of as many pages as the period needs. */
export async function buildRegisterPdf(d: RegisterData): Promise<Uint8Array> {
  const period = fillText(d.template.texts.period ?? '', { from: dateOnlyWords(d.from), to: dateOnlyWords(d.to) });
  const w = await formDocument(d.template, { subject: `${d.template.title}: ${period}`, author: d.issuer.agencyName, date: d.date });
  w.header({ ...d.issuer, number: '', date: d.date, formNumber: `Mẫu số ${d.template.number}` });
  w.title(d.template.title, [[{ text: period, style: 'italic' }]]);
  const size = w.pt(10);
  const c = (title: string, width: number, align: 'left' | 'center' = 'center') => ({ title, width: width * (72 / 25.4), align });
  w.table(
    [
      c('TT', 7),
      c('Mã hồ sơ', 27, 'left'),
      { title: 'Tên thủ tục hành chính' },
      c('Số bộ', 8),
      c('Tên cá nhân, tổ chức', 24, 'left'),
      c('Địa chỉ, số điện thoại', 28, 'left'),
      c('Cơ quan chủ trì giải quyết', 22, 'left'),
      c('Nhận hồ sơ', 17),
      c('Hẹn trả kết quả', 17),
      c('Chuyển hồ sơ đến cơ quan giải quyết', 17),
      c('Nhận kết quả từ cơ quan giải quyết', 17),
      c('Trả kết quả', 17),
      c('Ghi chú', 18, 'left'),
    ],
    d.rows.map((r, i) => [
      String(i + 1),
      r.code,
      r.procedure,
      String(r.sets),
      r.applicant,
      r.contact,
      r.handlingUnit,
      when(r.receivedAt),
      when(r.dueAt),
      when(r.forwardedAt),
      when(r.resultAt),
      when(r.returnedAt),
      r.note,
    ]),
    size,
  );
  w.paragraph(fillText(d.template.texts.totals ?? '', { count: String(d.rows.length) }), { align: 'left', size: w.pt(12) });
  return w.save();
}
