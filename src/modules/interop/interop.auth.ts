import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { rows, type Database } from '../../db/client.ts';
import { formatVn } from '../../domain/calendar/vn-time.ts';
import { AppError } from '../../domain/errors.ts';
import { checkTimestamp, HEADERS, parseApiKey, signatureMatches, SIGNATURE_WINDOW_SECONDS, type InteropScope } from '../../domain/interop.ts';
import { systemMay } from '../../domain/policy.ts';
import type { ServerKeys } from '../../server/secrets.ts';
import { systemByKey, type ConnectedSystem } from './interop.systems.ts';
import type { RowOf } from '../../db/rows.ts';

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Authenticates a machine API call: the API key (`Authorization: Bearer nts_<keyId>_<secret>`),
 * then the HMAC-SHA256 signature of timestamp, method, path and body with that key's signing
 * secret, the timestamp within 5 minutes of now, the signature never seen before (a replay is
 * refused), and the scope the route needs (the policy's `systemMay`).
 * @throws AppError INTEROP_KEY_INVALID, INTEROP_TIMESTAMP_INVALID, INTEROP_SIGNATURE_INVALID, INTEROP_REPLAYED, INTEROP_SCOPE_MISSING
 */
export async function authenticateSystem(req: FastifyRequest, deps: { database: Database; keys: ServerKeys }, scope: InteropScope, now: Date): Promise<ConnectedSystem> {
  const key = parseApiKey(header(req, 'authorization'));
  if (!key) throw new AppError('INTEROP_KEY_INVALID');
  const found = await systemByKey(deps.database.db, deps.keys, key.keyId, key.secret, now);
  if (!found) throw new AppError('INTEROP_KEY_INVALID');

  const timestamp = header(req, HEADERS.timestamp);
  const verdict = checkTimestamp(timestamp, now);
  if (verdict !== 'ok') throw new AppError('INTEROP_TIMESTAMP_INVALID', { problem: verdict, serverTime: formatVn(now), windowSeconds: SIGNATURE_WINDOW_SECONDS });
  const signature = header(req, HEADERS.signature) ?? '';
  const body = req.rawBody ?? '';
  if (!signatureMatches(found.signingSecret, { timestamp: timestamp!, method: req.method, path: req.url, body }, signature)) {
    throw new AppError('INTEROP_SIGNATURE_INVALID');
  }
  // Remembered until the timestamp leaves the window: within it, the same signature is a replay.
  const until = new Date((Number(timestamp) + SIGNATURE_WINDOW_SECONDS) * 1000).toISOString();
  await deps.database.db.execute(sql`delete from interop_replays where expires_at < ${now.toISOString()}`);
  const fresh = await rows<RowOf<'interop_replays', { signature: string }>>(
    deps.database.db,
    sql`insert into interop_replays (signature, expires_at) values (${signature}, ${until}) on conflict (signature) do nothing returning signature`,
  );
  if (fresh.length === 0) throw new AppError('INTEROP_REPLAYED');

  if (!systemMay(found.system, scope)) throw new AppError('INTEROP_SCOPE_MISSING', { scope });
  return found.system;
}
