import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INVESTOR } from '../../src/db/seed/projects.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { projectId } from '../support/projects.ts';

// Who may see and do what on the project register, through the HTTP API (the policy's table is
// src/domain/policy.test.ts). DA-001 is followed by the economy and infrastructure department
// (chuyenvien2), DA-004 by the culture and society department (chuyenvien).

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let investor: Client;
let da001: string;
let da004: string;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  investor = await signIn(t.app, DEMO_INVESTOR.mst);
  da001 = await projectId(c.leader, 'DA-001');
  da004 = await projectId(c.leader, 'DA-004');
});
afterAll(async () => {
  await t.close();
});

const update = { reportedOn: '2026-03-02', note: 'Kiểm tra hiện trường.', progressPct: 60 };

describe('the register', () => {
  it('is the ward staff’s: nobody signed in → 401; citizens, investors and another unit → 403', async () => {
    expectError(await c.anonymous.get('/api/v1/projects'), 401, 'UNAUTHENTICATED');
    expectError(await c.citizen.get('/api/v1/projects'), 403, 'FORBIDDEN');
    expectError(await investor.get('/api/v1/projects/changes'), 403, 'FORBIDDEN');
    expectError(await c.otherUnit.get('/api/v1/projects'), 403, 'FORBIDDEN');
    for (const who of ['reception', 'specialist', 'leader', 'admin'] as const) expect((await c[who].get('/api/v1/projects')).statusCode, who).toBe(200);
  });

  it('a project is not disclosed to who may not read it', async () => {
    expectError(await c.otherUnit.get(`/api/v1/projects/${da001}`), 404, 'PROJECT_NOT_FOUND');
    expectError(await c.citizen.get(`/api/v1/projects/${da004}`), 404, 'PROJECT_NOT_FOUND');
    expect((await investor.get(`/api/v1/projects/${da001}`)).statusCode).toBe(200);
    expectError(await investor.get(`/api/v1/projects/${da004}`), 404, 'PROJECT_NOT_FOUND');
  });
});

describe('acting on a project', () => {
  it('the responsible department reports and edits; another department’s specialist does not', async () => {
    expectError(await c.specialist.post(`/api/v1/projects/${da001}/updates`, update), 403, 'FORBIDDEN');
    expect((await c.specialist.post(`/api/v1/projects/${da004}/updates`, update)).statusCode).toBe(201);
    expect((await c.specialist2.post(`/api/v1/projects/${da001}/updates`, update)).statusCode).toBe(201);
    expectError(await c.reception.post(`/api/v1/projects/${da001}/updates`, update), 403, 'FORBIDDEN');
    expectError(await c.admin.post(`/api/v1/projects/${da001}/obstacles`, { description: 'x', actorKind: 'investor' }), 403, 'FORBIDDEN');
  });

  it('what the detail offers is what the API allows', async () => {
    const asInvestor = (await investor.get(`/api/v1/projects/${da001}`)).json();
    expect(asInvestor.may).toEqual({ edit: false, report: true, recordMilestone: false, raiseObstacle: true, direct: false, resolve: false });
    // The investor is given one of the two directions on DA-001.
    expect(asInvestor.obstacles[0].directions.map((d: { mayComplete: boolean }) => d.mayComplete)).toEqual([false, true]);
    const asReception = (await c.reception.get(`/api/v1/projects/${da001}`)).json();
    expect(Object.values(asReception.may).every((v) => v === false)).toBe(true);
    const asSpecialist = (await c.specialist2.get(`/api/v1/projects/${da001}`)).json();
    expect(asSpecialist.may).toEqual({ edit: true, report: true, recordMilestone: true, raiseObstacle: true, direct: false, resolve: false });
    expect(asSpecialist.obstacles[0].directions.map((d: { mayComplete: boolean }) => d.mayComplete)).toEqual([true, false]);
  });

  it('only a unit leader changes the behind-schedule rule', async () => {
    const body = { effectiveFrom: '2026-03-02', rule: { milestoneGraceDays: 0, disbursementMarginPoints: 10, progressMarginPoints: 10, dueSoonDays: 30 }, basis: 'x' };
    for (const who of ['reception', 'specialist', 'admin', 'citizen', 'otherUnit'] as const) expectError(await c[who].put('/api/v1/projects/rule', body), 403, 'FORBIDDEN');
    expectError(await investor.put('/api/v1/projects/rule', body), 403, 'FORBIDDEN');
    expect((await c.leader.get('/api/v1/projects/rule')).statusCode).toBe(200);
  });
});
