import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_PORTAL, demoPortalApiKey } from '../../src/modules/interop/interop.demo.ts';
import { CallbackReceiver, PortalClient, sampleDossier } from '../../scripts/national-portal/portal.ts';
import { demoClients } from '../support/client.ts';
import { check, newPage, signedIn, staffAction, startBrowserEnv, type BrowserEnv } from './support.ts';

// Issue 10's "done when", in the browser: the national-portal stand-in forwards dossiers; the desk
// sees them marked as coming from the national portal, with the portal's code beside ours;
// processing one sends the signed status callbacks the stand-in checks; the unit admin's sync view
// shows what was sent, acknowledged and failing, and replays a failing event.

let env: BrowserEnv;
let receiver: CallbackReceiver;
let portal: PortalClient;
let proc: Parameters<typeof sampleDossier>[0];
const prefix = `G22.99.8-${Date.now().toString(36)}`;
const setCallback = (url: string) => env.t.database.db.execute(sql`update interop_systems set callback_url = ${url} where code = ${DEMO_PORTAL.code}`);

beforeAll(async () => {
  env = await startBrowserEnv();
  receiver = new CallbackReceiver(DEMO_PORTAL.signingSecret);
  await receiver.start(0);
  await setCallback(receiver.url);
  portal = new PortalClient(env.baseUrl, demoPortalApiKey(), DEMO_PORTAL.signingSecret);
  proc = (await (await fetch(`${env.baseUrl}/api/v1/procedures/1.001193`)).json()) as typeof proc;
});
afterAll(async () => {
  await receiver?.stop();
  await env?.close();
});

async function forward(n: number): Promise<{ code: string; externalCode: string }> {
  const dossier = sampleDossier(proc, n, { prefix });
  const res = await portal.forward(dossier);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { code: (res.body as { code: string }).code, externalCode: dossier.externalCode };
}

describe('dossiers from the national portal in the back office', () => {
  it('the desk sees them marked, with the portal code beside ours; receiving one sends the signed callbacks', async () => {
    const forwarded = [await forward(1), await forward(2)];
    const { context, page } = await newPage(env);
    await signedIn(page, 'tiepnhan');
    await page.goto('/can-bo');
    await page.getByRole('navigation', { name: 'Hàng đợi hồ sơ' }).getByRole('link', { name: /^Chờ tiếp nhận/ }).click();
    for (const f of forwarded) {
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: f.code }) });
      await row.waitFor();
      expect(await row.getByText('Cổng DVC quốc gia', { exact: true }).count()).toBe(1);
      expect(await row.textContent()).toContain(f.externalCode);
    }
    await check(page, 'interop-queue-national-portal');

    const { code, externalCode } = forwarded[0]!;
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
    await page.getByText(`Mã hồ sơ trên Cổng DVC quốc gia`).waitFor();
    expect(await page.getByText(externalCode).count()).toBeGreaterThanOrEqual(2);
    await check(page, 'interop-dossier-national-portal');
    await staffAction(page, 'Tiếp nhận hồ sơ');
    await context.close();

    // The stand-in received the signed events: the submit of each, then the receive.
    await expect.poll(() => receiver.eventsOf(code).map((e) => e.action), { timeout: 30_000, interval: 500 }).toEqual(['submit', 'receive']);
    expect(receiver.refused).toEqual([]);
    expect(receiver.eventsOf(code)[1]!.dossier).toMatchObject({ externalCode, status: 'received', portalStatus: 2, channel: 'national_portal' });
  });
});

describe("the applicant's pages and public tracking", () => {
  it("show the national portal's code beside ours", async () => {
    const { code, externalCode } = await forward(5); // the demo citizen Vũ Thị Bình
    const { context, page } = await newPage(env);
    await signedIn(page, '025195004321', { goto: '/ho-so-cua-toi' });
    const card = page.getByRole('listitem').filter({ hasText: code });
    await card.waitFor();
    expect((await card.textContent())!.replace(/\s+/g, ' ')).toContain(`Mã hồ sơ trên Cổng DVC quốc gia: ${externalCode}`);
    await page.goto(`/ho-so-cua-toi/${code}`);
    await page.getByText('Mã hồ sơ trên Cổng DVC quốc gia', { exact: true }).waitFor();
    expect(await page.getByText(externalCode, { exact: true }).count()).toBe(1);
    await check(page, 'interop-citizen-dossier');
    await context.close();

    const anonymous = await newPage(env);
    await anonymous.page.goto(`/tra-cuu/${code}`);
    await anonymous.page.getByText('Mã hồ sơ trên Cổng DVC quốc gia', { exact: true }).waitFor();
    expect(await anonymous.page.getByText(externalCode, { exact: true }).count()).toBe(1);
    await check(anonymous.page, 'interop-public-tracking');
    // A citizen who knows only the portal's code types it in the tracking form: the page names ours too.
    await anonymous.page.goto('/tra-cuu');
    await anonymous.page.getByLabel('Mã hồ sơ', { exact: true }).fill(externalCode.toLowerCase());
    await anonymous.page.getByRole('button', { name: 'Tra cứu' }).click();
    await anonymous.page.getByRole('heading', { level: 1, name: code }).waitFor();
    expect(await anonymous.page.getByText(externalCode, { exact: true }).count()).toBe(1);
    await anonymous.context.close();
  });
});

describe("the unit admin's sync view", () => {
  it('shows sent, acknowledged and failing per system, replays a dead letter, and publishes a catalogue update', async () => {
    // The portal's endpoint moved: the next dossier's first event is refused and waits as a dead letter.
    await setCallback(receiver.url.replace('/nts/callbacks', '/nts/moved'));
    const { code, externalCode } = await forward(3);
    await expect
      .poll(async () => (await rows<{ n: number }>(env.t.database.db, sql`select count(*)::int as n from messages where channel = 'webhook' and status = 'failed'`))[0], {
        timeout: 30_000,
        interval: 500,
      })
      .toMatchObject({ n: 1 });
    await setCallback(receiver.url);
    const [def] = await rows<{ definition: { name: string } }>(env.t.database.db, sql`select definition from procedure_versions where procedure_code = '1.001193' order by version desc limit 1`);
    const pushed = await portal.send('POST', '/api/v1/interop/catalogue', {
      items: [
        { definition: def!.definition, effectiveFrom: '2027-01-01', note: 'QĐ công bố của UBND tỉnh' },
        { definition: { ...def!.definition, name: `${def!.definition.name} (rejected)` }, effectiveFrom: '2027-02-01', note: 'Bản thử' },
      ],
    });
    expect(pushed.status).toBe(202);

    // A unit on another deployment: a dossier transferred there is handed over to its system.
    const c = await demoClients(env.t.app);
    const remote = new CallbackReceiver('', '/lienthong');
    await remote.start(0);
    const made = await c.admin.post('/api/v1/admin/interop/systems', {
      code: 'PT-SOXD', name: 'Hệ thống của Sở Xây dựng', kind: 'unit_system', scopes: ['dossiers.read'], callbackUrl: remote.url,
      remoteUnit: { code: 'DEMO.00.H25.SOXD', name: 'Sở Xây dựng tỉnh Phú Thọ' },
    });
    expect(made.statusCode, made.body).toBe(201);
    (remote as { signingSecret: string }).signingSecret = (made.json().key as { signingSecret: string }).signingSecret;
    const handed = await forward(4);
    expect((await c.reception.post(`/api/v1/dossiers/${handed.code}/actions`, { action: 'receive' })).statusCode).toBe(200);
    expect((await c.leader.post(`/api/v1/dossiers/${handed.code}/actions`, { action: 'transfer', unitCode: 'DEMO.00.H25.SOXD', reason: 'Thuộc thẩm quyền Sở Xây dựng' })).statusCode).toBe(200);
    await expect.poll(() => remote.eventsOf(handed.code).map((e) => e.action), { timeout: 30_000, interval: 500 }).toEqual(['transfer']);
    await remote.stop();

    const { context, page } = await newPage(env);
    await signedIn(page, 'quantri');
    await page.goto('/can-bo');
    await page.getByRole('navigation', { name: 'Chức năng cán bộ' }).getByRole('link', { name: 'Kết nối liên thông' }).click();
    const handovers = page.getByRole('region', { name: 'Hồ sơ đã chuyển liên thông cho Hệ thống của Sở Xây dựng' }).first();
    await handovers.getByRole('link', { name: handed.code }).waitFor();
    expect(await handovers.getByRole('row').filter({ has: page.getByRole('link', { name: handed.code }) }).textContent()).toContain(handed.externalCode);
    expect(await handovers.textContent()).not.toContain('Chưa xác nhận');
    await page.getByRole('heading', { level: 1, name: 'Kết nối liên thông và đồng bộ' }).waitFor();
    await page.getByRole('heading', { name: 'Tỷ lệ hồ sơ đồng bộ đầy đủ lên Cổng DVC quốc gia' }).waitFor();
    expect(await page.locator('.bo-figure').textContent()).toMatch(/\d+(,\d)? % \(\d+\/\d+ hồ sơ\)/);
    const system = page.getByRole('row').filter({ hasText: DEMO_PORTAL.code });
    await system.waitFor();
    const failing = page.getByRole('region', { name: /Sự kiện không gửi được/ });
    await failing.getByRole('link', { name: code }).waitFor();
    expect(await failing.textContent()).toMatch(/HTTP 404/);
    expect(await failing.getByRole('row').filter({ has: page.getByRole('link', { name: code }) }).textContent()).toContain(externalCode);
    await check(page, 'interop-sync-view');

    expect(await failing.textContent()).toContain('#1 Nộp hồ sơ');
    expect(await failing.textContent()).not.toMatch(/#1 submit/);
    await failing.getByRole('button', { name: `Gửi lại sự kiện Nộp hồ sơ của hồ sơ ${code}` }).click();
    await page.getByText(`Đã đưa sự kiện Nộp hồ sơ của hồ sơ ${code} vào hàng gửi lại.`).waitFor();
    await expect.poll(() => receiver.eventsOf(code).map((e) => e.action), { timeout: 30_000, interval: 500 }).toEqual(['submit']);

    // The admin reads what the province pushed before deciding: its documents are listed.
    const draft = page.getByRole('listitem').filter({ hasText: `Xem nội dung, từ chối: ${def!.definition.name} (rejected)` });
    await draft.getByText(`Xem nội dung, từ chối: ${def!.definition.name} (rejected)`).click();
    const docName = (def!.definition as unknown as { documents: { name: string }[] }).documents[0]!.name;
    await draft.getByText(docName, { exact: true }).waitFor();
    await draft.getByLabel('Lý do từ chối (gửi lại cho tỉnh)').fill('Sai ngày hiệu lực theo quyết định công bố');
    await page.getByRole('button', { name: `Từ chối ${def!.definition.name} (rejected)` }).click();
    await page.getByText(`Đã từ chối bản cập nhật ${def!.definition.name} (rejected).`).waitFor();
    const [rejected] = await rows<{ status: string; decision_note: string }>(env.t.database.db, sql`select status, decision_note from interop_catalogue_pushes where definition->>'name' = ${`${def!.definition.name} (rejected)`}`);
    expect(rejected).toMatchObject({ status: 'rejected', decision_note: 'Sai ngày hiệu lực theo quyết định công bố' });
    await page.getByRole('button', { name: `Công bố ${def!.definition.name}` }).click();
    await page.getByText(new RegExp(`Đã công bố .* thành phiên bản \\d+\\.`)).waitFor();
    await check(page, 'interop-sync-view-after');
    await context.close();
  });
});
