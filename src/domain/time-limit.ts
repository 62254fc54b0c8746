/**
 * Whether a procedure's time limit can give a due date by itself. Pure and dependency-free, so
 * the back office imports it too (`@domain/time-limit.ts`) to ask the receiving officer for an
 * appointment exactly when the server will require one (docs/adr/0005-legal-clock.md).
 */
import type { TimeLimit } from './procedure.ts';

/**
 * True when the catalogue marks the limit unconfirmed or it lacks an amount or a unit: the
 * receiving officer gives the appointment date, with a reason, before a receipt is printed.
 */
export function needsAppointment(limit: Pick<TimeLimit, 'amount' | 'unit' | 'toBeConfirmed'>): boolean {
  return limit.toBeConfirmed || limit.unit === null || (limit.amount === null && limit.unit !== 'same_day');
}
