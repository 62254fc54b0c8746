import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { loadFontBytes } from '../../src/modules/forms/layout.ts';
import { checkPdfSignature } from '../../src/modules/signing/pdf-signature.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { barcodes, keepForLook, NO_POPPLER, NO_ZBAR, pdfText, POPPLER, ZBAR } from '../support/pdf-tools.ts';

// Electronic certified copies at the desk: scanned originals become signed copies numbered in the
// unit's register without gaps (also when desks work at once), fee by pages, delivered to the
// citizen's document store and by email, verified by their QR code.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

const applicant = { kind: 'citizen', fullName: DEMO_CITIZEN.fullName, cccd: DEMO_CITIZEN.cccd };

/** A scan of an original: `pages` A4 pages with Vietnamese text. */
async function scan(pages: number, title = 'BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont((await loadFontBytes()).regular, { subset: true });
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`${title} — trang ${i + 1}`, { x: 72, y: 760, size: 14, font });
  return Buffer.from(await doc.save());
}
const upload = async (client: Client, bytes: Buffer, name = 'ban-chinh.pdf') => {
  const res = await client.upload(name, bytes);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
};
const certify = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/certifications', body);

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  t.clock.set('2026-03-02T09:00:00+07:00');
});
afterAll(() => t.close());

describe('a visit at the desk', () => {
  let answer: { items: { number: string; book: string; pages: number; copies: number; feeVnd: number; document: { id: string; fileUrl: string; state: string } }[]; totalFeeVnd: number; emailedTo: string | null };

  it('certifies several documents for one citizen: numbered, fee by pages, signed', async () => {
    const res = await certify(c.reception, {
      applicant,
      email: 'an.nguyen@example.vn',
      documents: [
        { name: 'Bằng tốt nghiệp trung học phổ thông', fileIds: [await upload(c.reception, await scan(1))] },
        { name: 'Giấy khai sinh', fileIds: [await upload(c.reception, await scan(3, 'GIẤY KHAI SINH'))], copies: 2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    answer = res.json();
    expect(answer.items.map((i) => [i.number, i.book, i.pages, i.copies, i.feeVnd])).toEqual([
      ['000001', '01/2026-SCT/BS', 1, 1, 2_000],
      ['000002', '01/2026-SCT/BS', 3, 2, 10_000],
    ]);
    expect(answer.totalFeeVnd).toBe(12_000);
    expect(answer.emailedTo).toBe('an.nguyen@example.vn');
  });

  it('the copy is the scan plus the attestation page, signed, with a QR code to its verification', async (ctx) => {
    const pdf = (await c.citizen.get(answer.items[1]!.document.fileUrl)).rawPayload;
    expect(checkPdfSignature(pdf)).toMatchObject({ present: true, intact: true, coversWholeFile: true });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(4);
    keepForLook('certified-copy', pdf);
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const text = pdfText(pdf);
    expect(text).toContain('GIẤY KHAI SINH — trang 3');
    expect(text).toContain('LỜI CHỨNG');
    expect(text).toContain('Chứng thực bản sao điện tử này đúng với bản chính: Giấy khai sinh.');
    expect(text).toContain('Bản sao gồm 03 trang, không kể trang lời chứng này.');
    expect(text).toContain('Số chứng thực: 000002; quyển số: 01/2026-SCT/BS.');
    expect(text).toContain('Nguyễn Thị Hoa');
    if (!ZBAR) ctx.skip(NO_ZBAR);
    expect(barcodes(pdf)).toContain(`QR-Code:http://localhost:3000/xac-minh/${answer.items[1]!.document.id}`);
  });

  it('lands in the citizen’s document store and verifies publicly', async () => {
    const mine = (await c.citizen.get('/api/v1/me/documents')).json().items as { id: string; kind: string; state: string }[];
    expect(mine.filter((d) => d.kind === 'certified_copy').map((d) => d.id).sort()).toEqual(answer.items.map((i) => i.document.id).sort());
    const v = (await c.anonymous.get(`/api/v1/public/verify/${answer.items[0]!.document.id}`)).json();
    expect(v).toMatchObject({ kind: 'certified_copy', state: 'valid', dossierCode: null, title: 'Bản sao điện tử được chứng thực từ bản chính: Bằng tốt nghiệp trung học phổ thông' });
  });

  it('an email with the links is queued once', async () => {
    const sent = await rows<{ recipient: string; template: string; body: string }>(t.database.db, sql`select recipient, template, body from messages where template = 'document.certified_copies'`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.recipient).toBe('an.nguyen@example.vn');
    for (const i of answer.items) expect(sent[0]!.body).toContain(`/xac-minh/${i.document.id}`);
  });
});

describe('the register', () => {
  it('numbers without gaps when several desks certify at once, and a failed certification gives its number back', async () => {
    const files = await Promise.all(Array.from({ length: 8 }, async (_, i) => upload(c.reception, await scan(1, `GIẤY TỜ ${i}`), `g${i}.pdf`)));
    const good = await upload(c.reception, await scan(2, 'HỌC BẠ'), 'hoc-ba.pdf');
    const broken = await upload(c.reception, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41)]), 'hong.pdf');
    // A visit whose second document cannot be signed: its first took a number, and gives it back.
    const results = await Promise.all([
      ...files.map((f, i) => certify(c.reception, { applicant, documents: [{ name: `Giấy tờ ${i}`, fileIds: [f] }] })),
      certify(c.reception, { applicant, documents: [{ name: 'Học bạ', fileIds: [good] }, { name: 'Tệp hỏng', fileIds: [broken] }] }),
    ]);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(8);
    expectError(results.at(-1)!, 415, 'DOCUMENT_FILE_UNSUPPORTED');
    const numbers = (await rows<{ number: number }>(t.database.db, sql`select number from certifications order by number`)).map((r) => Number(r.number));
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await rows(t.database.db, sql`select 1 from certifications where document_name = 'Học bạ'`)).toEqual([]);
  });

  it('exports a period as a list and as an A4 PDF, for the desk and the leaders only', async (ctx) => {
    const list = await c.leader.get('/api/v1/certifications?from=2026-03-01&to=2026-03-31');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(10);
    expect(list.json().totalFeeVnd).toBe(12_000 + 8 * 2_000);
    expectError(await c.specialist.get('/api/v1/certifications?from=2026-03-01&to=2026-03-31'), 403, 'FORBIDDEN');
    expectError(await c.citizen.get('/api/v1/certifications/register.pdf?from=2026-03-01&to=2026-03-31'), 403, 'FORBIDDEN');
    const pdf = await c.reception.get('/api/v1/certifications/register.pdf?from=2026-03-01&to=2026-03-31');
    expect(pdf.statusCode).toBe(200);
    const page = (await PDFDocument.load(pdf.rawPayload)).getPage(0);
    expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([842, 595]);
    keepForLook('certification-register', pdf.rawPayload);
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const text = pdfText(pdf.rawPayload, 'register.pdf', true);
    expect(text).toContain('SỔ CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH');
    expect(text).toContain('Từ ngày 01/3/2026 đến ngày 31/3/2026');
    expect(text).toContain('000010');
    expect(text).toContain('Giấy khai sinh');
    expect(text).toContain('Tổng số: 10 việc chứng thực; tổng phí: 28.000 đồng.');
  });
});

describe('who may certify, and what', () => {
  it('only reception officers; only their own scans; the applicant as the desk checks them', async () => {
    const mine = await upload(c.reception, await scan(1));
    expectError(await certify(c.specialist, { applicant, documents: [{ name: 'Bằng', fileIds: [mine] }] }), 403, 'FORBIDDEN');
    expectError(await certify(c.citizen, { applicant, documents: [{ name: 'Bằng', fileIds: [mine] }] }), 403, 'FORBIDDEN');
    const citizens = await upload(c.citizen, await scan(1));
    expectError(await certify(c.reception, { applicant, documents: [{ name: 'Bằng', fileIds: [citizens] }] }), 400, 'FILE_NOT_FOUND');
    expectError(await certify(c.reception, { applicant: { ...applicant, fullName: 'Nguyen Van An' }, documents: [{ name: 'Bằng', fileIds: [mine] }] }), 409, 'APPLICANT_IDENTITY_MISMATCH');
    expectError(await certify(c.reception, { applicant, documents: [] }), 400, 'VALIDATION_FAILED');
  });
});
