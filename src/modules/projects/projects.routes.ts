import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatVn, vnDateOf } from '../../domain/calendar/index.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import {
  ChangesQuery,
  ChangesSchema,
  ChildParams,
  CompleteBody,
  DirectionBody,
  IdParams,
  InvestorBody,
  ObstacleBody,
  ProjectBody,
  ProjectDetailSchema,
  ProjectEditBody,
  ProjectListQuery,
  ProjectListSchema,
  PublicationBody,
  ResolveBody,
  RuleBody,
  RuleStateSchema,
  UpdateBody,
  type ProjectSummary,
} from '../../domain/projects-contract.ts';
import { PROJECT_STATES, rankByLateness } from '../../domain/projects.ts';
import { nextRule, ruleInForce } from '../../domain/projects-rule.ts';
import { matchesSearch } from '../../domain/text.ts';
import { maskIdNumber } from '../../domain/identifiers.ts';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { requireUser, type SessionUser } from '../../server/auth.ts';
import { deploymentData } from '../units/units.service.ts';
import { notifySettings } from '../notifications/index.ts';
import { placeOfUnit, shortParentName } from '../forms/wording.ts';
import { lazy } from '../../lazy.ts';
import { attachment, XLSX_TYPE } from '../exports/table.ts';
import { projectFilesRoutes } from './projects.files.ts';
import { projectsPublicRoutes } from './projects.public.ts';
import { presentDetail, presentEvent, presentObstacle, presentSummary } from './projects.present.ts';
import { eventsSince, filesOfUpdates, listProjectRows, ruleVersions, type ProjectRow } from './projects.repo.ts';
import {
  addUpdate,
  completeDirection,
  createProject,
  editProject,
  giveDirection,
  linkInvestor,
  unlinkInvestor,
  loadBundles,
  raiseObstacle,
  readableProject,
  recentChanges,
  resolveObstacle,
  ruleAt,
  saveRule,
  setUpdatePublication,
  type RequestContext,
} from './projects.service.ts';
import type { Computed, RowOf } from '../../db/rows.ts';
import { answers } from '../../contract/bodies.ts';
import { restoreDemoPhotos } from '../../db/seed/project-photos.ts';

const tags = ['projects'];

/** The register as the leaders see it: every project assessed at `now`, late ones first. */
export async function projectList(ex: Executor, unitId: string, now: Date, filter: z.infer<typeof ProjectListQuery> = {}) {
  const rule = await ruleAt(ex, unitId, now);
  const bundles = await loadBundles(ex, await listProjectRows(ex, sql`p.unit_id = ${unitId}`));
  const all = rankByLateness(bundles.map((b) => presentSummary(b, rule.rule, now)));
  const counts = Object.fromEntries(PROJECT_STATES.map((s) => [s, all.filter((p) => p.assessment.state === s).length])) as Record<(typeof PROJECT_STATES)[number], number>;
  const items = all.filter(
    (p: ProjectSummary) =>
      (!filter.state || p.assessment.state === filter.state) &&
      (!filter.kind || p.kind === filter.kind) &&
      (!filter.q || matchesSearch(`${p.code} ${p.name} ${p.investorName} ${p.planningZone}`, filter.q)),
  );
  return { asOf: formatVn(now), rule, counts, overdueDirections: all.reduce((n, p) => n + p.obstacles.overdueDirections, 0), items };
}

async function investorsOf(ex: Executor, id: string) {
  const list = await rows<RowOf<'users', { id: string; login: string; kind: string }> & Computed<{ name: string }>>(
    ex,
    sql`select u.id, u.full_name as name, u.login, u.kind from project_investors pi join users u on u.id = pi.user_id where pi.project_id = ${id} order by pi.added_at`,
  );
  // A business's tax code is public; a citizen's CCCD is not.
  return list.map((u) => ({ id: u.id, name: u.name, login: u.kind === 'business' ? u.login : maskIdNumber(u.login) }));
}

/** A project's full page for someone who may read it. */
export async function projectDetail(ex: Executor, actor: Actor, row: ProjectRow, now: Date) {
  const [bundle] = await loadBundles(ex, [row]);
  const rule = await ruleAt(ex, row.unit_id, now);
  const [files, events, investors] = await Promise.all([
    filesOfUpdates(ex, bundle!.updates.map((u) => u.id)),
    eventsSince(ex, row.unit_id, new Date(0), row.id),
    investorsOf(ex, row.id),
  ]);
  return presentDetail(bundle!, { files, events, investors }, actor, rule.rule, now);
}

// The exports pull in exceljs and pdf-lib: loaded on the first export, not at start-up.
const projectsXlsx = lazy(() => import('./projects.exports.ts'), 'projectsXlsx');
const lateBriefPdf = lazy(() => import('./projects.exports.ts'), 'lateBriefPdf');

export function projectsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const ctx = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
  projectFilesRoutes(app, deps);
  projectsPublicRoutes(app, deps);
  // The demo's progress photos: their rows are seeded, their bytes written to this store at start.
  if (deps.config.seedDemo) {
    app.addHook('onReady', async () => {
      try {
        const wrote = await restoreDemoPhotos(deps);
        if (wrote) app.log.info({ wrote }, 'demo progress photos written to the file store');
      } catch (err) {
        app.log.warn({ err }, 'demo progress photos could not be written to the file store');
      }
    });
  }
  const detailOf = async (actor: Actor, id: string) => projectDetail(db.db, actor, await readableProject(db.db, actor, id), now());

  api.get(
    '/projects',
    { schema: { tags, summary: 'Danh mục dự án, chậm tiến độ trước / the project register, late ones first', querystring: ProjectListQuery, response: { 200: ProjectListSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'projects.list', unit);
      return projectList(db.db, unit.unitId, now(), req.query);
    },
  );

  api.get(
    '/projects/export.xlsx',
    { schema: { tags, summary: 'Xuất danh mục dự án ra Excel (XLSX) / the register as a spreadsheet', querystring: ProjectListQuery, response: { 200: answers('Danh mục dự án, tệp Excel (XLSX) / the register, an XLSX workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'projects.list', unit);
      const t = now();
      const list = await projectList(db.db, unit.unitId, t, req.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`du-an-${vnDateOf(t)}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(await projectsXlsx(list.items, t));
    },
  );

  api.get(
    '/projects/brief.pdf',
    { schema: { tags, summary: 'Báo cáo nhanh các dự án chậm tiến độ (PDF, in được) / a printable brief of the late projects', response: { 200: answers('Báo cáo nhanh, tệp PDF / the brief, a PDF', 'application/pdf') } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const user = authorize(req.user, 'projects.list', unit);
      const t = now();
      const list = await projectList(db.db, unit.unitId, t, { state: 'late' });
      const bundles = await loadBundles(db.db, await listProjectRows(db.db, sql`p.unit_id = ${unit.unitId}`));
      const u = (await maybeOne<RowOf<'units', { name: string }> & Computed<{ parent: string | null }>>(db.db, sql`select u.name, p.name as parent from units u left join units p on p.id = u.parent_id where u.id = ${unit.unitId}`))!;
      const parent = u.parent ?? (deps.config.unit.parentName.trim() || null);
      const items = list.items.map((p) => {
        const b = bundles.find((x) => x.row.id === p.id)!;
        return { project: p, obstacles: b.obstacles.map((o) => presentObstacle(o, b, user, t)) };
      });
      const bytes = await lateBriefPdf({ issuer: { parentName: parent ? shortParentName(parent) : null, agencyName: u.name, place: placeOfUnit(u.name) }, date: t, ruleBasis: list.rule.basis, items });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="du-an-cham-tien-do-${vnDateOf(t)}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );

  api.get(
    '/projects/changes',
    { schema: { tags, summary: 'Những thay đổi trong tuần / what changed this week', querystring: ChangesQuery, response: { 200: ChangesSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'projects.list', unit);
      const t = now();
      const c = await recentChanges(db.db, unit.unitId, req.query.days, t);
      return { since: formatVn(c.since), asOf: formatVn(t), events: c.events.map(presentEvent), stateChanges: c.stateChanges };
    },
  );

  api.get(
    '/projects/rule',
    { schema: { tags, summary: 'Tiêu chí chậm tiến độ (các phiên bản) / the behind-schedule rule and its versions', response: { 200: RuleStateSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'projects.list', unit);
      const versions = await ruleVersions(db.db, unit.unitId);
      const today = vnDateOf(now());
      return {
        inForce: ruleInForce(versions, today),
        next: nextRule(versions, today),
        versions: versions.map((v) => ({ ...v, createdAt: formatVn(toDate(v.createdAt)) })),
      };
    },
  );

  api.put(
    '/projects/rule',
    { schema: { tags, summary: 'Đặt tiêu chí chậm tiến độ từ một ngày / set the rule from a date', body: RuleBody, response: { 200: RuleStateSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      await saveRule(db, req.user, unit.unitId, req.body, now(), ctx(req));
      const versions = await ruleVersions(db.db, unit.unitId);
      const today = vnDateOf(now());
      return { inForce: ruleInForce(versions, today), next: nextRule(versions, today), versions: versions.map((v) => ({ ...v, createdAt: formatVn(toDate(v.createdAt)) })) };
    },
  );

  api.post(
    '/projects',
    { schema: { tags, summary: 'Đưa dự án vào danh mục theo dõi / register a project', body: ProjectBody, response: { 201: ProjectDetailSchema } } },
    async (req, reply) => {
      const user = requireUser(req);
      const unit = await deploymentData(deps);
      const id = await createProject(db, user, unit.unitId, req.body, now(), ctx(req));
      return reply.code(201).send(await detailOf(user, id));
    },
  );

  api.get(
    '/investor/projects',
    { schema: { tags, summary: 'Dự án của nhà đầu tư đang đăng nhập / the signed-in investor’s projects', response: { 200: z.object({ items: z.array(ProjectListSchema.shape.items.element) }) } } },
    async (req) => {
      const user = requireUser(req);
      const t = now();
      const projects = await listProjectRows(db.db, sql`exists (select 1 from project_investors pi where pi.project_id = p.id and pi.user_id = ${user.id})`);
      const bundles = await loadBundles(db.db, projects);
      const items = await Promise.all(bundles.map(async (b) => presentSummary(b, (await ruleAt(db.db, b.row.unit_id, t)).rule, t)));
      return { items };
    },
  );

  api.get('/projects/:id', { schema: { tags, summary: 'Chi tiết dự án / a project', params: IdParams, response: { 200: ProjectDetailSchema } } }, async (req) =>
    detailOf(requireUser(req), req.params.id),
  );

  /** A write on one project: the use case, then the project as the caller now sees it. */
  function action<P extends typeof IdParams | typeof ChildParams, B extends z.ZodType>(
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    summary: string,
    params: P,
    body: B,
    status: 200 | 201,
    run: (user: SessionUser, params: z.infer<P>, body: z.infer<B>, c: RequestContext) => Promise<unknown>,
  ) {
    api.route({
      method,
      url,
      schema: { tags, summary, params, ...(method === 'DELETE' ? {} : { body }), response: { [status]: ProjectDetailSchema } },
      handler: async (req, reply) => {
        const user = requireUser(req);
        const p = req.params as z.infer<P>;
        await run(user, p, req.body as z.infer<B>, ctx(req));
        return reply.code(status).send(await detailOf(user, p.id));
      },
    });
  }

  action('PUT', '/projects/:id', 'Sửa thông tin dự án / edit a project', IdParams, ProjectEditBody, 200, (u, p, b, c) => editProject(db, u, p.id, b, now(), c));
  action('POST', '/projects/:id/updates', 'Báo cáo tiến độ kèm minh chứng / report progress with evidence', IdParams, UpdateBody, 201, (u, p, b, c) =>
    addUpdate(db, u, p.id, b, now(), c),
  );
  action('POST', '/projects/:id/updates/:childId/publication', 'Công khai / ẩn ảnh của một báo cáo / publish or hide an update', ChildParams, PublicationBody, 200, (u, p, b, c) =>
    setUpdatePublication(db, u, p.id, p.childId, b, now(), c),
  );
  action('POST', '/projects/:id/obstacles', 'Ghi nhận vướng mắc / record an obstacle', IdParams, ObstacleBody, 201, (u, p, b, c) => raiseObstacle(db, u, p.id, b, now(), c));
  action('POST', '/projects/:id/obstacles/:childId/directions', 'Ý kiến chỉ đạo có thời hạn / a leader’s direction with a deadline', ChildParams, DirectionBody, 201, (u, p, b, c) =>
    giveDirection(db, u, p.id, p.childId, b, now(), c, notifySettings(deps.config)),
  );
  action('POST', '/projects/:id/obstacles/:childId/resolve', 'Vướng mắc đã được tháo gỡ / an obstacle resolved', ChildParams, ResolveBody, 200, (u, p, b, c) =>
    resolveObstacle(db, u, p.id, p.childId, b.resolution, now(), c),
  );
  action('POST', '/projects/:id/directions/:childId/complete', 'Báo cáo hoàn thành chỉ đạo / report a direction done', ChildParams, CompleteBody, 200, (u, p, b, c) =>
    completeDirection(db, u, p.id, p.childId, b.note, now(), c),
  );
  action('POST', '/projects/:id/investors', 'Gắn tài khoản nhà đầu tư / link an investor account', IdParams, InvestorBody, 200, (u, p, b, c) =>
    linkInvestor(db, u, p.id, b.login, now(), c),
  );
  action('DELETE', '/projects/:id/investors/:childId', 'Bỏ liên kết tài khoản nhà đầu tư / unlink an investor account', ChildParams, z.undefined(), 200, (u, p, _b, c) =>
    unlinkInvestor(db, u, p.id, p.childId, now(), c),
  );
}
