import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/policy.ts';
import { IdParams } from '../../domain/projects-contract.ts';
import {
  InterestBody,
  InterestSchema,
  MyInterestSchema,
  PlanningBody,
  PlanningEditBody,
  PlanningSchema,
  PublicProjectSchema,
  PublicProjectSummarySchema,
  PublicSiteSchema,
  SiteBody,
  SiteEditBody,
  StaffPlanningSchema,
  StaffSiteSchema,
  type PublicProject,
  type PublicProjectSummary,
} from '../../domain/projects-public-contract.ts';
import { assessProject, MILESTONES } from '../../domain/projects.ts';
import { DEFAULT_SCHEDULE_RULE } from '../../domain/projects-rule.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { requireUser } from '../../server/auth.ts';
import { deploymentData } from '../units/units.service.ts';
import { factsOf, projectFacts, type ProjectBundle } from './projects.present.ts';
import { filesOfUpdates, listProjectRows } from './projects.repo.ts';
import { loadBundles } from './projects.service.ts';
import { interestRows, planningDocuments, presentInterest, presentMyInterest, presentPublicSite, presentStaffSite, siteRows } from './projects.sites.repo.ts';
import { createPlanningDocument, createSite, editPlanningDocument, editSite, registerInterest } from './projects.sites.service.ts';

/**
 * The projects' public side (docs/PROJECTS.md): what anyone reads without signing in under
 * /public/… (promoted sites, approved planning documents, public projects' timelines — no
 * personal data: no reporter's name, no investor's account), investors' registrations of interest,
 * and the staff's pages to manage sites and plans and read the registrations.
 */

const tags = ['projects'];
const publicTags = ['public'];

function publicSummary(b: ProjectBundle, now: Date): PublicProjectSummary {
  const r = b.row;
  return {
    ...projectFacts(r),
    // Which milestone was reached is a fact of the record, the same under any rule.
    reached: assessProject(factsOf(b), DEFAULT_SCHEDULE_RULE.rule, now).reached,
  };
}

export function projectsPublicRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const ctx = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
  const published = async () => sql`s.unit_id = ${(await deploymentData(deps)).unitId} and s.published`;

  // --- Anyone -------------------------------------------------------------------------------

  api.get(
    '/public/investment-sites',
    { schema: { tags: publicTags, summary: 'Địa điểm, khu vực kêu gọi đầu tư / investment opportunities', response: { 200: z.object({ items: z.array(PublicSiteSchema) }) } } },
    async () => ({ items: (await siteRows(db.db, await published())).map(presentPublicSite) }),
  );

  api.get(
    '/public/investment-sites/:id',
    { schema: { tags: publicTags, summary: 'Một địa điểm kêu gọi đầu tư / one opportunity', params: IdParams, response: { 200: PublicSiteSchema } } },
    async (req) => {
      const [row] = await siteRows(db.db, sql`${await published()} and s.id = ${req.params.id}`);
      if (!row) throw new AppError('INVESTMENT_SITE_NOT_FOUND');
      return presentPublicSite(row);
    },
  );

  api.get(
    '/public/planning-documents',
    { schema: { tags: publicTags, summary: 'Quy hoạch đã được phê duyệt / approved planning documents', response: { 200: z.object({ items: z.array(PlanningSchema) }) } } },
    async () => {
      const unit = await deploymentData(deps);
      const docs = await planningDocuments(db.db, sql`d.unit_id = ${unit.unitId} and d.published`);
      return { items: docs.map(({ published: _, version: __, ...d }) => d) };
    },
  );

  api.get(
    '/public/projects',
    { schema: { tags: publicTags, summary: 'Dự án công khai / the public projects', response: { 200: z.object({ items: z.array(PublicProjectSummarySchema) }) } } },
    async () => {
      const unit = await deploymentData(deps);
      const t = now();
      const bundles = await loadBundles(db.db, await listProjectRows(db.db, sql`p.unit_id = ${unit.unitId} and p.public`), { publicUpdatesOnly: true });
      return { items: bundles.map((b) => publicSummary(b, t)) };
    },
  );

  api.get(
    '/public/projects/:id',
    { schema: { tags: publicTags, summary: 'Tiến độ một dự án công khai: các mốc và ảnh / a public project’s timeline', params: IdParams, response: { 200: PublicProjectSchema } } },
    async (req): Promise<PublicProject> => {
      const unit = await deploymentData(deps);
      const rows = await listProjectRows(db.db, sql`p.unit_id = ${unit.unitId} and p.public and p.id = ${req.params.id}`);
      if (rows.length === 0) throw new AppError('PROJECT_NOT_FOUND');
      // The assessment reads every report; the page shows only the published ones.
      const [all] = await loadBundles(db.db, rows);
      const [b] = await loadBundles(db.db, rows, { publicUpdatesOnly: true });
      const files = await filesOfUpdates(db.db, b!.updates.map((u) => u.id));
      const byKind = new Map(b!.milestones.map((m) => [m.kind, m]));
      return {
        ...publicSummary(all!, now()),
        summary: b!.row.summary,
        milestones: MILESTONES.filter((k) => byKind.has(k)).map((k) => ({ kind: k, plannedDate: byKind.get(k)!.planned_date, actualDate: byKind.get(k)!.actual_date })),
        updates: b!.updates.map((u) => ({
          id: u.id,
          reportedOn: u.reported_on,
          progressPct: u.progress_pct,
          note: u.note,
          files: files.filter((f) => f.update_id === u.id).map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, caption: f.caption })),
        })),
      };
    },
  );

  // --- Investors ----------------------------------------------------------------------------

  api.post(
    '/investment-sites/:id/interest',
    { schema: { tags, summary: 'Nhà đầu tư đăng ký quan tâm một địa điểm / register interest', params: IdParams, body: InterestBody, response: { 201: MyInterestSchema } } },
    async (req, reply) => {
      const user = requireUser(req);
      const id = await registerInterest(db, user, req.params.id, req.body.message, now(), ctx(req));
      const [row] = await interestRows(db.db, sql`i.id = ${id}`);
      return reply.code(201).send(presentMyInterest(row!));
    },
  );

  api.get(
    '/investor/interests',
    { schema: { tags, summary: 'Các địa điểm tôi đã đăng ký quan tâm / my registrations of interest', response: { 200: z.object({ items: z.array(MyInterestSchema) }) } } },
    async (req) => {
      const user = requireUser(req);
      return { items: (await interestRows(db.db, sql`i.user_id = ${user.id}`)).map(presentMyInterest) };
    },
  );

  // --- The ward's staff ---------------------------------------------------------------------

  api.get(
    '/investment-sites',
    { schema: { tags, summary: 'Địa điểm kêu gọi đầu tư (cả chưa công khai) / promoted sites, for staff', response: { 200: z.object({ items: z.array(StaffSiteSchema) }) } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'projects.list', unit);
      return { items: (await siteRows(db.db, sql`s.unit_id = ${unit.unitId}`)).map(presentStaffSite) };
    },
  );

  const staffSite = async (unitId: string, id: string) => {
    const [row] = await siteRows(db.db, sql`s.unit_id = ${unitId} and s.id = ${id}`);
    if (!row) throw new AppError('INVESTMENT_SITE_NOT_FOUND');
    return presentStaffSite(row);
  };

  api.post(
    '/investment-sites',
    { schema: { tags, summary: 'Thêm địa điểm kêu gọi đầu tư / add a promoted site', body: SiteBody, response: { 201: StaffSiteSchema } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const id = await createSite(db, req.user, unit.unitId, req.body, now(), ctx(req));
      return reply.code(201).send(await staffSite(unit.unitId, id));
    },
  );

  api.put(
    '/investment-sites/:id',
    { schema: { tags, summary: 'Sửa, công khai hoặc ẩn một địa điểm / edit, publish or hide a site', params: IdParams, body: SiteEditBody, response: { 200: StaffSiteSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      await editSite(db, req.user, unit.unitId, req.params.id, req.body, now(), ctx(req));
      return staffSite(unit.unitId, req.params.id);
    },
  );

  api.get(
    '/investment-interests',
    { schema: { tags, summary: 'Đăng ký quan tâm của nhà đầu tư / investors’ registrations of interest', response: { 200: z.object({ items: z.array(InterestSchema) }) } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'projects.interests', unit);
      return { items: (await interestRows(db.db, sql`s.unit_id = ${unit.unitId}`)).map(presentInterest) };
    },
  );

  api.get(
    '/planning-documents',
    { schema: { tags, summary: 'Quy hoạch (cả chưa công khai) / planning documents, for staff', response: { 200: z.object({ items: z.array(StaffPlanningSchema) }) } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'projects.list', unit);
      return { items: await planningDocuments(db.db, sql`d.unit_id = ${unit.unitId}`) };
    },
  );

  api.post(
    '/planning-documents',
    { schema: { tags, summary: 'Đăng quy hoạch đã phê duyệt kèm bản đồ, tệp / add an approved planning document', body: PlanningBody, response: { 201: StaffPlanningSchema } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const id = await createPlanningDocument(db, req.user, unit.unitId, req.body, now(), ctx(req));
      const [doc] = await planningDocuments(db.db, sql`d.id = ${id}`);
      return reply.code(201).send(doc!);
    },
  );

  api.put(
    '/planning-documents/:id',
    { schema: { tags, summary: 'Sửa, công khai hoặc ẩn một quy hoạch / edit, publish or unpublish a planning document', params: IdParams, body: PlanningEditBody, response: { 200: StaffPlanningSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      await editPlanningDocument(db, req.user, unit.unitId, req.params.id, req.body, now(), ctx(req));
      const [doc] = await planningDocuments(db.db, sql`d.id = ${req.params.id}`);
      return doc!;
    },
  );
}
