import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { maybeOne, rows } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { isCategory, statusesOfOpen311 } from '../../domain/feedback.ts';
import { Lat, Lon } from '../../domain/feedback-contract.ts';
import { NoContent } from '../../contract/session.ts';
import { authorize } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { ERROR_TABLE } from '../../server/errors.ts';
import { requireUser } from '../../server/auth.ts';
import { audit } from '../audit/audit.ts';
import { countEvent } from '../otp/index.ts';
import { deploymentData } from '../units/units.service.ts';
import { listReports, loadReport, photosOf, type ReportRow } from './feedback.repo.ts';
import { createReport, followPath } from './feedback.service.ts';
import { feedbackDeps } from './feedback.deps.ts';
import { open311Request, open311Service, open311Services, splitFormat, toXml, type Format } from './open311.format.ts';
import type { RowOf } from '../../db/rows.ts';
import { Body, ForeignJson } from '../../contract/bodies.ts';

const tags = ['open311'];
const FORMATS: Format[] = ['json', 'xml'];

/** What an Open311 route answers: the standard's JSON or XML, by the URL's extension (`both`: the file's). */
const open311Answer = (format: Format | 'both', description: string) => ({
  description,
  content: {
    ...(format === 'xml' ? {} : { 'application/json': { schema: ForeignJson } }),
    ...(format === 'json' ? {} : { 'text/xml': { schema: Body } }),
  },
});
const keyHash = (deps: ReturnType<typeof feedbackDeps>, key: string) => deps.keys.mac('open311-key', key);

/** Open311 errors: `[{ code, description }]` / `<errors><error>…`. */
function sendErrors(reply: FastifyReply, format: Format, status: number, description: string) {
  const body = [{ code: status, description }];
  return format === 'xml' ? reply.code(status).type('text/xml; charset=utf-8').send(toXml('errors', body)) : reply.code(status).send(body);
}

const send = (reply: FastifyReply, format: Format, root: string, value: unknown) =>
  format === 'xml' ? reply.type('text/xml; charset=utf-8').send(toXml(root, value)) : reply.type('application/json; charset=utf-8').send(value);

const csv = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
const isoDateTime = z.iso.datetime({ offset: true }).refine((d) => d >= '1900' && d < '3000');

const RequestsQuery = z.object({
  jurisdiction_id: z.string().max(200).optional(),
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(500).optional(),
  start_date: isoDateTime.optional(),
  end_date: isoDateTime.optional(),
  status: z.string().max(50).optional(),
});

const PostBody = z.object({
  jurisdiction_id: z.string().max(200).optional(),
  api_key: z.string().min(1).max(200),
  service_code: z.string().max(100),
  lat: z.coerce.number().pipe(Lat).optional(),
  long: z.coerce.number().pipe(Lon).optional(),
  address_string: z.string().normalize('NFC').trim().max(300).optional(),
  address_id: z.string().max(100).optional(),
  email: z.email().max(254).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  first_name: z.string().normalize('NFC').trim().max(100).optional(),
  last_name: z.string().normalize('NFC').trim().max(100).optional(),
  phone: z.string().trim().max(30).optional(),
  description: z.string().normalize('NFC').trim().min(1).max(4000),
  media_url: z.url().max(2000).optional(),
});

/**
 * Open311 GeoReport v2 at /open311/v2/: discovery, services, requests (GET with its filters, POST
 * with an api_key), one request, tokens — JSON and XML. An app or city tool that speaks Open311
 * works against it unchanged (docs/FEEDBACK.md).
 */
export function open311Routes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database.db;
  const fd = feedbackDeps(deps);
  const base = `${deps.config.publicUrl}/open311/v2`;
  /** Accepted jurisdiction ids: the unit code and the portal's host name. */
  const jurisdictions = new Set([deps.config.unit.code, new URL(deps.config.publicUrl).host]);

  // Forms as the standard posts them.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const format: Format = req.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json';
    if (isAppError(err)) return sendErrors(reply, format, ERROR_TABLE[err.code].status, ERROR_TABLE[err.code].en);
    if (hasZodFastifySchemaValidationErrors(err)) {
      return sendErrors(reply, format, 400, err.validation.map((v) => `${v.instancePath.replace(/^\//, '') || 'request'}: ${v.message}`).join('; '));
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) return sendErrors(reply, format, err.statusCode, err.message);
    throw err;
  });

  const checkJurisdiction = (id: string | undefined) => {
    if (id !== undefined && !jurisdictions.has(id)) throw new AppError('NOT_FOUND', { jurisdiction_id: id });
  };
  const mediaOf = async (list: ReportRow[]) => {
    const photos = await photosOf(db, list.map((r) => r.id));
    return (r: ReportRow) => {
      const p = photos.find((x) => x.report_id === r.id && !x.hidden);
      return p ? `${deps.config.publicUrl}/api/v1/feedback/photos/${p.upload_id}` : null;
    };
  };

  for (const format of FORMATS) {
    api.get(`/discovery.${format}`, { schema: { tags, summary: 'Open311: khám phá dịch vụ / discovery', response: { 200: open311Answer(format, 'Tài liệu khám phá dịch vụ / the discovery document') } } }, async (_req, reply) =>
      send(reply, format, 'discovery', {
        changeset: '2026-12-01T00:00:00+07:00',
        contact: `${deps.config.unit.name} — ${deps.config.publicUrl}/phan-anh`,
        key_service: `${deps.config.publicUrl}/can-bo/open311`,
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: base,
            changeset: '2026-12-01T00:00:00+07:00',
            type: 'production',
            formats: ['application/json', 'text/xml'],
          },
        ],
      }),
    );

    api.get(`/services.${format}`, { schema: { tags, summary: 'Open311: loại phản ánh / service list', querystring: z.object({ jurisdiction_id: z.string().max(200).optional() }), response: { 200: open311Answer(format, 'Danh sách loại phản ánh / the service list') } } }, async (req, reply) => {
      checkJurisdiction(req.query.jurisdiction_id);
      return send(reply, format, 'services', open311Services());
    });

    api.get(`/requests.${format}`, { schema: { tags, summary: 'Open311: danh sách phản ánh / service requests', querystring: RequestsQuery, response: { 200: open311Answer(format, 'Danh sách phản ánh / the service requests') } } }, async (req, reply) => {
      const q = req.query;
      checkJurisdiction(q.jurisdiction_id);
      const unit = await deploymentData(deps);
      const ids = csv(q.service_request_id);
      const codes = csv(q.service_code).filter(isCategory);
      const statuses = csv(q.status).flatMap((s) => (s === 'open' || s === 'closed' ? statusesOfOpen311(s) : []));
      const t = now();
      // The standard's default window: the last 90 days; at most 1000 requests.
      const from = q.start_date ? new Date(q.start_date) : ids.length ? null : new Date(t.getTime() - 90 * 86_400_000);
      const list = await listReports(
        db,
        sql`r.unit_id = ${unit.unitId} and r.status <> 'rejected'
          ${ids.length ? sql`and r.code in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})` : sql``}
          ${csv(q.service_code).length ? (codes.length ? sql`and r.category in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})` : sql`and false`) : sql``}
          ${csv(q.status).length ? (statuses.length ? sql`and r.status in (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})` : sql`and false`) : sql``}
          ${from ? sql`and r.received_at >= ${from.toISOString()}` : sql``}
          ${q.end_date ? sql`and r.received_at <= ${new Date(q.end_date).toISOString()}` : sql``}`,
        1000,
      );
      const media = await mediaOf(list);
      return send(reply, format, 'service_requests', list.map((r) => open311Request(r, media(r))));
    });

    api.post(`/requests.${format}`, { schema: { tags, summary: 'Open311: gửi phản ánh (cần api_key) / post a service request (api_key)', body: PostBody, response: { 201: open311Answer(format, 'Phản ánh đã tạo: mã và ghi chú / the request created: its id and notice') } } }, async (req, reply) => {
      const b = req.body;
      checkJurisdiction(b.jurisdiction_id);
      if (!isCategory(b.service_code)) throw new AppError('OPEN311_SERVICE_NOT_FOUND');
      const unit = await deploymentData(deps);
      const t = now();
      const row = await deps.database.transaction(async (tx) => {
        const key = await maybeOne<RowOf<'open311_keys', { id: string; name: string }>>(tx, sql`select id, name from open311_keys where key_hash = ${keyHash(fd, b.api_key)} and revoked_at is null`);
        if (!key) throw new AppError('OPEN311_API_KEY_INVALID');
        if ((await countEvent(tx, `open311:key:${key.id}`, 86_400_000, t)) > 2000) throw new AppError('FEEDBACK_RATE_LIMITED');
        if ((await countEvent(tx, `feedback:ip:${req.ip}`, 86_400_000, t)) > 500) throw new AppError('FEEDBACK_RATE_LIMITED');
        const name = [b.last_name, b.first_name].filter(Boolean).join(' ');
        const created = await createReport(
          tx,
          unit.unitId,
          { category: b.service_code as never, description: b.description, address: b.address_string ?? '', photos: [], lat: b.lat ?? null, lon: b.long ?? null },
          { id: null, name, phone: b.phone ?? null, email: b.email ?? null },
          'open311',
          false,
          fd.keys,
          t,
        );
        await audit(tx, { actorId: null, action: 'open311_post', entityType: 'feedback', entityId: created.code, details: { key: key.name, deviceId: b.device_id ?? null, mediaUrl: b.media_url ?? null } }, t);
        return created;
      });
      const notice = `Phường đã tiếp nhận phản ánh ${row.code}; hạn trả lời ${formatVn(toDate(row.due_at))}. Theo dõi: ${deps.config.publicUrl}${followPath(row.code)}`;
      // The standard's RequestResponse: `account_id` is a string when there is one, absent otherwise.
      return send(reply.code(201), format, 'service_requests', [{ service_request_id: row.code, service_notice: notice, ...(b.account_id ? { account_id: b.account_id } : {}) }]);
    });
  }

  api.get('/services/:file', { schema: { tags, summary: 'Open311: định nghĩa một loại / service definition', params: z.object({ file: z.string().max(120) }), querystring: z.object({ jurisdiction_id: z.string().max(200).optional() }), response: { 200: open311Answer('both', 'The service definition, in the format of the extension') } } }, async (req, reply) => {
    const split = splitFormat(req.params.file);
    if (!split) throw new AppError('NOT_FOUND');
    checkJurisdiction(req.query.jurisdiction_id);
    const [code, format] = split;
    if (!isCategory(code)) return sendErrors(reply, format, 404, ERROR_TABLE.OPEN311_SERVICE_NOT_FOUND.en);
    // Our services ask nothing beyond the standard's fields (metadata: false): no attributes.
    return send(reply, format, 'service_definition', { service_code: open311Service(code).service_code, attributes: [] });
  });

  api.get('/requests/:file', { schema: { tags, summary: 'Open311: một phản ánh / one service request', params: z.object({ file: z.string().max(120) }), querystring: z.object({ jurisdiction_id: z.string().max(200).optional() }), response: { 200: open311Answer('both', 'The service request, in the format of the extension') } } }, async (req, reply) => {
    const split = splitFormat(req.params.file);
    if (!split) throw new AppError('NOT_FOUND');
    const [code, format] = split;
    checkJurisdiction(req.query.jurisdiction_id);
    const row = /^PA-\d{6}-\d{4,6}$/.test(code) ? await loadReport(db, code) : null;
    if (!row || row.status === 'rejected') return sendErrors(reply, format, 404, ERROR_TABLE.FEEDBACK_NOT_FOUND.en);
    const media = await mediaOf([row]);
    return send(reply, format, 'service_requests', [open311Request(row, media(row))]);
  });

  // Requests are created at once, so a token is the request's own id.
  api.get('/tokens/:file', { schema: { tags, summary: 'Open311: mã theo dõi → phản ánh / token → service request id', params: z.object({ file: z.string().max(120) }), querystring: z.object({ jurisdiction_id: z.string().max(200).optional() }), response: { 200: open311Answer('both', 'The service request id, in the format of the extension') } } }, async (req, reply) => {
    const split = splitFormat(req.params.file);
    if (!split) throw new AppError('NOT_FOUND');
    const [token, format] = split;
    checkJurisdiction(req.query.jurisdiction_id);
    const row = /^PA-\d{6}-\d{4,6}$/.test(token) ? await loadReport(db, token) : null;
    if (!row || row.status === 'rejected') return sendErrors(reply, format, 404, ERROR_TABLE.FEEDBACK_NOT_FOUND.en);
    return send(reply, format, 'service_requests', [{ service_request_id: row.code, token }]);
  });
}

/** The unit admin's keys for Open311 clients, under /api/v1/admin/open311-keys. A key is shown once. */
export function open311KeyRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const fd = feedbackDeps(deps);
  const KeySchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });

  api.get('/admin/open311-keys', { schema: { tags, summary: 'Khóa API Open311 / Open311 API keys', response: { 200: z.object({ items: z.array(KeySchema) }) } } }, async (req) => {
    const unit = await deploymentData(deps);
    authorize(req.user, 'open311.keys', unit);
    const list = await rows<RowOf<'open311_keys', { id: string; name: string; created_at: string; revoked_at: string | null }>>(
      deps.database.db,
      sql`select id, name, created_at, revoked_at from open311_keys where unit_id = ${unit.unitId} order by created_at`,
    );
    return { items: list.map((k) => ({ id: k.id, name: k.name, createdAt: formatVn(toDate(k.created_at)), revokedAt: k.revoked_at ? formatVn(toDate(k.revoked_at)) : null })) };
  });

  api.post(
    '/admin/open311-keys',
    { schema: { tags, summary: 'Cấp khóa API Open311 (hiện một lần) / issue a key (shown once)', body: z.strictObject({ name: z.string().normalize('NFC').trim().min(1).max(200) }), response: { 201: KeySchema.extend({ key: z.string() }) } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const user = authorize(requireUser(req), 'open311.keys', unit);
      const key = `o311_${randomBytes(24).toString('base64url')}`;
      const id = randomUUID();
      const t = now();
      await deps.database.transaction(async (tx) => {
        await tx.execute(sql`insert into open311_keys (id, unit_id, name, key_hash, created_by, created_at) values (${id}, ${unit.unitId}, ${req.body.name}, ${keyHash(fd, key)}, ${user.id}, ${t.toISOString()})`);
        await audit(tx, { actorId: user.id, action: 'open311_key_issue', entityType: 'open311_key', entityId: id, details: { name: req.body.name }, requestId: req.id, ip: req.ip }, t);
      });
      return reply.code(201).send({ id, name: req.body.name, key, createdAt: formatVn(t), revokedAt: null });
    },
  );

  api.post('/admin/open311-keys/:id/revoke', { schema: { tags, summary: 'Thu hồi khóa API Open311 / revoke a key', params: z.strictObject({ id: z.uuid() }), response: { 204: NoContent } } }, async (req, reply) => {
    const unit = await deploymentData(deps);
    const user = authorize(requireUser(req), 'open311.keys', unit);
    const t = now();
    await deps.database.transaction(async (tx) => {
      const done = await maybeOne<RowOf<'open311_keys', { id: string }>>(tx, sql`update open311_keys set revoked_at = ${t.toISOString()} where id = ${req.params.id} and unit_id = ${unit.unitId} and revoked_at is null returning id`);
      if (!done) throw new AppError('NOT_FOUND');
      await audit(tx, { actorId: user.id, action: 'open311_key_revoke', entityType: 'open311_key', entityId: req.params.id, requestId: req.id, ip: req.ip }, t);
    });
    return reply.code(204).send(null);
  });
}
