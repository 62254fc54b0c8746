import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, newPage, signInUi, startBrowserEnv, type BrowserEnv } from './support.ts';

// The leaders' view of the ward's projects on the demo register (src/db/seed/projects.ts): the
// late ones first with why, then a project's milestones, obstacles and a new direction with its
// deadline (issue 13's "done when", the leaders' part).

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

describe('a leader follows up the projects behind schedule', () => {
  it('sees which are late and why, opens one and records a direction with a deadline', async () => {
    const { context, page } = await newPage(env);
    await signInUi(page, 'lanhdao');
    await page.goto('/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Dự án' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dự án đầu tư và đô thị' }).waitFor();
    const rows = page.getByRole('row');
    await rows.nth(1).waitFor();
    // Late first: the first project row is late and says why (a milestone past its planned date, or money or work below plan).
    const first = rows.nth(1);
    expect(await first.getByText('Chậm tiến độ', { exact: true }).count()).toBe(1);
    expect(await first.textContent()).toMatch(/chậm \d+ ngày|so với kế hoạch/);
    await check(page, 'projects-leaders-list');

    const row = rows.filter({ hasText: 'Khu nhà ở đô thị mới Thụy Vân' });
    await row.getByRole('link', { name: 'Khu nhà ở đô thị mới Thụy Vân' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khu nhà ở đô thị mới Thụy Vân' }).waitFor();
    await page.getByRole('heading', { name: 'Các mốc pháp lý' }).waitFor();
    const obstacle = page.getByRole('article').filter({ hasText: 'Còn 23 hộ gia đình' });
    await obstacle.getByText(/Quá hạn \d+ ngày/).first().waitFor();

    const form = obstacle.getByRole('form', { name: 'Cho ý kiến chỉ đạo' });
    await form.getByRole('button', { name: 'Ghi ý kiến chỉ đạo' }).click();
    await form.getByText('Nhập nội dung chỉ đạo').first().waitFor();
    await form.getByLabel('Nội dung chỉ đạo').fill('Tổ chức đối thoại lần hai với 23 hộ trước ngày 20; báo cáo kết quả bằng văn bản.');
    await form.getByLabel('Phòng được giao').selectOption({ label: 'Phòng Kinh tế, Hạ tầng và Đô thị' });
    await form.getByLabel('Ngày').fill('20');
    await form.getByLabel('Tháng').fill('12');
    await form.getByLabel('Năm').fill('2026');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/directions') && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Ghi ý kiến chỉ đạo' }).click(),
    ]);
    await form.getByText('Đã ghi ý kiến chỉ đạo.').waitFor();
    const added = obstacle.getByRole('listitem').filter({ hasText: 'Tổ chức đối thoại lần hai với 23 hộ' });
    await added.waitFor();
    expect(await added.textContent()).toContain('Hạn 20/12/2026');
    await check(page, 'projects-leader-direction');
    await context.close();
  });
});
