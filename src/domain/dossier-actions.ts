/**
 * Every dossier action's payload: the one contract the HTTP edge validates with (strict: unknown
 * fields are refused) and the domain's `decide` reads (dossier-decide.ts).
 */
import { z } from 'zod';

const comment = z.string().trim().max(4000);
const reason = z.string().trim().min(1).max(4000);
const id = z.uuid();
const version = z.number().int().optional();
const instant = z.iso.datetime({ offset: true });

const supplementItems = z
  .array(z.strictObject({ target: z.strictObject({ type: z.enum(['document', 'field']), key: z.string().min(1).max(100) }), reason }))
  .min(1)
  .max(50);

export const ActionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('receive'),
    // Only for a procedure whose time limit is unconfirmed: the appointment the officer gives, and why.
    appointmentAt: instant.optional(),
    appointmentReason: reason.optional(),
    comment: comment.optional(),
    expectedVersion: version,
  }),
  z.strictObject({ action: z.literal('refuse'), reason, comment: comment.optional(), expectedVersion: version }),
  z.strictObject({
    action: z.literal('propose_supplement'),
    items: supplementItems,
    // A second (or later) request is an exception: it needs a reason (Decree 118/2025 Art. 19).
    repeatReason: reason.optional(),
    comment: comment.optional(),
    expectedVersion: version,
  }),
  z.strictObject({
    action: z.literal('request_supplement'),
    // Without items, the desk sends the specialist's proposal as it stands.
    items: supplementItems.optional(),
    repeatReason: reason.optional(),
    comment: comment.optional(),
    expectedVersion: version,
  }),
  z.strictObject({
    action: z.literal('answer_supplement'),
    answers: z
      .array(z.strictObject({ itemId: id, fileId: id.optional(), value: z.union([z.string().max(4000), z.number()]).optional() }))
      .min(1)
      .max(50),
    comment: comment.optional(),
    expectedVersion: version,
  }),
  z.strictObject({ action: z.literal('assign'), assigneeId: id, departmentId: id.optional(), comment: comment.optional(), expectedVersion: version }),
  z.strictObject({ action: z.literal('consult'), departmentId: id, question: reason, expectedVersion: version }),
  z.strictObject({ action: z.literal('consult_reply'), answer: reason, expectedVersion: version }),
  z.strictObject({ action: z.literal('transfer'), unitCode: z.string().min(3).max(60), reason, expectedVersion: version }),
  z.strictObject({ action: z.literal('propose'), outcome: z.enum(['granted', 'denied']), comment: reason, expectedVersion: version }),
  z.strictObject({ action: z.literal('approve'), comment: comment.optional(), expectedVersion: version }),
  z.strictObject({ action: z.literal('reject'), comment: reason, expectedVersion: version }),
  z.strictObject({ action: z.literal('issue_result'), fileIds: z.array(id).max(20).default([]), comment: comment.optional(), expectedVersion: version }),
  z.strictObject({ action: z.literal('return_result'), method: z.enum(['collected', 'electronic', 'post']), comment: comment.optional(), expectedVersion: version }),
  z.strictObject({ action: z.literal('request_payment'), amountVnd: z.number().int().min(0).max(10_000_000_000), reason, expectedVersion: version }),
  z.strictObject({ action: z.literal('confirm_payment'), comment: comment.optional(), expectedVersion: version }),
  z.strictObject({ action: z.literal('extend'), newDueAt: instant, reason, expectedVersion: version }),
  z.strictObject({ action: z.literal('withdraw'), reason, expectedVersion: version }),
  z.strictObject({ action: z.literal('stop'), reason, expectedVersion: version }),
]);
export type ActionInput = z.infer<typeof ActionBody>;
