/**
 * The HTTP contract of interoperation (docs/INTEROP.md): what connected systems send and read
 * (dossiers forwarded, catalogue updates pushed, residents looked up), and the unit admin's side
 * (connected systems and their keys, pushed updates, the sync view). An API key and signing
 * secret are in the one answer that issues them (creation, rotation) and in no other. Pure
 * schemas: no I/O.
 */
import { z } from 'zod';
import { ProcedureDefinitionSchema } from '../domain/procedure.ts';
import { isoDate } from './bounds.ts';
import { INTEROP_SCOPES, SYSTEM_KINDS } from '../domain/interop-grants.ts';
import { RESULT_DELIVERIES } from '../domain/result-delivery.ts';

const formValue = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
const externalCode = z.string().regex(/^[\w.\-/]{3,80}$/, 'letters, digits, . - _ / (3–80)');

/** A document of an incoming dossier: inline (base64) or by URL on the sender's own server. */
const IncomingDocument = z
  .strictObject({
    requirementId: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    contentBase64: z.base64().max(28_000_000).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .refine((d) => (d.contentBase64 === undefined) !== (d.url === undefined), { message: 'contentBase64 hoặc url, đúng một / exactly one of contentBase64 or url' });

/** A dossier forwarded by the national portal or a provincial system (POST /interop/dossiers). */
export const IntakeBody = z.strictObject({
  /** The sender's dossier code (the national portal's): a retried delivery with the same code files nothing new. */
  externalCode,
  procedureCode: z.string().regex(/^[0-9A-Z.]{3,60}$/),
  /** The competent unit (its electronic ID code); by default the unit this deployment serves. */
  unitCode: z.string().min(3).max(60).optional(),
  channel: z.enum(['national_portal', 'provincial_system']),
  /** When the applicant filed it with the sender. */
  filedAt: z.iso.datetime({ offset: true }),
  applicant: z.strictObject({
    kind: z.enum(['citizen', 'business']),
    fullName: z.string().trim().min(2).max(200),
    cccd: z.string().max(20).optional(),
    mst: z.string().max(20).optional(),
    birthDate: z.iso.date().optional(),
    gender: z.enum(['male', 'female']).optional(),
    phone: z.string().max(20).optional(),
    email: z.email().max(200).optional(),
    address: z.string().max(300).optional(),
    /** How the sender verified who the applicant is (VNeID level 2 for the national portal). */
    verifiedBy: z.enum(['vneid', 'none']),
  }),
  formData: z.record(z.string().max(100), formValue).default({}),
  documents: z.array(IncomingDocument).max(50).default([]),
  payment: z
    .strictObject({
      status: z.enum(['not_required', 'unpaid', 'paid']),
      amountVnd: z.number().int().min(0).max(2_000_000_000).optional(),
      /** The payment platform's reference (PayGov). */
      reference: z.string().max(100).optional(),
    })
    .default({ status: 'not_required' }),
  resultDelivery: z.enum(RESULT_DELIVERIES).optional(),
});
export type IntakeInput = z.infer<typeof IntakeBody>;

export const ExternalCodeParams = z.strictObject({ externalCode });

const callbackUrl = z.url({ protocol: /^https?$/ }).max(500);

export const NewSystemBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, 'chữ in hoa, số, . _ - / capitals, digits, . _ -'),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(SYSTEM_KINDS),
  scopes: z.array(z.enum(INTEROP_SCOPES)).min(1).max(INTEROP_SCOPES.length),
  callbackUrl: callbackUrl.nullable().default(null),
  syncAll: z.boolean().default(false),
  /** A unit on another deployment this system processes dossiers for: a transfer to it is handed over to this system. */
  remoteUnit: z
    .strictObject({
      code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,59}$/),
      name: z.string().trim().min(2).max(200),
    })
    .optional(),
});

export const UpdateSystemBody = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  scopes: z.array(z.enum(INTEROP_SCOPES)).min(1).max(INTEROP_SCOPES.length).optional(),
  callbackUrl: callbackUrl.nullable().optional(),
  syncAll: z.boolean().optional(),
  active: z.boolean().optional(),
});

/** A connected system as its unit admin manages it. */
export const ConnectedSystem = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(SYSTEM_KINDS),
  scopes: z.array(z.enum(INTEROP_SCOPES)),
  callbackUrl: z.string().nullable(),
  syncAll: z.boolean(),
  active: z.boolean(),
  /** The unit on another deployment it processes dossiers for. */
  remoteUnitCode: z.string().nullable(),
});
/** GET /admin/interop/systems: each system with its keys (ids and dates, never the secret). */
export const SystemList = z.object({
  items: z.array(ConnectedSystem.extend({ keys: z.array(z.object({ keyId: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() })) })),
});
/** A key as issued: shown this once (only its hash is kept). */
export const IssuedKey = z.object({ keyId: z.string(), apiKey: z.string(), signingSecret: z.string(), note: z.string() });
/** POST /admin/interop/systems (201). */
export const SystemCreated = z.object({ system: ConnectedSystem, key: IssuedKey });
/** PATCH /admin/interop/systems/:code. */
export const SystemAnswer = z.object({ system: ConnectedSystem });
/** POST /admin/interop/systems/:code/keys (201). */
export const KeyIssued = z.object({ key: IssuedKey });

export const SystemCodeParams = z.strictObject({ code: z.string().min(2).max(40) });
export const RotateBody = z.strictObject({ graceHours: z.number().int().min(0).max(24 * 14).default(24) });

/** Catalogue updates pushed by the province (POST /interop/catalogue): validated as the catalogue editor validates a definition. */
export const CataloguePushBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        definition: ProcedureDefinitionSchema,
        /** The date the new version takes effect (the province's decision). */
        effectiveFrom: isoDate(),
        /** The decision publishing it, or any word for the ward's admin. */
        note: z.string().trim().min(1).max(500).optional(),
      }),
    )
    .min(1)
    .max(50),
});

export const CataloguePushAnswer = z.object({
  items: z.array(z.object({ id: z.string(), procedureCode: z.string(), effectiveFrom: z.string(), status: z.enum(['pending', 'published', 'rejected']), created: z.boolean() })),
});

export const ResidentParams = z.strictObject({ cccd: z.string().regex(/^\d{12}$/, '12 chữ số / 12 digits') });
export const ResidentAnswer = z.object({
  cccd: z.string(),
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  hasAccount: z.boolean(),
});

export const PushStatus = z.enum(['pending', 'published', 'rejected']);
export const PushParams = z.strictObject({ id: z.uuid() });
export const PushQuery = z.strictObject({ status: PushStatus.optional() });
export const PublishBody = z.strictObject({ effectiveFrom: isoDate().optional() });
export const RejectBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

/** A catalogue update pushed by the province, as the unit admin reviews it. */
export const CataloguePush = z.object({
  id: z.string(),
  /** The code of the system that pushed it. */
  system: z.string(),
  procedureCode: z.string(),
  name: z.string(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  status: PushStatus,
  receivedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  publishedVersion: z.number().int().nullable(),
  /** A code the catalogue does not have yet: publishing it adds the procedure. */
  isNew: z.boolean(),
});
export const CataloguePushList = z.object({ items: z.array(CataloguePush) });
/** GET /admin/interop/catalogue/:id: with the whole definition pushed. */
export const CataloguePushDetail = CataloguePush.extend({ definition: ProcedureDefinitionSchema });
/** POST …/publish and …/reject: `version` is the procedure's new version (null when rejected). */
export const PushDecision = z.object({ id: z.string(), procedureCode: z.string(), status: PushStatus, version: z.number().int().nullable(), effectiveFrom: z.string() });

export const SyncQuery = z.strictObject({ from: isoDate().optional(), to: isoDate().optional() });
export const SyncAnswer = z.object({
  systems: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(SYSTEM_KINDS),
      active: z.boolean(),
      callbackUrl: z.string().nullable(),
      remoteUnitCode: z.string().nullable(),
      events: z.number().int(),
      sent: z.number().int(),
      acknowledged: z.number().int(),
      waiting: z.number().int(),
      failing: z.number().int(),
      lastAcknowledgedAt: z.string().nullable(),
      deadLetters: z.array(
        z.object({
          id: z.string(),
          dossierCode: z.string(),
          /** The dossier's code at the system it came from (the national portal's), beside ours. */
          externalCode: z.string().nullable(),
          originChannel: z.enum(SYSTEM_KINDS).nullable(),
          action: z.string(),
          sequence: z.number().int().nullable(),
          attempts: z.number().int(),
          lastError: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
      handovers: z.array(z.object({ dossierCode: z.string(), externalCode: z.string().nullable(), originChannel: z.enum(SYSTEM_KINDS).nullable(), transferredAt: z.string(), acknowledgedAt: z.string().nullable(), status: z.string() })),
    }),
  ),
  syncedShare: z.object({ from: z.string().nullable(), to: z.string().nullable(), dossiers: z.number().int(), fullySynced: z.number().int(), share: z.number().nullable() }),
});

export const HandoverDocumentParams = z.strictObject({ code: z.string().regex(/^[\w.-]{3,80}$/), documentId: z.uuid() });

export type ConnectedSystem = z.infer<typeof ConnectedSystem>;
export type SystemList = z.infer<typeof SystemList>;
export type IssuedKey = z.infer<typeof IssuedKey>;
export type CataloguePush = z.infer<typeof CataloguePush>;
export type CataloguePushList = z.infer<typeof CataloguePushList>;
export type CataloguePushDetail = z.infer<typeof CataloguePushDetail>;
export type PushDecision = z.infer<typeof PushDecision>;
export type SyncAnswer = z.infer<typeof SyncAnswer>;
