import { sql } from 'drizzle-orm';
import { maybeOne, type Executor } from '../../db/client.ts';
import { INTEROP_SCOPES } from '../../domain/interop.ts';
import { serverKeys } from '../../server/secrets.ts';
import { createSystem } from './interop.systems.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * The demo's national-portal stand-in (`npm run sim:national-portal`, tools/national-portal/):
 * a connected system whose key is PUBLISHED in docs/INTEROP.md, like the demo passwords. Seeded
 * with the demo data only, never in production.
 */
export const DEMO_PORTAL = {
  code: 'DVCQG-DEMO',
  name: 'Cổng Dịch vụ công quốc gia (bản mô phỏng để trình diễn)',
  keyId: 'dvcqgdemo001',
  secret: 'NongTrangSoDemoNationalPortalKey2026',
  signingSecret: 'NongTrangSoDemoSigningSecret2026DVCQG',
  callbackUrl: 'http://127.0.0.1:4700/nts/callbacks',
} as const;

export const demoPortalApiKey = () => `nts_${DEMO_PORTAL.keyId}_${DEMO_PORTAL.secret}`;

export async function seedDemoPortal(tx: Executor, unitId: string, secret: string, now: Date): Promise<boolean> {
  const exists = await maybeOne<RowOf<'interop_systems', { id: string }>>(tx, sql`select id from interop_systems where code = ${DEMO_PORTAL.code}`);
  if (exists) return false;
  await createSystem(
    tx,
    serverKeys(secret),
    unitId,
    { code: DEMO_PORTAL.code, name: DEMO_PORTAL.name, kind: 'national_portal', scopes: [...INTEROP_SCOPES], callbackUrl: DEMO_PORTAL.callbackUrl, syncAll: false },
    { now, createdBy: null, fixed: { keyId: DEMO_PORTAL.keyId, secret: DEMO_PORTAL.secret, signingSecret: DEMO_PORTAL.signingSecret } },
  );
  return true;
}
