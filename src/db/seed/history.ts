/**
 * A history of dossiers for the demo and for benchmarks (docs/INDICATORS.md "Demo history"): a
 * year of realistic dossiers across the catalogue's procedures, channels, officials and outcomes —
 * early, on time, late (some extended with an apology), overdue, waiting for a supplement, refused,
 * rated — written straight as rows (the projection and its event log, in batches), since walking a
 * million dossiers through the API would take days. When the unit has a national portal connected,
 * some online dossiers came from it (their status events to it written in the outbox, nearly all
 * acknowledged). Deterministic for a given seed and `now`.
 * Only days before today are used, and the per-day code counters are moved past what it wrote.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Database, type Executor } from '../client.ts';
import { addDays, createWorkingCalendar, formatVn, parseLocalVn, prefillYear, vnDateOf, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { dueFrom } from '../../domain/dossier-clock.ts';
import { formatDossierCode } from '../../domain/dossier-code.ts';
import type { Status } from '../../domain/dossier-state.ts';
import { statusEvent } from '../../domain/interop.ts';
import type { TimeLimit } from '../../domain/procedure.ts';
import { searchKey } from '../../domain/text.ts';
import type { Computed, RowOf } from '../rows.ts';

/** A small fast deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Procedure {
  code: string;
  version: number;
  name: string;
  limit: TimeLimit;
}

interface Plan {
  id: string;
  code: string;
  p: Procedure;
  channel: 'online' | 'in_person' | 'post';
  assignee: string;
  status: Status;
  submittedAt: Date;
  receivedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  returnedAt: Date | null;
  outcome: string | null;
  extension: { dueAt: string; at: string; reason: string; apologyOnTime: boolean } | null;
  supplement: { sentAt: Date; late: boolean; answeredAt: Date | null } | null;
  rating: number | null;
  /** Came from the national portal: its code there, and whether the portal acknowledged every status event. */
  portal: { externalCode: string; acknowledged: boolean } | null;
}

export interface Portal {
  id: string;
  code: string;
}

export interface HistoryOptions {
  dossiers: number;
  /** The history ends the day before this instant and starts `days` before it. */
  now: Date;
  days?: number;
  seed?: number;
  /** Progress for the bulk generator's log. */
  onBatch?: (written: number) => void;
}

const BATCH = 500;

/**
 * Writes `dossiers` dossiers of the deployment's unit `unitCode` over the year before `now`, in
 * transactions of 500 (a bulk load).
 * @returns how many were written (0 when the unit, its officials or the catalogue are missing).
 */
export function seedHistory(database: Database, unitCode: string, opts: HistoryOptions): Promise<number> {
  return writeHistory(database.db, (fn) => database.transaction(fn), unitCode, opts);
}

/** `seedHistory` inside the caller's transaction (the demo seed of a first start: all or nothing). */
export function seedHistoryIn(tx: Executor, unitCode: string, opts: HistoryOptions): Promise<number> {
  return writeHistory(tx, (fn) => fn(tx), unitCode, opts);
}

/**
 * The people the history's dossiers belong to: residents recorded at the desk (walk-ins: a user
 * row without an account to sign in with), never the demo's own sign-in accounts, whose
 * "Hồ sơ của tôi" would otherwise fill with hundreds of past dossiers. Made once, idempotent.
 */
const HISTORY_RESIDENTS: readonly [string, 'male' | 'female', number][] = [
  ['Nguyễn Văn Hùng', 'male', 1968], ['Trần Thị Lan', 'female', 1975], ['Lê Văn Dũng', 'male', 1982], ['Phạm Thị Hoa', 'female', 1990],
  ['Hoàng Văn Nam', 'male', 1958], ['Vũ Thị Mai', 'female', 1987], ['Đỗ Văn Long', 'male', 1979], ['Bùi Thị Hương', 'female', 1995],
  ['Đặng Văn Tuấn', 'male', 1971], ['Ngô Thị Thu', 'female', 1963], ['Dương Văn Khánh', 'male', 2001], ['Lý Thị Ngọc', 'female', 1998],
  ['Phan Văn Thành', 'male', 1985], ['Hà Thị Yến', 'female', 1969], ['Trịnh Văn Quang', 'male', 1993], ['Đinh Thị Hạnh', 'female', 1980],
  ['Cao Văn Minh', 'male', 1966], ['Lương Thị Thảo', 'female', 2003], ['Tạ Văn Sơn', 'male', 1977], ['Kiều Thị Nga', 'female', 1984],
];

async function historyApplicants(ex: Executor) {
  const values = HISTORY_RESIDENTS.map(([name, gender, year], i) => {
    // A Phú Thọ CCCD (025) whose 4th to 6th digits agree with the gender and year of birth.
    const cccd = `025${(Math.floor((year - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0)).toString()}${String(year % 100).padStart(2, '0')}9${String(i + 1).padStart(5, '0')}`;
    return sql`(${randomUUID()}, 'citizen', ${cccd}, ${name}, ${searchKey(name)}, ${cccd}, ${year}, ${gender}, ${`09${String(12_000_000 + i * 7919).padStart(8, '0')}`})`;
  });
  await ex.execute(sql`insert into users (id, kind, login, full_name, name_search, cccd, birth_year, gender, phone)
    values ${sql.join(values, sql`, `)} on conflict do nothing`);
  // kind: 'citizen' here (the query's where).
  return rows<RowOf<'users', { id: string; full_name: string; login: string; phone: string | null }> & Computed<{ kind: 'citizen' | 'business' }>>(
    ex,
    sql`select id, full_name, login, phone, kind from users where kind = 'citizen' and password_hash is null and cccd like '025___9_____' order by login limit ${HISTORY_RESIDENTS.length}`,
  );
}

async function writeHistory(ex: Executor, batch: (fn: (tx: Executor) => Promise<void>) => Promise<void>, unitCode: string, opts: HistoryOptions): Promise<number> {
  const [unit] = await rows<RowOf<'units', { id: string }>>(ex, sql`select id from units where code = ${unitCode}`);
  if (!unit) return 0;
  const officials = await rows<RowOf<'users', { id: string }>>(ex, sql`select id from users where unit_id = ${unit.id} and 'specialist' = any(roles) and not disabled order by login`);
  const [desk] = await rows<RowOf<'users', { id: string }>>(ex, sql`select id from users where unit_id = ${unit.id} and 'reception' = any(roles) order by login limit 1`);
  const applicants = await historyApplicants(ex);
  const procedures = (
    await rows<RowOf<'procedures', { code: string }> & RowOf<'procedure_versions', { version: number }> & Computed<{ name: string; time_limit: TimeLimit }>>(
      ex,
      sql`select p.code, v.version, v.definition->>'name' as name, v.definition->'timeLimit' as time_limit
            from procedures p join procedure_versions v on v.procedure_code = p.code and v.version = p.current_version where p.active order by p.code`,
    )
  ).map((r) => ({ code: r.code, version: r.version, name: r.name, limit: r.time_limit }));
  if (!officials.length || !desk || !applicants.length || !procedures.length) return 0;
  const [portal] = await rows<Portal>(ex, sql`select id, code from interop_systems where unit_id = ${unit.id} and kind = 'national_portal' and active order by code limit 1`);

  const cal = createWorkingCalendar({ yearProvider: (y) => prefillYear(y) });
  const rnd = random(opts.seed ?? 766);
  // Its own sequence, so that the rest of the history is the same with or without a portal.
  const portalRnd = random((opts.seed ?? 766) ^ 0x10a7a1);
  const days = opts.days ?? 365;
  const today = vnDateOf(opts.now);
  const counters = new Map<string, number>();
  // A few procedures carry most of the load, as at a real desk (certified copies, residence, civil status).
  const weights = procedures.map((_, i) => 1 / (1 + i * 0.35));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = rnd() * totalWeight;
    for (let i = 0; i < procedures.length; i++) if ((r -= weights[i]!) <= 0) return procedures[i]!;
    return procedures[procedures.length - 1]!;
  };

  let written = 0;
  while (written < opts.dossiers) {
    const plans: Plan[] = [];
    while (plans.length < Math.min(BATCH, opts.dossiers - written)) {
      const p = plan(rnd, cal, opts.now, today, days, pick(), officials, counters, unitCode);
      // About one online dossier in five came from the portal; one in twenty of those still has an event it has not acknowledged.
      // Its code there is made from ours, so it is unique however many are written (random ones met at 1M).
      if (portal && p.channel === 'online' && portalRnd() < 0.2) p.portal = { externalCode: `G22.99-${p.code}`, acknowledged: portalRnd() >= 0.05 };
      // A dossier filed late on the last day may be received on the next opening, after `now`: not history.
      if (p.receivedAt < opts.now) plans.push(p);
    }
    await batch(async (tx) => {
      await insertBatch(tx, plans, { id: unit.id, code: unitCode }, desk.id, applicants, portal ?? null);
    });
    written += plans.length;
    opts.onBatch?.(written);
  }
  await batch(async (tx) => {
    await insertJson(
      tx,
      'dossier_counters',
      [...counters].map(([day, last]) => ({ unit_id: unit.id, day, last })),
      sql`on conflict (unit_id, day) do update set last = greatest(dossier_counters.last, excluded.last)`,
    );
  });
  return written;
}

function plan(
  rnd: () => number,
  cal: WorkingCalendar,
  now: Date,
  today: string,
  days: number,
  p: Procedure,
  officials: { id: string }[],
  counters: Map<string, number>,
  unitCode: string,
): Plan {
  // A working day in the window, weighted to recent months (the ward's volume grew after the merger).
  let day = addDays(today, -1 - Math.floor(Math.pow(rnd(), 1.3) * days));
  while (!cal.isWorkingDay(day)) day = addDays(day, -1);
  const age = (parseLocalVn(today).getTime() - parseLocalVn(day).getTime()) / (days * 86_400_000); // 0 recent … 1 a year ago
  const submittedAt = new Date(parseLocalVn(day, '07:30').getTime() + Math.floor(rnd() * 8.5 * 3_600_000));
  const receivedAt = cal.nextOpening(new Date(submittedAt.getTime() + Math.floor(rnd() * 2 * 3_600_000)));
  const dueAt = dueFrom(p.limit, cal, receivedAt) ?? cal.computeDue(receivedAt, 5, 'working_days');
  // Online filing grows over the year: about 45 % a year ago, about 80 % now.
  const online = rnd() < 0.8 - 0.35 * age;
  const channel = online ? 'online' : rnd() < 0.9 ? 'in_person' : 'post';
  const seq = (counters.get(day) ?? 0) + 1;
  counters.set(day, seq);
  const base = { id: randomUUID(), code: formatDossierCode(unitCode, submittedAt, seq), p, channel, assignee: officials[Math.floor(rnd() * officials.length)]!.id, submittedAt, receivedAt, dueAt } as const;
  const none = { finishedAt: null, returnedAt: null, outcome: null, extension: null, supplement: null, rating: null, portal: null };
  const workMs = Math.max(cal.workingMsBetween(receivedAt, dueAt), 3_600_000);
  const at = (share: number) => cal.addWorkingHours(receivedAt, (workMs * share) / 3_600_000);
  const roll = rnd();
  // Closed without a result only once that has happened (never after `now`).
  if (roll < 0.03 && at(0.05) <= now) return { ...base, ...none, status: 'refused', finishedAt: at(0.05), outcome: 'refused' };
  if (roll >= 0.03 && roll < 0.05 && at(0.3) <= now) return { ...base, ...none, status: 'withdrawn', finishedAt: at(0.3), outcome: 'withdrawn' };
  // Lateness falls over the year too (the campaign on the 766 index).
  const lateShare = 0.04 + 0.1 * age;
  const r = rnd();
  const finished = r < 0.55 ? at(0.2 + rnd() * 0.5) : r < 1 - lateShare ? at(0.75 + rnd() * 0.25) : new Date(dueAt.getTime() + (1 + rnd() * 72) * 3_600_000);
  const late = finished > dueAt;
  const extension =
    late && rnd() < 0.6
      ? (() => {
          const asked = new Date(dueAt.getTime() - (rnd() < 0.8 ? 30 : 2) * 3_600_000);
          return { dueAt: cal.addWorkingHours(dueAt, 24).toISOString(), at: asked.toISOString(), reason: 'Cần xác minh thêm, xin lỗi ông/bà vì sự chậm trễ', apologyOnTime: vnDateOf(asked) < vnDateOf(dueAt) };
        })()
      : null;
  const supplement = rnd() < 0.1 ? { sentAt: cal.addWorkingHours(receivedAt, rnd() < 0.85 ? 8 : 32), late: false, answeredAt: null as Date | null } : null;
  if (supplement) supplement.late = cal.workingMsBetween(receivedAt, supplement.sentAt) > 24 * 3_600_000;
  if (finished > now) {
    // Still open: in review, or (a few) waiting for the applicant's supplement.
    if (supplement && rnd() < 0.5 && supplement.sentAt < now) return { ...base, ...none, status: 'supplement_requested', supplement };
    return { ...base, ...none, status: 'in_review', extension: extension && new Date(extension.at) < now ? extension : null, supplement: supplement && supplement.sentAt < now ? { ...supplement, answeredAt: now } : null };
  }
  if (supplement) supplement.answeredAt = new Date(supplement.sentAt.getTime() + 86_400_000);
  const returnedAt = new Date(finished.getTime() + (1 + rnd() * 48) * 3_600_000);
  const returned = returnedAt < now;
  const rating = returned && online && rnd() < 0.35 ? (late ? [2, 3, 3, 4, 5] : [3, 4, 4, 5, 5, 5, 5])[Math.floor(rnd() * (late ? 5 : 7))]! : null;
  return { ...base, status: returned ? 'returned' : 'result_ready', finishedAt: finished, returnedAt: returned ? returnedAt : null, outcome: 'granted', extension, supplement, rating, portal: null };
}

/**
 * Inserts `records` into `table`, their keys its columns, as one statement with one parameter: the
 * rows as a JSON array read by `json_populate_recordset` (a bulk load's rows would otherwise be
 * thousands of bound parameters that the driver sends and PostgreSQL parses one by one).
 */
async function insertJson(tx: Executor, table: string, records: Record<string, unknown>[], onConflict: SQL = sql``) {
  if (!records.length) return;
  const columns = sql.raw(Object.keys(records[0]!).join(', '));
  await tx.execute(sql`insert into ${sql.raw(table)} (${columns})
    select ${columns} from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(records)}::json) ${onConflict}`);
}

async function insertBatch(
  tx: Executor,
  plans: Plan[],
  unit: { id: string; code: string },
  deskId: string,
  applicants: { id: string; full_name: string; login: string; phone: string | null; kind: 'citizen' | 'business' }[],
  portal: Portal | null,
) {
  const unitId = unit.id;
  const dossiers: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const intake: Record<string, unknown>[] = [];
  const messages: Record<string, unknown>[] = [];
  const supplements: Record<string, unknown>[] = [];
  const ratings: Record<string, unknown>[] = [];
  plans.forEach((d, i) => {
    const a = applicants[i % applicants.length]!;
    const applicant = { kind: a.kind, fullName: a.full_name, idNumber: a.login, phone: a.phone, email: null, address: null };
    // Dates go as ISO strings (JSON.stringify), read back as timestamptz.
    dossiers.push({
      id: d.id,
      code: d.code,
      procedure_code: d.p.code,
      procedure_version: d.p.version,
      receiving_unit_id: unitId,
      handling_unit_id: unitId,
      assignee_id: d.assignee,
      applicant_id: a.id,
      applicant,
      applicant_search: searchKey(`${a.full_name} ${a.login} ${a.phone ?? ''}`),
      procedure_search: searchKey(d.p.name),
      channel: d.channel,
      status: d.status,
      form_data: {},
      submitted_at: d.submittedAt,
      received_at: d.receivedAt,
      clock_started_at: d.receivedAt,
      due_at: d.dueAt,
      extended: d.extension !== null,
      extension: d.extension,
      paused_at: d.status === 'supplement_requested' ? d.supplement!.sentAt : null,
      finished_at: d.finishedAt,
      returned_at: d.returnedAt,
      outcome: d.outcome,
      supplement_rounds: d.supplement ? 1 : 0,
      submitted_by: d.channel === 'online' ? a.id : deskId,
      result_delivery: d.channel === 'online' ? 'electronic' : 'desk',
      updated_at: d.finishedAt ?? d.receivedAt,
      origin_system_id: d.portal ? portal!.id : null,
      external_code: d.portal?.externalCode ?? null,
    });
    const log: [string, Status | null, Status, string, string, Date][] = [
      ['submit', null, 'submitted', d.channel === 'online' ? a.id : deskId, d.channel === 'online' ? 'applicant' : 'reception', d.submittedAt],
    ];
    if (d.status === 'refused') log.push(['refuse', 'submitted', 'refused', deskId, 'reception', d.finishedAt!]);
    else {
      log.push(['receive', 'submitted', 'received', deskId, 'reception', d.receivedAt]);
      log.push(['assign', 'received', 'in_review', deskId, 'reception', new Date(d.receivedAt.getTime() + 60_000)]);
      if (d.supplement) log.push(['request_supplement', 'in_review', 'supplement_requested', deskId, 'reception', d.supplement.sentAt]);
      if (d.supplement?.answeredAt) log.push(['answer_supplement', 'supplement_requested', 'in_review', a.id, 'applicant', d.supplement.answeredAt]);
      if (d.extension) log.push(['extend', 'in_review', 'in_review', d.assignee, 'specialist', new Date(d.extension.at)]);
      if (d.status === 'withdrawn') log.push(['withdraw', 'in_review', 'withdrawn', a.id, 'applicant', d.finishedAt!]);
      if (d.outcome === 'granted') log.push(['issue_result', 'in_review', 'result_ready', d.assignee, 'specialist', d.finishedAt!]);
      if (d.returnedAt) log.push(['return_result', 'result_ready', 'returned', deskId, 'reception', d.returnedAt]);
    }
    log.sort((x, y) => x[5].getTime() - y[5].getTime());
    log.forEach(([action, from, to, actor, role, at], seq) => events.push({ dossier_id: d.id, seq: seq + 1, action, from_status: from, to_status: to, actor_id: actor, actor_role: role, at }));
    if (d.portal && portal) {
      const body = createHash('sha256').update(JSON.stringify({ externalCode: d.portal.externalCode, procedureCode: d.p.code, filedAt: d.submittedAt })).digest('hex');
      intake.push({ system_id: portal.id, external_code: d.portal.externalCode, dossier_id: d.id, body_sha256: body, received_at: d.submittedAt });
      log.forEach(([action, , to, , , at], i) => {
        // The dossier as the portal saw it after each event (what the real outbox sends: interop.outbound.ts).
        const facts = {
          id: d.id,
          code: d.code,
          externalCode: d.portal!.externalCode,
          procedureCode: d.p.code,
          procedureVersion: d.p.version,
          receivingUnitCode: unit.code,
          handlingUnitCode: unit.code,
          channel: d.channel,
          originKind: 'national_portal' as const,
          status: to,
          receivedAt: at >= d.receivedAt ? d.receivedAt : null,
          dueAt: at >= d.receivedAt ? d.dueAt : null,
          finishedAt: d.finishedAt && at >= d.finishedAt ? d.finishedAt : null,
          returnedAt: d.returnedAt && at >= d.returnedAt ? d.returnedAt : null,
          outcome: d.finishedAt && at >= d.finishedAt ? d.outcome : null,
        };
        const e = statusEvent(facts, { seq: i + 1, action, at, comment: null, data: {} }, formatVn);
        // The last event of a dossier the portal has not acknowledged is a dead letter (refused), waiting for the admin's replay.
        const acked = d.portal!.acknowledged || i < log.length - 1;
        messages.push({
          id: randomUUID(),
          channel: 'webhook',
          recipient: portal.code,
          subject: `${action} ${d.code}`,
          body: JSON.stringify(e),
          template: 'interop.status_event',
          data: { eventId: e.eventId, action, dossierCode: d.code, sequence: i + 1 },
          dedupe_key: `interop:${portal.id}:${e.eventId}`,
          status: acked ? 'sent' : 'failed',
          attempts: 1,
          next_attempt_at: at,
          last_error: acked ? null : 'HTTP 503 from the national portal (demo history)',
          provider_ref: acked ? 'HTTP 200' : null,
          created_at: at,
          sent_at: acked ? new Date(at.getTime() + 2_000) : null,
          ordering_key: `interop:${portal.id}:${d.id}`,
        });
      });
    }
    if (d.supplement) {
      supplements.push({
        dossier_id: d.id,
        round: 1,
        proposed_by: d.assignee,
        proposed_at: d.supplement.sentAt,
        sent_by: deskId,
        sent_at: d.supplement.sentAt,
        late: d.supplement.late,
        answered_at: d.supplement.answeredAt,
      });
    }
    if (d.rating !== null) ratings.push({ dossier_id: d.id, score: d.rating, rated_by: a.id, created_at: d.returnedAt });
  });
  await insertJson(tx, 'dossiers', dossiers);
  await insertJson(tx, 'dossier_events', events);
  await insertJson(tx, 'supplement_requests', supplements);
  await insertJson(tx, 'ratings', ratings);
  await insertJson(tx, 'interop_intake', intake);
  await insertJson(tx, 'messages', messages);
}
