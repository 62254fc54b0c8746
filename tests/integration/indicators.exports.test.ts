import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { seedHistory } from '../../src/db/seed/history.ts';
import { DEMO_UNIT_CODE } from '../../src/server/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { keepForLook, NO_POPPLER, POPPLER, pdfText } from '../support/pdf-tools.ts';
import { readXlsx } from '../support/xlsx.ts';

// Exports of the leaders' indicators (issue 11): every table of the page as XLSX and CSV, with the
// figures of the JSON report; on a year of generated history before the test clock (2/3/2026).

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
const PERIOD = 'from=2025-06-01&to=2026-02-28';

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedHistory(t.database, DEMO_UNIT_CODE, { dossiers: 150, now: t.clock.now() })).toBe(150);
  c = await demoClients(t.app);
});
afterAll(() => t.close());

const xlsx = async (query: string) => {
  const res = await c.leader.get(`/api/v1/indicators/export?${query}&format=xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return { res, x: await readXlsx(res.rawPayload) };
};
const csv = async (query: string) => {
  const res = await c.leader.get(`/api/v1/indicators/export?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.body.startsWith('\uFEFF')).toBe(true);
  return parseCsv(res.body.slice(1));
};

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      out.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return out;
}
const pct = (v: unknown) => (typeof v === 'number' ? Math.round(v * 10000) / 100 : v);

describe('every table of the leaders’ page, as XLSX and CSV', () => {
  it('the breakdown by procedure: the same rows and figures as the JSON report, typed, header bold and frozen', async () => {
    const r = (await c.leader.get(`/api/v1/indicators?${PERIOD}`)).json();
    expect(r.breakdowns.procedures.length).toBeGreaterThan(3);
    const { res, x } = await xlsx(`${PERIOD}&table=procedures`);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="chi-so-procedures-2025-06-01-2026-02-28.xlsx"; filename*=UTF-8''chi-so-procedures-2025-06-01-2026-02-28.xlsx`);
    expect(x.title).toBe('Chỉ số 766 theo thủ tục từ 01/06/2025 đến 28/02/2026');
    expect(x.frozenRows).toBe(1);
    expect(x.headerBold).toBe(true);
    expect(x.header).toEqual(['Mã', 'Tên', 'Tiếp nhận', 'Đã giải quyết', 'Đang giải quyết', 'Đang quá hạn', 'Trễ, quá hạn', 'Trước, đúng hạn', 'Nộp trực tuyến']);
    expect(x.body.map((row) => [row[0], row[1], row[2], row[3], row[4], row[5], row[6], pct(row[7]), pct(row[8])])).toEqual(
      r.breakdowns.procedures.map((b: { key: string; label: string; headline: Record<string, number | null>; late: number; onTimeRate: number | null }) => [
        b.key,
        b.label,
        b.headline.received,
        b.headline.settled,
        b.headline.inProgress,
        b.headline.overdue,
        b.late,
        b.onTimeRate,
        b.headline.onlineShare,
      ]),
    );
    expect(x.formats[0]![7]).toBe('0.00%');
    // The received column adds up to the report's total.
    expect(x.body.reduce((n, row) => n + (row[2] as number), 0)).toBe(r.tally.received.total);
    const lines = await csv(`${PERIOD}&table=procedures`);
    expect(lines[0]).toEqual(x.header);
    expect(lines.slice(1).map((l) => Number(l[2]))).toEqual(x.body.map((row) => row[2]));
  });

  it('the index with its ingredients in both views, the groups of both views, the figures, the trend', async () => {
    const r = (await c.leader.get(`/api/v1/indicators?${PERIOD}`)).json();
    const index = (await xlsx(`${PERIOD}&table=index`)).x;
    expect(index.title).toContain(`${r.index.total}/100 điểm`);
    expect(index.body).toHaveLength(r.index.items.length);
    const onTime = index.body.find((row) => row[2] === 'on_time')!;
    const item = r.index.items.find((i: { key: string }) => i.key === 'on_time');
    expect(onTime.slice(0, 2)).toEqual(['Tiến độ giải quyết', 'Tiến độ giải quyết']);
    expect([onTime[4], onTime[5], pct(onTime[6]), onTime[8], onTime[9], onTime[11]]).toEqual([item.numerator, item.denominator, Math.round(item.rate * 10000) / 100, item.points, item.max, 'Tính từ hồ sơ']);
    expect(index.body.reduce((n, row) => n + (row[8] as number), 0)).toBeCloseTo(r.index.total, 1);
    // An online-services item sits in "Dịch vụ công trực tuyến" (6 groups) and the joined group (5 groups).
    const online = index.body.find((row) => row[2] === 'end_to_end')!;
    expect(online[0]).toBe('Dịch vụ công trực tuyến');
    expect(online[1]).not.toBe(online[0]);

    const groups = (await xlsx(`${PERIOD}&table=groups`)).x;
    expect(groups.body).toHaveLength(11);
    for (const view of ['6 nhóm (Cổng DVC quốc gia)', '5 nhóm (Quyết định 766)']) {
      const sum = groups.body.filter((row) => row[0] === view).reduce((n, row) => n + (row[3] as number), 0);
      expect(sum).toBeCloseTo(r.index.total, 1);
    }

    const tally = (await xlsx(`${PERIOD}&table=tally`)).x;
    const fig = (k: string) => tally.body.find((row) => row[0] === k)?.[2];
    expect([fig('received'), fig('settled_late'), fig('overdue'), fig('closed'), fig('supplement_rounds')]).toEqual([
      r.tally.received.total,
      r.tally.settled.late,
      r.tally.inProgress.overdue,
      r.tally.closedWithoutResult,
      r.tally.supplement.rounds,
    ]);
    expect(fig('received_online')).toBe(r.tally.received.byChannel.online);

    const months = (await xlsx(`${PERIOD}&table=months`)).x;
    expect(months.body).toHaveLength(12);
    expect(months.body.map((row) => [row[0], row[3], row[9]])).toEqual(r.trend.map((p: { label: string; headline: { received: number }; index: number }) => [p.label, p.headline.received, p.index]));
    // Month bounds are dates (dd/mm/yyyy), not text.
    expect(months.body[0]![1]).toEqual(new Date(`${r.trend[0].from}T00:00:00Z`));
    expect(months.formats[0]![1]).toBe('dd/mm/yyyy');
  });

  it('points at risk (with due times in Vietnam time), by official, the term targets, a drill-down list; no citizen in any', async () => {
    const risk = (await c.leader.get('/api/v1/indicators/at-risk')).json();
    const x = (await xlsx('table=at_risk')).x;
    expect(x.body.map((row) => row[0])).toEqual(risk.items.map((i: { code: string }) => i.code));
    const due = risk.items.find((i: { dueAt: string | null }) => i.dueAt)!;
    const row = x.body.find((r) => r[0] === due.code)!;
    // Excel has no time zone: the cell holds the wall-clock time in Vietnam.
    expect(row[3]).toEqual(new Date(new Date(due.dueAt).getTime() + 7 * 3_600_000));
    const officials = (await xlsx('table=risk_officials')).x;
    expect(officials.body.map((r) => [r[0], r[1]])).toEqual(risk.officials.map((o: { assigneeName: string | null; dossiers: number }) => [o.assigneeName ?? 'Chưa phân công', o.dossiers]));

    const targets = (await c.leader.get('/api/v1/indicators/targets')).json();
    const tx = (await xlsx('table=targets')).x;
    const budget = tx.body.find((r) => r[0] === 'budget_revenue')!;
    expect(budget[1]).toBe('Tổng thu ngân sách nhà nước trên địa bàn');
    expect(budget[3]).toBe(438.608);
    expect(tx.body).toHaveLength(targets.items.length);

    const late = (await c.leader.get(`/api/v1/indicators/dossiers?${PERIOD}&figure=settled_late`)).json();
    expect(late.items.length).toBeGreaterThan(0);
    const dx = (await xlsx(`${PERIOD}&table=dossiers&figure=settled_late`)).x;
    expect(dx.sheet).toBe('Giải quyết trễ hạn');
    expect(dx.body.map((r) => r[0])).toEqual(late.items.map((i: { code: string }) => i.code));
    const lines = await csv(`${PERIOD}&table=dossiers&figure=settled_late`);
    expect(lines).toHaveLength(late.items.length + 1);
    // Received at, as dd/mm/yyyy hh:mm in Vietnam time.
    expect(lines[0]![4]).toBe('Tiếp nhận');
    expect(lines[1]![4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    for (const table of ['procedures', 'fields', 'officials', 'channels', 'index', 'at_risk', 'dossiers']) {
      const body = (await c.leader.get(`/api/v1/indicators/export?${PERIOD}&table=${table}`)).body;
      expect(body).not.toContain(DEMO_CITIZEN.fullName);
      expect(body).not.toContain(DEMO_CITIZEN.cccd);
    }
  });

  it('an export naming officials is in the audit log; one without is not', async () => {
    const before = await rows<{ entity_id: string; details: { format: string; rows: number } }>(t.database.db, sql`select entity_id, details from audit_log where action = 'export_indicators' order by id`);
    await xlsx(`${PERIOD}&table=officials`);
    await csv(`${PERIOD}&table=channels`);
    const after = await rows<{ entity_id: string; details: { format: string; rows: number } }>(t.database.db, sql`select entity_id, details from audit_log where action = 'export_indicators' order by id`);
    expect(after.slice(before.length)).toEqual([{ entity_id: 'officials', details: expect.objectContaining({ format: 'xlsx', from: '2025-06-01', rows: expect.any(Number) }) }]);
  });

  it('who may: leaders and unit admins; not a specialist, not a citizen; a bad query is a 400 with its code', async () => {
    expectError(await c.specialist.get('/api/v1/indicators/export?table=index&format=xlsx'), 403, 'FORBIDDEN');
    expectError(await c.citizen.get('/api/v1/indicators/export?table=index&format=csv'), 403, 'FORBIDDEN');
    expectError(await c.anonymous.get('/api/v1/indicators/export?table=index'), 401, 'UNAUTHENTICATED');
    expect((await c.admin.get('/api/v1/indicators/export?table=groups&format=xlsx')).statusCode).toBe(200);
    expectError(await c.leader.get('/api/v1/indicators/export?table=index&format=pdf'), 400, 'VALIDATION_FAILED');
    expectError(await c.leader.get('/api/v1/indicators/export?table=nothing'), 400, 'VALIDATION_FAILED');
    expectError(await c.leader.get('/api/v1/indicators/export?table=index&from=2026-02-01&to=2026-01-01'), 400, 'VALIDATION_FAILED');
  });
});

describe('the periodic report to the province (PDF)', () => {
  const num = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

  it('reads back in Vietnamese, in the administrative layout, with the figures of the JSON report for the same period', async (ctx) => {
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const res = await c.leader.get(`/api/v1/indicators/report.pdf?${PERIOD}&number=${encodeURIComponent('15/BC-UBND')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="bao-cao-tthc-2025-06-01-2026-02-28-2026-03-02.pdf"; filename*=UTF-8''bao-cao-tthc-2025-06-01-2026-02-28-2026-03-02.pdf`);
    keepForLook('indicators-province-report', res.rawPayload);
    const text = pdfText(res.rawPayload, 'report.pdf');
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 15/BC-UBND', 'BÁO CÁO', 'Tình hình, kết quả giải quyết thủ tục hành chính từ ngày 01/06/2025 đến ngày 28/02/2026', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/ỦY BAN NHÂN DÂN PHƯỜNG/);

    const r = (await c.leader.get(`/api/v1/indicators?${PERIOD}`)).json();
    const before = (await c.leader.get('/api/v1/indicators?from=2025-05-01&to=2025-05-31')).json();
    const carried = before.tally.inProgress.total as number;
    const online = r.tally.received.byChannel.online ?? 0;
    expect(r.tally.received.total).toBeGreaterThan(0);
    expect(text).toContain(
      `Tổng số hồ sơ nhận giải quyết: ${num(carried + r.tally.received.total)} (kỳ trước chuyển qua ${num(carried)}; mới tiếp nhận trực tuyến ${num(online)}; trực tiếp và qua dịch vụ bưu chính ${num(r.tally.received.total - online)}).`,
    );
    const s = r.tally.settled;
    expect(text).toContain(`Đã giải quyết ${num(s.total)} (trước hạn ${num(s.early)}; đúng hạn ${num(s.onTime)}; quá hạn ${num(s.late)}); tỷ lệ giải quyết trước và đúng hạn ${num(r.headline.onTimeShare)}%.`);
    const p = r.tally.inProgress;
    expect(text).toContain(`Đang giải quyết ${num(p.total)} (trong hạn ${num(p.total - p.overdue)}; quá hạn ${num(p.overdue)}).`);
    // The table's total row: the same eleven figures.
    expect(text).toContain(
      `Tổng cộng ${[carried + r.tally.received.total, carried, online, r.tally.received.total - online, s.total, s.early, s.onTime, s.late, p.total, p.total - p.overdue, p.overdue].map(num).join(' ')}`,
    );
    expect(text).toContain(`Điểm tự đánh giá từ ngày 01/06/2025 đến ngày 28/02/2026: ${num(r.index.total)}/100 điểm`);
    const raw = pdfText(res.rawPayload, 'report-raw.pdf', true);
    for (const g of r.index.groups6) expect(raw).toContain(`${g.vi} ${num(g.points)} ${num(g.max)}`);
    // Late dossiers listed with their reason; an extended one with the reason given with the apology.
    const late = (await c.leader.get(`/api/v1/indicators/dossiers?${PERIOD}&figure=settled_late`)).json();
    expect(text).toContain(late.items[0].code);
    expect(text).not.toContain(DEMO_CITIZEN.fullName);
  });

  it('names a whole month, quarter or year as a report does; default number left blank to fill in', async (ctx) => {
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const text = pdfText((await c.leader.get('/api/v1/indicators/report.pdf?from=2025-10-01&to=2025-12-31')).rawPayload, 'q4.pdf');
    expect(text).toContain('Tình hình, kết quả giải quyết thủ tục hành chính quý IV năm 2025');
    expect(text).toMatch(/Số: +\/BC-UBND/);
  });

  it('leaders and unit admins only; a bad period is a 400 with its code', async () => {
    expectError(await c.specialist.get('/api/v1/indicators/report.pdf'), 403, 'FORBIDDEN');
    expectError(await c.citizen.get('/api/v1/indicators/report.pdf'), 403, 'FORBIDDEN');
    expectError(await c.leader.get('/api/v1/indicators/report.pdf?from=2026-02-01&to=2026-01-01'), 400, 'VALIDATION_FAILED');
    expectError(await c.leader.get('/api/v1/indicators/report.pdf?from=2026-13-01'), 400, 'VALIDATION_FAILED');
    expectError(await c.leader.get(`/api/v1/indicators/report.pdf?number=${'x'.repeat(61)}`), 400, 'VALIDATION_FAILED');
    expect((await c.admin.get('/api/v1/indicators/report.pdf?from=2026-01-01&to=2026-01-31')).statusCode).toBe(200);
  });
});

