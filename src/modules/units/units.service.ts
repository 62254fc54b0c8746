import { sql } from 'drizzle-orm';
import { maybeOne, type Database } from '../../db/client.ts';
import type { UnitResource } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';

// A unit's code never changes once created, so its id is looked up once per database handle.
const homeIds = new WeakMap<Database, string>();

/**
 * The id of the unit this deployment serves (UNIT_CODE): it owns the catalogue and the
 * calendar. Null only before the seed has created it.
 */
export async function homeUnitId(database: Database, code: string): Promise<string | null> {
  const cached = homeIds.get(database);
  if (cached) return cached;
  const unit = await maybeOne<{ id: string }>(database.db, sql`select id from units where code = ${code}`);
  if (unit) homeIds.set(database, unit.id);
  return unit?.id ?? null;
}

/** The catalogue and the calendar as a resource of the policy: owned by the deployment's unit. */
export async function deploymentData(deps: Pick<AppDeps, 'database' | 'config'>): Promise<UnitResource> {
  return { unitId: (await homeUnitId(deps.database, deps.config.unit.code)) ?? '' };
}
