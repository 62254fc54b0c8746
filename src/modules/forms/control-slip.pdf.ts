/**
 * Form 06 (Circular 03/2025/TT-VPCP): "Phiếu kiểm soát quá trình giải quyết hồ sơ" — every
 * hand-over of the dossier (from which unit and person to which, when) and whether each step was
 * finished before, on or after its own deadline. A5. Built from plain data.
 */
import type { Timeliness } from '../../domain/calendar/index.ts';
import { fillText, type FormTemplate } from '../../domain/form-templates.ts';
import { codeLines, formDocument, onePage, youOf, type ApplicantInfo, type ExternalCode, type Issuer, type ProcedureInfo } from './form-parts.ts';
import { mm, type FormWriter } from './layout.ts';
import { shortTimeWords, timeWords } from './wording.ts';

export interface HandOver {
  /** "Tiếp nhận hồ sơ → Thẩm định, đề xuất" */
  step: string;
  /** Who handed the dossier over (unit or department, person). */
  from: string;
  /** Who received it. */
  to: string;
  at: Date;
  /** The step handed on was finished before, on or after its deadline; null when it had none. */
  timeliness: Timeliness | null;
}

export interface ControlSlipData {
  template: FormTemplate;
  issuer: Issuer;
  code: string;
  /** Its code at the national portal (or the system that forwarded it), printed under ours. */
  externalCode?: ExternalCode | null;
  applicant: ApplicantInfo;
  procedure: ProcedureInfo;
  receivedAt: Date;
  dueAt: Date | null;
  /** The date the slip is printed for. */
  date: Date;
  handOvers: readonly HandOver[];
}

export const TIMELINESS_WORDS: Record<Timeliness, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

/** Form 06 as an A5 PDF. */
async function drawControlSlip(d: ControlSlipData, density: number): Promise<FormWriter> {
  const w = await formDocument(d.template, { subject: `${d.template.title} ${d.code}: ${d.procedure.name}`, author: d.issuer.agencyName, date: d.date, code: d.code }, density);
  w.header({ ...d.issuer, number: d.code, date: d.date, formNumber: `Mẫu số ${d.template.number}` });
  w.title(d.template.title, codeLines(d.code, d.externalCode));
  const vars = { you: youOf(d.applicant), applicant: d.applicant.fullName, code: d.code, procedure: d.procedure.name, due: d.dueAt ? timeWords(d.dueAt) : 'cần xác nhận' };
  w.paragraph(fillText(d.template.texts.intro ?? '', vars), { firstIndent: mm(10), spaceAfter: 4 });
  w.table(
    [
      { title: 'TT', width: mm(6), align: 'center' },
      { title: 'Giao, nhận hồ sơ' },
      { title: 'Thời gian', width: mm(17), align: 'center' },
      { title: 'Kết quả', width: mm(15), align: 'center' },
    ],
    d.handOvers.map((h, i) => [
      String(i + 1),
      `${h.step}. Bên giao: ${h.from}. Bên nhận: ${h.to}.`,
      shortTimeWords(h.at),
      h.timeliness ? TIMELINESS_WORDS[h.timeliness] : '—',
    ]),
    w.pt(11.5),
  );
  if (d.template.texts.note) w.paragraph([{ text: d.template.texts.note, style: 'italic' }], { size: w.pt(11.5), align: 'left' });
  return w;
}

/** Form as a PDF, on one page (a little smaller if need be, see onePage). */
export function buildControlSlipPdf(d: ControlSlipData): Promise<Uint8Array> {
  return onePage((density) => drawControlSlip(d, density));
}
