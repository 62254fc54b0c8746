/**
 * Points at risk: what, right now, is costing the unit points on the Decision 766 index, dossier by
 * dossier, so a leader can have it fixed today. Pure: `now` and the calendar are parameters.
 */
import type { WorkingCalendar } from './calendar/working-time.ts';
import { CLOSED_WITHOUT_RESULT, WAITING_STATUSES } from './dossier-clock.ts';
import type { Status } from './dossier-state.ts';
import type { DossierFact } from './indicators.ts';

export const RISK_REASONS = ['overdue_no_apology', 'overdue', 'due_within_day', 'no_electronic_result', 'not_digitised', 'not_synced'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** Which index item each reason costs (the rule's item keys). */
export const RISK_ITEM: Record<RiskReason, string> = {
  overdue_no_apology: 'on_time',
  overdue: 'on_time',
  due_within_day: 'on_time',
  no_electronic_result: 'electronic_results',
  not_digitised: 'digitised',
  not_synced: 'synced',
};

export interface RiskEntry {
  code: string;
  procedureName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: Date | null;
  reasons: RiskReason[];
}

/** A dossier's own results from the last this-many days still count in the period being scored. */
const RECENT_RESULT_DAYS = 31;
/** "Due within a day": within the next 8 working hours. */
const DUE_SOON_WORKING_HOURS = 8;

const isClosed = (s: Status) => (CLOSED_WITHOUT_RESULT as readonly Status[]).includes(s);
const isWaiting = (s: Status) => (WAITING_STATUSES as readonly Status[]).includes(s);

/** The reasons one dossier costs points now (empty when it costs none). */
export function riskReasons(d: DossierFact, cal: WorkingCalendar, now: Date): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (isClosed(d.status)) return reasons;
  const running = d.receivedAt !== null && d.finishedAt === null && !isWaiting(d.status);
  if (running && d.dueAt) {
    if (d.dueAt < now) reasons.push(d.extension ? 'overdue' : 'overdue_no_apology');
    else if (d.dueAt <= cal.addWorkingHours(now, DUE_SOON_WORKING_HOURS)) reasons.push('due_within_day');
  }
  const recentResult = d.finishedAt !== null && now.getTime() - d.finishedAt.getTime() <= RECENT_RESULT_DAYS * 86_400_000;
  if (recentResult && !d.electronicResult) reasons.push('no_electronic_result');
  if (d.receivedAt !== null && !d.digitised && (d.finishedAt === null || recentResult)) reasons.push('not_digitised');
  if (d.synced === false && d.receivedAt !== null) reasons.push('not_synced');
  return reasons;
}

/** Every dossier costing points, the most urgent first (overdue, then by due date). */
export function pointsAtRisk(facts: readonly DossierFact[], cal: WorkingCalendar, now: Date): RiskEntry[] {
  const list: RiskEntry[] = [];
  for (const d of facts) {
    const reasons = riskReasons(d, cal, now);
    if (reasons.length) list.push({ code: d.code, procedureName: d.procedureName, assigneeId: d.assigneeId, assigneeName: d.assigneeName, dueAt: d.dueAt, reasons });
  }
  const rank = (e: RiskEntry) => Math.min(...e.reasons.map((r) => RISK_REASONS.indexOf(r)));
  return list.sort((a, b) => rank(a) - rank(b) || (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.code.localeCompare(b.code));
}

/** The list grouped by official (unassigned last), with how many dossiers and reasons each. */
export function riskByOfficial(entries: readonly RiskEntry[]) {
  const by = new Map<string, { assigneeId: string | null; assigneeName: string | null; dossiers: number; reasons: Partial<Record<RiskReason, number>> }>();
  for (const e of entries) {
    const k = e.assigneeId ?? '';
    const row = by.get(k) ?? { assigneeId: e.assigneeId, assigneeName: e.assigneeName, dossiers: 0, reasons: {} };
    row.dossiers++;
    for (const r of e.reasons) row.reasons[r] = (row.reasons[r] ?? 0) + 1;
    by.set(k, row);
  }
  const collator = new Intl.Collator('vi');
  return [...by.values()].sort((a, b) => (a.assigneeId === null ? 1 : 0) - (b.assigneeId === null ? 1 : 0) || b.dossiers - a.dossiers || collator.compare(a.assigneeName ?? '', b.assigneeName ?? ''));
}
