import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { databaseOf, maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
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
import { noticeFacts, noticeWrites, notifyDossierEvent, submittedNotice, type NoticeFacts, type NotificationInput, type NotifySettings } from '../notifications/index.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { forgetVersionInForce, getProcedure, guessVersionInForce, versionInForceSql } from '../procedures/procedures.service.ts';
import { decide } from '../../domain/dossier-decide.ts';
import { loadActionFacts } from './dossiers.facts.ts';
import { applyDecision, attachDocuments, dossierCodeSql, loadDossier, ownUploadsInsert, presentedDocumentsJson, resourceOf, scopeOf, stateOf, type ApplicantSnapshot, type DossierRow, type PresentedDocumentRow, type StepRow } from './dossiers.repo.ts';
import type { DossierPresentation } from './dossiers.present.ts';
import { unitByCode, unitById } from '../units/units.service.ts';
import type { ActionInput, SubmitInput } from '../../contract/dossiers.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface RequestContext {
  requestId: string;
  ip: string;
  /** Where notices of the dossier's events go (links, channels offered). */
  notify: NotifySettings;
}

const UNIQUE_VIOLATION = '23505';

type Filed = { dossier: DossierRow; created: boolean; presentation?: DossierPresentation };

/** Nothing was written and the submission is filed again: reading the version in force (`guessing` false), or in a transaction. */
class Refiled extends Error {
  constructor(readonly guessing: boolean) {
    super('refiled');
  }
}

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
): Promise<Filed> {
  const desk = can(actor, 'dossier.file_at_desk', null);
  if (!desk && !can(actor, 'dossier.file_online', null)) throw new AppError('FORBIDDEN');
  if (!desk && (input.channel !== 'online' || input.applicant)) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'channel', message: 'Hồ sơ trực tuyến do chính người nộp gửi / online submissions are made by the applicant' }] });
  }
  if (desk && !input.applicant) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'applicant', message: 'Bắt buộc khi tiếp nhận tại quầy / required at the desk' }] });

  // The same Idempotency-Key again: the dossier filed the first time. Asked only when this request
  // does not file (its insert violates that key, or the request is refused: a repeat is answered
  // with the dossier even when the procedure or the uploads changed since).
  const filedBefore = () =>
    opts.idempotencyKey
      ? maybeOne<DossierRow>(database.db, sql`select * from dossiers where submitted_by = ${actor.id} and idempotency_key = ${opts.idempotencyKey}`)
      : Promise.resolve(null);
  const day = vnDateOf(opts.now);
  const unitCode = input.unitCode ?? opts.defaultUnitCode;
  // An online submission to a unit no connected system follows is one statement, committed on its
  // own (no BEGIN, no COMMIT: the day's counter row is locked for that statement only). The desk
  // (it may create the applicant first) and a followed unit (its systems' messages are written
  // after the dossier) file in a transaction.
  const attempt = (guessing = true, tries = 0): Promise<Filed> => {
    const alone = !desk && !isFollowed(database.db, unitCode);
    return (alone ? file(database.db, guessing, true) : database.transaction((tx) => file(tx, guessing, false))).catch(async (err: unknown) => {
      // The version guessed in force was not (or a new one came in force since it was read): once
      // more, reading which is; a followed unit: once more, in a transaction. Nothing was written.
      if (err instanceof Refiled && tries < 3) return attempt(err.guessing, tries + 1);
      if (opts.idempotencyKey && (err instanceof AppError || violatesUnique(err))) {
        const before = await filedBefore();
        if (before) return { dossier: before, created: false };
      }
      throw err;
    });
  };
  const file = async (ex: Executor, guessing: boolean, alone: boolean): Promise<Filed> => {
    // Which version is in force: the one found last time, checked by the dossier's own insert
    // (one statement fewer per submission); read when not known, and whenever the guess fails.
    const guess = guessing ? guessVersionInForce(ex, input.procedureCode, day) : undefined;
    const outdated = () => {
      forgetVersionInForce(ex, input.procedureCode, day);
      return new Refiled(false);
    };
    const proc = await getProcedure(ex, input.procedureCode, guess, day);
    const def = proc.definition;
    const check = validateSubmission(def, input.formData, input.documents);
    // A refusal is only given under the version read in force (a repeat's is answered with its dossier).
    if (!check.ok && guess) throw outdated();
    if (!check.ok) throw new AppError('SUBMISSION_INCOMPLETE', { problems: check.problems });

    const unit = desk ? await unitById(ex, actor.unitId) : await unitByCode(ex, unitCode);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');

    const applicant: ApplicantFacts = desk
      ? await findOrCreateApplicant(ex, input.applicant!, opts.now)
      : actor.self
        ? { id: actor.id, kind: actor.kind, login: actor.login, full_name: actor.fullName, ...actor.self }
        : (await findUser(ex, actor.id))!;
    if (def.applicant !== 'both' && def.applicant !== applicant.kind) throw guess ? outdated() : new AppError('APPLICANT_NOT_ALLOWED');

    const submitEvent = { action: 'submit', fromStatus: null, toStatus: 'submitted' as const, actorId: actor.id, comment: null, data: {} };
    // The applicant's notice is written by the dossier's statement: its texts carry the code, given
    // there, so they are filled here with a stand-in for it. Its template and recipient are read first.
    const placeholder = `NTS${randomUUID().replaceAll('-', '')}`;
    const id = randomUUID();
    const notice = submittedNotice(
      { id, code: placeholder, procedure_code: def.code, procedure_version: proc.version, channel: input.channel, applicant_id: applicant.id, applicant: { fullName: applicant.full_name }, assignee_id: null, due_at: null, supplement_rounds: 0 },
      def,
      submitEvent,
      opts.ctx.notify,
    );
    const facts = notice ? await noticeFacts(ex, notice.event, day, notice.userId, opts.ctx.notify.channels, notice.userId === actor.id ? actor.recipient : null) : null;
    // The documents are written only with the submitter's own uploads (FILE_NOT_FOUND otherwise).
    const written = await writeDossier(
      ex,
      {
        id,
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
      {
        uploadsOf: actor.id,
        inForce: { code: def.code, asOf: day, version: proc.version },
        notice: notice && facts ? { input: notice, facts, settings: opts.ctx.notify, placeholder } : null,
        alone,
      },
    );
    if ('refused' in written) {
      // Nothing written, nothing locked: why.
      const { in_force_version: inForce, own_uploads: own, following_systems: following } = written.refused;
      if (inForce !== proc.version) throw outdated();
      if (alone && following.length > 0) {
        followedUnits(database.db).add(unitCode);
        throw new Refiled(guessing);
      }
      const missing = input.documents.find((doc) => !own.includes(doc.fileId.toLowerCase()));
      throw new AppError('FILE_NOT_FOUND', { fileId: missing?.fileId, requirementId: missing?.requirementId });
    }
    const { dossier, documents, step, following } = written;
    if (!alone && !desk && following.length === 0) followedUnits(database.db).delete(unitCode);
    await publishDossierEvents(ex, dossier, 1, opts.now, following);
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

  return attempt();
}

/** Drizzle wraps the driver's error (DrizzleQueryError): the SQLSTATE is on `cause`. */
function violatesUnique(err: unknown) {
  const e = err as { code?: string; cause?: { code?: string } };
  return (e.code ?? e.cause?.code) === UNIQUE_VIOLATION;
}

/**
 * The units some connected system follows (src/modules/interop), as last found, per database: their
 * online submissions are filed in a transaction. A unit not in it is checked by the dossier's own
 * statement, which writes nothing when one does.
 */
const followed = new WeakMap<object, Set<string>>();
const followedUnits = (ex: Executor) => {
  const set = followed.get(databaseOf(ex)) ?? new Set<string>();
  followed.set(databaseOf(ex), set);
  return set;
};
const isFollowed = (ex: Executor, unitCode: string) => followed.get(databaseOf(ex))?.has(unitCode) ?? false;

/** A new dossier as the desk, the portal or a connected system files it (validated by the caller). */
export interface NewDossier {
  /** Its id, when the caller needs it first (otherwise a new one). */
  id?: string;
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
 * Writes a new dossier: the row with its code (the per-unit, per-day counter), its documents,
 * first step and `submit` event. Call it inside the filing transaction.
 */
export async function createDossier(tx: Executor, n: NewDossier): Promise<DossierRow> {
  const written = await writeDossier(tx, n, { uploadsOf: null, inForce: null, notice: null, alone: false });
  if ('refused' in written) throw new Error('createDossier: nothing written');
  return written.dossier;
}

/** Why a dossier's statement wrote nothing (what it checked before taking the day's number). */
interface Refusal {
  /** The version of the procedure in force (when asked to check one). */
  in_force_version: number | null;
  /** The uploads among the documents' that are the submitter's own (when asked). */
  own_uploads: string[];
  /** The connected systems that follow the dossier's unit. */
  following_systems: FollowingSystem[];
}

interface WriteOptions {
  /** Each document is written only with an upload this person made, and a missing one writes nothing: the documents come back as the dossier's view shows them. */
  uploadsOf: string | null;
  /** Write nothing unless this version of the procedure is in force on that date. */
  inForce: { code: string; asOf: string; version: number } | null;
  /** The applicant's notice, written in the same statement (noticeWrites: `placeholder` stands for the code). */
  notice: { input: NotificationInput; facts: NoticeFacts; settings: NotifySettings; placeholder: string } | null;
  /** The statement is the whole filing (no transaction around it): write nothing when a connected system follows the unit (its messages come after). */
  alone: boolean;
}

/**
 * createDossier, returning also what it wrote, in one statement; or, when a check made before the
 * day's number is taken fails, nothing at all and why (`refused`). Checks, each as asked: the
 * version in force, the submitter's own uploads, no connected system following the unit. A
 * repeated Idempotency-Key violates its unique key (the statement fails: nothing written).
 */
async function writeDossier(
  ex: Executor,
  n: NewDossier,
  o: WriteOptions,
): Promise<{ dossier: DossierRow; documents: PresentedDocumentRow[] | null; step: StepRow; following: FollowingSystem[] } | { refused: Refusal }> {
  const { def, now } = n;
  const id = n.id ?? randomUUID();
  const snap = snapshot(n.applicant);
  const first = def.workflow[0]!;
  const submitted = {
    channel: n.channel,
    procedureVersion: n.procedureVersion,
    ...(n.origin ? { via: { system: n.origin.systemCode, externalCode: n.origin.externalCode } } : {}),
  };
  const documents = n.documents.map((doc) => ({ id: randomUUID(), requirementId: doc.requirementId, uploadId: doc.fileId }));
  const own = o.uploadsOf !== null && documents.length > 0;
  const uploadIds = [...new Set(n.documents.map((d) => d.fileId.toLowerCase()))];
  // What is checked comes first (`checked`, read once); the day's counter row is locked from its
  // increment (`c`) to the commit, so only the writes follow it. One statement writes the dossier
  // with its code, its first step (0) and `submit` event (1), the submitter's own uploads as its
  // documents, the filing's audit entry and the applicant's notice with its outbox messages
  // (foreign keys are checked at its end), and reads back the connected systems that follow it.
  // The code is written with the row, not by a second update that would rewrite every index of
  // dossiers (docs/PERFORMANCE.md).
  const [row] = await rows<Partial<DossierRow> & Computed<Refusal & { first_step: StepRow; written_documents: PresentedDocumentRow[] | null }>>(
    ex,
    sql`with checked as (
          select ${o.inForce ? versionInForceSql(o.inForce.code, o.inForce.asOf) : sql`null::int`} as in_force_version,
                 ${own ? sql`(select coalesce(json_agg(id), '[]'::json) from uploads where uploaded_by = ${o.uploadsOf} and id in (${sql.join(uploadIds.map((u) => sql`${u}::uuid`), sql`, `)}))` : sql`'[]'::json`} as own_uploads,
                 ${followingSystemsJson({ origin_system_id: n.origin?.systemId ?? null, receiving_unit_id: n.unit.id, handling_unit_id: n.unit.id })} as following_systems
        ), c as (
          insert into dossier_counters (unit_id, day, last)
          select ${n.unit.id}, ${vnDateOf(now)}, 1 from checked
          where true${o.inForce ? sql` and in_force_version is not distinct from ${o.inForce.version}::int` : sql``}${
            own ? sql` and json_array_length(own_uploads) = ${uploadIds.length}` : sql``}${o.alone ? sql` and json_array_length(following_systems) = 0` : sql``}
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
          from c
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
        )${own ? sql`, written as (${ownUploadsInsert(sql`dossier`, documents, o.uploadsOf!, now)})` : sql``}${
          n.audit ? sql`, filed as (${auditInsert({ ...n.audit, entityId: sql`dossier.code` }, now, sql`dossier`)})` : sql``}${
          o.notice ? sql`, ${noticeWrites(o.notice.input, o.notice.settings, now, o.notice.facts, sql`dossier`, o.notice.placeholder)}` : sql``}
        select checked.*, dossier.*,
               (select json_build_object('idx', idx, 'step_key', step_key, 'name', name, 'role', role, 'handler_id', handler_id,
                                         'started_at', started_at::text, 'due_at', due_at::text, 'finished_at', finished_at::text) from step) as first_step,
               ${own ? presentedDocumentsJson(sql`written`) : sql`null::json`} as written_documents
        from checked left join dossier on true`,
  );
  const { first_step: step, written_documents: written, in_force_version, own_uploads, following_systems: following, ...dossier } = row!;
  if (dossier.id == null) return { refused: { in_force_version, own_uploads, following_systems: following } };
  if (o.uploadsOf === null) await attachDocuments(ex, id, documents.map((d) => ({ ...d, round: 0, purpose: 'application' as const })), now);
  return { dossier: dossier as DossierRow, documents: o.uploadsOf === null ? null : (written ?? []), step, following };
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
    const inserted = await rows<RowOf<'ratings', { dossier_id: string }>>(
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
