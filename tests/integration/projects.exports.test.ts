import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { readXlsx } from '../support/xlsx.ts';

// The leaders' exports of the demo register (test clock: Monday 2 March 2026): the list as a
// spreadsheet, and a printable brief of the late projects with why, obstacles and directions.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
const tmp = mkdtempSync(join(tmpdir(), 'nts-prj-'));

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(async () => {
  await t.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('exports of the register', () => {
  it('the list as XLSX: one row a project, late first, with why, figures as numbers', async () => {
    expectError(await c.citizen.get('/api/v1/projects/export.xlsx'), 403, 'FORBIDDEN');
    const res = await c.leader.get('/api/v1/projects/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('du-an-2026-03-02.xlsx');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="du-an-2026-03-02.xlsx"; filename*=UTF-8''du-an-2026-03-02.xlsx`);
    const x = await readXlsx(res.rawPayload);
    expect(x.sheet).toBe('Dự án 02-03-2026');
    expect(x.frozenRows).toBe(1);
    expect(x.headerBold).toBe(true);
    expect(x.header.slice(0, 3)).toEqual(['Mã', 'Tên dự án', 'Loại']);
    expect(x.body).toHaveLength(6);
    expect(x.body.map((r) => r[0])).toEqual(['DA-001', 'DA-002', 'DA-005', 'DA-003', 'DA-004', 'DA-006']);
    // The same figures as the JSON list, typed: text in NFC, capital a number, progress a percentage.
    const list = (await c.leader.get('/api/v1/projects')).json();
    const first = list.items[0];
    const row = x.body[0]!;
    const col = (h: string) => x.header.indexOf(h);
    expect(row[col('Tên dự án')]).toBe('Khu nhà ở đô thị mới Thụy Vân'.normalize('NFC'));
    expect(row[col('Tình trạng')]).toBe('Chậm tiến độ');
    expect(String(row[col('Vì sao')])).toMatch(/giải phóng mặt bằng: kế hoạch \d{2}\/\d{2}\/\d{4}, chậm \d+ ngày/);
    expect(row[col('Vốn đăng ký (đồng)')]).toBe(Math.round(first.registeredCapitalVnd));
    expect(row[col('Vốn đăng ký (đồng)')]).toBeGreaterThan(1e9);
    expect(row[col('Số ngày chậm')]).toBe(first.assessment.daysLate);
    const planned = x.body.map((r) => r[col('Khối lượng kế hoạch')]).find((v) => typeof v === 'number') as number;
    expect(x.formats[0]![col('Khối lượng kế hoạch')]).toBe('0.00%');
    expect(planned).toBeGreaterThan(0);
    expect(planned).toBeLessThanOrEqual(1);
    // The last report's day is a date shown dd/mm/yyyy.
    const reported = x.body.map((r) => r[col('Báo cáo gần nhất')]).find((v) => v !== null);
    expect(reported).toBeInstanceOf(Date);
    expect(x.formats[0]![col('Báo cáo gần nhất')]).toBe('dd/mm/yyyy');
    // Filters apply as on the page.
    const late = await readXlsx((await c.leader.get('/api/v1/projects/export.xlsx?state=late')).rawPayload);
    expect(late.body.map((r) => r[0])).toEqual(['DA-001', 'DA-002', 'DA-005']);
  });

  it('the brief as PDF: the late projects with why, obstacles, directions and deadlines, in Vietnamese', async () => {
    expectError(await c.citizen.get('/api/v1/projects/brief.pdf'), 403, 'FORBIDDEN');
    const res = await c.leader.get('/api/v1/projects/brief.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = join(tmp, 'brief.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO NHANH CÁC DỰ ÁN CHẬM TIẾN ĐỘ');
    expect(text).toContain('DA-001');
    expect(text).toContain('Khu nhà ở đô thị mới Thụy Vân');
    expect(text).toMatch(/giải phóng mặt bằng: kế hoạch \d{2}\/\d{2}\/\d{4}, chậm \d+ ngày/);
    expect(text).toContain('Còn 23 hộ gia đình');
    expect(text).toContain('hạn 31/01/2026');
    expect(text).toMatch(/quá hạn 30 ngày/i);
    // Only the late ones.
    expect(text).not.toContain('DA-006');
    // The rule it applied, named in Vietnamese only (the brief is a Vietnamese document).
    expect(text).toContain('tiêu chí: Mặc định của hệ thống (chưa có quyết định của lãnh đạo phường)');
    expect(text).not.toContain('system default');
  });
});
