import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/client.ts';
import { check, fillFields, newPage, signInUi, startBrowserEnv, type BrowserEnv } from './support.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

describe('the back office', () => {
  it('desk reception: a walk-in citizen created by CCCD, a dossier received at once with a receipt', async () => {
    const { context, page } = await newPage(env);
    await signInUi(page, 'tiepnhan');
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
    await page.getByLabel('Số CCCD của người nộp').fill('025092003456');
    await page.getByRole('button', { name: 'Tìm công dân' }).click();
    await page.getByText('Chưa có công dân với số CCCD này').waitFor();
    await page.getByLabel('Họ và tên').fill('Trịnh Văn Đức');
    await page.getByLabel('Năm sinh').fill('1992');
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Số điện thoại').fill('0966111222');
    await page.getByLabel('Tìm thủ tục').fill('dang ky tam tru');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('button', { name: /^Chọn Đăng ký tạm trú/ }).click();
    // The procedure's form appears once its definition has loaded.
    await page.getByLabel('Địa chỉ đề nghị đăng ký').waitFor();
    await fillFields(page, page.getByRole('region', { name: /3\. Thông tin tờ khai/ }));
    // One scan per document: each picker is replaced by its file once uploaded, so take the first left.
    const docs = page.getByRole('region', { name: /4\. Giấy tờ/ });
    const pickers = docs.locator('input[type=file]');
    const total = await pickers.count();
    expect(total).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < total; i++) {
      await pickers.first().setInputFiles(env.scan);
      await expect.poll(() => pickers.count()).toBe(total - i - 1);
    }
    // Every scan finished uploading (not just started) before going on.
    await expect.poll(() => docs.getByText(/Đã tải lên/).count(), { timeout: 15_000 }).toBe(total);
    await check(page, 'backoffice-desk-reception');
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    await check(page, 'backoffice-desk-receipt');
    const reception = await signIn(env.t.app, 'tiepnhan');
    const found = (await reception.get('/api/v1/dossiers?q=trinh%20van%20duc')).json();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ status: 'received', channel: 'in_person', applicantName: 'Trịnh Văn Đức' });
    expect(found.items[0].dueAt).toMatch(/\+07:00$/);
    await context.close();
  });

  it('a unit admin edits a procedure: a new version takes effect', async () => {
    const { context, page } = await newPage(env);
    await signInUi(page, 'quantri');
    await page.goto('/can-bo/quan-tri/thu-tuc/1.004194');
    await page.getByLabel('Số lượng').waitFor();
    await check(page, 'backoffice-procedure-editor');
    await page.getByLabel('Số lượng').fill('5');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).last().click();
    await page.getByText('Đã lưu phiên bản 2.').waitFor();
    const p = (await env.t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.004194' })).json();
    expect(p.version).toBe(2);
    expect(p.timeLimit.amount).toBe(5);
    await context.close();
  });

  it('the calendar and staff administration pages are accessible', async () => {
    const { context, page } = await newPage(env);
    await signInUi(page, 'quantri');
    await page.goto('/can-bo/quan-tri/lich?nam=2026');
    await page.getByRole('heading', { level: 1, name: /Lịch làm việc/ }).waitFor();
    await check(page, 'backoffice-calendar-2026');
    await page.goto('/can-bo/quan-tri/can-bo');
    await page.getByRole('heading', { level: 1, name: 'Cán bộ và phân quyền' }).waitFor();
    await check(page, 'backoffice-users');
    await context.close();
  });
});
