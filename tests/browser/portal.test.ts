import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, fillFields, newPage, startBrowserEnv, type BrowserEnv } from './support.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

describe('the citizen portal on a phone (360 px)', () => {
  it('home, catalogue search without diacritics, a procedure page', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Nông Trang');
    await check(page, 'portal-home-360');
    const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow, 'no horizontal scrolling at 360 px').toBe(false);

    await page.goto('/thu-tuc');
    await page.getByLabel('Tìm theo tên thủ tục').fill('ho kinh doanh');
    await page.getByText('Tìm thấy: 5 thủ tục').waitFor();
    await check(page, 'portal-catalogue-360');

    await page.getByLabel('Tìm theo tên thủ tục').fill('khai sinh');
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).first().click();
    await page.getByRole('heading', { level: 1, name: /khai sinh/ }).waitFor();
    await expect(page.getByText('Giấy chứng sinh').first().isVisible()).resolves.toBe(true);
    await check(page, 'portal-procedure-360');
    await context.close();
  });

  it('a procedure page shows citizens only confirmed, plain content: no research note, source or confidence', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/thu-tuc/1.001612');
    await page.getByRole('heading', { level: 1, name: 'Đăng ký thành lập hộ kinh doanh' }).waitFor();
    const main = page.locator('main');
    // Who may apply: the person who needs it, a citizen.
    await expect(main.getByText('Đối tượng thực hiện').isVisible()).resolves.toBe(true);
    await expect(main.locator('dd', { hasText: /^Công dân$/ }).count()).resolves.toBe(1);
    // No guessed time limit: the desk gives the date. One plain banner, no checklist of jargon.
    await expect(main.getByText('Bộ phận Một cửa hẹn ngày trả kết quả khi nhận hồ sơ').isVisible()).resolves.toBe(true);
    await expect(main.getByRole('region', { name: 'Thông tin đang được xác nhận' }).isVisible()).resolves.toBe(true);
    const text = (await main.textContent()) ?? '';
    for (const internal of ['Nguồn dữ liệu', 'Độ tin cậy', 'github', 'BangNiemYet', 'DVCQG', 'unconfirmed', 'candidateFormalityIdExact', 'Cần xác nhận', 'Ghi chú']) {
      expect(text, internal).not.toContain(internal);
    }
    await check(page, 'portal-procedure-hkd-360');
    await context.close();
  });

  it('applies online: starts signed out, the draft survives a reload, signs in at the documents step, submits', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/thu-tuc/1.001193');
    await page.getByRole('link', { name: /Nộp hồ sơ trực tuyến/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Người nộp hồ sơ' }).waitFor();
    await check(page, 'apply-1-applicant');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông tin hồ sơ' }).waitFor();

    // Checks before going on: blank required fields are listed, focus goes to the summary.
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByRole('heading', { name: 'Có lỗi cần sửa' }).waitFor();
    await check(page, 'apply-2-errors');

    await fillFields(page);
    await page.reload();
    await expect(page.locator('main form input').first().inputValue()).resolves.toBe('Nguyễn Minh Khang');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' }).waitFor();

    await page.getByRole('link', { name: 'Đăng nhập' }).last().click();
    await page.getByLabel(/Số căn cước \(CCCD\), mã số thuế/).fill('025090001234');
    await page.getByLabel('Mật khẩu').fill('NongTrang@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' }).waitFor();

    const groups = page.locator('main fieldset').filter({ hasText: 'Bắt buộc' });
    const n = await groups.count();
    expect(n).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < n; i++) {
      await groups.nth(i).getByLabel(/Chọn tệp/).setInputFiles(env.scan);
      await groups.nth(i).getByText(/Đã tải lên/).waitFor();
    }
    await check(page, 'apply-3-documents');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra và nộp' }).waitFor();
    await check(page, 'apply-4-review');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    const code = (await page.locator('.panel strong').first().textContent())!.trim();
    expect(code).toMatch(/^DEMO\.07894\.H25-\d{6}-\d{4}$/);
    await check(page, 'apply-5-receipt');

    // Public tracking by the link on the receipt, with the phone digits for the steps.
    await page.goto(`/tra-cuu/${encodeURIComponent(code)}?sdt=5678`);
    await page.getByText('Tiến độ').first().waitFor();
    await expect(page.getByText('N***** V** A*').first().isVisible()).resolves.toBe(true);
    await check(page, 'tracking');

    // English as the second language.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('en');
    await check(page, 'tracking-en');
    await context.close();
  });
});

describe('a dropped connection during an upload', () => {
  it('the one failed file is retried; nothing typed is lost; the dossier is not duplicated on a resend', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/dang-nhap?tiep=/nop-ho-so/1.001193');
    await page.getByLabel(/Số căn cước \(CCCD\), mã số thuế/).fill('025090001234');
    await page.getByLabel('Mật khẩu').fill('NongTrang@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người nộp hồ sơ' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông tin hồ sơ' }).waitFor();
    await fillFields(page);
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' }).waitFor();

    // The network drops during the first upload only.
    let dropped = false;
    await page.route('**/api/v1/files', (route) => {
      if (!dropped) {
        dropped = true;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    const groups = page.locator('main fieldset').filter({ hasText: 'Bắt buộc' });
    await groups.first().getByLabel(/Chọn tệp/).setInputFiles(env.scan);
    await groups.first().getByRole('button', { name: /^Thử tải lại/ }).click();
    await groups.first().getByText(/Đã tải lên/).waitFor();
    for (let i = 1; i < (await groups.count()); i++) {
      await groups.nth(i).getByLabel(/Chọn tệp/).setInputFiles(env.scan);
      await groups.nth(i).getByText(/Đã tải lên/).waitFor();
    }
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra và nộp' }).waitFor();
    expect(await page.getByText('Nguyễn Minh Khang').count()).toBeGreaterThan(0);

    const count = async () => (await (await page.request.get('/api/v1/dossiers?limit=1')).json()).total as number;
    const before = await count();
    // The answer to the submission is lost: the server filed it, the browser saw an error.
    let lostOnce = false;
    await page.route('**/api/v1/dossiers', async (route) => {
      if (route.request().method() !== 'POST' || lostOnce) return route.continue();
      lostOnce = true;
      await route.fetch(); // reaches the server
      return route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByText(/mất kết nối/).first().waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    const code = (await page.locator('.panel strong').first().textContent())!.trim();
    // Both sends carried the same Idempotency-Key: exactly one new dossier, the one on the receipt.
    expect(lostOnce).toBe(true);
    expect(await count()).toBe(before + 1);
    const latest = (await (await page.request.get('/api/v1/dossiers?limit=1')).json()).items[0];
    expect(latest.code).toBe(code);
    await context.close();
  });
});
