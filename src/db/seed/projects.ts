import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, type Executor } from '../client.ts';
import { addDays, parseLocalVn, vnDateOf } from '../../domain/calendar/index.ts';
import type { ActorKind } from '../../domain/projects-obstacles.ts';
import { dayVi, type MilestoneKind, type ProjectKind } from '../../domain/projects.ts';
import type { Geometry } from '../../domain/projects-geo.ts';
import { searchKey } from '../../domain/text.ts';
import { appendEvent } from '../../modules/projects/projects.repo.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { demoPasswordHash } from './demo-password.ts';
import { seedInvestmentSites } from './investment-sites.ts';
import { attachDemoPhoto, type DemoPhotoFile } from './project-photos.ts';
import type { RowOf } from '../rows.ts';

/**
 * Demo projects of Nông Trang ward (docs/PROJECTS.md): invented but realistic — names, investors,
 * figures and places are illustrations, not the ward's real register. Every date is relative to
 * the day the demo is seeded, so some projects are late, one is at risk and one is done whenever
 * the demo is started.
 */

/** The demo investor's account (a business, signing in with its tax code), documented in the README. */
export const DEMO_INVESTOR = { mst: '2600881233', fullName: 'Công ty CP Đầu tư Phát triển Đô thị Thụy Vân (demo)', phone: '0912888123', email: 'duan@thuyvan-demo.vn' } as const;
/** A second investor's account, for its own project (DA-005): each company reports on its own projects only. */
export const DEMO_INVESTOR_2 = { mst: '2601554327', fullName: 'Công ty CP Nông sản Sạch Đất Tổ (demo)', phone: '0912777456', email: 'duan@nongsandatto-demo.vn' } as const;
type DemoInvestor = typeof DEMO_INVESTOR | typeof DEMO_INVESTOR_2;

const BN = 1_000_000_000;
type Offset = number | null;

interface DemoProject {
  name: string;
  kind: ProjectKind;
  investorName: string;
  investorMst: string | null;
  capitalBn: number;
  areaM2: number;
  location: Geometry;
  address: string;
  landUse: string;
  planningZone: string;
  dept: 'KTHTDT' | 'VANPHONG' | 'VHXH';
  summary: string;
  public: boolean;
  /** Days from the seed date: [planned, actual]. */
  milestones: Partial<Record<MilestoneKind, [Offset, Offset]>>;
  plan: [number, number | null, number | null][];
  /** A report `by: 'investor'` is the project's investor account's (`investorAccount`). */
  updates: { day: number; by: 'department' | 'investor'; disbursedBn: number | null; progress: number | null; note: string; public?: boolean; photos?: [DemoPhotoFile, string][] }[];
  obstacles: {
    day: number;
    by: 'department' | 'investor';
    text: string;
    actor: [ActorKind, string];
    directions: { day: number; text: string; owner: [ActorKind, string]; deadline: number }[];
  }[];
  /** The investor's own account, linked to the project; only then does it report or raise obstacles. */
  investorAccount?: DemoInvestor;
}

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

const PROJECTS: DemoProject[] = [
  {
    name: 'Khu nhà ở đô thị mới Thụy Vân',
    kind: 'investment',
    investorName: DEMO_INVESTOR.fullName,
    investorMst: DEMO_INVESTOR.mst,
    capitalBn: 1250,
    areaM2: 186_000,
    location: box(105.34, 21.322, 105.3445, 21.326),
    address: 'Khu 6, khu 7 (xã Thụy Vân cũ), phường Nông Trang',
    landUse: 'Đất ở đô thị; đất thương mại, dịch vụ; đất cây xanh, mặt nước',
    planningZone: 'Khu phát triển đô thị phía Tây (quy hoạch phân khu tỷ lệ 1/2000, minh họa)',
    dept: 'KTHTDT',
    summary: 'Khu đô thị 18,6 ha gồm 620 lô đất ở liền kề, biệt thự, 2 khối nhà ở xã hội, trường mầm non và công viên trung tâm.',
    public: true,
    investorAccount: DEMO_INVESTOR,
    milestones: {
      investment_approval: [-900, -880],
      land_allocation: [-520, -430],
      site_clearance: [-200, null],
      construction_permit: [-120, null],
      construction_start: [-90, null],
      completion: [700, null],
      operation: [760, null],
    },
    plan: [
      [-880, 0, 0],
      [-430, 150, 0],
      [-90, 450, 10],
      [700, 1250, 100],
    ],
    updates: [
      { day: -300, by: 'department', disbursedBn: 150, progress: 0, note: 'Nhà đầu tư đã nộp tiền sử dụng đất đợt 1 theo quyết định giao đất.' },
      { day: -40, by: 'investor', disbursedBn: 260, progress: 4, note: 'Đang san lấp phần diện tích đã nhận bàn giao (12,4/18,6 ha); còn 6,2 ha chưa giải phóng mặt bằng.', public: true, photos: [['san-lap-mat-bang.jpg', 'San lấp mặt bằng khu 6 (ảnh minh họa)']] },
    ],
    obstacles: [
      {
        day: -75,
        by: 'department',
        text: 'Còn 23 hộ gia đình tại khu 7 (6,2 ha) chưa nhận tiền bồi thường, chưa bàn giao mặt bằng do chưa thống nhất đơn giá bồi thường cây trồng, tài sản trên đất.',
        actor: ['department', 'KTHTDT'],
        directions: [
          {
            day: -60,
            text: 'Phòng Kinh tế, Hạ tầng và Đô thị chủ trì, phối hợp Ủy ban MTTQ phường và tổ dân phố khu 7 tổ chức đối thoại với 23 hộ; rà soát, báo cáo phương án đơn giá bồi thường bổ sung.',
            owner: ['department', 'KTHTDT'],
            deadline: -30,
          },
          { day: -20, text: 'Nhà đầu tư bố trí đủ kinh phí chi trả bồi thường ngay khi phương án bổ sung được phê duyệt.', owner: ['investor', ''], deadline: 15 },
        ],
      },
    ],
  },
  {
    name: 'Trung tâm thương mại – dịch vụ Nông Trang',
    kind: 'investment',
    investorName: 'Công ty TNHH Thương mại Dịch vụ Hùng Vương Plaza (demo)',
    investorMst: '2600773453',
    capitalBn: 480,
    areaM2: 21_500,
    location: box(105.3815, 21.3285, 105.383, 21.3298),
    address: 'Khu 3 (phường Nông Trang cũ), phường Nông Trang',
    landUse: 'Đất thương mại, dịch vụ',
    planningZone: 'Trung tâm phường (quy hoạch chi tiết tỷ lệ 1/500, minh họa)',
    dept: 'KTHTDT',
    summary: 'Trung tâm thương mại 9 tầng, siêu thị, rạp chiếu phim và bãi đỗ xe ngầm 2 tầng.',
    public: true,
    milestones: {
      investment_approval: [-700, -690],
      land_allocation: [-400, -380],
      site_clearance: [-300, -310],
      construction_permit: [-45, null],
      construction_start: [30, null],
      completion: [540, null],
      operation: [600, null],
    },
    plan: [
      [-380, 60, 0],
      [30, 120, 2],
      [540, 480, 100],
    ],
    updates: [{ day: -20, by: 'department', disbursedBn: 95, progress: 0, note: 'Hồ sơ đề nghị cấp giấy phép xây dựng phải điều chỉnh theo quy hoạch chi tiết 1/500 điều chỉnh đang trình.' }],
    obstacles: [
      {
        day: -30,
        by: 'department',
        text: 'Quy hoạch chi tiết tỷ lệ 1/500 điều chỉnh (tăng tầng cao từ 9 lên 15 tầng) chưa được phê duyệt, chưa đủ cơ sở cấp giấy phép xây dựng.',
        actor: ['other', 'Sở Xây dựng tỉnh Phú Thọ'],
        directions: [
          {
            day: -10,
            text: 'Văn phòng HĐND và UBND phường tham mưu văn bản đề nghị Sở Xây dựng sớm có ý kiến thẩm định quy hoạch chi tiết điều chỉnh; báo cáo kết quả.',
            owner: ['department', 'VANPHONG'],
            deadline: 3,
          },
        ],
      },
    ],
  },
  {
    name: 'Nâng cấp, mở rộng tuyến đường liên khu 3 – khu 5',
    kind: 'public',
    investorName: 'UBND phường Nông Trang (chủ đầu tư)',
    investorMst: null,
    capitalBn: 86,
    areaM2: 22_500,
    location: {
      type: 'LineString',
      coordinates: [
        [105.36, 21.325],
        [105.364, 21.3262],
        [105.369, 21.327],
        [105.374, 21.3285],
      ],
    },
    address: 'Từ khu 3 đến khu 5 (phường Minh Phương cũ)',
    landUse: 'Đất giao thông',
    planningZone: 'Mạng lưới giao thông nội phường',
    dept: 'KTHTDT',
    summary: 'Mở rộng mặt đường từ 5,5 m lên 10,5 m, dài 1,5 km; hệ thống thoát nước, vỉa hè, chiếu sáng.',
    public: true,
    milestones: {
      investment_approval: [-400, -400],
      site_clearance: [-150, -160],
      construction_start: [-120, -118],
      completion: [20, null],
      operation: [30, null],
    },
    plan: [
      [-118, 0, 0],
      [20, 86, 100],
    ],
    updates: [{ day: -7, by: 'department', disbursedBn: 70, progress: 82, note: 'Hoàn thành thảm bê tông nhựa lớp dưới 1,2/1,5 km; đang lắp đặt cột chiếu sáng.',
        public: true,
        photos: [
          ['duong-lien-khu.jpg', 'Mặt đường sau khi thảm lớp dưới, đoạn khu 4 (ảnh minh họa)'],
          ['thoat-nuoc-doc-tuyen.jpg', 'Cống thoát nước dọc tuyến và cột chiếu sáng (ảnh minh họa)'],
        ],
      },],
    obstacles: [],
  },
  {
    name: 'Trường Mầm non Minh Phương (xây mới 12 phòng học)',
    kind: 'public',
    investorName: 'UBND phường Nông Trang (chủ đầu tư)',
    investorMst: null,
    capitalBn: 32,
    areaM2: 6_800,
    location: box(105.3665, 21.332, 105.3673, 21.3328),
    address: 'Khu 2 (phường Minh Phương cũ), phường Nông Trang',
    landUse: 'Đất xây dựng cơ sở giáo dục và đào tạo',
    planningZone: 'Khu dân cư hiện trạng Minh Phương',
    dept: 'VHXH',
    summary: 'Nhà học 3 tầng, 12 phòng học, bếp ăn một chiều và sân chơi; đáp ứng chuẩn quốc gia mức độ 1.',
    public: true,
    milestones: {
      investment_approval: [-360, -360],
      construction_permit: [-210, -215],
      construction_start: [-180, -175],
      completion: [150, null],
      operation: [180, null],
    },
    plan: [
      [-175, 0, 0],
      [150, 32, 100],
    ],
    updates: [{ day: -5, by: 'department', disbursedBn: 17, progress: 58, note: 'Hoàn thành phần thô tầng 3, đang xây tường bao và lắp đặt hệ thống điện nước.', public: true, photos: [['truong-mam-non.jpg', 'Nhà học 3 tầng đã xong phần thô (ảnh minh họa)']] }],
    obstacles: [],
  },
  {
    name: 'Nhà máy chế biến nông sản công nghệ cao Thụy Vân',
    kind: 'investment',
    investorName: DEMO_INVESTOR_2.fullName,
    investorMst: DEMO_INVESTOR_2.mst,
    capitalBn: 650,
    areaM2: 52_000,
    location: box(105.338, 21.312, 105.3403, 21.3141),
    address: 'Cụm công nghiệp Thụy Vân, phường Nông Trang',
    landUse: 'Đất cơ sở sản xuất phi nông nghiệp',
    planningZone: 'Cụm công nghiệp Thụy Vân (mở rộng)',
    dept: 'KTHTDT',
    summary: 'Dây chuyền sơ chế, cấp đông và đóng gói rau quả 30.000 tấn/năm; kho lạnh 5.000 tấn.',
    public: false,
    investorAccount: DEMO_INVESTOR_2,
    milestones: {
      investment_approval: [-600, -590],
      land_allocation: [-420, -410],
      site_clearance: [-330, -330],
      construction_permit: [-260, -255],
      construction_start: [-240, -236],
      completion: [120, null],
      operation: [180, null],
    },
    plan: [
      [-236, 100, 0],
      [120, 650, 100],
    ],
    updates: [
      { day: -90, by: 'investor', disbursedBn: 300, progress: 30, note: 'Hoàn thành móng và khung thép nhà xưởng số 1.' },
      { day: -3, by: 'investor', disbursedBn: 430, progress: 48, note: 'Lắp dựng xong nhà xưởng số 1 và số 2; chậm lắp đặt dây chuyền do chưa có điện 22 kV.' },
    ],
    obstacles: [
      {
        day: -25,
        by: 'investor',
        text: 'Chưa có phương án đấu nối điện 22 kV cho trạm biến áp 2.500 kVA của nhà máy; không chạy thử được dây chuyền.',
        actor: ['other', 'Công ty Điện lực Phú Thọ'],
        directions: [],
      },
    ],
  },
  {
    name: 'Cải tạo Nhà văn hóa khu 5',
    kind: 'public',
    investorName: 'UBND phường Nông Trang (chủ đầu tư)',
    investorMst: null,
    capitalBn: 4.2,
    areaM2: 1_200,
    location: { type: 'Point', coordinates: [105.379, 21.325] },
    address: 'Khu 5 (phường Nông Trang cũ), phường Nông Trang',
    landUse: 'Đất xây dựng cơ sở văn hóa',
    planningZone: 'Khu dân cư hiện trạng Nông Trang',
    dept: 'VHXH',
    summary: 'Cải tạo hội trường 150 chỗ, sân thể thao và khu vệ sinh.',
    public: true,
    milestones: {
      investment_approval: [-300, -300],
      construction_start: [-200, -198],
      completion: [-60, -55],
      operation: [-45, -40],
    },
    plan: [
      [-198, 0, 0],
      [-55, 4.2, 100],
    ],
    updates: [{ day: -40, by: 'department', disbursedBn: 4.05, progress: 100, note: 'Nghiệm thu, bàn giao đưa vào sử dụng.', public: true }],
    obstacles: [],
  },
];

/** Seeds the demo register once (when the unit has no project yet); returns whether it did. */
export async function seedProjects(tx: Executor, unitId: string, now: Date): Promise<boolean> {
  if (await maybeOne(tx, sql`select 1 from projects where unit_id = ${unitId} limit 1`)) return false;
  const idOf = async (login: string) => (await maybeOne<RowOf<'users', { id: string }>>(tx, sql`select id from users where login = ${login}`))?.id ?? null;
  const deptOf = async (code: string) => (await maybeOne<RowOf<'departments', { id: string }>>(tx, sql`select id from departments where unit_id = ${unitId} and code = ${code}`))?.id ?? null;
  const leader = await idOf(DEMO_ACCOUNTS.leader.login);
  const officer = await idOf(DEMO_ACCOUNTS.specialist2.login);
  if (!leader || !officer) return false;

  const accounts = new Map<string, string>();
  for (const [inv, address] of [
    [DEMO_INVESTOR, 'Khu 6, phường Nông Trang, tỉnh Phú Thọ'],
    [DEMO_INVESTOR_2, 'Cụm công nghiệp Thụy Vân, phường Nông Trang, tỉnh Phú Thọ'],
  ] as const) {
    let id = await idOf(inv.mst);
    if (!id) {
      id = randomUUID();
      await tx.execute(sql`insert into users (id, kind, login, full_name, name_search, mst, phone, email, address, password_hash)
        values (${id}, 'business', ${inv.mst}, ${inv.fullName}, ${searchKey(inv.fullName)}, ${inv.mst}, ${inv.phone}, ${inv.email}, ${address}, ${await demoPasswordHash()})`);
    }
    accounts.set(inv.mst, id);
  }

  const today = vnDateOf(now);
  const day = (offset: number) => addDays(today, offset);
  const at = (offset: number) => parseLocalVn(day(offset), '09:00');
  const vnd = (bn: number | null) => (bn === null ? null : Math.round(bn * BN));

  for (const [i, p] of PROJECTS.entries()) {
    const id = randomUUID();
    const created = at(Math.min(...p.plan.map((x) => x[0]), 0));
    const plan = p.plan.map(([d, bn, pct]) => ({ date: day(d), disbursedVnd: vnd(bn), progressPct: pct }));
    await tx.execute(sql`insert into projects (id, unit_id, code, name, name_search, kind, investor_name, investor_mst, registered_capital_vnd, area_m2, location,
        address, land_use, planning_zone, department_id, summary, public, plan, created_by, created_at, updated_at)
      values (${id}, ${unitId}, ${`DA-${String(i + 1).padStart(3, '0')}`}, ${p.name}, ${searchKey(p.name)}, ${p.kind}, ${p.investorName}, ${p.investorMst},
              ${vnd(p.capitalBn)}, ${p.areaM2}, ${JSON.stringify(p.location)}::jsonb, ${p.address}, ${p.landUse}, ${p.planningZone}, ${await deptOf(p.dept)},
              ${p.summary}, ${p.public}, ${JSON.stringify(plan)}::jsonb, ${officer}, ${created.toISOString()}, ${created.toISOString()})`);
    for (const [kind, [planned, actual]] of Object.entries(p.milestones) as [MilestoneKind, [Offset, Offset]][]) {
      await tx.execute(sql`insert into project_milestones (project_id, kind, planned_date, actual_date)
        values (${id}, ${kind}, ${planned === null ? null : day(planned)}, ${actual === null ? null : day(actual)})`);
    }
    // Only the project's own investor account reports as the investor.
    const investorId = p.investorAccount ? accounts.get(p.investorAccount.mst)! : null;
    const byOf = (who: 'department' | 'investor') => {
      if (who === 'department') return officer;
      if (!investorId) throw new Error(`demo project ${p.name}: a report by the investor needs its investorAccount`);
      return investorId;
    };
    if (investorId) await tx.execute(sql`insert into project_investors (project_id, user_id, added_by, added_at) values (${id}, ${investorId}, ${officer}, ${created.toISOString()})`);
    await appendEvent(tx, { projectId: id, actorId: officer, kind: 'created', summary: `Đưa vào danh mục theo dõi: ${p.name}` }, created);
    for (const u of p.updates) {
      const by = byOf(u.by);
      const updateId = randomUUID();
      await tx.execute(sql`insert into project_updates (id, project_id, reported_on, reported_by, reporter_role, progress_pct, disbursed_vnd, note, public, created_at)
        values (${updateId}, ${id}, ${day(u.day)}, ${by}, ${u.by}, ${u.progress}, ${vnd(u.disbursedBn)}, ${u.note}, ${u.public ?? false}, ${at(u.day).toISOString()})`);
      for (const [file, caption] of u.photos ?? []) await attachDemoPhoto(tx, updateId, file, caption, by, at(u.day));
      await appendEvent(tx, { projectId: id, actorId: by, kind: 'update', summary: `Báo cáo tiến độ ngày ${dayVi(day(u.day))}: ${u.note}` }, at(u.day));
    }
    for (const o of p.obstacles) {
      const obstacleId = randomUUID();
      const [kind, who] = o.actor;
      await tx.execute(sql`insert into project_obstacles (id, project_id, description, actor_kind, actor_department_id, actor_other, raised_by, raised_at)
        values (${obstacleId}, ${id}, ${o.text}, ${kind}, ${kind === 'department' ? await deptOf(who) : null}, ${kind === 'other' ? who : ''},
                ${byOf(o.by)}, ${at(o.day).toISOString()})`);
      await appendEvent(tx, { projectId: id, actorId: byOf(o.by), kind: 'obstacle', summary: `Vướng mắc mới: ${o.text}` }, at(o.day));
      for (const d of o.directions) {
        const [ownerKind, owner] = d.owner;
        await tx.execute(sql`insert into project_directions (id, obstacle_id, project_id, text, owner_kind, owner_department_id, owner_other, deadline, given_by, given_at)
          values (${randomUUID()}, ${obstacleId}, ${id}, ${d.text}, ${ownerKind}, ${ownerKind === 'department' ? await deptOf(owner) : null}, ${ownerKind === 'other' ? owner : ''},
                  ${day(d.deadline)}, ${leader}, ${at(d.day).toISOString()})`);
        await appendEvent(tx, { projectId: id, actorId: leader, kind: 'direction', summary: `Chỉ đạo, hạn ${dayVi(day(d.deadline))}: ${d.text}` }, at(d.day));
      }
    }
  }
  await seedInvestmentSites(tx, unitId, officer, now);
  return true;
}
