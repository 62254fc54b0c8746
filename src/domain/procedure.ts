/**
 * Administrative procedures (thủ tục hành chính) as data: a procedure definition is a catalogue
 * entry plus a workflow, validated once at load (`parseProcedureDefinition`), never code.
 * Adding a procedure means adding a definition, not a branch.
 *
 * Every uncertain value is explicit: `null` means "to be confirmed" (time limit, fee amount,
 * whether a document is mandatory, online level) and `toBeConfirmed` lists, in Vietnamese, which
 * parts a ward official still has to confirm. Pure module, no I/O.
 */

import { z } from 'zod';

/** Text is stored in Unicode NFC so that search, comparison and display agree (DOMAIN.md). */
const text = () => z.string().normalize('NFC');
const nonEmptyText = () => text().trim().min(1);

export const TimeLimitUnitSchema = z.enum(['working_days', 'working_hours', 'calendar_days', 'same_day']);
export type TimeLimitUnit = z.infer<typeof TimeLimitUnitSchema>;

export const TimeLimitSchema = z
  .strictObject({
    amount: z.number().positive().finite().nullable(),
    unit: TimeLimitUnitSchema.nullable(),
    note: text(),
    toBeConfirmed: z.boolean(),
  })
  .refine((t) => (t.amount !== null && t.unit !== null) || t.toBeConfirmed, {
    message: 'A time limit without an amount or a unit must be marked toBeConfirmed',
    path: ['toBeConfirmed'],
  });
export type TimeLimit = z.infer<typeof TimeLimitSchema>;

export const FeeSchema = z.strictObject({
  name: nonEmptyText(),
  /** `null` = the amount is to be confirmed (e.g. set by the provincial council, not found). */
  amountVnd: z.number().int().nonnegative().nullable(),
  note: text(),
});
export type Fee = z.infer<typeof FeeSchema>;

export const DocumentKindSchema = z.enum(['original', 'certified_copy', 'copy', 'form']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export const DocumentRequirementSchema = z.strictObject({
  /** Stable slug within the procedure, e.g. `to-khai`; submissions refer to it. */
  id: z.string().regex(SLUG).max(60),
  name: nonEmptyText(),
  kind: DocumentKindSchema,
  /** `null` = to be confirmed: optional at submission, shown "Cần xác nhận". */
  required: z.boolean().nullable(),
  copies: z.number().int().positive().default(1),
  formUrl: z.url().nullable().default(null),
  note: text().default(''),
});
export type DocumentRequirement = z.infer<typeof DocumentRequirementSchema>;

export const FormFieldTypeSchema = z.enum(['text', 'textarea', 'date', 'number', 'select', 'cccd', 'phone', 'email']);
export type FormFieldType = z.infer<typeof FormFieldTypeSchema>;

export const FormFieldOptionSchema = z.strictObject({
  value: z.string().min(1),
  label: nonEmptyText(),
  labelEn: nonEmptyText(),
});
export type FormFieldOption = z.infer<typeof FormFieldOptionSchema>;

export const FormFieldSchema = z
  .strictObject({
    key: z.string().regex(SNAKE).max(60),
    label: nonEmptyText(),
    labelEn: nonEmptyText(),
    type: FormFieldTypeSchema,
    required: z.boolean(),
    hint: text(),
    hintEn: text(),
    options: z.array(FormFieldOptionSchema).min(1).optional(),
    maxLength: z.number().int().positive().optional(),
  })
  .refine((f) => (f.type === 'select') === (f.options !== undefined), {
    message: 'A select field needs options, and only a select field may have them',
    path: ['options'],
  });
export type FormField = z.infer<typeof FormFieldSchema>;

export const WorkflowRoleSchema = z.enum(['reception', 'specialist', 'leader']);
export type WorkflowRole = z.infer<typeof WorkflowRoleSchema>;

export const WorkflowStepSchema = z.strictObject({
  key: z.string().regex(SNAKE).max(40),
  name: nonEmptyText(),
  nameEn: nonEmptyText(),
  role: WorkflowRoleSchema,
  /** Share of the procedure's time limit given to this step (0..1). */
  share: z.number().min(0).max(1),
});
export type WorkflowStep = z.infer<typeof WorkflowStepSchema>;

export const OnlineLevelSchema = z.strictObject({
  /** `full` = toàn trình, `partial` = một phần, `null` = to be confirmed. */
  level: z.enum(['full', 'partial']).nullable(),
  reason: text(),
});
export type OnlineLevel = z.infer<typeof OnlineLevelSchema>;

/** National procedure code, optionally with a local agency suffix: `1.001193`, `1.011442.000.00.00.H38`. */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(\.[A-Z0-9.]+)?$/;

const SHARE_TOLERANCE = 0.001;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export const ProcedureDefinitionSchema = z
  .strictObject({
    code: z.string().regex(PROCEDURE_CODE_PATTERN),
    name: nonEmptyText(),
    nameEn: nonEmptyText().nullable(),
    field: nonEmptyText(),
    legalBasis: z.array(nonEmptyText()),
    timeLimit: TimeLimitSchema,
    fees: z.array(FeeSchema),
    documents: z.array(DocumentRequirementSchema),
    formFields: z.array(FormFieldSchema),
    applicant: z.enum(['citizen', 'business', 'both']),
    onlineLevel: OnlineLevelSchema,
    workflow: z.array(WorkflowStepSchema).min(1),
    result: nonEmptyText(),
    resultKind: z.enum(['document', 'certificate', 'decision', 'confirmation', 'other']),
    source: nonEmptyText(),
    confidence: z.enum(['high', 'medium', 'low']),
    notes: text(),
    toBeConfirmed: z.array(nonEmptyText()),
  })
  .superRefine((def, ctx) => {
    const total = def.workflow.reduce((sum, step) => sum + step.share, 0);
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['workflow'], message: `Workflow shares must sum to 1 (got ${total})` });
    }
    const lists = [
      ['workflow', def.workflow.map((s) => s.key)],
      ['documents', def.documents.map((d) => d.id)],
      ['formFields', def.formFields.map((f) => f.key)],
    ] as const;
    for (const [path, keys] of lists) {
      for (const dup of duplicates(keys)) {
        ctx.addIssue({ code: 'custom', path: [path], message: `Duplicate key "${dup}"` });
      }
    }
  });
export type ProcedureDefinition = z.infer<typeof ProcedureDefinitionSchema>;
/** What an author writes: defaults (`copies`, `formUrl`, `note`) may be left out. */
export type ProcedureDefinitionInput = z.input<typeof ProcedureDefinitionSchema>;

/**
 * Validates and normalises a procedure definition (NFC text, defaults filled in).
 * @throws {z.ZodError} when the definition is malformed: unknown keys, a bad code, workflow
 *   shares not summing to 1, duplicate document ids / field keys / step keys, …
 */
export function parseProcedureDefinition(input: unknown): ProcedureDefinition {
  return ProcedureDefinitionSchema.parse(input);
}

/** The one-stop steps of Decree 61/2018 Art. 17–20 with a default split of the time limit. */
export const DEFAULT_WORKFLOW: readonly WorkflowStep[] = Object.freeze([
  { key: 'receive', name: 'Tiếp nhận hồ sơ', nameEn: 'Receive the dossier', role: 'reception', share: 0.1 },
  { key: 'review', name: 'Thẩm định, đề xuất', nameEn: 'Review and propose', role: 'specialist', share: 0.6 },
  { key: 'approve', name: 'Phê duyệt', nameEn: 'Approve', role: 'leader', share: 0.2 },
  { key: 'return', name: 'Trả kết quả', nameEn: 'Return the result', role: 'reception', share: 0.1 },
]);

// ---------------------------------------------------------------------------------------------
// Submission check (Decree 61/2018 Art. 17: list everything missing at once)
// ---------------------------------------------------------------------------------------------

export type SubmissionProblemKind =
  | 'document_missing'
  | 'field_required'
  | 'field_invalid'
  | 'document_unknown'
  | 'field_unknown';

export interface SubmissionProblem {
  kind: SubmissionProblemKind;
  /** The form field key or document requirement id concerned. */
  key: string;
  message: string;
  messageEn: string;
}

export interface SubmittedDocument {
  requirementId: string;
  fileId: string;
}

export type SubmissionCheck = { ok: true } | { ok: false; problems: SubmissionProblem[] };

const CCCD = /^\d{12}$/;
const PHONE = /^0\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Why a non-blank value does not fit the field, or `null` when it fits. */
function invalidReason(field: FormField, value: unknown): { vi: string; en: string } | null {
  if (field.type === 'number') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
    return Number.isFinite(n) ? null : { vi: 'phải là một số', en: 'must be a number' };
  }
  if (typeof value !== 'string') return { vi: 'phải là văn bản', en: 'must be text' };
  const v = value.trim();
  if (field.maxLength !== undefined && v.length > field.maxLength) {
    return { vi: `dài quá ${field.maxLength} ký tự`, en: `is longer than ${field.maxLength} characters` };
  }
  switch (field.type) {
    case 'cccd':
      return CCCD.test(v) ? null : { vi: 'phải gồm đúng 12 chữ số', en: 'must be exactly 12 digits' };
    case 'phone':
      return PHONE.test(v)
        ? null
        : { vi: 'phải gồm 10 chữ số, bắt đầu bằng 0', en: 'must be 10 digits starting with 0' };
    case 'email':
      return EMAIL.test(v) ? null : { vi: 'không đúng định dạng email', en: 'is not a valid email address' };
    case 'date':
      return isCalendarDate(v)
        ? null
        : { vi: 'phải là ngày hợp lệ (YYYY-MM-DD)', en: 'must be a valid date (YYYY-MM-DD)' };
    case 'select':
      return field.options?.some((o) => o.value === v)
        ? null
        : { vi: 'không nằm trong danh sách lựa chọn', en: 'is not one of the allowed options' };
    default:
      return null;
  }
}

/**
 * Checks a submission against a procedure definition and lists every problem at once: missing
 * mandatory documents (`required === true`; `null` counts as optional), blank required fields,
 * malformed values, and unknown field keys or document ids. Pure.
 */
export function validateSubmission(
  def: ProcedureDefinition,
  formData: Record<string, unknown>,
  documents: readonly SubmittedDocument[],
): SubmissionCheck {
  const problems: SubmissionProblem[] = [];
  const fieldKeys = new Set(def.formFields.map((f) => f.key));

  for (const field of def.formFields) {
    const value = formData[field.key];
    if (isBlank(value)) {
      if (field.required) {
        problems.push({
          kind: 'field_required',
          key: field.key,
          message: `Vui lòng nhập "${field.label}".`,
          messageEn: `"${field.labelEn}" is required.`,
        });
      }
      continue;
    }
    const reason = invalidReason(field, value);
    if (reason) {
      problems.push({
        kind: 'field_invalid',
        key: field.key,
        message: `"${field.label}" ${reason.vi}.`,
        messageEn: `"${field.labelEn}" ${reason.en}.`,
      });
    }
  }
  for (const key of Object.keys(formData)) {
    if (!fieldKeys.has(key)) {
      problems.push({
        kind: 'field_unknown',
        key,
        message: `Trường "${key}" không có trong biểu mẫu của thủ tục này.`,
        messageEn: `Field "${key}" is not part of this procedure's form.`,
      });
    }
  }

  const requirementIds = new Set(def.documents.map((d) => d.id));
  const provided = new Set<string>();
  const reportedUnknown = new Set<string>();
  for (const doc of documents) {
    if (!requirementIds.has(doc.requirementId)) {
      if (!reportedUnknown.has(doc.requirementId)) {
        reportedUnknown.add(doc.requirementId);
        problems.push({
          kind: 'document_unknown',
          key: doc.requirementId,
          message: `Giấy tờ "${doc.requirementId}" không thuộc thành phần hồ sơ của thủ tục này.`,
          messageEn: `Document "${doc.requirementId}" is not a requirement of this procedure.`,
        });
      }
    } else if (doc.fileId.trim() !== '') {
      provided.add(doc.requirementId);
    }
  }
  for (const req of def.documents) {
    if (req.required === true && !provided.has(req.id)) {
      problems.push({
        kind: 'document_missing',
        key: req.id,
        message: `Thiếu giấy tờ bắt buộc: ${req.name}.`,
        messageEn: `A required document is missing: ${req.name}.`,
      });
    }
  }

  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
