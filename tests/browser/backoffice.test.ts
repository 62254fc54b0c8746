import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/client.ts';
import type { Page } from 'playwright-core';
import { check, fillFields, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

/** At the desk: picks Đăng ký tạm trú, fills its form and uploads a scan for every document. */
async function pickTamTruAndScan(page: Page) {
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
}

describe('the back office', () => {
  it('desk reception: a walk-in citizen created by CCCD, a dossier received at once with a receipt', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'tiepnhan', { goto: '/can-bo' });
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
    await page.getByLabel('Số CCCD của người nộp').fill('025092003456');
    await page.getByRole('button', { name: 'Tìm công dân' }).click();
    await page.getByText('Chưa có công dân với số CCCD này').waitFor();
    await page.getByLabel('Họ và tên').fill('Trịnh Văn Đức');
    await page.getByLabel('Năm sinh').fill('1992');
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Số điện thoại').fill('0966111222');
    await pickTamTruAndScan(page);
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

  it('desk identity: the CCCD says birth year and gender as it is typed; a citizen on record shows only name, masked phone and checks', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'tiepnhan', { goto: '/can-bo' });
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
    const cccd = page.getByLabel('Số CCCD của người nộp');
    // A full number with no such province is refused at once, before any look-up.
    await cccd.fill('999090001234');
    await page.getByText('Ba chữ số đầu của số CCCD không phải mã tỉnh').waitFor();
    // A new citizen: birth year and gender are read from the number and filled in…
    await cccd.fill('025301007788'); // 3 → female, born in the 2000s; 01 → 2001
    await page.getByText('Theo số CCCD: sinh năm 2001, giới tính Nữ.').waitFor();
    await expect.poll(() => page.getByText(/ba chữ số đầu/i).count()).toBe(0);
    await page.getByRole('button', { name: 'Tìm công dân' }).click();
    await page.getByText('Chưa có công dân với số CCCD này').waitFor();
    expect(await page.getByLabel('Năm sinh').inputValue()).toBe('2001');
    expect(await page.getByLabel('Nữ', { exact: true }).isChecked()).toBe(true);
    // …and checked against it as soon as they are changed.
    await page.getByLabel('Năm sinh').fill('2002');
    await page.getByText('Năm sinh không khớp với số CCCD (số CCCD cho biết năm 2001)').waitFor();
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByText('Giới tính không khớp với số CCCD (số CCCD cho biết: Nữ)').waitFor();
    await check(page, 'backoffice-desk-cccd-mismatch');

    // A citizen on record (Vũ Thị Bình): name, masked phone and checks, never the record itself.
    await cccd.fill('025195004321');
    await page.getByText('Theo số CCCD: sinh năm 1995, giới tính Nữ.').waitFor();
    await page.getByRole('button', { name: 'Tìm công dân' }).click();
    const applicant = page.getByRole('region', { name: /1\. Người nộp hồ sơ/ });
    await applicant.getByText('Vũ Thị Bình').waitFor();
    await applicant.getByText('******4321').waitFor();
    await applicant.getByText('1995 (theo số CCCD) — khớp với hồ sơ công dân').waitFor();
    await applicant.getByText('Nữ (theo số CCCD) — khớp với hồ sơ công dân').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/0987654321|Tổ dân phố/);
    await check(page, 'backoffice-desk-found');

    // Filed under her own name, at once.
    await pickTamTruAndScan(page);
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const citizen = await signIn(env.t.app, '025195004321');
    const mine = (await citizen.get('/api/v1/dossiers')).json();
    expect(mine.items).toEqual(expect.arrayContaining([expect.objectContaining({ applicantName: 'Vũ Thị Bình', channel: 'in_person', status: 'received' })]));
    await context.close();
  });

  it('a unit admin edits a procedure: a new version takes effect', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
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

  it('officials see what the ward must confirm, with sources and confidence; the admin goes on to edit', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'chuyenvien', { goto: '/can-bo' });
    await page.getByRole('link', { name: 'Thông tin cần xác nhận' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông tin thủ tục cần xác nhận' }).waitFor();
    await page.getByText(/\d+ thủ tục, \d+ nội dung cần xác nhận/).waitFor();
    const hkd = page.getByRole('region', { name: /Đăng ký thành lập hộ kinh doanh \(1\.001612\)/ });
    await expect(hkd.getByText('Độ tin cậy trung bình', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(hkd.getByText(/Thời hạn giải quyết: chưa xác nhận/).isVisible()).resolves.toBe(true);
    await hkd.getByText('Nguồn và ghi chú nghiên cứu').click();
    await expect(hkd.getByText(/github:hongdienvbhp\/BangNiemYetVinhBao/).isVisible()).resolves.toBe(true);
    // The least trusted come first.
    await expect(page.locator('main section').first().getByText('Độ tin cậy thấp', { exact: true }).isVisible()).resolves.toBe(true);
    // A specialist reads; only the unit admin is offered the editor.
    await expect(hkd.getByRole('link', { name: /Sửa thủ tục/ }).count()).resolves.toBe(0);
    await check(page, 'backoffice-to-confirm');
    await context.close();

    const admin = await newPage(env);
    await signedIn(admin.page, 'quantri');
    await admin.page.goto('/can-bo/can-xac-nhan');
    const row = admin.page.getByRole('region', { name: /Đăng ký thành lập hộ kinh doanh \(1\.001612\)/ });
    await row.getByRole('link', { name: /Sửa thủ tục/ }).click();
    await admin.page.getByRole('heading', { level: 1, name: /1\.001612/ }).waitFor();
    await expect(admin.page.getByLabel('Độ tin cậy của dữ liệu').inputValue()).resolves.toBe('medium');
    await admin.context.close();
  });

  it('the calendar and staff administration pages are accessible', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo/quan-tri/lich?nam=2026');
    await page.getByRole('heading', { level: 1, name: /Lịch làm việc/ }).waitFor();
    await check(page, 'backoffice-calendar-2026');
    await page.goto('/can-bo/quan-tri/can-bo');
    await page.getByRole('heading', { level: 1, name: 'Cán bộ và phân quyền' }).waitFor();
    await check(page, 'backoffice-users');
    await context.close();
  });
});

describe('the legal clock at the desk', () => {
  it('an unconfirmed time limit: the officer gives the appointment and its basis before the receipt; the receipt shows that date', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'tiepnhan', { goto: '/can-bo' });
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
    await page.getByLabel('Số CCCD của người nộp').fill('025093004567');
    await page.getByRole('button', { name: 'Tìm công dân' }).click();
    await page.getByText('Chưa có công dân với số CCCD này').waitFor();
    await page.getByLabel('Họ và tên').fill('Hà Thị Lan');
    await page.getByLabel('Năm sinh').fill('1993');
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Số điện thoại').fill('0966333444');
    // 1.004884 Đăng ký lại khai sinh: the national portal says "5 Khác", so the limit is unconfirmed.
    await page.getByLabel('Tìm thủ tục').fill('dang ky lai khai sinh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('button', { name: /^Chọn Thủ tục đăng ký lại khai sinh/ }).click();
    const appointment = page.getByRole('region', { name: '5. Ngày hẹn trả kết quả' });
    await appointment.waitFor();
    await fillFields(page, page.getByRole('region', { name: /3\. Thông tin tờ khai/ }));
    const docs = page.getByRole('region', { name: /4\. Giấy tờ/ });
    for (let left = await docs.locator('input[type=file]').count(); left > 0; left--) {
      await docs.locator('input[type=file]').first().setInputFiles(env.scan);
      await expect.poll(() => docs.locator('input[type=file]').count()).toBe(left - 1);
    }
    // Nothing typed yet: the form says what is missing.
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await page.getByRole('link', { name: 'Ghi căn cứ xác định ngày hẹn' }).waitFor();
    // The unconfirmed amount gives a suggestion; the officer takes it and records the basis.
    await appointment.getByRole('button', { name: 'Dùng ngày gợi ý' }).click();
    const date = await appointment.getByLabel('Ngày hẹn', { exact: true }).inputValue();
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await appointment.getByLabel('Căn cứ xác định ngày hẹn').fill('05 ngày làm việc theo Luật Hộ tịch (Cổng DVCQG ghi "5 Khác")');
    await check(page, 'backoffice-desk-appointment');
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const reception = await signIn(env.t.app, 'tiepnhan');
    const found = (await reception.get('/api/v1/dossiers?q=ha%20thi%20lan')).json();
    expect(found.items[0]).toMatchObject({ status: 'received' });
    const d = (await reception.get(`/api/v1/dossiers/${found.items[0].code}`)).json();
    expect(d.dueAt.slice(0, 10)).toBe(date);
    expect(d.appointmentReason).toBe('05 ngày làm việc theo Luật Hộ tịch (Cổng DVCQG ghi "5 Khác")');
    await context.close();
  });
});
