/**
 * The indicators at scale (docs/INDICATORS.md "At scale"): the flows of a period summed from the
 * daily pre-aggregate `indicator_daily`, the stock at its end counted from the dossiers open then
 * (a range index), and the recount that proves the aggregate equals the full computation.
 *
 * Maintenance: triggers queue the (unit, day) pairs a change touches, in the change's own
 * transaction (migration 0029; the outbox's status events to a national portal: 0031); `refreshAggregate` folds the queue before every read, under an
 * advisory lock so that several instances never rebuild the same day at once.
 */
import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { addDays, parseIsoDate, type IsoDate } from '../../domain/calendar/dates.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-time.ts';
import { CLOSED_WITHOUT_RESULT, WAITING_STATUSES } from '../../domain/dossier-clock.ts';
import { emptyTally, periodBounds, tally, type Period, type Tally } from '../../domain/indicators.ts';
import type { FlowRow, StockRow } from '../../domain/indicators-aggregate.ts';
import { addFlow, addStock } from '../../domain/indicators-aggregate.ts';
import { portalSync } from '../interop/interop.sync.ts';
import { loadFacts } from './indicators.repo.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** The advisory lock of the aggregate's refresh (766 and issue 11). */
const REFRESH_LOCK = 766_011;
/** Unit-days above which a fold refreshes the planner's statistics. */
const LARGE_FOLD = 60;

const inList = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const dayStart = (day: SQL) => sql`((${day})::timestamp - interval '7 hours') at time zone 'UTC'`;

/**
 * Recomputes the days the queue holds; returns how many (unit, day) pairs it folded. Cheap when
 * nothing is queued (one indexed probe, no lock).
 */
export async function refreshAggregate(db: Database): Promise<number> {
  if (!(await maybeOne(db.db, sql`select 1 as pending from indicator_dirty limit 1`))) return 0;
  const folded = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const claimed = await rows<RowOf<'indicator_dirty', { unit_id: string }> & Computed<{ day: string }>>(tx, sql`delete from indicator_dirty returning unit_id, day::text as day`);
    if (claimed.length === 0) return 0;
    await rebuildDays(tx, claimed);
    await rebuildMonths(tx, claimed);
    return claimed.length;
  });
  // After a large fold (a first start on old dossiers, a bulk load) the planner needs fresh statistics.
  if (folded > LARGE_FOLD) await db.db.execute(sql`analyze indicator_daily, indicator_monthly`);
  return folded;
}

async function rebuildDays(tx: Executor, pairs: { unit_id: string; day: string }[]) {
  const days = sql`jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) c(unit_id uuid, day date)`;
  await tx.execute(sql`delete from indicator_daily a using ${days} where a.unit_id = c.unit_id and a.day = c.day`);
  const version = sql`join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version`;
  const hasFee = sql`exists (select 1 from jsonb_array_elements(v.definition->'fees') f where coalesce((f->>'amountVnd')::numeric, 1) > 0)`;
  const dims = sql`procedure_code, procedure_version, field, end_to_end, has_fee, channel, assignee_id`;
  const sync = portalSync(sql`d`);
  await tx.execute(sql`
    with f as (
      select c.unit_id, c.day, d.procedure_code, d.procedure_version, v.field, coalesce(v.online_level = 'full', false) as end_to_end, ${hasFee} as has_fee,
             d.channel, d.assignee_id,
             exists (select 1 from dossier_documents dd where dd.dossier_id = d.id and dd.purpose = 'application' and not dd.superseded) as digitised,
             coalesce(s.rounds, 0) as rounds, coalesce(s.late_rounds, 0) as late_rounds,
             ${sync.known} as synced_known, ${sync.synced} as synced
        from ${days}
        join dossiers d on d.receiving_unit_id = c.unit_id and d.received_at >= ${dayStart(sql`c.day`)} and d.received_at < ${dayStart(sql`c.day + 1`)}
        ${version}
        left join lateral (select count(*) filter (where sr.sent_at is not null) as rounds, count(*) filter (where sr.late) as late_rounds
                             from supplement_requests sr where sr.dossier_id = d.id) s on true)
    insert into indicator_daily (unit_id, day, kind, outcome, ${dims}, n, digitised, supp_dossiers, supp_rounds, supp_late, synced_known, synced)
    select unit_id, day, 'received', '', ${dims}, count(*), count(*) filter (where digitised), count(*) filter (where rounds > 0), sum(rounds), sum(late_rounds),
           count(*) filter (where synced_known), count(*) filter (where synced)
      from f group by unit_id, day, ${dims}`);
  await tx.execute(sql`
    with f as (
      select c.unit_id, c.day, d.procedure_code, d.procedure_version, v.field, coalesce(v.online_level = 'full', false) as end_to_end, ${hasFee} as has_fee,
             d.channel, d.assignee_id,
             case when d.status in (${inList(CLOSED_WITHOUT_RESULT)}) then 'closed' else 'settled' end as kind,
             case when d.status in (${inList(CLOSED_WITHOUT_RESULT)}) then ''
                  when d.due_at is null then 'on_time'
                  when d.finished_at > d.due_at then 'late'
                  when vn_day(d.finished_at) < vn_day(d.due_at) then 'early'
                  else 'on_time' end as outcome,
             (d.extension is not null and d.extension <> 'null'::jsonb) as extended,
             exists (select 1 from dossier_documents dd where dd.dossier_id = d.id and dd.purpose = 'application' and not dd.superseded) as digitised,
             e.e_result, e.personal_store, r.score
        from ${days}
        join dossiers d on d.handling_unit_id = c.unit_id and d.finished_at >= ${dayStart(sql`c.day`)} and d.finished_at < ${dayStart(sql`c.day + 1`)}
        ${version}
        left join ratings r on r.dossier_id = d.id
        left join lateral (select count(*) > 0 as e_result, count(*) filter (where i.owner_id = d.applicant_id) > 0 as personal_store
                             from issued_documents i where i.dossier_id = d.id and i.kind = 'result' and i.revoked_at is null) e on true)
    insert into indicator_daily (unit_id, day, kind, outcome, ${dims}, n, extended, e_result, digitised_with_e, personal_store, rating_count, rating_sum, satisfied, disliked)
    select unit_id, day, kind, outcome, ${dims}, count(*), count(*) filter (where extended), count(*) filter (where e_result), count(*) filter (where e_result and digitised),
           count(*) filter (where personal_store), count(score), coalesce(sum(score), 0), count(*) filter (where score >= 4), count(*) filter (where score <= 2)
      from f group by unit_id, day, kind, outcome, ${dims}`);
  // The stock's change on each day, for the handling unit: +1 opened (received), −1 closed (a
  // result or a closure); +1 fell overdue (the day after which it is past its due date and still
  // open: the later of receipt and due date), −1 closed while overdue. A dossier never open (a
  // result before its receipt) has no change at all.
  const open = sql`(d.finished_at is null or d.finished_at >= d.received_at)`;
  const lateFrom = sql`greatest(vn_day(d.received_at), vn_day(d.due_at))`;
  const inDay = (col: SQL) => sql`${col} >= ${dayStart(sql`c.day`)} and ${col} < ${dayStart(sql`c.day + 1`)}`;
  const stockDims = sql`d.procedure_code, d.procedure_version, v.field, coalesce(v.online_level = 'full', false) as end_to_end, ${hasFee} as has_fee, d.channel, d.assignee_id`;
  await tx.execute(sql`
    with e as (
      select c.unit_id, c.day, ${stockDims}, 1 as n, 0 as overdue
        from ${days} join dossiers d on d.handling_unit_id = c.unit_id and ${inDay(sql`d.received_at`)} ${version} where ${open}
      union all
      select c.unit_id, c.day, ${stockDims}, -1, case when d.due_at is not null and vn_day(d.finished_at) > ${lateFrom} then -1 else 0 end
        from ${days} join dossiers d on d.handling_unit_id = c.unit_id and ${inDay(sql`d.finished_at`)} ${version} where d.received_at is not null and d.finished_at >= d.received_at
      union all
      select c.unit_id, c.day, ${stockDims}, 0, 1
        from ${days} join dossiers d on d.handling_unit_id = c.unit_id and ${inDay(sql`d.due_at`)} ${version}
       where d.received_at is not null and vn_day(d.received_at) <= c.day and (d.finished_at is null or vn_day(d.finished_at) > c.day)
      union all
      select c.unit_id, c.day, ${stockDims}, 0, 1
        from ${days} join dossiers d on d.handling_unit_id = c.unit_id and ${inDay(sql`d.received_at`)} ${version}
       where d.due_at is not null and vn_day(d.due_at) < c.day and (d.finished_at is null or vn_day(d.finished_at) > c.day))
    insert into indicator_daily (unit_id, day, kind, outcome, ${dims}, n, overdue)
    select unit_id, day, 'stock', '', ${dims}, sum(n), sum(overdue)
      from e group by unit_id, day, ${dims}
    having sum(n) <> 0 or sum(overdue) <> 0`);
}

const ALL_COLUMNS = sql.raw(`kind, outcome, procedure_code, procedure_version, field, end_to_end, has_fee, channel, assignee_id`);

/** Sums the claimed days' months again from the days. */
async function rebuildMonths(tx: Executor, pairs: { unit_id: string; day: string }[]) {
  const months = [...new Set(pairs.map((p) => `${p.unit_id}|${p.day.slice(0, 7)}-01`))].map((k) => ({ unit_id: k.slice(0, k.indexOf('|')), month: k.slice(k.indexOf('|') + 1) }));
  const claimed = sql`jsonb_to_recordset(${JSON.stringify(months)}::jsonb) c(unit_id uuid, month date)`;
  await tx.execute(sql`delete from indicator_monthly a using ${claimed} where a.unit_id = c.unit_id and a.month = c.month`);
  await tx.execute(sql`
    insert into indicator_monthly (unit_id, month, ${ALL_COLUMNS}, ${sql.raw(COUNTS.join(', '))})
    select a.unit_id, c.month, ${sql.raw(ALL_COLUMNS_A)}, ${sql.raw(COUNTS.map((x) => `sum(a.${x})`).join(', '))}
      from ${claimed} join indicator_daily a on a.unit_id = c.unit_id and a.day >= c.month and a.day < c.month + interval '1 month'
     group by a.unit_id, c.month, ${sql.raw(ALL_COLUMNS_A)}`);
}

/** Queues every day of every dossier and folds the queue: the aggregate from scratch. */
export async function rebuildAggregate(db: Database): Promise<number> {
  await db.db.execute(sql`
    insert into indicator_dirty (unit_id, day)
    select distinct u, dd from dossiers x, lateral (values (x.receiving_unit_id, vn_day(x.received_at)), (x.handling_unit_id, vn_day(x.finished_at)),
                                                           (x.handling_unit_id, vn_day(x.received_at)), (x.handling_unit_id, vn_day(x.due_at))) v(u, dd)
     where dd is not null and x.received_at is not null
    on conflict do nothing`);
  return refreshAggregate(db);
}

export interface AggregateFilters {
  procedure?: string | undefined;
  field?: string | undefined;
  assignee?: string | undefined;
}

function filterSql(f: AggregateFilters, alias: string): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.procedure) parts.push(sql`${a}.procedure_code = ${f.procedure}`);
  if (f.field) parts.push(sql`${a}.field = ${f.field}`);
  if (f.assignee) parts.push(sql`${a}.assignee_id = ${f.assignee}`);
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

interface FlowDbRow {
  bucket: string;
  kind: FlowRow['kind'];
  outcome: FlowRow['outcome'];
  /** Absent by month. */
  procedure_code?: string;
  field?: string;
  end_to_end: boolean;
  has_fee: boolean;
  channel: string;
  assignee_id?: string | null;
  [count: string]: unknown;
}

const ALL_COLUMNS_A = 'a.kind, a.outcome, a.procedure_code, a.procedure_version, a.field, a.end_to_end, a.has_fee, a.channel, a.assignee_id';
const COUNTS = ['n', 'overdue', 'digitised', 'supp_dossiers', 'supp_rounds', 'supp_late', 'synced_known', 'synced', 'extended', 'e_result', 'digitised_with_e', 'personal_store', 'rating_count', 'rating_sum', 'satisfied', 'disliked'] as const;
// A piece read with sign −1 (the days of a month outside the period) is subtracted.
const sums = sql.raw(COUNTS.map((c) => `sum(a.sign * a.${c})::int as ${c}`).join(', '));

const toFlow = (r: FlowDbRow): FlowRow & { bucket: string } => ({
  bucket: r.bucket,
  kind: r.kind,
  outcome: r.outcome,
  procedureCode: r.procedure_code ?? '',
  field: r.field ?? '',
  endToEnd: r.end_to_end,
  hasFee: r.has_fee,
  channel: r.channel,
  assigneeId: r.assignee_id ?? null,
  n: Number(r.n),
  digitised: Number(r.digitised),
  suppDossiers: Number(r.supp_dossiers),
  suppRounds: Number(r.supp_rounds),
  suppLate: Number(r.supp_late),
  syncedKnown: Number(r.synced_known),
  synced: Number(r.synced),
  extended: Number(r.extended),
  eResult: Number(r.e_result),
  digitisedWithE: Number(r.digitised_with_e),
  personalStore: Number(r.personal_store),
  ratingCount: Number(r.rating_count),
  ratingSum: Number(r.rating_sum),
  satisfied: Number(r.satisfied),
  disliked: Number(r.disliked),
});

/** The first day of the month after `d`'s. */
function nextMonthOf(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** What a period's flows are summed from: months of indicator_monthly, and days of indicator_daily added (+1) or subtracted (−1). */
export interface PeriodPieces {
  months: IsoDate[];
  days: { from: IsoDate; to: IsoDate; sign: 1 | -1 }[];
}

/**
 * [from, to] as pieces of the aggregate: each whole month from the monthly table; a part of a month
 * from its own days when it is at most half the month, else as the whole month minus its other days
 * (the counts are sums, so they subtract). A year that starts on the 3rd reads its first month as
 * the month less two days, not 29 days of rows: at a million dossiers a year the daily rows of a
 * partial month were what the report spent its time on (docs/INDICATORS.md "At scale").
 */
export function periodPieces(from: IsoDate, to: IsoDate): PeriodPieces {
  const out: PeriodPieces = { months: [], days: [] };
  const length = (a: IsoDate, b: IsoDate) => parseIsoDate(b) - parseIsoDate(a) + 1;
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = nextMonthOf(m)) {
    const last = addDays(nextMonthOf(m), -1);
    const a = from > m ? from : m;
    const b = to < last ? to : last;
    if (a === m && b === last) out.months.push(m);
    else if (2 * length(a, b) <= length(m, last)) out.days.push({ from: a, to: b, sign: 1 });
    else {
      out.months.push(m);
      if (a > m) out.days.push({ from: m, to: addDays(a, -1), sign: -1 });
      if (b < last) out.days.push({ from: addDays(b, 1), to: last, sign: -1 });
    }
  }
  return out;
}

/**
 * The flow rows of [from, to] (summed from `periodPieces`), by procedure, field, channel and
 * official, or by month ('YYYY-MM' bucket) with no dimension but channel.
 */
export async function flowRows(ex: Executor, unitId: string, from: IsoDate, to: IsoDate, f: AggregateFilters, byMonth: boolean) {
  const pieces = periodPieces(from, to);
  const cols = sql.raw(`a.kind, a.outcome, a.procedure_code, a.procedure_version, a.field, a.end_to_end, a.has_fee, a.channel, a.assignee_id, ${COUNTS.map((c) => `a.${c}`).join(', ')}`);
  const parts: SQL[] = pieces.days.map(
    (d) => sql`select a.day, ${sql.raw(String(d.sign))} as sign, ${cols} from indicator_daily a
                where a.unit_id = ${unitId} and a.kind <> 'stock' and a.day >= ${d.from} and a.day <= ${d.to}${filterSql(f, 'a')}`,
  );
  if (pieces.months.length) {
    parts.push(sql`select a.month as day, 1 as sign, ${cols} from indicator_monthly a
                    where a.unit_id = ${unitId} and a.kind <> 'stock' and a.month in (${inList(pieces.months)})${filterSql(f, 'a')}`);
  }
  if (parts.length === 0) return [];
  const bucket = byMonth ? sql`to_char(a.day, 'YYYY-MM')` : sql`''`;
  const dims = byMonth ? sql`a.end_to_end, a.has_fee, a.channel` : sql`a.procedure_code, a.procedure_version, a.end_to_end, a.has_fee, a.channel, a.assignee_id`;
  const list = await rows<FlowDbRow>(
    ex,
    sql`select ${bucket} as bucket, a.kind, a.outcome, ${dims}${byMonth ? sql`` : sql`, min(a.field) as field`}, ${sums}
          from (${sql.join(parts, sql` union all `)}) a
         group by 1, a.kind, a.outcome, ${dims}
        having sum(a.sign * a.n) <> 0`,
  );
  return list.map(toFlow);
}

const toStock = (r: { procedure_code: string; field: string; channel: string; assignee_id: string | null }, state: StockRow['state'], n: number): StockRow => ({
  state,
  procedureCode: r.procedure_code,
  field: r.field,
  channel: r.channel,
  assigneeId: r.assignee_id,
  n,
});

/**
 * The dossiers the unit handles that are open now, by state and dimension (waiting: the clock is
 * stopped), read from the open dossiers' covering index (dossiers_open_idx): its cost grows with
 * the dossiers open, not with the year's volume.
 */
async function liveStock(ex: Executor, unitId: string, now: Date, f: AggregateFilters): Promise<StockRow[]> {
  const at = now.toISOString();
  const state = sql`case when x.status in (${inList(WAITING_STATUSES)}) then 'waiting' when x.due_at < ${at} then 'overdue' else 'on_time' end`;
  const own = filterSql({ ...f, field: undefined }, 'x');
  const list = await rows<RowOf<'dossiers', { procedure_code: string; channel: string; assignee_id: string | null }> & RowOf<'procedure_versions', { field: string }> & Computed<{ state: StockRow['state']; n: number }>>(
    ex,
    sql`select g.state, g.procedure_code, v.field, g.channel, g.assignee_id, sum(g.n)::int as n
          from (select ${state} as state, x.procedure_code, x.procedure_version, x.channel, x.assignee_id, count(*) as n
                  from dossiers x where x.handling_unit_id = ${unitId} and x.finished_at is null and x.received_at < ${at}${own}
                 group by 1, 2, 3, 4, 5
                union all
                -- A result recorded after this instant (a report asked for a moment in the past).
                select ${state}, x.procedure_code, x.procedure_version, x.channel, x.assignee_id, count(*)
                  from dossiers x where x.handling_unit_id = ${unitId} and x.finished_at >= ${at} and x.received_at < ${at}${own}
                 group by 1, 2, 3, 4, 5) g
          join procedure_versions v on v.procedure_code = g.procedure_code and v.version = g.procedure_version
         where true${f.field ? sql` and v.field = ${f.field}` : sql``}
         group by g.state, g.procedure_code, v.field, g.channel, g.assignee_id`,
  );
  return list.map((r) => toStock(r, r.state, Number(r.n)));
}

/** The stock at the end of day `day` by dimension: the sum of the daily changes up to it. */
async function stockAtDayEnd(ex: Executor, unitId: string, day: IsoDate, f: AggregateFilters): Promise<StockRow[]> {
  const monthStart = `${day.slice(0, 7)}-01`;
  const list = await rows<RowOf<'indicator_daily', { procedure_code: string; field: string; channel: string; assignee_id: string | null }> & Computed<{ n: number; overdue: number }>>(
    ex,
    sql`select a.procedure_code, min(a.field) as field, a.channel, a.assignee_id, sum(a.n)::int as n, sum(a.overdue)::int as overdue
          from (select procedure_code, field, channel, assignee_id, n, overdue from indicator_monthly a
                 where a.unit_id = ${unitId} and a.kind = 'stock' and a.month < ${monthStart}${filterSql(f, 'a')}
                union all
                select procedure_code, field, channel, assignee_id, n, overdue from indicator_daily a
                 where a.unit_id = ${unitId} and a.kind = 'stock' and a.day >= ${monthStart} and a.day <= ${day}${filterSql(f, 'a')}) a
         group by a.procedure_code, a.channel, a.assignee_id`,
  );
  return list.flatMap((r) => [toStock(r, 'overdue', Number(r.overdue)), toStock(r, 'on_time', Number(r.n) - Number(r.overdue))]).filter((x) => x.n !== 0);
}

/** The stock's totals at the end of every month up to `lastMonth` ('YYYY-MM'), by month. */
async function stockByMonthEnd(ex: Executor, unitId: string, lastMonth: string, f: AggregateFilters): Promise<Map<string, { n: number; overdue: number }>> {
  const list = await rows<RowOf<'indicator_monthly', { month: string }> & Computed<{ n: number; overdue: number }>>(
    ex,
    sql`select to_char(a.month, 'YYYY-MM') as month, sum(a.n)::int as n, sum(a.overdue)::int as overdue
          from indicator_monthly a
         where a.unit_id = ${unitId} and a.kind = 'stock' and a.month <= ${`${lastMonth}-01`}${filterSql(f, 'a')}
         group by 1 order by 1`,
  );
  const out = new Map<string, { n: number; overdue: number }>();
  let n = 0;
  let overdue = 0;
  for (const r of list) {
    n += Number(r.n);
    overdue += Number(r.overdue);
    out.set(r.month, { n, overdue });
  }
  return out;
}

/**
 * The stock (in progress: on time, overdue, waiting) at the end of the period by dimension, and at
 * the end of each month before it (totals): counted from the open dossiers when the period reaches
 * now, else summed from the daily changes.
 */
export async function stocks(ex: Executor, unitId: string, period: Period, fullMonths: Period[], f: AggregateFilters, now: Date) {
  const asOf = asOfOf(period, now);
  const last = fullMonths.length ? fullMonths[fullMonths.length - 1]!.from.slice(0, 7) : null;
  const [atEnd, byMonth] = await Promise.all([
    asOf.live ? liveStock(ex, unitId, now, f) : stockAtDayEnd(ex, unitId, period.to, f),
    last ? stockByMonthEnd(ex, unitId, last, f) : Promise.resolve(new Map<string, { n: number; overdue: number }>()),
  ]);
  const months = new Map<string, StockRow[]>();
  for (const p of fullMonths) {
    const key = p.from.slice(0, 7);
    // A month with no change of its own carries the stock of the month before.
    let c: { n: number; overdue: number } | undefined;
    for (const [m, v] of byMonth) if (m <= key) c = v;
    const none = { procedure_code: '', field: '', channel: '', assignee_id: null };
    months.set(p.from, c ? [toStock(none, 'overdue', c.overdue), toStock(none, 'on_time', c.n - c.overdue)] : []);
  }
  return { atEnd, months };
}

/** The instant a period's stock is counted at: its end, or now if sooner. */
export function asOfOf(p: Period, now: Date): { at: Date; live: boolean } {
  const { end } = periodBounds(p);
  return now < end ? { at: now, live: true } : { at: end, live: false };
}

/** The tally of one period from the aggregate (refresh first). */
export async function aggregateTally(db: Database, unitId: string, period: Period, f: AggregateFilters, now: Date): Promise<Tally> {
  await refreshAggregate(db);
  const [flows, stock] = await Promise.all([flowRows(db.db, unitId, period.from, period.to, f, true), stocks(db.db, unitId, period, [], f, now)]);
  const t = emptyTally();
  for (const r of flows) addFlow(t, r);
  for (const r of stock.atEnd) addStock(t, r);
  return t;
}

/** Where two tallies differ, as "path: a ≠ b". */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return a === b ? [] : [`${path}: ${String(a)} ≠ ${String(b)}`];
}

/**
 * The recount check: the period's tally from the aggregate and from every dossier (the full
 * computation the aggregate stands in for), and where they differ.
 */
export async function recount(db: Database, unitId: string, period: Period, cal: WorkingCalendar, now: Date) {
  const aggregate = await aggregateTally(db, unitId, period, {}, now);
  const { start, end } = periodBounds(period);
  const facts = await loadFacts(db.db, unitId, start, end);
  const full = tally(facts, { unitId, period, cal, now });
  // The stock at the end of every whole month of the period (the leaders' trend), summed by month.
  const months: Period[] = [];
  for (let m = `${period.from.slice(0, 7)}-01`; addDays(nextMonthOf(m), -1) < period.to; m = nextMonthOf(m)) if (m >= period.from) months.push({ from: m, to: addDays(nextMonthOf(m), -1) });
  const byMonth = (await stocks(db.db, unitId, period, months, {}, now)).months;
  const monthly = months.flatMap((p) => {
    const a = emptyTally();
    for (const r of byMonth.get(p.from) ?? []) addStock(a, r);
    const f = tally(facts, { unitId, period: p, cal, now });
    return differences({ overdue: a.inProgress.overdue, open: a.inProgress.total }, { overdue: f.inProgress.overdue, open: f.inProgress.total }, `end of ${p.to}`);
  });
  return { period, aggregate, recount: full, differences: [...differences(aggregate, full), ...monthly] };
}

export interface LateRow {
  code: string;
  procedure_name: string;
  due_at: string;
  finished_at: string | null;
  extension: { dueAt: string; apologyOnTime: boolean; reason?: string } | null;
}

const lateOf = (r: LateRow) => ({ code: r.code, procedureName: r.procedure_name, dueAt: toDate(r.due_at)!, finishedAt: toDate(r.finished_at), extension: r.extension });
const byDue = (a: ReturnType<typeof lateOf>, b: ReturnType<typeof lateOf>) => a.dueAt.getTime() - b.dueAt.getTime() || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** What is shown of the dossiers `keys` selects (its `id` and `finished_at`): code, procedure's name, times, extension. */
const shown = (keys: SQL) =>
  sql`select d.code, v.definition->>'name' as procedure_name, d.due_at::text as due_at, k.finished_at::text as finished_at, d.extension
        from (${keys}) k join dossiers d on d.id = k.id
        join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version`;

/**
 * The dossiers the unit handles that were settled late in the period, or are overdue at its end
 * (not waiting for the applicant), by due time: all of them (the report to the province).
 */
export async function lateDossiers(ex: Executor, unitId: string, period: Period, asOf: { at: Date; live: boolean }) {
  const list = await rows<LateRow>(ex, shown(lateKeys(unitId, period, asOf)));
  return list.map(lateOf).sort(byDue);
}

/**
 * One page of the same list and how many there are: a year of a large unit has tens of thousands,
 * which the public page shows page by page. The database picks the page from the keys alone (an
 * index holds the settled ones: dossiers_late_finished_idx); only the page's rows are read whole.
 * The settled ones are counted by the caller from the pre-aggregate (`settledLate`: the tally's
 * settled late, the fold's outcome `late` — the same dossiers: handled here, settled in the period
 * after their due time, with a result), so only the open ones are counted here (a few hundred).
 */
export async function lateDossiersPage(
  ex: Executor,
  unitId: string,
  period: Period,
  asOf: { at: Date; live: boolean },
  page: { offset: number; limit: number },
  settledLate: Promise<number>,
) {
  // The page's rows are among the first offset + limit settled ones in the list's order, read from
  // their index in that order (`dossiers_late_due_idx`: an index-only scan that stops there), and
  // the open ones (a few hundred). `offset 0` keeps the open ones a separate query, read from their
  // own index: asked for them in due order, PostgreSQL walked the unit's every dossier by due time
  // (14 s at a million), misjudging how few are open.
  const settledFirst = sql`(select k.id, k.code, k.due_at, k.finished_at from (${settledLateKeys(unitId, period, asOf)}) k order by k.due_at, k.code collate "C" limit ${page.offset + page.limit})`;
  const open = sql`(select k.id, k.code, k.due_at, k.finished_at from (${openLateKeys(unitId, asOf)}) k offset 0)`;
  const [list, openCount, settled] = await Promise.all([
    rows<LateRow>(ex, shown(sql`select l.id, l.finished_at from (${settledFirst} union all ${open}) l order by l.due_at, l.code collate "C" limit ${page.limit} offset ${page.offset}`)),
    rows<Computed<{ n: string }>>(ex, sql`select count(*) as n from (${openLateKeys(unitId, asOf)}) l`),
    settledLate,
  ]);
  return { items: list.map(lateOf).sort(byDue), total: settled + Number(openCount[0]!.n) };
}

/** The late dossiers' keys: id, code, due time, and the settling time when settled in the period (null when still open). */
function lateKeys(unitId: string, period: Period, asOf: { at: Date; live: boolean }): SQL {
  return sql`${settledLateKeys(unitId, period, asOf)}
        union all
        ${openLateKeys(unitId, asOf)}`;
}

/** The dossiers the unit handles that were settled in the period, with a result, after their due time. */
function settledLateKeys(unitId: string, period: Period, asOf: { at: Date; live: boolean }): SQL {
  const { start } = periodBounds(period);
  return sql`select d.id, d.code, d.due_at, d.finished_at
          from dossiers d
         where d.handling_unit_id = ${unitId} and d.finished_at >= ${start.toISOString()} and d.finished_at < ${asOf.at.toISOString()}
           and d.status not in (${inList(CLOSED_WITHOUT_RESULT)}) and d.finished_at > d.due_at`;
}

/** The dossiers the unit handles that are open and past their due time at `asOf` (not waiting for the applicant, when live). */
function openLateKeys(unitId: string, asOf: { at: Date; live: boolean }): SQL {
  const at = asOf.at.toISOString();
  return sql`select d.id, d.code, d.due_at, null::timestamptz as finished_at
          from dossiers d
         where d.handling_unit_id = ${unitId} and ${openAt(at, asOf.live)}
           and d.due_at < ${at}${asOf.live ? sql` and d.status not in (${inList(WAITING_STATUSES)})` : sql``}`;
}

/**
 * `open_span(d.received_at, d.finished_at) @> at` (received before `at`, not settled before it),
 * said so that each case reads the index made for it. Live (`at` is now), the dossiers still open
 * are an index-only scan of the open ones (`dossiers_open_idx`, a few hundred entries per unit),
 * and those settled after `at` (none, unless a clock moved) a range of `dossiers_handling_finished_idx`;
 * the GiST of the spans had to visit every dossier open now, across units (measured at 1,000,000
 * dossiers: 1.8 s against 20 ms; docs/INDICATORS.md "At scale"). For a past instant the open
 * dossiers then include many settled since, which the GiST finds without reading them all.
 */
function openAt(at: string, live: boolean): SQL {
  return live
    ? sql`d.received_at < ${at} and (d.finished_at is null or d.finished_at >= ${at})`
    : sql`open_span(d.received_at, d.finished_at) @> ${at}::timestamptz and d.received_at is not null`;
}
