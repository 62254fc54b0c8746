import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import type { AppDeps } from '../../server/deps.ts';
import { requireUser } from '../../server/auth.ts';
import { can, mustAudit } from '../../domain/policy.ts';
import { clock } from '../../server/clock.ts';
import { bindLog } from '../../server/request-log.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { notifySettings } from '../notifications/index.ts';
import { publicLookup } from './dossiers.lookup.ts';
import { scopeOf } from './dossiers.repo.ts';
import { presentDossier, presentDossierFrom, presentPublic } from './dossiers.present.ts';
import { listAudit, listDossiers, listEvents } from './dossiers.queries.ts';
import { ActionBody, AuditList, CodeParams, Dossier, DossierList, EventList, PublicDossier, PublicQuery, QueueQuery, Rating, RatingBody, SubmitBody } from '../../contract/dossiers.ts';
import { actOnDossier, rateDossier, readableDossier, submitDossier } from './dossiers.service.ts';
import { resultSigning } from '../documents/documents.results.ts';

const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(100).regex(/^[\w.:-]+$/).optional() });

export function dossiersRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const signResults = resultSigning(deps);
  const lookUp = publicLookup(db);

  api.post(
    '/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Nộp hồ sơ (trực tuyến, hoặc tại quầy bởi cán bộ một cửa) / submit a dossier',
        description: 'Send an Idempotency-Key header: a retry with the same key returns the same dossier, never a duplicate.',
        body: SubmitBody,
        headers: IdempotencyHeaders,
        response: { 200: Dossier, 201: Dossier },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const t = now();
      const { dossier, created, presentation } = await submitDossier(db, user, req.body, {
        idempotencyKey: req.headers['idempotency-key'] ?? null,
        defaultUnitCode: deps.config.unit.code,
        now: t,
        ctx: { requestId: req.id, ip: req.ip, notify: notifySettings(deps.config) },
      });
      bindLog(req, reply, { dossierCode: dossier.code });
      // Its notice's messages were written with it: delivered now, not at the next poll.
      if (created) deps.outbox?.kick();
      const cal = await loadWorkingCalendar(db.db);
      // A new dossier is shown from what its transaction wrote; a repeated request reads it back.
      const view = presentation ? presentDossierFrom(presentation, dossier, user, cal, t, scopeOf(dossier)) : await presentDossier(db.db, dossier, user, cal, t);
      return reply.code(created ? 201 : 200).send(view);
    },
  );

  api.get(
    '/dossiers',
    { schema: { tags: ['dossiers'], summary: 'Hồ sơ của tôi / hàng đợi công việc của cán bộ', querystring: QueueQuery, response: { 200: DossierList } } },
    async (req) => {
      const user = requireUser(req);
      const t = now();
      const cal = await loadWorkingCalendar(db.db);
      const list = await listDossiers(db.db, user, req.query, cal, t);
      // A search may look a person up by name, CCCD or phone: an official's is recorded.
      if (mustAudit(user, 'dossier.list', { query: req.query.q ?? null })) {
        await db.transaction((tx) =>
          audit(tx, { actorId: user.id, action: 'search_dossiers', entityType: 'dossier', entityId: '*', details: { q: req.query.q, queue: req.query.queue, total: list.total, codes: list.items.map((i) => i.code) }, ...auditContext(req) }, t),
        );
      }
      return list;
    },
  );

  api.get(
    '/dossiers/:code',
    { schema: { tags: ['dossiers'], summary: 'Chi tiết hồ sơ / a dossier', params: CodeParams, response: { 200: Dossier } } },
    async (req) => {
      const user = requireUser(req);
      const t = now();
      // Officials' reads of personal data are recorded with the read itself.
      return db.transaction(async (tx) => {
        const d = await readableDossier(tx, user, req.params.code);
        if (mustAudit(user, 'dossier.read', scopeOf(d))) {
          await audit(tx, { actorId: user.id, action: 'read_dossier', entityType: 'dossier', entityId: d.code, ...auditContext(req) }, t);
        }
        return presentDossier(tx, d, user, await loadWorkingCalendar(tx), t);
      });
    },
  );

  api.get(
    '/dossiers/:code/events',
    { schema: { tags: ['dossiers'], summary: 'Lịch sử xử lý / the dossier’s history', params: CodeParams, response: { 200: EventList } } },
    async (req) => {
      const user = requireUser(req);
      return db.transaction(async (tx) => {
        const d = await readableDossier(tx, user, req.params.code, false, 'dossier.history');
        if (mustAudit(user, 'dossier.history', scopeOf(d))) {
          await audit(tx, { actorId: user.id, action: 'read_dossier_history', entityType: 'dossier', entityId: d.code, ...auditContext(req) }, now());
        }
        return { items: await listEvents(tx, d.id) };
      });
    },
  );

  api.get(
    '/dossiers/:code/audit',
    { schema: { tags: ['dossiers'], summary: 'Nhật ký truy cập, thao tác (cán bộ) / audit trail', params: CodeParams, response: { 200: AuditList } } },
    async (req) => {
      const user = requireUser(req);
      const d = await readableDossier(db.db, user, req.params.code);
      // The applicant reads their dossier, not the officials' trail on it.
      if (!can(user, 'dossier.audit_trail', scopeOf(d))) throw new AppError('FORBIDDEN');
      return { items: await listAudit(db.db, d.code) };
    },
  );

  api.post(
    '/dossiers/:code/actions',
    { schema: { tags: ['dossiers'], summary: 'Thực hiện thao tác xử lý / take an action', params: CodeParams, body: ActionBody, response: { 200: Dossier } } },
    async (req) => {
      const user = requireUser(req);
      const t = now();
      const d = await actOnDossier(db, user, req.params.code, req.body, t, { requestId: req.id, ip: req.ip, notify: notifySettings(deps.config) }, signResults);
      deps.outbox?.kick();
      return presentDossier(db.db, d, user, await loadWorkingCalendar(db.db), t);
    },
  );

  api.post(
    '/dossiers/:code/rating',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Đánh giá mức độ hài lòng / rate the service',
        params: CodeParams,
        body: RatingBody,
        response: { 201: Rating },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      return reply.code(201).send(await rateDossier(db, user, req.params.code, req.body, now()));
    },
  );

  // Guessing the 4 digits must be slow: 20 look-ups with phoneLast4 a minute per address. Plain
  // look-ups are not limited, and skip the limiter altogether (it costs them nothing).
  const limitGuesses = app.rateLimit({ max: 20, timeWindow: '1 minute' });
  api.get(
    '/public/dossiers/:code',
    {
      onRequest: (req, reply, done) => {
        if (!(req.query as { phoneLast4?: string }).phoneLast4) return done();
        limitGuesses.call(app, req, reply).then(() => done(), done);
      },
      schema: {
        tags: ['public'],
        summary: 'Tra cứu hồ sơ theo mã (công khai) / track a dossier by code',
        params: CodeParams,
        querystring: PublicQuery,
        response: { 200: PublicDossier },
      },
    },
    async (req) => {
      // Our code or the national portal's; concurrent look-ups share one statement (a hot path).
      const d = await lookUp(req.params.code.trim().toUpperCase());
      if (!d) throw new AppError('DOSSIER_NOT_FOUND');
      const phone = d.applicant.phone ?? '';
      const details = req.query.phoneLast4 !== undefined && phone.length >= 4 && phone.endsWith(req.query.phoneLast4);
      if (req.query.phoneLast4 !== undefined && !details) throw new AppError('FORBIDDEN', { field: 'phoneLast4' });
      const t = now();
      return presentPublic(db.db, d, details, await loadWorkingCalendar(db.db), t);
    },
  );
}
