import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, type Executor } from '../client.ts';
import { addDays, vnDateOf } from '../../domain/calendar/index.ts';
import type { Geometry } from '../../domain/projects-geo.ts';

/**
 * Demo sites the ward promotes to investors and its approved planning documents (docs/PROJECTS.md):
 * invented but realistic, like the demo projects. The contact is a ward office, never a person.
 */

const box = (w: number, s: number, e: number, n: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const CONTACT = { office: 'Phòng Kinh tế, Hạ tầng và Đô thị – UBND phường Nông Trang', phone: '0210 3846 123', email: 'kinhte.nongtrang@example.vn' };

const SITES = [
  {
    name: 'Cụm công nghiệp – dịch vụ Thụy Vân mở rộng',
    kind: 'zone',
    areaM2: 250_000,
    plannedUse: 'Công nghiệp chế biến nông sản, kho vận, logistics',
    planningZone: 'Khu công nghiệp – dịch vụ phía Tây (quy hoạch phân khu 1/2000, minh họa)',
    location: box(105.333, 21.318, 105.339, 21.322),
    address: 'Khu 8 (xã Thụy Vân cũ), phường Nông Trang',
    summary: 'Quỹ đất sạch 25 ha đã có hạ tầng giao thông đấu nối quốc lộ 2, điện 22 kV và cấp nước; phù hợp dự án chế biến sâu, kho lạnh, trung tâm logistics.',
    incentives: 'Ưu đãi tiền thuê đất theo Nghị định về ưu đãi đầu tư đối với địa bàn có điều kiện kinh tế – xã hội khó khăn; phường hỗ trợ thủ tục một cửa.',
  },
  {
    name: 'Khu đất thương mại, dịch vụ ven sông Lô',
    kind: 'site',
    areaM2: 32_000,
    plannedUse: 'Thương mại, dịch vụ, du lịch sinh thái',
    planningZone: 'Hành lang ven sông Lô (quy hoạch chung, minh họa)',
    location: box(105.3905, 21.3345, 105.3935, 21.3365),
    address: 'Khu 1 (phường Nông Trang cũ), phường Nông Trang',
    summary: 'Khu đất 3,2 ha bên bờ sông Lô, mặt tiền đường ven sông, phù hợp nhà hàng, khách sạn, bến thuyền du lịch.',
    incentives: 'Lựa chọn nhà đầu tư qua đấu giá quyền sử dụng đất.',
  },
  {
    name: 'Khu đất giáo dục, y tế tư nhân Minh Phương',
    kind: 'site',
    areaM2: 15_000,
    plannedUse: 'Trường học liên cấp hoặc phòng khám đa khoa',
    planningZone: 'Khu dân cư Minh Phương (quy hoạch chi tiết 1/500, minh họa)',
    location: box(105.3705, 21.3305, 105.372, 21.3318),
    address: 'Khu 4 (phường Minh Phương cũ), phường Nông Trang',
    summary: 'Khu đất 1,5 ha đã giải phóng mặt bằng, khuyến khích xã hội hóa giáo dục, y tế.',
    incentives: 'Miễn, giảm tiền thuê đất cho dự án xã hội hóa theo quy định.',
  },
] as const;

const PLANS = [
  {
    title: 'Quy hoạch phân khu tỷ lệ 1/2000 khu phát triển đô thị phía Tây phường Nông Trang (minh họa)',
    kind: 'zoning',
    decisionNumber: '1234/QĐ-UBND',
    decisionOffsetDays: -420,
    issuer: 'UBND tỉnh Phú Thọ',
    areaHa: 310,
    summary: 'Định hướng khu đô thị mới, khu công nghiệp – dịch vụ và hành lang cây xanh phía Tây phường.',
    location: box(105.333, 21.316, 105.346, 21.327),
  },
  {
    title: 'Quy hoạch chi tiết tỷ lệ 1/500 khu trung tâm phường Nông Trang (minh họa)',
    kind: 'detailed',
    decisionNumber: '567/QĐ-UBND',
    decisionOffsetDays: -150,
    issuer: 'UBND phường Nông Trang',
    areaHa: 42,
    summary: 'Bố trí trung tâm hành chính, thương mại, quảng trường và bãi đỗ xe khu trung tâm.',
    location: box(105.378, 21.326, 105.386, 21.332),
  },
] as const;

/** Seeds the demo sites and plans once (when the unit has none). */
export async function seedInvestmentSites(tx: Executor, unitId: string, createdBy: string, now: Date): Promise<void> {
  if (await maybeOne(tx, sql`select 1 from investment_sites where unit_id = ${unitId} limit 1`)) return;
  const t = now.toISOString();
  for (const [i, s] of SITES.entries()) {
    await tx.execute(sql`insert into investment_sites (id, unit_id, code, name, kind, area_m2, planned_use, planning_zone, location, address, summary, incentives,
        contact_office, contact_phone, contact_email, published, created_by, created_at, updated_at)
      values (${randomUUID()}, ${unitId}, ${`CH-${String(i + 1).padStart(3, '0')}`}, ${s.name}, ${s.kind}, ${s.areaM2}, ${s.plannedUse}, ${s.planningZone},
              ${JSON.stringify(s.location)}::jsonb, ${s.address}, ${s.summary}, ${s.incentives}, ${CONTACT.office}, ${CONTACT.phone}, ${CONTACT.email},
              true, ${createdBy}, ${t}, ${t})`);
  }
  for (const p of PLANS) {
    await tx.execute(sql`insert into planning_documents (id, unit_id, title, kind, decision_number, decision_date, issuer, area_ha, summary, location, published, created_by, created_at)
      values (${randomUUID()}, ${unitId}, ${p.title}, ${p.kind}, ${p.decisionNumber}, ${addDays(vnDateOf(now), p.decisionOffsetDays)}, ${p.issuer}, ${p.areaHa},
              ${p.summary}, ${JSON.stringify(p.location)}::jsonb, true, ${createdBy}, ${t})`);
  }
}
