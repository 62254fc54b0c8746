import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { expectError } from '../support/expect.ts';

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

/** The entries of a ZIP archive (local headers in order), inflated. */
function unzip(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const data = buf.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 30 + nameLen + extra + size;
  }
  return out;
}

describe('exports of the register', () => {
  it('the list as XLSX: one row a project, late first, with why, figures as numbers', async () => {
    expectError(await c.citizen.get('/api/v1/projects/export.xlsx'), 403, 'FORBIDDEN');
    const res = await c.leader.get('/api/v1/projects/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('du-an-2026-03-02.xlsx');
    const files = unzip(res.rawPayload);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml']));
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    const rows = [...sheet.matchAll(/<row r="(\d+)">/g)];
    expect(rows).toHaveLength(7); // the header and six projects
    const codes = [...sheet.matchAll(/>(DA-\d{3})</g)].map((m) => m[1]);
    expect(codes).toEqual(['DA-001', 'DA-002', 'DA-005', 'DA-003', 'DA-004', 'DA-006']);
    expect(sheet).toContain('Khu nhà ở đô thị mới Thụy Vân');
    expect(sheet).toContain('Chậm tiến độ');
    expect(sheet).toMatch(/giải phóng mặt bằng: kế hoạch \d{2}\/\d{2}\/\d{4}, chậm \d+ ngày/);
    // Registered capital as a number (VND), not text.
    expect(sheet).toMatch(/<c r="[A-Z]+2" s="3"><v>\d{10,}<\/v><\/c>/);
    // Filters apply as on the page.
    const late = unzip((await c.leader.get('/api/v1/projects/export.xlsx?state=late')).rawPayload).get('xl/worksheets/sheet1.xml')!;
    expect([...late.matchAll(/>(DA-\d{3})</g)].map((m) => m[1])).toEqual(['DA-001', 'DA-002', 'DA-005']);
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
  });
});
