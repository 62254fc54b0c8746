/**
 * Forms 03, 04 and 05 (Circular 03/2025/TT-VPCP): the letters the agency sends the applicant —
 * refusal to receive or handle a dossier (with the reason), apology with a new appointment date,
 * notice of stopping (on the applicant's request or by decision). Each is one A5 page: header,
 * title, "Kính gửi", the template's sentences filled from the dossier, the signature.
 */
import { fillText, type FormTemplate } from '../../domain/form-templates.ts';
import { codeLines, formDocument, onePage, youOf, type ApplicantInfo, type ExternalCode, type Issuer, type ProcedureInfo } from './form-parts.ts';
import { mm, type FormWriter } from './layout.ts';
import { timeWords } from './wording.ts';

export interface NoticeData {
  template: FormTemplate;
  issuer: Issuer;
  code: string;
  /** Its code at the national portal (or the system that forwarded it), printed under ours. */
  externalCode?: ExternalCode | null;
  applicant: ApplicantInfo;
  procedure: ProcedureInfo;
  /** The date of the letter: when the action was taken. */
  date: Date;
  /** The desk ("Bộ phận Một cửa, Ủy ban nhân dân phường Nông Trang"). */
  desk: string;
  receivedAt: Date | null;
  reason: string;
  /** 04: the appointment given before, and the new one. */
  previousDue?: Date | null;
  newDue?: Date | null;
  /** 05: stopped on the applicant's request (withdrawal) rather than by decision. */
  onRequest?: boolean;
  /** The name under the signature (see signerOf in forms.loaders.ts); null leaves it blank. */
  signerName: string | null;
}

/** The sentences of the notice, in order, with the dossier's facts filled in. */
export function noticeParagraphs(d: NoticeData): string[] {
  const tx = d.template.texts;
  const vars: Record<string, string> = {
    you: youOf(d.applicant),
    applicant: d.applicant.fullName,
    unit: d.issuer.agencyName,
    desk: d.desk,
    code: d.code,
    procedure: d.procedure.name,
    reason: d.reason,
    date: timeWords(d.date),
    receivedAt: d.receivedAt ? timeWords(d.receivedAt) : '—',
    previousDue: d.previousDue ? timeWords(d.previousDue) : '—',
    newDue: d.newDue ? timeWords(d.newDue) : '—',
  };
  const keys: Record<string, string[]> = {
    '03': ['intro', 'refusal', '__reason', 'closing'],
    '04': ['intro', 'delay', 'apology', 'closing'],
    '05': ['intro', d.onRequest ? 'onRequest' : 'byDecision', 'closing'],
  };
  return (keys[d.template.number] ?? []).map((k) => (k === '__reason' ? d.reason : fillText(tx[k] ?? '', vars))).filter((p) => p.trim() !== '');
}

/** Form 03, 04 or 05 as a one-page A5 PDF. */
async function drawNotice(d: NoticeData, density: number): Promise<FormWriter> {
  const tx = d.template.texts;
  const w = await formDocument(d.template, { subject: `${d.template.title} ${d.code}: ${d.procedure.name}`, author: d.issuer.agencyName, date: d.date, code: d.code }, density);
  w.header({ ...d.issuer, number: d.code, date: d.date, formNumber: `Mẫu số ${d.template.number}` });
  w.title(d.template.title, codeLines(d.code, d.externalCode));
  w.paragraph([{ text: 'Kính gửi: ' }, { text: d.applicant.fullName, style: 'bold' }], { align: 'center', spaceAfter: 4 });
  for (const text of noticeParagraphs(d)) w.paragraph(text, { firstIndent: mm(10), spaceAfter: 3 });
  w.signatures([{ title: tx.signerTitle ?? tx.officerSigns ?? '', hint: tx.signHint ?? '', name: d.signerName }]);
  return w;
}

/** Form as a PDF, on one page (a little smaller if need be, see onePage). */
export function buildNoticePdf(d: NoticeData): Promise<Uint8Array> {
  return onePage((density) => drawNotice(d, density));
}
