/**
 * The HTTP contract of the projects' public side (docs/PROJECTS.md): investment opportunities
 * (promoted sites and zones), approved planning documents, public projects' timelines, and
 * investors' registrations of interest. Shared by the server and the web app. Pure.
 */
import { z } from 'zod';
import { GeometrySchema } from './projects-geo.ts';
import { MILESTONES, PROJECT_KINDS } from './projects.ts';
import { date, requiredText, text } from './projects-contract.ts';

export const SITE_KINDS = ['site', 'zone'] as const;
export const PLANNING_KINDS = ['general', 'zoning', 'detailed', 'other'] as const;

const version = z.number().int().min(1).max(2_147_483_647);
const files = z.array(z.strictObject({ uploadId: z.uuid(), caption: text(300).default('') })).max(20).default([]);

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export const SiteBody = z.strictObject({
  name: requiredText(300),
  kind: z.enum(SITE_KINDS),
  areaM2: z.number().positive().max(1e9).nullable().default(null),
  plannedUse: requiredText(300),
  planningZone: text(300).default(''),
  location: GeometrySchema.nullable().default(null),
  address: text(300).default(''),
  summary: text(4000).default(''),
  incentives: text(2000).default(''),
  /** The ward office to contact: an office, never a private person. */
  contactOffice: requiredText(200),
  contactPhone: z.string().trim().regex(/^[0-9 +().-]{0,20}$/).default(''),
  contactEmail: z.union([z.literal(''), z.email().max(200)]).default(''),
  published: z.boolean().default(false),
});
export type SiteInput = z.infer<typeof SiteBody>;
export const SiteEditBody = SiteBody.extend({ version });

export const InterestBody = z.strictObject({ message: requiredText(2000) });

export const PlanningBody = z.strictObject({
  title: requiredText(300),
  kind: z.enum(PLANNING_KINDS),
  decisionNumber: requiredText(100),
  decisionDate: date(),
  issuer: requiredText(200),
  areaHa: z.number().positive().max(1e7).nullable().default(null),
  summary: text(4000).default(''),
  location: GeometrySchema.nullable().default(null),
  published: z.boolean().default(false),
  files,
});
export type PlanningInput = z.infer<typeof PlanningBody>;
/**
 * An edit of a planning document (its files stay as added): the fields and whether it is public,
 * with the version read (a fingerprint of the document as read; a stale edit is refused).
 */
export const PlanningEditBody = PlanningBody.omit({ files: true }).extend({ version: z.string().min(1).max(64) });
export type PlanningEditInput = z.infer<typeof PlanningEditBody>;

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const FileSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), caption: z.string() });

export const PublicSiteSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  areaM2: z.number().nullable(),
  plannedUse: z.string(),
  planningZone: z.string(),
  location: GeometrySchema.nullable(),
  address: z.string(),
  summary: z.string(),
  incentives: z.string(),
  contact: z.object({ office: z.string(), phone: z.string(), email: z.string() }),
});
export type PublicSite = z.infer<typeof PublicSiteSchema>;

export const StaffSiteSchema = PublicSiteSchema.extend({ published: z.boolean(), version: z.number(), interests: z.number() });
export type StaffSite = z.infer<typeof StaffSiteSchema>;

export const PlanningSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(PLANNING_KINDS),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  issuer: z.string(),
  areaHa: z.number().nullable(),
  summary: z.string(),
  location: GeometrySchema.nullable(),
  files: z.array(FileSchema),
});
export type PlanningDocument = z.infer<typeof PlanningSchema>;
export const StaffPlanningSchema = PlanningSchema.extend({ published: z.boolean(), version: z.string() });

const siteRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** A registration of interest as the ward's officers read it (the investor's account and contacts). */
export const InterestSchema = z.object({
  id: z.string(),
  site: siteRef,
  investor: z.object({ name: z.string(), login: z.string(), kind: z.enum(['business', 'citizen']), phone: z.string().nullable(), email: z.string().nullable() }),
  message: z.string(),
  createdAt: z.string(),
});
export type Interest = z.infer<typeof InterestSchema>;

/** One's own registration, as the investor reads it. */
export const MyInterestSchema = z.object({ id: z.string(), site: siteRef, message: z.string(), createdAt: z.string() });
export type MyInterest = z.infer<typeof MyInterestSchema>;

export const PublicProjectSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PROJECT_KINDS),
  investorName: z.string(),
  registeredCapitalVnd: z.number(),
  areaM2: z.number().nullable(),
  location: GeometrySchema.nullable(),
  address: z.string(),
  landUse: z.string(),
  planningZone: z.string(),
  /** The last legal milestone reached, or null. */
  reached: z.enum(MILESTONES).nullable(),
});
export type PublicProjectSummary = z.infer<typeof PublicProjectSummarySchema>;

/** A public project's milestone timeline and its published progress reports (photos reviewed by the ward; no reporter's name). */
export const PublicProjectSchema = PublicProjectSummarySchema.extend({
  summary: z.string(),
  milestones: z.array(z.object({ kind: z.enum(MILESTONES), plannedDate: z.string().nullable(), actualDate: z.string().nullable() })),
  updates: z.array(z.object({ id: z.string(), reportedOn: z.string(), progressPct: z.number().nullable(), note: z.string(), files: z.array(FileSchema) })),
});
export type PublicProject = z.infer<typeof PublicProjectSchema>;
