import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_PORTAL, demoPortalApiKey } from '../../src/modules/interop/interop.demo.ts';
import { PortalClient, sampleDossier } from '../../scripts/national-portal/portal.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';

// Intake under load (issue 10, "scale and faults"): many dossiers with attachments from the
// stand-in at once, each delivered twice at the same moment and once more later, as a portal that
// did not see the answer would: every dossier is filed exactly once, with all its documents.
// `npm run bench -- --scenarios=intake` measures the same at 1,000 dossiers.

const COUNT = 50;
const CONCURRENCY = 10;

let t: TestApp;
let base: string;
let proc: Parameters<typeof sampleDossier>[0];

beforeAll(async () => {
  t = await startTestApp({ MESSAGE_WORKER: 'false' });
  const c = await demoClients(t.app);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  proc = (await c.anonymous.get('/api/v1/procedures/1.001193')).json();
});
afterAll(() => t.close());

/** A portal client whose clock runs `skewS` seconds ahead: its retry of a body is signed anew (a signature is accepted once). */
const clientAt = (skewS: number) => new PortalClient(base, demoPortalApiKey(), DEMO_PORTAL.signingSecret, () => new Date(t.clock.now().getTime() + skewS * 1000));

describe('intake of many dossiers at once', () => {
  it(`files ${COUNT} dossiers with attachments, each delivered twice at once and again later, without a loss or a duplicate`, async () => {
    const prefix = 'G22.LOAD-260302';
    const dossiers = Array.from({ length: COUNT }, (_, i) => sampleDossier(proc, i + 1, { prefix, filedAt: t.clock.now() }));
    const answers = new Map<string, { status: number; code: string }[]>();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < COUNT; i = next++) {
        const d = dossiers[i]!;
        const [a, b] = await Promise.all([clientAt(0).forward(d), clientAt(1).forward(d)]);
        const again = await clientAt(2).forward(d);
        answers.set(d.externalCode, [a, b, again].map((r) => ({ status: r.status, code: (r.body as { code: string }).code })));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(answers.size).toBe(COUNT);
    for (const [externalCode, list] of answers) {
      expect(list.map((x) => x.status).sort(), externalCode).toEqual([200, 200, 201]);
      expect(new Set(list.map((x) => x.code)).size, externalCode).toBe(1);
    }
    const codes = new Set([...answers.values()].map((l) => l[0]!.code));
    expect(codes.size).toBe(COUNT);

    const filed = await rows<{ dossiers: number; intake: number; documents: number }>(
      t.database.db,
      sql`select (select count(*)::int from dossiers where external_code like ${prefix + '%'}) as dossiers,
                 (select count(*)::int from interop_intake where external_code like ${prefix + '%'}) as intake,
                 (select count(*)::int from dossier_documents dd join dossiers d on d.id = dd.dossier_id where d.external_code like ${prefix + '%'}) as documents`,
    );
    expect(filed[0]).toEqual({ dossiers: COUNT, intake: COUNT, documents: COUNT * dossiers[0]!.documents.length });
    // Each one is there under the portal's code.
    const status = await clientAt(3).status(dossiers[COUNT - 1]!.externalCode);
    expect(status.status).toBe(200);
  });
});
