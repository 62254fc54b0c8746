import { sql } from 'drizzle-orm';
import { databaseOf, maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { AppError } from '../../domain/errors.ts';
import { type ProcedureDefinition } from '../../domain/procedure.ts';
import { citizenSummary, toConfirmList } from '../../domain/procedure-views.ts';
import { compareVi, searchKey } from '../../domain/text.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface ProcedureRow {
  code: string;
  version: number;
  definition: ProcedureDefinition;
  effective_from: string;
}

/**
 * Saves a definition as the procedure's next version (the first for a new code), taking effect on
 * `effectiveFrom`. Earlier versions stay, so a dossier keeps the one it was filed under.
 */
export async function saveProcedureVersion(
  tx: Executor,
  def: ProcedureDefinition,
  opts: { effectiveFrom: string; userId: string | null; now: Date },
): Promise<number> {
  const current = await maybeOne<RowOf<'procedures', { current_version: number }>>(
    tx,
    sql`select current_version from procedures where code = ${def.code} for update`,
  );
  const version = (current?.current_version ?? 0) + 1;
  // A version saved in a transaction that rolls back must not stay cached (getProcedure).
  forgetVersions(tx, def.code);
  if (current) {
    await tx.execute(sql`update procedures set current_version = ${version}, updated_at = ${opts.now.toISOString()} where code = ${def.code}`);
  } else {
    await tx.execute(sql`insert into procedures (code, current_version, updated_at) values (${def.code}, ${version}, ${opts.now.toISOString()})`);
  }
  await tx.execute(sql`insert into procedure_versions (procedure_code, version, definition, effective_from, name_search, field, applicant, online_level, created_by, created_at)
    values (${def.code}, ${version}, ${JSON.stringify(def)}::jsonb, ${opts.effectiveFrom}, ${searchKey(`${def.name} ${def.code} ${def.field}`)},
            ${def.field}, ${def.applicant}, ${def.onlineLevel.level}, ${opts.userId}, ${opts.now.toISOString()})`);
  return version;
}

/** The version of each procedure in force on a date: the highest version effective by then. */
const inForce = (asOf: string) => sql`
  join lateral (select * from procedure_versions pv where pv.procedure_code = p.code and pv.effective_from <= ${asOf}
                order by pv.version desc limit 1) v on true`;

/**
 * A procedure as in force on `asOf` (a Vietnam date), or an exact version.
 * @throws AppError PROCEDURE_NOT_FOUND
 */
export async function getProcedure(ex: Executor, code: string, version?: number, asOf?: string): Promise<CachedVersion> {
  if (!version) {
    // Which version is in force is asked every time (a new one may have been saved by another
    // instance); its definition then comes from the cache of saved versions.
    const inForceNow = await maybeOne<RowOf<'procedure_versions', { version: number }>>(
      ex,
      sql`select version from procedure_versions where procedure_code = ${code} and effective_from <= ${asOf ?? '9999-12-31'}
          order by version desc limit 1`,
    );
    if (!inForceNow) throw new AppError('PROCEDURE_NOT_FOUND');
    version = inForceNow.version;
    if (asOf) rememberInForce(ex, code, asOf, version);
  }
  // A saved version never changes, so it is cached for good, per database (also inside transactions).
  const key = `${code}@${version}`;
  const cached = versionCache.get(databaseOf(ex))?.get(key);
  if (cached) return cached;
  const row = await maybeOne<ProcedureRow>(
    ex,
    sql`select p.code, v.version, v.definition, v.effective_from::text as effective_from
        from procedures p join procedure_versions v on v.procedure_code = p.code where p.code = ${code} and v.version = ${version}`,
  );
  if (!row) throw new AppError('PROCEDURE_NOT_FOUND');
  const found = { definition: row.definition, version: row.version, effectiveFrom: row.effective_from };
  const map = versionCache.get(databaseOf(ex)) ?? new Map<string, CachedVersion>();
  if (map.size > 2000) map.clear();
  versionCache.set(databaseOf(ex), map.set(key, found));
  return found;
}

interface CachedVersion {
  definition: ProcedureDefinition;
  version: number;
  effectiveFrom: string;
}
const versionCache = new WeakMap<object, Map<string, CachedVersion>>();

function forgetVersions(ex: Executor, code: string) {
  const map = versionCache.get(databaseOf(ex));
  for (const key of map?.keys() ?? []) if (key.startsWith(`${code}@`)) map!.delete(key);
  const guesses = inForceSeen.get(databaseOf(ex));
  for (const key of guesses?.keys() ?? []) if (key.startsWith(`${code}|`)) guesses!.delete(key);
}

/**
 * The version last found in force on a date, per database and procedure: a guess, not a fact (another
 * instance may have saved a version since). A caller that files under it checks it in its own
 * write (versionInForceSql) and starts again, reading it, when it no longer holds.
 */
const inForceSeen = new WeakMap<object, Map<string, number>>();

function rememberInForce(ex: Executor, code: string, asOf: string, version: number) {
  const map = inForceSeen.get(databaseOf(ex)) ?? new Map<string, number>();
  if (map.size > 2000) map.clear();
  inForceSeen.set(databaseOf(ex), map.set(`${code}|${asOf}`, version));
}

/** The version of procedure `code` last found in force on `asOf` (getProcedure), if any: check it with versionInForceSql. */
export const guessVersionInForce = (ex: Executor, code: string, asOf: string): number | undefined => inForceSeen.get(databaseOf(ex))?.get(`${code}|${asOf}`);

/** Forgets that guess (it did not hold). */
export const forgetVersionInForce = (ex: Executor, code: string, asOf: string) => inForceSeen.get(databaseOf(ex))?.delete(`${code}|${asOf}`);

/** The version of procedure `code` in force on `asOf`, as a scalar sub-query (null when none). */
export const versionInForceSql = (code: string, asOf: string) =>
  sql`(select version from procedure_versions where procedure_code = ${code} and effective_from <= ${asOf} order by version desc limit 1)`;

export interface ProcedureQuery {
  q?: string | undefined;
  field?: string | undefined;
  onlineLevel?: 'full' | 'partial' | 'unknown' | undefined;
  applicant?: 'citizen' | 'business' | undefined;
  limit: number;
  offset: number;
}

/**
 * Diacritic- and case-insensitive catalogue search: every word of the query must appear in the
 * name, code or field. Results rank whole-phrase matches first, then in Vietnamese name order.
 */
export async function searchProcedures(ex: Executor, query: ProcedureQuery, asOf: string) {
  const key = searchKey(query.q ?? '');
  const words = key.split(' ').filter(Boolean);
  const conditions = [sql`p.active`];
  for (const w of words) conditions.push(sql`v.name_search like ${'%' + escapeLike(w) + '%'}`);
  if (query.field) conditions.push(sql`v.field = ${query.field}`);
  if (query.onlineLevel === 'unknown') conditions.push(sql`v.online_level is null`);
  else if (query.onlineLevel) conditions.push(sql`v.online_level = ${query.onlineLevel}`);
  if (query.applicant) conditions.push(sql`v.applicant in (${query.applicant}, 'both')`);
  const found = await rows<ProcedureRow & RowOf<'procedure_versions', { name_search: string }>>(
    ex,
    sql`select p.code, v.version, v.name_search, v.definition from procedures p ${inForce(asOf)}
        where ${sql.join(conditions, sql` and `)}`,
  );
  // Whole phrase first, then the shorter (more specific) name, then Vietnamese alphabetical order.
  const rank = (r: { name_search: string }) => (key && r.name_search.includes(key) ? 0 : 1);
  const specificity = (r: { definition: ProcedureDefinition }) => (key ? r.definition.name.length : 0);
  found.sort(
    (a, b) => rank(a) - rank(b) || specificity(a) - specificity(b) || compareVi(a.definition.name, b.definition.name),
  );
  return {
    total: found.length,
    items: found.slice(query.offset, query.offset + query.limit).map((r) => citizenSummary(r.definition, r.version)),
  };
}

/** What the ward must confirm in the catalogue in force on `asOf` (officials only: see the route). */
export async function listToConfirm(ex: Executor, asOf: string) {
  const list = await rows<ProcedureRow>(
    ex,
    sql`select p.code, v.version, v.definition, v.effective_from::text as effective_from from procedures p ${inForce(asOf)} where p.active`,
  );
  return toConfirmList(
    list.map((r) => ({ definition: r.definition, version: r.version, effectiveFrom: r.effective_from })),
    compareVi,
  );
}

export async function listFields(ex: Executor, asOf: string) {
  const list = await rows<Computed<{ field: string; count: number }>>(
    ex,
    sql`select v.field, count(*)::int as count from procedures p ${inForce(asOf)} where p.active group by v.field`,
  );
  return list.sort((a, b) => compareVi(a.field, b.field)).map((r) => ({ name: r.field, count: r.count }));
}

export async function listVersions(ex: Executor, code: string) {
  const list = await rows<RowOf<'procedure_versions', { version: number; created_at: string; created_by: string | null }> & Computed<{ effective_from: string }>>(
    ex,
    sql`select version, effective_from::text as effective_from, created_at, created_by from procedure_versions
        where procedure_code = ${code} order by version desc`,
  );
  if (list.length === 0) throw new AppError('PROCEDURE_NOT_FOUND');
  return list.map((v) => ({ version: v.version, effectiveFrom: v.effective_from, createdAt: toDate(v.created_at).toISOString(), createdBy: v.created_by }));
}

/** The whole definition, with its sources, confidence and notes: the officials' view. */
export function presentProcedure(def: ProcedureDefinition, version: number, effectiveFrom: string) {
  return { ...def, onlineLevel: def.onlineLevel.level, onlineLevelReason: def.onlineLevel.reason, version, effectiveFrom };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
