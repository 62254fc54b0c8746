import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import { dossierCodePrefix } from '../../domain/dossier-code.ts';
import { isAllowed, STATUS_INFO } from '../../domain/dossier-state.ts';
import { AppError } from '../../domain/errors.ts';
import { actingRole, can, type Verb } from '../../domain/policy.ts';
import { validateSubmission, type ProcedureDefinition } from '../../domain/procedure.ts';
import { defaultResultDelivery } from '../../domain/result-delivery.ts';
import { searchKey } from '../../domain/text.ts';
import type { SessionUser } from '../../server/auth.ts';
import { findUser, type ApplicantFacts } from '../accounts/accounts.service.ts';
import { findOrCreateApplicant } from '../accounts/applicants.service.ts';
import { audit, auditInsert, type AuditEntry } from '../audit/audit.ts';
import { followingSystemsJson, publishDossierEvents, type FollowingSystem } from '../interop/interop.outbound.ts';
import { noticeFactsJson, noticeFactsOf, notifyDossierEvent, type NotifySettings } from '../notifications/index.ts';
import { applicantNoticeOf, type NotificationEvent } from '../../domain/notifications.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { forgetVersionInForce, getProcedure, guessVersionInForce, versionInForceSql } from '../procedures/procedures.service.ts';
import { decide } from '../../domain/dossier-decide.ts';
import { loadActionFacts } from './dossiers.facts.ts';
import { applyDecision, attachDocuments, dossierCodeSql, loadDossier, ownUploadsInsert, presentedDocumentsJson, resourceOf, scopeOf, stateOf, type ApplicantSnapshot, type DossierRow, type PresentedDocumentRow, type StepRow } from './dossiers.repo.ts';
import type { DossierPresentation } from './dossiers.present.ts';
import { unitByCode, unitById } from '../units/units.service.ts';
import type { ActionInput, SubmitInput } from '../../contract/dossiers.ts';

export interface RequestContext {
  requestId: string;
  ip: string;
  /** Where notices of the dossier's events go (links, channels offered). */
  notify: NotifySettings;
}

const UNIQUE_VIOLATION = '23505';

/** A notice's facts as the dossier's statement read them (noticeFactsJson). */
type NoticeFactsRow = Parameters<typeof noticeFactsOf>[1];

/** The submitter filed with this Idempotency-Key before: the transaction rolls back. */
class AlreadyFiled extends Error {}

/** The version of the procedure guessed in force is not (a new one was saved): the transaction rolls back. */
class GuessOutdated extends Error {}

export function snapshot(u: ApplicantFacts): ApplicantSnapshot {
  return {
    kind: u.kind === 'business' ? 'business' : 'citizen',
    fullName: u.full_name,
    idNumber: (u.kind === 'business' ? u.mst : u.cccd) ?? u.login,
    phone: u.phone,
    email: u.email,
    address: u.address,
  };
}

/**
 * Files a dossier: validates it against the procedure's current version, assigns its code and
 * writes the dossier, its documents, first step and event, and the audit entry in one transaction.
 * The same Idempotency-Key from the same submitter returns the dossier already filed.
 * @throws AppError SUBMISSION_INCOMPLETE, PROCEDURE_NOT_FOUND, APPLICANT_NOT_ALLOWED, FILE_NOT_FOUND, FORBIDDEN, UNIT_NOT_FOUND
 */
export async function submitDossier(
  database: Database,
  actor: SessionUser,
  input: SubmitInput,
  opts: { idempotencyKey: string | null; defaultUnitCode: string; now: Date; ctx: RequestContext },
): Promise<{ dossier: DossierRow; created: boolean; presentation?: DossierPresentation }> {
  const desk = can(actor, 'dossier.file_at_desk', null);
  if (!desk && !can(actor, 'dossier.file_online', null)) throw new AppError('FORBIDDEN');
  if (!desk && (input.channel !== 'online' || input.applicant)) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'channel', message: 'Hồ sơ trực tuyến do chính người nộp gửi / online submissions are made by the applicant' }] });
  }
  if (desk && !input.applicant) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'applicant', message: 'Bắt buộc khi tiếp nhận tại quầy / required at the desk' }] });

  // The same Idempotency-Key again: the dossier filed the first time. Asked only when this request
  // does not file (the insert does nothing on that key, or the request is refused: a repeat is
  // answered with the dossier even when the procedure or the uploads changed since).
  const filedBefore = (tx: Executor) =>
    opts.idempotencyKey
      ? maybeOne<DossierRow>(tx, sql`select * from dossiers where submitted_by = ${actor.id} and idempotency_key = ${opts.idempotencyKey}`)
      : Promise.resolve(null);
  const day = vnDateOf(opts.now);
  const attempt = (guessing = true): Promise<{ dossier: DossierRow; created: boolean; presentation?: DossierPresentation }> =>
    database
      .transaction(async (tx) => {
        try {
          return await file(tx, guessing);
        } catch (err) {
          const before = err instanceof AppError ? await filedBefore(tx) : null;
          if (before) return { dossier: before, created: false };
          throw err;
        }
      })
      .catch(async (err: unknown) => {
        // Rolled back (the number it took is given back): the dossier filed the first time.
        if (err instanceof AlreadyFiled) return { dossier: (await filedBefore(database.db))!, created: false };
        // The version guessed in force was not: once more, reading which is.
        if (err instanceof GuessOutdated) return attempt(false);
        throw err;
      });
  const file = async (tx: Executor, guessing: boolean): Promise<{ dossier: DossierRow; created: boolean; presentation?: DossierPresentation }> => {
    // Which version is in force: the one found last time, checked by the dossier's own insert
    // (one statement fewer per submission); read when not known, and whenever the guess fails.
    const guess = guessing ? guessVersionInForce(tx, input.procedureCode, day) : undefined;
    const outdated = () => {
      forgetVersionInForce(tx, input.procedureCode, day);
      return new GuessOutdated();
    };
    const proc = await getProcedure(tx, input.procedureCode, guess, day);
    const def = proc.definition;
    const check = validateSubmission(def, input.formData, input.documents);
    // A refusal is only given under the version read in force (a repeat's is answered with its dossier).
    if (!check.ok && guess) throw outdated();
    if (!check.ok) throw new AppError('SUBMISSION_INCOMPLETE', { problems: check.problems });

    const unit = desk ? await unitById(tx, actor.unitId) : await unitByCode(tx, input.unitCode ?? opts.defaultUnitCode);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');

    const applicant: ApplicantFacts = desk
      ? await findOrCreateApplicant(tx, input.applicant!, opts.now)
      : actor.self
        ? { id: actor.id, kind: actor.kind, login: actor.login, full_name: actor.fullName, ...actor.self }
        : (await findUser(tx, actor.id))!;
    if (def.applicant !== 'both' && def.applicant !== applicant.kind) throw guess ? outdated() : new AppError('APPLICANT_NOT_ALLOWED');

    const submitEvent = { action: 'submit', fromStatus: null, toStatus: 'submitted' as const, actorId: actor.id, comment: null, data: {} };
    const notice = applicantNoticeOf({ ...submitEvent, channel: input.channel });
    // The documents are written only with the submitter's own uploads (FILE_NOT_FOUND otherwise).
    const written = await writeDossier(
      tx,
      {
        def,
        procedureVersion: proc.version,
        unit,
        applicant,
        channel: input.channel,
        formData: input.formData,
        documents: input.documents,
        idempotencyKey: opts.idempotencyKey,
        submittedBy: actor.id,
        actorRole: desk ? 'reception' : 'applicant',
        resultDelivery: input.resultDelivery ?? defaultResultDelivery(input.channel),
        origin: null,
        audit: { actorId: actor.id, action: 'dossier_submit', entityType: 'dossier', requestId: opts.ctx.requestId, ip: opts.ctx.ip },
        now: opts.now,
      },
      actor.id,
      // The applicant's notice reads its template and recipient in the dossier's statement.
      { notice: notice ? { event: notice, userId: applicant.id } : null, inForce: guess ? { code: def.code, asOf: day, version: guess } : null },
    );
    if (!written) {
      // Nothing written: this Idempotency-Key filed before, or the version guessed is no longer in force.
      const now = guess ? await maybeOne<{ version: number | null }>(tx, sql`select ${versionInForceSql(def.code, day)} as version`) : null;
      if (now && now.version !== guess) throw outdated();
      throw new AlreadyFiled();
    }
    const { dossier, documents, step, following, noticeFacts } = written;
    const read = notice && noticeFacts ? { event: notice, facts: noticeFactsOf(notice, noticeFacts, opts.ctx.notify.channels) } : undefined;
    await notifyDossierEvent(tx, dossier.id, submitEvent, opts.ctx.notify, opts.now, dossier, read);
    await publishDossierEvents(tx, dossier, 1, opts.now, following);
    // The dossier's view, from what this transaction wrote: a new dossier has no assignee, no
    // department, no supplement round and no rating yet.
    const presentation: DossierPresentation = {
      meta: { procedure_name: def.name, time_limit: def.timeLimit, assignee_name: null, department_name: null, handling_unit: unit.name, handling_unit_code: unit.code, receiving_unit: unit.name },
      documents: documents!,
      steps: [step],
      rounds: [],
      rating: null,
    };
    return { dossier, created: true, presentation };
  };

  try {
    return await attempt();
  } catch (err) {
    // Two requests with the same Idempotency-Key raced: the loser returns the winner's dossier.
    // Drizzle wraps the driver's error (DrizzleQueryError): the SQLSTATE is on `cause`.
    const e = err as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === UNIQUE_VIOLATION && opts.idempotencyKey) return attempt();
    throw err;
  }
}

/** A new dossier as the desk, the portal or a connected system files it (validated by the caller). */
export interface NewDossier {
  def: ProcedureDefinition;
  procedureVersion: number;
  unit: { id: string; code: string };
  applicant: ApplicantFacts;
  channel: DossierRow['channel'];
  formData: Record<string, unknown>;
  documents: readonly { requirementId: string; fileId: string }[];
  idempotencyKey: string | null;
  submittedBy: string;
  actorRole: 'reception' | 'applicant';
  resultDelivery: string;
  /** A dossier a connected system sent (the national portal): its code there, shown beside ours. */
  origin: { systemId: string; systemCode: string; externalCode: string } | null;
  /** The filing's audit entry, written with the code (its entity is the new code). */
  audit?: Omit<AuditEntry, 'entityId'>;
  now: Date;
}

/**
 * Writes a new dossier: the row, its documents, first step and `submit` event, then its code (the
 * per-unit, per-day counter is taken last). Call it inside the filing transaction.
 */
export async function createDossier(tx: Executor, n: NewDossier): Promise<DossierRow> {
  const written = await writeDossier(tx, n, null);
  if (!written) throw new Error('createDossier: the submitter already filed with this idempotency key');
  return written.dossier;
}

/**
 * createDossier, returning also what it wrote. With `uploadsOf`, each document is written only
 * with an upload that person made, in the same statement, and a missing one is refused
 * (FILE_NOT_FOUND; the caller's transaction rolls back); the documents then come back as the
 * dossier's view shows them.
 */
async function writeDossier(
  tx: Executor,
  n: NewDossier,
  uploadsOf: string | null,
  /**
   * notice: the applicant's notice's template and recipient, read in the same statement (noticeFactsJson);
   * inForce: write nothing unless this version of the procedure is in force on that date.
   */
  read: { notice: { event: NotificationEvent; userId: string } | null; inForce: { code: string; asOf: string; version: number } | null } = { notice: null, inForce: null },
): Promise<{ dossier: DossierRow; documents: PresentedDocumentRow[] | null; step: StepRow; following: FollowingSystem[]; noticeFacts: NoticeFactsRow | null } | null> {
  const { def, now } = n;
  const id = randomUUID();
  const snap = snapshot(n.applicant);
  const first = def.workflow[0]!;
  const submitted = {
    channel: n.channel,
    procedureVersion: n.procedureVersion,
    ...(n.origin ? { via: { system: n.origin.systemCode, externalCode: n.origin.externalCode } } : {}),
  };
  const documents = n.documents.map((doc) => ({ id: randomUUID(), requirementId: doc.requirementId, uploadId: doc.fileId }));
  const own = uploadsOf !== null && documents.length > 0;
  // One statement writes the dossier with its code, its first step (0) and `submit` event (1), the
  // submitter's own uploads as its documents, and the filing's audit entry (foreign keys are
  // checked at its end), and reads back the connected systems that follow it. The code's per-unit,
  // per-day counter row stays locked until commit, so only the notice and COMMIT follow it; the
  // code is written with the row, not by a second update that would rewrite every index of
  // dossiers (docs/PERFORMANCE.md). A repeated Idempotency-Key writes no dossier but has taken a
  // number: the caller rolls back (AlreadyFiled), and the day's codes keep no gap.
  const [row] = await rows<DossierRow & { first_step: StepRow; written_documents: PresentedDocumentRow[] | null; following: FollowingSystem[]; notice_facts: NoticeFactsRow | null }>(
    tx,
    sql`with c as (
          insert into dossier_counters (unit_id, day, last) values (${n.unit.id}, ${vnDateOf(now)}, 1)
          on conflict (unit_id, day) do update set last = dossier_counters.last + 1 returning last
        ), dossier as (
          insert into dossiers (id, code, procedure_code, procedure_version, receiving_unit_id, handling_unit_id, applicant_id, applicant,
                                applicant_search, procedure_search, channel, status, form_data, submitted_at, idempotency_key, submitted_by, updated_at,
                                result_delivery, external_code, origin_system_id)
          select ${id}, ${dossierCodeSql(dossierCodePrefix(n.unit.code, now), sql`c.last`)}, ${def.code}, ${n.procedureVersion}, ${n.unit.id}, ${n.unit.id}, ${n.applicant.id}, ${JSON.stringify(snap)}::jsonb,
                 ${searchKey(`${snap.fullName} ${snap.idNumber} ${snap.phone ?? ''} ${n.origin?.externalCode ?? ''}`)}, ${searchKey(`${def.name} ${def.code}`)},
                 ${n.channel}, 'submitted', ${JSON.stringify(n.formData)}::jsonb, ${now.toISOString()},
                 ${n.idempotencyKey}, ${n.submittedBy}, ${now.toISOString()}, ${n.resultDelivery},
                 ${n.origin?.externalCode ?? null}, ${n.origin?.systemId ?? null}
          from c${read.inForce ? sql` where ${versionInForceSql(read.inForce.code, read.inForce.asOf)} = ${read.inForce.version}` : sql``}
          on conflict (submitted_by, idempotency_key) do nothing
          returning *
        ), submit_event as (
          insert into dossier_events (dossier_id, seq, action, from_status, to_status, actor_id, actor_role, at, comment, data, attachments)
          select id, 1, 'submit', null::dossier_status, 'submitted'::dossier_status, ${n.submittedBy}::uuid, ${n.actorRole}, ${now.toISOString()}::timestamptz,
                 null, ${JSON.stringify(submitted)}::jsonb, ${JSON.stringify(n.documents.map((d) => d.fileId))}::jsonb
          from dossier
        ), step as (
          insert into dossier_steps (dossier_id, idx, step_key, name, role, handler_id, started_at, due_at)
          select id, 0, ${first.key}, ${first.name}, ${first.role}, null, ${now.toISOString()}::timestamptz, null from dossier
          returning idx, step_key, name, role, handler_id, started_at, due_at, finished_at
        )${own ? sql`, written as (${ownUploadsInsert(sql`dossier`, documents, uploadsOf, now)})` : sql``}${
          n.audit ? sql`, filed as (${auditInsert({ ...n.audit, entityId: sql`dossier.code` }, now, sql`dossier`)})` : sql``}
        select dossier.*,
               (select json_build_object('idx', idx, 'step_key', step_key, 'name', name, 'role', role, 'handler_id', handler_id,
                                         'started_at', started_at::text, 'due_at', due_at::text, 'finished_at', finished_at::text) from step) as first_step,
               ${own ? presentedDocumentsJson(sql`written`) : sql`null::json`} as written_documents,
               ${followingSystemsJson({ origin_system_id: n.origin?.systemId ?? null, receiving_unit_id: n.unit.id, handling_unit_id: n.unit.id })} as following,
               ${read.notice ? noticeFactsJson(read.notice.event, vnDateOf(now), read.notice.userId) : sql`null::json`} as notice_facts
        from dossier`,
  );
  // Nothing written: the submitter filed with this Idempotency-Key before.
  if (!row) return null;
  const { first_step: step, written_documents: written, following, notice_facts: noticeFacts, ...dossier } = row;
  if (uploadsOf === null) {
    await attachDocuments(tx, id, documents.map((d) => ({ ...d, round: 0, purpose: 'application' as const })), now);
    return { dossier, documents: null, step, following, noticeFacts };
  }
  const missing = n.documents.find((doc) => !(written ?? []).some((w) => w.upload_id === doc.fileId && w.requirement_id === doc.requirementId));
  if (missing) throw new AppError('FILE_NOT_FOUND', { fileId: missing.fileId, requirementId: missing.requirementId });
  return { dossier, documents: written ?? [], step, following, noticeFacts };
}

/** The ways of reading a dossier (the policy gives the same answer for each; the audit names them apart). */
export type DossierReadVerb = Extract<Verb, 'dossier.read' | 'dossier.history' | 'dossier.forms' | 'dossier.audit_trail'>;

/**
 * Loads a dossier the actor may read (`verb` says which part).
 * @throws AppError DOSSIER_NOT_FOUND (also when the actor may not read it: its existence is not disclosed)
 */
export async function readableDossier(ex: Executor, actor: SessionUser, code: string, forUpdate = false, verb: DossierReadVerb = 'dossier.read'): Promise<DossierRow> {
  const d = await loadDossier(ex, code, forUpdate);
  if (!d || !can(actor, verb, scopeOf(d))) throw new AppError('DOSSIER_NOT_FOUND');
  return d;
}

/**
 * Work another module does in the transaction of an action, after its event is written (signing
 * the result of `issue_result`: src/modules/documents). It may throw to refuse the action.
 */
export type ActionHook = (c: { tx: Executor; dossier: DossierRow; actor: SessionUser; input: ActionInput; now: Date }) => Promise<void>;

/**
 * Takes one action on a dossier: checks the action table, the actor's standing and the version,
 * asks the domain what the action does (`decide`), and applies that decision with its event and
 * audit entry, all in one transaction; then runs the hook, if any.
 * @throws AppError DOSSIER_NOT_FOUND, DOSSIER_ACTION_NOT_ALLOWED (409), DOSSIER_VERSION_CONFLICT (409), FORBIDDEN, and `decide`'s and the hook's own errors
 */
export async function actOnDossier(
  database: Database,
  actor: SessionUser,
  code: string,
  input: ActionInput,
  now: Date,
  ctx: RequestContext,
  hook?: ActionHook,
): Promise<DossierRow> {
  return database.transaction(async (tx) => {
    const d = await readableDossier(tx, actor, code, true);
    if (input.expectedVersion !== undefined && input.expectedVersion !== d.version) {
      throw new AppError('DOSSIER_VERSION_CONFLICT', { currentVersion: d.version });
    }
    if (!isAllowed(d.status, input.action)) {
      throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { status: d.status, statusLabel: STATUS_INFO[d.status].vi, action: input.action });
    }
    const role = actingRole(actor, input.action, await resourceOf(tx, d));
    if (!role) throw new AppError('FORBIDDEN');
    const def = (await getProcedure(tx, d.procedure_code, d.procedure_version)).definition;
    const cal = await loadWorkingCalendar(tx);
    const facts = await loadActionFacts(tx, d, input);
    const decision = decide(stateOf(d), input, { now, cal, def, actor: { id: actor.id, role }, facts, newId: randomUUID });
    const updated = await applyDecision(tx, d, decision, actor.id, now);
    // Each appended event tells whom it concerns (a proposal the desk has not sent tells the applicant nothing).
    for (const e of decision.events) await notifyDossierEvent(tx, d.id, { ...e, actorId: actor.id }, ctx.notify, now, updated);
    // … and every connected system that follows the dossier gets them, in order (src/modules/interop).
    await publishDossierEvents(tx, updated, decision.events.length, now);
    await audit(tx, { actorId: actor.id, action: `dossier_${input.action}`, entityType: 'dossier', entityId: d.code, requestId: ctx.requestId, ip: ctx.ip }, now);
    await hook?.({ tx, dossier: updated, actor, input, now });
    return updated;
  });
}

/**
 * Records the applicant's rating, once, after the result is returned.
 * @throws AppError DOSSIER_NOT_FOUND, FORBIDDEN, DOSSIER_ACTION_NOT_ALLOWED, ALREADY_RATED
 */
export async function rateDossier(database: Database, actor: SessionUser, code: string, input: { score: number; comment?: string | undefined }, now: Date) {
  return database.transaction(async (tx) => {
    const d = await readableDossier(tx, actor, code, true);
    if (!can(actor, 'dossier.rate', scopeOf(d))) throw new AppError('FORBIDDEN');
    if (d.status !== 'returned') throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { status: d.status, action: 'rate' });
    const inserted = await rows<{ dossier_id: string }>(
      tx,
      sql`insert into ratings (dossier_id, score, comment, rated_by, created_at)
          values (${d.id}, ${input.score}, ${input.comment ?? null}, ${actor.id}, ${now.toISOString()})
          on conflict (dossier_id) do nothing returning dossier_id`,
    );
    if (inserted.length === 0) throw new AppError('ALREADY_RATED');
    await audit(tx, { actorId: actor.id, action: 'dossier_rate', entityType: 'dossier', entityId: d.code }, now);
    return { score: input.score, comment: input.comment ?? null };
  });
}
