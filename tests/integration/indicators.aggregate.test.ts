import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_UNIT_CODE } from '../../src/server/config.ts';
import { seedHistory } from '../../src/db/seed/history.ts';
import { loadWorkingCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { recount, refreshAggregate } from '../../src/modules/indicators/indicators.aggregate.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The daily pre-aggregate against a full recount from the dossiers (issue 11, "At scale"), on a
// varied history, before and after dossiers change behind its back (direct writes, as a data fix
// or another instance would make them): the triggers queue the days, a reader folds them.

let t: TestApp;
let unitId: string;
const NOW = new Date('2026-03-02T09:00:00+07:00');
const PERIODS = [
  { from: '2025-03-01', to: '2026-03-02' },
  { from: '2026-01-01', to: '2026-03-02' },
  { from: '2025-11-01', to: '2025-11-30' },
  { from: '2025-12-15', to: '2026-01-14' },
  // Both ends more than half a month: each month less its other days.
  { from: '2025-11-05', to: '2026-02-27' },
  { from: '2026-02-03', to: '2026-02-25' },
];

async function check() {
  const cal = await loadWorkingCalendar(t.database.db);
  for (const period of PERIODS) {
    const r = await recount(t.database, unitId, period, cal, NOW);
    expect(r.differences, `${period.from}…${period.to}`).toEqual([]);
    expect(r.aggregate).toEqual(r.recount);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  [{ id: unitId }] = (await rows<{ id: string }>(t.database.db, sql`select id from units where code = ${DEMO_UNIT_CODE}`)) as [{ id: string }];
  expect(await seedHistory(t.database, DEMO_UNIT_CODE, { dossiers: 600, now: NOW, days: 365, seed: 11 })).toBe(600);
});
afterAll(() => t.close());

describe('the indicators’ daily aggregate', () => {
  it('matches a full recount of a varied year', async () => {
    const r = await recount(t.database, unitId, PERIODS[0]!, await loadWorkingCalendar(t.database.db), NOW);
    // The history has every kind of dossier, so the comparison means something.
    expect(r.recount.received.total).toBeGreaterThan(500);
    expect(r.recount.settled.late).toBeGreaterThan(0);
    expect(r.recount.settled.early).toBeGreaterThan(0);
    expect(r.recount.closedWithoutResult).toBeGreaterThan(0);
    expect(r.recount.ratings.count).toBeGreaterThan(0);
    // Some came from the national portal (the demo's stand-in); a few of those have an event it has not acknowledged.
    expect(r.recount.synced.known).toBeGreaterThan(10);
    expect(r.recount.synced.synced).toBeGreaterThan(0);
    expect(r.recount.synced.synced).toBeLessThan(r.recount.synced.known);
    await check();
  });

  it('stays equal as the national portal acknowledges status events, or a new one waits', async () => {
    const ex = t.database.db;
    const cal = await loadWorkingCalendar(ex);
    const year = () => recount(t.database, unitId, PERIODS[0]!, cal, NOW);
    const before = (await year()).aggregate.synced;
    // The dead letter of one dossier replayed and acknowledged: that dossier is synced now.
    const [dead] = await rows<{ id: string; code: string }>(
      ex,
      sql`select m.id, m.data->>'dossierCode' as code from messages m where m.channel = 'webhook' and m.status = 'failed'
           and (select count(*) from messages o where o.data->>'dossierCode' = m.data->>'dossierCode' and o.status <> 'sent') = 1 order by m.seq limit 1`,
    );
    await ex.execute(sql`update messages set status = 'sent', sent_at = ${NOW.toISOString()}, last_error = null where id = ${dead!.id}`);
    // A fully synced dossier gets a new event the portal has not acknowledged yet; another gets one already acknowledged.
    const synced = await rows<{ code: string; id: string; data: Record<string, unknown>; recipient: string }>(
      ex,
      sql`select m.data->>'dossierCode' as code, m.id, m.data, m.recipient from messages m where m.channel = 'webhook' and m.data->>'dossierCode' <> ${dead!.code}
           and not exists (select 1 from messages o where o.data->>'dossierCode' = m.data->>'dossierCode' and o.status <> 'sent') order by m.seq limit 1`,
    );
    const pending = (code: string, status: string) =>
      ex.execute(sql`insert into messages (id, channel, recipient, body, template, data, status, next_attempt_at, created_at)
                     values (gen_random_uuid(), 'webhook', ${synced[0]!.recipient}, '{}', 'interop.status_event', ${JSON.stringify({ dossierCode: code, action: 'return_result', sequence: 99 })}::jsonb,
                             ${status}, ${NOW.toISOString()}, ${NOW.toISOString()})`);
    await pending(synced[0]!.code, 'pending');
    expect((await rows(ex, sql`select 1 from indicator_dirty`)).length).toBeGreaterThan(0);
    const after = (await year()).aggregate.synced;
    expect(after).toEqual({ known: before.known, synced: before.synced });
    await check();
    // The waiting event is acknowledged: one more synced than at first.
    await ex.execute(sql`update messages set status = 'sent' where data->>'dossierCode' = ${synced[0]!.code} and status = 'pending'`);
    expect((await year()).aggregate.synced).toEqual({ known: before.known, synced: before.synced + 1 });
    await check();
  });

  it('stays equal as dossiers change: settled, reassigned, moved, ratings and papers added or removed', async () => {
    await refreshAggregate(t.database);
    const ex = t.database.db;
    const sample = await rows<{ id: string }>(ex, sql`select id from dossiers where finished_at is not null order by code limit 40`);
    const ids = sample.map((s) => s.id);
    const open = await rows<{ id: string }>(ex, sql`select id from dossiers where finished_at is null and received_at is not null order by code limit 5`);
    const [official] = await rows<{ id: string }>(ex, sql`select id from users where unit_id = ${unitId} and 'specialist' = any(roles) order by login desc limit 1`);
    // A result issued later than recorded (late now), a dossier settled today, one received a day earlier.
    await ex.execute(sql`update dossiers set finished_at = finished_at + interval '9 days' where id = ${ids[0]!}`);
    await ex.execute(sql`update dossiers set status = 'returned', finished_at = ${'2026-03-02T08:00:00+07:00'} where id = ${open[0]!.id}`);
    await ex.execute(sql`update dossiers set received_at = received_at - interval '1 day' where id = ${ids[1]!}`);
    await ex.execute(sql`update dossiers set assignee_id = ${official!.id} where id = ${ids[2]!}`);
    // An open dossier whose due date moves into the past: overdue from then on.
    await ex.execute(sql`update dossiers set due_at = ${'2025-12-01T17:00:00+07:00'} where id = ${open[1]!.id}`);
    await ex.execute(sql`update dossiers set due_at = due_at + interval '20 days' where id = ${open[2]!.id}`);
    await ex.execute(sql`update dossiers set channel = 'post' where id = ${ids[3]!}`);
    await ex.execute(sql`update dossiers set due_at = null where id = ${ids[4]!}`);
    await ex.execute(sql`delete from ratings where dossier_id = ${ids[5]!}`);
    await ex.execute(sql`update dossiers set extension = ${JSON.stringify({ dueAt: '2026-01-01T17:00:00+07:00', apologyOnTime: true, at: '2025-12-30T10:00:00+07:00', reason: 'x' })}::jsonb where id = ${ids[6]!}`);
    const [rated] = await rows<{ id: string; applicant_id: string }>(ex, sql`select id, applicant_id from dossiers where id = ${ids[7]!}`);
    await ex.execute(sql`insert into ratings (dossier_id, score, rated_by) values (${rated!.id}, 1, ${rated!.applicant_id}) on conflict (dossier_id) do update set score = 1`);
    expect((await rows(ex, sql`select 1 from indicator_dirty`)).length).toBeGreaterThan(0);
    await check();
    expect((await rows(ex, sql`select 1 from indicator_dirty`)).length).toBe(0);
  });

  it('has nothing to fold when nothing changed, and rebuilds from scratch to the same figures', async () => {
    expect(await refreshAggregate(t.database)).toBe(0);
    const before = await rows(t.database.db, sql`select count(*)::int as n, sum(n)::int as total from indicator_daily`);
    await t.database.db.execute(sql`insert into indicator_dirty (unit_id, day) select unit_id, day from indicator_daily on conflict do nothing`);
    await t.database.db.execute(sql`delete from indicator_daily`);
    expect(await refreshAggregate(t.database)).toBeGreaterThan(0);
    expect(await rows(t.database.db, sql`select count(*)::int as n, sum(n)::int as total from indicator_daily`)).toEqual(before);
    await check();
  });
});
