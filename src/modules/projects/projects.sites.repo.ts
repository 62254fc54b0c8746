import { sql, type SQL } from 'drizzle-orm';
import { rows, type Executor } from '../../db/client.ts';
import type { Geometry } from '../../domain/projects-geo.ts';
import type { PlanningDocument, PublicSite, StaffSite } from '../../domain/projects-public-contract.ts';
import { maskIdNumber } from '../../domain/identifiers.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { toDate } from '../../db/time.ts';

// SQL of the promoted sites, planning documents and registrations of interest (migration 0027).

export interface SiteRow {
  id: string;
  code: string;
  name: string;
  kind: 'site' | 'zone';
  area_m2: number | null;
  planned_use: string;
  planning_zone: string;
  location: Geometry | null;
  address: string;
  summary: string;
  incentives: string;
  contact_office: string;
  contact_phone: string;
  contact_email: string;
  published: boolean;
  version: number;
  interests: number;
}

export async function siteRows(ex: Executor, where: SQL): Promise<SiteRow[]> {
  return rows<SiteRow>(
    ex,
    sql`select s.id, s.code, s.name, s.kind, s.area_m2, s.planned_use, s.planning_zone, s.location, s.address, s.summary, s.incentives,
               s.contact_office, s.contact_phone, s.contact_email, s.published, s.version,
               (select count(*)::int from investment_interests i where i.site_id = s.id) as interests
          from investment_sites s where ${where} order by s.code`,
  );
}

export const presentPublicSite = (r: SiteRow): PublicSite => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  areaM2: r.area_m2,
  plannedUse: r.planned_use,
  planningZone: r.planning_zone,
  location: r.location,
  address: r.address,
  summary: r.summary,
  incentives: r.incentives,
  contact: { office: r.contact_office, phone: r.contact_phone, email: r.contact_email },
});

export const presentStaffSite = (r: SiteRow): StaffSite => ({ ...presentPublicSite(r), published: r.published, version: r.version, interests: r.interests });

export interface PlanningRow {
  id: string;
  title: string;
  kind: PlanningDocument['kind'];
  decision_number: string;
  decision_date: string;
  issuer: string;
  area_ha: number | null;
  summary: string;
  location: Geometry | null;
  published: boolean;
  version: string;
}

export interface PlanningFileRow {
  document_id: string;
  id: string;
  name: string;
  mime: string;
  size: number;
  caption: string;
}

/**
 * A planning document's version: a fingerprint of its fields (the table has no version counter;
 * an edit is refused when the document changed since it was read).
 */
export const planningVersion = sql`md5(concat_ws('|', d.title, d.kind, d.decision_number, d.decision_date::text, d.issuer, d.area_ha::text, d.summary, d.location::text, d.published::text))`;

/** Planning documents, newest decision first, with their files. */
export async function planningDocuments(ex: Executor, where: SQL): Promise<(PlanningDocument & { published: boolean; version: string })[]> {
  const docs = await rows<PlanningRow>(
    ex,
    sql`select id, title, kind, decision_number, decision_date::text as decision_date, issuer, area_ha, summary, location, published, ${planningVersion} as version
          from planning_documents d where ${where} order by decision_date desc, title`,
  );
  const files =
    docs.length === 0
      ? []
      : await rows<PlanningFileRow>(
          ex,
          sql`select pf.document_id, up.id, up.name, f.mime, f.size, pf.caption
                from planning_document_files pf join uploads up on up.id = pf.upload_id join files f on f.sha256 = up.sha256
               where pf.document_id in (${sql.join(docs.map((d) => sql`${d.id}`), sql`, `)}) order by up.created_at, up.id`,
        );
  return docs.map((d) => ({
    id: d.id,
    title: d.title,
    kind: d.kind,
    decisionNumber: d.decision_number,
    decisionDate: d.decision_date,
    issuer: d.issuer,
    areaHa: d.area_ha,
    summary: d.summary,
    location: d.location,
    published: d.published,
    version: d.version,
    files: files.filter((f) => f.document_id === d.id).map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, caption: f.caption })),
  }));
}

export interface InterestRow {
  id: string;
  site_id: string;
  site_code: string;
  site_name: string;
  message: string;
  created_at: string;
  full_name: string;
  login: string;
  kind: 'business' | 'citizen';
  phone: string | null;
  email: string | null;
}

export async function interestRows(ex: Executor, where: SQL): Promise<InterestRow[]> {
  return rows<InterestRow>(
    ex,
    sql`select i.id, s.id as site_id, s.code as site_code, s.name as site_name, i.message, i.created_at::text as created_at,
               u.full_name, u.login, u.kind, u.phone, u.email
          from investment_interests i join investment_sites s on s.id = i.site_id join users u on u.id = i.user_id
         where ${where} order by i.created_at desc`,
  );
}

const siteRef = (r: InterestRow) => ({ id: r.site_id, code: r.site_code, name: r.site_name });

export const presentInterest = (r: InterestRow) => ({
  id: r.id,
  site: siteRef(r),
  // A business's tax code is public; a citizen's CCCD is shown masked.
  investor: { name: r.full_name, login: r.kind === 'business' ? r.login : maskIdNumber(r.login), kind: r.kind, phone: r.phone, email: r.email },
  message: r.message,
  createdAt: formatVn(toDate(r.created_at)),
});

export const presentMyInterest = (r: InterestRow) => ({ id: r.id, site: siteRef(r), message: r.message, createdAt: formatVn(toDate(r.created_at)) });
