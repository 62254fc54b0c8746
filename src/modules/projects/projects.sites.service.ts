import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import type { PlanningEditInput, PlanningInput, SiteInput } from '../../domain/projects-public-contract.ts';
import { audit } from '../audit/audit.ts';
import type { RequestContext } from './projects.service.ts';
import { planningVersion } from './projects.sites.repo.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

// Use cases of the promoted sites, the planning documents and the registrations of interest.

async function writeSite(tx: Executor, id: string, s: SiteInput, now: Date) {
  await tx.execute(sql`update investment_sites set name = ${s.name}, kind = ${s.kind}, area_m2 = ${s.areaM2}, planned_use = ${s.plannedUse},
      planning_zone = ${s.planningZone}, location = ${s.location === null ? null : JSON.stringify(s.location)}::jsonb, address = ${s.address},
      summary = ${s.summary}, incentives = ${s.incentives}, contact_office = ${s.contactOffice}, contact_phone = ${s.contactPhone},
      contact_email = ${s.contactEmail}, published = ${s.published}, updated_at = ${now.toISOString()}
    where id = ${id}`);
}

/** A new promoted site (code CH-001, CH-002…). @throws AppError FORBIDDEN */
export async function createSite(db: Database, actor: Actor | null, unitId: string, input: SiteInput, now: Date, ctx: RequestContext): Promise<string> {
  const user = authorize(actor, 'projects.manage', { unitId });
  return db.transaction(async (tx) => {
    // One creation at a time per unit, so two never pick the same code.
    await tx.execute(sql`select id from units where id = ${unitId} for update`);
    const n = (await maybeOne<Computed<{ n: number }>>(tx, sql`select (count(*) + 1)::int as n from investment_sites`))!.n;
    let seq = n;
    let code = `CH-${String(seq).padStart(3, '0')}`;
    while (await maybeOne(tx, sql`select 1 from investment_sites where code = ${code}`)) code = `CH-${String(++seq).padStart(3, '0')}`;
    const id = randomUUID();
    const t = now.toISOString();
    await tx.execute(sql`insert into investment_sites (id, unit_id, code, name, kind, planned_use, contact_office, created_by, created_at, updated_at)
      values (${id}, ${unitId}, ${code}, ${input.name}, ${input.kind}, ${input.plannedUse}, ${input.contactOffice}, ${user.id}, ${t}, ${t})`);
    await writeSite(tx, id, input, now);
    await audit(tx, { actorId: user.id, action: 'investment_site_create', entityType: 'project', entityId: id, details: { code }, ...ctx }, now);
    return id;
  });
}

/** Edits a site (with the version read). @throws AppError FORBIDDEN, INVESTMENT_SITE_NOT_FOUND, INVESTMENT_SITE_VERSION_CONFLICT */
export async function editSite(db: Database, actor: Actor | null, unitId: string, id: string, input: SiteInput & { version: number }, now: Date, ctx: RequestContext) {
  const user = authorize(actor, 'projects.manage', { unitId });
  await db.transaction(async (tx) => {
    const row = await maybeOne<RowOf<'investment_sites', { version: number }>>(tx, sql`select version from investment_sites where id = ${id} and unit_id = ${unitId} for update`);
    if (!row) throw new AppError('INVESTMENT_SITE_NOT_FOUND');
    if (row.version !== input.version) throw new AppError('INVESTMENT_SITE_VERSION_CONFLICT', { current: row.version });
    await writeSite(tx, id, input, now);
    await tx.execute(sql`update investment_sites set version = version + 1 where id = ${id}`);
    await audit(tx, { actorId: user.id, action: 'investment_site_edit', entityType: 'project', entityId: id, details: { version: input.version + 1, published: input.published }, ...ctx }, now);
  });
}

/**
 * An investor's registration of interest in a published site; a second one by the same account
 * replaces the message. @throws AppError FORBIDDEN, INVESTMENT_SITE_NOT_FOUND
 */
export async function registerInterest(db: Database, actor: Actor | null, siteId: string, message: string, now: Date, ctx: RequestContext): Promise<string> {
  const user = authorize(actor, 'projects.register_interest', null);
  return db.transaction(async (tx) => {
    const site = await maybeOne<RowOf<'investment_sites', { id: string }>>(tx, sql`select id from investment_sites where id = ${siteId} and published`);
    if (!site) throw new AppError('INVESTMENT_SITE_NOT_FOUND');
    const saved = await rows<RowOf<'investment_interests', { id: string }>>(
      tx,
      sql`insert into investment_interests (id, site_id, user_id, message, created_at) values (${randomUUID()}, ${siteId}, ${user.id}, ${message}, ${now.toISOString()})
          on conflict (site_id, user_id) do update set message = excluded.message, created_at = excluded.created_at returning id`,
    );
    await audit(tx, { actorId: user.id, action: 'investment_interest', entityType: 'project', entityId: siteId, details: {}, ...ctx }, now);
    return saved[0]!.id;
  });
}

/** A planning document with its files (the uploader's own uploads). @throws AppError FORBIDDEN, FILE_NOT_FOUND */
export async function createPlanningDocument(db: Database, actor: Actor | null, unitId: string, input: PlanningInput, now: Date, ctx: RequestContext): Promise<string> {
  const user = authorize(actor, 'projects.manage', { unitId });
  return db.transaction(async (tx) => {
    const ids = input.files.map((f) => f.uploadId);
    if (ids.length) {
      const mine = await rows<RowOf<'uploads', { id: string }>>(tx, sql`select id from uploads where uploaded_by = ${user.id} and id in (${sql.join(ids.map((u) => sql`${u}`), sql`, `)})`);
      const missing = ids.find((u) => !mine.some((m) => m.id === u));
      if (missing) throw new AppError('FILE_NOT_FOUND', { fileId: missing });
    }
    const id = randomUUID();
    await tx.execute(sql`insert into planning_documents (id, unit_id, title, kind, decision_number, decision_date, issuer, area_ha, summary, location, published, created_by, created_at)
      values (${id}, ${unitId}, ${input.title}, ${input.kind}, ${input.decisionNumber}, ${input.decisionDate}, ${input.issuer}, ${input.areaHa}, ${input.summary},
              ${input.location === null ? null : JSON.stringify(input.location)}::jsonb, ${input.published}, ${user.id}, ${now.toISOString()})`);
    for (const f of input.files) {
      await tx.execute(sql`insert into planning_document_files (document_id, upload_id, caption) values (${id}, ${f.uploadId}, ${f.caption}) on conflict do nothing`);
    }
    await audit(tx, { actorId: user.id, action: 'planning_document_create', entityType: 'project', entityId: id, details: { decisionNumber: input.decisionNumber }, ...ctx }, now);
    return id;
  });
}

/**
 * Edits a planning document's fields, publishes or unpublishes it (an unpublished one and its
 * files leave the public pages), with the version read.
 * @throws AppError FORBIDDEN, PLANNING_DOCUMENT_NOT_FOUND, PLANNING_DOCUMENT_VERSION_CONFLICT
 */
export async function editPlanningDocument(db: Database, actor: Actor | null, unitId: string, id: string, input: PlanningEditInput, now: Date, ctx: RequestContext) {
  const user = authorize(actor, 'projects.manage', { unitId });
  await db.transaction(async (tx) => {
    const row = await maybeOne<RowOf<'planning_documents', { published: boolean }> & Computed<{ version: string }>>(tx, sql`select ${planningVersion} as version, d.published from planning_documents d where d.id = ${id} and d.unit_id = ${unitId} for update`);
    if (!row) throw new AppError('PLANNING_DOCUMENT_NOT_FOUND');
    if (row.version !== input.version) throw new AppError('PLANNING_DOCUMENT_VERSION_CONFLICT', { current: row.version });
    await tx.execute(sql`update planning_documents set title = ${input.title}, kind = ${input.kind}, decision_number = ${input.decisionNumber}, decision_date = ${input.decisionDate},
        issuer = ${input.issuer}, area_ha = ${input.areaHa}, summary = ${input.summary}, location = ${input.location === null ? null : JSON.stringify(input.location)}::jsonb,
        published = ${input.published} where id = ${id}`);
    await audit(tx, { actorId: user.id, action: 'planning_document_edit', entityType: 'project', entityId: id, details: { decisionNumber: input.decisionNumber, published: input.published, wasPublished: row.published }, ...ctx }, now);
  });
}
