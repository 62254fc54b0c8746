/**
 * Form 02 (Circular 01/2018/TT-VPCP): "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", listing at once
 * everything the applicant must add or correct (Decree 61/2018 Art. 17, 19). Built from plain
 * data, no I/O beyond the font files.
 */
import { labelled, writeApplicant, writeRequest, type ApplicantInfo, type Issuer, type ProcedureInfo } from './form-parts.ts';
import { FormWriter, mm } from './layout.ts';

export const SUPPLEMENT_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

export interface SupplementItem {
  /** A document requirement or a form field of the procedure. */
  targetType: 'document' | 'field';
  /** Its name as the procedure states it ("Tờ khai thay đổi thông tin cư trú"). */
  targetName: string;
  reason: string;
}

export interface SupplementData {
  issuer: Issuer;
  code: string;
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
export async function buildSupplementPdf(data: SupplementData): Promise<Uint8Array> {
  const w = await FormWriter.create({
    title: `${SUPPLEMENT_TITLE} — ${data.code}`,
    subject: `Yêu cầu bổ sung hồ sơ ${data.code} (lần ${data.round}): ${data.procedure.name}`,
    author: data.issuer.agencyName,
    date: data.requestedAt,
  });
  w.header({ ...data.issuer, number: data.code, date: data.requestedAt });
  w.title(SUPPLEMENT_TITLE, [[...labelled('Mã hồ sơ', data.code), { text: data.round > 1 ? ` (yêu cầu lần ${data.round})` : '' }]]);

  writeApplicant(w, data.applicant.kind === 'business' ? 'Hồ sơ của tổ chức' : 'Hồ sơ của ông/bà', data.applicant);
  writeRequest(w, data.procedure);
  const you = data.applicant.kind === 'business' ? 'tổ chức' : 'ông/bà';
  w.paragraph(`Sau khi xem xét, đề nghị ${you} bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`, { firstIndent: mm(10), spaceAfter: 3 });
  data.items.forEach((item, i) => {
    w.item(`${i + 1}.`, labelled(item.targetType === 'document' ? 'Giấy tờ' : 'Thông tin', item.targetName));
    w.item('', labelled('Lý do', item.reason, 'regular'), { spaceAfter: 3 });
  });
  w.paragraph(
    `Hồ sơ được bổ sung trực tuyến (tra cứu tại ${data.trackingUrl}) hoặc tại ${data.contactDesk}. ` +
      'Thời hạn giải quyết được tính từ khi nhận đủ hồ sơ theo yêu cầu.',
    { firstIndent: mm(10) },
  );
  w.paragraph(`Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ${you} liên hệ ${data.contactDesk} để được hướng dẫn.`, { firstIndent: mm(10) });

  w.signatures([{ title: 'Người hướng dẫn', hint: '(Ký và ghi rõ họ tên)', name: data.officerName }]);
  return w.save();
}
