/**
 * Form 02 (Circular 03/2025/TT-VPCP): "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", listing at once
 * everything the applicant must add or correct (Decree 118/2025 Art. 17, 19). Built from plain
 * data, no I/O beyond the font files.
 */
import { fillText, type FormTemplate } from '../../domain/form-templates.ts';
import { codeLines, formDocument, onePage, labelled, writeApplicant, writeRequest, youOf, type ApplicantInfo, type ExternalCode, type Issuer, type ProcedureInfo } from './form-parts.ts';
import { mm, type FormWriter } from './layout.ts';

export interface SupplementItem {
  /** A document requirement or a form field of the procedure. */
  targetType: 'document' | 'field';
  /** Its name as the procedure states it ("Tờ khai thay đổi thông tin cư trú"). */
  targetName: string;
  reason: string;
}

export interface SupplementData {
  template: FormTemplate;
  issuer: Issuer;
  code: string;
  /** Its code at the national portal (or the system that forwarded it), printed under ours. */
  externalCode?: ExternalCode | null;
  applicant: ApplicantInfo;
  procedure: ProcedureInfo;
  /** Which request this is (1 for the first). */
  round: number;
  requestedAt: Date;
  items: readonly SupplementItem[];
  /** The official who made the request; null when not known. */
  officerName: string | null;
  /** Where to ask for guidance ("Bộ phận Một cửa …"). */
  contactDesk: string;
  /** `<PUBLIC_URL>/tra-cuu/<code>` */
  trackingUrl: string;
}

/** Form 02 as an A5 PDF. */
async function drawSupplement(data: SupplementData, density: number): Promise<FormWriter> {
  const tx = data.template.texts;
  const w = await formDocument(data.template, {
    subject: `${data.template.title} ${data.code} (lần ${data.round}): ${data.procedure.name}`,
    author: data.issuer.agencyName,
    date: data.requestedAt,
    code: data.code,
  }, density);
  w.header({ ...data.issuer, number: data.code, date: data.requestedAt, formNumber: `Mẫu số ${data.template.number}` });
  w.title(data.template.title, codeLines(data.code, data.externalCode, [{ text: data.round > 1 ? ` (yêu cầu lần ${data.round})` : '' }]));

  writeApplicant(w, data.applicant.kind === 'business' ? 'Hồ sơ của tổ chức' : 'Hồ sơ của ông/bà', data.applicant);
  writeRequest(w, data.procedure);
  const vars = { you: youOf(data.applicant), tracking: data.trackingUrl, desk: data.contactDesk };
  w.paragraph(fillText(tx.intro!, vars), { firstIndent: mm(10), spaceAfter: 3 });
  data.items.forEach((item, i) => {
    w.item(`${i + 1}.`, labelled(item.targetType === 'document' ? 'Giấy tờ' : 'Thông tin', item.targetName));
    w.item('', labelled('Lý do', item.reason, 'regular'), { spaceAfter: 3 });
  });
  w.paragraph(fillText(tx.how!, vars), { firstIndent: mm(10) });
  w.paragraph(fillText(tx.help!, vars), { firstIndent: mm(10) });

  w.signatures([{ title: tx.officerSigns!, hint: tx.signHint!, name: data.officerName }]);
  return w;
}

/** Form as a PDF, on one page (a little smaller if need be, see onePage). */
export function buildSupplementPdf(data: SupplementData): Promise<Uint8Array> {
  return onePage((density) => drawSupplement(data, density));
}
