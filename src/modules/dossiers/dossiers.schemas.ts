import { z } from 'zod';
import { RESULT_DELIVERIES } from '../../domain/result-delivery.ts';

export { ActionBody, type ActionInput } from '../../domain/dossier-actions.ts';

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
