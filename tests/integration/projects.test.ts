import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.ts';
import { DEMO_INVESTOR, DEMO_INVESTOR_2 } from '../../src/db/seed/projects.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { listProjects, pngBytes, projectId } from '../support/projects.ts';

// The project register with the demo data (seeded relative to the test clock: Monday 2 March 2026).
// A leader sees which projects are late and why, records a direction with a deadline, sees it
// flagged once the deadline passes; investors and departments report progress with evidence.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let investor: Client;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  investor = await signIn(t.app, DEMO_INVESTOR.mst);
});
afterAll(async () => {
  await t.close();
});

const detail = async (client: Client, id: string) => {
  const res = await client.get(`/api/v1/projects/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the leaders’ view of the demo register', () => {
  it('late projects first, the latest first, each with why; then at risk, on track, completed', async () => {
    const list = await listProjects(c.leader);
    expect(list.items.map((p) => [p.code, p.assessment.state, p.assessment.daysLate])).toEqual([
      ['DA-001', 'late', 200],
      ['DA-002', 'late', 45],
      ['DA-005', 'late', 0],
      ['DA-003', 'at_risk', 0],
      ['DA-004', 'on_track', 0],
      ['DA-006', 'completed', 0],
    ]);
    expect(list.counts).toEqual({ late: 3, at_risk: 1, on_track: 1, not_scheduled: 0, completed: 1 });
    const [first, second, third] = list.items;
    expect(first!.assessment.reasons.map((r) => r.milestone ?? r.kind)).toEqual(['site_clearance', 'construction_permit', 'construction_start', 'disbursement_below_plan', 'progress_below_plan']);
    expect(second!.assessment.reasons.map((r) => r.milestone ?? r.kind)).toEqual(['construction_permit']);
    expect(third!.assessment.reasons.map((r) => r.kind)).toEqual(['progress_below_plan']);
    // The direction to clear the site was due 30 days ago and is not done.
    expect(list.overdueDirections).toBe(1);
    expect(first!.obstacles).toEqual({ open: 1, openDirections: 2, overdueDirections: 1 });
  });

  it('filters by state and by a search without diacritics', async () => {
    expect((await listProjects(c.leader, '?state=late')).items.map((p) => p.code)).toEqual(['DA-001', 'DA-002', 'DA-005']);
    expect((await listProjects(c.leader, '?q=thuy%20van')).items.map((p) => p.code)).toEqual(['DA-001', 'DA-005']);
  });

  it('the overdue direction is flagged with the days past its deadline', async () => {
    const p = await detail(c.leader, await projectId(c.leader, 'DA-001'));
    const states = p.obstacles[0].directions.map((d: { status: { state: string; daysOverdue: number } }) => d.status);
    expect(states).toEqual([
      { state: 'overdue', daysOverdue: 30, daysLeft: -30 },
      { state: 'open', daysOverdue: 0, daysLeft: 15 },
    ]);
    expect(p.may).toEqual({ edit: true, report: true, recordMilestone: true, raiseObstacle: true, direct: true, resolve: true });
  });

  it('each demo investor account follows its own company’s projects only', async () => {
    const mine = (await investor.get('/api/v1/investor/projects')).json().items.map((p: { code: string }) => p.code);
    expect(mine).toEqual(['DA-001']);
    const da5 = await detail(c.leader, await projectId(c.leader, 'DA-005'));
    expect(da5.investors).toEqual([{ id: expect.any(String), name: DEMO_INVESTOR_2.fullName, login: DEMO_INVESTOR_2.mst }]);
    expect(da5.investorMst).toBe(DEMO_INVESTOR_2.mst);
    // Its reports and obstacles are signed by that company's account, not Thụy Vân's.
    expect(new Set(da5.updates.map((u: { reporter: { name: string } }) => u.reporter.name))).toEqual(new Set([DEMO_INVESTOR_2.fullName]));
    expect(da5.obstacles[0].raisedBy).toBe(DEMO_INVESTOR_2.fullName);
  });

  it('what changed this week: the recorded events and no state change yet', async () => {
    const res = await c.leader.get('/api/v1/projects/changes');
    expect(res.statusCode, res.body).toBe(200);
    const changes = res.json();
    expect(changes.events.map((e: { project: { code: string }; kind: string }) => `${e.project.code} ${e.kind}`)).toEqual(['DA-005 update', 'DA-004 update', 'DA-003 update']);
    expect(changes.since).toBe('2026-02-23T09:00:00+07:00');
    // Dates in the summaries read as people write them (dd/mm/yyyy), never ISO.
    expect(changes.events.map((e: { summary: string }) => e.summary).join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(changes.events[0].summary).toMatch(/^Báo cáo tiến độ ngày \d{2}\/\d{2}\/\d{4}/);
  });
});

describe('a leader records a direction with a deadline, and it is flagged once the deadline passes', () => {
  let id: string;
  let obstacleId: string;
  beforeAll(async () => {
    id = await projectId(c.leader, 'DA-005');
    obstacleId = (await detail(c.leader, id)).obstacles[0].id;
  });

  it('a deadline in the past is refused; a specialist may not direct', async () => {
    const body = { text: 'Phòng KT-HT-ĐT làm việc với Điện lực Phú Thọ về phương án đấu nối.', ownerKind: 'department', ownerDepartmentId: null, deadline: '2026-03-01' };
    expectError(await c.leader.post(`/api/v1/projects/${id}/obstacles/${obstacleId}/directions`, body), 400, 'VALIDATION_FAILED');
    const dept = (await detail(c.leader, id)).department.id;
    expectError(await c.leader.post(`/api/v1/projects/${id}/obstacles/${obstacleId}/directions`, { ...body, ownerDepartmentId: dept }), 400, 'DIRECTION_DEADLINE_PAST');
    expectError(await c.specialist2.post(`/api/v1/projects/${id}/obstacles/${obstacleId}/directions`, { ...body, ownerDepartmentId: dept, deadline: '2026-03-09' }), 403, 'FORBIDDEN');
  });

  it('records it, with an event and an audit entry in the same transaction', async () => {
    const dept = (await detail(c.leader, id)).department.id;
    const res = await c.leader.post(`/api/v1/projects/${id}/obstacles/${obstacleId}/directions`, {
      text: 'Phòng Kinh tế, Hạ tầng và Đô thị làm việc với Công ty Điện lực Phú Thọ, thống nhất phương án đấu nối 22 kV.',
      ownerKind: 'department',
      ownerDepartmentId: dept,
      deadline: '2026-03-09',
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json().obstacles[0].directions[0];
    expect(d).toMatchObject({ deadline: '2026-03-09', givenBy: 'Phạm Quang Huy', status: { state: 'open', daysOverdue: 0, daysLeft: 7 }, mayComplete: true });
    const logged = await rows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'project' and entity_id = ${id}`);
    expect(logged.map((l) => l.action)).toContain('project_direction');
    const changes = (await c.leader.get('/api/v1/projects/changes')).json();
    expect(changes.events[0]).toMatchObject({ kind: 'direction', project: { code: 'DA-005' } });
    expect(changes.events[0].summary).toContain('hạn 09/03/2026');
    // The department's officers are told, with the deadline and a link to the project; the leader is not.
    const inbox = (await c.specialist2.get('/api/v1/me/notifications')).json().items as { event: string; title: string; body: string; link: string }[];
    const notice = inbox.find((n) => n.event === 'project.direction_given');
    expect(notice).toMatchObject({ title: 'Ý kiến chỉ đạo về dự án Nhà máy chế biến nông sản công nghệ cao Thụy Vân: hạn thứ Hai, 09/03/2026', link: `/can-bo/du-an/${id}` });
    expect(notice!.body).toContain('Phạm Quang Huy đã có ý kiến chỉ đạo');
    expect(notice!.body).toContain('thống nhất phương án đấu nối 22 kV');
    const leaderInbox = (await c.leader.get('/api/v1/me/notifications')).json().items as { event: string }[];
    expect(leaderInbox.some((n) => n.event === 'project.direction_given')).toBe(false);
  });

  it('a direction to the investor reaches the investor’s account', async () => {
    const da1 = await projectId(c.leader, 'DA-001');
    const obstacle = (await detail(c.leader, da1)).obstacles[0].id;
    const res = await c.leader.post(`/api/v1/projects/${da1}/obstacles/${obstacle}/directions`, {
      text: 'Nhà đầu tư báo cáo kế hoạch chi trả bồi thường cho 23 hộ.',
      ownerKind: 'investor',
      deadline: '2026-03-16',
    });
    expect(res.statusCode, res.body).toBe(201);
    const inbox = (await investor.get('/api/v1/me/notifications')).json().items as { event: string; title: string; link: string }[];
    expect(inbox.find((n) => n.event === 'project.direction_given')).toMatchObject({ title: 'Ý kiến chỉ đạo về dự án Khu nhà ở đô thị mới Thụy Vân: hạn thứ Hai, 16/03/2026', link: '/thong-bao' });
  });

  it('on 10 March, one day past the deadline, it is overdue; the department reports it done, late by two days on the 11th', async () => {
    t.clock.set('2026-03-10T08:00:00+07:00');
    try {
      const p = await detail(c.leader, id);
      expect(p.obstacles[0].directions[0].status).toEqual({ state: 'overdue', daysOverdue: 1, daysLeft: -1 });
      // With DA-001's, and DA-002's that was due on 5 March.
      expect((await listProjects(c.leader)).overdueDirections).toBe(3);
      t.clock.set('2026-03-11T10:00:00+07:00');
      const dirId = p.obstacles[0].directions[0].id;
      // The project's investor may not report the department's direction done; another company does not even see the project.
      expectError(await (await signIn(t.app, DEMO_INVESTOR_2.mst)).post(`/api/v1/projects/${id}/directions/${dirId}/complete`, { note: 'x' }), 403, 'FORBIDDEN');
      expectError(await investor.post(`/api/v1/projects/${id}/directions/${dirId}/complete`, { note: 'x' }), 404, 'PROJECT_NOT_FOUND');
      const done = await c.specialist2.post(`/api/v1/projects/${id}/directions/${dirId}/complete`, { note: 'Đã họp với Điện lực ngày 11/3; phương án đấu nối được thống nhất.' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().obstacles[0].directions[0].status).toEqual({ state: 'done_late', daysOverdue: 2, daysLeft: null });
      expectError(await c.specialist2.post(`/api/v1/projects/${id}/directions/${dirId}/complete`, { note: 'again' }), 409, 'DIRECTION_ALREADY_DONE');
    } finally {
      t.clock.set('2026-03-02T09:00:00+07:00');
    }
  });
});

describe('progress updates with evidence', () => {
  it('the investor reports with a photo; may not record milestones nor publish', async () => {
    const id = await projectId(c.leader, 'DA-001');
    const up = await investor.upload('mat-bang.png', pngBytes(), 'image/png');
    expect(up.statusCode, up.body).toBe(201);
    const body = { reportedOn: '2026-03-01', disbursedVnd: 300_000_000_000, progressPct: 6, note: 'Đã san lấp thêm 1,5 ha.', files: [{ uploadId: up.json().id, caption: 'Mặt bằng khu A' }] };
    expectError(await investor.post(`/api/v1/projects/${id}/updates`, { ...body, milestones: [{ kind: 'site_clearance', actualDate: '2026-03-01' }] }), 403, 'FORBIDDEN');
    expectError(await investor.post(`/api/v1/projects/${id}/updates`, { ...body, public: true }), 403, 'FORBIDDEN');
    expectError(await investor.post(`/api/v1/projects/${id}/updates`, { ...body, reportedOn: '2026-03-03' }), 400, 'PROJECT_DATE_IN_FUTURE');
    // Someone else's upload is not evidence one may attach.
    const other = await c.specialist2.upload('khac.png', pngBytes(2, 2), 'image/png');
    expectError(await investor.post(`/api/v1/projects/${id}/updates`, { ...body, files: [{ uploadId: other.json().id, caption: '' }] }), 400, 'FILE_NOT_FOUND');
    const res = await investor.post(`/api/v1/projects/${id}/updates`, body);
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json().updates[0];
    expect(u).toMatchObject({ reportedOn: '2026-03-01', reporter: { role: 'investor' }, disbursedVnd: 300_000_000_000, progressPct: 6, public: false });
    expect(u.files).toEqual([expect.objectContaining({ name: 'mat-bang.png', mime: 'image/png', caption: 'Mặt bằng khu A' })]);
    // The evidence is readable by whoever reads the project, as a file of the project; not yet by the public.
    const file = await c.specialist2.get(`/api/v1/projects/${id}/files/${u.files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expectError(await c.anonymous.get(`/api/v1/public/files/${u.files[0].id}`), 404, 'NOT_FOUND');
    expectError(await c.otherUnit.get(`/api/v1/projects/${id}/files/${u.files[0].id}`), 404, 'PROJECT_NOT_FOUND');
  });

  it('the department records the site cleared: that milestone is no longer late', async () => {
    const id = await projectId(c.leader, 'DA-001');
    const res = await c.specialist2.post(`/api/v1/projects/${id}/updates`, {
      reportedOn: '2026-03-02',
      note: 'Bàn giao toàn bộ mặt bằng 6,2 ha còn lại.',
      milestones: [{ kind: 'site_clearance', actualDate: '2026-03-02' }],
      public: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.milestones.find((m: { kind: string }) => m.kind === 'site_clearance').actualDate).toBe('2026-03-02');
    expect(p.assessment.reasons.map((r: { milestone?: string; kind: string }) => r.milestone ?? r.kind)).toEqual(['construction_permit', 'construction_start', 'disbursement_below_plan', 'progress_below_plan']);
    expect(p.assessment.daysLate).toBe(120);
    expect(p.assessment.reached).toBe('site_clearance');
  });
});

describe('the behind-schedule rule is data a leader adjusts', () => {
  it('a specialist may not; a past date is refused; a version for later changes nothing today; one for today does', async () => {
    const rule = { milestoneGraceDays: 60, disbursementMarginPoints: 10, progressMarginPoints: 20, dueSoonDays: 30 };
    expectError(await c.specialist.put('/api/v1/projects/rule', { effectiveFrom: '2026-03-02', rule, basis: 'x' }), 403, 'FORBIDDEN');
    expectError(await c.leader.put('/api/v1/projects/rule', { effectiveFrom: '2026-03-01', rule, basis: 'x' }), 400, 'PROJECT_RULE_DATE_PAST');
    expectError(await c.leader.put('/api/v1/projects/rule', { effectiveFrom: '2026-03-02', rule: { ...rule, progressMarginPoints: 101 }, basis: 'x' }), 400, 'VALIDATION_FAILED');

    const later = await c.leader.put('/api/v1/projects/rule', { effectiveFrom: '2026-04-01', rule, basis: 'Kết luận giao ban ngày 02/3/2026' });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json().inForce.version).toBe(0);
    expect(later.json().next).toMatchObject({ effectiveFrom: '2026-04-01', rule });
    expect((await listProjects(c.leader, '?state=late')).items.map((p) => p.code)).toContain('DA-002');

    const now = await c.leader.put('/api/v1/projects/rule', { effectiveFrom: '2026-03-02', rule, basis: 'Kết luận giao ban ngày 02/3/2026' });
    expect(now.json().inForce).toMatchObject({ effectiveFrom: '2026-03-02', rule });
    const late = (await listProjects(c.leader, '?state=late')).items.map((p) => p.code);
    // 45 days past the permit is within 60 days' grace; 18 points behind on progress within 20.
    expect(late).not.toContain('DA-002');
    expect(late).not.toContain('DA-005');
  });
});

describe('registering and editing projects', () => {
  const body = {
    name: 'Bãi đỗ xe tập trung khu 4',
    kind: 'public',
    investorName: 'UBND phường Nông Trang',
    registeredCapitalVnd: 12_000_000_000,
    areaM2: 4500,
    location: { type: 'Point', coordinates: [105.372, 21.33] },
    landUse: 'Đất bãi đỗ xe',
    planningZone: 'Khu dân cư Minh Phương',
    milestones: [
      { kind: 'investment_approval', plannedDate: '2026-05-01' },
      { kind: 'construction_start', plannedDate: '2026-09-01' },
    ],
    plan: [{ date: '2026-12-31', disbursedVnd: 12_000_000_000, progressPct: 100 }],
  };

  it('a specialist registers one; bad geometry and repeated milestones are refused', async () => {
    expectError(await c.specialist.post('/api/v1/projects', { ...body, location: { type: 'Point', coordinates: [21.33, 105.372] } }), 400, 'VALIDATION_FAILED');
    expectError(await c.specialist.post('/api/v1/projects', { ...body, milestones: [...body.milestones, { kind: 'construction_start', plannedDate: null }] }), 400, 'VALIDATION_FAILED');
    expectError(await c.reception.post('/api/v1/projects', body), 403, 'FORBIDDEN');
    const res = await c.specialist.post('/api/v1/projects', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'DA-007', version: 1, assessment: { state: 'on_track' }, milestones: [{ kind: 'investment_approval' }, { kind: 'construction_start' }] });
  });

  it('edits with the version read; a stale version is a conflict', async () => {
    const id = await projectId(c.leader, 'DA-007');
    const ok = await c.leader.put(`/api/v1/projects/${id}`, { ...body, name: 'Bãi đỗ xe tập trung khu 4 (giai đoạn 1)', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Bãi đỗ xe tập trung khu 4 (giai đoạn 1)', version: 2 });
    expectError(await c.leader.put(`/api/v1/projects/${id}`, { ...body, version: 1 }), 409, 'PROJECT_VERSION_CONFLICT');
  });

  it('links an investor account by tax code; it then follows the project', async () => {
    const id = await projectId(c.leader, 'DA-002');
    expectError(await c.leader.post(`/api/v1/projects/${id}/investors`, { login: 'tiepnhan' }), 404, 'INVESTOR_ACCOUNT_NOT_FOUND');
    expectError(await investor.get(`/api/v1/projects/${id}`), 404, 'PROJECT_NOT_FOUND');
    const res = await c.leader.post(`/api/v1/projects/${id}/investors`, { login: DEMO_INVESTOR.mst });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().investors).toEqual([{ id: investor.id, name: DEMO_INVESTOR.fullName, login: DEMO_INVESTOR.mst }]);
    const mine = (await investor.get('/api/v1/investor/projects')).json().items.map((p: { code: string }) => p.code);
    // DA-005 is another company's (Nông sản Sạch Đất Tổ): not followed by this account.
    expect(mine.sort()).toEqual(['DA-001', 'DA-002']);
    expect((await c.citizen.get('/api/v1/investor/projects')).json().items).toEqual([]);
  });

  it('unlinks an investor account: it no longer reads the project; strangers may not unlink; audited', async () => {
    const id = await projectId(c.leader, 'DA-002');
    const url = `/api/v1/projects/${id}/investors/${investor.id}`;
    expectError(await c.specialist.request('DELETE', url), 403, 'FORBIDDEN');
    expectError(await investor.request('DELETE', url), 403, 'FORBIDDEN');
    const res = await c.specialist2.request('DELETE', url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().investors).toEqual([]);
    expectError(await investor.get(`/api/v1/projects/${id}`), 404, 'PROJECT_NOT_FOUND');
    expectError(await c.specialist2.request('DELETE', url), 404, 'INVESTOR_ACCOUNT_NOT_FOUND');
    const logged = await rows<{ action: string; details: { userId: string } }>(t.database.db, sql`select action, details from audit_log where entity_type = 'project' and entity_id = ${id} and action like 'project_investor_%' order by at, id`);
    expect(logged.map((l) => [l.action, l.details.userId])).toEqual([
      ['project_investor_link', investor.id],
      ['project_investor_unlink', investor.id],
    ]);
    expect((await detail(c.leader, id)).events[0]).toMatchObject({ kind: 'investor_unlinked', summary: `Bỏ liên kết tài khoản nhà đầu tư: ${DEMO_INVESTOR.fullName}` });
  });
});

describe('publishing a progress report on the public timeline', () => {
  it('an officer publishes, then hides, a report with the version read; stale edits, the investor and unknown reports are refused; audited', async () => {
    const id = await projectId(c.leader, 'DA-002');
    const report = (await detail(c.leader, id)).updates[0];
    expect(report).toMatchObject({ public: false, version: 1 });
    const url = `/api/v1/projects/${id}/updates/${report.id}/publication`;
    const onTimeline = async () => ((await c.anonymous.get(`/api/v1/public/projects/${id}`)).json().updates as { note: string }[]).some((u) => u.note === report.note);
    expect(await onTimeline()).toBe(false);

    expectError(await investor.post(url, { public: true, version: 1 }), 404, 'PROJECT_NOT_FOUND');
    expectError(await c.specialist.post(url, { public: true, version: 1 }), 403, 'FORBIDDEN');
    expectError(await c.specialist2.post(url, { public: true }), 400, 'VALIDATION_FAILED');
    const published = await c.specialist2.post(url, { public: true, version: 1 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().updates[0]).toMatchObject({ id: report.id, public: true, version: 2 });
    expect(await onTimeline()).toBe(true);

    // Someone who read it before it was published may not act on what they saw.
    expectError(await c.leader.post(url, { public: false, version: 1 }), 409, 'PROJECT_UPDATE_VERSION_CONFLICT');
    expect(await onTimeline()).toBe(true);
    const hidden = await c.leader.post(url, { public: false, version: 2 });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().updates[0]).toMatchObject({ public: false, version: 3 });
    expect(await onTimeline()).toBe(false);

    expectError(await c.leader.post(`/api/v1/projects/${id}/updates/00000000-0000-4000-8000-000000000000/publication`, { public: true, version: 1 }), 404, 'PROJECT_UPDATE_NOT_FOUND');
    const logged = await rows<{ action: string; details: { updateId: string; version: number } }>(
      t.database.db,
      sql`select action, details from audit_log where entity_type = 'project' and entity_id = ${id} and action like 'project_update_%publish' order by at, id`,
    );
    expect(logged.map((l) => [l.action, l.details.updateId, l.details.version])).toEqual([
      ['project_update_publish', report.id, 2],
      ['project_update_unpublish', report.id, 3],
    ]);
  });
});

describe('obstacles', () => {
  it('the investor raises one; resolving it closes its open directions', async () => {
    const id = await projectId(c.leader, 'DA-001');
    const raised = await investor.post(`/api/v1/projects/${id}/obstacles`, { description: 'Chưa được cấp giấy phép xây dựng hạ tầng kỹ thuật giai đoạn 1.', actorKind: 'other', actorOther: 'Sở Xây dựng tỉnh Phú Thọ' });
    expect(raised.statusCode, raised.body).toBe(201);
    expectError(await investor.post(`/api/v1/projects/${id}/obstacles`, { description: 'x', actorKind: 'other' }), 400, 'VALIDATION_FAILED');

    const first = (await detail(c.leader, id)).obstacles[0];
    expectError(await c.specialist2.post(`/api/v1/projects/${id}/obstacles/${first.id}/resolve`, { resolution: 'x' }), 403, 'FORBIDDEN');
    const res = await c.leader.post(`/api/v1/projects/${id}/obstacles/${first.id}/resolve`, { resolution: '23 hộ đã nhận tiền bồi thường và bàn giao mặt bằng.' });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json().obstacles[0];
    expect(o.resolution).toBe('23 hộ đã nhận tiền bồi thường và bàn giao mặt bằng.');
    // The seed's two, and the one given to the investor above: the open ones close with it.
    expect(o.directions.map((d: { status: { state: string } }) => d.status.state)).toEqual(['done_late', 'done', 'done']);
    expect(res.json().obstacles).toHaveLength(2);
    expectError(await c.leader.post(`/api/v1/projects/${id}/obstacles/${first.id}/resolve`, { resolution: 'again' }), 409, 'OBSTACLE_RESOLVED');
    expectError(
      await c.leader.post(`/api/v1/projects/${id}/obstacles/${first.id}/directions`, { text: 'x', ownerKind: 'investor', deadline: '2026-04-01' }),
      409,
      'OBSTACLE_RESOLVED',
    );
  });
});
