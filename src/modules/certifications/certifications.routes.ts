import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { maybeOne } from '../../db/client.ts';
import { parseLocalVn } from '../../domain/calendar/index.ts';
import { registerNumber } from '../../domain/certification.ts';
import { authorize } from '../../domain/policy.ts';
import { requireUser, type SessionUser } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { presentDocument } from '../documents/documents.present.ts';
import { loadDocument } from '../documents/documents.repo.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { ts } from '../dossiers/dossiers.repo.ts';
import { placeOfUnit, shortParentName } from '../forms/wording.ts';
import { certificationsOfVisit, registerBetween, type CertificationRow } from './certifications.repo.ts';
import { CertificationRegister, CertifyBody, PeriodQuery, VisitAnswer } from '../../contract/certifications.ts';
import { certifyVisit } from './certifications.service.ts';
import { lazy } from '../../lazy.ts';
import type { Executor } from '../../db/client.ts';
import type { Computed, RowOf } from '../../db/rows.ts';
import { answers } from '../../contract/bodies.ts';

// The register's PDF loads pdf-lib: when first printed, not at start-up.
const buildCertificationRegisterPdf = lazy(() => import('./register.pdf.ts'), 'buildCertificationRegisterPdf');

/** Electronic certified copies at the desk, and the certification register. */
export function certificationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const certifyDeps = { database: db, blobs: deps.blobs, signing: deps.config.signing, publicUrl: deps.config.publicUrl, parentName: deps.config.unit.parentName };

  const present = async (ex: Executor, user: SessionUser, rows: readonly CertificationRow[], t: Date) => {
    const items = [];
    for (const r of rows) {
      items.push({
        id: r.id,
        number: registerNumber(Number(r.number)),
        book: r.book,
        documentName: r.document_name,
        pages: Number(r.pages),
        copies: Number(r.copies),
        feeVnd: Number(r.fee_vnd),
        certifiedAt: formatVn(ts(r.certified_at)!),
        certifiedBy: r.certified_by,
        citizen: r.citizen,
        document: presentDocument((await loadDocument(ex, r.document_id))!, deps.config.publicUrl, t, user),
      });
    }
    return items;
  };

  api.post(
    '/certifications',
    {
      schema: {
        tags: ['certifications'],
        summary: 'Chứng thực bản sao điện tử từ bản chính (một lượt, nhiều giấy tờ) / certify electronic copies for one citizen',
        description:
          'Reception officers. Each document gets the next number of the unit’s register (no gaps), an attestation page, the QR verification mark and the unit’s signature; it lands in the citizen’s document store and an email with the links is queued. Fee by pages (Circular 226/2016/TT-BTC).',
        body: CertifyBody,
        response: { 201: VisitAnswer },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const t = now();
      const { visitId, emailedTo } = await certifyVisit(certifyDeps, user, req.body, t, auditContext(req));
      if (emailedTo) deps.outbox?.kick();
      const items = await present(db.db, user, await certificationsOfVisit(db.db, visitId), t);
      return reply.code(201).send({ visitId, items, totalFeeVnd: items.reduce((n, i) => n + i.feeVnd, 0), emailedTo });
    },
  );

  const period = (q: { from: string; to: string }) => ({ from: parseLocalVn(q.from), to: new Date(parseLocalVn(q.to).getTime() + 86_400_000) });

  api.get(
    '/certifications',
    { schema: { tags: ['certifications'], summary: 'Sổ chứng thực của đơn vị trong một khoảng thời gian / the certification register (JSON)', querystring: PeriodQuery, response: { 200: CertificationRegister } } },
    async (req) => {
      const user = requireUser(req);
      const actor = authorize(user, 'certification.register', { unitId: user.unitId ?? '' });
      const t = now();
      const { from, to } = period(req.query);
      return db.transaction(async (tx) => {
        const list = await registerBetween(tx, actor.unitId, from, to);
        await audit(tx, { actorId: user.id, action: 'read_certification_register', entityType: 'certification', entityId: '*', details: { ...req.query, count: list.length }, ...auditContext(req) }, t);
        return { items: await present(tx, user, list, t), totalFeeVnd: list.reduce((n, r) => n + Number(r.fee_vnd), 0) };
      });
    },
  );

  api.get(
    '/certifications/register.pdf',
    { schema: { tags: ['certifications'], summary: 'Sổ chứng thực bản sao (PDF A4) của một khoảng thời gian / the register as PDF', querystring: PeriodQuery, response: { 200: answers('Sổ chứng thực, tệp PDF / the register, a PDF', 'application/pdf') } } },
    async (req, reply) => {
      const user = requireUser(req);
      const actor = authorize(user, 'certification.register', { unitId: user.unitId ?? '' });
      const t = now();
      const { from, to } = period(req.query);
      const data = await db.transaction(async (tx) => {
        const list = await registerBetween(tx, actor.unitId, from, to);
        const unit = (await maybeOne<RowOf<'units', { name: string }> & Computed<{ parent: string | null }>>(tx, sql`select u.name, p.name as parent from units u left join units p on p.id = u.parent_id where u.id = ${actor.unitId}`))!;
        await audit(tx, { actorId: user.id, action: 'print_certification_register', entityType: 'certification', entityId: '*', details: { ...req.query, count: list.length }, ...auditContext(req) }, t);
        const parent = unit.parent ?? (deps.config.unit.parentName.trim() || null);
        return { issuer: { parentName: parent ? shortParentName(parent) : null, agencyName: unit.name, place: placeOfUnit(unit.name) }, rows: list };
      });
      const bytes = await buildCertificationRegisterPdf({ ...data, from, to: parseLocalVn(req.query.to), date: t });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`so-chung-thuc-${req.query.from}-${req.query.to}.pdf`)}`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );
}
