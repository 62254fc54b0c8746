import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { check, fillFields, newPage, signedIn, staffAction, startBrowserEnv, type BrowserEnv } from './support.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

async function asStaff(login: string) {
  const { context, page } = await newPage(env);
  await signedIn(page, login);
  return { context, page };
}

async function openDossier(page: Page, code: string) {
  await page.goto(`/can-bo/ho-so/${encodeURIComponent(code)}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
}

describe('a dossier across roles, in the browser', () => {
  let code = '';

  it('the citizen applies online with files', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, '025090001234');
    await page.goto('/nop-ho-so/1.001193');
    await page.getByRole('heading', { level: 1, name: 'Người nộp hồ sơ' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông tin hồ sơ' }).waitFor();
    await fillFields(page);
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' }).waitFor();
    const groups = page.locator('main fieldset').filter({ hasText: 'Bắt buộc' });
    for (let i = 0; i < (await groups.count()); i++) {
      await groups.nth(i).getByLabel(/Chọn tệp/).setInputFiles(env.scan);
      await groups.nth(i).getByText(/Đã tải lên/).waitFor();
    }
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra và nộp' }).waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    code = (await page.locator('.panel strong').first().textContent())!.trim();
    expect(code).toMatch(/-\d{6}-\d{4}$/);
    await context.close();
  });

  it('reception finds it in the queue, receives it and assigns a specialist', async () => {
    const { context, page } = await asStaff('tiepnhan');
    await page.goto('/can-bo');
    await page.getByRole('navigation', { name: 'Hàng đợi hồ sơ' }).getByRole('link', { name: /^Chờ tiếp nhận/ }).click();
    await page.getByRole('link', { name: code }).waitFor();
    await check(page, 'backoffice-queue-to-receive');
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
    await check(page, 'backoffice-dossier-submitted');
    await staffAction(page, 'Tiếp nhận hồ sơ');
    await staffAction(page, 'Phân công xử lý', async () => {
      await page.getByLabel('Cán bộ xử lý').selectOption({ label: 'Trần Văn Minh – Phòng Văn hóa - Xã hội' });
    });
    await context.close();
  });

  it('the specialist proposes a supplement tied to a document; online, the system sends it at once', async () => {
    const { context, page } = await asStaff('chuyenvien');
    await openDossier(page, code);
    await staffAction(page, 'Đề nghị yêu cầu bổ sung', async () => {
      await page.getByLabel('Mục 1: giấy tờ hoặc thông tin').selectOption({ index: 1 });
      await page.getByLabel('Mục 1: lý do').fill('Bản chụp mờ, không đọc được');
    });
    // Sent on the desk's behalf; while the applicant completes it the clock is stopped.
    await page.getByText(/Hệ thống gửi thay Bộ phận Một cửa lúc/).waitFor();
    await page.getByText(/Tạm dừng từ .*: chờ công dân/).waitFor();
    await check(page, 'backoffice-dossier-supplement');
    await context.close();
  });

  it('the citizen answers the supplement online', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, '025090001234');
    await page.goto(`/ho-so-cua-toi/${encodeURIComponent(code)}`);
    await page.getByText('Bản chụp mờ, không đọc được').waitFor();
    await check(page, 'portal-supplement-request');
    await page.locator('main').getByLabel(/Chọn tệp/).first().setInputFiles(env.scan);
    await page.getByText(/Đã tải lên/).first().waitFor();
    await page.getByRole('button', { name: 'Gửi nội dung bổ sung' }).click();
    await page.getByText('Đã gửi nội dung bổ sung').waitFor();
    await context.close();
  });

  it('the specialist proposes, the leader approves, the result is issued and returned', async () => {
    const spec = await asStaff('chuyenvien');
    await openDossier(spec.page, code);
    await staffAction(spec.page, 'Trình phê duyệt', async () => {
      await spec.page.getByLabel('Giải quyết (cấp kết quả)').check();
      await spec.page.getByLabel('Ý kiến đề xuất').fill('Hồ sơ đủ điều kiện, đề nghị cấp Giấy khai sinh');
    });

    const leader = await asStaff('lanhdao');
    await leader.page.goto('/can-bo');
    await leader.page.getByRole('navigation', { name: 'Hàng đợi hồ sơ' }).getByRole('link', { name: /^Chờ phê duyệt/ }).click();
    await leader.page.getByRole('link', { name: code }).click();
    await staffAction(leader.page, 'Phê duyệt');
    await leader.context.close();

    await openDossier(spec.page, code);
    await staffAction(spec.page, 'Ban hành kết quả', async () => {
      await spec.page.getByLabel('Chọn tệp kết quả').setInputFiles(env.scan);
      await spec.page.getByText(/Đã tải lên/).first().waitFor();
    });
    await spec.context.close();

    const reception = await asStaff('tiepnhan');
    await openDossier(reception.page, code);
    await staffAction(reception.page, 'Trả kết quả', async () => {
      await reception.page.getByLabel('Bản điện tử (tài khoản, thư điện tử)').check();
    });
    await check(reception.page, 'backoffice-dossier-returned');
    await reception.context.close();
  });

  it('the citizen sees the result and rates the service', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, '025090001234');
    await page.goto(`/ho-so-cua-toi/${encodeURIComponent(code)}`);
    await page.getByText('Đã trả kết quả').first().waitFor();
    const receipt = await page.getByRole('link', { name: 'Giấy tiếp nhận và hẹn trả kết quả (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(receipt!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByLabel('Hài lòng', { exact: true }).check();
    await page.getByLabel(/Góp ý thêm/).fill('Nhanh, cán bộ nhiệt tình');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    await check(page, 'portal-dossier-rated');
    await context.close();
    const events = (await env.t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?phoneLast4=5678` })).json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'submit', 'receive', 'assign', 'propose_supplement', 'request_supplement', 'answer_supplement', 'propose', 'approve', 'issue_result', 'return_result',
    ]);
  });
});
