import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { hasNoMetadata, metadataOf } from '../../src/domain/photo-metadata.ts';
import { DEMO_INVESTOR } from '../../src/db/seed/projects.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { uploadPdf } from '../support/builders.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { pngBytes, projectId } from '../support/projects.ts';

// The projects' public side on the demo data: investment opportunities, approved planning
// documents and public projects' timelines without signing in (no personal data), investors'
// registrations of interest, and the staff who manage sites and read the registrations.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let investor: Client;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  investor = await signIn(t.app, DEMO_INVESTOR.mst);
});
afterAll(async () => {
  await t.close();
});

const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return res.json() as any;
};

const site = {
  name: 'Khu đất dịch vụ logistics nút giao quốc lộ 2',
  kind: 'site',
  areaM2: 48_000,
  plannedUse: 'Kho vận, logistics',
  planningZone: 'Khu công nghiệp – dịch vụ phía Tây',
  location: { type: 'Point', coordinates: [105.336, 21.319] },
  contactOffice: 'Phòng Kinh tế, Hạ tầng và Đô thị',
  contactPhone: '0210 3846 123',
};

describe('without signing in', () => {
  it('the investment opportunities: area, planned use, contact (an office)', async () => {
    const { items } = await ok(c.anonymous.get('/api/v1/public/investment-sites'));
    expect(items.map((s: { code: string }) => s.code)).toEqual(['CH-001', 'CH-002', 'CH-003']);
    expect(items[0]).toMatchObject({ name: 'Cụm công nghiệp – dịch vụ Thụy Vân mở rộng', areaM2: 250_000, plannedUse: expect.stringContaining('logistics'), contact: { office: expect.stringContaining('Phòng Kinh tế') } });
    expect(items[0]).not.toHaveProperty('published');
    expect(items[0]).not.toHaveProperty('interests');
    const one = await ok(c.anonymous.get(`/api/v1/public/investment-sites/${items[1].id}`));
    expect(one.code).toBe('CH-002');
    expectError(await c.anonymous.get('/api/v1/public/investment-sites/00000000-0000-4000-8000-000000000000'), 404, 'INVESTMENT_SITE_NOT_FOUND');
  });

  it('the approved planning documents, newest decision first', async () => {
    const { items } = await ok(c.anonymous.get('/api/v1/public/planning-documents'));
    expect(items.map((d: { decisionNumber: string }) => d.decisionNumber)).toEqual(['567/QĐ-UBND', '1234/QĐ-UBND']);
    expect(items[0]).toMatchObject({ kind: 'detailed', issuer: 'UBND phường Nông Trang', location: { type: 'Polygon' } });
  });

  it('the public projects and a project’s timeline: milestones and the published reports only, no names', async () => {
    const { items } = await ok(c.anonymous.get('/api/v1/public/projects'));
    const codes = items.map((p: { code: string }) => p.code);
    expect(codes).toContain('DA-001');
    const da1 = await projectId(c.leader, 'DA-001');
    const p = await ok(c.anonymous.get(`/api/v1/public/projects/${da1}`));
    expect(p.milestones.map((m: { kind: string }) => m.kind)).toEqual(['investment_approval', 'land_allocation', 'site_clearance', 'construction_permit', 'construction_start', 'completion', 'operation']);
    expect(p.milestones[0].actualDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p.updates.map((u: { note: string }) => u.note)).toEqual(['Đang san lấp phần diện tích đã nhận bàn giao (12,4/18,6 ha); còn 6,2 ha chưa giải phóng mặt bằng.']);
    const body = JSON.stringify(p);
    expect(body).not.toContain('reporter');
    expect(body).not.toContain('obstacle');
    expect(body).not.toContain(DEMO_INVESTOR.mst);
    // A project not made public is not found.
    const hidden = (await ok(c.leader.get('/api/v1/projects'))).items.find((x: { public: boolean }) => !x.public);
    if (hidden) expectError(await c.anonymous.get(`/api/v1/public/projects/${hidden.id}`), 404, 'PROJECT_NOT_FOUND');
  });
});

describe('photos on a public project’s timeline', () => {
  it('the demo’s public projects show published reports with photos, readable by anyone, without location or camera metadata', async () => {
    const photosOf = async (code: string) => {
      const p = await ok(c.anonymous.get(`/api/v1/public/projects/${await projectId(c.leader, code)}`));
      return p.updates.flatMap((u: { files: { id: string; mime: string; size: number; caption: string }[] }) => u.files);
    };
    const road = await photosOf('DA-003');
    expect(road.length).toBeGreaterThanOrEqual(2);
    const all = [...road, ...(await photosOf('DA-001')), ...(await photosOf('DA-004'))];
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const f of all) {
      expect(f).toMatchObject({ mime: 'image/jpeg', caption: expect.stringMatching(/\S/) });
      // The blob is in this app's (new, empty) store: written at start-up, not only at the seed.
      const res = await c.anonymous.get(`/api/v1/public/files/${f.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.rawPayload.length).toBe(f.size);
      expect(hasNoMetadata(metadataOf(res.rawPayload))).toBe(true);
    }
  });

  it('a published report’s photo shows on the timeline and is readable by anyone; an unpublished one does not', async () => {
    const id = await projectId(c.leader, 'DA-001');
    const up = await c.specialist2.upload('san-lap.png', pngBytes(), 'image/png');
    expect(up.statusCode, up.body).toBe(201);
    const report = { reportedOn: '2026-03-02', progressPct: 6, note: 'San lấp xong khu A.', public: true, files: [{ uploadId: up.json().id, caption: 'Khu A sau san lấp' }] };
    await ok(c.specialist2.post(`/api/v1/projects/${id}/updates`, report), 201);
    const hiddenUp = await c.specialist2.upload('noi-bo.png', pngBytes(3, 3), 'image/png');
    await ok(c.specialist2.post(`/api/v1/projects/${id}/updates`, { ...report, note: 'Nội bộ.', public: false, files: [{ uploadId: hiddenUp.json().id, caption: '' }] }), 201);
    const p = await ok(c.anonymous.get(`/api/v1/public/projects/${id}`));
    expect(p.updates[0]).toMatchObject({ reportedOn: '2026-03-02', note: 'San lấp xong khu A.', files: [expect.objectContaining({ name: 'san-lap.png', caption: 'Khu A sau san lấp', mime: 'image/png' })] });
    expect(p.updates.some((u: { note: string }) => u.note === 'Nội bộ.')).toBe(false);
    const photo = await c.anonymous.get(`/api/v1/public/files/${p.updates[0].files[0].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });
});

describe('the ward’s staff manage the sites and plans', () => {
  it('a specialist adds a site unpublished, then publishes it with the version read', async () => {
    expectError(await c.citizen.post('/api/v1/investment-sites', site), 403, 'FORBIDDEN');
    expectError(await c.reception.post('/api/v1/investment-sites', site), 403, 'FORBIDDEN');
    const created = await ok(c.specialist.post('/api/v1/investment-sites', site), 201);
    expect(created).toMatchObject({ code: 'CH-004', published: false, version: 1, interests: 0 });
    expect((await ok(c.anonymous.get('/api/v1/public/investment-sites'))).items).toHaveLength(3);
    const published = await ok(c.leader.put(`/api/v1/investment-sites/${created.id}`, { ...site, published: true, version: 1 }));
    expect(published).toMatchObject({ published: true, version: 2 });
    expectError(await c.leader.put(`/api/v1/investment-sites/${created.id}`, { ...site, version: 1 }), 409, 'INVESTMENT_SITE_VERSION_CONFLICT');
    expect((await ok(c.anonymous.get('/api/v1/public/investment-sites'))).items).toHaveLength(4);
  });

  it('a planning document with its map file: public once published', async () => {
    const upload = await uploadPdf(c.specialist2, 'ban-do-quy-hoach.pdf');
    const body = { title: 'Điều chỉnh cục bộ quy hoạch chi tiết khu 4', kind: 'detailed', decisionNumber: '89/QĐ-UBND', decisionDate: '2026-02-10', issuer: 'UBND phường Nông Trang', published: true, files: [{ uploadId: upload, caption: 'Bản đồ quy hoạch sử dụng đất' }] };
    expectError(await c.specialist.post('/api/v1/planning-documents', body), 400, 'FILE_NOT_FOUND');
    const doc = await ok(c.specialist2.post('/api/v1/planning-documents', body), 201);
    expect(doc.files).toEqual([expect.objectContaining({ name: 'ban-do-quy-hoach.pdf', caption: 'Bản đồ quy hoạch sử dụng đất' })]);
    const listed = (await ok(c.anonymous.get('/api/v1/public/planning-documents'))).items.find((d: { id: string }) => d.id === doc.id);
    expect(listed.files).toHaveLength(1);
    const file = await c.anonymous.get(`/api/v1/public/files/${doc.files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // Unpublished: neither listed nor downloadable.
    const upload2 = await uploadPdf(c.specialist2, 'du-thao.pdf');
    const draft = await ok(c.specialist2.post('/api/v1/planning-documents', { ...body, decisionNumber: '90/QĐ-UBND', published: false, files: [{ uploadId: upload2, caption: '' }] }), 201);
    expect((await ok(c.anonymous.get('/api/v1/public/planning-documents'))).items.some((d: { id: string }) => d.id === draft.id)).toBe(false);
    expectError(await c.anonymous.get(`/api/v1/public/files/${draft.files[0].id}`), 404, 'NOT_FOUND');
    expect((await ok(c.leader.get('/api/v1/planning-documents'))).items.some((d: { id: string; published: boolean }) => d.id === draft.id && !d.published)).toBe(true);
  });

  it('a planning document is edited and unpublished with the version read; stale edits, strangers and unknown ids are refused', async () => {
    const upload = await uploadPdf(c.specialist2, 'qd-91.pdf');
    const body = { title: 'Quy hoạch chi tiết khu 5', kind: 'detailed', decisionNumber: '91/QĐ-UBND', decisionDate: '2026-03-01', issuer: 'UBND phường Nông Trang', published: true, files: [{ uploadId: upload, caption: 'Quyết định' }] };
    const doc = await ok(c.specialist2.post('/api/v1/planning-documents', body), 201);
    const { files: _, ...fields } = body;
    const url = `/api/v1/planning-documents/${doc.id}`;
    const edit = { ...fields, title: 'Quy hoạch chi tiết khu 5 (điều chỉnh)', areaHa: 12.5, version: doc.version };
    expectError(await c.anonymous.put(url, edit), 401, 'UNAUTHENTICATED');
    expectError(await c.citizen.put(url, edit), 403, 'FORBIDDEN');
    expectError(await c.specialist2.put(url, { ...edit, title: '' }), 400, 'VALIDATION_FAILED');
    expectError(await c.specialist2.put('/api/v1/planning-documents/00000000-0000-4000-8000-000000000000', edit), 404, 'PLANNING_DOCUMENT_NOT_FOUND');
    const edited = await ok(c.specialist2.put(url, edit));
    expect(edited).toMatchObject({ title: 'Quy hoạch chi tiết khu 5 (điều chỉnh)', areaHa: 12.5, published: true, files: [expect.objectContaining({ caption: 'Quyết định' })] });
    expect(edited.version).not.toBe(doc.version);
    // A second edit from the same stale read is refused.
    expectError(await c.specialist2.put(url, { ...edit, title: 'Khác' }), 409, 'PLANNING_DOCUMENT_VERSION_CONFLICT');
    // Unpublished: off the public list, its file no longer downloadable.
    const hidden = await ok(c.specialist2.put(url, { ...edit, published: false, version: edited.version }));
    expect(hidden.published).toBe(false);
    expect((await ok(c.anonymous.get('/api/v1/public/planning-documents'))).items.some((d: { id: string }) => d.id === doc.id)).toBe(false);
    expectError(await c.anonymous.get(`/api/v1/public/files/${doc.files[0].id}`), 404, 'NOT_FOUND');
    const trail = await rows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_id = ${doc.id} and action = 'planning_document_edit'`);
    expect(trail).toHaveLength(2);
  });
});

describe('investors register interest; the ward sees the registrations', () => {
  it('the investor registers once per site (a second time updates the message); staff and strangers may not', async () => {
    const sites = (await ok(c.anonymous.get('/api/v1/public/investment-sites'))).items;
    const url = `/api/v1/investment-sites/${sites[0].id}/interest`;
    expectError(await c.anonymous.post(url, { message: 'x' }), 401, 'UNAUTHENTICATED');
    expectError(await c.leader.post(url, { message: 'x' }), 403, 'FORBIDDEN');
    expectError(await investor.post(url, { message: '' }), 400, 'VALIDATION_FAILED');
    const first = await ok(investor.post(url, { message: 'Chúng tôi quan tâm thuê 5 ha làm kho lạnh.' }), 201);
    expect(first).toMatchObject({ site: { code: 'CH-001' }, message: 'Chúng tôi quan tâm thuê 5 ha làm kho lạnh.' });
    await ok(investor.post(url, { message: 'Chúng tôi quan tâm thuê 8 ha làm kho lạnh và trung tâm phân phối.' }), 201);
    const mine = (await ok(investor.get('/api/v1/investor/interests'))).items;
    expect(mine).toHaveLength(1);
    expect(mine[0].message).toContain('8 ha');
    // An unpublished site takes no registration.
    const hidden = await ok(c.specialist.post('/api/v1/investment-sites', { ...site, name: 'Chưa công khai' }), 201);
    expectError(await investor.post(`/api/v1/investment-sites/${hidden.id}/interest`, { message: 'x' }), 404, 'INVESTMENT_SITE_NOT_FOUND');
  });

  it('the ward’s officers read them with the investor’s contacts; reception and citizens may not', async () => {
    expectError(await c.reception.get('/api/v1/investment-interests'), 403, 'FORBIDDEN');
    expectError(await c.citizen.get('/api/v1/investment-interests'), 403, 'FORBIDDEN');
    const { items } = await ok(c.specialist2.get('/api/v1/investment-interests'));
    expect(items).toEqual([
      expect.objectContaining({ site: expect.objectContaining({ code: 'CH-001' }), investor: expect.objectContaining({ name: DEMO_INVESTOR.fullName, login: DEMO_INVESTOR.mst, kind: 'business' }) }),
    ]);
    const staffSites = (await ok(c.leader.get('/api/v1/investment-sites'))).items;
    expect(staffSites.find((s: { code: string }) => s.code === 'CH-001').interests).toBe(1);
  });
});
