/**
 * When is an investment project "behind schedule" (dự án chậm tiến độ)? The thresholds are data a
 * ward leader adjusts, versioned with the date each version takes effect, like every other rule of
 * the platform: a version saved today for next month never changes today's answer. Pure, no I/O.
 */
import { z } from 'zod';
import type { IsoDate } from './calendar/dates.ts';

export const ScheduleRuleSchema = z.strictObject({
  /** Days a legal milestone may pass its planned date without an actual one before it counts as late. */
  milestoneGraceDays: z.number().int().min(0).max(365),
  /**
   * Percentage points of the registered capital by which the disbursed capital may fall below the
   * plan before the project counts as late (plan 40 %, margin 10: late below 30 %).
   */
  disbursementMarginPoints: z.number().min(0).max(100),
  /** Percentage points by which reported physical progress may fall below the plan. */
  progressMarginPoints: z.number().min(0).max(100),
  /** A milestone due within this many days, not yet reached, marks the project "at risk". */
  dueSoonDays: z.number().int().min(0).max(365),
});
export type ScheduleRule = z.infer<typeof ScheduleRuleSchema>;

/** One saved version of the rule. */
export interface ScheduleRuleVersion {
  version: number;
  /** The first Vietnam calendar date on which it applies. */
  effectiveFrom: IsoDate;
  rule: ScheduleRule;
  /** Why it was set: the leader's decision, meeting, document (free text). */
  basis: string;
}

/**
 * The ward's starting point until a leader sets their own (docs/PROJECTS.md): no grace on legal
 * milestones, 10 points on disbursement and on progress, 30 days' warning.
 */
export const DEFAULT_SCHEDULE_RULE: ScheduleRuleVersion = {
  version: 0,
  effectiveFrom: '2025-07-01',
  rule: { milestoneGraceDays: 0, disbursementMarginPoints: 10, progressMarginPoints: 10, dueSoonDays: 30 },
  basis: 'Mặc định của hệ thống (chưa có quyết định của lãnh đạo phường)',
};

/**
 * The version in force on `date`: the one with the latest effective date on or before it (the
 * later-saved version wins a tie), or the default when none applies yet.
 */
export function ruleInForce(versions: readonly ScheduleRuleVersion[], date: IsoDate): ScheduleRuleVersion {
  let best: ScheduleRuleVersion | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best ?? DEFAULT_SCHEDULE_RULE;
}

/** The version that will take over after `date`, if one is saved (what the rule page announces). */
export function nextRule(versions: readonly ScheduleRuleVersion[], date: IsoDate): ScheduleRuleVersion | null {
  const later = versions.filter((v) => v.effectiveFrom > date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : b.version - a.version));
  return later[0] ?? null;
}
