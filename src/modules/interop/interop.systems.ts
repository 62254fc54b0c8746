import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { sha256Hex, type InteropScope, type SystemKind } from '../../domain/interop.ts';
import type { ServerKeys } from '../../server/secrets.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** A connected system as the machine API and the outbox see it. */
export interface ConnectedSystem {
  id: string;
  unitId: string;
  code: string;
  name: string;
  kind: SystemKind;
  scopes: InteropScope[];
  callbackUrl: string | null;
  syncAll: boolean;
  active: boolean;
  /** The unit on another deployment it processes dossiers for (a transfer there is handed over to it). */
  remoteUnitCode: string | null;
}

export interface SystemRow {
  id: string;
  unit_id: string;
  code: string;
  name: string;
  kind: SystemKind;
  scopes: InteropScope[];
  callback_url: string | null;
  sync_all: boolean;
  active: boolean;
  remote_unit_code: string | null;
}

export const systemOf = (r: SystemRow): ConnectedSystem => ({
  id: r.id,
  unitId: r.unit_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  scopes: r.scopes,
  callbackUrl: r.callback_url,
  syncAll: r.sync_all,
  active: r.active,
  remoteUnitCode: r.remote_unit_code ?? null,
});

const SYSTEM_COLUMNS = sql`s.id, s.unit_id, s.code, s.name, s.kind, s.scopes, s.callback_url, s.sync_all, s.active,
  (select u.code from units u where u.id = s.remote_unit_id) as remote_unit_code`;

/** What a system is given once, when its key is made: the API key and the signing secret. Never stored in clear. */
export interface IssuedKey {
  keyId: string;
  apiKey: string;
  signingSecret: string;
}

const KEY_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
function newKeyId(): string {
  return Array.from(randomBytes(12), (b) => KEY_ID_ALPHABET[b % KEY_ID_ALPHABET.length]).join('');
}

/**
 * Gives a system a new key. The previous keys stay valid for `graceMs` (both ends can switch over
 * without a missed call), then expire. `fixed` is the demo's published key, never used in production.
 */
export async function issueKey(
  tx: Executor,
  keys: ServerKeys,
  systemId: string,
  o: { now: Date; graceMs: number; createdBy: string | null; fixed?: { keyId: string; secret: string; signingSecret: string } },
): Promise<IssuedKey> {
  const keyId = o.fixed?.keyId ?? newKeyId();
  const secret = o.fixed?.secret ?? randomBytes(32).toString('base64url');
  const signingSecret = o.fixed?.signingSecret ?? randomBytes(32).toString('base64url');
  const graceEnd = new Date(o.now.getTime() + o.graceMs).toISOString();
  await tx.execute(sql`update interop_keys set expires_at = ${graceEnd}
                       where system_id = ${systemId} and (expires_at is null or expires_at > ${graceEnd})`);
  await tx.execute(sql`insert into interop_keys (id, system_id, key_id, key_hash, signing_secret_sealed, created_by, created_at)
                       values (${randomUUID()}, ${systemId}, ${keyId}, ${sha256Hex(secret)}, ${keys.seal(signingSecret)}, ${o.createdBy}, ${o.now.toISOString()})`);
  return { keyId, apiKey: `nts_${keyId}_${secret}`, signingSecret };
}

export interface NewSystem {
  code: string;
  name: string;
  kind: SystemKind;
  scopes: InteropScope[];
  callbackUrl: string | null;
  syncAll: boolean;
  remoteUnit?: { code: string; name: string } | undefined;
}

/**
 * The unit on another deployment a system represents: its row here (added if new), so that a
 * dossier can be transferred to it and counted as handled there. A unit with staff on this
 * deployment is not remote.
 * @throws AppError INTEROP_UNIT_ON_THIS_DEPLOYMENT
 */
async function remoteUnitId(tx: Executor, unit: { code: string; name: string }, now: Date): Promise<string> {
  await tx.execute(sql`insert into units (id, code, name, created_at) values (${randomUUID()}, ${unit.code}, ${unit.name}, ${now.toISOString()}) on conflict (code) do nothing`);
  const row = await maybeOne<RowOf<'units', { id: string }> & Computed<{ staff: boolean }>>(
    tx,
    sql`select u.id, exists (select 1 from users x where x.unit_id = u.id) as staff from units u where u.code = ${unit.code}`,
  );
  if (!row || row.staff) throw new AppError('INTEROP_UNIT_ON_THIS_DEPLOYMENT', { unitCode: unit.code });
  return row.id;
}

/**
 * Registers a connected system of `unitId` with its first key.
 * @throws AppError INTEROP_SYSTEM_EXISTS
 */
export async function createSystem(
  tx: Executor,
  keys: ServerKeys,
  unitId: string,
  s: NewSystem,
  o: { now: Date; createdBy: string | null; fixed?: { keyId: string; secret: string; signingSecret: string } },
): Promise<{ system: ConnectedSystem; key: IssuedKey }> {
  const id = randomUUID();
  const remote = s.remoteUnit ? await remoteUnitId(tx, s.remoteUnit, o.now) : null;
  const inserted = await maybeOne<SystemRow>(
    tx,
    sql`insert into interop_systems (id, unit_id, code, name, kind, scopes, callback_url, sync_all, remote_unit_id, created_by, created_at)
        values (${id}, ${unitId}, ${s.code}, ${s.name}, ${s.kind}, ${sql`array[${sql.join(
          s.scopes.map((x) => sql`${x}`),
          sql`, `,
        )}]::text[]`}, ${s.callbackUrl}, ${s.syncAll}, ${remote}, ${o.createdBy}, ${o.now.toISOString()})
        on conflict (code) do nothing
        returning id, unit_id, code, name, kind, scopes, callback_url, sync_all, active, ${s.remoteUnit?.code ?? null}::text as remote_unit_code`,
  );
  if (!inserted) throw new AppError('INTEROP_SYSTEM_EXISTS', { code: s.code });
  const key = await issueKey(tx, keys, id, { now: o.now, graceMs: 0, createdBy: o.createdBy, ...(o.fixed ? { fixed: o.fixed } : {}) });
  return { system: systemOf(inserted), key };
}

/** Changes what a system may do and where its events go. @throws AppError INTEROP_SYSTEM_NOT_FOUND */
export async function updateSystem(
  tx: Executor,
  unitId: string,
  code: string,
  patch: Partial<Pick<NewSystem, 'name' | 'scopes' | 'callbackUrl' | 'syncAll'>> & { active?: boolean | undefined },
): Promise<ConnectedSystem> {
  const sets = [
    patch.name !== undefined ? sql`name = ${patch.name}` : null,
    patch.scopes !== undefined ? sql`scopes = ${sql`array[${sql.join(
      patch.scopes.map((x) => sql`${x}`),
      sql`, `,
    )}]::text[]`}` : null,
    patch.callbackUrl !== undefined ? sql`callback_url = ${patch.callbackUrl}` : null,
    patch.syncAll !== undefined ? sql`sync_all = ${patch.syncAll}` : null,
    patch.active !== undefined ? sql`active = ${patch.active}` : null,
  ].filter((x) => x !== null);
  const row = await maybeOne<SystemRow>(
    tx,
    sql`update interop_systems s set ${sets.length ? sql.join(sets, sql`, `) : sql`code = code`}
        where s.unit_id = ${unitId} and s.code = ${code} returning ${SYSTEM_COLUMNS}`,
  );
  if (!row) throw new AppError('INTEROP_SYSTEM_NOT_FOUND', { code });
  return systemOf(row);
}

/** @throws AppError INTEROP_SYSTEM_NOT_FOUND */
export async function findSystem(ex: Executor, unitId: string, code: string): Promise<ConnectedSystem> {
  const row = await maybeOne<SystemRow>(ex, sql`select ${SYSTEM_COLUMNS} from interop_systems s where s.unit_id = ${unitId} and s.code = ${code}`);
  if (!row) throw new AppError('INTEROP_SYSTEM_NOT_FOUND', { code });
  return systemOf(row);
}

export interface SystemListing extends ConnectedSystem {
  keys: { keyId: string; createdAt: string; expiresAt: string | null }[];
}

export async function listSystems(ex: Executor, unitId: string): Promise<SystemListing[]> {
  const systems = await rows<SystemRow>(ex, sql`select ${SYSTEM_COLUMNS} from interop_systems s where s.unit_id = ${unitId} order by s.code`);
  const keyRows = await rows<RowOf<'interop_keys', { system_id: string; key_id: string; created_at: string; expires_at: string | null }>>(
    ex,
    sql`select k.system_id, k.key_id, k.created_at, k.expires_at from interop_keys k join interop_systems s on s.id = k.system_id
        where s.unit_id = ${unitId} order by k.created_at desc`,
  );
  return systems.map((s) => ({
    ...systemOf(s),
    keys: keyRows.filter((k) => k.system_id === s.id).map((k) => ({ keyId: k.key_id, createdAt: k.created_at, expiresAt: k.expires_at })),
  }));
}

/** A system by the key it presents, with that key's signing secret; null when the key is unknown, expired, or its system suspended. */
export async function systemByKey(ex: Executor, keys: ServerKeys, keyId: string, secret: string, now: Date): Promise<{ system: ConnectedSystem; signingSecret: string } | null> {
  const row = await maybeOne<SystemRow & RowOf<'interop_keys', { key_hash: string; signing_secret_sealed: string }>>(
    ex,
    sql`select ${SYSTEM_COLUMNS}, k.key_hash, k.signing_secret_sealed from interop_keys k join interop_systems s on s.id = k.system_id
        where k.key_id = ${keyId} and (k.expires_at is null or k.expires_at > ${now.toISOString()}) and s.active`,
  );
  if (!row || row.key_hash !== sha256Hex(secret)) return null;
  const signingSecret = keys.unseal(row.signing_secret_sealed);
  return signingSecret ? { system: systemOf(row), signingSecret } : null;
}

/** The newest key of a system (it signs outgoing events), with its signing secret. */
export async function currentSigningKey(ex: Executor, keys: ServerKeys, systemId: string): Promise<{ keyId: string; signingSecret: string } | null> {
  const row = await maybeOne<RowOf<'interop_keys', { key_id: string; signing_secret_sealed: string }>>(
    ex,
    sql`select key_id, signing_secret_sealed from interop_keys where system_id = ${systemId} order by created_at desc limit 1`,
  );
  const signingSecret = row ? keys.unseal(row.signing_secret_sealed) : null;
  return row && signingSecret ? { keyId: row.key_id, signingSecret } : null;
}
