/**
 * What forms 03–06 show about a dossier, read from its events and steps at request time: the
 * refusal, the apology with its new date, the notice of stopping, the control slip. Reads only.
 */
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { availableForms, type FormNumber } from '../../domain/form-templates.ts';
import { ts, type DossierRow } from '../dossiers/dossiers.repo.ts';
import type { ControlSlipData, HandOver } from './control-slip.pdf.ts';
import type { NoticeData } from './notices.pdf.ts';
import { contextOf, deskOf, externalCodeOf, type FormsConfig } from './forms.service.ts';
import { templateFor } from './forms.templates.ts';
import type { RowOf } from '../../db/rows.ts';

export interface EventRow {
  action: string;
  at: string;
  comment: string | null;
  data: Record<string, unknown>;
  full_name: string;
  kind: string;
  roles: string[];
}

const lastOf = (ex: Executor, dossierId: string, actions: readonly string[]) =>
  maybeOne<EventRow>(
    ex,
    sql`select e.action, e.at, e.comment, e.data, u.full_name, u.kind, u.roles from dossier_events e join users u on u.id = e.actor_id
        where e.dossier_id = ${dossierId} and e.action in (${sql.join(actions.map((a) => sql`${a}`), sql`, `)})
        order by e.seq desc limit 1`,
  );

/** Which action a notice form follows. */
const NOTICE_ACTIONS: Record<'03' | '04' | '05', readonly string[]> = { '03': ['refuse'], '04': ['extend'], '05': ['stop', 'withdraw'] };

/**
 * The name printed under the signature: form 03 is signed by the official who refused it at the
 * desk; 04 and 05 by the head of the agency ("Thủ trưởng cơ quan, đơn vị"), so the name is printed
 * only when a leader took the action. Otherwise (a specialist's extension, an applicant's
 * withdrawal) the line stays blank for the head to sign and write their name.
 */
function signerOf(number: '03' | '04' | '05', event: EventRow): string | null {
  const official = event.kind === 'staff';
  const head = official && event.roles.includes('leader');
  return (number === '03' ? official : head) ? event.full_name : null;
}

/**
 * Data of form 03 (refusal), 04 (apology and new date) or 05 (notice of stopping).
 * @throws AppError DOSSIER_ACTION_NOT_ALLOWED when the dossier never had the action the form follows
 */
export async function loadNoticeData(ex: Executor, d: DossierRow, number: '03' | '04' | '05', cfg: FormsConfig): Promise<NoticeData> {
  const event = await lastOf(ex, d.id, NOTICE_ACTIONS[number]);
  if (!event) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { reason: `no_${NOTICE_ACTIONS[number][0]}`, status: d.status });
  const { def, issuer } = await contextOf(ex, d, cfg);
  const date = ts(event.at)!;
  // An extension's event keeps the legal due date as `dueAt` (before the legal clock: `previousDueAt`).
  const data = event.data as { previousDueAt?: string; dueAt?: string; newDueAt?: string };
  const previousDueAt = data.previousDueAt ?? data.dueAt;
  return {
    template: await templateFor(ex, number, date),
    issuer,
    code: d.code,
    externalCode: await externalCodeOf(ex, d),
    applicant: d.applicant,
    procedure: { code: def.code, name: def.name },
    date,
    desk: `${await deskOf(ex, d)}, ${issuer.agencyName}`,
    receivedAt: ts(d.received_at),
    reason: event.comment ?? '',
    previousDue: previousDueAt ? new Date(previousDueAt) : null,
    newDue: data.newDueAt ? new Date(data.newDueAt) : null,
    onRequest: event.action === 'withdraw',
    signerName: signerOf(number, event),
  };
}

export interface StepRow {
  name: string;
  role: string;
  started_at: string;
  due_at: string | null;
  finished_at: string | null;
  person: string | null;
  department: string | null;
  unit: string | null;
}

const ROLE_WORDS: Record<string, string> = { reception: 'Bộ phận Một cửa', specialist: 'Chuyên viên', leader: 'Lãnh đạo' };

/** "Phòng Văn hóa - Xã hội, Trần Văn Minh" */
const who = (s: StepRow) => [s.department ?? ROLE_WORDS[s.role] ?? s.role, s.person].filter(Boolean).join(', ');

/**
 * Data of form 06: a hand-over between each two steps, and to the applicant when returned.
 * @throws AppError DOSSIER_ACTION_NOT_ALLOWED before the dossier is received
 */
export async function loadControlSlipData(ex: Executor, d: DossierRow, cal: WorkingCalendar, now: Date, cfg: FormsConfig): Promise<ControlSlipData> {
  const receivedAt = ts(d.received_at);
  if (!receivedAt) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { reason: 'not_received', status: d.status });
  const { def, issuer } = await contextOf(ex, d, cfg);
  // The person of a step: its handler, else whoever took the action that finished it.
  const steps = await rows<StepRow>(
    ex,
    sql`select s.name, s.role, s.started_at, s.due_at, s.finished_at,
               coalesce(h.full_name, a.full_name) as person, coalesce(hd.name, ad.name) as department, coalesce(hu.name, au.name) as unit
        from dossier_steps s
        left join users h on h.id = s.handler_id
        left join departments hd on hd.id = h.department_id
        left join units hu on hu.id = h.unit_id
        left join lateral (select e.actor_id from dossier_events e where e.dossier_id = s.dossier_id and e.at = s.finished_at order by e.seq limit 1) fe on true
        left join users a on a.id = fe.actor_id
        left join departments ad on ad.id = a.department_id
        left join units au on au.id = a.unit_id
        where s.dossier_id = ${d.id} order by s.idx`,
  );
  const handOvers: HandOver[] = [];
  const timelinessOf = (s: StepRow) => (s.due_at ? cal.timeliness(ts(s.due_at)!, ts(s.finished_at), now) : null);
  steps.forEach((s, i) => {
    const next = steps[i + 1];
    if (next) handOvers.push({ step: `${s.name} → ${next.name}`, from: who(s), to: who(next), at: ts(next.started_at)!, timeliness: timelinessOf(s) });
  });
  const last = steps.at(-1);
  const returned = ts(d.returned_at);
  if (last && returned) handOvers.push({ step: `${last.name} → người nộp hồ sơ`, from: who(last), to: `Người nộp hồ sơ, ${d.applicant.fullName}`, at: returned, timeliness: timelinessOf(last) });
  return {
    template: await templateFor(ex, '06', now),
    issuer,
    code: d.code,
    externalCode: await externalCodeOf(ex, d),
    applicant: d.applicant,
    procedure: { code: def.code, name: def.name },
    receivedAt,
    dueAt: ts(d.due_at),
    date: now,
    handOvers,
  };
}

/** The forms a dossier has, from what happened to it (pure enough to read: the actions it had). */
export async function formsOf(ex: Executor, d: DossierRow): Promise<FormNumber[]> {
  const actions = new Set((await rows<RowOf<'dossier_events', { action: string }>>(ex, sql`select distinct action from dossier_events where dossier_id = ${d.id}`)).map((r) => r.action));
  return availableForms({ received: d.received_at !== null, supplementRounds: d.supplement_rounds, actions });
}
