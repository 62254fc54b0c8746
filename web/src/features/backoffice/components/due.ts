import type { DossierStatus, Timeliness } from '../../../api/types';

/**
 * What the official needs to know about time: finished early/on time/late, still open, or paused
 * while the dossier waits for its applicant (the legal clock is stopped: docs/adr/0005-legal-clock.md).
 */
export type DueState = 'overdue' | 'due_soon' | 'on_track' | 'paused' | 'early' | 'on_time' | 'late' | null;

const CLOSED_WITHOUT_RESULT: DossierStatus[] = ['refused', 'withdrawn', 'stopped'];
const WAITING: DossierStatus[] = ['supplement_requested', 'awaiting_payment'];

/**
 * Open dossiers are overdue once the due date the law set has passed (an extension's new date
 * does not change that) and due soon until `soonLimit` (the end of the next two working days,
 * from the server's calendar); a dossier waiting for its applicant is neither. Pure: `now` is a
 * parameter.
 */
export function dueState(
  d: { status: DossierStatus; dueAt: string | null; finishedAt?: string | null; timeliness?: Timeliness; receivedAt?: string | null },
  now: Date,
  soonLimit: Date | null,
): DueState {
  if (CLOSED_WITHOUT_RESULT.includes(d.status)) return null;
  if (d.finishedAt) return d.timeliness ?? null;
  if (WAITING.includes(d.status)) return d.dueAt ? 'paused' : null;
  if (!d.dueAt) return null;
  const due = new Date(d.dueAt);
  if (Number.isNaN(due.getTime())) return null;
  if (due < now || d.timeliness === 'late') return 'overdue';
  if (soonLimit && due <= soonLimit) return 'due_soon';
  return 'on_track';
}

/** A step's own deadline, by the same rule. */
export function stepDueState(s: { dueAt: string | null; finishedAt: string | null; timeliness?: Timeliness }, now: Date, soonLimit: Date | null): DueState {
  if (s.finishedAt) return s.timeliness ?? null;
  return dueState({ status: 'in_review', dueAt: s.dueAt, finishedAt: null, timeliness: s.timeliness }, now, soonLimit);
}
