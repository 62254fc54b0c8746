import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { formatVn, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { clockState, dueFrom, supplementWindow, timelinessOf } from '../../domain/dossier-clock.ts';
import { needsAppointment } from '../../domain/time-limit.ts';
import { ACTION_LABELS, ALLOWED_ACTIONS, STATUS_INFO, type Action, type Status } from '../../domain/dossier-state.ts';
import { allowedActions } from '../../domain/policy.ts';
import { maskName } from '../../domain/identifiers.ts';
import type { SessionUser } from '../../server/auth.ts';
import { getProcedure } from '../procedures/procedures.service.ts';
import { publicTimeLimit, type PublicTimeLimit } from '../../domain/procedure-views.ts';
import type { TimeLimit } from '../../domain/procedure.ts';
import { loadSteps, resourceOf, ts, type DossierRow, type PresentedDocumentRow, type ProgressRow, type PublicDossierRow, type StepRow } from './dossiers.repo.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export const vn = (v: string | Date | null) => {
  const d = typeof v === 'string' ? ts(v) : v;
  return d ? formatVn(d) : null;
};
/** An instant from a NOT NULL column, at +07:00. */
export const vnAt = (v: string) => formatVn(ts(v)!);

const isOutcome = (o: string | null): o is 'granted' | 'denied' => o === 'granted' || o === 'denied';

const clockFacts = (d: ProgressRow) => ({ status: d.status, receivedAt: ts(d.received_at), dueAt: ts(d.due_at), finishedAt: ts(d.finished_at) });

export function statusOf(d: Pick<DossierRow, 'status'>) {
  const info = STATUS_INFO[d.status];
  return { status: d.status, statusLabel: info.vi, statusLabelEn: info.en, statusGroup: info.group };
}

/** Status, dates and timeliness: what every view of a dossier shows, the public one included. */
function progressOf(d: ProgressRow, cal: WorkingCalendar, now: Date) {
  const facts = clockFacts(d);
  return {
    ...statusOf(d),
    submittedAt: vn(d.submitted_at),
    receivedAt: vn(facts.receivedAt),
    // The due date the law set; an extension's date is beside it, never over it.
    dueAt: vn(facts.dueAt),
    extendedDueAt: d.extension?.dueAt ? vn(new Date(d.extension.dueAt)) : null,
    finishedAt: vn(facts.finishedAt),
    returnedAt: vn(d.returned_at),
    clock: clockState(facts),
    clockStoppedAt: vn(d.paused_at),
    timeliness: timelinessOf(facts, cal, now),
  };
}

export function summarize(d: DossierRow & { procedure_name?: string; assignee_name?: string | null; applicant_answered?: boolean | null; origin_kind?: string | null }, cal: WorkingCalendar, now: Date) {
  return {
    code: d.code,
    /** Its code at the national portal (or the system that forwarded it), shown beside ours. */
    externalCode: d.external_code ?? null,
    /** Where it came from when a connected system forwarded it: national_portal, provincial_system or unit_system (the back office marks it). */
    ...(d.origin_kind !== undefined ? { originChannel: d.origin_kind } : {}),
    procedure: { code: d.procedure_code, name: d.procedure_name ?? '', version: d.procedure_version },
    channel: d.channel,
    applicantName: d.applicant.fullName,
    ...progressOf(d, cal, now),
    assignee: d.assignee_id ? { id: d.assignee_id, fullName: d.assignee_name ?? '' } : null,
    supplementRounds: d.supplement_rounds,
    ...(d.applicant_answered !== undefined ? { applicantAnswered: d.applicant_answered === true } : {}),
    version: d.version,
  };
}

const timeLimitFor = (actor: SessionUser, tl: unknown): TimeLimit | PublicTimeLimit | null =>
  !tl ? null : actor.kind === 'staff' ? (tl as TimeLimit) : publicTimeLimit(tl as TimeLimit);

/** The full dossier as its applicant or an official sees it. */
export async function presentDossier(ex: Executor, d: DossierRow, actor: SessionUser, cal: WorkingCalendar, now: Date) {
  return presentDossierFrom(await loadPresentation(ex, d), d, actor, cal, now, await resourceOf(ex, d));
}

/** What the full view of a dossier shows besides its row. */
export interface DossierPresentation {
  meta: { procedure_name: string; time_limit: unknown; assignee_name: string | null; department_name: string | null; handling_unit: string; handling_unit_code: string; receiving_unit: string; origin_kind?: string | null } | null;
  documents: PresentedDocumentRow[];
  steps: StepRow[];
  rounds: Awaited<ReturnType<typeof loadSupplementRounds>>;
  rating: { score: number; comment: string | null } | null;
}

async function loadPresentation(ex: Executor, d: DossierRow): Promise<DossierPresentation> {
  // One after another: inside a transaction they share one connection.
  // All joined from other tables or computed (the version's name and time limit, the people's and units' names).
  const meta = await maybeOne<Computed<NonNullable<DossierPresentation['meta']>>>(
      ex,
      sql`select v.definition->>'name' as procedure_name, v.definition->'timeLimit' as time_limit, a.full_name as assignee_name,
                 dep.name as department_name, hu.name as handling_unit, hu.code as handling_unit_code, ru.name as receiving_unit,
                 (select s.kind from interop_systems s where s.id = d.origin_system_id) as origin_kind
          from dossiers d
          join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version
          join units hu on hu.id = d.handling_unit_id join units ru on ru.id = d.receiving_unit_id
          left join users a on a.id = d.assignee_id left join departments dep on dep.id = d.department_id
          where d.id = ${d.id}`,
  );
  const documents = await rows<PresentedDocumentRow>(
      ex,
      sql`select dd.id, dd.requirement_id, dd.upload_id, up.name, f.size, f.mime, dd.round, dd.superseded, dd.purpose
          from dossier_documents dd join uploads up on up.id = dd.upload_id join files f on f.sha256 = up.sha256
          where dd.dossier_id = ${d.id} order by dd.created_at, dd.requirement_id`,
  );
  const steps = await loadSteps(ex, d.id);
  const rounds = await loadSupplementRounds(ex, d);
  const rating = await maybeOne<RowOf<'ratings', { score: number; comment: string | null }>>(ex, sql`select score, comment from ratings where dossier_id = ${d.id}`);
  return { meta, documents, steps, rounds, rating };
}

/**
 * The full dossier from its row and its presentation's parts, read (presentDossier) or — for a
 * dossier just filed — as the transaction that wrote them holds them (no second read).
 */
export function presentDossierFrom(
  { meta, documents, steps, rounds, rating }: DossierPresentation,
  d: DossierRow,
  actor: SessionUser,
  cal: WorkingCalendar,
  now: Date,
  resource: Awaited<ReturnType<typeof resourceOf>>,
) {
  // What this caller may do now: the status table says what is possible, the policy who.
  const actions = allowedActions(actor, ALLOWED_ACTIONS[d.status], resource);
  const docOut = (x: (typeof documents)[number]) => ({
    id: x.id,
    requirementId: x.requirement_id,
    fileId: x.upload_id,
    name: x.name,
    size: x.size,
    mime: x.mime,
    round: x.round,
    superseded: x.superseded,
  });
  return {
    id: d.id,
    ...summarize({ ...d, procedure_name: meta?.procedure_name ?? '', assignee_name: meta?.assignee_name ?? null, origin_kind: meta?.origin_kind ?? null }, cal, now),
    // The applicant sees the time limit as the catalogue shows citizens (no research note, no guessed value).
    procedure: { code: d.procedure_code, name: meta?.procedure_name ?? '', version: d.procedure_version, timeLimit: timeLimitFor(actor, meta?.time_limit) },
    applicant: d.applicant,
    formData: d.form_data,
    documents: documents.filter((x) => x.purpose === 'application').map(docOut),
    extended: d.extended,
    extension: d.extension ? { ...d.extension, dueAt: vn(new Date(d.extension.dueAt)), at: vn(new Date(d.extension.at)) } : null,
    appointmentReason: d.appointment_reason,
    // Until when a request to supplement is within the 3-working-day window (later ones are flagged).
    supplementWindowEndsAt: vn(supplementWindow(ts(d.received_at), now, cal)?.endsAt ?? null),
    ...(d.status === 'submitted' ? { appointment: appointmentHint(meta?.time_limit as TimeLimit | undefined, cal, now) } : {}),
    department: d.department_id ? { id: d.department_id, name: meta?.department_name ?? '' } : null,
    handlingUnit: { id: d.handling_unit_id, code: meta?.handling_unit_code ?? '', name: meta?.handling_unit ?? '' },
    receivingUnit: { id: d.receiving_unit_id, name: meta?.receiving_unit ?? '' },
    steps: steps.map((s) => ({
      key: s.step_key,
      name: s.name,
      role: s.role,
      handlerId: s.handler_id,
      startedAt: vn(s.started_at),
      dueAt: vn(s.due_at),
      finishedAt: vn(s.finished_at),
      timeliness: s.due_at ? cal.timeliness(ts(s.due_at)!, ts(s.finished_at), now) : null,
    })),
    openSupplement: d.status === 'supplement_requested' ? presentRound(rounds.find((r) => r.round === d.supplement_rounds)) : null,
    // A proposal is the officials' until the desk sends it (the desk may still change it).
    proposedSupplement: d.status === 'supplement_proposed' && actor.kind === 'staff' ? presentRound(rounds.find((r) => r.round === d.supplement_rounds + 1)) : null,
    supplementRequests: rounds.filter((r) => r.sent_at !== null).map(({ items: _, ...r }) => presentSentRound({ ...r, items: null })),
    result: isOutcome(d.outcome) ? { outcome: d.outcome, files: documents.filter((x) => x.purpose === 'result').map(docOut) } : null,
    rating,
    allowedActions: actions.map((a) => ({ action: a, label: ACTION_LABELS[a].vi, labelEn: ACTION_LABELS[a].en })),
  };
}

/**
 * What the desk needs to receive a dossier: whether the officer must give the appointment (the
 * procedure's time limit is unconfirmed) and the date the limit would give, if any, as a suggestion.
 */
function appointmentHint(limit: TimeLimit | undefined, cal: WorkingCalendar, now: Date) {
  if (!limit) return { required: false, suggestedAt: null };
  return { required: needsAppointment(limit), suggestedAt: vn(dueFrom(limit, cal, now)) };
}

export interface RoundRow {
  round: number;
  proposed_by_name: string | null;
  proposed_at: string | null;
  sent_by_name: string | null;
  sent_by_system: boolean;
  sent_at: string | null;
  window_ends_at: string | null;
  late: boolean | null;
  repeat_reason: string | null;
  comment: string | null;
  answered_at: string | null;
  items: { id: string; targetType: 'document' | 'field'; targetKey: string; reason: string; answered: boolean }[] | null;
}

/** Every round of requests to supplement, with the items of the open or proposed one: one query. */
function loadSupplementRounds(ex: Executor, d: DossierRow) {
  const current = d.status === 'supplement_proposed' ? d.supplement_rounds + 1 : d.supplement_rounds;
  return rows<RoundRow>(
    ex,
    sql`select r.round, p.full_name as proposed_by_name, r.proposed_at, s.full_name as sent_by_name, r.sent_by_system, r.sent_at,
               r.window_ends_at, r.late, r.repeat_reason, r.comment, r.answered_at,
               case when r.round = ${current} then (
                 select coalesce(json_agg(json_build_object('id', i.id, 'targetType', i.target_type, 'targetKey', i.target_key,
                                                            'reason', i.reason, 'answered', i.answered_at is not null) order by i.created_at, i.id), '[]'::json)
                 from supplement_items i where i.dossier_id = r.dossier_id and i.round = r.round) end as items
        from supplement_requests r left join users p on p.id = r.proposed_by left join users s on s.id = r.sent_by
        where r.dossier_id = ${d.id} order by r.round`,
  );
}

function presentRound(r: RoundRow | undefined) {
  return r ? presentSentRound(r) : null;
}

function presentSentRound(r: RoundRow) {
  return {
    round: r.round,
    proposedBy: r.proposed_by_name,
    proposedAt: vn(r.proposed_at),
    sentBy: r.sent_by_name,
    sentBySystem: r.sent_by_system,
    sentAt: vn(r.sent_at),
    windowEndsAt: vn(r.window_ends_at),
    late: r.late,
    repeatReason: r.repeat_reason,
    comment: r.comment,
    answeredAt: vn(r.answered_at),
    ...(r.items ? { items: r.items.map((i) => ({ id: i.id, target: { type: i.targetType, key: i.targetKey }, reason: i.reason, answered: i.answered })) } : {}),
  };
}

/** What anyone may see by dossier code: no personal data beyond a masked name. */
export async function presentPublic(ex: Executor, d: PublicDossierRow, withDetails: boolean, cal: WorkingCalendar, now: Date) {
  const proc = (await getProcedure(ex, d.procedure_code, d.procedure_version)).definition;
  const base = {
    code: d.code,
    externalCode: d.external_code ?? null,
    originChannel: d.origin_kind,
    procedure: { code: d.procedure_code, name: proc?.name ?? '' },
    ...progressOf(d, cal, now),
    applicantName: maskName(d.applicant.fullName),
  };
  if (!withDetails) return base;
  const [steps, events] = await Promise.all([
    loadSteps(ex, d.id),
    rows<RowOf<'dossier_events', { seq: number; action: string; to_status: Status; at: string }>>(
      ex,
      sql`select seq, action, to_status, at from dossier_events where dossier_id = ${d.id} order by seq`,
    ),
  ]);
  return {
    ...base,
    steps: steps.map((s) => ({ name: s.name, startedAt: vn(s.started_at), dueAt: vn(s.due_at), finishedAt: vn(s.finished_at) })),
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      label: e.action === 'submit' ? 'Nộp hồ sơ' : (ACTION_LABELS[e.action as Action]?.vi ?? e.action),
      labelEn: e.action === 'submit' ? 'Submitted' : (ACTION_LABELS[e.action as Action]?.en ?? e.action),
      toStatus: e.to_status,
      at: vnAt(e.at),
    })),
  };
}
