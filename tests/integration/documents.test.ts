import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { loadFontBytes } from '../../src/modules/forms/layout.ts';
import { checkPdfSignature } from '../../src/modules/signing/pdf-signature.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { buildSubmission, pdfBytes } from '../support/builders.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { barcodes, NO_POPPLER, NO_ZBAR, pdfsig, pdfText, POPPLER, ZBAR } from '../support/pdf-tools.ts';

// Results are issued as PDFs signed with the unit's certificate, carry a QR code to the public
// verification page, land in the applicant's electronic document store, and can be revoked.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let neighbour: Client;
let code = '';
let docId = '';
let signed: Buffer = Buffer.alloc(0);
let source: Buffer = Buffer.alloc(0);

const act = (client: Client, dossier: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${dossier}/actions`, body);
const verifyUrl = (id: string) => `/api/v1/public/verify/${id}`;
const checkFile = (id: string, bytes: Buffer) => c.anonymous.upload('kiem-tra.pdf', bytes, 'application/pdf', verifyUrl(id));

/** The result document an official uploads: a real one-page PDF with Vietnamese text. */
async function resultPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont((await loadFontBytes()).regular, { subset: true });
  const page = doc.addPage([595, 842]);
  page.drawText('GIẤY XÁC NHẬN ĐĂNG KÝ TẠM TRÚ', { x: 150, y: 760, size: 14, font });
  page.drawText('Ông Nguyễn Văn An, số định danh 025090001234, đã đăng ký tạm trú.', { x: 72, y: 700, size: 12, font });
  return Buffer.from(await doc.save());
}

async function approvedDossier(): Promise<string> {
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
  const dossier = res.json().code as string;
  expect((await act(c.reception, dossier, { action: 'receive' })).statusCode).toBe(200);
  expect((await act(c.reception, dossier, { action: 'assign', assigneeId: c.specialist.id })).statusCode).toBe(200);
  expect((await act(c.specialist, dossier, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' })).statusCode).toBe(200);
  expect((await act(c.leader, dossier, { action: 'approve' })).json().status).toBe('approved');
  return dossier;
}

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  neighbour = await signIn(t.app, DEMO_CITIZEN_2.cccd);
  t.clock.set('2026-03-02T09:00:00+07:00');
  code = await approvedDossier();
  source = await resultPdf();
});
afterAll(() => t.close());

describe('issuing a result', () => {
  it('is refused without a result file, and nothing changes', async () => {
    expectError(await act(c.specialist, code, { action: 'issue_result' }), 400, 'RESULT_FILE_REQUIRED');
    expectError(await act(c.specialist, code, { action: 'issue_result', fileIds: [] }), 400, 'RESULT_FILE_REQUIRED');
    expect((await c.specialist.get(`/api/v1/dossiers/${code}`)).json().status).toBe('approved');
    expect((await c.specialist.get(`/api/v1/dossiers/${code}/signed-documents`)).json().items).toEqual([]);
  });

  it('is refused for a file that cannot be signed (a PDF that does not open), and nothing is issued', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x41)]);
    const up = await c.specialist.upload('hong.pdf', broken);
    expect(up.statusCode, up.body).toBe(201);
    expectError(await act(c.specialist, code, { action: 'issue_result', fileIds: [up.json().id] }), 415, 'DOCUMENT_FILE_UNSUPPORTED');
    expect((await c.specialist.get(`/api/v1/dossiers/${code}`)).json().status).toBe('approved');
    const counted = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from issued_documents`);
    expect(counted[0]?.n).toBe(0);
  });

  it('signs the uploaded result with the unit’s certificate and puts the signed file in the dossier', async () => {
    t.clock.set('2026-03-04T10:15:00+07:00');
    const up = await c.specialist.upload('ket-qua.pdf', source);
    const res = await act(c.specialist, code, { action: 'issue_result', fileIds: [up.json().id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('result_ready');
    expect((res.json().result.files as { name: string }[]).map((d) => d.name)).toEqual([`${code}-ket-qua.pdf`]);

    const list = (await c.specialist.get(`/api/v1/dossiers/${code}/signed-documents`)).json().items;
    expect(list).toHaveLength(1);
    docId = list[0].id;
    expect(list[0]).toMatchObject({
      kind: 'result',
      dossierCode: code,
      issuingUnit: { name: 'Ủy ban nhân dân phường Nông Trang' },
      issuedAt: '2026-03-04T10:15:00+07:00',
      state: 'valid',
      holder: 'N***** V** A*',
      verifyUrl: `http://localhost:3000/xac-minh/${docId}`,
      certificate: { demo: true },
    });
    expect(list[0].title).toBe('Kết quả giải quyết thủ tục hành chính: Đăng ký tạm trú');
    expect(list[0].certificate.subject).toContain('CHỨNG THƯ THỬ NGHIỆM (DEMO)');

    const file = await c.citizen.get(`/api/v1/documents/${docId}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    signed = file.rawPayload;
    expect(createHash('sha256').update(signed).digest('hex')).toBe(list[0].sha256);
    expect(checkPdfSignature(signed)).toMatchObject({ present: true, intact: true, coversWholeFile: true });
    // The official's own content is still there, untouched.
    expect((await PDFDocument.load(signed)).getPageCount()).toBe(1);
  });

  it('an independent checker (poppler’s pdfsig) finds a valid PAdES signature covering the whole file', async (ctx) => {
    if (!POPPLER) ctx.skip(NO_POPPLER);
    const report = pdfsig(signed);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Ủy ban nhân dân phường Nông Trang (DEMO)');
    const text = pdfText(signed);
    expect(text).toContain('GIẤY XÁC NHẬN ĐĂNG KÝ TẠM TRÚ');
    expect(text).toContain('Văn bản điện tử do Ủy ban nhân dân phường Nông Trang ký số ngày 04 tháng 3 năm 2026.');
  });

  it('carries a QR code that decodes to the verification link', async (ctx) => {
    if (!POPPLER) ctx.skip(NO_POPPLER);
    if (!ZBAR) ctx.skip(NO_ZBAR);
    expect(barcodes(signed)).toContain(`QR-Code:http://localhost:3000/xac-minh/${docId}`);
  });
});

describe('the public verification', () => {
  it('shows anyone the issuing unit, date, dossier code, hash and that it is in force', async () => {
    const res = await c.anonymous.get(verifyUrl(docId));
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ id: docId, dossierCode: code, state: 'valid', issuedAt: '2026-03-04T10:15:00+07:00', revokedAt: null, holder: 'N***** V** A*' });
    expect(v.issuingUnit.name).toBe('Ủy ban nhân dân phường Nông Trang');
    expect(v.sha256).toBe(createHash('sha256').update(signed).digest('hex'));
    expect(v).not.toHaveProperty('fileUrl');
    expect(JSON.stringify(v)).not.toContain('025090001234');
  });

  it('an unknown code: 404 DOCUMENT_NOT_FOUND', async () => {
    expectError(await c.anonymous.get(verifyUrl('00000000-0000-4000-8000-000000000000')), 404, 'DOCUMENT_NOT_FOUND');
    expectError(await c.anonymous.get('/api/v1/public/verify/khong-phai-ma'), 400, 'VALIDATION_FAILED');
  });

  it('the file issued checks out as genuine', async () => {
    const res = await checkFile(docId, signed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().file).toMatchObject({ verdict: 'genuine', sameFile: true, signatureIntact: true, signedByIssuer: true });
    expect(res.json().file.signer).toContain('Ủy ban nhân dân phường Nông Trang (DEMO)');
  });

  it('one changed byte in the signed content breaks it', async () => {
    const changed = Buffer.from(signed);
    const at = changed.indexOf('/MediaBox');
    changed[at + 2] = changed[at + 2] === 0x65 ? 0x45 : 0x65; // /MediaBox → /MEdiaBox
    expect(checkPdfSignature(changed).intact).toBe(false);
    const res = await checkFile(docId, changed);
    expect(res.json().file).toMatchObject({ verdict: 'altered', sameFile: false, signatureIntact: false, signedByIssuer: false });
  });

  it('content appended after signing (an incremental update) is caught', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% them noi dung\n%%EOF\n')]);
    expect(checkPdfSignature(appended)).toMatchObject({ intact: true, coversWholeFile: false });
    expect((await checkFile(docId, appended)).json().file.verdict).toBe('altered');
  });

  it('the unsigned original, and an unrelated PDF, are not the document', async () => {
    expect((await checkFile(docId, source)).json().file).toMatchObject({ verdict: 'unsigned', sameFile: false });
    expect((await checkFile(docId, pdfBytes(1))).json().file.verdict).toBe('unsigned');
  });

  it('asks for a file when none is sent', async () => {
    expectError(await c.anonymous.post(verifyUrl(docId), {}), 400, 'VERIFY_FILE_REQUIRED');
  });
});

describe('the applicant’s electronic document store', () => {
  it('lists the result with its validity; another citizen neither sees nor opens it', async () => {
    const mine = (await c.citizen.get('/api/v1/me/documents')).json().items;
    expect(mine.map((d: { id: string; state: string }) => [d.id, d.state])).toEqual([[docId, 'valid']]);
    expect(mine[0].fileUrl).toBe(`/api/v1/documents/${docId}/file`);
    expect((await neighbour.get('/api/v1/me/documents')).json().items).toEqual([]);
    expectError(await neighbour.get(`/api/v1/documents/${docId}/file`), 404, 'DOCUMENT_NOT_FOUND');
    expectError(await neighbour.get(`/api/v1/documents/${docId}`), 404, 'DOCUMENT_NOT_FOUND');
    expect((await c.anonymous.get('/api/v1/me/documents')).statusCode).toBe(401);
  });

  it('an official opening the signed file is recorded in the audit log', async () => {
    expect((await c.reception.get(`/api/v1/documents/${docId}/file`)).statusCode).toBe(200);
    const audited = await rows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'document' and entity_id = ${docId}`);
    expect(audited.map((a) => a.action)).toContain('read_document');
  });
});

describe('revocation', () => {
  it('only a leader of the issuing unit revokes, with a reason', async () => {
    const body = { reason: 'Cấp nhầm thông tin địa chỉ tạm trú' };
    expectError(await c.specialist.post(`/api/v1/documents/${docId}/revoke`, body), 403, 'FORBIDDEN');
    expectError(await c.reception.post(`/api/v1/documents/${docId}/revoke`, body), 403, 'FORBIDDEN');
    expectError(await c.citizen.post(`/api/v1/documents/${docId}/revoke`, body), 403, 'FORBIDDEN');
    expectError(await c.otherUnit.post(`/api/v1/documents/${docId}/revoke`, body), 404, 'DOCUMENT_NOT_FOUND');
    expectError(await c.leader.post(`/api/v1/documents/${docId}/revoke`, { reason: '' }), 400, 'VALIDATION_FAILED');
    t.clock.set('2026-03-06T14:00:00+07:00');
    const res = await c.leader.post(`/api/v1/documents/${docId}/revoke`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'revoked', revokedAt: '2026-03-06T14:00:00+07:00', revokedReason: body.reason });
    expectError(await c.leader.post(`/api/v1/documents/${docId}/revoke`, body), 409, 'DOCUMENT_ALREADY_REVOKED');
    const audited = await rows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'document' and entity_id = ${docId}`);
    expect(audited.map((a) => a.action)).toContain('document_revoke');
  });

  it('a revoked result shows as revoked on the page, to a file check, and in the store', async () => {
    const v = (await c.anonymous.get(verifyUrl(docId))).json();
    expect(v).toMatchObject({ state: 'revoked', revokedReason: 'Cấp nhầm thông tin địa chỉ tạm trú' });
    expect((await checkFile(docId, signed)).json().file).toMatchObject({ verdict: 'genuine_not_in_force', sameFile: true, signatureIntact: true });
    expect((await c.citizen.get('/api/v1/me/documents')).json().items[0].state).toBe('revoked');
  });
});

describe('several result files and scans', () => {
  it('each file becomes a signed document; a JPG/PNG scan becomes an A4 PDF page', async () => {
    const dossier = await approvedDossier();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
      'base64',
    );
    const a = (await c.specialist.upload('quyet-dinh.pdf', await resultPdf())).json().id;
    const b = (await c.specialist.upload('ban-chup.png', png)).json().id;
    const res = await act(c.specialist, dossier, { action: 'issue_result', fileIds: [a, b] });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await c.citizen.get(`/api/v1/dossiers/${dossier}/signed-documents`)).json().items;
    expect(list.map((d: { title: string }) => d.title)).toEqual([
      'Kết quả giải quyết thủ tục hành chính: Đăng ký tạm trú (1/2)',
      'Kết quả giải quyết thủ tục hành chính: Đăng ký tạm trú (2/2)',
    ]);
    const scan = (await c.citizen.get(list[1].fileUrl)).rawPayload;
    const page = (await PDFDocument.load(scan)).getPage(0);
    expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([595, 842]);
    expect(checkPdfSignature(scan).intact).toBe(true);
  });
});
