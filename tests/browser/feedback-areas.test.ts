import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

// The ward's boundary and residential groups loaded by the unit admin from a GeoJSON file
// (docs/FEEDBACK.md): previewed before it is saved, refused with the place of the fault, and then
// the areas of the public map and its filter "Tổ dân phố / khu vực".

let env: BrowserEnv;
const dir = tmpdir();
const rect = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const file = (name: string, body: unknown) => {
  const path = join(dir, `nts-${process.pid}-${name}`);
  writeFileSync(path, JSON.stringify(body));
  return path;
};
const GOOD = file('to-dan-pho.geojson', {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { ma: 'TDP01', ten: 'Tổ dân phố số 1' }, geometry: { type: 'Polygon', coordinates: rect(105.378, 21.325, 105.386, 21.333) } },
    { type: 'Feature', properties: { ma: 'TDP02', ten: 'Tổ dân phố số 2' }, geometry: { type: 'Polygon', coordinates: rect(105.386, 21.325, 105.39, 21.333) } },
    { type: 'Feature', properties: { ma: 'NT', ten: 'Phường Nông Trang', loai: 'phuong' }, geometry: { type: 'Polygon', coordinates: rect(105.33, 21.3, 105.395, 21.35) } },
  ],
});
const SWAPPED = file('dao-toa-do.geojson', {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { ma: 'TDP01', ten: 'Tổ 1' }, geometry: { type: 'Polygon', coordinates: rect(21.325, 105.378, 21.333, 105.386) } }],
});

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

describe('the ward’s boundary and residential groups', () => {
  it('before any file, the public map says the boundary is approximate and the filter lists the former units', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/phan-anh');
    await page.getByText(/Ranh giới trên bản đồ là gần đúng/).waitFor();
    const filter = page.getByLabel('Tổ dân phố / khu vực');
    await expect.poll(() => filter.locator('option').allTextContents()).toEqual(['Tất cả', 'Phường Nông Trang', 'Phường Minh Phương', 'Xã Thụy Vân']);
    await context.close();
  });

  it('the unit admin loads a file: a wrong one is refused with where it is wrong, a good one previewed then saved', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Ranh giới, tổ dân phố' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ranh giới phường và tổ dân phố' }).waitFor();
    await page.getByText(/Ranh giới có sẵn: 3 đơn vị cũ năm 2009/).waitFor();

    await page.getByLabel('Tệp ranh giới (.geojson)').setInputFiles(SWAPPED);
    await page.getByRole('alert').getByText(/features\.0\.geometry\.coordinates\.0: Tọa độ phải theo thứ tự \[kinh độ, vĩ độ\]/).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu phiên bản mới' }).count()).toBe(0);
    await check(page, 'feedback-areas-refused');

    await page.getByLabel('Tệp ranh giới (.geojson)').setInputFiles(GOOD);
    const preview = page.getByRole('table', { name: /3 vùng/ });
    await preview.waitFor();
    expect(await preview.getByRole('row').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Tổ dân phố số 1'), expect.stringContaining('Ranh giới phường')]));
    await page.getByLabel('Chính thức').check();
    await page.getByLabel('Nguồn').fill('Quyết định số 123/QĐ-UBND');
    await page.getByLabel('Lý do nạp').fill('Nạp ranh giới chính thức và 2 tổ dân phố.');
    await check(page, 'feedback-areas-preview');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByRole('status').getByText('Đã lưu phiên bản 1 (3 vùng).').waitFor();
    await page.getByText(/Phiên bản 1, Đỗ Văn Nam nạp lúc/).first().waitFor();
    await check(page, 'feedback-areas-saved');
    await context.close();
  });

  it('then the public map draws the groups without the "approximate" notice, and the filter lists them', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/phan-anh');
    const filter = page.getByLabel('Tổ dân phố / khu vực');
    await expect.poll(() => filter.locator('option').allTextContents()).toEqual(['Tất cả', 'Tổ dân phố số 1', 'Tổ dân phố số 2', 'Phường Nông Trang']);
    await expect.poll(() => page.locator('.leaflet-interactive').count()).toBe(3);
    expect(await page.getByText(/Ranh giới trên bản đồ là gần đúng/).count()).toBe(0);
    await page.locator('.leaflet-control-attribution').getByText(/Quyết định số 123\/QĐ-UBND/).waitFor();
    await filter.selectOption('TDP01');
    await check(page, 'feedback-areas-public');
    await context.close();
  });
});
