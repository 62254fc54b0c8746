import { vnDateOf } from '../../domain/calendar/index.ts';
import type { Obstacle, ProjectSummary } from '../../domain/projects-contract.ts';
import { dayVi, lateReasonsVi, PROJECT_STATE_LABELS } from '../../domain/projects.ts';
import type { Issuer } from '../forms/form-parts.ts';
import { FormWriter } from '../forms/layout.ts';
import type { ExportColumn, ExportTable } from '../exports/table.ts';
import { tableToXlsx } from '../exports/xlsx.ts';

/**
 * The leaders' exports (docs/PROJECTS.md): the register as a spreadsheet, one row a project in the
 * page's order, and the printable brief of the late projects for a meeting (why each is late, its
 * open obstacles, the directions given with their owners and deadlines).
 */

const bn = (vnd: number | null) => (vnd === null ? null : Math.round(vnd));
const pct = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** The register as a table, rows as listed (late first). */
export function projectsTable(items: readonly ProjectSummary[], now: Date): ExportTable {
  const today = dayVi(vnDateOf(now));
  const col = (header: string, kind: ExportColumn['kind'], width?: number): ExportColumn => (width ? { header, kind, width } : { header, kind });
  return {
    title: `Danh mục dự án đến ngày ${today}`,
    sheet: `Dự án ${today.replace(/\//g, '-')}`,
    columns: [
      col('Mã', 'text', 9),
      col('Tên dự án', 'text', 40),
      col('Loại', 'text', 12),
      col('Nhà đầu tư / chủ đầu tư', 'text', 34),
      col('Tình trạng', 'text', 16),
      col('Vì sao', 'text', 60),
      col('Số ngày chậm', 'number', 10),
      col('Vốn đăng ký (đồng)', 'number', 20),
      col('Giải ngân kế hoạch (đồng)', 'number', 20),
      col('Giải ngân thực tế (đồng)', 'number', 20),
      col('Khối lượng kế hoạch', 'percent', 12),
      col('Khối lượng thực tế', 'percent', 12),
      col('Diện tích (m²)', 'number', 12),
      col('Địa điểm', 'text', 34),
      col('Mục đích sử dụng đất', 'text', 24),
      col('Khu quy hoạch', 'text', 30),
      col('Phòng theo dõi', 'text', 28),
      col('Vướng mắc đang mở', 'number', 10),
      col('Chỉ đạo quá hạn', 'number', 10),
      col('Báo cáo gần nhất', 'date', 12),
    ],
    rows: items.map((p) => [
      p.code,
      p.name,
      p.kind === 'investment' ? 'Đầu tư' : 'Đầu tư công',
      p.investorName,
      PROJECT_STATE_LABELS[p.assessment.state].vi,
      lateReasonsVi(p.assessment).join('\n'),
      p.assessment.daysLate,
      bn(p.registeredCapitalVnd),
      bn(p.assessment.plannedDisbursedVnd),
      bn(p.assessment.actualDisbursedVnd),
      pct(p.assessment.plannedProgressPct),
      pct(p.assessment.actualProgressPct),
      p.areaM2,
      p.address,
      p.landUse,
      p.planningZone,
      p.department?.name ?? '',
      p.obstacles.open,
      p.obstacles.overdueDirections,
      p.lastUpdateOn,
    ]),
  };
}

/** The register as XLSX, rows as listed (late first). */
export function projectsXlsx(items: readonly ProjectSummary[], now: Date): Promise<Buffer> {
  return tableToXlsx(projectsTable(items, now), now);
}

const ownerOf = (o: Obstacle['actor'], investorName: string) => (o.kind === 'department' ? (o.department?.name ?? '') : o.kind === 'investor' ? `Nhà đầu tư (${investorName})` : o.other);

function directionLine(d: Obstacle['directions'][number], investorName: string): string {
  const s = d.status;
  const state =
    s.state === 'overdue'
      ? `QUÁ HẠN ${s.daysOverdue} NGÀY`
      : s.state === 'due_soon'
        ? `còn ${s.daysLeft} ngày`
        : s.state === 'open'
          ? 'đang thực hiện'
          : s.state === 'done_late'
            ? `hoàn thành sau hạn ${s.daysOverdue} ngày`
            : 'đã hoàn thành';
  return `Chỉ đạo (${d.givenBy}): ${d.text} — giao ${ownerOf(d.owner, investorName)}, hạn ${dayVi(d.deadline)}: ${state}.`;
}

/** The brief of the late projects, A4, in the ward's administrative layout. */
export async function lateBriefPdf(d: { issuer: Issuer; date: Date; ruleBasis: string; items: readonly { project: ProjectSummary; obstacles: readonly Obstacle[] }[] }): Promise<Uint8Array> {
  const today = dayVi(vnDateOf(d.date));
  const w = await FormWriter.create({ title: `Báo cáo nhanh các dự án chậm tiến độ đến ngày ${today}`, subject: 'Dự án chậm tiến độ', author: d.issuer.agencyName, date: d.date }, 'A4');
  w.header({ ...d.issuer, number: '', date: d.date });
  w.title('Báo cáo nhanh các dự án chậm tiến độ', [[{ text: `Tính đến ngày ${today}; tiêu chí: ${d.ruleBasis}`, style: 'italic' }]]);
  if (d.items.length === 0) w.paragraph('Không có dự án nào chậm tiến độ.', { align: 'left' });
  d.items.forEach(({ project: p, obstacles }, i) => {
    w.space(4);
    w.paragraph([{ text: `${i + 1}. ${p.code} — ${p.name}`, style: 'bold' }], { align: 'left' });
    w.paragraph([{ text: 'Nhà đầu tư: ', style: 'italic' }, { text: `${p.investorName}; phòng theo dõi: ${p.department?.name ?? 'chưa giao'}.` }], { align: 'left' });
    w.paragraph([{ text: 'Vì sao chậm:', style: 'italic' }], { align: 'left' });
    for (const r of lateReasonsVi(p.assessment)) w.item('–', r, { hanging: w.pt(12) });
    const open = obstacles.filter((o) => o.resolvedAt === null);
    w.paragraph([{ text: open.length ? 'Vướng mắc và ý kiến chỉ đạo:' : 'Không có vướng mắc đang mở.', style: 'italic' }], { align: 'left' });
    for (const o of open) {
      w.item('–', `${o.description} (phải xử lý: ${ownerOf(o.actor, p.investorName)})`, { hanging: w.pt(12) });
      for (const x of o.directions) w.item('+', directionLine(x, p.investorName), { hanging: w.pt(24) });
    }
  });
  return w.save();
}
