import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { databaseOf, maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { handleCache } from '../../db/handle-cache.ts';
import { toDate } from '../../db/time.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { AreasSave } from '../../domain/feedback-contract.ts';
import { WARD_AREAS, parseAreasFile, type AreaFeature, type WardAreas } from '../../domain/feedback-areas.ts';
import type { Actor } from '../../domain/policy.ts';
import { audit } from '../audit/audit.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** The areas in force for a unit, with the save that set them (version 0: the built-in 2009 areas). */
export interface AreasInForce extends WardAreas {
  version: number;
  savedBy: string | null;
  savedAt: string | null;
  note: string;
}

interface Stored {
  approximate: boolean;
  source: string;
  features: AreaFeature[];
}
/** A saved version; `data` is checked again on read (`inForceOf`). */
type Row = RowOf<'feedback_settings_versions', { version: number; data: unknown; note: string; created_at: string }> & Computed<{ saved_by: string | null }>;
const storedOf = (r: Row) => (r.data ?? {}) as Partial<Stored>;

const BUILT_IN: AreasInForce = { ...WARD_AREAS, version: 0, savedBy: null, savedAt: null, note: '' };
const SELECT = sql`select s.version, s.data, s.note, u.full_name as saved_by, s.created_at
  from feedback_settings_versions s left join users u on u.id = s.created_by`;

const inForceOf = (r: Row): AreasInForce => {
  // Checked again on read: a row written by hand must not break the map or the placing of reports.
  const d = storedOf(r);
  const parsed = parseAreasFile({ type: 'FeatureCollection', features: d.features });
  if (!parsed.ok) throw new Error(`feedback_settings_versions areas v${r.version}: ${JSON.stringify(parsed.issues[0])}`);
  return {
    type: 'FeatureCollection',
    approximate: d.approximate === true,
    source: d.source ?? '',
    licence: '',
    features: parsed.features,
    version: r.version,
    savedBy: r.saved_by,
    savedAt: formatVn(toDate(r.created_at)),
    note: r.note,
  };
};

// Every report filed, listed or shown reads the areas: each instance keeps them 30 s per database
// (src/db/handle-cache.ts); a load on this instance clears them at once, other instances see it
// within 30 s.
const cache = handleCache<AreasInForce>(30_000, 20);

/** The areas in force for a unit: the latest file loaded, or the built-in 2009 areas. */
export async function areasInForce(ex: Executor, unitId: string): Promise<AreasInForce> {
  const db = databaseOf(ex);
  const hit = cache.get(db, unitId);
  if (hit) return hit;
  const since = cache.since();
  const r = await maybeOne<Row>(ex, sql`${SELECT} where s.unit_id = ${unitId} and s.kind = 'areas' order by s.version desc limit 1`);
  const value = r ? inForceOf(r) : BUILT_IN;
  cache.set(db, unitId, value, since);
  return value;
}

/** The files loaded for a unit, newest first (who, when, why; how many areas). */
export async function areasHistory(ex: Executor, unitId: string, limit = 30) {
  const list = await rows<Row>(ex, sql`${SELECT} where s.unit_id = ${unitId} and s.kind = 'areas' order by s.version desc limit ${limit}`);
  return list.map((r) => ({
    version: r.version,
    savedBy: r.saved_by,
    savedAt: formatVn(toDate(r.created_at)),
    note: r.note,
    approximate: storedOf(r).approximate === true,
    count: storedOf(r).features?.length ?? 0,
  }));
}

/**
 * Loads a new version of the ward's areas, if `body.version` is still the one in force; the audit
 * entry in the same transaction.
 * @throws AppError FEEDBACK_AREAS_INVALID (details.issues: each fault and its place), FEEDBACK_AREAS_CONFLICT
 */
export async function saveAreas(database: Database, actor: Actor & { id: string }, unitId: string, body: AreasSave, now: Date, ctx: { requestId: string; ip: string }): Promise<void> {
  const parsed = parseAreasFile(body.geojson);
  if (!parsed.ok) throw new AppError('FEEDBACK_AREAS_INVALID', { issues: parsed.issues.map((i) => ({ ...i, path: i.path ? `geojson.${i.path}` : 'geojson' })) });
  const data: Stored = { approximate: body.approximate, source: body.source, features: parsed.features };
  await database.transaction(async (tx) => {
    const current = await maybeOne<Computed<{ v: number }>>(tx, sql`select coalesce(max(version), 0)::int as v from feedback_settings_versions where unit_id = ${unitId} and kind = 'areas'`);
    if ((current?.v ?? 0) !== body.version) throw new AppError('FEEDBACK_AREAS_CONFLICT');
    const version = body.version + 1;
    const inserted = await maybeOne<RowOf<'feedback_settings_versions', { id: string }>>(
      tx,
      sql`insert into feedback_settings_versions (id, unit_id, kind, version, data, note, created_by, created_at)
          values (${randomUUID()}, ${unitId}, 'areas', ${version}, ${JSON.stringify(data)}::jsonb, ${body.note}, ${actor.id}, ${now.toISOString()})
          on conflict (unit_id, kind, version) do nothing returning id`,
    );
    if (!inserted) throw new AppError('FEEDBACK_AREAS_CONFLICT');
    await audit(
      tx,
      {
        actorId: actor.id,
        action: 'feedback_areas_save',
        entityType: 'feedback',
        entityId: `settings:areas:${version}`,
        details: { version, count: parsed.features.length, codes: parsed.features.map((f) => f.properties.code).slice(0, 200), approximate: body.approximate, source: body.source, note: body.note },
        ...ctx,
      },
      now,
    );
  });
  cache.forget();
}
