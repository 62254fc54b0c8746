import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubmission } from '../support/builders.ts';
import { demoClients, type Client } from '../support/client.ts';
import { check, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

// A signed result verified by its QR link on a phone, checked by uploading the file, and revoked
// by the ward's leader in the back office.

let env: BrowserEnv;
let code = '';
let docId = '';
let signedPath = '';
let alteredPath = '';

const act = (client: Client, dossier: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${dossier}/actions`, body);

beforeAll(async () => {
  env = await startBrowserEnv();
  const c = await demoClients(env.t.app);
  code = (await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'))).json().code;
  await act(c.reception, code, { action: 'receive' });
  await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id });
  await act(c.specialist, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' });
  await act(c.leader, code, { action: 'approve' });
  const upload = (await c.specialist.upload('ket-qua.pdf', readFileSync(env.scan))).json().id;
  const issued = await act(c.specialist, code, { action: 'issue_result', fileIds: [upload] });
  if (issued.statusCode !== 200) throw new Error(issued.body);
  docId = (await c.citizen.get(`/api/v1/dossiers/${code}/signed-documents`)).json().items[0].id;
  const signed = (await c.citizen.get(`/api/v1/documents/${docId}/file`)).rawPayload;
  signedPath = join(tmpdir(), `nts-signed-${process.pid}.pdf`);
  writeFileSync(signedPath, signed);
  const altered = Buffer.from(signed);
  const at = altered.indexOf('/MediaBox');
  altered[at + 2] = 0x45;
  alteredPath = join(tmpdir(), `nts-altered-${process.pid}.pdf`);
  writeFileSync(alteredPath, altered);
});
afterAll(() => env?.close());

describe('signed results in the browser', () => {
  it('the citizen finds the result in their document store and opens its verification page', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, '025090001234');
    await page.goto('/giay-to-cua-toi');
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ điện tử của tôi' }).waitFor();
    await page.getByText('Văn bản thật, còn hiệu lực').first().waitFor();
    await check(page, 'documents-store-360');
    await page.getByRole('link', { name: /Trang xác minh/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Xác minh văn bản điện tử' }).waitFor();
    await context.close();
  });

  it('anyone scanning the QR code sees, on a phone, that it is genuine; their file checks out, a changed one does not', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto(`/xac-minh/${docId}`);
    await page.getByText('Văn bản thật, còn hiệu lực').waitFor();
    await expect(page.getByText(code).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Ủy ban nhân dân phường Nông Trang').first().isVisible()).resolves.toBe(true);
    const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow, 'no horizontal scrolling at 360 px').toBe(false);
    await check(page, 'verify-genuine-360');

    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(signedPath);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Đúng là văn bản đã cấp, chữ ký số nguyên vẹn').waitFor();
    await check(page, 'verify-file-genuine-360');

    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(alteredPath);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Tệp đã bị sửa đổi sau khi ký: chữ ký số không còn nguyên vẹn').waitFor();
    await check(page, 'verify-file-altered-360');
    await context.close();
  });

  it('the leader revokes it in the back office; the verification page then says revoked', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'lanhdao');
    await page.goto(`/can-bo/ho-so/${encodeURIComponent(code)}`);
    await page.getByRole('heading', { name: 'Văn bản đã ký số' }).waitFor();
    await page.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByLabel('Lý do thu hồi (hiển thị trên trang xác minh)').fill('Cấp nhầm địa chỉ tạm trú');
    await page.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await page.getByText('Văn bản đã bị thu hồi').first().waitFor();
    await check(page, 'backoffice-document-revoked');
    await context.close();

    const visitor = await newPage(env, { mobile: true });
    await visitor.page.goto(`/xac-minh/${docId}`);
    await visitor.page.getByText('Văn bản đã bị thu hồi').waitFor();
    await expect(visitor.page.getByText(/Cấp nhầm địa chỉ tạm trú/).isVisible()).resolves.toBe(true);
    await check(visitor.page, 'verify-revoked-360');
    await visitor.context.close();
  });

  it('the desk certifies an electronic copy in a few clicks; its QR link verifies it', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'tiepnhan');
    await page.goto('/can-bo/chung-thuc');
    await page.getByRole('heading', { level: 1, name: 'Chứng thực bản sao điện tử từ bản chính' }).waitFor();
    await page.getByLabel('Số CCCD').fill('025090001234');
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await page.getByLabel('Tên giấy tờ (bản chính)').fill('Bằng tốt nghiệp trung học phổ thông');
    await page.getByLabel('Bản quét').setInputFiles(env.scan);
    await check(page, 'backoffice-certify-form');
    await page.getByRole('button', { name: 'Chứng thực', exact: true }).click();
    await page.getByText(/Đã chứng thực 1 giấy tờ; phí: 2\.000 đồng/).waitFor();
    await check(page, 'backoffice-certify-done');
    await page.getByRole('link', { name: 'Xác minh', exact: true }).first().click();
    await page.getByText('Văn bản thật, còn hiệu lực').waitFor();
    await expect(page.getByText('Bản sao điện tử được chứng thực từ bản chính').first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('an unknown code says so', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/xac-minh/00000000-0000-4000-8000-000000000000');
    await page.getByText('Không tìm thấy văn bản').waitFor();
    await context.close();
  });
});
