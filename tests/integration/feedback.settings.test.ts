import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { expectError } from '../support/expect.ts';

// The routing table and the response templates as data a unit admin edits (issue 12): each save a
// new version with who and when, audited; routing stays a pure function of the table in force and
// the report. Test clock: Monday 2 March 2026, 09:00 (+07:00).

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
const SPOT = { lat: 21.32897, lon: 105.38257 }; // area 07894

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(async () => {
  await t.close();
});

const URL = '/api/v1/admin/feedback-settings';

describe('the routing table and response templates, edited by the unit admin', () => {
  it('starts from the defaults (version 0), then each save is a new version with who and when, audited', async () => {
    const first = await c.admin.get(URL);
    expect(first.statusCode, first.body).toBe(200);
    const s = first.json();
    expect(s.routing.version).toBe(0);
    expect(s.routing.rules).toContainEqual({ category: 'roads_lighting', area: null, department: 'KTHTDT' });
    expect(s.templates.items.map((x: { id: string }) => x.id)).toContain('lighting_replaced');
    expect(s.departments.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['KTHTDT', 'VHXH']));

    // Waste in old Nông Trang (07894) goes to the Culture and Society department; everything else as before.
    const rules = [{ category: 'waste', area: '07894', department: 'VHXH' }, ...s.routing.rules];
    const saved = await c.admin.put(`${URL}/routing`, { version: 0, rules, note: 'Tổ vệ sinh môi trường khu Nông Trang do phòng VHXH theo dõi.' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().routing).toMatchObject({ version: 1, savedBy: 'Đỗ Văn Nam', note: 'Tổ vệ sinh môi trường khu Nông Trang do phòng VHXH theo dõi.' });
    expect(saved.json().routing.savedAt).toMatch(/^2026-03-02T09:00/);
    expect(saved.json().history[0]).toMatchObject({ kind: 'routing', version: 1, savedBy: 'Đỗ Văn Nam' });
    const audited = await rows<{ action: string }>(t.database.db, sql`select action from audit_log where action = 'feedback_settings_save'`);
    expect(audited).toHaveLength(1);

    // A stale save (someone saved meanwhile) is refused, not silently overwritten.
    expectError(await c.admin.put(`${URL}/routing`, { version: 0, rules, note: '' }), 409, 'FEEDBACK_SETTINGS_CONFLICT');
  });

  it('the suggestion follows the table in force', async () => {
    const waste = await c.citizen.post('/api/v1/feedback', { category: 'waste', description: 'Rác đổ trộm ở bãi đất trống.', ...SPOT });
    expect(waste.statusCode, waste.body).toBe(201);
    const d = (await c.reception.get(`/api/v1/staff/feedback/${waste.json().code}`)).json();
    expect(d.departments.find((x: { id: string }) => x.id === d.suggestedDepartment).code).toBe('VHXH');
    const light = await c.citizen.post('/api/v1/feedback', { category: 'roads_lighting', description: 'Đèn hỏng.', ...SPOT });
    const d2 = (await c.reception.get(`/api/v1/staff/feedback/${light.json().code}`)).json();
    expect(d2.departments.find((x: { id: string }) => x.id === d2.suggestedDepartment).code).toBe('KTHTDT');
  });

  it('templates: the edited list is what officials answer from', async () => {
    const cur = (await c.admin.get(URL)).json();
    const items = [...cur.templates.items.filter((x: { id: string }) => x.id !== 'waste_collected'), { id: 'pothole_filled', category: 'roads_lighting', vi: 'Ổ gà đã được vá ngày {ngày}.' }];
    const saved = await c.admin.put(`${URL}/templates`, { version: cur.templates.version, items, note: 'Thêm mẫu vá ổ gà.' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().templates.version).toBe(1);
    const light = await c.citizen.post('/api/v1/feedback', { category: 'roads_lighting', description: 'Ổ gà lớn giữa đường.', ...SPOT });
    const d = (await c.reception.get(`/api/v1/staff/feedback/${light.json().code}`)).json();
    expect(d.templates).toContainEqual({ id: 'pothole_filled', text: 'Ổ gà đã được vá ngày {ngày}.' });
    expect(d.templates.map((x: { id: string }) => x.id)).not.toContain('waste_collected');
  });

  it('refuses what would break routing or answering: unknown departments, repeated template ids, empty lists', async () => {
    const cur = (await c.admin.get(URL)).json();
    expectError(await c.admin.put(`${URL}/routing`, { version: cur.routing.version, rules: [{ category: '*', area: null, department: 'NOPE' }] }), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.put(`${URL}/routing`, { version: cur.routing.version, rules: [] }), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.put(`${URL}/routing`, { version: cur.routing.version, rules: [{ category: 'potholes', area: null, department: 'VHXH' }] }), 400, 'VALIDATION_FAILED');
    const dup = { id: 'x', category: '*', vi: 'Một' };
    expectError(await c.admin.put(`${URL}/templates`, { version: cur.templates.version, items: [dup, dup] }), 400, 'VALIDATION_FAILED');
  });

  it('only the unit admin reads and edits them', async () => {
    expectError(await c.leader.get(URL), 403, 'FORBIDDEN');
    expectError(await c.reception.put(`${URL}/templates`, { version: 1, items: [{ id: 'x', category: '*', vi: 'Một' }] }), 403, 'FORBIDDEN');
    expectError(await c.anonymous.get(URL), 401, 'UNAUTHENTICATED');
  });
});
