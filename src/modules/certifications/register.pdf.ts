/** The certification register of a period as an A4 PDF (sổ chứng thực bản sao từ bản chính). */
import type { Issuer } from '../forms/form-parts.ts';
import { FormWriter, mm } from '../forms/layout.ts';
import { dateOnlyWords, vndWords } from '../forms/wording.ts';
import { registerNumber } from '../../domain/certification.ts';
import type { CertificationRow } from './certifications.repo.ts';
import { ts } from '../dossiers/dossiers.repo.ts';

export async function buildCertificationRegisterPdf(d: { issuer: Issuer; from: Date; to: Date; date: Date; rows: readonly CertificationRow[] }): Promise<Uint8Array> {
  const period = `Từ ngày ${dateOnlyWords(d.from)} đến ngày ${dateOnlyWords(d.to)}`;
  const w = await FormWriter.create({ title: `SỔ CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH — ${period}`, subject: period, author: d.issuer.agencyName, date: d.date }, 'A4_landscape');
  w.header({ ...d.issuer, number: '', date: d.date });
  w.title('Sổ chứng thực bản sao từ bản chính', [[{ text: period, style: 'italic' }]]);
  const c = (title: string, width: number, align: 'left' | 'center' | 'right' = 'center') => ({ title, width: mm(width), align });
  w.table(
    [
      c('Số chứng thực', 20),
      c('Quyển số', 28),
      c('Ngày chứng thực', 22),
      c('Họ tên người yêu cầu', 38, 'left'),
      c('Số định danh', 26),
      { title: 'Tên giấy tờ' },
      c('Số trang', 14),
      c('Số bản', 13),
      c('Phí (đồng)', 20, 'right'),
      c('Người thực hiện', 30, 'left'),
    ],
    d.rows.map((r) => [
      registerNumber(Number(r.number)),
      r.book,
      dateOnlyWords(ts(r.certified_at)!),
      r.citizen,
      r.citizen_id_number ?? '',
      r.document_name,
      String(r.pages),
      String(r.copies),
      vndWords(Number(r.fee_vnd)).replace(' đồng', ''),
      r.certified_by,
    ]),
    w.pt(10),
  );
  const total = d.rows.reduce((n, r) => n + Number(r.fee_vnd), 0);
  w.paragraph(`Tổng số: ${d.rows.length} việc chứng thực; tổng phí: ${vndWords(total)}.`, { align: 'left', size: w.pt(12) });
  return w.save();
}
