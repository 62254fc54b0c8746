import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { buildSubmission } from '../support/builders.ts';
import { demoClients, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { barcodes, keepForLook, NO_POPPLER, NO_ZBAR, pdfText, POPPLER, ZBAR } from '../support/pdf-tools.ts';

// The forms of Circular 03/2025/TT-VPCP (01–07) at their steps: each reads right in Vietnamese
// (extracted back with pdftotext, diacritics exact), fits its page, and says what the law asks.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
const MM = 72 / 25.4;
const A5 = [148 * MM, 210 * MM];
const A4_LANDSCAPE = [297 * MM, 210 * MM];

const act = async (client: Client, code: string, body: Record<string, unknown>) => {
  const res = await client.post(`/api/v1/dossiers/${code}/actions`, body);
  if (res.statusCode !== 200) throw new Error(`${String(body.action)}: ${res.body}`);
  return res.json();
};
const form = async (client: Client, code: string, name: string) => {
  const res = await client.get(`/api/v1/dossiers/${code}/forms/${name}.pdf`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  keepForLook(`${name}-${code.slice(-4)}`, res.rawPayload);
  return res.rawPayload;
};
async function expectPages(bytes: Uint8Array, size: number[], pages = 1) {
  const pdf = await PDFDocument.load(bytes);
  expect(pdf.getPageCount(), 'fits its page').toBe(pages);
  const page = pdf.getPage(0);
  expect([page.getWidth(), page.getHeight()].map((n) => Math.round(n))).toEqual(size.map((n) => Math.round(n)));
  return pdf;
}
async function submit(procedure: string, overrides: Record<string, unknown> = {}) {
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, procedure, overrides));
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().code as string;
}
const text = (bytes: Uint8Array) => pdfText(bytes);

let birth = ''; // 1.001193, three documents, result by post; walked to the end
let refused = '';
let extended = '';
let withdrawn = '';
let stopped = '';

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  t.clock.set('2026-03-02T15:30:00+07:00');
  birth = await submit('1.001193', { resultDelivery: 'post' });
  refused = await submit('1.004194');
  extended = await submit('1.004194');
  withdrawn = await submit('1.004194');
  stopped = await submit('1.004194');
  t.clock.set('2026-03-02T16:00:00+07:00');
  await act(c.reception, birth, { action: 'receive' });
  await act(c.reception, refused, { action: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền giải quyết của phường; đề nghị nộp tại Công an phường.' });
  await act(c.reception, extended, { action: 'receive' });
  await act(c.reception, stopped, { action: 'receive' });
  await act(c.citizen, withdrawn, { action: 'withdraw', reason: 'Tôi muốn bổ sung giấy tờ rồi nộp lại sau.' });
  t.clock.set('2026-03-03T08:30:00+07:00');
  await act(c.reception, extended, { action: 'assign', assigneeId: c.specialist.id });
  await act(c.specialist, extended, { action: 'extend', newDueAt: '2026-03-10T16:00:00+07:00', reason: 'Cần xác minh chỗ ở hợp pháp tại tổ dân phố.' });
  await act(c.leader, stopped, { action: 'stop', reason: 'Người nộp đã chuyển đi nơi khác, không còn nhu cầu.' });
  // The birth registration goes all the way.
  await act(c.reception, birth, { action: 'assign', assigneeId: c.specialist.id });
  t.clock.set('2026-03-03T09:30:00+07:00');
  await act(c.specialist, birth, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' });
  t.clock.set('2026-03-03T10:00:00+07:00');
  await act(c.leader, birth, { action: 'approve' });
  const upload = (await c.specialist.upload('trich-luc.pdf', (await import('../support/builders.ts')).pdfBytes(2))).json().id;
  t.clock.set('2026-03-03T10:30:00+07:00');
  await act(c.specialist, birth, { action: 'issue_result', fileIds: [upload] });
  t.clock.set('2026-03-03T14:00:00+07:00');
  await act(c.reception, birth, { action: 'return_result', method: 'post' });
});
afterAll(() => t.close());

describe('the forms a dossier has', () => {
  it('lists those of its steps, each with its title and legal basis', async () => {
    const numbers = async (code: string) => ((await c.citizen.get(`/api/v1/dossiers/${code}/forms`)).json().items as { number: string }[]).map((f) => f.number);
    expect(await numbers(birth)).toEqual(['01', '06']);
    expect(await numbers(refused)).toEqual(['03']);
    expect(await numbers(extended)).toEqual(['01', '04', '06']);
    expect(await numbers(withdrawn)).toEqual(['05']);
    expect(await numbers(stopped)).toEqual(['01', '05', '06']);
    const first = (await c.reception.get(`/api/v1/dossiers/${birth}/forms`)).json().items[0];
    expect(first).toMatchObject({ number: '01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', paper: 'A5', url: `/api/v1/dossiers/${birth}/forms/receipt.pdf` });
    expect(first.legalBasis).toContain('Thông tư số 03/2025/TT-VPCP');
  });

  it('a form the dossier does not have answers 409', async () => {
    expectError(await c.citizen.get(`/api/v1/dossiers/${birth}/forms/refusal.pdf`), 409, 'DOSSIER_ACTION_NOT_ALLOWED');
    expectError(await c.citizen.get(`/api/v1/dossiers/${refused}/forms/receipt.pdf`), 409, 'DOSSIER_ACTION_NOT_ALLOWED');
  });
});

describe('form 01: one A5 page with three documents, barcode and QR code, the way of receiving the result', () => {
  it('fits one A5 page and reads right', async (ctx) => {
    const pdf = await form(c.citizen, birth, 'receipt');
    await expectPages(pdf, A5);
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const s = text(pdf);
    for (const expected of [
      'Mẫu số 01',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND TỈNH PHÚ THỌ',
      'ỦY BAN NHÂN DÂN PHƯỜNG NÔNG TRANG',
      `Số: ${birth}`,
      'Nông Trang, ngày 02 tháng 3 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      DEMO_CITIZEN.fullName,
      'Tờ khai đăng ký khai sinh theo mẫu',
      'Giấy chứng sinh',
      'Giấy tờ tùy thân',
      'Thời gian nhận hồ sơ: 16 giờ 00 phút, ngày 02 tháng 3 năm 2026',
      'Qua dịch vụ bưu chính, đến địa chỉ của người nộp hồ sơ',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Nguyễn Thị Hoa',
    ]) {
      expect(s).toContain(expected);
    }
  });

  it('the barcode reads as the dossier code and the QR code as its tracking link', async (ctx) => {
    if (!POPPLER) ctx.skip(NO_POPPLER);
    if (!ZBAR) ctx.skip(NO_ZBAR);
    const found = barcodes(await form(c.citizen, birth, 'receipt'));
    expect(found).toContain(`CODE-128:${birth}`);
    expect(found).toContain(`QR-Code:http://localhost:3000/tra-cuu/${birth}`);
  });
});

describe('forms 03, 04, 05: the letters to the applicant', () => {
  it('03 refusal: the reason, on one A5 page', async (ctx) => {
    const pdf = await form(c.citizen, refused, 'refusal');
    await expectPages(pdf, A5);
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const s = text(pdf);
    expect(s).toContain('Mẫu số 03');
    expect(s).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(s).toContain('Kính gửi: Nguyễn Văn An');
    expect(s).toContain('Thủ tục không thuộc thẩm quyền giải quyết của phường; đề nghị nộp tại Công an phường.');
    expect(s).toContain('Nông Trang, ngày 02 tháng 3 năm 2026');
  });

  it('04 apology: the reason, the first appointment and the new one', async (ctx) => {
    const pdf = await form(c.reception, extended, 'apology');
    await expectPages(pdf, A5);
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const s = text(pdf);
    expect(s).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(s).toContain('Lý do: Cần xác minh chỗ ở hợp pháp tại tổ dân phố.');
    expect(s).toContain('hẹn trả kết quả vào 16 giờ 00 phút, ngày 05 tháng 3 năm 2026');
    expect(s).toContain('16 giờ 00 phút, ngày 10 tháng 3 năm 2026');
    // Signed by the head of the agency, on one line: the specialist who extended is not named under it.
    expect(s).toContain('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ');
    expect(s).not.toContain('Trần Văn Minh');
  });

  it('05 stopping: on the applicant’s request, or by decision', async (ctx) => {
    const request = await form(c.citizen, withdrawn, 'stop');
    const decision = await form(c.citizen, stopped, 'stop');
    await expectPages(request, A5);
    await expectPages(decision, A5);
    if (!POPPLER) ctx.skip(NO_POPPLER);
    expect(text(request)).toContain('Theo đề nghị của ông/bà');
    expect(text(request)).toContain('Tôi muốn bổ sung giấy tờ rồi nộp lại sau.');
    expect(text(decision)).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text(decision)).toContain('Lý do: Người nộp đã chuyển đi nơi khác, không còn nhu cầu.');
    expect(text(decision)).toContain('Phạm Quang Huy');
    // The applicant who withdrew is not printed as the head of the agency who signs.
    expect(text(request).split('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ')[1]).not.toContain('Nguyễn Văn An');
  });
});

describe('form 06: the processing control slip', () => {
  it('every hand-over with units, people, times and early/on-time/late per step', async (ctx) => {
    const pdf = await form(c.reception, birth, 'control-slip');
    await expectPages(pdf, A5);
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const s = text(pdf);
    expect(s).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(s).toContain('Trần Văn Minh');
    expect(s).toContain('Phạm Quang Huy');
    expect(s).toContain('Nguyễn Thị Hoa');
    expect(s).toContain('Người nộp hồ sơ, Nguyễn Văn An');
    expect(s).toMatch(/Trước hạn|Đúng hạn|Quá hạn/);
    expect(s).toContain('09:30, 03/3/2026');
  });
});

describe('form 07: the register of a period', () => {
  it('the desk prints the register on A4: every dossier received in the period', async (ctx) => {
    const res = await c.reception.get('/api/v1/forms/register.pdf?from=2026-03-01&to=2026-03-31');
    expect(res.statusCode, res.body).toBe(200);
    keepForLook('register', res.rawPayload);
    await expectPages(res.rawPayload, A4_LANDSCAPE);
    if (!POPPLER) ctx.skip(NO_POPPLER);
    // Read in drawing order, a cell's lines one after another; a code may break after a dot or a dash.
    const s = pdfText(res.rawPayload, 'register.pdf', true).replace(/ /g, '');
    for (const code of [birth, extended, stopped]) expect(s).toContain(code);
    expect(s).not.toContain(refused); // refused at the desk: never received
    expect(text(res.rawPayload)).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text(res.rawPayload)).toContain('Từ ngày 01/3/2026 đến ngày 31/3/2026');
  });

  it('only the desk and the leaders; a period of at most a year, in order', async () => {
    expectError(await c.specialist.get('/api/v1/forms/register.pdf?from=2026-03-01&to=2026-03-31'), 403, 'FORBIDDEN');
    expectError(await c.citizen.get('/api/v1/forms/register.pdf?from=2026-03-01&to=2026-03-31'), 403, 'FORBIDDEN');
    expect((await c.leader.get('/api/v1/forms/register.pdf?from=2026-03-01&to=2026-03-31')).statusCode).toBe(200);
    expectError(await c.reception.get('/api/v1/forms/register.pdf?from=2026-03-31&to=2026-03-01'), 400, 'VALIDATION_FAILED');
    expectError(await c.reception.get('/api/v1/forms/register.pdf?from=2024-01-01&to=2026-03-01'), 400, 'VALIDATION_FAILED');
  });
});

describe('form templates: versioned, adjusted by the unit admin', () => {
  it('a new title from a date applies to forms dated from then on, not to earlier ones', async (ctx) => {
    const list = (await c.admin.get('/api/v1/admin/form-templates')).json().items;
    expect(list.map((f: { number: string }) => f.number)).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    const res = await c.admin.put('/api/v1/admin/form-templates/01', {
      effectiveFrom: '2026-03-04',
      title: 'Giấy biên nhận hồ sơ và hẹn trả kết quả',
      legalBasis: 'Mẫu số 01, Thông tư số 03/2025/TT-VPCP (bản điều chỉnh của phường)',
      paper: 'A5',
      texts: { officerSigns: 'Cán bộ tiếp nhận' },
    });
    expect(res.statusCode, res.body).toBe(200);
    t.clock.set('2026-03-04T09:00:00+07:00');
    const later = await submit('1.004194');
    await act(c.reception, later, { action: 'receive' });
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const now = text(await form(c.citizen, later, 'receipt'));
    expect(now).toContain('GIẤY BIÊN NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(now).toContain('CÁN BỘ TIẾP NHẬN');
    expect(now).toContain('NGƯỜI NỘP HỒ SƠ'); // a sentence not changed keeps the built-in one
    const before = text(await form(c.citizen, birth, 'receipt'));
    expect(before).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  });

  it('refuses a sentence the form does not have, and anyone but the unit admin', async () => {
    const body = { effectiveFrom: '2026-04-01', title: 'Phiếu', legalBasis: 'Thông tư 03/2025', paper: 'A5', texts: { khongCo: 'x' } };
    expectError(await c.admin.put('/api/v1/admin/form-templates/02', body), 400, 'VALIDATION_FAILED');
    expectError(await c.reception.put('/api/v1/admin/form-templates/02', { ...body, texts: {} }), 403, 'FORBIDDEN');
    expectError(await c.reception.get('/api/v1/admin/form-templates'), 403, 'FORBIDDEN');
  });
});
