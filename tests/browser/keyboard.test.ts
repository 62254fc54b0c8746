import type { FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, newPage, startBrowserEnv, tabTo, type BrowserEnv } from './support.ts';

let env: BrowserEnv;

/**
 * Space on the focused file picker opens the chooser. On a busy machine the page may still be
 * re-rendering the previous upload's row when the key is pressed, and the focus is lost with the
 * element it was on: then the picker is found again by Tab and Space pressed again.
 */
async function chooseByKeyboard(page: Page): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => null);
    await page.keyboard.press('Space');
    const c = await chooser;
    if (c) return c;
    if (attempt === 3) throw new Error('Space on the file picker never opened the file chooser');
    if (!(await page.evaluate("document.activeElement?.type === 'file'"))) await tabTo(page, /Chọn tệp/);
  }
}

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

describe('keyboard only', () => {
  it('a citizen signs in and submits an application without a mouse', async () => {
    const { context, page } = await newPage(env);
    const k = page.keyboard;
    await page.goto('/dang-nhap?tiep=/thu-tuc/2.000815');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await tabTo(page, /Số căn cước \(CCCD\), mã số thuế/);
    await k.type('025090001234');
    await tabTo(page, /^Mật khẩu/);
    await k.type('NongTrang@2026');
    await k.press('Enter');
    await page.getByRole('heading', { level: 1, name: /chứng thực bản sao/i }).waitFor({ timeout: 30_000 });

    await tabTo(page, /Nộp hồ sơ trực tuyến/);
    await k.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Người nộp hồ sơ' }).waitFor();
    await tabTo(page, /^Tiếp tục$/);
    await k.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Thông tin hồ sơ' }).waitFor();

    // Every form field by Tab and typing; selects by arrow keys.
    const fields = page.locator('main form').locator('input, select, textarea');
    const n = await fields.count();
    for (let i = 0; i < n; i++) {
      const f = fields.nth(i);
      const label = await f.evaluate((el: { labels?: ArrayLike<{ textContent: string | null }> | null }) => el.labels?.[0]?.textContent ?? '');
      await tabTo(page, new RegExp(label.trim().slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const tag = await f.evaluate((el: { tagName: string }) => el.tagName);
      if (tag === 'SELECT') await k.press('ArrowDown');
      else if (tag === 'TEXTAREA') await k.type('Giấy khai sinh bản chính');
      else await k.type('2');
    }
    await tabTo(page, /^Lưu và tiếp tục$/);
    await k.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' }).waitFor();

    // Files: the picker opens from the keyboard; the chooser is the operating system's.
    const required = page.locator('main fieldset').filter({ hasText: 'Bắt buộc' });
    for (let i = 0; i < (await required.count()); i++) {
      const name = ((await required.nth(i).locator('legend').textContent()) ?? '').trim().slice(0, 15);
      await tabTo(page, /Chọn tệp/);
      await (await chooseByKeyboard(page)).setFiles(env.scan);
      await required.nth(i).getByText(/Đã tải lên/).waitFor();
      expect(name.length).toBeGreaterThan(0);
    }
    await tabTo(page, /^Lưu và tiếp tục$/);
    await k.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra và nộp' }).waitFor();
    await tabTo(page, /^Nộp hồ sơ$/);
    await k.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    await check(page, 'keyboard-receipt');
    await context.close();
  });
});
