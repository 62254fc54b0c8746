/**
 * The HTTP contract of certified electronic copies (docs/certified-copies.md): a visit at the desk
 * and what it answers, and the unit's register for a period. Pure: no I/O.
 */
import { z } from 'zod';
import { DocumentView } from '../domain/signed-document.schemas.ts';
import { SubmitBody } from './dossiers.ts';
import { isoDate } from './bounds.ts';

/** One visit at the desk: the citizen, where to email the copies, and each original presented. */
export const CertifyBody = z.strictObject({
  applicant: SubmitBody.shape.applicant.unwrap(),
  /** Where to send the copies' links (the applicant's own email when left out). */
  email: z.email().max(200).optional(),
  documents: z
    .array(
      z.strictObject({
        /** "Bằng tốt nghiệp trung học phổ thông" */
        name: z.string().trim().min(2).max(300),
        /** The officer's scans of the original: one multi-page PDF, or several JPG/PNG pages, in order. */
        fileIds: z.array(z.uuid()).min(1).max(50),
        copies: z.number().int().min(1).max(20).default(1),
      }),
    )
    .min(1)
    .max(20),
});
export type CertifyInput = z.infer<typeof CertifyBody>;

export const CertificationView = z.object({
  id: z.uuid(),
  number: z.string(),
  book: z.string(),
  documentName: z.string(),
  pages: z.number().int(),
  copies: z.number().int(),
  feeVnd: z.number().int(),
  certifiedAt: z.string(),
  certifiedBy: z.string(),
  citizen: z.string(),
  document: DocumentView,
});

export const VisitAnswer = z.object({ visitId: z.uuid(), items: z.array(CertificationView), totalFeeVnd: z.number().int(), emailedTo: z.string().nullable() });

export const PeriodQuery = z
  .strictObject({ from: isoDate(), to: isoDate() })
  .refine((r) => r.from <= r.to, { message: 'from ≤ to', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, { message: 'một năm trở xuống / at most a year', path: ['to'] });

/** GET /certifications: the register's entries for the period, and the fees they took. */
export const CertificationRegister = z.object({ items: z.array(CertificationView), totalFeeVnd: z.number().int() });

export type CertificationView = z.infer<typeof CertificationView>;
export type VisitAnswer = z.infer<typeof VisitAnswer>;
export type CertificationRegister = z.infer<typeof CertificationRegister>;
