import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { formatVn, vnDateOf } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { WARD_AREAS, areaOf, extentOf, type AreaFeature } from '../../domain/feedback-areas.ts';
import { areasInForce } from './feedback.areas.ts';
import type { ActionInput, ReportInput } from '../../domain/feedback-contract.ts';
import {
  DUPLICATE_WINDOW_DAYS,
  FEEDBACK_CATEGORIES,
  deadlinesAt,
  feedbackCode,
  feedbackRulesOn,
  mayReopen,
  mayTake,
  nextStatus,
  type FeedbackAction,
  type FeedbackCategory,
} from '../../domain/feedback.ts';
import { hasNoMetadata, metadataOf, PhotoFormatError, stripPhotoMetadata } from '../../domain/photo-metadata.ts';
import { authorize, can, mustAudit, type Actor, type Verb } from '../../domain/policy.ts';
import type { ServerKeys } from '../../server/secrets.ts';
import { audit } from '../audit/audit.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { receiveUpload } from '../files/files.service.ts';
import type { BlobStore } from '../files/storage.ts';
import { notify, notifyContact, type NotifySettings } from '../notifications/index.ts';
import { checkCode, codeError, countEvent, issueCode } from '../otp/index.ts';
import { applyPatch, appendEvent, loadReport, nextSequence, scopeOf, type ReportPatch, type ReportRow } from './feedback.repo.ts';
import type { RowOf } from '../../db/rows.ts';

export interface FeedbackDeps {
  database: Database;
  blobs: BlobStore;
  keys: ServerKeys;
  notify: NotifySettings;
  maxPhotoBytes: number;
}

export interface RequestContext {
  requestId: string;
  ip: string;
}

/** Limits against floods (fixed windows shared by every instance): per account or contact, and per client address. */
export const LIMITS = {
  reportsPerReporter: { max: 10, windowMs: 86_400_000 },
  reportsPerAddress: { max: 30, windowMs: 86_400_000 },
  photosPerAddress: { max: 60, windowMs: 3_600_000 },
} as const;

async function limit(tx: Executor, key: string, l: { max: number; windowMs: number }, now: Date) {
  if ((await countEvent(tx, key, l.windowMs, now)) > l.max) throw new AppError('FEEDBACK_RATE_LIMITED');
}

export const followPath = (code: string) => `/phan-anh/${encodeURIComponent(code)}`;
export const staffFeedbackPath = (code: string) => `/can-bo/phan-anh/${encodeURIComponent(code)}`;
const tokenHash = (keys: ServerKeys, code: string, token: string) => keys.mac('feedback-follow', `${code}:${token}`);
/**
 * The follow token of a report sent without an account: derived from its code with the server's
 * key, so a later message (the answer, "is it fixed?") can carry the link that lets its reporter
 * act without an account; only its keyed hash is stored.
 */
export const followTokenOf = (keys: ServerKeys, code: string) => Buffer.from(keys.mac('feedback-follow-token', code), 'hex').subarray(0, 24).toString('base64url');
/** The link a reporter follows their report with: with its follow token when they have no account. */
export const reporterLink = (keys: ServerKeys, publicUrl: string, row: { code: string; reporter_id: string | null; follow_token_hash: string | null }) =>
  `${publicUrl}${followPath(row.code)}${row.reporter_id === null && row.follow_token_hash !== null ? `?token=${followTokenOf(keys, row.code)}` : ''}`;

/**
 * Checks where a report is: on the map near the ward (the areas in force, padded by about 1 km),
 * or an address; and places it in its area.
 * @throws AppError FEEDBACK_LOCATION_REQUIRED, FEEDBACK_OUTSIDE_WARD
 */
export function placeOf(
  input: { lat: number | null; lon: number | null; address: string },
  areas: readonly AreaFeature[] = WARD_AREAS.features,
): { lat: number | null; lon: number | null; area: string | null } {
  if ((input.lat === null) !== (input.lon === null)) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'lat', message: 'Cần cả vĩ độ và kinh độ / both lat and lon are needed' }] });
  if (input.lat === null || input.lon === null) {
    if (input.address.trim() === '') throw new AppError('FEEDBACK_LOCATION_REQUIRED');
    return { lat: null, lon: null, area: null };
  }
  const [minLon, minLat, maxLon, maxLat] = extentOf(areas);
  if (input.lat < minLat || input.lat > maxLat || input.lon < minLon || input.lon > maxLon) throw new AppError('FEEDBACK_OUTSIDE_WARD');
  return { lat: input.lat, lon: input.lon, area: areaOf(input.lat, input.lon, areas) };
}

interface Reporter {
  id: string | null;
  name: string;
  phone: string | null;
  email: string | null;
}

/** Photos given with a report: uploaded through /feedback/photos by the same person, not attached yet. */
async function checkPhotos(tx: Executor, ids: readonly string[], uploaderId: string | null) {
  if (ids.length === 0) return;
  const found = await rows<RowOf<'uploads', { id: string }>>(
    tx,
    sql`select up.id from uploads up join files f on f.sha256 = up.sha256
        where up.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) and f.mime in ('image/jpeg', 'image/png', 'image/webp')
          and ${uploaderId === null ? sql`up.uploaded_by is null` : sql`up.uploaded_by = ${uploaderId}`}
          and not exists (select 1 from feedback_photos p where p.upload_id = up.id)`,
  );
  if (found.length !== new Set(ids).size) throw new AppError('FEEDBACK_PHOTO_INVALID', { photos: ids.filter((id) => !found.some((f) => f.id === id)) });
}

/** Writes a new report (receive + log, Decree 20/2008 steps 1–2) with its deadlines; returns the row. */
export async function createReport(
  tx: Executor,
  unitId: string,
  input: Pick<ReportInput, 'category' | 'description' | 'address' | 'photos'> & { lat: number | null; lon: number | null },
  reporter: Reporter,
  channel: 'portal' | 'open311',
  withFollowToken: boolean,
  keys: ServerKeys,
  now: Date,
): Promise<ReportRow> {
  const place = placeOf(input, (await areasInForce(tx, unitId)).features);
  await checkPhotos(tx, input.photos, reporter.id);
  const cal = await loadWorkingCalendar(tx);
  const rules = feedbackRulesOn(vnDateOf(now));
  const { forwardDueAt, dueAt } = deadlinesAt(now, cal, rules);
  const day = vnDateOf(now);
  const code = feedbackCode(day, await nextSequence(tx, unitId, day));
  const id = randomUUID();
  const t = now.toISOString();
  await tx.execute(sql`insert into feedback_reports (id, unit_id, code, category, description, public_description, lat, lon, address, area_code, status, channel,
      reporter_id, reporter_name, reporter_phone, reporter_email, follow_token_hash, received_at, forward_due_at, due_at, updated_at)
    values (${id}, ${unitId}, ${code}, ${input.category}, ${input.description}, ${input.description}, ${place.lat}, ${place.lon}, ${input.address}, ${place.area},
      'received', ${channel}, ${reporter.id}, ${reporter.name}, ${reporter.phone}, ${reporter.email},
      ${withFollowToken ? tokenHash(keys, code, followTokenOf(keys, code)) : null}, ${t}, ${forwardDueAt.toISOString()}, ${dueAt.toISOString()}, ${t})`);
  for (const p of new Set(input.photos)) await tx.execute(sql`insert into feedback_photos (report_id, upload_id) values (${id}, ${p})`);
  await appendEvent(tx, id, { action: 'receive', actorId: reporter.id, data: { channel, category: input.category } }, now);
  return (await loadReport(tx, code))!;
}

/**
 * A signed-in person's report: written at once.
 * @throws AppError FEEDBACK_LOCATION_REQUIRED, FEEDBACK_OUTSIDE_WARD, FEEDBACK_PHOTO_INVALID, FEEDBACK_RATE_LIMITED
 */
export async function submitSignedIn(deps: FeedbackDeps, actor: Actor & { fullName?: string }, unitId: string, input: ReportInput, now: Date, ctx: RequestContext) {
  return deps.database.transaction(async (tx) => {
    await limit(tx, `feedback:acct:${actor.id}`, LIMITS.reportsPerReporter, now);
    await limit(tx, `feedback:ip:${ctx.ip}`, LIMITS.reportsPerAddress, now);
    const u = await maybeOne<RowOf<'users', { full_name: string; phone: string | null; email: string | null }>>(tx, sql`select full_name, phone, email from users where id = ${actor.id}`);
    return createReport(tx, unitId, input, { id: actor.id, name: u?.full_name ?? '', phone: u?.phone ?? null, email: u?.email ?? null }, 'portal', false, deps.keys, now);
  });
}

const DRAFT_TTL_MS = 30 * 60_000;

/**
 * A report from someone without an account: kept as a draft, and a one-time code sent to their
 * phone (or email); `confirmDraft` writes the report when the code comes back.
 * @throws AppError VALIDATION_FAILED (no contact), FEEDBACK_LOCATION_REQUIRED, FEEDBACK_OUTSIDE_WARD, FEEDBACK_RATE_LIMITED, OTP_RATE_LIMITED
 */
export async function startDraft(deps: FeedbackDeps, unitId: string, input: ReportInput, now: Date, ctx: RequestContext) {
  const contact = input.contact;
  if (!contact || (!contact.phone && !contact.email)) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'contact', message: 'Cần số điện thoại hoặc email để nhận mã xác nhận / a phone or an email is needed for the code' }] });
  }
  placeOf(input, (await areasInForce(deps.database.db, unitId)).features);
  return deps.database.transaction(async (tx) => {
    await limit(tx, `feedback:ip:${ctx.ip}`, LIMITS.reportsPerAddress, now);
    await checkPhotos(tx, input.photos, null);
    await tx.execute(sql`delete from feedback_drafts where expires_at < ${now.toISOString()}`);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + DRAFT_TTL_MS);
    await tx.execute(sql`insert into feedback_drafts (id, payload, created_at, expires_at) values (${id}, ${JSON.stringify(input)}::jsonb, ${now.toISOString()}, ${expiresAt.toISOString()})`);
    const channel = contact.phone ? 'sms' : 'email';
    const issued = await issueCode(tx, deps.keys, { purpose: 'feedback_contact', subject: id, channel, recipient: (contact.phone ?? contact.email)!, address: ctx.ip }, now);
    return { draftId: id, sentTo: issued.sentTo, expiresAt: formatVn(issued.expiresAt) };
  });
}

/**
 * Writes the draft's report once its code is right; returns the report and the follow token.
 * @throws AppError FEEDBACK_DRAFT_NOT_FOUND, OTP_INVALID, OTP_EXPIRED, FEEDBACK_RATE_LIMITED
 */
export async function confirmDraft(deps: FeedbackDeps, unitId: string, draftId: string, code: string, now: Date) {
  const result = await deps.database.transaction(async (tx) => {
    const draft = await maybeOne<RowOf<'feedback_drafts', { payload: ReportInput; expires_at: string; used_at: string | null }>>(tx, sql`select payload, expires_at, used_at from feedback_drafts where id = ${draftId} for update`);
    if (!draft || draft.used_at || toDate(draft.expires_at) < now) return { error: new AppError('FEEDBACK_DRAFT_NOT_FOUND') };
    const check = await checkCode(tx, deps.keys, { purpose: 'feedback_contact', subject: draftId, code }, now);
    // A wrong code is counted: this transaction commits, the error is answered after.
    if (!check.ok) return { error: codeError(check) };
    await tx.execute(sql`update feedback_drafts set used_at = ${now.toISOString()} where id = ${draftId}`);
    const input = draft.payload;
    await limit(tx, `feedback:contact:${check.recipient}`, LIMITS.reportsPerReporter, now);
    // Only the contact the code proved is kept.
    const reporter: Reporter = { id: null, name: input.contact?.name ?? '', phone: check.channel === 'sms' ? check.recipient : null, email: check.channel === 'email' ? check.recipient : null };
    const row = await createReport(tx, unitId, input, reporter, 'portal', true, deps.keys, now);
    return { row, token: followTokenOf(deps.keys, row.code) };
  });
  if ('error' in result) throw result.error;
  return result;
}

/**
 * Receives a photo: read whole (it is small), its location and camera metadata stripped, checked
 * clean, then stored through the file store. Returns the upload's id.
 * @throws AppError FEEDBACK_PHOTO_INVALID, FILE_TOO_LARGE, FEEDBACK_RATE_LIMITED, VALIDATION_FAILED (cut short)
 */
export async function receivePhoto(deps: FeedbackDeps, uploaderId: string | null, stream: NodeJS.ReadableStream & { truncated?: boolean }, name: string, now: Date, ctx: RequestContext) {
  await deps.database.transaction((tx) => limit(tx, `feedback-photo:ip:${ctx.ip}`, LIMITS.photosPerAddress, now));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > deps.maxPhotoBytes) throw new AppError('FILE_TOO_LARGE', { maxBytes: deps.maxPhotoBytes });
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    // The body ended before the file did (a dropped connection, a malformed multipart body).
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'file', message: 'Tệp tải lên bị ngắt giữa chừng / the upload ended before the file was complete' }] });
  }
  if (stream.truncated) throw new AppError('FILE_TOO_LARGE', { maxBytes: deps.maxPhotoBytes });
  let bytes: Uint8Array;
  try {
    bytes = stripPhotoMetadata(Buffer.concat(chunks)).bytes;
    if (!hasNoMetadata(metadataOf(bytes))) throw new PhotoFormatError('metadata left after stripping');
  } catch (e) {
    if (e instanceof PhotoFormatError) throw new AppError('FEEDBACK_PHOTO_INVALID');
    throw e;
  }
  return receiveUpload({ database: deps.database, blobs: deps.blobs, maxBytes: deps.maxPhotoBytes }, { stream: Readable.from([Buffer.from(bytes)]), name, uploadedBy: uploaderId }, now);
}

// ---------------------------------------------------------------------------------------------
// Officials' steps
// ---------------------------------------------------------------------------------------------

const VERB_OF: Record<ActionInput['action'], Verb> = {
  classify: 'feedback.route',
  forward: 'feedback.route',
  reject: 'feedback.route',
  merge: 'feedback.route',
  moderate: 'feedback.moderate',
  assign: 'feedback.assign',
  answer: 'feedback.answer',
  archive: 'feedback.answer',
  note: 'feedback.note',
};
export const STAFF_ACTIONS = Object.keys(VERB_OF) as ActionInput['action'][];

/** The steps `actor` may take on the report now (the status table, then the policy). */
export function allowedStaffActions(actor: Actor | null, row: ReportRow): FeedbackAction[] {
  return STAFF_ACTIONS.filter((a) => mayTake(row.status, a) && can(actor, VERB_OF[a] as 'feedback.route', scopeOf(row)));
}

/**
 * Loads a report the official handles, or FEEDBACK_NOT_FOUND.
 * @throws AppError FEEDBACK_NOT_FOUND
 */
export async function handledReport(ex: Executor, actor: Actor | null, code: string, forUpdate = false): Promise<ReportRow> {
  const row = await loadReport(ex, code, forUpdate);
  if (!row || !can(actor, 'feedback.read', scopeOf(row))) throw new AppError('FEEDBACK_NOT_FOUND');
  return row;
}

const categoryName = (c: FeedbackCategory, locale: 'vi' | 'en' = 'vi') => FEEDBACK_CATEGORIES[c][locale];

/** Every official of a department with the leader role: told when a report is forwarded to it. */
async function departmentLeaders(tx: Executor, departmentId: string) {
  return rows<RowOf<'users', { id: string; full_name: string }>>(tx, sql`select id, full_name from users where department_id = ${departmentId} and 'leader' = any(roles) and kind = 'staff'`);
}

/**
 * One official step on a report, in one transaction: status table, policy, the change with its
 * version checked, the event, the audit entry, the notices.
 * @throws AppError FEEDBACK_NOT_FOUND, FEEDBACK_ACTION_NOT_ALLOWED, FORBIDDEN, FEEDBACK_VERSION_CONFLICT, VALIDATION_FAILED
 */
export async function actOnReport(deps: FeedbackDeps, actor: Actor | null, code: string, body: ActionInput, now: Date, ctx: RequestContext): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const row = await handledReport(tx, actor, code, true);
    if (!mayTake(row.status, body.action)) throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { status: row.status, action: body.action });
    const user = authorize(actor, VERB_OF[body.action] as 'feedback.route', scopeOf(row));
    const patch: ReportPatch = {};
    const status = nextStatus(row.status, body.action);
    if (status !== row.status) patch.status = status;
    let note = '';
    let internal = false;
    const data: Record<string, unknown> = {};
    const t = now.toISOString();
    const dueVi = formatVn(toDate(row.due_at));
    switch (body.action) {
      case 'classify':
        patch.category = body.category;
        data.from = row.category;
        data.to = body.category;
        note = body.note;
        break;
      case 'forward': {
        const dept = await maybeOne<RowOf<'departments', { id: string; name: string }>>(tx, sql`select id, name from departments where id = ${body.departmentId} and unit_id = ${row.unit_id}`);
        if (!dept) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'departmentId', message: 'Phòng ban không thuộc đơn vị / not a department of this unit' }] });
        patch.department_id = dept.id;
        if (dept.id !== row.department_id) patch.assignee_id = null;
        if (!row.forwarded_at) patch.forwarded_at = t;
        data.department = dept.name;
        note = body.note;
        for (const l of await departmentLeaders(tx, dept.id)) {
          if (l.id === user.id) continue;
          const vars = (locale: 'vi' | 'en') => ({ name: l.full_name, code: row.code, category: categoryName(row.category, locale), due: dueVi, link: `${deps.notify.publicUrl}${staffFeedbackPath(row.code)}` });
          await notify(tx, { userId: l.id, event: 'staff.feedback_forwarded', vars: { vi: vars('vi'), en: vars('en') }, path: staffFeedbackPath(row.code) }, deps.notify, now);
        }
        break;
      }
      case 'assign': {
        const who = await maybeOne<RowOf<'users', { id: string; full_name: string; department_id: string | null }>>(
          tx,
          sql`select id, full_name, department_id from users where id = ${body.assigneeId} and unit_id = ${row.unit_id} and kind = 'staff' and ('specialist' = any(roles) or 'leader' = any(roles))`,
        );
        if (!who || (row.department_id !== null && who.department_id !== row.department_id)) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'assigneeId', message: 'Người được giao phải thuộc phòng xử lý / the assignee must belong to the handling department' }] });
        }
        patch.assignee_id = who.id;
        if (!row.department_id) patch.department_id = who.department_id;
        data.assignee = who.full_name;
        note = body.note;
        internal = true;
        if (who.id !== user.id) {
          const vars = (locale: 'vi' | 'en') => ({ name: who.full_name, code: row.code, category: categoryName(row.category, locale), due: dueVi, link: `${deps.notify.publicUrl}${staffFeedbackPath(row.code)}` });
          await notify(tx, { userId: who.id, event: 'staff.feedback_assigned', vars: { vi: vars('vi'), en: vars('en') }, path: staffFeedbackPath(row.code) }, deps.notify, now);
        }
        break;
      }
      case 'note':
        note = body.note;
        internal = true;
        break;
      case 'answer':
        patch.answer = body.answer;
        patch.answered_at = t;
        patch.fixed = null;
        note = body.answer;
        await tellReporter(tx, deps, row, now);
        break;
      case 'archive':
        patch.closed_at = t;
        note = body.note;
        break;
      case 'reject':
        note = body.reason;
        internal = true;
        break;
      case 'merge': {
        const into = await loadReport(tx, body.into);
        if (!into || into.unit_id !== row.unit_id || into.id === row.id || into.status === 'merged' || into.status === 'rejected') {
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'into', message: 'Phản ánh gộp vào không hợp lệ / not a report this one can be merged into' }] });
        }
        patch.merged_into = into.id;
        data.into = into.code;
        note = body.note;
        break;
      }
      case 'moderate': {
        if (body.publicDescription !== undefined) patch.public_description = body.publicDescription;
        for (const p of body.hidePhotos) await tx.execute(sql`update feedback_photos set hidden = true where report_id = ${row.id} and upload_id = ${p}`);
        data.publicDescriptionChanged = body.publicDescription !== undefined;
        data.hiddenPhotos = body.hidePhotos;
        note = body.reason;
        internal = true;
        break;
      }
    }
    await applyPatch(tx, row.id, body.version, patch, now);
    await appendEvent(tx, row.id, { action: body.action, actorId: user.id, note, internal, data }, now);
    await audit(tx, { actorId: user.id, action: `feedback_${body.action}`, entityType: 'feedback', entityId: row.code, details: data, ...ctx }, now);
  });
}

/** The reporter hears of the answer: their inbox and channels (an account), or the contact they proved. */
async function tellReporter(tx: Executor, deps: FeedbackDeps, row: ReportRow, now: Date) {
  const link = reporterLink(deps.keys, deps.notify.publicUrl, row);
  const vars = (locale: 'vi' | 'en') => ({ name: row.reporter_name, code: row.code, category: categoryName(row.category, locale), link });
  if (row.reporter_id) {
    await notify(tx, { userId: row.reporter_id, event: 'feedback.answered', vars: { vi: vars('vi'), en: vars('en') }, path: followPath(row.code), dedupeKey: `feedback-answered:${row.id}:${row.version}` }, deps.notify, now);
    return;
  }
  // A report posted by an Open311 client carries contacts that client gave, unproven: the client follows it through the API.
  if (row.channel === 'open311') return;
  const contact = row.reporter_phone ? { channel: 'sms' as const, recipient: row.reporter_phone } : row.reporter_email ? { channel: 'email' as const, recipient: row.reporter_email } : null;
  if (contact) await notifyContact(tx, { ...contact, event: 'feedback.answered', vars: vars('vi'), dedupeKey: `feedback-answered:${row.id}:${row.version}` }, deps.notify, now);
}

/** Reads a report as an official: the read of the reporter's identity is audited in its own transaction. */
export async function readAsOfficial(deps: FeedbackDeps, actor: Actor | null, code: string, now: Date, ctx: RequestContext): Promise<ReportRow> {
  return deps.database.transaction(async (tx) => {
    const row = await handledReport(tx, actor, code);
    if (mustAudit(actor, 'feedback.read', scopeOf(row))) {
      await audit(tx, { actorId: actor!.id, action: 'read_feedback', entityType: 'feedback', entityId: row.code, ...ctx }, now);
    }
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// The reporter's steps
// ---------------------------------------------------------------------------------------------

/** Whether the person is the report's reporter: signed in as them, or holding its follow token. */
export function isReporter(keys: ServerKeys, actor: Actor | null, row: ReportRow, token: string | undefined): boolean {
  if (can(actor, 'feedback.rate', scopeOf(row))) return true;
  return !!token && row.follow_token_hash !== null && keys.macEquals('feedback-follow', `${row.code}:${token}`, row.follow_token_hash);
}

type ReporterStep = { kind: 'rate'; rating: number; comment: string } | { kind: 'reopen'; reason: string } | { kind: 'fixed' };

/**
 * The reporter rates the answer, says it is fixed (the report is archived), or reopens it within
 * the set time because the problem is back.
 * @throws AppError FEEDBACK_NOT_FOUND, FORBIDDEN, FEEDBACK_ACTION_NOT_ALLOWED, ALREADY_RATED, FEEDBACK_REOPEN_EXPIRED
 */
export async function reporterStep(deps: FeedbackDeps, actor: Actor | null, code: string, token: string | undefined, step: ReporterStep, now: Date): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const row = await loadReport(tx, code, true);
    if (!row || row.status === 'rejected') throw new AppError('FEEDBACK_NOT_FOUND');
    if (!isReporter(deps.keys, actor, row, token)) throw new AppError(actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    const rules = feedbackRulesOn(vnDateOf(now));
    const actorId = actor && actor.kind !== 'staff' ? actor.id : null;
    const t = now.toISOString();
    if (step.kind === 'rate') {
      if (!mayTake(row.status, 'rate')) throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { status: row.status, action: 'rate' });
      if (row.rating !== null) throw new AppError('ALREADY_RATED');
      await applyPatch(tx, row.id, row.version, { rating: step.rating, rated_at: t }, now);
      await appendEvent(tx, row.id, { action: 'rate', actorId, note: step.comment, data: { rating: step.rating } }, now);
    } else if (step.kind === 'fixed') {
      if (!mayTake(row.status, 'reopen')) throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { status: row.status, action: 'fixed' });
      await applyPatch(tx, row.id, row.version, { fixed: true, ...(row.status === 'answered' ? { status: 'closed' as const, closed_at: t } : {}) }, now);
      await appendEvent(tx, row.id, { action: 'fixed', actorId }, now);
    } else {
      if (!mayTake(row.status, 'reopen')) throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { status: row.status, action: 'reopen' });
      if (!mayReopen({ status: row.status, answeredAt: toDate(row.answered_at) }, now, rules)) throw new AppError('FEEDBACK_REOPEN_EXPIRED');
      await applyPatch(tx, row.id, row.version, { status: 'in_progress', answered_at: null, closed_at: null, fixed: false, reopen_count: row.reopen_count + 1 }, now);
      await appendEvent(tx, row.id, { action: 'reopen', actorId, note: step.reason }, now);
    }
  });
}

export const duplicateSince = (now: Date) => new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
