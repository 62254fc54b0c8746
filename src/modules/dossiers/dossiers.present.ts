import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { formatVn, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { ACTION_LABELS, ALLOWED_ACTIONS, STATUS_INFO, type Action } from '../../domain/dossier-state.ts';
import { allowedActions } from '../../domain/policy.ts';
import { maskName } from '../../domain/identifiers.ts';
import type { SessionUser } from '../../server/auth.ts';
import { getProcedure } from '../procedures/procedures.service.ts';
import { publicTimeLimit } from '../../domain/procedure-views.ts';
import type { TimeLimit } from '../../domain/procedure.ts';
import { loadSteps, resourceOf, ts, type DossierRow } from './dossiers.repo.ts';

export const vn = (v: string | Date | null) => {
  const d = typeof v === 'string' ? ts(v) : v;
  return d ? formatVn(d) : null;
};

const OPEN_FOR_CLOCK = (d: DossierRow) => !['refused', 'withdrawn', 'stopped'].includes(d.status);

/** Early / on time / late for the dossier: against its due date, at its finish or now. */
export function dossierTimeliness(d: DossierRow, cal: WorkingCalendar, now: Date) {
  const due = ts(d.due_at);
  if (!due || !OPEN_FOR_CLOCK(d)) return null;
  return cal.timeliness(due, ts(d.finished_at), now);
}

export function statusOf(d: DossierRow) {
  const info = STATUS_INFO[d.status];
  return { status: d.status, statusLabel: info.vi, statusLabelEn: info.en, statusGroup: info.group };
}

/** Status, dates and timeliness: what every view of a dossier shows, the public one included. */
function progressOf(d: DossierRow, cal: WorkingCalendar, now: Date) {
  return {
    ...statusOf(d),
    submittedAt: vn(d.submitted_at),
    receivedAt: vn(d.received_at),
    dueAt: vn(d.due_at),
    finishedAt: vn(d.finished_at),
    returnedAt: vn(d.returned_at),
    timeliness: dossierTimeliness(d, cal, now),
  };
}

export function summarize(d: DossierRow & { procedure_name?: string; assignee_name?: string | null }, cal: WorkingCalendar, now: Date) {
  return {
    code: d.code,
    procedure: { code: d.procedure_code, name: d.procedure_name ?? '', version: d.procedure_version },
    channel: d.channel,
    applicantName: d.applicant.fullName,
    ...progressOf(d, cal, now),
    assignee: d.assignee_id ? { id: d.assignee_id, fullName: d.assignee_name ?? '' } : null,
    supplementRounds: d.supplement_rounds,
    version: d.version,
  };
}

const timeLimitFor = (actor: SessionUser, tl: unknown) =>
  !tl ? null : actor.kind === 'staff' ? tl : publicTimeLimit(tl as TimeLimit);

/** The full dossier as its applicant or an official sees it. */
export async function presentDossier(ex: Executor, d: DossierRow, actor: SessionUser, cal: WorkingCalendar, now: Date) {
  // One after another: inside a transaction they share one connection.
  const meta = await maybeOne<{ procedure_name: string; time_limit: unknown; assignee_name: string | null; department_name: string | null; handling_unit: string; handling_unit_code: string; receiving_unit: string }>(
      ex,
      sql`select v.definition->>'name' as procedure_name, v.definition->'timeLimit' as time_limit, a.full_name as assignee_name,
                 dep.name as department_name, hu.name as handling_unit, hu.code as handling_unit_code, ru.name as receiving_unit
          from dossiers d
          join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version
          join units hu on hu.id = d.handling_unit_id join units ru on ru.id = d.receiving_unit_id
          left join users a on a.id = d.assignee_id left join departments dep on dep.id = d.department_id
          where d.id = ${d.id}`,
  );
  const documents = await rows<{ id: string; requirement_id: string; upload_id: string; name: string; size: number; mime: string; round: number; superseded: boolean; purpose: string }>(
      ex,
      sql`select dd.id, dd.requirement_id, dd.upload_id, up.name, f.size, f.mime, dd.round, dd.superseded, dd.purpose
          from dossier_documents dd join uploads up on up.id = dd.upload_id join files f on f.sha256 = up.sha256
          where dd.dossier_id = ${d.id} order by dd.created_at, dd.requirement_id`,
  );
  const steps = await loadSteps(ex, d.id);
  const supplement = await rows<{ id: string; round: number; target_type: string; target_key: string; reason: string; answer: unknown; answered_at: string | null }>(
      ex,
      sql`select id, round, target_type, target_key, reason, answer, answered_at from supplement_items
          where dossier_id = ${d.id} and round = ${d.supplement_rounds} order by created_at`,
  );
  const rating = await maybeOne<{ score: number; comment: string | null }>(ex, sql`select score, comment from ratings where dossier_id = ${d.id}`);
  // What this caller may do now: the status table says what is possible, the policy who.
  const actions = allowedActions(actor, ALLOWED_ACTIONS[d.status], await resourceOf(ex, d));
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
    ...summarize({ ...d, procedure_name: meta?.procedure_name ?? '', assignee_name: meta?.assignee_name ?? null }, cal, now),
    // The applicant sees the time limit as the catalogue shows citizens (no research note, no guessed value).
    procedure: { code: d.procedure_code, name: meta?.procedure_name ?? '', version: d.procedure_version, timeLimit: timeLimitFor(actor, meta?.time_limit) },
    applicant: d.applicant,
    formData: d.form_data,
    documents: documents.filter((x) => x.purpose === 'application').map(docOut),
    originalDueAt: vn(d.original_due_at),
    extended: d.extended,
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
    openSupplement:
      d.status === 'supplement_requested'
        ? {
            round: d.supplement_rounds,
            items: supplement.map((i) => ({ id: i.id, target: { type: i.target_type, key: i.target_key }, reason: i.reason, answered: i.answered_at !== null })),
          }
        : null,
    result: d.outcome === 'granted' || d.outcome === 'denied' ? { outcome: d.outcome, files: documents.filter((x) => x.purpose === 'result').map(docOut) } : null,
    rating,
    allowedActions: actions.map((a) => ({ action: a, label: ACTION_LABELS[a].vi, labelEn: ACTION_LABELS[a].en })),
  };
}

/** What anyone may see by dossier code: no personal data beyond a masked name. */
export async function presentPublic(ex: Executor, d: DossierRow, withDetails: boolean, cal: WorkingCalendar, now: Date) {
  const proc = (await getProcedure(ex, d.procedure_code, d.procedure_version)).definition;
  const base = {
    code: d.code,
    procedure: { code: d.procedure_code, name: proc?.name ?? '' },
    ...progressOf(d, cal, now),
    applicantName: maskName(d.applicant.fullName),
  };
  if (!withDetails) return base;
  const [steps, events] = await Promise.all([
    loadSteps(ex, d.id),
    rows<{ seq: number; action: string; to_status: string; at: string }>(
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
      at: vn(e.at),
    })),
  };
}
