import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_ACCOUNTS } from '../../src/db/seed/demo-accounts.ts';
import { DEFAULT_INDEX_RULE } from '../../src/domain/indicators-rules.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn } from '../support/client.ts';
import { expectError } from '../support/expect.ts';

// Officials' digital-skills training, the share it feeds (beside the indicators and as the term
// target's actual), the term targets on the public page, and the rule form's checks (issue 11).

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let activeStaff: number;

const course = (over: Record<string, unknown> = {}) => ({
  name: 'Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã',
  provider: 'Sở Khoa học và Công nghệ tỉnh Phú Thọ',
  startsOn: '2026-03-09',
  endsOn: '2026-03-11',
  hours: 24,
  topic: 'digital_skills',
  mode: 'blended',
  qualifies: true,
  completions: [] as { userId: string; completedOn: string; certificateNo?: string | null }[],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-04-15T09:00:00+07:00');
  c = await demoClients(t.app);
  const me = (await c.admin.get('/api/v1/auth/me')).json().user;
  const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from users where kind = 'staff' and unit_id = ${me.unit.id} and not disabled`);
  activeStaff = n!.n;
});
afterAll(() => t.close());

describe('courses and who completed them', () => {
  let id = '';
  it('a unit admin records a course with its completions; the list names who, in Vietnamese order', async () => {
    const res = await c.admin.post(
      '/api/v1/training/courses',
      course({ completions: [{ userId: c.specialist.id, completedOn: '2026-03-11', certificateNo: 'CC-2026/015' }, { userId: c.reception.id, completedOn: '2026-03-11' }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    id = saved.id;
    expect(saved).toMatchObject({ version: 1, hours: 24, topic: 'digital_skills', updatedBy: 'Đỗ Văn Nam' });
    const names = saved.completions.map((x: { fullName: string }) => x.fullName);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(saved.completions.find((x: { userId: string }) => x.userId === c.specialist.id)).toMatchObject({ completedOn: '2026-03-11', certificateNo: 'CC-2026/015' });

    const list = (await c.admin.get('/api/v1/training/courses?from=2026-01-01&to=2026-03-31')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect(list.share).toMatchObject({ trained: 2, active: activeStaff, courses: 1 });
  });

  it('a stale save is refused (409); a fresh one raises the version', async () => {
    const edited = course({ name: 'Bồi dưỡng kỹ năng số (đợt 1)', completions: [{ userId: c.specialist.id, completedOn: '2026-03-11' }] });
    const ok = await c.admin.put(`/api/v1/training/courses/${id}`, { ...edited, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, name: 'Bồi dưỡng kỹ năng số (đợt 1)' });
    expect(ok.json().completions).toHaveLength(1);
    expectError(await c.admin.put(`/api/v1/training/courses/${id}`, { ...edited, name: 'Ghi đè', version: 1 }), 409, 'TRAINING_VERSION_CONFLICT');
    expect((await c.admin.get('/api/v1/training/courses')).json().items[0].name).toBe('Bồi dưỡng kỹ năng số (đợt 1)');
    const trail = await rows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_id = ${`training:${id}`} order by id`);
    expect(trail.map((a) => a.action)).toEqual(['training_course_save', 'training_course_save']);
  });

  it('refuses what does not hold: an official of another unit, a completion in the future or before the course, an end before the start', async () => {
    expectError(await c.admin.post('/api/v1/training/courses', course({ completions: [{ userId: c.otherUnit.id, completedOn: '2026-03-11' }] })), 400, 'TRAINING_OFFICIAL_UNKNOWN');
    expectError(await c.admin.post('/api/v1/training/courses', course({ completions: [{ userId: c.leader.id, completedOn: '2026-05-01' }] })), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.post('/api/v1/training/courses', course({ completions: [{ userId: c.leader.id, completedOn: '2026-03-01' }] })), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.post('/api/v1/training/courses', course({ endsOn: '2026-03-01' })), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.put('/api/v1/training/courses/00000000-0000-4000-8000-000000000000', { ...course(), version: 1 }), 404, 'TRAINING_COURSE_NOT_FOUND');
  });

  it('only a unit admin manages courses; leaders read the share beside the indicators', async () => {
    expectError(await c.leader.post('/api/v1/training/courses', course()), 403, 'FORBIDDEN');
    expectError(await c.leader.get('/api/v1/training/courses'), 403, 'FORBIDDEN');
    expectError(await c.anonymous.get('/api/v1/training/courses'), 401, 'UNAUTHENTICATED');
    expectError(await c.specialist.get('/api/v1/indicators/training'), 403, 'FORBIDDEN');
    const share = await c.leader.get('/api/v1/indicators/training?from=2026-01-01&to=2026-03-31');
    expect(share.statusCode, share.body).toBe(200);
    expect(share.json()).toMatchObject({ period: { from: '2026-01-01', to: '2026-03-31' }, trained: 1, active: activeStaff });
    // The course lies outside the second quarter.
    expect((await c.leader.get('/api/v1/indicators/training?from=2026-04-01&to=2026-04-15')).json()).toMatchObject({ trained: 0 });
  });

  it('an official disabled after training counts no more, in either figure', async () => {
    const before = (await c.leader.get('/api/v1/indicators/training?from=2026-01-01&to=2026-04-15')).json();
    const off = await c.admin.put(`/api/v1/admin/users/${c.specialist.id}`, { disabled: true });
    expect(off.statusCode, off.body).toBe(200);
    const after = (await c.leader.get('/api/v1/indicators/training?from=2026-01-01&to=2026-04-15')).json();
    expect(after).toMatchObject({ trained: before.trained - 1, active: before.active - 1 });
    // A past period that ended before the day it was disabled still counts them.
    expect((await c.leader.get('/api/v1/indicators/training?from=2026-01-01&to=2026-03-31')).json()).toMatchObject({ trained: 1, active: activeStaff });
    await c.admin.put(`/api/v1/admin/users/${c.specialist.id}`, { disabled: false });
    c = await demoClients(t.app);
  });
});

describe('the term target of officials trained', () => {
  it('is computed from the training records, and says so', async () => {
    const items = (await c.leader.get('/api/v1/indicators/targets')).json().items;
    const trained = items.find((i: { key: string }) => i.key === 'officials_trained');
    const percent = Math.round((1 / activeStaff) * 10000) / 100;
    expect(trained).toMatchObject({ measure: 'officials_trained', computed: { year: 2026, value: percent }, latest: { year: 2026, value: percent } });
    expect(trained.latest.source).toMatch(/^Tính từ dữ liệu đào tạo/);
  });

  it('an entered actual for the year takes precedence', async () => {
    const res = await c.leader.post('/api/v1/indicators/targets/officials_trained/actuals', { year: 2026, value: 40, source: 'Báo cáo Phòng Nội vụ ngày 10/4/2026', asOf: '2026-04-10' });
    expect(res.statusCode, res.body).toBe(201);
    const trained = res.json().items.find((i: { key: string }) => i.key === 'officials_trained');
    expect(trained.latest).toMatchObject({ value: 40, source: 'Báo cáo Phòng Nội vụ ngày 10/4/2026' });
  });
});

describe('the term targets on the public page', () => {
  it('anyone reads them: baseline, this year’s target, the latest actual with its source and date, progress; no names', async () => {
    const res = await c.anonymous.get('/api/v1/public/targets');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.year).toBe(2026);
    const find = (k: string) => p.items.find((i: { key: string }) => i.key === k);
    // 80% by 2030 from 0 in 2025: 16% this year.
    expect(find('online_dossiers')).toMatchObject({ target: 80, targetYear: 2030, expectedThisYear: 16 });
    expect(find('budget_revenue')).toMatchObject({ baseline: 438.608, baselineYear: 2025, target: null, expectedThisYear: null, state: 'no_target' });
    expect(find('officials_trained')).toMatchObject({ latest: { year: 2026, value: 40, source: 'Báo cáo Phòng Nội vụ ngày 10/4/2026', asOf: '2026-04-10', computed: false }, expectedThisYear: 20, state: 'on_track' });
    expect(res.body).not.toContain('Phạm Quang Huy');
    expect(res.body).not.toContain('enteredBy');
  });
});

describe('the rule form’s checks at the API', () => {
  it('refuses points that do not add up to 100 and a threshold out of range, field by field, in Vietnamese', async () => {
    const rule = { ...DEFAULT_INDEX_RULE.rule, items: DEFAULT_INDEX_RULE.rule.items.map((i) => (i.key === 'on_time' ? { ...i, max: 25 } : i.key === 'reuse' ? { ...i, threshold: 0 } : i)) };
    const res = await c.admin.post('/api/v1/indicators/rule', { effectiveFrom: '2026-05-01', basis: 'Thử', rule });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    const issues = (body.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['body.rule.items', 'body.rule.items.15.threshold']));
    expect(issues.find((i) => i.path === 'body.rule.items')!.message).toContain('Tổng điểm các tiêu chí phải bằng 100 (đang là 105)');
  });

  it('a version saved for a future day leaves today’s score and the public page as they were', async () => {
    const before = (await c.anonymous.get('/api/v1/public/indicators')).json();
    const rule = { ...DEFAULT_INDEX_RULE.rule, items: DEFAULT_INDEX_RULE.rule.items.map((i) => (i.key === 'on_time' ? { ...i, max: 10 } : i.key === 'end_to_end' ? { ...i, max: 22 } : i)) };
    const saved = await c.admin.post('/api/v1/indicators/rule', { effectiveFrom: '2026-04-16', basis: 'Quyết định giả định số 2/QĐ-UBND', rule });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().inForce.version).toBe(0);
    expect(saved.json().versions.at(-1)).toMatchObject({ effectiveFrom: '2026-04-16', basis: 'Quyết định giả định số 2/QĐ-UBND', createdBy: 'Đỗ Văn Nam' });
    const same = (await c.anonymous.get('/api/v1/public/indicators')).json();
    expect(same.index).toEqual(before.index);
    t.clock.set('2026-04-16T08:00:00+07:00');
    const next = (await c.anonymous.get('/api/v1/public/indicators')).json();
    expect(next.index.rule.basis).toBe('Quyết định giả định số 2/QĐ-UBND');
    // The first quarter is still scored by the version in force on its last day.
    const leader = await signIn(t.app, DEMO_ACCOUNTS.leader.login);
    expect((await leader.get('/api/v1/indicators?from=2026-01-01&to=2026-03-31')).json().index.rule.version).toBe(0);
  });
});
