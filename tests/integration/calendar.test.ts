import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { yearBody } from '../support/catalogue.ts';
import { expectError } from '../support/expect.ts';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(() => t.close());

const dueOf = async (from: string, amount: number, unit: string) => {
  const res = await c.anonymous.get(`/api/v1/calendar/due?from=${encodeURIComponent(from)}&amount=${amount}&unit=${unit}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().due as string;
};
const dueAfterTet = () => dueOf('2026-02-13T16:00:00+07:00', 3, 'working_days');

describe('the working-day calendar', () => {
  it('3 working days from Friday 13/2/2026 16:00 cross Tết (14–22/2 off): due Wednesday 25/2 16:00', async () => {
    // Fri 16:00–17:00 (1 h), Tết week off, Mon 23 (8 h), Tue 24 (8 h), Wed 25 07:00 + 7 h → 16:00.
    expect(await dueAfterTet()).toBe('2026-02-25T16:00:00+07:00');
  });

  it('other units and instants given in another offset', async () => {
    expect(await dueOf('2026-02-13T09:00:00Z', 3, 'working_days')).toBe('2026-02-25T16:00:00+07:00'); // the same instant in UTC
    expect(await dueOf('2026-02-13T16:00:00+07:00', 2, 'working_hours')).toBe('2026-02-23T08:00:00+07:00');
    expectError(await c.anonymous.get('/api/v1/calendar/due?from=13-02-2026&amount=3&unit=working_days'), 400, 'VALIDATION_FAILED');
    expectError(await c.anonymous.get('/api/v1/calendar/due?from=2026-02-13T16:00:00%2B07:00&amount=3&unit=fortnights'), 400, 'VALIDATION_FAILED');
  });

  it('GET /calendar/2026 lists Tết 16–20/2 and the Giỗ Tổ compensatory day 27/4', async () => {
    const year = (await c.anonymous.get('/api/v1/calendar/2026')).json();
    expect(year.year).toBe(2026);
    const byDate = new Map<string, { kind: string; name: string }>(year.daysOff.map((d: { date: string; kind: string; name: string }) => [d.date, d]));
    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(byDate.get(date), date).toMatchObject({ kind: 'holiday', name: expect.stringContaining('Tết') });
    }
    expect(byDate.has('2026-02-13')).toBe(false);
    expect(byDate.get('2026-04-26')).toMatchObject({ kind: 'holiday', name: expect.stringContaining('Giỗ Tổ') }); // a Sunday…
    expect(byDate.get('2026-04-27')).toMatchObject({ kind: 'compensatory', name: expect.stringContaining('Giỗ Tổ') }); // …so Monday off
    expect(year.officeHours).toEqual([
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(year).toMatchObject({ version: 0, confirmed: false });
  });

  it('GET /calendar/2026 carries the government decisions: 2/1 and 31/8 off, Saturdays 10/1 and 22/8 worked', async () => {
    const year = (await c.anonymous.get('/api/v1/calendar/2026')).json() as { daysOff: { date: string; kind: string }[]; makeUpWorkingDays: { date: string }[] };
    const off = year.daysOff.map((d) => d.date);
    expect(off).toEqual(expect.arrayContaining(['2026-01-02', '2026-08-31', '2026-09-01', '2026-09-02']));
    expect(year.makeUpWorkingDays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    // Friday 2/1 off: 1 working day from Wednesday 31/12/2025 17:00 is Monday 5/1 17:00.
    expect(await dueOf('2025-12-31T17:00:00+07:00', 1, 'working_days')).toBe('2026-01-05T17:00:00+07:00');
    // Saturday 10/1 worked: 1 working day from Friday 9/1 17:00 is Saturday 10/1 17:00.
    expect(await dueOf('2026-01-09T17:00:00+07:00', 1, 'working_days')).toBe('2026-01-10T17:00:00+07:00');
    // Friday 28/8 17:00 → 29/8–2/9 off → Thursday 3/9.
    expect(await dueOf('2026-08-28T17:00:00+07:00', 1, 'working_days')).toBe('2026-09-03T17:00:00+07:00');
  });

  it('an admin adding an extra day off changes the due date', async () => {
    const body = await yearBody(c.admin, 2026);
    const extra = { date: '2026-02-24', name: 'Nghỉ thêm theo quyết định của tỉnh', kind: 'extra' };
    const res = await c.admin.put('/api/v1/calendar/2026', { ...body, daysOff: [...body.daysOff, extra] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, confirmed: true });
    expect(res.json().daysOff).toEqual(expect.arrayContaining([expect.objectContaining(extra)]));
    // Tuesday 24/2 is now off: one more working day.
    expect(await dueAfterTet()).toBe('2026-02-26T16:00:00+07:00');
    expect((await c.anonymous.get('/api/v1/calendar/2026')).json().version).toBe(1);
  });

  it('a make-up working Saturday counts as a working day', async () => {
    const body = await yearBody(c.admin, 2026);
    const res = await c.admin.put('/api/v1/calendar/2026', {
      daysOff: body.daysOff.filter((d) => d.date !== '2026-02-24'),
      makeUpWorkingDays: [...body.makeUpWorkingDays, { date: '2026-02-21', name: 'Làm bù cho ngày nghỉ Tết' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    // Fri 1 h + Sat 21/2 8 h + Mon 23/2 8 h + Tue 24/2 7 h → Tue 16:00.
    expect(await dueAfterTet()).toBe('2026-02-24T16:00:00+07:00');
  });

  it('an admin removes a pre-filled day off (a Tết day) and it becomes a working day', async () => {
    const body = await yearBody(c.admin, 2026);
    const res = await c.admin.put('/api/v1/calendar/2026', { ...body, daysOff: body.daysOff.filter((d) => d.date !== '2026-02-20') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().daysOff.map((d: { date: string }) => d.date)).not.toContain('2026-02-20');
    // Fri 13/2 1 h + Sat 21/2 8 h + Fri 20/2 8 h … counted in order: Fri 20/2 8 h, Sat 21/2 8 h, Mon 23/2 7 h.
    expect(await dueAfterTet()).toBe('2026-02-23T16:00:00+07:00');
    // Put it back for the tests that follow.
    expect((await c.admin.put('/api/v1/calendar/2026', body)).statusCode).toBe(200);
    expect(await dueAfterTet()).toBe('2026-02-24T16:00:00+07:00');
  });

  it('a make-up working day on a weekday is accepted (the government may swap any day)', async () => {
    const body = await yearBody(c.admin, 2026);
    // Tết Monday 16/2 made a working day by a (hypothetical) provincial decision.
    const res = await c.admin.put('/api/v1/calendar/2026', {
      daysOff: body.daysOff.filter((d) => d.date !== '2026-02-16'),
      makeUpWorkingDays: [...body.makeUpWorkingDays, { date: '2026-02-16', name: 'Làm việc theo quyết định của tỉnh' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().makeUpWorkingDays.map((d: { date: string }) => d.date)).toContain('2026-02-16');
    expect((await c.admin.put('/api/v1/calendar/2026', body)).statusCode).toBe(200);
  });

  it('a date of another year, a date listed twice, or a day both off and worked answers 400 CALENDAR_INVALID and changes nothing', async () => {
    const body = await yearBody(c.admin, 2026);
    const before = (await c.anonymous.get('/api/v1/calendar/2026')).json().version;
    const otherYear = await c.admin.put('/api/v1/calendar/2026', { ...body, daysOff: [...body.daysOff, { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' }] });
    expect(JSON.stringify(expectError(otherYear, 400, 'CALENDAR_INVALID').details)).toContain('2027-01-01');
    const twice = await c.admin.put('/api/v1/calendar/2026', { ...body, daysOff: [...body.daysOff, body.daysOff[0]!] });
    expectError(twice, 400, 'CALENDAR_INVALID');
    const both = await c.admin.put('/api/v1/calendar/2026', { ...body, makeUpWorkingDays: [...body.makeUpWorkingDays, { date: '2026-02-17', name: 'Làm bù' }] });
    expectError(both, 400, 'CALENDAR_INVALID');
    expect((await c.anonymous.get('/api/v1/calendar/2026')).json().version).toBe(before);
    expect(await dueAfterTet()).toBe('2026-02-24T16:00:00+07:00');
  });
});

describe('office hours taking effect on a future date', () => {
  const nextYearHours = {
    effectiveFrom: '2027-01-01',
    legalBasis: 'Quyết định của UBND tỉnh Phú Thọ về giờ làm việc (thử nghiệm)',
    periods: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ],
    workingDayHours: 8,
    sameDayCutoff: '15:00',
    weekend: [0, 6],
  };

  it('saving them leaves today’s hours in force: due dates and work queues still answer', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00');
    const res = await c.admin.put('/api/v1/calendar/working-time', nextYearHours);
    expect(res.statusCode, res.body).toBe(200);
    expect(await dueOf('2026-03-02T09:00:00+07:00', 3, 'working_days')).toBe('2026-03-05T09:00:00+07:00');
    for (const queue of ['all', 'due_soon', 'overdue', 'to_receive']) {
      const q = await c.reception.get(`/api/v1/dossiers?queue=${queue}`);
      expect(q.statusCode, `${queue}: ${q.body}`).toBe(200);
    }
    const year = (await c.anonymous.get('/api/v1/calendar/2026')).json();
    expect(year.officeHours).toEqual([
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
  });

  it('the new hours apply from their date: 1 working day from Thursday 31/12/2026 17:00 ends Monday 4/1/2027 17:00', async () => {
    // 1/1/2027 is a holiday; the first day under the new hours opens at 07:30.
    expect(await dueOf('2026-12-31T17:00:00+07:00', 1, 'working_days')).toBe('2027-01-04T17:00:00+07:00');
    expect(await dueOf('2026-12-31T17:00:00+07:00', 1, 'working_hours')).toBe('2027-01-04T08:30:00+07:00');
    // Before the date, the current hours: Wednesday 30/12/2026 07:00 + 1 h.
    expect(await dueOf('2026-12-30T06:00:00+07:00', 1, 'working_hours')).toBe('2026-12-30T08:00:00+07:00');
  });

  it('GET /calendar/working-time shows what is in force today and what changes when', async () => {
    const res = await c.anonymous.get('/api/v1/calendar/working-time');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { effectiveFrom: string; status: string }[];
    expect(items.map((i) => [i.effectiveFrom, i.status])).toEqual([
      ['2000-01-01', 'in_force'],
      ['2027-01-01', 'upcoming'],
    ]);
  });
});

describe('dates outside the years the calendar answers for (2014–2100)', () => {
  it.each(['0001-01-01T00:00:00Z', '2013-12-31T16:59:59Z', '2100-12-31T17:00:00Z', '2999-12-31T00:00:00Z'])('due from %s answers 400, not 500', async (from) => {
    expectError(await c.anonymous.get(`/api/v1/calendar/due?from=${encodeURIComponent(from)}&amount=3&unit=working_days`), 400, 'VALIDATION_FAILED');
  });

  it('the first and the last moments inside answer', async () => {
    expect(await dueOf('2013-12-31T17:00:00Z', 0, 'working_hours')).toBe('2014-01-02T07:00:00+07:00');
    expect(await dueOf('2100-12-31T16:59:59Z', 3650, 'working_days')).toMatch(/^2115-/);
  });

  it.each(['2005', '2013', '2101', '99999999999'])('GET /calendar/%s answers 400, not 500', async (year) => {
    expectError(await c.anonymous.get(`/api/v1/calendar/${year}`), 400, 'VALIDATION_FAILED');
  });
});

describe('24/11 (Ngày Văn hóa Việt Nam): a rule present but not in force, switched on with its date', () => {
  interface Rules {
    today: string;
    switchable: { id: string; effectiveFrom: string | null; status: string; version: number; legalBasis: string }[];
    workingTime: { effectiveFrom: string; status: string }[];
    decisions: { year: number; source: string | null }[];
    upcoming: { date: string; kind: string; what: string }[];
  }
  const rules = async () => (await c.anonymous.get('/api/v1/calendar/rules')).json() as Rules;
  const off2026 = async () => ((await c.anonymous.get('/api/v1/calendar/2026')).json().daysOff as { date: string }[]).map((d) => d.date);

  it('ships present, not in force: 24/11/2026 is a working day', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00');
    const r = await rules();
    expect(r.today).toBe('2026-03-02');
    expect(r.switchable).toEqual([expect.objectContaining({ id: 'culture-day', effectiveFrom: null, status: 'not_in_force', version: 0, legalBasis: expect.stringContaining('80-NQ/TW') })]);
    expect(await off2026()).not.toContain('2026-11-24');
    expect(r.decisions.map((d) => d.year)).toEqual(expect.arrayContaining([2025, 2026]));
    expect(r.decisions.map((d) => d.source)).toContain('Công văn 12729/VPCP-KGVX ngày 25/12/2025');
  });

  it('only this ward’s admins switch it: others 403, anonymous 401, nothing saved', async () => {
    const body = { effectiveFrom: '2026-11-24', legalBasis: 'Bộ luật Lao động sửa đổi' };
    for (const who of [c.citizen, c.reception, c.leader, c.otherUnit]) expectError(await who.put('/api/v1/calendar/rules/culture-day', body), 403, 'FORBIDDEN');
    expectError(await c.anonymous.put('/api/v1/calendar/rules/culture-day', body), 401, 'UNAUTHENTICATED');
    expect((await rules()).switchable[0]!.version).toBe(0);
  });

  it('an unknown rule, a date outside 1900–2999 or no legal basis answers 400', async () => {
    expectError(await c.admin.put('/api/v1/calendar/rules/tet', { effectiveFrom: '2026-11-24', legalBasis: 'x' }), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.put('/api/v1/calendar/rules/culture-day', { effectiveFrom: '0000-11-24', legalBasis: 'x' }), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.put('/api/v1/calendar/rules/culture-day', { effectiveFrom: '2026-11-24', legalBasis: ' ' }), 400, 'VALIDATION_FAILED');
  });

  it('switched on from 1/1/2027: upcoming; 2026 unchanged, 24/11/2027 off; audited', async () => {
    const res = await c.admin.put('/api/v1/calendar/rules/culture-day', { effectiveFrom: '2027-01-01', legalBasis: 'Bộ luật Lao động sửa đổi (giả định cho thử nghiệm)' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().switchable[0]).toMatchObject({ effectiveFrom: '2027-01-01', status: 'upcoming', version: 1 });
    expect(res.json().upcoming).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2027-01-01', kind: 'switchable', what: expect.stringContaining('Ngày Văn hóa Việt Nam') })]));
    expect(await off2026()).not.toContain('2026-11-24');
    const y2027 = (await c.anonymous.get('/api/v1/calendar/2027')).json();
    expect(y2027.daysOff).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2027-11-24', kind: 'holiday', source: 'law' })]));
    // Tuesday 23/11/2027 17:00 + 1 working day: Wednesday 24/11 is off → Thursday 25/11 17:00.
    expect(await dueOf('2027-11-23T17:00:00+07:00', 1, 'working_days')).toBe('2027-11-25T17:00:00+07:00');
    const logged = await rows<{ entity_id: string }>(t.database.db, sql`select entity_id from audit_log where action = 'holiday_switch'`);
    expect(logged).toEqual([{ entity_id: 'culture-day' }]);
  });

  it('switched on from 24/11/2026, it reaches 2026 even though 2026 was saved, and the admin’s edits of 2026 still hold', async () => {
    // 2026 was saved above with 21/2 as a make-up Saturday.
    const before = (await c.anonymous.get('/api/v1/calendar/2026')).json();
    expect(before.version).toBeGreaterThan(0);
    expect(before.makeUpWorkingDays.map((d: { date: string }) => d.date)).toContain('2026-02-21');
    expect((await c.admin.put('/api/v1/calendar/rules/culture-day', { effectiveFrom: '2026-11-24', legalBasis: 'Bộ luật Lao động sửa đổi' })).statusCode).toBe(200);
    const after = (await c.anonymous.get('/api/v1/calendar/2026')).json();
    expect(after.daysOff).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2026-11-24', source: 'law' })]));
    expect(after.makeUpWorkingDays.map((d: { date: string }) => d.date)).toContain('2026-02-21');
    expect(await dueOf('2026-11-23T17:00:00+07:00', 1, 'working_days')).toBe('2026-11-25T17:00:00+07:00');
  });

  it('switched off again: 24/11 is a working day, and the history keeps every version', async () => {
    const res = await c.admin.put('/api/v1/calendar/rules/culture-day', { effectiveFrom: null, legalBasis: 'Luật chưa được thông qua' });
    expect(res.json().switchable[0]).toMatchObject({ effectiveFrom: null, status: 'not_in_force', version: 3 });
    expect(await off2026()).not.toContain('2026-11-24');
    expect(await dueOf('2026-11-23T17:00:00+07:00', 1, 'working_days')).toBe('2026-11-24T17:00:00+07:00');
  });
});

describe('each day shows where it comes from; removed pre-filled days are listed', () => {
  it('law, decision and admin days, and a removed pre-filled day that can be put back', async () => {
    const body = await yearBody(c.admin, 2026);
    const res = await c.admin.put('/api/v1/calendar/2026', {
      daysOff: [...body.daysOff.filter((d) => d.date !== '2026-04-27'), { date: '2026-03-09', name: 'Nghỉ theo quyết định của tỉnh', kind: 'extra' }],
      makeUpWorkingDays: body.makeUpWorkingDays,
    });
    expect(res.statusCode, res.body).toBe(200);
    const year = res.json();
    const day = (date: string) => year.daysOff.find((d: { date: string }) => d.date === date);
    expect(day('2026-01-01')).toMatchObject({ source: 'decision', basis: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025' });
    expect(day('2026-04-26')).toMatchObject({ source: 'law', basis: expect.stringContaining('Bộ luật Lao động 2019') });
    expect(day('2026-03-09')).toMatchObject({ source: 'admin' });
    expect(year.removed.daysOff).toEqual([expect.objectContaining({ date: '2026-04-27', kind: 'compensatory', source: 'law' })]);
    expect(year.updatedAt).toMatch(/\+07:00$/);
    // Put back: the removed day returns and the list of removed days is empty.
    const back = await c.admin.put('/api/v1/calendar/2026', { daysOff: [...year.daysOff.filter((d: { date: string }) => d.date !== '2026-03-09'), ...year.removed.daysOff], makeUpWorkingDays: year.makeUpWorkingDays });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().removed.daysOff).toEqual([]);
    expect(back.json().daysOff.map((d: { date: string }) => d.date)).toContain('2026-04-27');
  });
});
