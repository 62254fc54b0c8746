import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN, DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { loadDossier } from '../../src/modules/dossiers/dossiers.repo.ts';
import { loadReceiptData } from '../../src/modules/forms/forms.service.ts';
import { buildReceiptPdf } from '../../src/modules/forms/receipt.pdf.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { buildSubmission } from '../support/builders.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { keepForLook } from '../support/pdf-tools.ts';

// The printed one-stop forms (Circular 03/2025/TT-VPCP): 01 receipt with appointment, 02 request to supplement.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let neighbour: Client;
let received = ''; // received Monday 2 March 2026 16:00, 3 working days → Thursday 5 March 16:00
let pending = ''; // submitted, not yet received
let tmp = '';

const A5 = { width: (148 / 25.4) * 72, height: (210 / 25.4) * 72 }; // 419.5 × 595.3 pt
const CFG = { publicUrl: 'http://localhost:3000', parentName: 'Ủy ban nhân dân tỉnh Phú Thọ' };
const act = (client: Client, code: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${code}/actions`, body);
const receiptUrl = (code: string) => `/api/v1/dossiers/${code}/forms/receipt.pdf`;
const supplementUrl = (code: string) => `/api/v1/dossiers/${code}/forms/supplement.pdf`;
const receiptOf = (code: string) => c.reception.get(receiptUrl(code));

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const POPPLER = hasPoppler();
const NO_POPPLER = 'pdftotext not found: install poppler-utils (apt-get install -y poppler-utils) to check the text of the forms';

/** The text of a PDF as pdftotext reads it, whitespace collapsed. */
function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

async function expectA5Pdf(bytes: Uint8Array) {
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const pdf = await PDFDocument.load(bytes);
  const page = pdf.getPage(0);
  expect(page.getWidth()).toBeCloseTo(A5.width, 0);
  expect(page.getHeight()).toBeCloseTo(A5.height, 0);
  return pdf;
}

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  neighbour = await signIn(t.app, DEMO_CITIZEN_2.cccd);
  tmp = mkdtempSync(join(tmpdir(), 'nts-forms-'));
  const submit = async () => {
    const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194')); // Đăng ký tạm trú
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().code as string;
  };
  received = await submit();
  pending = await submit();
  t.clock.set('2026-03-02T16:00:00+07:00');
  const r = await act(c.reception, received, { action: 'receive' });
  if (r.statusCode !== 200) throw new Error(r.body);
});
afterAll(async () => {
  await t.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('form 01: receipt with appointment date', () => {
  it('the builder, fed from the database, makes an A5 receipt of the received dossier', async () => {
    const d = (await loadDossier(t.database.db, received))!;
    const data = await loadReceiptData(t.database.db, d, CFG);
    expect(data.applicant.fullName).toBe(DEMO_CITIZEN.fullName);
    expect(data.receivedAt.toISOString()).toBe(new Date('2026-03-02T16:00:00+07:00').toISOString());
    expect(data.dueAt?.toISOString()).toBe(new Date('2026-03-05T16:00:00+07:00').toISOString());
    expect(data.officerName).toBe('Nguyễn Thị Hoa');
    expect(data.issuer).toEqual({ parentName: 'UBND tỉnh Phú Thọ', agencyName: 'Ủy ban nhân dân phường Nông Trang', place: 'Nông Trang' });
    expect(data.documents.map((x) => [x.kind, x.count])).toEqual([['form', 1]]);
    expect(data.trackingUrl).toBe(`http://localhost:3000/tra-cuu/${received}`);
    const pdf = await expectA5Pdf(await buildReceiptPdf(await loadReceiptData(t.database.db, d, CFG)));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toContain(received);
  });

  it('is served inline as application/pdf to the applicant', async () => {
    const res = await c.citizen.get(receiptUrl(received));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${received}-bien-nhan.pdf`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    await expectA5Pdf(res.rawPayload);
  });

  it('reads as the form: code, title, applicant with diacritics, times and appointment', async (ctx) => {
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const text = pdfText((await c.citizen.get(receiptUrl(received))).rawPayload, 'receipt.pdf');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN PHƯỜNG NÔNG TRANG',
      'Nông Trang, ngày 02 tháng 3 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Số: ${received}`,
      `Mã hồ sơ: ${received}`,
      'Nguyễn Văn An',
      DEMO_CITIZEN.cccd,
      'Đăng ký tạm trú',
      '03 ngày làm việc',
      'Thời gian nhận hồ sơ: 16 giờ 00 phút, ngày 02 tháng 3 năm 2026',
      'Hẹn trả kết quả: 16 giờ 00 phút, ngày 05 tháng 3 năm 2026',
      'Tờ khai thay đổi thông tin cư trú',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Nguyễn Thị Hoa',
    ]) {
      expect(text).toContain(expected);
    }
    // The tracking address may be cut at the end of a line.
    expect(text.replace(/ /g, '')).toContain(`http://localhost:3000/tra-cuu/${received}`);
  });

  it('is rendered to test-artifacts/forms for a look', async (ctx) => {
    if (!POPPLER) ctx.skip(NO_POPPLER);
    keepForLook('receipt', (await c.reception.get(receiptUrl(received))).rawPayload);
  });

  it('an official’s print is recorded in the audit trail', async () => {
    expect((await c.leader.get(receiptUrl(received))).statusCode).toBe(200);
    const trail = (await c.leader.get(`/api/v1/dossiers/${received}/audit`)).json().items as { action: string; actor: string }[];
    expect(trail.some((a) => a.action === 'print_receipt' && a.actor === 'Phạm Quang Huy')).toBe(true);
  });

  it('does not exist before the dossier is received: 409', async () => {
    expectError(await c.citizen.get(receiptUrl(pending)), 409, 'DOSSIER_ACTION_NOT_ALLOWED');
    expectError(await c.reception.get(receiptUrl(pending)), 409, 'DOSSIER_ACTION_NOT_ALLOWED');
  });

  it('is not disclosed to another citizen or anonymously: 404 / 401', async () => {
    expectError(await neighbour.get(receiptUrl(received)), 404, 'DOSSIER_NOT_FOUND');
    expectError(await neighbour.get(receiptUrl('DEMO.07894.H25-260302-9999')), 404, 'DOSSIER_NOT_FOUND');
    expect((await c.anonymous.get(receiptUrl(received))).statusCode).toBe(401);
  });
});

describe('form 01 for a procedure whose time limit is unconfirmed (never "Hẹn trả kết quả: Cần xác nhận")', () => {
  // 1.004884 Đăng ký lại khai sinh: the national portal says "5 Khác", so the limit is unconfirmed.
  let code = '';
  beforeAll(async () => {
    t.clock.set('2026-03-09T09:00:00+07:00'); // Monday
    const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004884'));
    if (res.statusCode !== 201) throw new Error(res.body);
    code = res.json().code as string;
  });

  it('is received only with the officer’s appointment date and its reason; the unconfirmed amount is a suggestion', async () => {
    expect((await c.reception.get(`/api/v1/dossiers/${code}`)).json().appointment).toEqual({ required: true, suggestedAt: '2026-03-16T09:00:00+07:00' });
    const e = expectError(await act(c.reception, code, { action: 'receive' }), 400, 'APPOINTMENT_REQUIRED');
    expect(e.details).toMatchObject({ suggestedAt: '2026-03-16T09:00:00+07:00' });
    expectError(await act(c.reception, code, { action: 'receive', appointmentAt: '2026-03-13T16:00:00+07:00' }), 400, 'APPOINTMENT_REQUIRED');
    expectError(await receiptOf(code), 409, 'DOSSIER_ACTION_NOT_ALLOWED');
    const ok = await act(c.reception, code, {
      action: 'receive',
      appointmentAt: '2026-03-13T16:00:00+07:00',
      appointmentReason: '05 ngày làm việc theo Luật Hộ tịch; Cổng DVCQG ghi "5 Khác"',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'received', dueAt: '2026-03-13T16:00:00+07:00', appointmentReason: '05 ngày làm việc theo Luật Hộ tịch; Cổng DVCQG ghi "5 Khác"' });
  });

  it('prints the officer’s date as the appointment, and says who set it', async (ctx) => {
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const pdf = (await receiptOf(code)).rawPayload;
    keepForLook('receipt-appointment', pdf);
    const text = pdfText(pdf, 'receipt-appointment.pdf');
    expect(text).toContain('Hẹn trả kết quả: 16 giờ 00 phút, ngày 13 tháng 3 năm 2026');
    expect(text).toContain('ngày hẹn do cán bộ tiếp nhận xác định');
    expect(text).not.toContain('Cần xác nhận');
  });

  it('a dossier received with no appointment (before this rule) gets no receipt rather than an empty date', async () => {
    const other = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    const otherCode = other.json().code as string;
    expect((await act(c.reception, otherCode, { action: 'receive' })).statusCode).toBe(200);
    await t.database.db.execute(sql`update dossiers set due_at = null where code = ${otherCode}`);
    const e = expectError(await receiptOf(otherCode), 409, 'DOSSIER_ACTION_NOT_ALLOWED');
    expect(e.details).toMatchObject({ reason: 'no_appointment' });
  });
});

describe('form 02: request to supplement', () => {
  it('does not exist before a supplement is requested: 409', async () => {
    expectError(await c.citizen.get(supplementUrl(received)), 409, 'DOSSIER_ACTION_NOT_ALLOWED');
  });

  it('lists every item of the latest request with its reason and the official', async (ctx) => {
    t.clock.set('2026-03-03T08:30:00+07:00');
    expect((await act(c.reception, received, { action: 'assign', assigneeId: c.specialist.id })).statusCode).toBe(200);
    const proc = (await c.citizen.get('/api/v1/procedures/1.004194')).json();
    const field = proc.formFields.find((f: { required: boolean }) => f.required) as { key: string; label: string };
    // Online: the specialist proposes and the system sends it on the desk's behalf.
    const res = await act(c.specialist, received, {
      action: 'propose_supplement',
      items: [
        { target: { type: 'document', key: proc.documents[0].id }, reason: 'Bản chụp mờ, không đọc được chữ ký' },
        { target: { type: 'field', key: field.key }, reason: 'Ghi rõ số nhà, tên đường, tổ dân phố' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);

    const pdf = await c.citizen.get(supplementUrl(received));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${received}-yeu-cau-bo-sung.pdf`);
    await expectA5Pdf(pdf.rawPayload);
    keepForLook('supplement', pdf.rawPayload);
    expectError(await neighbour.get(supplementUrl(received)), 404, 'DOSSIER_NOT_FOUND');

    if (!POPPLER) ctx.skip(NO_POPPLER);
    const text = pdfText(pdf.rawPayload, 'supplement.pdf');
    for (const expected of [
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Nông Trang, ngày 03 tháng 3 năm 2026',
      'Nguyễn Văn An',
      `Giấy tờ: ${proc.documents[0].name}`,
      'Lý do: Bản chụp mờ, không đọc được chữ ký',
      `Thông tin: ${field.label}`,
      'Lý do: Ghi rõ số nhà, tên đường, tổ dân phố',
      'Trần Văn Minh',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
