import { sql } from 'drizzle-orm';
import { databaseOf, maybeOne, type Database, type Executor } from '../../db/client.ts';
import { handleCache } from '../../db/handle-cache.ts';
import type { UnitResource } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import type { RowOf } from '../../db/rows.ts';

// A unit's code never changes once created, so its id is looked up once per database handle.
const homeIds = new WeakMap<Database, string>();

/**
 * The id of the unit this deployment serves (UNIT_CODE): it owns the catalogue and the
 * calendar. Null only before the seed has created it.
 */
export async function homeUnitId(database: Database, code: string): Promise<string | null> {
  const cached = homeIds.get(database);
  if (cached) return cached;
  const unit = await maybeOne<RowOf<'units', { id: string }>>(database.db, sql`select id from units where code = ${code}`);
  if (unit) homeIds.set(database, unit.id);
  return unit?.id ?? null;
}

/** The catalogue and the calendar as a resource of the policy: owned by the deployment's unit. */
export async function deploymentData(deps: Pick<AppDeps, 'database' | 'config'>): Promise<UnitResource> {
  return { unitId: (await homeUnitId(deps.database, deps.config.unit.code)) ?? '' };
}

/** A unit as a dossier records and shows it. */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

// Units are created by the seed and never edited or removed (no route changes them): a look-up by
// code, made by every submission, is kept per database for a minute, inside transactions too.
const byCode = handleCache<UnitRef>(60_000);

export async function unitByCode(ex: Executor, code: string): Promise<UnitRef | null> {
  const hit = byCode.get(databaseOf(ex), code);
  if (hit) return hit;
  const since = byCode.since();
  const unit = await maybeOne<UnitRef>(ex, sql`select id, code, name from units where code = ${code}`);
  if (unit) byCode.set(databaseOf(ex), code, unit, since);
  return unit;
}

export function unitById(ex: Executor, id: string | null): Promise<UnitRef | null> {
  return maybeOne<UnitRef>(ex, sql`select id, code, name from units where id = ${id}`);
}
