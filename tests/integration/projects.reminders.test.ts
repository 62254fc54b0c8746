import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.ts';
import { DEMO_INVESTOR } from '../../src/db/seed/projects.ts';
import { sendOverdueDirectionReminders } from '../../src/modules/projects/projects.reminders.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { projectId } from '../support/projects.ts';

// A leader's direction that passes its deadline without completion: its owners are told once,
// however many instances run the reminder pass (demo register, test clock Monday 2 March 2026).

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let investor: Client;
const settings = { publicUrl: 'http://localhost:3000', channels: ['email', 'sms'] as ('email' | 'sms')[] };

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  investor = await signIn(t.app, DEMO_INVESTOR.mst);
});
afterAll(async () => {
  await t.close();
});

const overdueNotices = async (client: Client) =>
  ((await client.get('/api/v1/me/notifications')).json().items as { event: string; title: string; body: string; link: string }[]).filter((n) => n.event === 'project.direction_overdue');
const pass = () => sendOverdueDirectionReminders(t.database, settings, t.clock.now());

describe('overdue directions: their owners are told once', () => {
  it('the department’s officers hear of the direction 30 days past its deadline, once, with several instances at work', async () => {
    const runs = await Promise.all([pass(), pass(), pass()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const notices = await overdueNotices(c.specialist2);
    expect(notices).toHaveLength(1);
    const da1 = await projectId(c.leader, 'DA-001');
    expect(notices[0]).toMatchObject({ title: 'Quá hạn ý kiến chỉ đạo về dự án Khu nhà ở đô thị mới Thụy Vân: hạn thứ Bảy, 31/01/2026', link: `/can-bo/du-an/${da1}` });
    expect(notices[0]!.body).toContain('đối thoại với 23 hộ');
    // The investor's direction is due on 17 March: not yet.
    expect(await overdueNotices(investor)).toHaveLength(0);
    expect(await pass()).toBe(0);
    expect(await overdueNotices(c.specialist2)).toHaveLength(1);
    const flagged = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from project_directions where overdue_notified_at is not null`);
    expect(flagged[0]!.n).toBe(1);
  });

  it('a direction done in time is never reminded; one left open is, the day after its deadline', async () => {
    const id = await projectId(c.leader, 'DA-005');
    const detail = (await c.leader.get(`/api/v1/projects/${id}`)).json();
    const obstacleId = detail.obstacles[0].id;
    const given = await c.leader.post(`/api/v1/projects/${id}/obstacles/${obstacleId}/directions`, {
      text: 'Phòng Kinh tế, Hạ tầng và Đô thị báo cáo phương án đấu nối điện.',
      ownerKind: 'department',
      ownerDepartmentId: detail.department.id,
      deadline: '2026-03-10',
    });
    expect(given.statusCode, given.body).toBe(201);
    const dirId = given.json().obstacles[0].directions.at(-1).id;
    const done = await c.specialist2.post(`/api/v1/projects/${id}/directions/${dirId}/complete`, { note: 'Đã báo cáo.' });
    expect(done.statusCode, done.body).toBe(200);
    try {
      // 17 March, end of day: the investor's direction (due 17 March) is not overdue yet.
      t.clock.set('2026-03-17T23:00:00+07:00');
      await pass();
      expect(await overdueNotices(investor)).toHaveLength(0);
      t.clock.set('2026-03-18T00:05:00+07:00');
      await Promise.all([pass(), pass()]);
      const mine = await overdueNotices(investor);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.title).toContain('hạn thứ Ba, 17/03/2026');
      expect(mine[0]!.link).toBe('/thong-bao');
      // The completed direction stays quiet; the department still has only its one notice.
      expect(await overdueNotices(c.specialist2)).toHaveLength(1);
    } finally {
      t.clock.set('2026-03-02T09:00:00+07:00');
    }
  });
});
