import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INVESTOR } from '../../src/db/seed/projects.ts';
import { pdfBytes } from '../support/builders.ts';
import { check, newPage, signedIn, startBrowserEnv, type BrowserEnv } from './support.ts';

// The leaders' view of the ward's projects on the demo register (src/db/seed/projects.ts): the
// late ones first with why, then a project's milestones, obstacles and a new direction with its
// deadline, and the register on the map (issue 13's "done when", the leaders' part); then an
// investor reads the opportunities, registers interest, reads the approved plans and a public
// project's timeline (the investors' part).

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(() => env?.close());

describe('a leader follows up the projects behind schedule', () => {
  it('sees which are late and why, opens one and records a direction with a deadline', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'lanhdao');
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

    // The register on the map, marked by state with a glyph the legend names; the same as a table.
    await page.goto('/can-bo/du-an');
    const map = page.getByRole('region', { name: 'Bản đồ dự án' });
    await map.getByRole('application', { name: /Bản đồ phường Nông Trang với các dự án/ }).waitFor();
    const legend = map.getByRole('list', { name: 'Chú giải bản đồ' });
    expect(await legend.textContent()).toMatch(/▲\s*Chậm tiến độ: [1-9]/);
    await map.locator('.leaflet-marker-icon').first().waitFor();
    expect(await map.locator('.leaflet-marker-icon', { hasText: '▲' }).count()).toBeGreaterThan(0);
    await map.getByText('Xem các dự án trên bản đồ dưới dạng bảng').click();
    const asTable = map.getByRole('table', { name: 'Vị trí các dự án' });
    expect(await asTable.getByRole('row').filter({ hasText: 'Khu nhà ở đô thị mới Thụy Vân' }).textContent()).toContain('▲ Chậm tiến độ');
    await check(page, 'projects-leaders-map');

    // The sites the ward promotes: add one, published, for the portal's opportunities page.
    await page.getByRole('link', { name: 'Địa điểm kêu gọi đầu tư' }).click();
    await page.getByRole('heading', { level: 1, name: 'Địa điểm kêu gọi đầu tư' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'CH-001' }).waitFor();
    const siteForm = page.getByRole('form', { name: 'Thêm địa điểm kêu gọi đầu tư' });
    await siteForm.getByLabel('Tên địa điểm').fill('Khu đất dịch vụ bến xe khách phía Nam');
    await siteForm.getByLabel('Diện tích (m²)').fill('12000');
    await siteForm.getByLabel('Mục đích sử dụng').fill('Bến xe khách, dịch vụ vận tải');
    await siteForm.getByLabel('Phòng, đơn vị liên hệ').fill('Phòng Kinh tế, Hạ tầng và Đô thị');
    await siteForm.getByLabel('Hiện trên cổng thông tin').check();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/investment-sites') && r.request().method() === 'POST' && r.status() === 201),
      siteForm.getByRole('button', { name: 'Thêm địa điểm' }).click(),
    ]);
    await page.getByText(/Đã lưu địa điểm CH-\d{3}\./).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Khu đất dịch vụ bến xe khách phía Nam' }).textContent()).toContain('Đã công khai');
    await check(page, 'projects-investment-sites');

    // An approved plan with its map file, published for the portal.
    const planForm = page.getByRole('form', { name: 'Đăng quy hoạch đã được phê duyệt' });
    await planForm.getByLabel('Tên đồ án quy hoạch').fill('Điều chỉnh cục bộ quy hoạch chi tiết khu trung tâm (minh họa)');
    await planForm.getByLabel('Số quyết định phê duyệt').fill('91/QĐ-UBND');
    await planForm.getByLabel('Ngày').fill('10');
    await planForm.getByLabel('Tháng').fill('11');
    await planForm.getByLabel('Năm').fill('2026');
    await planForm.getByLabel('Cơ quan phê duyệt').fill('UBND phường Nông Trang');
    await planForm.getByLabel(/Tệp đính kèm/).setInputFiles({ name: 'ban-do-91.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await planForm.getByLabel('Hiện trên cổng thông tin').check();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/planning-documents') && r.request().method() === 'POST' && r.status() === 201),
      planForm.getByRole('button', { name: 'Đăng quy hoạch' }).click(),
    ]);
    await planForm.getByText('Đã lưu quy hoạch.').waitFor();
    expect(await page.getByRole('row').filter({ hasText: '91/QĐ-UBND' }).textContent()).toContain('Đã công khai');
    await check(page, 'projects-planning-documents');

    // A mistake corrected: the plan edited in the same form, then taken off the portal.
    await page.getByRole('button', { name: 'Sửa: 91/QĐ-UBND' }).click();
    const editForm = page.getByRole('form', { name: 'Sửa quy hoạch 91/QĐ-UBND' });
    await editForm.getByLabel('Tên đồ án quy hoạch').fill('Điều chỉnh cục bộ quy hoạch chi tiết khu trung tâm (đã sửa)');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/planning-documents/') && r.request().method() === 'PUT' && r.status() === 200),
      editForm.getByRole('button', { name: 'Lưu thay đổi' }).click(),
    ]);
    await page.getByRole('row').filter({ hasText: '(đã sửa)' }).waitFor();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/planning-documents/') && r.request().method() === 'PUT' && r.status() === 200),
      page.getByRole('button', { name: 'Ngừng công khai: 91/QĐ-UBND' }).click(),
    ]);
    // exact: "Ngừng công khai: …" contains "công khai: …" when matched loosely, so the old button would do.
    await page.getByRole('button', { name: 'Công khai: 91/QĐ-UBND', exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: '91/QĐ-UBND' }).filter({ hasText: 'Chưa công khai' }).waitFor();
    await check(page, 'projects-planning-documents-edited');
    await context.close();
  });

  it('reads the behind-schedule rule in force and sets a new version from a date, with its basis', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'lanhdao');
    await page.goto('/can-bo/du-an');
    // The system default is named in Vietnamese, not the API's bilingual basis.
    const ruleLine = page.getByText(/Tiêu chí chậm tiến độ áp dụng từ 01\/07\/2025: mặc định của hệ thống/);
    await ruleLine.waitFor();
    expect(await page.getByText('system default').count()).toBe(0);
    await page.getByRole('link', { name: 'Xem, điều chỉnh tiêu chí' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiêu chí chậm tiến độ' }).waitFor();
    const inForce = page.getByRole('region', { name: 'Tiêu chí đang áp dụng' });
    expect(await inForce.textContent()).toMatch(/Giải ngân thấp hơn kế hoạch quá\s*10 điểm %/);

    const form = page.getByRole('form', { name: 'Đặt tiêu chí mới' });
    await form.getByRole('button', { name: 'Lưu tiêu chí' }).click();
    await form.getByText('Nêu căn cứ (quyết định, kết luận cuộc họp)').first().waitFor();
    await form.getByLabel('Số ngày được chậm của mốc pháp lý').fill('15');
    await form.getByLabel('Giải ngân thấp hơn kế hoạch quá (điểm %)').fill('20');
    await form.getByLabel('Căn cứ').fill('Kết luận giao ban số 12/TB-UBND của Chủ tịch UBND phường');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/projects/rule') && r.request().method() === 'PUT' && r.status() === 200),
      form.getByRole('button', { name: 'Lưu tiêu chí' }).click(),
    ]);
    await page.getByText(/Đã lưu tiêu chí phiên bản 1, áp dụng từ \d{2}\/\d{2}\/\d{4}\./).waitFor();
    expect(await inForce.textContent()).toMatch(/Giải ngân thấp hơn kế hoạch quá\s*20 điểm %/);
    expect(await inForce.textContent()).toContain('Kết luận giao ban số 12/TB-UBND');
    const versions = page.getByRole('table', { name: 'Các phiên bản' });
    expect(await versions.getByRole('row').filter({ hasText: 'Kết luận giao ban số 12/TB-UBND' }).textContent()).toContain('Đang áp dụng');
    // The default it replaced stays in the history.
    expect(await versions.getByRole('row').filter({ hasText: 'mặc định của hệ thống' }).textContent()).toContain('Hết áp dụng');
    await check(page, 'projects-rule');

    // The register is assessed under it at once.
    await page.getByRole('link', { name: 'Danh sách dự án' }).click();
    await page.getByText(/Tiêu chí chậm tiến độ áp dụng từ \d{2}\/\d{2}\/\d{4}: Kết luận giao ban số 12\/TB-UBND/).waitFor();
    await context.close();
  });
});

describe('the register is kept in the back office', () => {
  it('a specialist registers a project with its location, plan and milestones; stale edits are refused; investor accounts are linked and unlinked; a report is published', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'chuyenvien2', { goto: '/can-bo/du-an' });
    await page.getByRole('link', { name: 'Đưa dự án mới vào danh mục' }).click();
    const form = page.getByRole('form', { name: 'Đưa dự án vào danh mục theo dõi' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Đưa vào danh mục' }).click();
    await form.getByText('Nhập tên dự án').first().waitFor();
    await form.getByLabel('Tên dự án').fill('Bãi đỗ xe tập trung khu 4');
    await form.getByLabel('Công trình đầu tư công').check();
    await form.getByLabel('Nhà đầu tư (chủ đầu tư)').fill('UBND phường Nông Trang (chủ đầu tư)');
    await form.getByLabel(/Mã số thuế của nhà đầu tư/).fill('12345');
    await form.getByLabel('Vốn đăng ký (đồng)').fill('12.000.000.000');
    await form.getByLabel(/Diện tích \(m²\)/).fill('4500');
    // The location: a tap on the ward map fills latitude and longitude.
    const map = form.getByRole('application', { name: 'Bản đồ phường Nông Trang: chạm để đặt vị trí dự án' });
    await map.waitFor();
    await map.click();
    await expect.poll(() => form.getByLabel(/^Vĩ độ/).inputValue()).toMatch(/^21,\d+/);
    expect(await form.getByLabel(/^Kinh độ/).inputValue()).toMatch(/^105,\d+/);
    await form.getByLabel('Mục đích sử dụng đất').fill('Đất bãi đỗ xe');
    await form.getByLabel('Khu quy hoạch').fill('Khu dân cư hiện trạng Minh Phương');
    await form.getByLabel('Phòng theo dõi').selectOption({ label: 'Phòng Kinh tế, Hạ tầng và Đô thị' });
    const fillDate = async (group: ReturnType<typeof form.getByRole>, dd: string, mm: string, yyyy: string) => {
      await group.getByLabel('Ngày').fill(dd);
      await group.getByLabel('Tháng').fill(mm);
      await group.getByLabel('Năm').fill(yyyy);
    };
    await fillDate(form.getByRole('group', { name: 'Đến ngày' }).first(), '31', '12', '2027');
    await form.getByLabel(/Giải ngân lũy kế/).first().fill('12.000.000.000');
    await form.getByLabel(/Khối lượng lũy kế/).first().fill('100');
    await fillDate(form.getByRole('group', { name: /^Chấp thuận chủ trương đầu tư: ngày kế hoạch/ }), '15', '6', '2027');
    await fillDate(form.getByRole('group', { name: /^Khởi công: ngày kế hoạch/ }), '1', '9', '2027');
    await form.getByRole('button', { name: 'Đưa vào danh mục' }).click();
    // The tax code is checked before anything is sent.
    await form.getByText('Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số').first().waitFor();
    await form.getByLabel(/Mã số thuế của nhà đầu tư/).fill('');
    // Two plan rows of the same day: refused by the server, shown on the field.
    await form.getByRole('button', { name: 'Thêm một dòng kế hoạch' }).click();
    await fillDate(form.getByRole('group', { name: 'Đến ngày' }).nth(1), '31', '12', '2027');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/projects') && r.request().method() === 'POST' && r.status() === 400),
      form.getByRole('button', { name: 'Đưa vào danh mục' }).click(),
    ]);
    await form.getByRole('link', { name: 'Mỗi ngày của kế hoạch chỉ được nêu một lần' }).waitFor();
    await check(page, 'projects-form-new');
    await form.getByRole('button', { name: 'Xóa dòng kế hoạch 2' }).click();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/projects') && r.request().method() === 'POST' && r.status() === 201),
      form.getByRole('button', { name: 'Đưa vào danh mục' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Bãi đỗ xe tập trung khu 4' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Chấp thuận chủ trương đầu tư' }).textContent()).toContain('15/06/2027');
    const projectUrl = page.url();

    // Two officials edit at once: the second to save is told, and reloads what the first saved.
    await page.getByRole('link', { name: 'Sửa thông tin dự án' }).click();
    const edit = page.getByRole('form', { name: /^Sửa thông tin dự án DA-\d{3}$/ });
    expect(await edit.getByLabel('Vốn đăng ký (đồng)').inputValue()).toBe('12.000.000.000');
    await edit.getByLabel('Tên dự án').fill('Bãi đỗ xe tập trung khu 4 (giai đoạn 1)');
    const other = await context.newPage();
    await other.goto(page.url());
    const otherEdit = other.getByRole('form', { name: /^Sửa thông tin dự án DA-\d{3}$/ });
    await otherEdit.getByLabel('Khu quy hoạch').fill('Khu dân cư Minh Phương (điều chỉnh)');
    await Promise.all([
      other.waitForResponse((r) => r.url().includes('/api/v1/projects/') && r.request().method() === 'PUT' && r.status() === 200),
      otherEdit.getByRole('button', { name: 'Lưu thay đổi' }).click(),
    ]);
    await other.close();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/projects/') && r.request().method() === 'PUT' && r.status() === 409),
      edit.getByRole('button', { name: 'Lưu thay đổi' }).click(),
    ]);
    await edit.getByText(/Dự án vừa được người khác cập nhật trong khi bạn sửa/).waitFor();
    await check(page, 'projects-form-conflict');
    await edit.getByRole('button', { name: 'Tải lại thông tin mới nhất' }).click();
    await expect.poll(() => edit.getByLabel('Khu quy hoạch').inputValue()).toBe('Khu dân cư Minh Phương (điều chỉnh)');
    await edit.getByLabel('Tên dự án').fill('Bãi đỗ xe tập trung khu 4 (giai đoạn 1)');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/projects/') && r.request().method() === 'PUT' && r.status() === 200),
      edit.getByRole('button', { name: 'Lưu thay đổi' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Bãi đỗ xe tập trung khu 4 (giai đoạn 1)' }).waitFor();
    expect(page.url()).toBe(projectUrl);

    // The investor's account linked by its tax code, then unlinked.
    const investors = page.getByRole('region', { name: 'Tài khoản nhà đầu tư' });
    await investors.getByText('Chưa liên kết tài khoản nào.').waitFor();
    await investors.getByLabel('Mã số thuế hoặc số CCCD của tài khoản').fill(DEMO_INVESTOR.mst);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/investors') && r.request().method() === 'POST' && r.status() === 200),
      investors.getByRole('button', { name: 'Liên kết tài khoản' }).click(),
    ]);
    await investors.getByRole('listitem').filter({ hasText: DEMO_INVESTOR.fullName }).waitFor();
    await check(page, 'projects-investors');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/investors/') && r.request().method() === 'DELETE' && r.status() === 200),
      investors.getByRole('button', { name: `Bỏ liên kết: ${DEMO_INVESTOR.fullName}` }).click(),
    ]);
    await investors.getByText('Chưa liên kết tài khoản nào.').waitFor();

    // A report not yet public, published from the project page.
    await page.goto('/can-bo/du-an');
    await page.getByRole('link', { name: 'Trung tâm thương mại – dịch vụ Nông Trang' }).first().click();
    const reports = page.getByRole('region', { name: 'Báo cáo tiến độ' });
    const report = reports.getByRole('listitem').filter({ hasText: 'Hồ sơ đề nghị cấp giấy phép xây dựng' });
    await report.getByText('Chưa công khai').waitFor();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/publication') && r.status() === 200),
      report.getByRole('button', { name: /^Công khai báo cáo ngày \d{2}\/\d{2}\/\d{4}$/ }).click(),
    ]);
    await report.getByText('Đã công khai').waitFor();
    await report.getByRole('button', { name: /^Ngừng công khai báo cáo ngày/ }).waitFor();
    await check(page, 'projects-report-published');
    await context.close();
  });
});

describe('an investor looks for opportunities and follows a project', () => {
  it('without signing in, the opportunities offer to sign in; signed in, the investor registers interest, reads the plans and a project’s timeline', async () => {
    const { context, page } = await newPage(env);
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Đầu tư, quy hoạch và dự án' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cơ hội đầu tư tại phường Nông Trang' }).waitFor();
    await page.getByRole('link', { name: /Đăng nhập bằng tài khoản doanh nghiệp/ }).first().waitFor();

    await signedIn(page, DEMO_INVESTOR.mst);
    await page.goto('/dau-tu');
    const site = page.getByRole('article', { name: /Cụm công nghiệp – dịch vụ Thụy Vân mở rộng/ });
    await site.waitFor();
    expect(await site.textContent()).toMatch(/25 ha/);
    expect(await site.textContent()).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');
    await page.getByRole('application', { name: 'Bản đồ các địa điểm kêu gọi đầu tư' }).waitFor();
    const form = site.getByRole('form', { name: /Đăng ký quan tâm/ });
    await form.getByLabel('Ý định đầu tư của bạn').fill('Thuê 5 ha xây kho lạnh 10.000 tấn, khởi công trong năm 2027.');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/interest') && r.request().method() === 'POST' && r.status() === 201),
      form.getByRole('button', { name: 'Gửi đăng ký quan tâm' }).click(),
    ]);
    await form.getByText('Đã ghi nhận đăng ký quan tâm của bạn.').waitFor();
    await check(page, 'invest-opportunities');

    const nav = page.getByRole('navigation', { name: 'Đầu tư tại phường' });
    await nav.getByRole('link', { name: 'Quy hoạch đã phê duyệt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quy hoạch đã được phê duyệt' }).waitFor();
    await page.getByText(/Quyết định số 567\/QĐ-UBND ngày \d{2}\/\d{2}\/\d{4}/).waitFor();
    await check(page, 'invest-plans');

    await nav.getByRole('link', { name: 'Tiến độ dự án' }).click();
    await page.getByRole('link', { name: 'Khu nhà ở đô thị mới Thụy Vân' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khu nhà ở đô thị mới Thụy Vân' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Các mốc pháp lý' });
    const steps = timeline.getByRole('listitem');
    expect(await steps.count()).toBe(7);
    expect(await steps.first().textContent()).toMatch(/Chấp thuận chủ trương đầu tư.*Đã đạt: \d{2}\/\d{2}\/\d{4}/);
    expect(await timeline.textContent()).toContain('Chưa đạt');
    const reported = page.getByRole('region', { name: 'Hình ảnh và báo cáo tiến độ' });
    await reported.getByText(/Đang san lấp/).waitFor();
    // The demo's photo of the levelling, loaded from the file store.
    const photo = reported.getByRole('img', { name: /San lấp mặt bằng khu 6/ });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth)).toBe(640);
    await check(page, 'invest-project-timeline');

    await nav.getByRole('link', { name: 'Của tôi (nhà đầu tư)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dự án và đăng ký quan tâm của tôi' }).waitFor();
    await page.getByRole('region', { name: 'Địa điểm tôi đã đăng ký quan tâm' }).getByText(/CH-001/).waitFor();
    await page.getByRole('region', { name: 'Dự án tôi theo dõi' }).getByText('DA-001', { exact: false }).first().waitFor();
    await check(page, 'invest-mine');

    // The investor reports progress on its own project, with a document as evidence.
    const card = page.getByRole('region', { name: 'Dự án tôi theo dõi' }).getByRole('listitem').filter({ hasText: 'DA-001' });
    await card.getByText('Báo cáo tiến độ của dự án').click();
    const report = card.getByRole('form', { name: 'Báo cáo tiến độ mới' });
    await report.getByLabel('Khối lượng thực hiện lũy kế (%)').fill('6');
    await report.getByLabel('Nội dung báo cáo').fill('Hoàn thành san lấp 14/18,6 ha; đang thi công hệ thống thoát nước.');
    await report.getByLabel(/Ảnh, tài liệu minh chứng/).setInputFiles(env.scan);
    // Milestones and publication are the ward's, not offered to the investor.
    expect(await report.getByLabel('Mốc pháp lý đạt được trong kỳ').count()).toBe(0);
    expect(await report.getByText('Công khai').count()).toBe(0);
    await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/projects\/[^/]+\/updates$/.test(r.url()) && r.request().method() === 'POST' && r.status() === 201),
      report.getByRole('button', { name: 'Gửi báo cáo' }).click(),
    ]);
    await report.getByText('Đã ghi báo cáo tiến độ.').waitFor();
    await check(page, 'invest-mine-report');
    await context.close();
  });
});

describe('the responsible department reports progress with evidence', () => {
  it('a specialist of the department reports the work done, a milestone reached and a scanned document; the milestone is no longer late', async () => {
    const { context, page } = await newPage(env);
    await signedIn(page, 'chuyenvien2', { goto: '/can-bo/du-an' });
    await page.getByRole('link', { name: 'Khu nhà ở đô thị mới Thụy Vân' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Khu nhà ở đô thị mới Thụy Vân' }).waitFor();
    const clearance = page.getByRole('row').filter({ hasText: 'Hoàn thành giải phóng mặt bằng' });
    await clearance.getByText(/chậm \d+ ngày/).waitFor();

    const form = page.getByRole('form', { name: 'Báo cáo tiến độ mới' });
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await form.getByText('Nhập nội dung báo cáo').first().waitFor();
    await form.getByLabel('Khối lượng thực hiện lũy kế (%)').fill('9,5');
    await form.getByLabel('Vốn đã giải ngân lũy kế (đồng)').fill('320.000.000.000');
    await form.getByLabel('Nội dung báo cáo').fill('Đã bàn giao toàn bộ 18,6 ha mặt bằng sau đối thoại với 23 hộ; biên bản bàn giao kèm theo.');
    await form.getByLabel('Mốc pháp lý đạt được trong kỳ').selectOption({ label: 'Hoàn thành giải phóng mặt bằng' });
    await form.getByLabel(/Ảnh, tài liệu minh chứng/).setInputFiles(env.scan);
    await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/projects\/[^/]+\/updates$/.test(r.url()) && r.request().method() === 'POST' && r.status() === 201),
      form.getByRole('button', { name: 'Gửi báo cáo' }).click(),
    ]);
    await form.getByText('Đã ghi báo cáo tiến độ.').waitFor();
    // The milestone is reached today: no longer late.
    expect(await clearance.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}$/);
    expect(await clearance.textContent()).not.toMatch(/chậm/);
    const report = page.getByRole('region', { name: 'Báo cáo tiến độ' }).getByRole('listitem').filter({ hasText: 'Đã bàn giao toàn bộ 18,6 ha' });
    expect(await report.textContent()).toMatch(/Khối lượng 9,5%/);
    expect(await report.textContent()).toContain('320 tỷ đồng');
    await report.getByRole('link', { name: /nts-scan/ }).waitFor();
    await check(page, 'projects-department-report');

    // The direction given to the department is reported done; a new obstacle names who must act.
    const obstacle = page.getByRole('article').filter({ hasText: 'Còn 23 hộ gia đình' });
    const overdue = obstacle.getByRole('listitem').filter({ hasText: /Quá hạn \d+ ngày/ }).first();
    await overdue.getByText('Báo cáo hoàn thành chỉ đạo').click();
    await overdue.getByLabel('Kết quả thực hiện').fill('Đã đối thoại và bàn giao xong mặt bằng; biên bản ngày hôm nay.');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/complete') && r.request().method() === 'POST' && r.status() === 200),
      overdue.getByRole('button', { name: 'Báo cáo hoàn thành' }).click(),
    ]);
    await obstacle.getByText(/Hoàn thành sau hạn/).first().waitFor();
    const raise = page.getByRole('form', { name: 'Ghi nhận vướng mắc' });
    await raise.getByLabel('Vướng mắc', { exact: true }).fill('Chưa có ý kiến thẩm định thiết kế cơ sở của Sở Xây dựng.');
    await raise.getByLabel('Cơ quan, đơn vị khác').check();
    await raise.getByLabel('Cơ quan, đơn vị khác').last().fill('Sở Xây dựng tỉnh Phú Thọ');
    await Promise.all([
      page.waitForResponse((r) => /\/obstacles$/.test(r.url()) && r.request().method() === 'POST' && r.status() === 201),
      raise.getByRole('button', { name: 'Ghi vướng mắc' }).click(),
    ]);
    const raised = page.getByRole('article').filter({ hasText: 'Chưa có ý kiến thẩm định thiết kế cơ sở' });
    expect(await raised.textContent()).toContain('Cần xử lý: Sở Xây dựng tỉnh Phú Thọ');
    await check(page, 'projects-department-obstacle');
    await context.close();

    // A leader records it resolved.
    const leader = await newPage(env);
    await signedIn(leader.page, 'lanhdao', { goto: page.url() });
    const card = leader.page.getByRole('article').filter({ hasText: 'Chưa có ý kiến thẩm định thiết kế cơ sở' });
    await card.getByText('Ghi nhận đã tháo gỡ').first().click();
    await card.getByLabel('Vướng mắc được tháo gỡ thế nào').fill('Sở Xây dựng đã có văn bản thẩm định.');
    await Promise.all([
      leader.page.waitForResponse((r) => r.url().includes('/resolve') && r.request().method() === 'POST' && r.status() === 200),
      card.getByRole('button', { name: 'Ghi nhận đã tháo gỡ' }).click(),
    ]);
    await card.getByText(/Đã tháo gỡ .*: Sở Xây dựng đã có văn bản thẩm định\./).waitFor();
    await leader.context.close();
  });
});
