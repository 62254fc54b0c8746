import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formatVn } from '../../domain/calendar/index.ts';
import { toDate } from '../../db/time.ts';
import { authorize } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { serverKeys } from '../../server/secrets.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { deploymentData } from '../units/units.service.ts';
import { decidePush, getPush, listPushes } from './interop.catalogue.ts';
import { syncBySystem, syncedShare } from './interop.sync.ts';
import {
  CataloguePushDetail,
  CataloguePushList,
  KeyIssued,
  NewSystemBody,
  PublishBody,
  PushDecision,
  PushParams,
  PushQuery,
  RejectBody,
  RotateBody,
  SyncAnswer,
  SyncQuery,
  SystemAnswer,
  SystemCodeParams,
  SystemCreated,
  SystemList,
  UpdateSystemBody,
} from '../../contract/interop.ts';
import { createSystem, findSystem, issueKey, listSystems, updateSystem, type IssuedKey, type SystemListing } from './interop.systems.ts';

const presentKey = (k: IssuedKey) => ({
  keyId: k.keyId,
  apiKey: k.apiKey,
  signingSecret: k.signingSecret,
  note: 'Chỉ hiển thị một lần: hãy chuyển cho quản trị hệ thống kết nối qua kênh an toàn / shown once: hand it to the connected system’s administrator over a safe channel',
});

const presentSystem = (s: SystemListing) => ({
  ...s,
  keys: s.keys.map((k) => ({ keyId: k.keyId, createdAt: formatVn(toDate(k.createdAt)), expiresAt: k.expiresAt ? formatVn(toDate(k.expiresAt)) : null })),
});

/**
 * Connected systems as the unit admin manages them (docs/INTEROP.md): register the national portal
 * or a provincial system with its scopes and callback URL, rotate its key, suspend it. The API key
 * and signing secret are shown once, at creation or rotation; only the key's hash is kept.
 */
export function interopAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const keys = serverKeys(deps.config.secret);
  const tags = ['admin'];

  api.get('/admin/interop/systems', { schema: { tags, summary: 'Hệ thống kết nối / connected systems', response: { 200: SystemList } } }, async (req) => {
    const unit = await deploymentData(deps);
    authorize(req.user, 'interop.manage', unit);
    return { items: (await listSystems(deps.database.db, unit.unitId)).map(presentSystem) };
  });

  api.post(
    '/admin/interop/systems',
    { schema: { tags, summary: 'Kết nối một hệ thống (Cổng DVC quốc gia, hệ thống của tỉnh) / connect a system', body: NewSystemBody, response: { 201: SystemCreated } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const user = authorize(req.user, 'interop.manage', unit);
      const t = now();
      const made = await deps.database.transaction(async (tx) => {
        const r = await createSystem(tx, keys, unit.unitId, req.body, { now: t, createdBy: user.id });
        await audit(tx, { actorId: user.id, action: 'interop_system_create', entityType: 'interop_system', entityId: r.system.code, details: { scopes: r.system.scopes, keyId: r.key.keyId }, ...auditContext(req) }, t);
        return r;
      });
      return reply.code(201).send({ system: made.system, key: presentKey(made.key) });
    },
  );

  api.patch(
    '/admin/interop/systems/:code',
    { schema: { tags, summary: 'Sửa quyền, địa chỉ nhận, tạm ngừng / change scopes, callback, suspend', params: SystemCodeParams, body: UpdateSystemBody, response: { 200: SystemAnswer } } },
    async (req) => {
      const unit = await deploymentData(deps);
      const user = authorize(req.user, 'interop.manage', unit);
      const t = now();
      return deps.database.transaction(async (tx) => {
        const s = await updateSystem(tx, unit.unitId, req.params.code, req.body);
        await audit(tx, { actorId: user.id, action: 'interop_system_update', entityType: 'interop_system', entityId: s.code, details: req.body, ...auditContext(req) }, t);
        return { system: s };
      });
    },
  );

  api.post(
    '/admin/interop/systems/:code/keys',
    {
      schema: {
        tags,
        summary: 'Cấp khóa mới (xoay vòng khóa) / rotate the key',
        description: 'A new API key and signing secret; the previous keys stay valid for `graceHours` (24 by default), then expire.',
        params: SystemCodeParams,
        body: RotateBody,
        response: { 201: KeyIssued },
      },
    },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const user = authorize(req.user, 'interop.manage', unit);
      const t = now();
      const key = await deps.database.transaction(async (tx) => {
        const s = await findSystem(tx, unit.unitId, req.params.code);
        const k = await issueKey(tx, keys, s.id, { now: t, graceMs: req.body.graceHours * 3_600_000, createdBy: user.id });
        await audit(tx, { actorId: user.id, action: 'interop_key_rotate', entityType: 'interop_system', entityId: s.code, details: { keyId: k.keyId, graceHours: req.body.graceHours }, ...auditContext(req) }, t);
        return k;
      });
      return reply.code(201).send({ key: presentKey(key) });
    },
  );

  // Catalogue updates pushed by the province: drafts the unit admin reviews, then publishes or rejects.
  const presentPush = <T extends { receivedAt: Date; decidedAt: Date | null }>(p: T) => ({ ...p, receivedAt: formatVn(p.receivedAt), decidedAt: p.decidedAt ? formatVn(p.decidedAt) : null });

  api.get(
    '/admin/interop/catalogue',
    { schema: { tags, summary: 'Cập nhật danh mục do tỉnh gửi / catalogue updates pushed by the province', querystring: PushQuery, response: { 200: CataloguePushList } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'catalogue.edit', unit);
      return { items: (await listPushes(deps.database.db, unit.unitId, req.query.status)).map(presentPush) };
    },
  );

  api.get(
    '/admin/interop/catalogue/:id',
    { schema: { tags, summary: 'Một bản cập nhật danh mục, toàn bộ định nghĩa / one pushed update with its definition', params: PushParams, response: { 200: CataloguePushDetail } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'catalogue.edit', unit);
      return presentPush(await getPush(deps.database.db, unit.unitId, req.params.id));
    },
  );

  api.post(
    '/admin/interop/catalogue/:id/publish',
    {
      schema: {
        tags,
        summary: 'Công bố bản cập nhật thành phiên bản mới của thủ tục / publish as the procedure’s next version',
        description: 'Saved like an edit in the catalogue editor: a new version effective on the pushed date (or `effectiveFrom`); dossiers already filed keep theirs.',
        params: PushParams,
        body: PublishBody,
        response: { 200: PushDecision },
      },
    },
    async (req) => {
      const unit = await deploymentData(deps);
      const user = authorize(req.user, 'catalogue.edit', unit);
      const t = now();
      return deps.database.transaction((tx) => decidePush(tx, unit.unitId, req.params.id, { publish: true, effectiveFrom: req.body.effectiveFrom }, { userId: user.id, now: t, ...auditContext(req) }));
    },
  );

  api.post(
    '/admin/interop/catalogue/:id/reject',
    { schema: { tags, summary: 'Từ chối bản cập nhật danh mục / reject a pushed update', params: PushParams, body: RejectBody, response: { 200: PushDecision } } },
    async (req) => {
      const unit = await deploymentData(deps);
      const user = authorize(req.user, 'catalogue.edit', unit);
      const t = now();
      return deps.database.transaction((tx) => decidePush(tx, unit.unitId, req.params.id, { publish: false, reason: req.body.reason }, { userId: user.id, now: t, ...auditContext(req) }));
    },
  );

  api.get(
    '/admin/interop/sync',
    {
      schema: {
        tags,
        summary: 'Tình hình đồng bộ với các hệ thống kết nối / the sync view',
        description:
          'Per connected system: status events written, sent, acknowledged, waiting, failing (dead letters, replayed with POST /admin/messages/:id/replay); and the share of the unit’s dossiers (submitted between `from` and `to`, Vietnam dates) whose every event the national portal acknowledged (Decision 766).',
        querystring: SyncQuery,
        response: { 200: SyncAnswer },
      },
    },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'interop.manage', unit);
      const from = req.query.from ? new Date(`${req.query.from}T00:00:00+07:00`) : undefined;
      const to = req.query.to ? new Date(new Date(`${req.query.to}T00:00:00+07:00`).getTime() + 86_400_000) : undefined;
      const [systems, share] = [await syncBySystem(deps.database.db, unit.unitId), await syncedShare(deps.database.db, unit.unitId, { from, to })];
      return {
        systems: systems.map((s) => ({
          ...s,
          lastAcknowledgedAt: s.lastAcknowledgedAt ? formatVn(s.lastAcknowledgedAt) : null,
          deadLetters: s.deadLetters.map((m) => ({ ...m, createdAt: formatVn(m.createdAt) })),
          handovers: s.handovers.map((h) => ({ ...h, transferredAt: formatVn(h.transferredAt), acknowledgedAt: h.acknowledgedAt ? formatVn(h.acknowledgedAt) : null })),
        })),
        syncedShare: { from: req.query.from ?? null, to: req.query.to ?? null, ...share },
      };
    },
  );
}
