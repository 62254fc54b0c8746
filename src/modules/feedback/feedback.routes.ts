import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { maybeOne, rows } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { AppError } from '../../domain/errors.ts';
import {
  ActionBody,
  CodeParams,
  ConfirmBody,
  DraftParams,
  DraftSchema,
  MapSettingsSchema,
  PublicAreasSchema,
  FixedBody,
  PhotoParams,
  PhotoSchema,
  PublicDetailSchema,
  PublicListQuery,
  PublicListSchema,
  QueueQuery,
  QueueSchema,
  RateBody,
  ReopenBody,
  ReportBody,
  SimilarQuery,
  SimilarSchema,
  StaffDetailSchema,
  SubmittedSchema,
} from '../../domain/feedback-contract.ts';
import { FEEDBACK_CATEGORIES, feedbackRulesOn, templatesFor, followUpDue, mayReopen, mayTake, similarReports } from '../../domain/feedback.ts';
import { authorize, can } from '../../domain/policy.ts';
import { matchesSearch } from '../../domain/text.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { requireUser, type SessionUser } from '../../server/auth.ts';
import { sanitizeFileName } from '../files/sniff.ts';
import { deploymentData } from '../units/units.service.ts';
import { areasInForce } from './feedback.areas.ts';
import { eventsOf, listReports, loadReport, openWithLocation, photosOf, scopeOf, type ReportRow } from './feedback.repo.ts';
import { open311KeyRoutes } from './open311.routes.ts';
import { feedbackSettingsRoutes } from './feedback.settings.routes.ts';
import { settingsInForce } from './feedback.settings.ts';
import { presentEvents, presentPublic, presentQueueItem } from './feedback.present.ts';
import {
  actOnReport,
  allowedStaffActions,
  confirmDraft,
  duplicateSince,
  isReporter,
  readAsOfficial,
  receivePhoto,
  reporterStep,
  startDraft,
  submitSignedIn,
} from './feedback.service.ts';
import { feedbackDeps } from './feedback.deps.ts';
import { NoContent } from '../../contract/session.ts';
import type { Computed, RowOf } from '../../db/rows.ts';
import { answers } from '../../contract/bodies.ts';

const tags = ['feedback'];
export function feedbackRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database.db;
  const fd = feedbackDeps(deps);
  const ctx = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
  open311KeyRoutes(app, deps);
  feedbackSettingsRoutes(app, deps);

  /** The photos of the reports listed, and the areas in force (their names). */
  const withPhotos = async (list: ReportRow[]) => {
    const [photos, areas] = await Promise.all([photosOf(db, list.map((r) => r.id)), list.length ? areasInForce(db, list[0]!.unit_id) : null]);
    return Object.assign((r: ReportRow) => photos.filter((p) => p.report_id === r.id), { areas: areas?.features ?? [] });
  };
  const publicOne = async (r: ReportRow) => {
    const ph = await withPhotos([r]);
    return presentPublic(r, ph(r), ph.areas);
  };

  // ------------------------------------------------------------------- public: list, map, detail
  api.get(
    '/feedback',
    { schema: { tags, summary: 'Phản ánh, kiến nghị công khai (danh sách, bản đồ) / public reports (list, map)', querystring: PublicListQuery, response: { 200: PublicListSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      const q = req.query;
      const where = sql`r.unit_id = ${unit.unitId} and r.status <> 'rejected'
        ${q.category ? sql`and r.category = ${q.category}` : sql``} ${q.status ? sql`and r.status = ${q.status}` : sql``} ${q.area ? sql`and r.area_code = ${q.area}` : sql``}`;
      let list = await listReports(db, where, q.q ? 2000 : q.limit);
      if (q.q) list = list.filter((r) => matchesSearch(`${r.code} ${r.public_description} ${r.address} ${FEEDBACK_CATEGORIES[r.category].vi}`, q.q!)).slice(0, q.limit);
      const ph = await withPhotos(list);
      return { items: list.map((r) => presentPublic(r, ph(r), ph.areas)), total: list.length };
    },
  );

  api.get(
    '/feedback/map',
    { schema: { tags, summary: 'Cài đặt bản đồ phường (máy chủ nền bản đồ, nếu có) / the ward map’s settings (its tile server, if any)', response: { 200: MapSettingsSchema } } },
    async () => {
      const unit = await deploymentData(deps);
      return { tiles: deps.config.mapTiles, boundaryApproximate: (await areasInForce(db, unit.unitId)).approximate };
    },
  );

  api.get(
    '/feedback/areas',
    { schema: { tags, summary: 'Ranh giới phường, tổ dân phố đang áp dụng (GeoJSON) / the ward’s areas in force (GeoJSON)', response: { 200: PublicAreasSchema } } },
    async () => {
      const unit = await deploymentData(deps);
      const a = await areasInForce(db, unit.unitId);
      return { version: a.version, approximate: a.approximate, source: a.source, areas: { type: 'FeatureCollection' as const, features: a.features } };
    },
  );

  api.get(
    '/feedback/similar',
    { schema: { tags, summary: 'Phản ánh tương tự đang xử lý gần vị trí / similar open reports near a spot', querystring: SimilarQuery, response: { 200: SimilarSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      const t = now();
      const open = await openWithLocation(db, unit.unitId, duplicateSince(t));
      const found = similarReports(
        req.query,
        open.map((r) => ({ ...r, receivedAt: toDate(r.received_at) })),
        t,
      );
      const ph = await withPhotos(found);
      return { items: found.map((r) => ({ ...presentPublic(r, ph(r), ph.areas), distanceM: r.distanceM })) };
    },
  );

  api.get(
    '/feedback/:code',
    {
      schema: {
        tags,
        summary: 'Một phản ánh công khai và các bước xử lý / a public report and its steps',
        params: CodeParams,
        querystring: z.strictObject({ token: z.string().max(64).optional() }),
        response: { 200: PublicDetailSchema },
      },
    },
    async (req) => {
      const row = await loadReport(db, req.params.code);
      if (!row || row.status === 'rejected') throw new AppError('FEEDBACK_NOT_FOUND');
      const t = now();
      const rules = feedbackRulesOn(vnDateOf(t));
      const mine = isReporter(fd.keys, req.user, row, req.query.token);
      const clockFacts = { status: row.status, answeredAt: toDate(row.answered_at), fixed: row.fixed };
      return {
        ...(await publicOne(row)),
        events: presentEvents(await eventsOf(db, row.id, false), false),
        reporter: {
          isReporter: mine,
          mayRate: mine && mayTake(row.status, 'rate') && row.rating === null,
          mayReopen: mine && mayReopen(clockFacts, t, rules),
          askFixed: mine && followUpDue(clockFacts, t, rules),
        },
      };
    },
  );

  // ------------------------------------------------------------------- reporting
  api.post(
    '/feedback/photos',
    { schema: { tags, summary: 'Tải ảnh phản ánh (xóa vị trí, thông tin máy ảnh) / upload a photo (location and camera data stripped)', consumes: ['multipart/form-data'], response: { 201: PhotoSchema } } },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await req.file().catch(() => null);
      if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'file', message: 'Thiếu tệp (trường "file") / missing part "file"' }] });
      const name = sanitizeFileName(part.filename) ?? 'anh.jpg';
      const upload = await receivePhoto(fd, req.user?.id ?? null, part.file, name, now(), ctx(req));
      return reply.code(201).send({ id: upload.id, url: `/api/v1/feedback/photos/${upload.id}` });
    },
  );

  api.get('/feedback/photos/:id', { schema: { tags, summary: 'Ảnh của một phản ánh / a report’s photo', params: PhotoParams, response: { 200: answers('Ảnh như đã tải lên (JPEG, PNG hoặc WebP), đã bỏ siêu dữ liệu vị trí / the photo as uploaded (JPEG, PNG or WebP), location metadata removed', 'image/*') } } }, async (req, reply) => {
    const p = await maybeOne<RowOf<'uploads', { sha256: string; uploaded_by: string | null }> & RowOf<'files', { mime: string; size: number }> & RowOf<'feedback_photos', { hidden: boolean | null }> & RowOf<'feedback_reports', { code: string | null }>>(
      db,
      sql`select up.sha256, f.mime, f.size, fp.hidden, r.code, up.uploaded_by from uploads up join files f on f.sha256 = up.sha256
          left join feedback_photos fp on fp.upload_id = up.id left join feedback_reports r on r.id = fp.report_id where up.id = ${req.params.id}`,
    );
    if (!p) throw new AppError('NOT_FOUND');
    const row = p.code ? await loadReport(db, p.code) : null;
    const isPublic = row !== null && row.status !== 'rejected' && p.hidden === false;
    const mayRead = isPublic || (row !== null && can(req.user, 'feedback.read', scopeOf(row))) || (row === null && req.user !== null && p.uploaded_by === req.user.id);
    if (!mayRead) throw new AppError('NOT_FOUND');
    const stream = await deps.blobs.get(p.sha256);
    if (!stream) throw new AppError('NOT_FOUND');
    return reply
      .header('content-type', p.mime)
      .header('content-length', String(p.size))
      .header('cache-control', isPublic ? 'public, max-age=300' : 'private, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(stream);
  });

  api.post(
    '/feedback',
    {
      schema: {
        tags,
        summary: 'Gửi phản ánh: đăng nhập thì ghi ngay (201); chưa đăng nhập thì gửi mã xác nhận tới điện thoại/email (202) / send a report',
        body: ReportBody,
        response: { 201: SubmittedSchema, 202: DraftSchema },
      },
    },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      if (req.user) {
        const row = await submitSignedIn(fd, req.user, unit.unitId, req.body, now(), ctx(req));
        return reply.code(201).send({ code: row.code, followToken: null, report: await publicOne(row) });
      }
      return reply.code(202).send(await startDraft(fd, unit.unitId, req.body, now(), ctx(req)));
    },
  );

  api.post(
    '/feedback/drafts/:id/confirm',
    { schema: { tags, summary: 'Xác nhận phản ánh bằng mã một lần / confirm a report with its one-time code', params: DraftParams, body: ConfirmBody, response: { 201: SubmittedSchema } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const { row, token } = await confirmDraft(fd, unit.unitId, req.params.id, req.body.code, now());
      return reply.code(201).send({ code: row.code, followToken: token, report: await publicOne(row) });
    },
  );

  api.post('/feedback/:code/rate', { schema: { tags, summary: 'Đánh giá câu trả lời / rate the answer', params: CodeParams, body: RateBody, response: { 204: NoContent } } }, async (req, reply) => {
    await reporterStep(fd, req.user, req.params.code, req.body.token, { kind: 'rate', rating: req.body.rating, comment: req.body.comment }, now());
    return reply.code(204).send(null);
  });
  api.post('/feedback/:code/reopen', { schema: { tags, summary: 'Mở lại: sự việc tái diễn / reopen: the problem is back', params: CodeParams, body: ReopenBody, response: { 204: NoContent } } }, async (req, reply) => {
    await reporterStep(fd, req.user, req.params.code, req.body.token, { kind: 'reopen', reason: req.body.reason }, now());
    return reply.code(204).send(null);
  });
  api.post('/feedback/:code/fixed', { schema: { tags, summary: 'Xác nhận đã được khắc phục / confirm it is fixed', params: CodeParams, body: FixedBody, response: { 204: NoContent } } }, async (req, reply) => {
    await reporterStep(fd, req.user, req.params.code, req.body.token, { kind: 'fixed' }, now());
    return reply.code(204).send(null);
  });

  api.get('/me/feedback', { schema: { tags, summary: 'Phản ánh tôi đã gửi / my reports', response: { 200: PublicListSchema } } }, async (req) => {
    const user = requireUser(req);
    const list = await listReports(db, sql`r.reporter_id = ${user.id}`, 200);
    const ph = await withPhotos(list);
    return { items: list.map((r) => presentPublic(r, ph(r), ph.areas)), total: list.length };
  });

  // ------------------------------------------------------------------- officials
  const departmentsOf = (unitId: string) => rows<RowOf<'departments', { id: string; code: string; name: string }>>(db, sql`select id, code, name from departments where unit_id = ${unitId} order by name`);

  api.get(
    '/staff/feedback',
    { schema: { tags, summary: 'Phản ánh cần xử lý (cán bộ) / the officials’ list of reports', querystring: QueueQuery, response: { 200: QueueSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      const user = authorize(req.user, 'feedback.queue', unit);
      const q = req.query;
      const where = sql`r.unit_id = ${unit.unitId}
        ${q.category ? sql`and r.category = ${q.category}` : sql``} ${q.status ? sql`and r.status = ${q.status}` : sql``} ${q.area ? sql`and r.area_code = ${q.area}` : sql``}
        ${q.mine === '1' ? sql`and (r.assignee_id = ${user.id} or (r.department_id is not null and r.department_id = ${user.departmentId}))` : sql``}`;
      let list = await listReports(db, where, q.q ? 2000 : q.limit);
      if (q.q) list = list.filter((r) => matchesSearch(`${r.code} ${r.public_description} ${r.address}`, q.q!)).slice(0, q.limit);
      const [ph, departments, settings] = await Promise.all([withPhotos(list), departmentsOf(unit.unitId), settingsInForce(db, unit.unitId)]);
      const t = now();
      const items = list.map((r) => presentQueueItem(r, ph(r), departments, settings.routing.rules, t, ph.areas));
      const counts: Record<string, number> = {};
      for (const i of items) counts[i.status] = (counts[i.status] ?? 0) + 1;
      counts.overdue = items.filter((i) => i.timeliness === 'overdue').length;
      return { items, counts };
    },
  );

  const staffDetail = async (req: { user: SessionUser | null; id: string; ip: string }, code: string) => {
    const row = await readAsOfficial(fd, req.user, code, now(), ctx(req));
    const [ph, departments, events, staff, settings] = await Promise.all([
      withPhotos([row]),
      departmentsOf(row.unit_id),
      eventsOf(db, row.id, true),
      rows<RowOf<'users', { id: string; department_id: string | null }> & Computed<{ name: string }>>(
        db,
        sql`select id, full_name as name, department_id from users where unit_id = ${row.unit_id} and kind = 'staff' and ('specialist' = any(roles) or 'leader' = any(roles)) order by full_name`,
      ),
      settingsInForce(db, row.unit_id),
    ]);
    const photos = ph(row);
    return {
      ...presentQueueItem(row, photos, departments, settings.routing.rules, now(), ph.areas),
      id: row.id,
      version: row.version,
      originalDescription: row.description,
      channel: row.channel,
      reporter: { name: row.reporter_name, phone: row.reporter_phone, email: row.reporter_email, account: row.reporter_id !== null },
      events: presentEvents(events, true),
      allPhotos: photos.map((p) => ({ id: p.upload_id, url: `/api/v1/feedback/photos/${p.upload_id}`, hidden: p.hidden })),
      allowedActions: allowedStaffActions(req.user, row),
      departments,
      staff: staff.map((s) => ({ id: s.id, name: s.name, departmentId: s.department_id })),
      templates: templatesFor(row.category, settings.templates.items).map((t) => ({ id: t.id, text: t.vi })),
      reopenCount: row.reopen_count,
    };
  };

  api.get(
    '/staff/feedback/:code',
    { schema: { tags, summary: 'Phản ánh với người gửi và ghi chú nội bộ (ghi nhật ký) / a report with its reporter and internal notes (audited)', params: CodeParams, response: { 200: StaffDetailSchema } } },
    async (req) => staffDetail(req, req.params.code),
  );

  api.post(
    '/staff/feedback/:code/actions',
    { schema: { tags, summary: 'Một bước xử lý (phân loại, chuyển, giao, trả lời, gộp, kiểm duyệt…) / one handling step', params: CodeParams, body: ActionBody, response: { 200: StaffDetailSchema } } },
    async (req) => {
      await actOnReport(fd, req.user, req.params.code, req.body, now(), ctx(req));
      return staffDetail(req, req.params.code);
    },
  );
}
