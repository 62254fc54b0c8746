/**
 * The periodic report to the province as a printable PDF (docs/INDICATORS.md, *The report to the
 * province*): A4 landscape in the administrative layout of the printed forms (FormWriter, Decree
 * 30/2020: Quốc hiệu, Tiêu ngữ, unit, number and date, the chairman's signature block), with the
 * table of the Government Office's form on TTHC handling by field, the late dossiers with the
 * reason and apology recorded, and the Decision 766 index. Imported on the first report (pdf-lib).
 */
import type { ReportLine } from '../../domain/province-report.ts';
import { periodWords } from '../../domain/province-report.ts';
import { dateTimeVn, dayVn } from '../exports/table.ts';
import { FormWriter, mm } from '../forms/layout.ts';
import type { ProvinceReportData } from './province-report.ts';

/** At most this many late dossiers are listed one by one; the rest are counted (the XLSX export lists them all). */
export const LATE_LISTED = 100;

const n = (v: number) => v.toLocaleString('vi-VN');
const share = (v: number | null) => (v === null ? 'chưa có' : `${v.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`);

const cells = (l: ReportLine) => [
  l.received.total,
  l.received.carried,
  l.received.online,
  l.received.direct,
  l.settled.total,
  l.settled.early,
  l.settled.onTime,
  l.settled.late,
  l.inProgress.total,
  l.inProgress.onTime,
  l.inProgress.overdue,
].map(n);

export async function provinceReportPdf(d: ProvinceReportData): Promise<Uint8Array> {
  const when = periodWords(d.period);
  const title = `Báo cáo tình hình, kết quả giải quyết thủ tục hành chính ${when}`;
  const w = await FormWriter.create({ title, subject: title, author: d.issuer.agencyName, date: d.date, keywords: ['Báo cáo định kỳ', 'Kiểm soát thủ tục hành chính', 'Quyết định 766/QĐ-TTg'] }, 'A4_landscape');
  w.header({ ...d.issuer, number: d.number, date: d.date });
  w.title('Báo cáo', [[{ text: `Tình hình, kết quả giải quyết thủ tục hành chính ${when}`, style: 'bold' }]]);
  if (d.issuer.parentName) w.paragraph([{ text: 'Kính gửi: ', style: 'italic' }, { text: `${d.issuer.parentName} (Văn phòng ${d.issuer.parentName}).` }], { align: 'center' });
  w.space(4);
  const indent = { firstIndent: w.pt(28) };
  // A section's heading never ends a page: it keeps a few lines of what follows.
  const section = (text: string) => {
    w.ensure(w.pt(13.5) * 1.15 * 5);
    w.paragraph([{ text, style: 'bold' }], { align: 'left' });
  };
  w.paragraph(
    `Thực hiện chế độ báo cáo định kỳ về tình hình, kết quả giải quyết thủ tục hành chính, ${d.issuer.agencyName} báo cáo kết quả ${when} (${when.startsWith('từ ngày') ? '' : `từ ngày ${dayVn(d.period.from)} đến ngày ${dayVn(d.period.to)}; `}số liệu lấy từ hệ thống lúc ${dateTimeVn(d.date)}) như sau:`,
    indent,
  );

  section('1. Tình hình, kết quả giải quyết thủ tục hành chính');
  const t = d.total;
  w.paragraph(
    `Tổng số hồ sơ nhận giải quyết: ${n(t.received.total)} (kỳ trước chuyển qua ${n(t.received.carried)}; mới tiếp nhận trực tuyến ${n(t.received.online)}; trực tiếp và qua dịch vụ bưu chính ${n(t.received.direct)}). ` +
      `Đã giải quyết ${n(t.settled.total)} (trước hạn ${n(t.settled.early)}; đúng hạn ${n(t.settled.onTime)}; quá hạn ${n(t.settled.late)}); tỷ lệ giải quyết trước và đúng hạn ${share(d.headline.onTimeShare)}. ` +
      `Đang giải quyết ${n(t.inProgress.total)} (trong hạn ${n(t.inProgress.onTime)}; quá hạn ${n(t.inProgress.overdue)}). ` +
      `Từ chối, trả lại, rút hoặc dừng: ${n(t.closed)}. Tỷ lệ nộp trực tuyến ${share(d.headline.onlineShare)}; ${n(d.supplement.rounds)} lần yêu cầu bổ sung (${n(d.supplement.late)} lần quá 3 ngày làm việc).`,
    indent,
  );
  const c = (title: string, width: number) => ({ title, width: mm(width), align: 'right' as const });
  const size = w.pt(10.5);
  w.table(
    [
      { title: 'STT', width: mm(9), align: 'center' },
      { title: 'Lĩnh vực' },
      c('Tổng số nhận giải quyết', 17),
      c('Kỳ trước chuyển qua', 17),
      c('Mới nhận: trực tuyến', 17),
      c('Mới nhận: trực tiếp, bưu chính', 19),
      c('Đã giải quyết: tổng số', 17),
      c('Trước hạn', 15),
      c('Đúng hạn', 15),
      c('Quá hạn', 15),
      c('Đang giải quyết: tổng số', 18),
      c('Trong hạn', 15),
      c('Quá hạn', 15),
    ],
    [...d.fields.map((f, i) => [String(i + 1), f.field || 'Khác', ...cells(f.line)]), ['', 'Tổng cộng', ...cells(t)]],
    size,
  );

  section('2. Hồ sơ quá hạn, nguyên nhân và việc xin lỗi');
  const apologies = d.late.filter((x) => x.apology);
  w.paragraph(
    d.late.length === 0
      ? 'Trong kỳ không có hồ sơ giải quyết quá hạn, không có hồ sơ đang quá hạn.'
      : `Trong kỳ có ${n(t.settled.late)} hồ sơ giải quyết quá hạn và ${n(t.inProgress.overdue)} hồ sơ đang quá hạn. ${n(apologies.length)} hồ sơ đã có văn bản xin lỗi và hẹn lại ngày trả kết quả (${n(apologies.filter((x) => x.apology!.onTime).length)} văn bản gửi trước hạn ít nhất một ngày). Nguyên nhân quá hạn theo từng hồ sơ:`,
    indent,
  );
  if (d.late.length > 0) {
    const listed = d.late.slice(0, LATE_LISTED);
    w.table(
      [
        { title: 'STT', width: mm(9), align: 'center' },
        { title: 'Mã hồ sơ', width: mm(52) },
        { title: 'Thủ tục hành chính' },
        { title: 'Hạn giải quyết', width: mm(28), align: 'center' },
        { title: 'Có kết quả', width: mm(28), align: 'center' },
        { title: 'Nguyên nhân quá hạn', width: mm(50) },
        { title: 'Xin lỗi, hẹn lại', width: mm(25), align: 'center' },
      ],
      listed.map((x, i) => [
        String(i + 1),
        x.code,
        x.procedureName,
        dateTimeVn(x.dueAt),
        x.finishedAt ? dateTimeVn(x.finishedAt) : 'Đang giải quyết',
        x.reason ?? 'Chưa ghi nhận (chưa có văn bản xin lỗi)',
        x.apology ? `${dateTimeVn(x.apology.newDueAt).slice(0, 10)}${x.apology.onTime ? '' : ' (muộn)'}` : 'Chưa',
      ]),
      size,
    );
    if (d.late.length > listed.length) w.paragraph([{ text: `Và ${n(d.late.length - listed.length)} hồ sơ khác (danh sách đầy đủ: bảng xuất Excel "Giải quyết trễ hạn", "Đang quá hạn").`, style: 'italic' }], { align: 'left' });
  }

  section('3. Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg)');
  const ix = d.index;
  w.paragraph(`Điểm tự đánh giá ${when}: ${n(ix.total)}/${n(ix.max)} điểm (cách chấm phiên bản ${ix.rule.version}: ${ix.rule.basis.split(' / ')[0]}). Theo 5 nhóm chỉ số của Quyết định: ${ix.groups5.map((g) => `${g.vi} ${n(g.points)}/${n(g.max)}`).join('; ')}.`, indent);
  w.table(
    [{ title: 'STT', width: mm(9), align: 'center' }, { title: 'Nhóm chỉ số (6 nhóm, Cổng Dịch vụ công quốc gia)' }, c('Điểm đạt', 30), c('Điểm tối đa', 30), c('Điểm bị trừ', 30)],
    [...ix.groups6.map((g, i) => [String(i + 1), g.vi, n(g.points), n(g.max), n(Math.round((g.max - g.points) * 100) / 100)]), ['', 'Tổng cộng', n(ix.total), n(ix.max), n(Math.round((ix.max - ix.total) * 100) / 100)]],
    size,
  );
  w.signatures([{ title: 'TM. Ủy ban nhân dân\nChủ tịch', name: null }]);
  return w.save();
}
