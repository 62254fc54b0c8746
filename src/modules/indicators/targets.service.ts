import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Database, type Executor } from '../../db/client.ts';
import { formatVn, vnDateOf } from '../../domain/calendar/vn-time.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { headline, ingredientsOf } from '../../domain/indicators.ts';
import { round2 } from '../../domain/indicators-rules.ts';
import { DEFAULT_TARGETS, expectedIn, targetState, type Actual, type Target, type TargetMeasure } from '../../domain/targets.ts';
import { TERM_START } from '../../domain/training.ts';
import { audit } from '../audit/audit.ts';
import { catalogueFacts } from './indicators.repo.ts';
import { aggregateTally } from './indicators.aggregate.ts';
import { unitShare } from './training.service.ts';
import type { RequestContext } from './indicators.service.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

async function targetsOf(ex: Executor, unitId: string): Promise<Target[]> {
  const added = await rows<RowOf<'term_targets', { key: string; definition: Target }>>(ex, sql`select key, definition from term_targets where unit_id = ${unitId} order by created_at`);
  const byKey = new Map(added.map((a) => [a.key, a.definition]));
  return [...DEFAULT_TARGETS.map((d) => byKey.get(d.key) ?? d), ...added.filter((a) => !DEFAULT_TARGETS.some((d) => d.key === a.key)).map((a) => a.definition)];
}

/** This year's figures the platform computes (the year so far), by measure. */
async function measured(db: Database, unitId: string, now: Date): Promise<Record<TargetMeasure, number | null>> {
  const today = vnDateOf(now);
  const period = { from: `${today.slice(0, 4)}-01-01`, to: today };
  const t = await aggregateTally(db, unitId, period, {}, now);
  const h = headline(t);
  const ing = ingredientsOf(t, await catalogueFacts(db.db));
  const pct = (r: number | null | undefined) => (r === null || r === undefined ? null : round2(r * 100));
  return {
    online_share: h.onlineShare,
    procedures_online: pct(ing.procedures_online?.rate),
    satisfied_share: h.satisfiedShare,
    digitised_share: pct(t.digitised.received === 0 ? null : t.digitised.digitised / t.digitised.received),
    on_time_share: h.onTimeShare,
    officials_trained: await trainedOverTerm(db.db, unitId, today),
  };
}

/** The share of officials trained since the term began; null while the unit has recorded no course. */
async function trainedOverTerm(ex: Executor, unitId: string, today: string): Promise<number | null> {
  const s = await unitShare(ex, unitId, { from: TERM_START, to: today });
  return s.courses === 0 ? null : s.percent;
}

/** Where a computed actual comes from, as the targets show it. */
const COMPUTED_SOURCE: Record<TargetMeasure, string> = {
  online_share: 'Tính từ hồ sơ trên nền tảng / computed from the platform’s dossiers',
  procedures_online: 'Tính từ danh mục TTHC trên nền tảng / computed from the platform’s catalogue',
  satisfied_share: 'Tính từ đánh giá hồ sơ trên nền tảng / computed from the platform’s ratings',
  digitised_share: 'Tính từ hồ sơ trên nền tảng / computed from the platform’s dossiers',
  on_time_share: 'Tính từ hồ sơ trên nền tảng / computed from the platform’s dossiers',
  officials_trained: 'Tính từ dữ liệu đào tạo cán bộ (từ 01/01/2025) / computed from the training records (since 1/1/2025)',
};

/** Every target with its history of actuals, this year's computed figure, and where it stands. */
export async function termTargets(db: Database, unitId: string, now: Date) {
  const ex = db.db;
  const [targets, entries, computed] = await Promise.all([
    targetsOf(ex, unitId),
    rows<RowOf<'target_actuals', { target_key: string; year: number; source: string }> & Computed<{ value: string; as_of: string; entered_by: string | null; entered_at: string }>>(
      ex,
      sql`select a.target_key, a.year, a.value::text as value, a.source, a.as_of::text as as_of, u.full_name as entered_by, a.entered_at::text as entered_at
            from target_actuals a left join users u on u.id = a.entered_by where a.unit_id = ${unitId} order by a.year, a.entered_at`,
    ),
    measured(db, unitId, now),
  ]);
  const year = Number(vnDateOf(now).slice(0, 4));
  return targets.map((t) => {
    const history = entries.filter((e) => e.target_key === t.key).map((e) => ({ year: e.year, value: Number(e.value), source: e.source, asOf: e.as_of, enteredBy: e.entered_by }));
    const value = t.measure ? computed[t.measure] : null;
    const computedNow: Actual | null = value === null || !t.measure ? null : { year, value, source: COMPUTED_SOURCE[t.measure], asOf: vnDateOf(now) };
    // The latest year's latest entry; this year's computed figure when nothing was entered for this year or later.
    const entered = history.length ? history[history.length - 1]! : null;
    const latest = computedNow && (!entered || entered.year < year) ? computedNow : entered;
    return { ...t, history, computed: computedNow, latest, ...targetState(t, latest) };
  });
}

/**
 * Records an actual of a target for a year, with its source.
 * @throws AppError FORBIDDEN (not the unit's leader or admin), NOT_FOUND (no such target).
 */
export async function enterActual(db: Database, actor: Actor | null, unitId: string, key: string, input: { year: number; value: number; source: string; asOf: string }, now: Date, ctx: RequestContext) {
  const user = authorize(actor, 'indicators.enter', { unitId });
  if (!(await targetsOf(db.db, unitId)).some((t) => t.key === key)) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into target_actuals (id, unit_id, target_key, year, value, source, as_of, entered_by, entered_at)
                         values (${randomUUID()}, ${unitId}, ${key}, ${input.year}, ${input.value}, ${input.source}, ${input.asOf}, ${user.id}, ${now.toISOString()})`);
    await audit(tx, { actorId: user.id, action: 'target_actual', entityType: 'indicator', entityId: key, details: { ...input }, ...ctx }, now);
  });
}

/**
 * Adds a target, or sets the ward's own figures for a built-in one (same key).
 * @throws AppError FORBIDDEN when the actor is not the deployment's unit admin.
 */
export async function saveTarget(db: Database, actor: Actor | null, unitId: string, t: Target, now: Date, ctx: RequestContext) {
  const user = authorize(actor, 'indicators.rule_edit', { unitId });
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into term_targets (unit_id, key, definition, created_by, created_at) values (${unitId}, ${t.key}, ${JSON.stringify(t)}::jsonb, ${user.id}, ${now.toISOString()})
                         on conflict (unit_id, key) do update set definition = excluded.definition, created_by = excluded.created_by, created_at = excluded.created_at`);
    await audit(tx, { actorId: user.id, action: 'target_save', entityType: 'indicator', entityId: t.key, details: t, ...ctx }, now);
  });
}

/** The term targets as the public page shows them (docs/INDICATORS.md): no names of who entered what. */
export async function publicTargets(db: Database, unitId: string, unitName: string, now: Date) {
  const year = Number(vnDateOf(now).slice(0, 4));
  const items = await termTargets(db, unitId, now);
  return {
    unit: unitName,
    asOf: formatVn(now),
    year,
    items: items.map((i) => ({
      key: i.key,
      vi: i.vi,
      en: i.en,
      unit: i.unit,
      direction: i.direction,
      target: i.target,
      targetYear: i.targetYear,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      source: i.source,
      expectedThisYear: expectedIn(i, year),
      latest: i.latest ? { year: i.latest.year, value: i.latest.value, source: i.latest.source, asOf: i.latest.asOf, computed: i.latest === i.computed } : null,
      state: i.state,
      progressPct: i.progressPct,
    })),
  };
}
