import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCodeTo } from '../support/codes.ts';
import { check, newPage, startBrowserEnv, type BrowserEnv } from './support.ts';

// Verified identity in the browser: sign-up with its code step (docs/identity.md).

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

describe('signing up', () => {
  it('a citizen signs up on a phone: the code sent to their phone, then their dossiers', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/dang-ky');
    await page.getByLabel('Cá nhân (công dân)').check();
    await page.getByLabel('Họ và tên').fill('Phùng Thị Hạnh');
    await page.getByLabel('Số căn cước (CCCD)').fill('025196008899');
    await page.getByLabel('Năm sinh').fill('1996');
    await page.getByLabel('Nữ', { exact: true }).check();
    await page.getByLabel('Số điện thoại').fill('0962333444');
    await page.getByLabel('Mật khẩu').fill('Hanh@Nong2026');
    await check(page, 'identity-sign-up-360');
    await page.getByRole('button', { name: 'Đăng ký' }).click();

    await page.getByRole('heading', { level: 1, name: 'Nhập mã xác nhận' }).waitFor();
    await page.getByText('******3444').waitFor();
    await check(page, 'identity-sign-up-code-360');
    // A wrong code is said so, on the field.
    const code = await lastCodeTo(env.t, '0962333444');
    await page.getByLabel('Mã xác nhận').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Có lỗi cần sửa' }).waitFor();
    await page.getByText('Mã xác nhận không đúng').first().waitFor();
    await check(page, 'identity-sign-up-code-wrong-360');
    await page.getByLabel('Mã xác nhận').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('Phùng Thị Hạnh').count()).toBeGreaterThan(0);
    await context.close();
  });
});
