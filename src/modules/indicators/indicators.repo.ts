import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import type { Status } from '../../domain/dossier-state.ts';
import type { DossierFact, CatalogueFacts } from '../../domain/indicators.ts';
import type { IndexRule, IndexRuleVersion } from '../../domain/indicators-rules.ts';
import type { ManualInput } from '../../domain/indicators-score.ts';
import { portalSync } from '../interop/interop.sync.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface FactRow {
  code: string;
  procedure_code: string;
  procedure_name: string;
  field: string;
  end_to_end: boolean;
  channel: string;
  receiving_unit_id: string;
  handling_unit_id: string;
  department_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  status: Status;
  received_at: string | null;
  due_at: string | null;
  finished_at: string | null;
  extension: { dueAt: string; apologyOnTime: boolean } | null;
  rounds: number;
  late_rounds: number;
  digitised: boolean;
  e_result: boolean;
  personal_store: boolean;
  has_fee: boolean;
  synced_known: boolean;
  synced: boolean;
  rating: number | null;
}

/**
 * One fact per dossier of `unitId` (received or handled there) that was open at some time in
 * [start, end): received before `end`, not finished before `start`.
 */
export async function loadFacts(ex: Executor, unitId: string, start: Date, end: Date): Promise<DossierFact[]> {
  const sync = portalSync(sql`d`);
  const list = await rows<FactRow>(
    ex,
    sql`select d.code, d.procedure_code, v.definition->>'name' as procedure_name, v.field, coalesce(v.online_level = 'full', false) as end_to_end,
               d.channel, d.receiving_unit_id, d.handling_unit_id, d.department_id, d.assignee_id, a.full_name as assignee_name,
               d.status, d.received_at::text as received_at, d.due_at::text as due_at, d.finished_at::text as finished_at, d.extension,
               coalesce(s.rounds, 0)::int as rounds, coalesce(s.late_rounds, 0)::int as late_rounds,
               exists (select 1 from dossier_documents dd where dd.dossier_id = d.id and dd.purpose = 'application' and not dd.superseded) as digitised,
               exists (select 1 from issued_documents i where i.dossier_id = d.id and i.kind = 'result' and i.revoked_at is null) as e_result,
               exists (select 1 from issued_documents i where i.dossier_id = d.id and i.kind = 'result' and i.revoked_at is null and i.owner_id = d.applicant_id) as personal_store,
               exists (select 1 from jsonb_array_elements(v.definition->'fees') f where coalesce((f->>'amountVnd')::numeric, 1) > 0) as has_fee,
               ${sync.known} as synced_known, ${sync.synced} as synced,
               r.score as rating
          from dossiers d
          join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version
          left join users a on a.id = d.assignee_id
          left join ratings r on r.dossier_id = d.id
          left join lateral (select count(*) filter (where sr.sent_at is not null) as rounds, count(*) filter (where sr.late) as late_rounds
                               from supplement_requests sr where sr.dossier_id = d.id) s on true
         where (d.receiving_unit_id = ${unitId} or d.handling_unit_id = ${unitId})
           and d.received_at < ${end.toISOString()}
           and (d.finished_at is null or d.finished_at >= ${start.toISOString()})`,
  );
  return list.map((r) => ({
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    field: r.field,
    endToEndEligible: r.end_to_end,
    channel: r.channel,
    receivingUnitId: r.receiving_unit_id,
    handlingUnitId: r.handling_unit_id,
    departmentId: r.department_id,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    receivedAt: toDate(r.received_at),
    dueAt: toDate(r.due_at),
    finishedAt: toDate(r.finished_at),
    extension: r.extension,
    supplementRounds: r.rounds,
    supplementLate: r.late_rounds,
    digitised: r.digitised,
    electronicResult: r.e_result,
    inPersonalStore: r.personal_store,
    // Not known when no national portal follows it (then an official enters the rate).
    synced: r.synced_known ? r.synced : null,
    hasFee: r.has_fee,
    // The platform records a payment, not its channel: an official enters the rate.
    paidOnline: null,
    rating: r.rating,
  }));
}

/** The catalogue's active procedures and those offered online (end-to-end or partly). */
export async function catalogueFacts(ex: Executor): Promise<CatalogueFacts> {
  const r = await maybeOne<Computed<{ procedures: number; online: number }>>(
    ex,
    sql`select count(*)::int as procedures, count(*) filter (where v.online_level in ('full', 'partial'))::int as online
          from procedures p join procedure_versions v on v.procedure_code = p.code and v.version = p.current_version
         where p.active`,
  );
  return r ?? { procedures: 0, online: 0 };
}

export async function ruleVersions(ex: Executor): Promise<(IndexRuleVersion & { createdBy: string | null; createdAt: string })[]> {
  const list = await rows<RowOf<'indicator_rules', { version: number; rule: IndexRule; basis: string }> & Computed<{ effective_from: string; created_by: string | null; created_at: string }>>(
    ex,
    sql`select r.version, r.effective_from::text as effective_from, r.rule, r.basis, u.full_name as created_by, r.created_at::text as created_at
          from indicator_rules r left join users u on u.id = r.created_by order by r.version`,
  );
  return list.map((r) => ({ version: r.version, effectiveFrom: r.effective_from, rule: r.rule, basis: r.basis, createdBy: r.created_by, createdAt: r.created_at }));
}

export async function insertRule(tx: Executor, input: { effectiveFrom: IsoDate; rule: IndexRule; basis: string }, userId: string, now: Date): Promise<number> {
  const r = await rows<RowOf<'indicator_rules', { version: number }>>(
    tx,
    sql`insert into indicator_rules (effective_from, rule, basis, created_by, created_at)
        values (${input.effectiveFrom}, ${JSON.stringify(input.rule)}::jsonb, ${input.basis}, ${userId}, ${now.toISOString()}) returning version`,
  );
  return r[0]!.version;
}

/** For each item, the latest entry whose span contains `day`. */
type DatedInput = ManualInput & { periodFrom: IsoDate; periodTo: IsoDate };

/**
 * Every manual input whose period meets `span`, the last entered first for each item (the order
 * `inputsOn` picks by): one query for a report and its trend's 12 month-ends.
 */
export async function manualInputsIn(ex: Executor, unitId: string, span: { from: IsoDate; to: IsoDate }): Promise<DatedInput[]> {
  const list = await rows<RowOf<'indicator_inputs', { item_key: string; source: string }> & Computed<{ rate: string; entered_by: string | null; entered_at: string; period_from: IsoDate; period_to: IsoDate }>>(
    ex,
    sql`select i.item_key, i.rate::text as rate, i.source, u.full_name as entered_by, i.entered_at::text as entered_at,
               i.period_from::text as period_from, i.period_to::text as period_to
          from indicator_inputs i left join users u on u.id = i.entered_by
         where i.unit_id = ${unitId} and i.period_from <= ${span.to} and i.period_to >= ${span.from}
         order by i.item_key, i.entered_at desc, i.id`,
  );
  return list.map((r) => ({ itemKey: r.item_key, rate: Number(r.rate), source: r.source, enteredBy: r.entered_by, enteredAt: r.entered_at, periodFrom: r.period_from, periodTo: r.period_to }));
}

/** Of `list` (in manualInputsIn's order), each item's first input whose period holds `day`. */
export function inputsOn(list: readonly DatedInput[], day: IsoDate): ManualInput[] {
  const seen = new Set<string>();
  const out: ManualInput[] = [];
  for (const { periodFrom, periodTo, ...input } of list) {
    if (periodFrom > day || periodTo < day || seen.has(input.itemKey)) continue;
    seen.add(input.itemKey);
    out.push(input);
  }
  return out;
}

export async function insertInput(
  tx: Executor,
  input: { id: string; unitId: string; itemKey: string; periodFrom: IsoDate; periodTo: IsoDate; rate: number; source: string },
  userId: string,
  now: Date,
) {
  await tx.execute(
    sql`insert into indicator_inputs (id, unit_id, item_key, period_from, period_to, rate, source, entered_by, entered_at)
        values (${input.id}, ${input.unitId}, ${input.itemKey}, ${input.periodFrom}, ${input.periodTo}, ${input.rate}, ${input.source}, ${userId}, ${now.toISOString()})`,
  );
}

/** The names a breakdown shows: procedures (current version) and officials. */
export async function labels(ex: Executor, unitId: string) {
  const [procedures, officials] = await Promise.all([
    rows<RowOf<'procedures', { code: string }> & Computed<{ name: string }>>(ex, sql`select p.code, v.definition->>'name' as name from procedures p join procedure_versions v on v.procedure_code = p.code and v.version = p.current_version`),
    rows<RowOf<'users', { id: string; full_name: string }>>(ex, sql`select id, full_name from users where kind = 'staff' order by unit_id = ${unitId} desc`),
  ]);
  return { procedures: new Map(procedures.map((p) => [p.code, p.name])), officials: new Map(officials.map((o) => [o.id, o.full_name])) };
}
