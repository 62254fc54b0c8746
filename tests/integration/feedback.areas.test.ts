import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { expectError } from '../support/expect.ts';

// The ward's areas as data (issue 12): the unit admin loads the official boundary and the
// residential groups (tổ dân phố) from a GeoJSON file; the map, the public filter, the placement
// of a report and routing then use the areas in force, versioned and audited. Until then, the
// built-in coarse 2009 boundaries of the three former units (docs/FEEDBACK.md).

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
const ADMIN = '/api/v1/admin/feedback-areas';

type Ring = [number, number][];
const rect = (w: number, s: number, e: number, n: number): Ring[] => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });
/** Two synthetic residential groups side by side in old Nông Trang, one of them in two parts, and the ward's boundary. */
const GROUPS = {
  type: 'FeatureCollection',
  features: [
    feature({ ma: 'TDP01', ten: 'Tổ dân phố số 1' }, rect(105.378, 21.325, 105.386, 21.333)),
    feature({ code: 'TDP02', name: 'Tổ dân phố số 2' }, [rect(105.386, 21.325, 105.39, 21.333), rect(105.386, 21.3335, 105.389, 21.335)], 'MultiPolygon'),
    feature({ code: 'NT', name: 'Phường Nông Trang', kind: 'ward' }, rect(105.33, 21.30, 105.395, 21.35)),
  ],
};
const IN_1 = { lat: 21.32897, lon: 105.38257 };
const IN_2 = { lat: 21.3342, lon: 105.3875 }; // the second part of TDP02
const WARD_ONLY = { lat: 21.31, lon: 105.35 }; // inside the ward's boundary, in no group

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(async () => {
  await t.close();
});

describe('the ward’s areas loaded by the unit admin', () => {
  it('until a file is loaded: the built-in approximate 2009 areas', async () => {
    const pub = (await c.anonymous.get('/api/v1/feedback/areas')).json();
    expect(pub).toMatchObject({ version: 0, approximate: true });
    expect(pub.areas.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['07894', '07927', '07924']);
    expect((await c.anonymous.get('/api/v1/feedback/map')).json().boundaryApproximate).toBe(true);
  });

  it('only the unit admin loads a file', async () => {
    const body = { version: 0, approximate: false, source: 'UBND phường', note: '', geojson: GROUPS };
    expectError(await c.leader.put(ADMIN, body), 403, 'FORBIDDEN');
    expectError(await c.reception.get(ADMIN), 403, 'FORBIDDEN');
    expectError(await c.anonymous.put(ADMIN, body), 401, 'UNAUTHENTICATED');
  });

  it('refuses a bad file with the place of each fault', async () => {
    const put = (geojson: unknown) => c.admin.put(ADMIN, { version: 0, approximate: false, source: '', note: '', geojson });
    const issuesOf = (res: Awaited<ReturnType<typeof put>>) => (expectError(res, 400, 'FEEDBACK_AREAS_INVALID').details as { issues: { path: string; message: string }[] }).issues;

    const dup = issuesOf(await put({ ...GROUPS, features: [GROUPS.features[0], feature({ code: 'TDP01', name: 'Tổ trùng' }, rect(105.386, 21.325, 105.39, 21.333))] }));
    expect(dup).toContainEqual({ path: 'geojson.features.1.properties.code', message: expect.stringMatching(/trùng.*repeated/) });

    const open = issuesOf(await put({ type: 'FeatureCollection', features: [feature({ code: 'A', name: 'A' }, [[[105.38, 21.33], [105.381, 21.33], [105.381, 21.331], [105.38, 21.331]]])] }));
    expect(open[0]!.path).toBe('geojson.features.0.geometry.coordinates.0');
    expect(open[0]!.message).toMatch(/khép kín.*closed/);

    // [lat, lon] instead of [lon, lat]; and a place far from the ward (Hà Nội).
    const swapped = issuesOf(await put({ type: 'FeatureCollection', features: [feature({ code: 'A', name: 'A' }, rect(21.325, 105.378, 21.333, 105.386))] }));
    expect(swapped[0]!.message).toMatch(/kinh độ, vĩ độ.*longitude, latitude/);
    const far = issuesOf(await put({ type: 'FeatureCollection', features: [feature({ code: 'A', name: 'A' }, rect(105.8, 21.0, 105.81, 21.01))] }));
    expect(far[0]!.message).toMatch(/ngoài.*outside/);

    const bowtie = issuesOf(await put({ type: 'FeatureCollection', features: [feature({ code: 'A', name: 'A' }, [[[105.38, 21.33], [105.381, 21.331], [105.381, 21.33], [105.38, 21.331], [105.38, 21.33]]])] }));
    expect(bowtie[0]!.message).toMatch(/tự cắt.*crosses itself/);

    const nameless = issuesOf(await put({ type: 'FeatureCollection', features: [feature({ code: 'A' }, rect(105.378, 21.325, 105.386, 21.333))] }));
    expect(nameless).toContainEqual({ path: 'geojson.features.0.properties.name', message: expect.stringMatching(/name.*ten/) });

    const point = issuesOf(await put({ type: 'FeatureCollection', features: [feature({ code: 'A', name: 'A' }, [105.38, 21.33], 'Point')] }));
    expect(point[0]!.path).toBe('geojson.features.0.geometry.type');

    const many = Array.from({ length: 501 }, (_, i) => feature({ code: `T${i}`, name: `Tổ ${i}` }, rect(105.378, 21.325, 105.379, 21.326)));
    expect(issuesOf(await put({ type: 'FeatureCollection', features: many }))[0]!.path).toBe('geojson.features');

    expectError(await put({ type: 'FeatureCollection', features: [] }), 400, 'FEEDBACK_AREAS_INVALID');
    expect(await rows(t.database.db, sql`select 1 from feedback_settings_versions where kind = 'areas'`)).toHaveLength(0);
  });

  it('a file saved is the areas in force: a report is placed in its group, filtered and routed by it', async () => {
    const saved = await c.admin.put(ADMIN, { version: 0, approximate: false, source: 'Quyết định 123/QĐ-UBND (bản đồ địa giới phường)', note: 'Ranh giới chính thức và các tổ dân phố.', geojson: GROUPS });
    expect(saved.statusCode, saved.body).toBe(200);
    const s = saved.json();
    expect(s.inForce).toMatchObject({ version: 1, approximate: false, savedBy: 'Đỗ Văn Nam', note: 'Ranh giới chính thức và các tổ dân phố.', source: 'Quyết định 123/QĐ-UBND (bản đồ địa giới phường)' });
    expect(s.inForce.areas).toEqual([
      { code: 'TDP01', name: 'Tổ dân phố số 1', kind: 'group' },
      { code: 'TDP02', name: 'Tổ dân phố số 2', kind: 'group' },
      { code: 'NT', name: 'Phường Nông Trang', kind: 'ward' },
    ]);
    expect(s.history[0]).toMatchObject({ version: 1, savedBy: 'Đỗ Văn Nam', approximate: false, count: 3 });
    const audited = await rows<{ details: { version: number; count: number } }>(t.database.db, sql`select details from audit_log where action = 'feedback_areas_save'`);
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toMatchObject({ version: 1, count: 3 });
    // A stale save is refused rather than overwriting a colleague's.
    expectError(await c.admin.put(ADMIN, { version: 0, approximate: true, source: '', note: '', geojson: GROUPS }), 409, 'FEEDBACK_AREAS_CONFLICT');

    const map = (await c.anonymous.get('/api/v1/feedback/map')).json();
    expect(map.boundaryApproximate).toBe(false);
    const pub = (await c.anonymous.get('/api/v1/feedback/areas')).json();
    expect(pub).toMatchObject({ version: 1, approximate: false });
    expect(pub.areas.features[1].geometry.type).toBe('MultiPolygon');

    // Waste in group 1 goes to the Culture and Society department.
    const settings = (await c.admin.get('/api/v1/admin/feedback-settings')).json();
    expect(settings.areas.map((a: { code: string }) => a.code)).toEqual(['TDP01', 'TDP02', 'NT']);
    const routed = await c.admin.put('/api/v1/admin/feedback-settings/routing', { version: settings.routing.version, rules: [{ category: 'waste', area: 'TDP01', department: 'VHXH' }, ...settings.routing.rules], note: 'Tổ 1: VHXH.' });
    expect(routed.statusCode, routed.body).toBe(200);

    const one = await c.citizen.post('/api/v1/feedback', { category: 'waste', description: 'Rác đổ trộm cạnh nhà văn hóa tổ 1.', ...IN_1 });
    expect(one.statusCode, one.body).toBe(201);
    const two = await c.citizen.post('/api/v1/feedback', { category: 'waste', description: 'Rác ở ngõ tổ 2.', ...IN_2 });
    const edge = await c.citizen.post('/api/v1/feedback', { category: 'waste', description: 'Rác ở bãi đất trống.', ...WARD_ONLY });
    expect((await c.anonymous.get(`/api/v1/feedback/${one.json().code}`)).json()).toMatchObject({ area: 'TDP01', areaName: 'Tổ dân phố số 1' });
    expect((await c.anonymous.get(`/api/v1/feedback/${two.json().code}`)).json()).toMatchObject({ area: 'TDP02', areaName: 'Tổ dân phố số 2' });
    expect((await c.anonymous.get(`/api/v1/feedback/${edge.json().code}`)).json()).toMatchObject({ area: 'NT', areaName: 'Phường Nông Trang' });

    const inOne = (await c.anonymous.get('/api/v1/feedback?area=TDP01')).json();
    expect(inOne.items.map((r: { code: string }) => r.code)).toEqual([one.json().code]);
    expect((await c.anonymous.get('/api/v1/feedback?area=TDP02')).json().items.map((r: { code: string }) => r.code)).toEqual([two.json().code]);

    const d1 = (await c.reception.get(`/api/v1/staff/feedback/${one.json().code}`)).json();
    expect(d1.departments.find((x: { id: string }) => x.id === d1.suggestedDepartment).code).toBe('VHXH');
    const d2 = (await c.reception.get(`/api/v1/staff/feedback/${two.json().code}`)).json();
    expect(d2.departments.find((x: { id: string }) => x.id === d2.suggestedDepartment).code).toBe('KTHTDT');

    // Outside the loaded ward's extent (padded by about 1 km), a pin is refused.
    expectError(await c.citizen.post('/api/v1/feedback', { category: 'waste', description: 'Xa quá.', lat: 21.37, lon: 105.35 }), 400, 'FEEDBACK_OUTSIDE_WARD');
  });

  it('marked approximate, the map says so again', async () => {
    const cur = (await c.admin.get(ADMIN)).json();
    const saved = await c.admin.put(ADMIN, { version: cur.inForce.version, approximate: true, source: 'Bản vẽ tay của tổ trưởng', note: 'Tạm thời.', geojson: GROUPS });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await c.anonymous.get('/api/v1/feedback/map')).json().boundaryApproximate).toBe(true);
    expect(saved.json().history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
  });
});
