import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { DEMO_PORTAL, demoPortalApiKey } from '../../src/modules/interop/interop.demo.ts';
import { PortalClient } from '../../scripts/national-portal/portal.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';

// What the province does through the machine API (issue 10, docs/INTEROP.md): it pushes catalogue
// updates, which wait as drafts for the unit admin to review and publish; and it reads a resident's
// minimal data by CCCD, every call audited with what went out. Each needs its own scope.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let portal: PortalClient;
let base: string;

type Body = Record<string, unknown> & { error?: { code: string; details?: Record<string, unknown> } };
const body = (a: { body: unknown }) => a.body as Body;

async function definitionOf(code: string): Promise<Record<string, unknown>> {
  const [r] = await rows<{ definition: Record<string, unknown> }>(
    t.database.db,
    sql`select definition from procedure_versions where procedure_code = ${code} order by version desc limit 1`,
  );
  return r!.definition;
}

/** A connected system with only these scopes. */
async function systemWith(code: string, scopes: string[]): Promise<PortalClient> {
  const made = await c.admin.post('/api/v1/admin/interop/systems', { code, name: `Hệ thống ${code}`, kind: 'provincial_system', scopes });
  expect(made.statusCode, made.body).toBe(201);
  const key = made.json().key as { apiKey: string; signingSecret: string };
  return new PortalClient(base, key.apiKey, key.signingSecret, t.clock.now);
}

beforeAll(async () => {
  t = await startTestApp({ MESSAGE_WORKER: 'false' });
  c = await demoClients(t.app);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  portal = new PortalClient(base, demoPortalApiKey(), DEMO_PORTAL.signingSecret, t.clock.now);
});
afterAll(() => t.close());

describe('catalogue updates pushed by the province', () => {
  it('land as drafts; the catalogue is unchanged until the unit admin publishes one', async () => {
    const def = await definitionOf('1.001193');
    const versionsBefore = (await c.anonymous.get('/api/v1/procedures/1.001193/versions')).json().items.length as number;
    const updated = { ...def, name: `${def.name as string} (sửa đổi 2027)` };
    const pushed = await portal.send('POST', '/api/v1/interop/catalogue', { items: [{ definition: updated, effectiveFrom: '2027-01-01', note: 'QĐ 123/QĐ-UBND' }] });
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(202);
    const [item] = body(pushed).items as { id: string; procedureCode: string; status: string; created: boolean }[];
    expect(item).toMatchObject({ procedureCode: '1.001193', status: 'pending', created: true });

    // The same push again (a retry) lands nothing new.
    t.clock.advanceHours(0.01);
    const again = await portal.send('POST', '/api/v1/interop/catalogue', { items: [{ definition: updated, effectiveFrom: '2027-01-01', note: 'QĐ 123/QĐ-UBND' }] });
    expect(again.status).toBe(202);
    expect(body(again).items).toEqual([expect.objectContaining({ id: item!.id, created: false })]);

    // Nothing published yet.
    expect((await c.anonymous.get('/api/v1/procedures/1.001193/versions')).json().items).toHaveLength(versionsBefore);
    const list = await c.admin.get('/api/v1/admin/interop/catalogue?status=pending');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: item!.id, procedureCode: '1.001193', system: DEMO_PORTAL.code, effectiveFrom: '2027-01-01', isNew: false, note: 'QĐ 123/QĐ-UBND' })]);
    const one = await c.admin.get(`/api/v1/admin/interop/catalogue/${item!.id}`);
    expect(one.json().definition.name).toBe(updated.name);
    // Only the unit admin reviews them.
    expect((await c.reception.get('/api/v1/admin/interop/catalogue')).statusCode).toBe(403);
    expect((await c.reception.post(`/api/v1/admin/interop/catalogue/${item!.id}/publish`, {})).statusCode).toBe(403);

    const published = await c.admin.post(`/api/v1/admin/interop/catalogue/${item!.id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: versionsBefore + 1, effectiveFrom: '2027-01-01' });
    const versions = (await c.anonymous.get('/api/v1/procedures/1.001193/versions')).json().items as { version: number; effectiveFrom: string }[];
    expect(versions[0]).toMatchObject({ version: versionsBefore + 1, effectiveFrom: '2027-01-01' });
    // Not in force before its date.
    expect((await c.anonymous.get('/api/v1/procedures/1.001193')).json().name).toBe(def.name);
    expect((await c.admin.post(`/api/v1/admin/interop/catalogue/${item!.id}/publish`, {})).json().error.code).toBe('CATALOGUE_PUSH_DECIDED');

    const audits = await rows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_id = ${'1.001193'} and action like 'catalogue_push%' order by id`);
    expect(audits.map((a) => a.action)).toEqual(['catalogue_push_received', 'catalogue_push_publish']);
  });

  it('validates a pushed definition like the catalogue editor does, and the admin may reject a draft', async () => {
    const def = await definitionOf('1.001193');
    const broken = await portal.send('POST', '/api/v1/interop/catalogue', { items: [{ definition: { ...def, workflow: [] }, effectiveFrom: '2027-01-01' }] });
    expect(broken.status).toBe(400);
    expect(body(broken).error?.code).toBe('VALIDATION_FAILED');
    const fresh = await portal.send('POST', '/api/v1/interop/catalogue', { items: [{ definition: { ...def, code: '9.999001', name: 'Thủ tục mới của tỉnh' }, effectiveFrom: '2027-02-01' }] });
    expect(fresh.status).toBe(202);
    const id = (body(fresh).items as { id: string }[])[0]!.id;
    expect((await c.admin.get('/api/v1/admin/interop/catalogue?status=pending')).json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, isNew: true })]),
    );
    const rejected = await c.admin.post(`/api/v1/admin/interop/catalogue/${id}/reject`, { reason: 'Không thuộc thẩm quyền cấp xã' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await c.anonymous.get('/api/v1/procedures/9.999001')).statusCode).toBe(404);
  });

  it('a key without catalogue.push is refused', async () => {
    const reader = await systemWith('PT-READER', ['dossiers.read']);
    const def = await definitionOf('1.001193');
    const refused = await reader.send('POST', '/api/v1/interop/catalogue', { items: [{ definition: def, effectiveFrom: '2027-01-01' }] });
    expect(refused.status).toBe(403);
    expect(body(refused).error).toMatchObject({ code: 'INTEROP_SCOPE_MISSING', details: { scope: 'catalogue.push' } });
  });
});

describe("a resident's minimal data", () => {
  it('answers name, birth year and gender by CCCD, and audits what went out', async () => {
    const res = await portal.send('GET', `/api/v1/interop/residents/${DEMO_CITIZEN.cccd}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(body(res)).toEqual({ cccd: DEMO_CITIZEN.cccd, fullName: expect.any(String), birthYear: expect.any(Number), gender: expect.stringMatching(/^(male|female)$/), hasAccount: true });
    const [entry] = await rows<{ details: Record<string, unknown> }>(
      t.database.db,
      sql`select details from audit_log where action = 'interop_resident_read' order by id desc limit 1`,
    );
    expect(entry!.details).toMatchObject({ system: DEMO_PORTAL.code, cccd: DEMO_CITIZEN.cccd, found: true, personalDataOut: ['fullName', 'birthYear', 'gender'] });

    const unknown = await portal.send('GET', '/api/v1/interop/residents/025090009999');
    expect(unknown.status).toBe(404);
    expect(body(unknown).error?.code).toBe('RESIDENT_NOT_FOUND');
    const [missed] = await rows<{ details: Record<string, unknown> }>(t.database.db, sql`select details from audit_log where action = 'interop_resident_read' order by id desc limit 1`);
    expect(missed!.details).toMatchObject({ found: false, personalDataOut: [] });
    expect((await portal.send('GET', '/api/v1/interop/residents/abc')).status).toBe(400);
  });

  it('a key without residents.read is refused, and an official\'s session is no key', async () => {
    const submitter = await systemWith('PT-SUBMIT', ['dossiers.submit']);
    const refused = await submitter.send('GET', `/api/v1/interop/residents/${DEMO_CITIZEN.cccd}`);
    expect(refused.status).toBe(403);
    expect(body(refused).error).toMatchObject({ code: 'INTEROP_SCOPE_MISSING', details: { scope: 'residents.read' } });
    expect((await c.admin.get(`/api/v1/interop/residents/${DEMO_CITIZEN.cccd}`)).statusCode).toBe(401);
  });
});
