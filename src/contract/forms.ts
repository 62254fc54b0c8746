/**
 * The HTTP contract of the forms' templates (docs/forms.md): the unit admin reads each form of
 * Circular 03/2025 with its versions, and saves a version from a date. The PDFs themselves are
 * not JSON (their routes declare application/pdf). Pure: no I/O.
 */
import { z } from 'zod';
import { FORM_NUMBERS, FormTemplate, PAPERS } from '../domain/form-templates.ts';
import { isoDate } from './bounds.ts';

export const FormNumberParams = z.strictObject({ number: z.enum(FORM_NUMBERS) });
/** PUT /admin/form-templates/:number: a whole version, in force from a date; a sentence left out keeps the built-in one. */
export const SaveFormTemplateBody = FormTemplate.omit({ number: true }).extend({ effectiveFrom: isoDate() });

/** One version of a form as it is printed. */
export const FormTemplateView = z.object({
  number: z.enum(FORM_NUMBERS),
  effectiveFrom: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  paper: z.enum(PAPERS),
  /** Sentence key → sentence; placeholders in braces. */
  texts: z.record(z.string(), z.string()),
});
/** Each form: the built-in version, those the unit saved (oldest first, with who and when), the one in force today, its sentence keys. */
export const FormTemplateEntry = z.object({
  number: z.enum(FORM_NUMBERS),
  builtIn: FormTemplateView,
  versions: z.array(FormTemplateView.extend({ updatedAt: z.string(), updatedBy: z.string().nullable() })),
  inForce: FormTemplateView,
  textKeys: z.array(z.string()),
});
/** GET /admin/form-templates, and what a save answers. */
export const FormTemplateList = z.object({ items: z.array(FormTemplateEntry) });

export type SaveFormTemplateBody = z.input<typeof SaveFormTemplateBody>;
export type FormTemplateView = z.infer<typeof FormTemplateView>;
export type FormTemplateEntry = z.infer<typeof FormTemplateEntry>;
export type FormTemplateList = z.infer<typeof FormTemplateList>;
