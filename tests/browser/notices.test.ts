import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN, DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { lastCodeTo } from '../support/codes.ts';
import { buildSubmission, uploadPdf } from '../support/builders.ts';
import { demoClients } from '../support/client.ts';
import { check, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

// What a citizen sees when the ward asks something of them, on a phone: the banner on the home
// page, the badge on "Hồ sơ của tôi", the notice in the inbox; the development mailbox; and the
// back office's flag on a dossier whose applicant has just answered.

let env: BrowserEnv;
let code = '';

beforeAll(async () => {
  env = await startBrowserEnv();
  const c = await demoClients(env.t.app);
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193'));
  code = res.json().code;
  await c.reception.post(`/api/v1/dossiers/${code}/actions`, { action: 'receive' });
  await c.reception.post(`/api/v1/dossiers/${code}/actions`, {
    action: 'request_supplement',
    items: [{ target: { type: 'document', key: 'giay-chung-sinh-hoac-van-ban-nguoi-lam' }, reason: 'Bản chụp bị mờ, xin chụp lại rõ nét' }],
  });
});
afterAll(() => env?.close());

describe('a supplement request, as the citizen sees it on a phone', () => {
  it('the home page shows what the ward is waiting for, and "Hồ sơ của tôi" carries a badge', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, DEMO_CITIZEN.cccd);
    await page.goto('/');
    const banner = page.getByRole('region', { name: 'Phường đang chờ bạn' });
    await banner.waitFor();
    await expect.poll(() => banner.textContent()).toContain(`Hồ sơ ${code}`);
    expect(await banner.textContent()).toMatch(/cần bổ sung\. Hạn: /);
    const myDossiers = page.getByRole('navigation', { name: /chính/i }).getByRole('link', { name: /Hồ sơ của tôi/ });
    await expect.poll(() => myDossiers.textContent()).toMatch(/Hồ sơ của tôi \d+/);
    expect(await myDossiers.getAttribute('href')).toBe('/ho-so-cua-toi');
    await expect.poll(async () => (await page.locator('.nav .visually-hidden').allTextContents()).join(' ')).toMatch(/\d+ thông báo chưa đọc/);
    await check(page, 'notices-home-banner-phone');

    // The banner leads straight to the dossier and its answer form.
    await banner.getByRole('link', { name: `Xem cần làm gì với hồ sơ ${code}` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
    await context.close();
  });

  it('the inbox lists every notice in plain words, with the items asked, the deadline and how to be told', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, DEMO_CITIZEN.cccd);
    await page.goto('/ho-so-cua-toi');
    await page.getByRole('link', { name: /^Thông báo/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo của tôi' }).waitFor();
    const notice = page.locator('li.notice').filter({ hasText: `Hồ sơ ${code} cần bổ sung` });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Bản chụp bị mờ, xin chụp lại rõ nét');
    expect(await notice.textContent()).toMatch(/Hạn bổ sung: \d\d:\d\d thứ/);
    await page.locator('li.notice').filter({ hasText: `Hồ sơ ${code} đã được tiếp nhận` }).waitFor();
    await page.getByRole('group', { name: 'Nhận thông báo qua' }).waitFor();
    await check(page, 'notices-inbox-phone');

    // Choosing email only is saved.
    await page.getByLabel('tin nhắn SMS').uncheck();
    await page.getByRole('button', { name: 'Lưu cách nhận thông báo' }).click();
    await page.getByText('Đã lưu cách nhận thông báo.').waitFor();
    await context.close();
  });

  it('the development mailbox shows the messages sent', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/dev/mail');
    await page.getByRole('heading', { level: 1, name: /Hộp thư thử nghiệm/ }).waitFor();
    await page.getByRole('heading', { name: `Nông Trang Số: Hồ sơ ${code} cần bổ sung` }).waitFor();
    expect(await page.textContent('body')).toContain(DEMO_CITIZEN.email);
    await check(page, 'notices-dev-mailbox');
    await context.close();
  });

  it('a citizen adds an email: a code goes to it, and it is verified once the code comes back', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, DEMO_CITIZEN_2.cccd);
    await page.goto('/thong-bao');
    const panel = page.getByRole('region', { name: 'Số điện thoại và email nhận thông báo' });
    await panel.getByRole('button', { name: 'Thêm email' }).click();
    await panel.getByLabel('Email mới').fill('binh.vu@example.vn');
    await panel.getByRole('button', { name: 'Gửi mã' }).click();
    const codeField = panel.getByLabel('Mã xác minh (6 chữ số)');
    await codeField.waitFor();
    await codeField.fill(await lastCodeTo(env.t, 'binh.vu@example.vn'));
    await check(page, 'notices-contact-code-phone');
    await panel.getByRole('button', { name: 'Xác nhận' }).click();
    await panel.getByText('Đã xác minh. Từ nay thông báo được gửi tới địa chỉ này.').waitFor();
    await expect.poll(() => panel.textContent()).toMatch(/Email: b\*+@example\.vn\s*Đã xác minh/);
    await context.close();
  });
});

describe('the back office', () => {
  it('flags a dossier whose applicant has just answered', async () => {
    const c = await demoClients(env.t.app);
    const d = (await c.citizen.get(`/api/v1/dossiers/${code}`)).json();
    const fileId = await uploadPdf(c.citizen);
    const res = await c.citizen.post(`/api/v1/dossiers/${code}/actions`, { action: 'answer_supplement', answers: [{ itemId: d.openSupplement.items[0].id, fileId }] });
    expect(res.statusCode, res.body).toBe(200);

    const { context, page } = await newPage(env);
    await signedIn(page, 'tiepnhan');
    await page.goto('/can-bo?hang-doi=all');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code }) });
    await row.waitFor();
    await row.getByText('Người nộp vừa bổ sung').waitFor();
    await check(page, 'notices-backoffice-answered-flag');
    await context.close();
  });

  it('a unit admin previews a notice template with sample data', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo/quan-tri/thong-bao');
    await page.getByRole('heading', { level: 1, name: 'Mẫu thông báo' }).waitFor();
    await page.getByRole('link', { name: 'Yêu cầu bổ sung' }).click();
    await page.getByRole('heading', { name: 'Sửa Yêu cầu bổ sung' }).waitFor();
    await page.getByRole('button', { name: 'Xem trước với dữ liệu mẫu' }).click();
    await page.getByRole('heading', { name: 'Xem trước' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Giấy chứng sinh: bản chụp bị mờ');
    await check(page, 'notices-admin-template-preview');
    await context.close();
  });
});
