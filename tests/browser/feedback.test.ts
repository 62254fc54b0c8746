import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maybeOne } from '../../src/db/client.ts';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { metadataOf } from '../../src/domain/photo-metadata.ts';
import { lastCodeTo } from '../support/codes.ts';
import { phoneTracesIn, withPhoneMetadata } from '../support/photos.ts';
import { check, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

// Issue 12's "done when": a citizen reports a broken street light with a photo on the map from a
// phone-sized browser, an official handles it, the answer appears publicly, and the same report
// is visible through the Open311 API. The photo is a real picture drawn by Chromium, with a
// phone's EXIF (GPS, camera) added; the stored file is read back without them.

let env: BrowserEnv;
let photoPath = '';

beforeAll(async () => {
  env = await startBrowserEnv();
  const { page, context } = await newPage(env);
  await page.goto('/');
  // A real picture, encoded by the browser.
  const dataUrl = (await page.evaluate(`(() => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 240;
    const g = c.getContext('2d');
    g.fillStyle = '#223';
    g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#fd0';
    g.beginPath();
    g.arc(160, 80, 30, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/jpeg', 0.9);
  })()`)) as string;
  await context.close();
  photoPath = join(tmpdir(), `nts-den-hong-${process.pid}.jpg`);
  writeFileSync(photoPath, withPhoneMetadata(Buffer.from(dataUrl.split(',')[1]!, 'base64')));
});
afterAll(() => env?.close());

describe('a broken street light, on a phone', () => {
  let code = '';

  it('the citizen reports it with a photo and a pin on the map', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, DEMO_CITIZEN.cccd);
    await page.goto('/phan-anh/gui');
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    await page.getByLabel('Loại phản ánh').selectOption('roads_lighting');
    await page.getByLabel('Nội dung').fill('Đèn đường trước nhà văn hóa khu 3 bị hỏng, tối om từ ba hôm nay.');
    const map = page.getByRole('application', { name: /chạm để chọn vị trí/ });
    await map.waitFor();
    await expect.poll(() => page.locator('.leaflet-interactive').count()).toBeGreaterThan(0);
    // No tile server set: the map is the local GeoJSON only, offline.
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    const box = (await map.boundingBox())!;
    // A tap inside the ward (the map is fitted to it), scrolled into view first.
    await map.click({ position: { x: box.width * 0.6, y: box.height * 0.45 } });
    await page.getByText(/Đã chọn vị trí:/).waitFor();
    await page.getByText(/Ranh giới trên bản đồ là gần đúng/).first().waitFor();
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/feedback/photos') && r.request().method() === 'POST');
    await page.getByLabel(/^Ảnh/).setInputFiles(photoPath);
    expect((await uploaded).status()).toBe(201);
    await page.getByRole('img', { name: 'Ảnh 1 của phản ánh' }).waitFor();
    await check(page, 'feedback-report-phone');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: /Phản ánh PA-\d{6}-\d{4}/ }).waitFor();
    code = /PA-\d{6}-\d{4}/.exec((await page.getByRole('heading', { level: 1 }).textContent())!)![0];
    await check(page, 'feedback-follow-phone');
    await context.close();
  });

  it('the stored photo has no GPS position or camera details', async () => {
    const u = await maybeOne<{ sha256: string }>(
      env.t.database.db,
      sql`select up.sha256 from feedback_photos p join uploads up on up.id = p.upload_id join feedback_reports r on r.id = p.report_id where r.code = ${code}`,
    );
    const chunks: Buffer[] = [];
    for await (const ch of (await env.t.blobs.get(u!.sha256))!) chunks.push(ch as Buffer);
    const stored = Buffer.concat(chunks);
    expect(metadataOf(stored)).toEqual({ exif: false, gps: false, xmp: false, text: false });
    expect(phoneTracesIn(stored)).toEqual([]);
  });

  it('the desk forwards it in the back office: the queue, overdue first, deadlines dd/mm/yyyy, the suggested department', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'tiepnhan');
    await page.goto('/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị cần xử lý' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code }) });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await page.getByLabel('Bước xử lý').selectOption('received');
    await page.getByLabel('Loại phản ánh').selectOption('roads_lighting');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await row.waitFor();
    await check(page, 'feedback-staff-queue');
    await row.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    // The reporter is shown to those who handle it; the Decree 20/2008 steps with their deadlines.
    await page.getByText(DEMO_CITIZEN.fullName).first().waitFor();
    const steps = page.getByRole('list', { name: 'Các bước theo Nghị định 20/2008' });
    await steps.getByText(/Chuyển đơn vị xử lý.*hạn \d{2}\/\d{2}\/\d{4}/).waitFor();
    await check(page, 'feedback-staff-report');
    await page.getByRole('radio', { name: 'Chuyển đơn vị xử lý' }).check();
    // The routing table's suggestion is preselected.
    await expect.poll(() => page.getByLabel('Đơn vị xử lý', { exact: true }).locator('option:checked').textContent()).toMatch(/Kinh tế, Hạ tầng/);
    await page.getByRole('button', { name: 'Thực hiện' }).click();
    await page.getByRole('status').getByText('Đã thực hiện: Chuyển đơn vị xử lý.').waitFor();
    await context.close();
  });

  it('the leader assigns, notes, moderates and publishes the answer from a template, in the back office', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'lanhdao');
    await page.goto(`/can-bo/phan-anh/${code}`);
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    const act = async (label: string, fill: () => Promise<void>) => {
      await page.getByRole('radio', { name: label, exact: true }).check();
      await fill();
      await page.getByRole('button', { name: 'Thực hiện' }).click();
      await page.getByRole('status').getByText(`Đã thực hiện: ${label}.`).waitFor();
    };
    await act('Giao người xử lý', async () => {
      await page.getByLabel('Người xử lý', { exact: true }).selectOption({ label: 'Lê Thị Thu' });
      await page.getByLabel('Ghi chú nội bộ (không công khai)').fill('Liên hệ đội điện chiếu sáng.');
    });
    await act('Ghi chú nội bộ', async () => {
      await page.getByLabel('Nội dung ghi chú nội bộ').fill('Đội điện hẹn thay bóng chiều nay.');
    });
    await page.getByText('Đội điện hẹn thay bóng chiều nay.').waitFor();
    await act('Kiểm duyệt', async () => {
      await page.getByLabel('Lý do kiểm duyệt (lưu nội bộ)').fill('Bỏ chi tiết không cần thiết khỏi nội dung công khai.');
      await page.getByLabel('Nội dung công khai').fill('Đèn đường trước nhà văn hóa khu 3 bị hỏng.');
    });
    await act('Trả lời, công khai kết quả', async () => {
      await page.getByLabel('Mẫu trả lời').selectOption('lighting_replaced');
      await expect.poll(() => page.getByLabel('Nội dung trả lời').inputValue()).toMatch(/Đèn chiếu sáng/);
      await page.getByLabel('Nội dung trả lời').fill('Đèn đã được thay bóng mới. Cảm ơn ông/bà.');
    });
    await page.getByText('Đã trả lời').first().waitFor();
    await check(page, 'feedback-staff-answered');
    await context.close();
  });

  it('the answer is public on the list, the map and the report’s page; Open311 has it', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/phan-anh');
    await page.getByRole('link', { name: code }).waitFor();
    await page.getByLabel('Trạng thái').selectOption('answered');
    await page.getByRole('link', { name: code }).waitFor();
    // Looked up by its code in the search box (the API's q).
    await page.getByLabel('Tìm theo mã hoặc nội dung').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Tìm' }).click();
    await expect.poll(() => page.locator('.fb-list > li').count()).toBe(1);
    await page.getByLabel('Tìm theo mã hoặc nội dung').fill('PA-000101-9999');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('heading', { name: '0 phản ánh' }).waitFor();
    await page.getByLabel('Tìm theo mã hoặc nội dung').fill(code);
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: code }).waitFor();
    await check(page, 'feedback-list-phone');
    await page.getByRole('link', { name: code }).click();
    await page.getByText('Đèn đã được thay bóng mới. Cảm ơn ông/bà.').waitFor();
    await page.getByText('Đèn đường trước nhà văn hóa khu 3 bị hỏng.', { exact: true }).waitFor();
    const html = await page.content();
    expect(html).not.toContain(DEMO_CITIZEN.fullName);
    expect(html).not.toContain('Đội điện hẹn thay bóng');
    await check(page, 'feedback-answer-public-phone');
    const open311 = await page.request.get(`/open311/v2/requests/${code}.json`);
    expect((await open311.json())[0]).toMatchObject({ service_request_id: code, status: 'closed', status_notes: 'Đèn đã được thay bóng mới. Cảm ơn ông/bà.', agency_responsible: expect.stringMatching(/Kinh tế/) });
    await context.close();
  });

  it('the reporter rates the answer on the phone', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await signedIn(page, DEMO_CITIZEN.cccd);
    await page.goto(`/phan-anh/${code}`);
    await page.getByText('Bạn đánh giá câu trả lời thế nào?').waitFor();
    await page.getByLabel('Rất hài lòng').check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Người gửi đánh giá').waitFor();
    await check(page, 'feedback-rated-phone');
    await context.close();
  });
});

describe('a person without an account, on a phone', () => {
  it('sees the photo they added, gets a code by SMS, and follows the report with its link', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    const phone = '0977123456';
    await page.goto('/phan-anh/gui');
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    await page.getByLabel('Loại phản ánh').selectOption('drainage');
    await page.getByLabel('Nội dung').fill('Cống đầu ngõ bị tắc, nước tràn ra đường mỗi khi mưa.');
    await page.getByLabel('Địa chỉ').fill('Ngõ 12, phố Tiên Sơn');
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/feedback/photos') && r.request().method() === 'POST');
    await page.getByLabel(/^Ảnh/).setInputFiles(photoPath);
    expect((await uploaded).status()).toBe(201);
    // The photo they added is shown to them (not a broken image).
    const preview = page.getByRole('img', { name: 'Ảnh 1 của phản ánh' });
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((e) => ((e as unknown as { complete: boolean }).complete ? (e as unknown as { naturalWidth: number }).naturalWidth : 0))).toBeGreaterThan(0);
    // A file that is not a picture: the error points at the photos, not at the category.
    await page.getByLabel(/^Ảnh/).setInputFiles({ name: 'ghi-chu.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('không phải ảnh') });
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#fb-photo');
    await page.locator('#fb-photo-error').waitFor();
    // At most 5 photos: after the fifth, the form takes no more.
    for (let n = 2; n <= 5; n++) {
      await page.getByLabel(/^Ảnh/).setInputFiles(photoPath);
      await page.getByRole('img', { name: `Ảnh ${n} của phản ánh` }).waitFor();
    }
    expect(await page.locator('#fb-photo').count()).toBe(0);
    await page.getByText('Đã đủ 5 ảnh. Bỏ bớt một ảnh nếu muốn thay.').waitFor();
    await page.getByRole('button', { name: 'Bỏ ảnh 5' }).click();
    await page.locator('#fb-photo').waitFor();
    await page.getByLabel('Họ và tên').fill('Trần Thị Mai');
    await page.getByLabel('Số điện thoại di động').fill(phone);
    await check(page, 'feedback-report-anonymous-phone');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xác nhận số điện thoại' }).waitFor();
    await page.getByLabel(/Mã xác nhận/).fill(await lastCodeTo(env.t, phone));
    await page.getByRole('button', { name: 'Xác nhận và gửi' }).click();
    await page.getByRole('heading', { level: 1, name: /Phản ánh PA-\d{6}-\d{4}/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // Told to keep the follow link, shown with a copy button.
    await page.getByRole('heading', { name: 'Giữ đường dẫn này để theo dõi phản ánh' }).waitFor();
    expect(await page.getByLabel('Đường dẫn theo dõi').inputValue()).toBe(page.url());
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Chép đường dẫn' }).click();
    await page.getByRole('status').getByText('Đã chép đường dẫn.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(page.url());
    await page.getByRole('img', { name: 'Ảnh 1 của phản ánh' }).waitFor();
    expect(await page.getByRole('img', { name: /^Ảnh \d của phản ánh$/ }).count()).toBe(4);
    await check(page, 'feedback-follow-anonymous-phone');
    await context.close();
  });
});

describe('Open311 keys in the back office', () => {
  it('the unit admin issues a key (shown once) that an Open311 client posts with, then revokes it', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Khóa API Open311' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khóa API Open311' }).waitFor();
    await page.getByLabel('Tên ứng dụng dùng khóa').fill('Ứng dụng thử nghiệm');
    await page.getByRole('button', { name: 'Cấp khóa' }).click();
    const key = (await page.getByLabel('Khóa mới (chỉ hiện một lần)').inputValue()).trim();
    expect(key).toMatch(/^o311_/);
    await check(page, 'feedback-open311-keys');
    // An Open311 client (no browser session) posts with it.
    const post = (description: string) =>
      fetch(`${env.baseUrl}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams({ api_key: key, service_code: 'waste', lat: '21.32897', long: '105.38257', description }) });
    const posted = await post('Rác tồn đọng ở đầu ngõ 5.');
    expect(posted.status, await posted.text()).toBe(201);
    await page.getByRole('button', { name: 'Thu hồi khóa Ứng dụng thử nghiệm' }).click();
    await page.getByText(/Đã thu hồi/).waitFor();
    expect((await post('Lần nữa.')).status).toBe(403);
    await context.close();
  });
});

describe('the routing table and response templates in the back office', () => {
  it('the unit admin routes waste in one area to another department and adds a template; each save is a version with who and when', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Phân công, mẫu trả lời phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phân công, mẫu trả lời phản ánh' }).waitFor();
    await page.getByText('Đang dùng mặc định').first().waitFor();
    await page.getByRole('button', { name: 'Thêm dòng phân công' }).click();
    const last = page.getByRole('group', { name: /^Dòng \d+$/ }).last();
    await last.getByLabel('Loại phản ánh').selectOption('waste');
    await last.getByLabel('Khu vực').selectOption('07924');
    await last.getByLabel('Phòng xử lý').selectOption('VHXH');
    // The first matching row wins: move it to the top.
    const rows = page.getByRole('group', { name: /^Dòng \d+$/ });
    for (let i = await rows.count(); i > 1; i--) await page.getByRole('button', { name: `Đưa dòng ${i} lên trên` }).click();
    expect(await rows.first().getByLabel('Khu vực').inputValue()).toBe('07924');
    await page.getByLabel('Lý do thay đổi bảng phân công').fill('Rác khu Thụy Vân do phòng VHXH theo dõi.');
    await page.getByRole('button', { name: 'Lưu bảng phân công' }).click();
    await page.getByRole('status').getByText(/Đã lưu bảng phân công: phiên bản 1/).waitFor();
    await page.getByText(/phiên bản 1 · Đỗ Văn Nam · \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/).first().waitFor();

    await page.getByRole('button', { name: 'Thêm mẫu trả lời' }).click();
    const tpl = page.getByRole('group', { name: /^Mẫu \d+$/ }).last();
    await tpl.getByLabel('Mã mẫu').fill('pothole_filled');
    await tpl.getByLabel('Loại phản ánh').selectOption('roads_lighting');
    await tpl.getByLabel('Nội dung mẫu').fill('Ổ gà tại vị trí phản ánh đã được vá ngày {ngày}.');
    await page.getByRole('button', { name: 'Lưu mẫu trả lời' }).click();
    await page.getByRole('status').getByText(/Đã lưu mẫu trả lời: phiên bản 1/).waitFor();
    await check(page, 'feedback-settings-admin');
    await context.close();
  });
});
