import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { readXlsx } from '../support/xlsx.ts';
import { check, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

// Decision 766 indicators (issue 11): the public transparency page for anyone, the leaders' view
// with points at risk, drill-down and exports — on the year of history the demo seed writes on a
// first start (DEMO_HISTORY, as `npm start` does).

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv({ DEMO_HISTORY: '1000' });
});
afterAll(() => env?.close());

describe('the public transparency page', () => {
  it('shows the headline figures, the index, the charts with their tables and the late dossiers — codes only', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/');
    await page.getByRole('link', { name: 'Công khai kết quả giải quyết' }).click();
    await page.getByRole('heading', { level: 1, name: 'Công khai kết quả giải quyết thủ tục hành chính' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Điểm Bộ chỉ số 766: [\d,.]+\/100 điểm$/ }).waitFor();
    await page.locator('.ind-tile').getByText('Hồ sơ tiếp nhận', { exact: true }).waitFor();
    // Each chart has its data table (12 months) for screen readers.
    const monthTables = page.getByRole('table', { name: 'Bảng số liệu của biểu đồ' });
    await expect.poll(() => monthTables.count()).toBe(3);
    await expect(monthTables.first().locator('tbody tr').count()).resolves.toBe(12);
    const late = page.getByRole('region', { name: 'Hồ sơ trễ hạn và thư xin lỗi' });
    await expect.poll(() => late.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(late.getByText(/^Hẹn lại \d\d\/\d\d\/\d{4} \(xin lỗi (đúng hạn|muộn)\)$/).first().isVisible()).resolves.toBe(true);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(DEMO_CITIZEN.fullName);
    expect(text).not.toContain(DEMO_CITIZEN.cccd);
    const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow, 'no horizontal scrolling at 360 px').toBe(false);
    await check(page, 'indicators-public-360');
    // A year's late dossiers come 50 to a page, by due date.
    const { lateTotal } = (await env.t.app.inject({ method: 'GET', url: '/api/v1/public/indicators' })).json() as { lateTotal: number };
    await expect(late.locator('tbody tr').count()).resolves.toBe(Math.min(lateTotal, 50));
    if (lateTotal > 50) {
      await late.getByText(`Hồ sơ thứ 1 đến 50 trong tổng số ${lateTotal.toLocaleString('vi-VN')} hồ sơ, theo hạn giải quyết.`).waitFor();
      await page.getByRole('link', { name: /^Trang sau/ }).click();
      await late.getByText(`Hồ sơ thứ 51 đến ${Math.min(lateTotal, 100)} trong tổng số ${lateTotal.toLocaleString('vi-VN')} hồ sơ, theo hạn giải quyết.`).waitFor();
      expect(new URL(page.url()).searchParams.get('trang')).toBe('2');
    } else {
      await expect(page.getByRole('navigation', { name: 'Phân trang' }).count()).resolves.toBe(0);
    }

    // English second.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'How administrative procedures are handled: published results' }).waitFor();
    await check(page, 'indicators-public-en-360');
    await context.close();
  });
});

describe('the leaders’ view', () => {
  it('the index in both views, points at risk to the dossier, a figure drilled into, a table exported', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'lanhdao');
    await page.goto('/can-bo');
    await page.getByRole('link', { name: 'Chỉ số 766' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ số phục vụ người dân, doanh nghiệp' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Điểm Bộ chỉ số 766: / }).waitFor();
    await page.getByRole('tab', { name: '5 nhóm (Quyết định 766)' }).click();
    await page.getByRole('cell', { name: 'Cung cấp dịch vụ trực tuyến' }).waitFor();
    const risk = page.getByRole('region', { name: 'Điểm đang bị trừ: việc cần làm hôm nay' });
    await expect.poll(() => risk.locator('tbody tr').count()).toBeGreaterThan(0);
    // The term's targets: measured ones have this year's figure from the dossiers.
    const targets = page.getByRole('region', { name: 'Chỉ tiêu nhiệm kỳ 2025–2030' });
    await targets.getByRole('row', { name: /Tỷ lệ hồ sơ TTHC xử lý trực tuyến .*Tính từ hồ sơ/ }).waitFor();
    await targets.getByRole('row', { name: /Tổng thu ngân sách nhà nước trên địa bàn 438,608 tỷ đồng \(2025\) Phường chưa đặt số/ }).waitFor();
    await check(page, 'indicators-leaders');

    // The exported tables: a CSV of the dossiers at risk; the index as XLSX, its points those on the page.
    const download = page.waitForEvent('download');
    await risk.getByRole('link', { name: 'Tải CSV (Điểm đang bị trừ: việc cần làm hôm nay)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^chi-so-at_risk-.*\.csv$/);
    const heading = (await page.getByRole('heading', { level: 2, name: /^Điểm Bộ chỉ số 766: / }).textContent()) ?? '';
    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải XLSX (Điểm Bộ chỉ số 766)' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/^chi-so-index-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = await readXlsx(readFileSync((await xlsx.path())!));
    expect(book.header.slice(0, 4)).toEqual(['Nhóm (6 nhóm)', 'Nhóm (5 nhóm, Quyết định 766)', 'Mã tiêu chí', 'Tiêu chí']);
    const points = book.body.reduce((n, row) => n + (row[8] as number), 0);
    const shown = Number(/: ([\d.,]+)\/100/.exec(heading)![1]!.replace(/\./g, '').replace(',', '.'));
    expect(points).toBeCloseTo(shown, 1);

    // Drill from "late" to the dossiers behind it, then into one.
    await page.getByRole('table', { name: 'Số liệu chi tiết' }).getByRole('row', { name: /^Trễ hạn \d+$/ }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ: Trễ hạn' }).waitFor();
    await check(page, 'indicators-drill-late');
    const first = page.locator('main tbody tr').first().getByRole('link');
    const code = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
    await context.close();
  });

  it('a specialist is not offered the indicators', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'chuyenvien');
    await page.goto('/can-bo/chi-so');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByRole('link', { name: 'Chỉ số 766' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { level: 2, name: /Điểm Bộ chỉ số 766/ }).count()).resolves.toBe(0);
    await context.close();
  });
});
