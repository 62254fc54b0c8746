/**
 * The HTTP contract of the feedback API (docs/FEEDBACK.md): every request and response schema,
 * validated by the server (src/modules/feedback) and imported by the web app for its types. Pure.
 */
import { z } from 'zod';
import { CATEGORY_CODES, FEEDBACK_ACTIONS, FEEDBACK_STATUSES } from './feedback.ts';
import { VIETNAM_BOUNDS } from './projects-geo.ts';
import { AREA_CODE } from './feedback-areas.ts';

const text = (max: number) => z.string().normalize('NFC').trim().max(max);
const requiredText = (max: number) => text(max).min(1);
const instant = z.string();

export const CategorySchema = z.enum(CATEGORY_CODES);
export const FeedbackStatusSchema = z.enum(FEEDBACK_STATUSES);
export const FeedbackActionSchema = z.enum(FEEDBACK_ACTIONS);

/** Latitude and longitude in Vietnam (a swapped pair is caught here; the service checks the ward's extent). */
export const Lat = z.number().finite().min(VIETNAM_BOUNDS.minLat).max(VIETNAM_BOUNDS.maxLat);
export const Lon = z.number().finite().min(VIETNAM_BOUNDS.minLon).max(VIETNAM_BOUNDS.maxLon);
const VnPhone = z.string().trim().regex(/^(\+84|0)\d{9}$/, { message: 'Số điện thoại di động Việt Nam / a Vietnamese mobile number' });

export const ContactSchema = z.strictObject({
  name: text(200).default(''),
  phone: VnPhone.nullable().default(null),
  email: z.email().max(254).nullable().default(null),
});

export const ReportBody = z.strictObject({
  category: CategorySchema,
  description: requiredText(4000),
  lat: Lat.nullable().default(null),
  lon: Lon.nullable().default(null),
  address: text(300).default(''),
  photos: z.array(z.uuid()).max(5).default([]),
  /** Without an account: a phone or an email, proven by a one-time code. Ignored when signed in. */
  contact: ContactSchema.nullable().default(null),
});
export type ReportInput = z.infer<typeof ReportBody>;

export const ConfirmBody = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/) });
export const CodeParams = z.strictObject({ code: z.string().regex(/^PA-\d{6}-\d{4,6}$/) });
export const DraftParams = z.strictObject({ id: z.uuid() });
export const PhotoParams = z.strictObject({ id: z.uuid() });
/** The follow token given to a reporter without an account (with the code), for rating and reopening. */
const Token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const RateBody = z.strictObject({ rating: z.number().int().min(1).max(5), comment: text(1000).default(''), token: Token.optional() });
export const ReopenBody = z.strictObject({ reason: requiredText(2000), token: Token.optional() });
export const FixedBody = z.strictObject({ token: Token.optional() });

const version = z.number().int().min(1).max(2_147_483_647);
export const ActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('classify'), version, category: CategorySchema, note: text(2000).default('') }),
  z.strictObject({ action: z.literal('forward'), version, departmentId: z.uuid(), note: text(2000).default('') }),
  z.strictObject({ action: z.literal('assign'), version, assigneeId: z.uuid(), note: text(2000).default('') }),
  z.strictObject({ action: z.literal('note'), version, note: requiredText(4000) }),
  z.strictObject({ action: z.literal('answer'), version, answer: requiredText(4000) }),
  z.strictObject({ action: z.literal('archive'), version, note: text(2000).default('') }),
  z.strictObject({ action: z.literal('reject'), version, reason: requiredText(2000) }),
  z.strictObject({ action: z.literal('merge'), version, into: z.string().regex(/^PA-\d{6}-\d{4,6}$/), note: text(2000).default('') }),
  z.strictObject({
    action: z.literal('moderate'),
    version,
    reason: requiredText(2000),
    publicDescription: requiredText(4000).optional(),
    hidePhotos: z.array(z.uuid()).max(5).default([]),
  }),
]);
export type ActionInput = z.infer<typeof ActionBody>;
export type StaffAction = ActionInput['action'];

export const PublicListQuery = z.strictObject({
  category: CategorySchema.optional(),
  status: FeedbackStatusSchema.optional(),
  area: z.string().regex(AREA_CODE).optional(),
  q: text(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const QueueQuery = PublicListQuery.extend({ mine: z.enum(['1', '0']).optional() });
export const SimilarQuery = z.strictObject({ category: CategorySchema, lat: z.coerce.number().pipe(Lat), lon: z.coerce.number().pipe(Lon) });

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const EventSchema = z.object({
  at: instant,
  action: z.string(),
  /** Who acted, as the public reads it: "the ward" for officials, "the reporter". */
  by: z.enum(['ward', 'reporter', 'system']),
  note: z.string(),
  internal: z.boolean(),
  actorName: z.string().nullable(),
});

export const PublicReportSchema = z.object({
  code: z.string(),
  category: CategorySchema,
  status: FeedbackStatusSchema,
  description: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  address: z.string(),
  area: z.string().nullable(),
  areaName: z.string().nullable(),
  department: z.string().nullable(),
  receivedAt: instant,
  dueAt: instant,
  answeredAt: instant.nullable(),
  answer: z.string().nullable(),
  photos: z.array(z.string()),
  mergedInto: z.string().nullable(),
  rating: z.number().nullable(),
});
export type PublicReport = z.infer<typeof PublicReportSchema>;

export const PublicDetailSchema = PublicReportSchema.extend({
  events: z.array(EventSchema),
  /** What the person looking may do as its reporter (signed in as the reporter, or with its follow token). */
  reporter: z.object({ isReporter: z.boolean(), mayRate: z.boolean(), mayReopen: z.boolean(), askFixed: z.boolean() }),
});

export const PublicListSchema = z.object({ items: z.array(PublicReportSchema), total: z.number() });
export const SimilarSchema = z.object({ items: z.array(PublicReportSchema.extend({ distanceM: z.number() })) });

export const SubmittedSchema = z.object({
  code: z.string(),
  /** For a reporter without an account: keep it (with the code) to rate or reopen the report. */
  followToken: z.string().nullable(),
  report: PublicReportSchema,
});
export const DraftSchema = z.object({ draftId: z.string(), sentTo: z.string(), expiresAt: instant });

export const QueueItemSchema = PublicReportSchema.extend({
  departmentId: z.string().nullable(),
  assignee: z.string().nullable(),
  forwardDueAt: instant,
  forwardLate: z.boolean(),
  timeliness: z.enum(['on_time', 'late', 'open', 'overdue', 'not_counted']),
  suggestedDepartment: z.string().nullable(),
});
export const QueueSchema = z.object({ items: z.array(QueueItemSchema), counts: z.record(z.string(), z.number()) });

export const StaffDetailSchema = QueueItemSchema.extend({
  id: z.string(),
  version: z.number(),
  originalDescription: z.string(),
  channel: z.enum(['portal', 'open311']),
  reporter: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), account: z.boolean() }),
  events: z.array(EventSchema),
  allPhotos: z.array(z.object({ id: z.string(), url: z.string(), hidden: z.boolean() })),
  allowedActions: z.array(FeedbackActionSchema),
  departments: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  staff: z.array(z.object({ id: z.string(), name: z.string(), departmentId: z.string().nullable() })),
  templates: z.array(z.object({ id: z.string(), text: z.string() })),
  reopenCount: z.number(),
});
export type StaffDetail = z.infer<typeof StaffDetailSchema>;

export const PhotoSchema = z.object({ id: z.string(), url: z.string() });

// ---------------------------------------------------------------------------------------------
// The routing table and response templates (admin-edited data, versioned)
// ---------------------------------------------------------------------------------------------

const AnyCategory = z.union([CategorySchema, z.literal('*')]);
export const RoutingRuleSchema = z.strictObject({
  category: AnyCategory,
  /** An area code (former unit, or residential group once loaded); null for every area. */
  area: z.string().regex(AREA_CODE).nullable(),
  /** A department's code in the unit (checked by the service). */
  department: z.string().trim().min(1).max(40),
});
export const ResponseTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'Chữ thường, số, gạch dưới / lowercase letters, digits, underscores' }),
  category: AnyCategory,
  vi: requiredText(4000),
});
const settingsVersion = z.number().int().min(0).max(2_147_483_647);
/** First matching row wins: order matters. At least one row (else nothing is ever suggested). */
export const RoutingSaveBody = z.strictObject({ version: settingsVersion, rules: z.array(RoutingRuleSchema).min(1).max(200), note: text(500).default('') });
export const TemplatesSaveBody = z.strictObject({
  version: settingsVersion,
  items: z
    .array(ResponseTemplateSchema)
    .min(1)
    .max(100)
    .refine((l) => new Set(l.map((x) => x.id)).size === l.length, { message: 'Mã mẫu bị trùng / repeated template id' }),
  note: text(500).default(''),
});
export type RoutingSave = z.infer<typeof RoutingSaveBody>;
export type TemplatesSave = z.infer<typeof TemplatesSaveBody>;

const SavedMeta = { version: z.number(), savedBy: z.string().nullable(), savedAt: instant.nullable(), note: z.string() };
export const FeedbackSettingsSchema = z.object({
  routing: z.object({ ...SavedMeta, rules: z.array(RoutingRuleSchema) }),
  templates: z.object({ ...SavedMeta, items: z.array(ResponseTemplateSchema) }),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  history: z.array(z.object({ kind: z.enum(['routing', 'templates']), ...SavedMeta })),
});
export type FeedbackSettings = z.infer<typeof FeedbackSettingsSchema>;

// ---------------------------------------------------------------------------------------------
// The ward's areas: the official boundary and residential groups a unit admin loads (versioned)
// ---------------------------------------------------------------------------------------------

/**
 * A GeoJSON file of the boundary and/or residential groups. The collection itself is checked by
 * `parseAreasFile` (src/domain/feedback-areas.ts), which says where each fault is.
 */
export const AreasSaveBody = z.strictObject({
  version: settingsVersion,
  /** The boundaries are approximate (a sketch, a digitised paper map): the map keeps saying so. */
  approximate: z.boolean(),
  /** Where the file comes from (the decision, the survey), shown with the map. */
  source: text(500).default(''),
  note: text(500).default(''),
  geojson: z.unknown(),
});
export type AreasSave = z.infer<typeof AreasSaveBody>;

const AreaGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) }),
]);
export const AreaKindSchema = z.enum(['group', 'ward', 'area']);
/** The areas in force as the map draws them (GeoJSON). */
export const PublicAreasSchema = z.object({
  version: z.number(),
  approximate: z.boolean(),
  source: z.string(),
  areas: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), properties: z.object({ code: z.string(), name: z.string(), kind: AreaKindSchema.optional() }), geometry: AreaGeometry })),
  }),
});
export type PublicAreas = z.infer<typeof PublicAreasSchema>;
/** The unit admin's view: the areas in force (without their shapes) and the saves. */
export const AreasAdminSchema = z.object({
  inForce: z.object({
    ...SavedMeta,
    approximate: z.boolean(),
    source: z.string(),
    areas: z.array(z.object({ code: z.string(), name: z.string(), kind: AreaKindSchema })),
  }),
  history: z.array(z.object({ ...SavedMeta, approximate: z.boolean(), count: z.number() })),
  accepted: z.object({ code: z.array(z.string()), name: z.array(z.string()), kind: z.array(z.string()) }),
  limits: z.object({ features: z.number(), vertices: z.number(), bytes: z.number() }),
});
export type AreasAdmin = z.infer<typeof AreasAdminSchema>;

/** The ward map's settings: the optional tile server (MAP_TILE_URL) with its attribution. */
export const MapSettingsSchema = z.object({
  tiles: z.object({ url: z.string(), attribution: z.string(), maxZoom: z.number() }).nullable(),
  /** The areas are the coarse 2009 boundaries until the official one is loaded: the map says so. */
  boundaryApproximate: z.boolean(),
});
export type MapSettings = z.infer<typeof MapSettingsSchema>;
