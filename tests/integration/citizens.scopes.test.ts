import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.ts';
import { DEMO_CITIZEN, DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, type Client } from '../support/client.ts';
import { buildSubmission } from '../support/builders.ts';
import { expectError } from '../support/expect.ts';

// A citizen as officials meet them: looked up by CCCD at any unit's desk (a minimal, audited
// answer), filed for at the desk only under their own identity, and every official's read of
// their data recorded.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(() => t.close());

const lookup = (client: Client, cccd: string) => client.get(`/api/v1/citizens?cccd=${cccd}`);
const auditOf = (actorId: string, action: string) =>
  rows<{ entity_type: string; entity_id: string; details: Record<string, unknown> }>(
    t.database.db,
    sql`select entity_type, entity_id, details from audit_log where actor_id = ${actorId} and action = ${action} order by id`,
  );
const citizenId = async (cccd: string) => (await rows<{ id: string }>(t.database.db, sql`select id from users where cccd = ${cccd}`))[0]!.id;
const dossierCount = async (cccd: string) =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from dossiers d join users u on u.id = d.applicant_id where u.cccd = ${cccd}`))[0]!.n;

describe('finding a citizen by CCCD', () => {
  it('a reception officer of ANOTHER unit gets only what starting a dossier needs: name, masked phone, checks', async () => {
    const res = await lookup(c.otherUnit, DEMO_CITIZEN.cccd);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      fullName: DEMO_CITIZEN.fullName,
      phoneMasked: '******5678',
      checks: { birthYear: 'match', gender: 'match' },
    });
    for (const secret of [DEMO_CITIZEN.phone, DEMO_CITIZEN.email, 'Tổ dân phố', '"id"']) expect(res.body).not.toContain(secret);
  });

  it('the look-up is audited, in the look-up’s own transaction', async () => {
    const before = (await auditOf(c.otherUnit.id, 'lookup_citizen')).length;
    expect((await lookup(c.otherUnit, DEMO_CITIZEN_2.cccd)).statusCode).toBe(200);
    const after = await auditOf(c.otherUnit.id, 'lookup_citizen');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ entity_type: 'user', entity_id: await citizenId(DEMO_CITIZEN_2.cccd) });
  });

  it('the unit’s own reception gets the same minimal answer (the full record is on the dossiers, not behind a CCCD)', async () => {
    const res = await lookup(c.reception, DEMO_CITIZEN.cccd);
    expect(Object.keys(res.json()).sort()).toEqual(['checks', 'fullName', 'phoneMasked']);
  });

  it('officials who are not at a desk may not look citizens up: 403, and nothing is recorded', async () => {
    for (const who of [c.specialist, c.leader, c.admin]) {
      expectError(await lookup(who, DEMO_CITIZEN.cccd), 403, 'FORBIDDEN');
      expect(await auditOf(who.id, 'lookup_citizen')).toEqual([]);
    }
    expectError(await lookup(c.citizen, DEMO_CITIZEN_2.cccd), 403, 'FORBIDDEN');
    expectError(await lookup(c.anonymous, DEMO_CITIZEN.cccd), 401, 'UNAUTHENTICATED');
  });

  it('unknown and invalid numbers', async () => {
    expectError(await lookup(c.reception, '025088009999'), 404, 'USER_NOT_FOUND');
    expectError(await lookup(c.reception, '999088009999'), 400, 'CCCD_INVALID');
  });

  it('says when the record disagrees with the birth year or gender the number encodes', async () => {
    const cccd = '025193001111'; // female, born 1993
    const body = await buildSubmission(c.reception, '1.001193', {
      channel: 'in_person',
      applicant: { kind: 'citizen', fullName: 'Hà Thị Lan', cccd, phone: '0977000222' },
    });
    expect((await c.reception.post('/api/v1/dossiers', body)).statusCode).toBe(201);
    await t.database.db.execute(sql`update users set birth_year = 1992, gender = null where cccd = ${cccd}`);
    expect((await lookup(c.reception, cccd)).json().checks).toEqual({ birthYear: 'mismatch', gender: 'unknown' });
  });
});

describe('filing at the desk for a CCCD already on record', () => {
  const desk = async (client: Client, applicant: Record<string, unknown>) =>
    client.post('/api/v1/dossiers', await buildSubmission(client, '1.001193', { channel: 'in_person', applicant: { kind: 'citizen', ...applicant } }));
  const an = { cccd: DEMO_CITIZEN.cccd, birthYear: 1990, gender: 'male', phone: DEMO_CITIZEN.phone };

  it.each([
    ['another person’s name', 'Trần Văn Bình'],
    ['the name without its diacritics', 'Nguyen Van An'],
    ['one letter’s diacritic different', 'Nguyễn Văn Ân'],
  ])('with %s is refused: 409 APPLICANT_IDENTITY_MISMATCH, nothing filed, the record unchanged', async (_, fullName) => {
    const before = await dossierCount(DEMO_CITIZEN.cccd);
    const e = expectError(await desk(c.reception, { ...an, fullName }), 409, 'APPLICANT_IDENTITY_MISMATCH');
    expect(e.details).toMatchObject({ field: 'applicant.fullName', fields: ['applicant.fullName'] });
    expect(e.message).toMatch(/họ tên/);
    expect(await dossierCount(DEMO_CITIZEN.cccd)).toBe(before);
    expect((await lookup(c.reception, DEMO_CITIZEN.cccd)).json().fullName).toBe(DEMO_CITIZEN.fullName);
  });

  it.each([
    ['spacing and case', '  nguyễn   VĂN an '],
    ['decomposed Unicode (NFD)', 'Nguyễn Văn An'.normalize('NFD')],
  ])('with the same name written with different %s is the same person: filed for them', async (_, fullName) => {
    const res = await desk(c.reception, { ...an, fullName });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().applicant).toMatchObject({ fullName: DEMO_CITIZEN.fullName, idNumber: DEMO_CITIZEN.cccd });
    const mine = (await c.citizen.get('/api/v1/dossiers')).json().items.map((i: { code: string }) => i.code);
    expect(mine).toContain(res.json().code);
  });

  it('old and new tone placement ("Thuý" / "Thúy") are the same name', async () => {
    const cccd = '025196002222';
    expect((await desk(c.reception, { fullName: 'Lê Thị Thuý', cccd, phone: '0977000333' })).statusCode).toBe(201);
    const again = await desk(c.reception, { fullName: 'Lê Thị Thúy', cccd });
    expect(again.statusCode, again.body).toBe(201);
    expect(await dossierCount(cccd)).toBe(2);
  });

  it('whose birth year or gender on record differ from the number’s is refused, naming the field', async () => {
    const cccd = '025195007777'; // female, born 1995
    expect((await desk(c.reception, { fullName: 'Đỗ Thị Hằng', cccd, phone: '0977000444' })).statusCode).toBe(201);
    await t.database.db.execute(sql`update users set birth_year = 1994 where cccd = ${cccd}`);
    const year = expectError(await desk(c.reception, { fullName: 'Đỗ Thị Hằng', cccd }), 409, 'APPLICANT_IDENTITY_MISMATCH');
    expect(year.details).toMatchObject({ field: 'applicant.birthYear', fields: ['applicant.birthYear'] });
    await t.database.db.execute(sql`update users set birth_year = 1995, gender = 'male' where cccd = ${cccd}`);
    const gender = expectError(await desk(c.reception, { fullName: 'Đỗ Thị Hằng', cccd }), 409, 'APPLICANT_IDENTITY_MISMATCH');
    expect(gender.details).toMatchObject({ fields: ['applicant.gender'] });
    expect(await dossierCount(cccd)).toBe(1);
  });

  it('needs no phone when the record has one: the record’s is used', async () => {
    const res = await desk(c.reception, { fullName: DEMO_CITIZEN.fullName, cccd: DEMO_CITIZEN.cccd });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().applicant.phone).toBe(DEMO_CITIZEN.phone);
  });

  it('a new citizen still needs a phone', async () => {
    expectError(await desk(c.reception, { fullName: 'Phan Văn Tài', cccd: '025087005555' }), 400, 'PHONE_INVALID');
  });

  it('at ANOTHER unit’s desk (a citizen may file anywhere since 1 July 2025), under the same rule', async () => {
    expectError(await desk(c.otherUnit, { fullName: 'Trần Văn Bình', cccd: DEMO_CITIZEN.cccd }), 409, 'APPLICANT_IDENTITY_MISMATCH');
    const res = await desk(c.otherUnit, { fullName: DEMO_CITIZEN.fullName, cccd: DEMO_CITIZEN.cccd });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().receivingUnit.name).toMatch(/Sở Nông nghiệp/);
  });
});

describe('officials’ reads of personal data are audited', () => {
  it('the dossier, its history and its receipt; the applicant’s own reads are not', async () => {
    const sub = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    const code = sub.json().code as string;
    await c.citizen.get(`/api/v1/dossiers/${code}`);
    await c.citizen.get(`/api/v1/dossiers/${code}/events`);
    await c.specialist.get(`/api/v1/dossiers/${code}`);
    await c.specialist.get(`/api/v1/dossiers/${code}/events`);
    const trail = (await c.reception.get(`/api/v1/dossiers/${code}/audit`)).json().items as { actor: string; action: string }[];
    expect(trail.filter((a) => a.actor === DEMO_CITIZEN.fullName).map((a) => a.action)).toEqual(['dossier_submit']);
    expect(trail.filter((a) => a.actor === 'Trần Văn Minh').map((a) => a.action)).toEqual(['read_dossier', 'read_dossier_history']);
  });

  it('a queue search (by CCCD, name or phone) is recorded with what it found; a plain queue is not', async () => {
    await c.reception.get('/api/v1/dossiers?queue=all');
    expect(await auditOf(c.reception.id, 'search_dossiers')).toEqual([]);
    const found = (await c.reception.get(`/api/v1/dossiers?queue=all&q=${DEMO_CITIZEN.cccd}`)).json();
    expect(found.total).toBeGreaterThan(0);
    const [entry] = await auditOf(c.reception.id, 'search_dossiers');
    expect(entry!.details).toMatchObject({ q: DEMO_CITIZEN.cccd, total: found.total });
    expect(entry!.details.codes).toEqual(found.items.map((i: { code: string }) => i.code));
  });
});
