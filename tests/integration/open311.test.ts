import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { phoneJpeg } from '../support/photos.ts';
import { fieldsOf, parseXml } from '../support/xml.ts';

// Open311 GeoReport v2 at /open311/v2/ (issue 12): every JSON answer is validated against the
// standard's published JSON Schemas (tests/open311-schemas, CC BY 3.0), every XML answer parsed and
// compared with its JSON twin. A client posts with an api_key issued by the unit admin.

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
for (const name of ['request', 'requests', 'service', 'services', 'service-definition']) {
  ajv.addSchema(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'open311-schemas', `${name}.json`), 'utf8')), `${name}.json`);
}
// The answers to a POST and to a token have no schema file of their own: the standard's Swagger
// document defines them (RequestResponse, TokenResponse), each answer being a list of them.
// Its ids are `format: uid`, which it leaves undefined: any string.
ajv.addFormat('uid', true);
ajv.addSchema(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'open311-schemas', 'swagger.json'), 'utf8')), 'swagger.json');
for (const name of ['RequestResponse', 'TokenResponse']) {
  ajv.addSchema({ type: 'array', items: { $ref: `swagger.json#/definitions/${name}` } }, `${name}.json`);
}
const schema = (name: string) => ajv.getSchema(`${name}.json`) as ValidateFunction;
function expectValid(name: string, value: unknown) {
  const validate = schema(name);
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
}

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let apiKey: string;
const SPOT = { lat: 21.32897, long: 105.38257 };

const form = (url: string, fields: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
const get = (url: string) => t.app.inject({ method: 'GET', url });
const xmlOf = (res: LightMyRequestResponse) => {
  expect(res.headers['content-type']).toMatch(/^text\/xml/);
  return parseXml(res.body);
};

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  const key = await c.admin.post('/api/v1/admin/open311-keys', { name: 'Ứng dụng thử nghiệm' });
  expect(key.statusCode, key.body).toBe(201);
  apiKey = key.json().key;
});
afterAll(async () => {
  await t.close();
});

describe('services', () => {
  it('services.json follows the schema; services.xml says the same', async () => {
    const json = await get('/open311/v2/services.json');
    expect(json.statusCode).toBe(200);
    expectValid('services', json.json());
    expect(json.json().map((s: { service_code: string }) => s.service_code)).toContain('roads_lighting');
    const xml = xmlOf(await get('/open311/v2/services.xml'));
    expect(xml.name).toBe('services');
    expect(xml.children.map((s) => fieldsOf(s).service_code)).toEqual(json.json().map((s: { service_code: string }) => s.service_code));
    expect(fieldsOf(xml.children[0]!).service_name).toBe(json.json()[0].service_name);
  });

  it('a service definition follows the schema; an unknown one is a 404 in Open311’s error shape', async () => {
    const def = await get('/open311/v2/services/roads_lighting.json');
    expectValid('service-definition', def.json());
    const missing = await get('/open311/v2/services/potholes.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    const missingXml = await get('/open311/v2/services/potholes.xml');
    expect(xmlOf(missingXml).children.map(fieldsOf)).toEqual([{ code: '404', description: expect.any(String) }]);
  });

  it('discovery names the endpoint and its formats; a wrong jurisdiction_id is a 404', async () => {
    const d = (await get('/open311/v2/discovery.json')).json();
    expect(d.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] });
    expect(xmlOf(await get('/open311/v2/discovery.xml')).children.map((x) => x.name)).toContain('endpoints');
    expect((await get('/open311/v2/services.json?jurisdiction_id=hanoi.gov.vn')).statusCode).toBe(404);
    expect((await get('/open311/v2/services.json?jurisdiction_id=localhost:3000')).statusCode).toBe(200);
  });
});

describe('requests', () => {
  let id: string;

  it('an app posts a report as a form with its api_key', async () => {
    const res = await form('/open311/v2/requests.json', {
      api_key: apiKey,
      service_code: 'roads_lighting',
      lat: String(SPOT.lat),
      long: String(SPOT.long),
      description: 'Đèn đường hỏng trước số 25 đường Nguyễn Tất Thành.',
      first_name: 'Lan',
      last_name: 'Phạm',
      email: 'lan@example.vn',
    });
    expect(res.statusCode, res.body).toBe(201);
    expectValid('RequestResponse', res.json());
    const [created] = res.json();
    id = created.service_request_id;
    expect(id).toMatch(/^PA-\d{6}-\d{4}$/);
    expect(created.service_notice).toContain(id);
  });

  it('without a valid key, nothing is written', async () => {
    const res = await form('/open311/v2/requests.json', { api_key: 'wrong', service_code: 'roads_lighting', address_string: 'x', description: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const bad = await form('/open311/v2/requests.xml', { api_key: apiKey, service_code: 'potholes', address_string: 'x', description: 'x' });
    expect(bad.statusCode).toBe(404);
    expect(xmlOf(bad).name).toBe('errors');
  });

  it('a request follows the schema, open with its status notes; the reporter is not in it', async () => {
    const res = await get(`/open311/v2/requests/${id}.json`);
    expect(res.statusCode).toBe(200);
    expectValid('requests', res.json());
    expect(res.json()[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'roads_lighting', lat: SPOT.lat, long: SPOT.long, status_notes: 'Đã tiếp nhận' });
    expect(res.body).not.toContain('lan@example.vn');
    expect(res.json()[0].requested_datetime).toMatch(/\+07:00$/);
  });

  it('a token gives the request id, in JSON and XML, within the jurisdiction', async () => {
    const json = await get(`/open311/v2/tokens/${id}.json?jurisdiction_id=DEMO.07894.H25`);
    expect(json.statusCode, json.body).toBe(200);
    expectValid('TokenResponse', json.json());
    expect(json.json()).toEqual([{ service_request_id: id, token: id }]);
    const xml = xmlOf(await get(`/open311/v2/tokens/${id}.xml`));
    expect(xml.name).toBe('service_requests');
    expect(xml.children.map(fieldsOf)).toEqual([{ service_request_id: id, token: id }]);
    const elsewhere = await get(`/open311/v2/tokens/${id}.json?jurisdiction_id=hanoi.gov.vn`);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    expect((await get('/open311/v2/tokens/PA-000000-0000.xml')).statusCode).toBe(404);
  });

  it('a report made on the portal with a photo is there too, with its media_url', async () => {
    const photo = (await c.citizen.upload('anh.jpg', phoneJpeg(5), 'image/jpeg', '/api/v1/feedback/photos')).json().id;
    const made = await c.citizen.post('/api/v1/feedback', { category: 'waste', description: 'Rác đổ trộm ở bãi đất trống.', lat: 21.33, lon: 105.385, photos: [photo] });
    expect(made.statusCode, made.body).toBe(201);
    const [r] = (await get(`/open311/v2/requests/${made.json().code}.json`)).json();
    expect(r.media_url).toBe(`http://localhost:3000/api/v1/feedback/photos/${photo}`);
    expectValid('request', r);
  });

  it('answered, it is closed with the answer as status_notes; the filters find it', async () => {
    const staff = (await c.reception.get(`/api/v1/staff/feedback/${id}`)).json();
    const dept = staff.departments.find((d: { code: string }) => d.code === 'KTHTDT').id;
    const fwd = await c.reception.post(`/api/v1/staff/feedback/${id}/actions`, { action: 'forward', version: staff.version, departmentId: dept });
    expect(fwd.statusCode, fwd.body).toBe(200);
    const ans = await c.leader.post(`/api/v1/staff/feedback/${id}/actions`, { action: 'answer', version: fwd.json().version, answer: 'Đã thay bóng đèn ngày 03/03/2026.' });
    expect(ans.statusCode, ans.body).toBe(200);
    const [r] = (await get(`/open311/v2/requests/${id}.json`)).json();
    expect(r).toMatchObject({ status: 'closed', status_notes: 'Đã thay bóng đèn ngày 03/03/2026.', agency_responsible: 'Phòng Kinh tế, Hạ tầng và Đô thị' });
    const closed = await get('/open311/v2/requests.json?status=closed&service_code=roads_lighting');
    expectValid('requests', closed.json());
    expect(closed.json().map((x: { service_request_id: string }) => x.service_request_id)).toEqual([id]);
    expect((await get('/open311/v2/requests.json?status=open')).json().map((x: { service_request_id: string }) => x.service_request_id)).not.toContain(id);
    expect((await get(`/open311/v2/requests.json?service_request_id=${id}`)).json()).toHaveLength(1);
    const later = await get(`/open311/v2/requests.json?start_date=${encodeURIComponent('2026-03-03T00:00:00+07:00')}`);
    expect(later.json()).toEqual([]);
  });

  it('requests.xml carries the same requests as requests.json', async () => {
    const json = (await get('/open311/v2/requests.json')).json() as Record<string, unknown>[];
    expectValid('requests', json);
    const xml = xmlOf(await get('/open311/v2/requests.xml'));
    expect(xml.name).toBe('service_requests');
    const fromXml = xml.children.map(fieldsOf);
    expect(fromXml).toHaveLength(json.length);
    for (const [k, r] of json.entries()) {
      for (const [field, value] of Object.entries(r)) expect(fromXml[k]![field], field).toBe(value === null ? '' : String(value));
    }
  });

  it('an XML post answers in XML', async () => {
    const res = await form('/open311/v2/requests.xml', { api_key: apiKey, service_code: 'drainage', address_string: 'Ngõ 5 phố Minh Phương', description: 'Cống tắc <nước tràn> & bốc mùi' });
    expect(res.statusCode, res.body).toBe(201);
    const [req] = xmlOf(res).children.map(fieldsOf);
    const one = xmlOf(await get(`/open311/v2/requests/${req!.service_request_id}.xml`));
    expect(fieldsOf(one.children[0]!).description).toBe('Cống tắc <nước tràn> & bốc mùi');
  });

  it('every endpoint answers for its jurisdiction only', async () => {
    const ours = 'DEMO.07894.H25';
    for (const path of ['services.json', 'services/roads_lighting.json', 'requests.json', `requests/${id}.json`, `tokens/${id}.json`]) {
      expect((await get(`/open311/v2/${path}?jurisdiction_id=${ours}`)).statusCode, path).toBe(200);
      expect((await get(`/open311/v2/${path}?jurisdiction_id=hanoi.gov.vn`)).statusCode, path).toBe(404);
    }
    const before = (await get('/open311/v2/requests.json')).json().length;
    const post = await form('/open311/v2/requests.json', { jurisdiction_id: 'hanoi.gov.vn', api_key: apiKey, service_code: 'waste', address_string: 'Ngõ 3', description: 'Rác' });
    expect(post.statusCode).toBe(404);
    expect((await get('/open311/v2/requests.json')).json()).toHaveLength(before);
  });

  it('only the unit admin issues keys', async () => {
    expect((await c.reception.post('/api/v1/admin/open311-keys', { name: 'x' })).statusCode).toBe(403);
    expect((await c.admin.get('/api/v1/admin/open311-keys')).json().items).toHaveLength(1);
  });
});
