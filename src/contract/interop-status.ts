/**
 * The HTTP contract of what a connected system reads back of a dossier it sent (GET
 * /interop/dossiers/:externalCode): the status event as published (docs/interop/status-event.schema.json)
 * and the history's actions and times — no personal data. Pure: no I/O.
 */
import { z } from 'zod';
import { STATUSES } from '../domain/dossier-state.ts';
import { STATUS_EVENT_SCHEMA_ID } from '../domain/interop.ts';

/** What a connected system receives for each event of a dossier (the handover goes only with a transfer's webhook, never here). */
export const StatusEvent = z.object({
  schema: z.literal(STATUS_EVENT_SCHEMA_ID),
  eventId: z.string(),
  sequence: z.number().int(),
  occurredAt: z.string(),
  action: z.string(),
  dossier: z.object({
    code: z.string(),
    externalCode: z.string().nullable(),
    procedureCode: z.string(),
    procedureVersion: z.number().int(),
    receivingUnitCode: z.string(),
    handlingUnitCode: z.string(),
    channel: z.string(),
    status: z.enum(STATUSES),
    portalStatus: z.number().int(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    outcome: z.string().nullable(),
  }),
  supplement: z.object({ items: z.array(z.object({ target: z.string(), reason: z.string() })) }).optional(),
  payment: z.object({ amountVnd: z.number().nullable(), note: z.string().nullable() }).optional(),
  result: z.object({ files: z.array(z.object({ name: z.string(), sha256: z.string() })) }).optional(),
  transferredTo: z.object({ unitCode: z.string(), unitName: z.string() }).optional(),
});

/** GET /interop/dossiers/:externalCode: the dossier as its last event describes it, and its history. */
export const DossierStatusAnswer = z.object({
  current: StatusEvent,
  history: z.array(z.object({ sequence: z.number().int(), action: z.string(), occurredAt: z.string() })),
});

export type StatusEvent = z.infer<typeof StatusEvent>;
export type DossierStatusAnswer = z.infer<typeof DossierStatusAnswer>;
