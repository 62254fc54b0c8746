import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/dates.ts';
import { vnDateOf } from '../../src/domain/calendar/vn-time.ts';
import type { Page } from 'playwright-core';
import { check, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

// The unit admin's side of issue 11: officials' training (a course and who completed it), a new
// version of the Decision 766 rule from tomorrow; and the term targets an anonymous visitor reads.

let env: BrowserEnv;
const today = vnDateOf(new Date());
const dd = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** Fills a day / month / year group (the app's DateInput). */
async function fillDate(page: Page, legend: string, iso: string) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Ngày', { exact: true }).fill(iso.slice(8, 10));
  await group.getByLabel('Tháng', { exact: true }).fill(iso.slice(5, 7));
  await group.getByLabel('Năm', { exact: true }).fill(iso.slice(0, 4));
}

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

describe('the unit admin', () => {
  it('records a training course and who completed it, found without accents; the share follows', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo');
    await page.getByRole('link', { name: 'Đào tạo cán bộ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bồi dưỡng kỹ năng số cho cán bộ, công chức' }).waitFor();
    await page.getByText('Chưa ghi khóa đào tạo nào').waitFor();
    await page.getByRole('button', { name: 'Thêm khóa đào tạo' }).click();
    // An empty save says what is missing, field by field.
    await page.getByRole('button', { name: 'Lưu khóa đào tạo' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Nhập tên khóa đào tạo' }).waitFor();
    await page.getByLabel('Tên khóa đào tạo').fill('Bồi dưỡng kỹ năng số cho cán bộ cấp xã');
    await page.getByLabel('Đơn vị tổ chức').fill('Sở Khoa học và Công nghệ tỉnh Phú Thọ');
    await fillDate(page, 'Ngày bắt đầu', addDays(today, -10));
    await fillDate(page, 'Ngày kết thúc', addDays(today, -8));
    await page.getByLabel('Số giờ học').fill('24');
    await page.getByLabel('Chủ đề').selectOption('digital_skills');
    await page.getByLabel('Tìm cán bộ của đơn vị').fill('tran van');
    await page.getByRole('button', { name: 'Thêm Trần Văn Minh' }).click();
    await page.getByLabel('Số chứng chỉ của Trần Văn Minh (nếu có)').fill('CC-2026/015');
    await page.getByLabel('Tìm cán bộ của đơn vị').fill('NGUYEN thi');
    await page.getByRole('button', { name: 'Thêm Nguyễn Thị Hoa' }).click();
    const hoa = page.getByRole('group', { name: 'Ngày hoàn thành của Nguyễn Thị Hoa' });
    await expect(hoa.getByLabel('Ngày', { exact: true }).inputValue()).resolves.toBe(addDays(today, -8).slice(8, 10));
    await check(page, 'training-form');
    await page.getByRole('button', { name: 'Lưu khóa đào tạo' }).click();
    await page.getByRole('alert').getByText('Đã lưu khóa đào tạo.').waitFor();
    const row = page.getByRole('row', { name: /Bồi dưỡng kỹ năng số cho cán bộ cấp xã/ });
    await row.getByText('Phiên bản 1, Đỗ Văn Nam').waitFor();
    await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('2');
    await page.getByText(/^Tỷ lệ cán bộ được bồi dưỡng kỹ năng số từ 01\/01\/2025 đến .*: [\d,]+% \(2\/\d+ cán bộ đang công tác\)$/).waitFor();
    await check(page, 'training-list');
    await context.close();
  });

  it('saves a new rule version from tomorrow after being told the points must add up to 100', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo');
    await page.getByRole('link', { name: 'Cách chấm 766' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cách chấm Bộ chỉ số 766' }).waitFor();
    await page.getByText('Đang áp dụng: phiên bản 0, hiệu lực từ 23/06/2022').waitFor();
    await page.getByLabel('Điểm tối đa: Hồ sơ giải quyết, đang giải quyết trước và đúng hạn').fill('25');
    await page.getByText('Tổng điểm: 105/100').waitFor();
    await fillDate(page, 'Hiệu lực từ ngày', addDays(today, 1));
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Ghi căn cứ, lý do thay đổi' }).waitFor();
    await summary.getByRole('link', { name: /Tổng điểm các tiêu chí phải bằng 100 \(đang là 105\)/ }).waitFor();
    await check(page, 'rule-form-errors');
    await page.getByLabel('Điểm tối đa: Hồ sơ trực tuyến toàn trình / hồ sơ của TTHC đủ điều kiện toàn trình').fill('7');
    await page.getByText('Tổng điểm: 100/100').waitFor();
    await page.getByRole('tab', { name: 'Xem theo 5 nhóm' }).click();
    await page.getByRole('row', { name: 'Cung cấp dịch vụ trực tuyến 17' }).waitFor();
    await page.getByLabel('Căn cứ, lý do thay đổi').fill('Quyết định giả định số 9/QĐ-UBND');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByRole('alert').getByText(`hiệu lực từ ${dd(addDays(today, 1))}`, { exact: false }).waitFor();
    await page.getByRole('row', { name: new RegExp(`${dd(addDays(today, 1))} Sắp áp dụng Quyết định giả định số 9/QĐ-UBND Đỗ Văn Nam`) }).waitFor();
    // Today's score keeps the version in force.
    await page.getByText('Đang áp dụng: phiên bản 0').waitFor();
    await check(page, 'rule-versions');
    await context.close();
  });
});

describe('an anonymous visitor', () => {
  it('reads the term targets on the public page, one card each, with sources and progress', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/cong-khai');
    const targets = page.getByRole('region', { name: 'Chỉ tiêu nhiệm kỳ 2025–2030' });
    await targets.getByRole('heading', { level: 2, name: 'Chỉ tiêu nhiệm kỳ 2025–2030' }).waitFor();
    const budget = targets.getByRole('listitem', { name: 'Tổng thu ngân sách nhà nước trên địa bàn' });
    await budget.getByText('438,608 tỷ đồng (2025)').waitFor();
    await budget.getByText('Phường chưa đặt số').waitFor();
    const online = targets.getByRole('listitem', { name: 'Tỷ lệ hồ sơ TTHC xử lý trực tuyến' });
    await online.getByText(`Lộ trình năm ${today.slice(0, 4)}`).waitFor();
    await online.getByText('≥ 80 % (2030)').waitFor();
    const trained = targets.getByRole('listitem', { name: 'Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số' });
    await trained.getByText(/Nguồn: Tính từ dữ liệu đào tạo cán bộ/).waitFor();
    await trained.getByText('tự tính', { exact: false }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Đỗ Văn Nam');
    expect(text).not.toContain('Trần Văn Minh');
    await check(page, 'public-targets-360');
    await context.close();
  });
});
