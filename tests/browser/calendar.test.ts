import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

const year2026 = async () => (await env.t.app.inject({ method: 'GET', url: '/api/v1/calendar/2026' })).json();

describe('the calendar administration', () => {
  it('shows where each day comes from and what changes when; a pre-filled day is removed and put back; 24/11 is switched on from its date', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo/quan-tri/lich?nam=2026');
    const rules = page.getByRole('region', { name: 'Quy định áp dụng theo ngày hiệu lực' });
    await rules.getByRole('heading', { name: /Ngày Văn hóa Việt Nam \(24\/11\)/ }).waitFor();
    await expect.poll(() => rules.getByText('Chưa có hiệu lực').count()).toBe(1);
    await rules.getByText('Công văn 12729/VPCP-KGVX ngày 25/12/2025').waitFor();
    // Each day says where it comes from.
    const daysOff = page.getByRole('region', { name: /^Ngày nghỉ \(/ });
    await daysOff.getByText(/Theo quyết định: Công văn 12729\/VPCP-KGVX/).first().waitFor();
    await check(page, 'backoffice-calendar-rules');

    // Remove the compensatory day for Giỗ Tổ (Monday 27/4), save: it is listed as removed.
    await daysOff.getByRole('button', { name: 'Xóa 27/04/2026' }).click();
    const removed = page.getByRole('region', { name: /Ngày trong dự thảo đã bỏ/ });
    await removed.getByText('Nghỉ bù Giỗ Tổ Hùng Vương').waitFor();
    await page.getByRole('button', { name: 'Lưu lịch năm 2026' }).click();
    await page.getByText('Đã lưu lịch, phiên bản 1.').waitFor();
    expect((await year2026()).removed.daysOff.map((d: { date: string }) => d.date)).toEqual(['2026-04-27']);
    await check(page, 'backoffice-calendar-removed');

    // Put it back.
    await page.getByRole('region', { name: /Ngày trong dự thảo đã bỏ/ }).getByRole('button', { name: 'Khôi phục 27/04/2026' }).click();
    await page.getByRole('button', { name: 'Lưu lịch năm 2026' }).click();
    await page.getByText('Đã lưu lịch, phiên bản 2.').waitFor();
    expect((await year2026()).removed.daysOff).toEqual([]);

    // A make-up working day on a weekday is accepted.
    const makeUp = page.getByRole('group', { name: 'Thêm ngày làm bù' });
    await makeUp.getByLabel('Ngày').fill('2026-03-11');
    await makeUp.getByLabel('Tên, lý do').fill('Làm việc theo quyết định của tỉnh');
    await makeUp.getByRole('button', { name: 'Thêm ngày làm bù' }).click();
    await page.getByRole('button', { name: 'Lưu lịch năm 2026' }).click();
    await page.getByText('Đã lưu lịch, phiên bản 3.').waitFor();
    expect((await year2026()).makeUpWorkingDays.map((d: { date: string }) => d.date)).toContain('2026-03-11');

    // Switch 24/11 on from 24/11/2026: the year's grid marks it as a holiday.
    const culture = rules.getByRole('form', { name: /Ngày Văn hóa Việt Nam/ });
    await culture.getByLabel('Áp dụng từ ngày').fill('2026-11-24');
    await culture.getByLabel('Căn cứ').fill('Bộ luật Lao động sửa đổi (thử nghiệm)');
    await culture.getByRole('button', { name: 'Áp dụng từ ngày này' }).click();
    await page.getByRole('cell', { name: /24 \(Nghỉ lễ, tết: Ngày Văn hóa Việt Nam\)/ }).waitFor();
    expect((await year2026()).daysOff.map((d: { date: string }) => d.date)).toContain('2026-11-24');
    // The admin's make-up day survived the rule change.
    expect((await year2026()).makeUpWorkingDays.map((d: { date: string }) => d.date)).toContain('2026-03-11');
    await check(page, 'backoffice-calendar-culture-day');

    // And off again.
    await rules.getByRole('form', { name: /Ngày Văn hóa Việt Nam/ }).getByRole('button', { name: 'Chuyển về chưa có hiệu lực' }).click();
    await expect.poll(async () => (await year2026()).daysOff.map((d: { date: string }) => d.date)).not.toContain('2026-11-24');
    await expect.poll(() => rules.getByText('Chưa có hiệu lực').count()).toBe(1);
    await context.close();
  });
});
