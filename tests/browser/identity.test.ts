import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { signIn } from '../support/client.ts';
import { lastCodeTo } from '../support/codes.ts';
import { check, newPage, signInUi, startBrowserEnv, type BrowserEnv } from './support.ts';

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

describe('passwords', () => {
  it('a citizen who forgot their password resets it with the code sent to the phone on record', async () => {
    const { context, page } = await newPage(env);
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor();
    await page.getByLabel('Số căn cước (CCCD) hoặc mã số thuế').fill('025195004321');
    await check(page, 'identity-forgot-password');
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await page.getByText('******4321').waitFor();
    await page.getByLabel('Mã xác nhận').fill(await lastCodeTo(env.t, '0987654321'));
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('12345678');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('12345678');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByText('Mật khẩu này quá phổ biến').first().waitFor();
    await check(page, 'identity-forgot-password-weak');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Binh@NongTrang26');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Binh@NongTrang26');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã đặt mật khẩu mới' }).waitFor();
    await check(page, 'identity-forgot-password-done');
    await signInUi(page, '025195004321', 'Binh@NongTrang26');
    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
    await context.close();
  });

  it('an official whose password the admin reset must choose their own before anything else', async () => {
    const admin = await signIn(env.t.app, 'quantri');
    const official = (await admin.get('/api/v1/admin/users')).json().items.find((u: { login: string }) => u.login === 'chuyenvien2');
    expect((await admin.put(`/api/v1/admin/users/${official.id}`, { password: 'TamThoi-2026-x7' })).statusCode).toBe(200);

    const { context, page } = await newPage(env);
    await signInUi(page, 'chuyenvien2', 'TamThoi-2026-x7');
    await page.getByRole('heading', { name: 'Hãy chọn mật khẩu mới' }).waitFor();
    await check(page, 'identity-forced-password-change');
    await page.getByLabel('Mật khẩu hiện tại').fill('TamThoi-2026-x7');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Thu@NongTrang26');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Thu@NongTrang26');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    // Back where they were going: the back office, working.
    await page.waitForURL((url) => url.pathname.startsWith('/can-bo'));
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).waitFor();
    await context.close();
  });
});

describe('two-factor sign-in', () => {
  it('the demo leader signs in with the password, then the authenticator code', async () => {
    const { context, page } = await newPage(env);
    await page.goto('/dang-nhap');
    await page.getByLabel(/CCCD|Tên đăng nhập|đăng nhập/i).first().fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill('NongTrang@2026');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' }).waitFor();
    await check(page, 'identity-two-factor-step');
    await page.getByLabel('Mã xác thực').fill('12');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByText('Nhập mã 6 chữ số trong ứng dụng xác thực, hoặc một mã khôi phục').first().waitFor();
    await context.close();
    // The rest of the way in (the code of the demo authenticator) is what signInUi does.
    const again = await newPage(env);
    await signInUi(again.page, 'lanhdao');
    await again.page.waitForURL((url) => url.pathname.startsWith('/can-bo'));
    await again.page.getByRole('navigation', { name: 'Chức năng cán bộ' }).waitFor();
    await again.context.close();
  });

  it('a specialist turns it on from their account page: QR code, a first code, recovery codes', async () => {
    const { context, page } = await newPage(env);
    await signInUi(page, 'chuyenvien');
    await page.waitForURL((url) => url.pathname.startsWith('/can-bo'));
    await page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản và bảo mật' }).waitFor();
    await page.getByText('Chưa bật').waitFor();
    await check(page, 'identity-account-staff');
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await page.getByLabel('Nhập lại mật khẩu của bạn').fill('NongTrang@2026');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('img', { name: /Mã QR/ }).waitFor();
    await check(page, 'identity-two-factor-enrol');
    const key = (await page.locator('code.code-text').first().textContent())!.replace(/\s+/g, '');
    await page.getByLabel('Mã xác nhận').fill(await generate({ secret: key }));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByRole('heading', { name: 'Xác thực hai lớp đã bật' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    await check(page, 'identity-two-factor-recovery-codes');
    await page.getByRole('button', { name: 'Tôi đã lưu các mã khôi phục' }).click();
    await page.getByText('Đang bật').waitFor();
    await page.getByText('Còn 10 mã khôi phục chưa dùng.').waitFor();
    await context.close();
  });
});

describe('the desk verifies a sign-up whose code could not reach the person', () => {
  it('a reception officer finds it by CCCD, checks the card, asks the phone, confirms', async () => {
    const reg = await env.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { kind: 'citizen', fullName: 'Triệu Văn Sáng', cccd: '025087004455', birthYear: 1987, gender: 'male', phone: '0962555666', password: 'Sang@NongTrang26' },
    });
    expect(reg.statusCode, reg.body).toBe(202);
    const { context, page } = await newPage(env);
    await signInUi(page, 'tiepnhan');
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Xác minh đăng ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xác minh đăng ký trực tuyến' }).waitFor();
    await page.getByLabel('Số CCCD của người đăng ký').fill('025087004455');
    await page.getByRole('button', { name: 'Tìm đăng ký' }).click();
    await page.getByText('Triệu Văn Sáng').waitFor();
    await page.getByText('******5666').first().waitFor();
    await check(page, 'identity-desk-sign-up');
    await page.getByLabel('Số điện thoại người đăng ký cho biết').fill('0962555667');
    await page.getByRole('button', { name: 'Xác nhận đúng người và mở tài khoản' }).click();
    await page.getByText('Số điện thoại người nộp cho biết không khớp').first().waitFor();
    await page.getByLabel('Số điện thoại người đăng ký cho biết').fill('0962 555 666');
    await page.getByRole('button', { name: 'Xác nhận đúng người và mở tài khoản' }).click();
    await page.getByRole('heading', { name: 'Đã xác minh' }).waitFor();
    await check(page, 'identity-desk-sign-up-done');
    await context.close();
    const login = await env.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '025087004455', password: 'Sang@NongTrang26' } });
    expect(login.statusCode, login.body).toBe(200);
  });
});
