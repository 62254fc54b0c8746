/**
 * The HTTP contract of the procedure catalogue (docs/CATALOGUE.md): what citizens read (the
 * response schemas are the second lock: the serializer drops any key they do not name, so no
 * research note reaches a citizen — src/domain/procedure-views.ts is the first), what officials
 * read and write. Pure: no I/O.
 */
import { z } from 'zod';
import {
  DocumentKindSchema,
  DocumentRequirementSchema,
  FeeSchema,
  FormFieldSchema,
  FormFieldTypeSchema,
  ProcedureDefinitionSchema,
  TimeLimitSchema,
  TimeLimitUnitSchema,
  WorkflowStepSchema,
} from '../domain/procedure.ts';
import { int32FromQuery, isoDate } from './bounds.ts';

export const ProcedureCodeParams = z.strictObject({ code: z.string().regex(/^[0-9A-Z.]{3,60}$/) });
export const VersionQuery = z.strictObject({ version: int32FromQuery().min(1).optional() });
/** PUT /procedures/:code, POST /procedures: a whole definition, in force from a date (today by default). */
export const SaveProcedureBody = z.strictObject({ definition: ProcedureDefinitionSchema, effectiveFrom: isoDate().optional() });

export const CatalogueQuery = z.strictObject({
  q: z.string().max(200).optional(),
  field: z.string().max(200).optional(),
  onlineLevel: z.enum(['full', 'partial', 'unknown']).optional(),
  applicant: z.enum(['citizen', 'business']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const OnlineLevel = z.enum(['full', 'partial']).nullable();
export const ApplicantKind = z.enum(['citizen', 'business', 'both']);
/** As citizens see it: amount and unit only once the ward has confirmed them. */
export const PublicTimeLimit = z.object({ amount: z.number().nullable(), unit: TimeLimitUnitSchema.nullable(), toBeConfirmed: z.boolean() });

const publicSummaryShape = {
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  field: z.string(),
  timeLimit: PublicTimeLimit,
  onlineLevel: OnlineLevel,
  applicant: ApplicantKind,
  version: z.number().int(),
};
export const ProcedureSummary = z.object(publicSummaryShape);
export const CatalogueList = z.object({ total: z.number().int(), items: z.array(ProcedureSummary) });

/** A procedure as citizens see it (GET /procedures/:code): confirmed, plain-language content only. */
export const PublicProcedure = z.object({
  ...publicSummaryShape,
  legalBasis: z.array(z.string()),
  fees: z.array(z.object({ name: z.string(), amountVnd: z.number().nullable() })),
  documents: z.array(
    z.object({ id: z.string(), name: z.string(), kind: DocumentKindSchema, required: z.boolean().nullable(), copies: z.number(), formUrl: z.string().nullable(), note: z.string() }),
  ),
  formFields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      labelEn: z.string(),
      type: FormFieldTypeSchema,
      required: z.boolean(),
      hint: z.string(),
      hintEn: z.string(),
      options: z.array(z.object({ value: z.string(), label: z.string(), labelEn: z.string() })).optional(),
      maxLength: z.number().optional(),
    }),
  ),
  workflow: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string(), role: z.string() })),
  result: z.string(),
  resultKind: z.string(),
  /** Something on the page (time limit, a fee, a document) is still being confirmed by the ward. */
  checkWithDesk: z.boolean(),
  effectiveFrom: z.string().optional(),
});

/** The whole definition as officials see it (GET /procedures/:code/definition, and what a save answers). */
export const ProcedureDefinitionView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  field: z.string(),
  legalBasis: z.array(z.string()),
  timeLimit: TimeLimitSchema,
  fees: z.array(FeeSchema),
  documents: z.array(DocumentRequirementSchema),
  formFields: z.array(FormFieldSchema),
  applicant: ApplicantKind,
  onlineLevel: OnlineLevel,
  onlineLevelReason: z.string(),
  workflow: z.array(WorkflowStepSchema),
  result: z.string(),
  resultKind: z.enum(['document', 'certificate', 'decision', 'confirmation', 'other']),
  source: z.string(),
  confidence: z.enum(['high', 'medium', 'low']),
  notes: z.string(),
  toBeConfirmed: z.array(z.string()),
  version: z.number().int(),
  effectiveFrom: z.string(),
});

export const Confidence = z.enum(['high', 'medium', 'low']);
/** One procedure on the list of what the ward must confirm (GET /procedures/to-confirm). */
export const ToConfirmItem = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  confidence: Confidence,
  source: z.string(),
  notes: z.string(),
  toBeConfirmed: z.array(z.string()),
  marks: z.object({ timeLimit: z.boolean(), fees: z.array(z.string()), documents: z.array(z.string()), onlineLevel: z.boolean() }),
  version: z.number().int(),
  effectiveFrom: z.string(),
});
export const ToConfirmList = z.object({
  items: z.array(ToConfirmItem),
  summary: z.object({ procedures: z.number().int(), items: z.number().int(), byConfidence: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }) }),
});

export const FieldList = z.object({ items: z.array(z.object({ name: z.string(), count: z.number().int() })) });
export const VersionList = z.object({
  items: z.array(z.object({ version: z.number().int(), effectiveFrom: z.string(), createdAt: z.string(), createdBy: z.string().nullable() })),
});

export type ProcedureSummary = z.infer<typeof ProcedureSummary>;
export type PublicProcedure = z.infer<typeof PublicProcedure>;
export type PublicTimeLimit = z.infer<typeof PublicTimeLimit>;
export type ProcedureDefinitionView = z.infer<typeof ProcedureDefinitionView>;
export type ToConfirmItem = z.infer<typeof ToConfirmItem>;
export type ToConfirmList = z.infer<typeof ToConfirmList>;
export type Confidence = z.infer<typeof Confidence>;
export type CatalogueList = z.infer<typeof CatalogueList>;
export type VersionList = z.infer<typeof VersionList>;
