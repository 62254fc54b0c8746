import { z } from 'zod';
import { RESULT_DELIVERIES } from '../../domain/result-delivery.ts';

const comment = z.string().trim().max(4000);
const reason = z.string().trim().min(1).max(4000);
const id = z.uuid();

/** Every action's payload, validated at the edge: unknown fields are rejected. */
export const ActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('receive'), comment: comment.optional(), expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('refuse'), reason, comment: comment.optional(), expectedVersion: z.number().int().optional() }),
  z.strictObject({
    action: z.literal('request_supplement'),
    items: z
      .array(z.strictObject({ target: z.strictObject({ type: z.enum(['document', 'field']), key: z.string().min(1).max(100) }), reason }))
      .min(1)
      .max(50),
    comment: comment.optional(),
    expectedVersion: z.number().int().optional(),
  }),
  z.strictObject({
    action: z.literal('answer_supplement'),
    answers: z
      .array(z.strictObject({ itemId: id, fileId: id.optional(), value: z.union([z.string().max(4000), z.number()]).optional() }))
      .min(1)
      .max(50),
    comment: comment.optional(),
    expectedVersion: z.number().int().optional(),
  }),
  z.strictObject({ action: z.literal('assign'), assigneeId: id, departmentId: id.optional(), comment: comment.optional(), expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('consult'), departmentId: id, question: reason, expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('consult_reply'), answer: reason, expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('transfer'), unitCode: z.string().min(3).max(60), reason, expectedVersion: z.number().int().optional() }),
  z.strictObject({
    action: z.literal('propose'),
    outcome: z.enum(['granted', 'denied']),
    comment: reason,
    expectedVersion: z.number().int().optional(),
  }),
  z.strictObject({ action: z.literal('approve'), comment: comment.optional(), expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('reject'), comment: reason, expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('issue_result'), fileIds: z.array(id).max(20).default([]), comment: comment.optional(), expectedVersion: z.number().int().optional() }),
  z.strictObject({
    action: z.literal('return_result'),
    method: z.enum(['collected', 'electronic', 'post']),
    comment: comment.optional(),
    expectedVersion: z.number().int().optional(),
  }),
  z.strictObject({
    action: z.literal('request_payment'),
    amountVnd: z.number().int().min(0).max(10_000_000_000),
    reason,
    expectedVersion: z.number().int().optional(),
  }),
  z.strictObject({ action: z.literal('confirm_payment'), comment: comment.optional(), expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('extend'), newDueAt: z.iso.datetime({ offset: true }), reason, expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('withdraw'), reason, expectedVersion: z.number().int().optional() }),
  z.strictObject({ action: z.literal('stop'), reason, expectedVersion: z.number().int().optional() }),
]);
export type ActionInput = z.infer<typeof ActionBody>;

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

export const QueueQuery = z.strictObject({
  queue: z.enum(['mine', 'department', 'to_receive', 'to_assign', 'to_approve', 'due_soon', 'overdue', 'all']).default('all'),
  q: z.string().max(200).optional(),
  status: z.string().max(40).optional(),
  procedure: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type QueueQueryInput = z.infer<typeof QueueQuery>;

export const CodeParams = z.strictObject({ code: z.string().min(5).max(80) });
