/**
 * The HTTP contract of dossiers (docs/API.md): what citizens and officials send to file, list, act
 * on and rate a dossier, and what the server answers — serialized through these very schemas, so a
 * key they do not name never leaves the server (the public tracking view lists only what anyone may
 * see by a dossier's code). The web app imports the inferred types. Pure: no I/O.
 */
import { z } from 'zod';
import { RESULT_DELIVERIES } from '../domain/result-delivery.ts';
import { ACTIONS, STATUSES } from '../domain/dossier-state.ts';
import { TimeLimitUnitSchema } from '../domain/procedure.ts';
import { FORM_NUMBERS, PAPERS } from '../domain/form-templates.ts';
import { Ref } from './session.ts';

export { ActionBody, type ActionInput } from '../domain/dossier-actions.ts';

const id = z.uuid();
const formValue = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);

export const SubmitBody = z.strictObject({
  procedureCode: z.string().regex(/^[0-9A-Z.]{3,60}$/),
  unitCode: z.string().min(3).max(60).optional(),
  formData: z.record(z.string().max(100), formValue).default({}),
  documents: z.array(z.strictObject({ requirementId: z.string().min(1).max(100), fileId: id })).max(100).default([]),
  channel: z.enum(['online', 'in_person', 'post']).default('online'),
  /** How the applicant will receive the result (form 01 says it); by default the channel's way. */
  resultDelivery: z.enum(RESULT_DELIVERIES).optional(),
  applicant: z
    .strictObject({
      kind: z.enum(['citizen', 'business']),
      fullName: z.string().trim().min(2).max(200),
      cccd: z.string().max(20).optional(),
      mst: z.string().max(20).optional(),
      birthYear: z.number().int().min(1900).max(2100).optional(),
      gender: z.enum(['male', 'female']).optional(),
      phone: z.string().max(20).optional(),
      email: z.email().max(200).optional(),
      address: z.string().max(300).optional(),
    })
    .optional(),
});
export type SubmitInput = z.infer<typeof SubmitBody>;

/** Work queues; `to_send_supplement` holds specialists' supplement proposals awaiting the desk. */
export const QUEUES = ['mine', 'department', 'to_receive', 'to_send_supplement', 'to_assign', 'to_approve', 'due_soon', 'overdue', 'all'] as const;

export const QueueQuery = z.strictObject({
  queue: z.enum(QUEUES).default('all'),
  q: z.string().max(200).optional(),
  status: z.string().max(40).optional(),
  procedure: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type QueueQueryInput = z.infer<typeof QueueQuery>;

export const CodeParams = z.strictObject({ code: z.string().min(5).max(80) });

/** POST /dossiers/:code/rating */
export const RatingBody = z.strictObject({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() });

/** GET /public/dossiers/:code: the steps and events only with the applicant's phone's last 4 digits. */
export const PublicQuery = z.strictObject({ phoneLast4: z.string().regex(/^\d{4}$/).optional() });

// ----------------------------------------------------------------------------------- answers

/** Instants are ISO 8601 at +07:00. */
const instant = z.string();
export const DossierStatus = z.enum(STATUSES);
export const DossierAction = z.enum(ACTIONS);
export const Channel = z.enum(['online', 'in_person', 'post']);
/** The legal clock (docs/adr/0005-legal-clock.md): `stopped` while the dossier waits for its applicant. */
export const ClockState = z.enum(['not_started', 'running', 'stopped', 'finished', 'closed']);
export const Timeliness = z.enum(['early', 'on_time', 'late']).nullable();

/** Status and dates: what every view of a dossier shows, the public one included. */
const progressShape = {
  status: DossierStatus,
  statusLabel: z.string(),
  statusLabelEn: z.string(),
  statusGroup: z.number().int(),
  submittedAt: instant.nullable(),
  receivedAt: instant.nullable(),
  /** The due date the law set: timeliness is judged against it. */
  dueAt: instant.nullable(),
  /** The new date given with an apology, if any (beside dueAt, never replacing it). */
  extendedDueAt: instant.nullable(),
  finishedAt: instant.nullable(),
  returnedAt: instant.nullable(),
  clock: ClockState,
  clockStoppedAt: instant.nullable(),
  timeliness: Timeliness,
};

const summaryShape = {
  code: z.string(),
  /** Its code at the national portal (or the system that forwarded it), shown beside ours. */
  externalCode: z.string().nullable(),
  /** national_portal, provincial_system or unit_system when a connected system forwarded it (the back office marks it). */
  originChannel: z.string().nullable().optional(),
  procedure: z.object({ code: z.string(), name: z.string(), version: z.number().int() }),
  channel: Channel,
  applicantName: z.string(),
  ...progressShape,
  assignee: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  supplementRounds: z.number().int(),
  /** The applicant's answer to a supplement request is the last thing that happened (lists only). */
  applicantAnswered: z.boolean().optional(),
  version: z.number().int(),
};

/** One dossier of a list (GET /dossiers). */
export const DossierSummary = z.object(summaryShape);
/** An official's work queue (with each queue's count) or a citizen's own dossiers. */
export const DossierList = z.object({
  items: z.array(DossierSummary),
  total: z.number().int(),
  /** Officials only: how many dossiers each queue holds. */
  counts: z.record(z.string(), z.number().int()).optional(),
});

export const DossierDocument = z.object({
  id: z.string(),
  requirementId: z.string().nullable(),
  /** What GET /files/:id takes. */
  fileId: z.string(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  round: z.number().int(),
  superseded: z.boolean(),
});

export const SupplementItem = z.object({
  id: z.string(),
  target: z.object({ type: z.enum(['document', 'field']), key: z.string() }),
  reason: z.string(),
  answered: z.boolean(),
});

/** One round of a request to supplement: proposed by a handler, sent by the desk (or the system, online). */
export const SupplementRequest = z.object({
  round: z.number().int(),
  proposedBy: z.string().nullable(),
  proposedAt: instant.nullable(),
  sentBy: z.string().nullable(),
  sentBySystem: z.boolean(),
  sentAt: instant.nullable(),
  /** Receipt + 3 working days; null before receipt. */
  windowEndsAt: instant.nullable(),
  /** Sent after the window: allowed, but flagged. */
  late: z.boolean().nullable(),
  /** Why a second or later request was needed. */
  repeatReason: z.string().nullable(),
  comment: z.string().nullable(),
  answeredAt: instant.nullable(),
  /** The open (or proposed) round only. */
  items: z.array(SupplementItem).optional(),
});

export const DossierStep = z.object({
  key: z.string(),
  name: z.string(),
  role: z.string(),
  handlerId: z.string().nullable(),
  startedAt: instant.nullable(),
  dueAt: instant.nullable(),
  finishedAt: instant.nullable(),
  timeliness: Timeliness,
});

/** The one extension with apology, recorded beside the due date (which it never replaces). */
export const Extension = z.object({
  dueAt: instant.nullable(),
  at: instant.nullable(),
  reason: z.string(),
  /** Sent at least one day before the due date (Decree 118/2025 Art. 19). */
  apologyOnTime: z.boolean(),
});

/** Officials see the whole time limit (with its note); the applicant sees it as the catalogue shows citizens. */
export const DossierTimeLimit = z.object({
  amount: z.number().nullable(),
  unit: TimeLimitUnitSchema.nullable(),
  toBeConfirmed: z.boolean(),
  note: z.string().optional(),
});

/** The full dossier as its applicant or an official sees it (GET /dossiers/:code, and what an action answers). */
export const Dossier = z.object({
  id: z.string(),
  ...summaryShape,
  procedure: z.object({ code: z.string(), name: z.string(), version: z.number().int(), timeLimit: DossierTimeLimit.nullable() }),
  applicant: z.object({
    kind: z.enum(['citizen', 'business']),
    fullName: z.string(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
  }),
  formData: z.record(z.string(), z.unknown()),
  documents: z.array(DossierDocument),
  extended: z.boolean(),
  extension: Extension.nullable(),
  /** Set when the receiving officer gave the appointment (unconfirmed time limit): why. */
  appointmentReason: z.string().nullable(),
  /** Receipt + 3 working days: a request to supplement after it is flagged late. */
  supplementWindowEndsAt: instant.nullable(),
  /** While not yet received: whether the officer must give the appointment, and the date the limit would give. */
  appointment: z.object({ required: z.boolean(), suggestedAt: instant.nullable() }).optional(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  handlingUnit: Ref,
  receivingUnit: z.object({ id: z.string(), name: z.string() }),
  steps: z.array(DossierStep),
  openSupplement: SupplementRequest.nullable(),
  /** Officials only: a handler's proposal awaiting the desk. */
  proposedSupplement: SupplementRequest.nullable(),
  /** Every round sent, for the record (without items). */
  supplementRequests: z.array(SupplementRequest),
  result: z.object({ outcome: z.enum(['granted', 'denied']), files: z.array(DossierDocument) }).nullable(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  /** What this caller may do now: the status table says what is possible, the policy who. */
  allowedActions: z.array(z.object({ action: DossierAction, label: z.string(), labelEn: z.string() })),
});

/** One event of a dossier's history (GET /dossiers/:code/events). */
export const DossierEvent = z.object({
  seq: z.number().int(),
  /** `submit` or one of the actions. */
  action: z.string(),
  label: z.string(),
  labelEn: z.string(),
  fromStatus: DossierStatus.nullable(),
  toStatus: DossierStatus,
  actor: z.object({ id: z.string(), fullName: z.string(), role: z.string() }),
  at: instant,
  comment: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  /** Upload ids (GET /files/:id). */
  attachments: z.array(z.string()),
});
export const EventList = z.object({ items: z.array(DossierEvent) });

/** One entry of a dossier's audit trail, for officials: every action and every read of it. */
export const AuditEntry = z.object({ at: instant, actor: z.string().nullable(), action: z.string(), details: z.unknown(), requestId: z.string().nullable() });
export const AuditList = z.object({ items: z.array(AuditEntry) });

/** The forms of Circular 03/2025 a dossier has (GET /dossiers/:code/forms). */
export const FormList = z.object({
  items: z.array(z.object({ number: z.enum(FORM_NUMBERS), title: z.string(), legalBasis: z.string(), paper: z.enum(PAPERS), url: z.string() })),
});

/** POST /dossiers/:code/rating */
export const Rating = z.object({ score: z.number().int(), comment: z.string().nullable() });

/** What anyone may see by a dossier's code (GET /public/dossiers/:code): no personal data beyond a masked name. */
export const PublicDossier = z.object({
  code: z.string(),
  externalCode: z.string().nullable(),
  /** The kind of system that forwarded it (national_portal, provincial_system, unit_system); null for one filed here. */
  originChannel: z.string().nullable().optional(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  ...progressShape,
  applicantName: z.string(),
  /** With the applicant's phone's last 4 digits only: the steps (no handler, no role) and the events (no actor, no comment). */
  steps: z.array(z.object({ name: z.string(), startedAt: instant.nullable(), dueAt: instant.nullable(), finishedAt: instant.nullable() })).optional(),
  events: z.array(z.object({ seq: z.number().int(), action: z.string(), label: z.string(), labelEn: z.string(), toStatus: DossierStatus, at: instant })).optional(),
});

export type DossierStatus = z.infer<typeof DossierStatus>;
export type ClockState = z.infer<typeof ClockState>;
export type Timeliness = z.infer<typeof Timeliness>;
export type DossierSummary = z.infer<typeof DossierSummary>;
export type DossierList = z.infer<typeof DossierList>;
export type DossierDocument = z.infer<typeof DossierDocument>;
export type SupplementItem = z.infer<typeof SupplementItem>;
export type SupplementRequest = z.infer<typeof SupplementRequest>;
export type DossierStep = z.infer<typeof DossierStep>;
export type Extension = z.infer<typeof Extension>;
export type Dossier = z.infer<typeof Dossier>;
export type DossierEvent = z.infer<typeof DossierEvent>;
export type EventList = z.infer<typeof EventList>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditList = z.infer<typeof AuditList>;
export type FormList = z.infer<typeof FormList>;
export type Rating = z.infer<typeof Rating>;
export type PublicDossier = z.infer<typeof PublicDossier>;
