/**
 * The register of investment and public-infrastructure projects, and whether each one is behind
 * schedule. "Behind schedule" is computed, never typed: `assessProject(project, rule, now)` is a
 * pure function of the project's data and the moment asked about, under the rule in force
 * (projects-rule.ts). Facts dated after `now` are ignored, so the same function answers "how did
 * this project stand a week ago?" for the leaders' "what changed this week".
 */
import { parseIsoDate, type IsoDate } from './calendar/dates.ts';
import { vnDateOf } from './calendar/vn-time.ts';
import { compareVi } from './text.ts';
import type { ScheduleRule } from './projects-rule.ts';

/** The legal milestones of a project, in the order the law puts them (Investment Law 61/2020, Land Law 31/2024, Construction Law 50/2014). */
export const MILESTONES = ['investment_approval', 'land_allocation', 'site_clearance', 'construction_permit', 'construction_start', 'completion', 'operation'] as const;
export type MilestoneKind = (typeof MILESTONES)[number];

export const MILESTONE_LABELS: Record<MilestoneKind, { vi: string; en: string }> = {
  investment_approval: { vi: 'Chấp thuận chủ trương đầu tư', en: 'Investment approval' },
  land_allocation: { vi: 'Giao đất, cho thuê đất', en: 'Land allocation or lease' },
  site_clearance: { vi: 'Hoàn thành giải phóng mặt bằng', en: 'Site clearance completed' },
  construction_permit: { vi: 'Cấp giấy phép xây dựng', en: 'Construction permit' },
  construction_start: { vi: 'Khởi công', en: 'Construction start' },
  completion: { vi: 'Hoàn thành, nghiệm thu', en: 'Completion and acceptance' },
  operation: { vi: 'Đưa vào hoạt động', en: 'In operation' },
};

/** A calendar date (YYYY-MM-DD) as Vietnamese readers write it: `20/12/2026`. */
export function dayVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export const PROJECT_KINDS = ['investment', 'public'] as const;
/** `investment`: a private investor's project (dự án đầu tư); `public`: public investment (đầu tư công), the ward or province as owner. */
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export interface Milestone {
  kind: MilestoneKind;
  /** Null: not yet scheduled (not judged). */
  plannedDate: IsoDate | null;
  /** Null: not yet reached. */
  actualDate: IsoDate | null;
}

/** A point of the plan: by `date`, this much disbursed (cumulative, VND) and this much built (%). */
export interface PlanPoint {
  date: IsoDate;
  disbursedVnd: number | null;
  progressPct: number | null;
}

/** What a progress update reported on `date` (cumulative figures; null = not reported). */
export interface ProgressReport {
  date: IsoDate;
  disbursedVnd: number | null;
  progressPct: number | null;
  /** When it was recorded (ISO instant): of two reports of the same day, the later one counts. */
  recordedAt?: string;
}

/** What the assessment needs of a project. */
export interface ProjectFacts {
  registeredCapitalVnd: number;
  milestones: readonly Milestone[];
  plan: readonly PlanPoint[];
  reports: readonly ProgressReport[];
}

export const PROJECT_STATES = ['late', 'at_risk', 'on_track', 'not_scheduled', 'completed'] as const;
/** The colour of a project on the leaders' map, worst first. */
export type ProjectState = (typeof PROJECT_STATES)[number];

/** Each state as people name it (the map's legend, exports, the brief). */
export const PROJECT_STATE_LABELS: Record<ProjectState, { vi: string; en: string }> = {
  late: { vi: 'Chậm tiến độ', en: 'Behind schedule' },
  at_risk: { vi: 'Có nguy cơ chậm', en: 'At risk' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  not_scheduled: { vi: 'Chưa có kế hoạch', en: 'No plan yet' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
};

export type LateReason =
  | { kind: 'milestone_overdue'; milestone: MilestoneKind; plannedDate: IsoDate; daysLate: number }
  | { kind: 'disbursement_below_plan'; plannedPct: number; actualPct: number; shortfallPoints: number; marginPoints: number }
  | { kind: 'progress_below_plan'; plannedPct: number; actualPct: number; shortfallPoints: number; marginPoints: number };

export interface DueSoon {
  milestone: MilestoneKind;
  plannedDate: IsoDate;
  daysLeft: number;
}

export interface Assessment {
  state: ProjectState;
  /** Why it is late (empty unless `state` is late). */
  reasons: LateReason[];
  /** Milestones due within the rule's warning window (what makes it at risk). */
  dueSoon: DueSoon[];
  /** Days the most overdue milestone is past its planned date (after the grace), 0 if none. */
  daysLate: number;
  /** The largest shortfall below plan, in percentage points, beyond the margin (0 if none). */
  shortfallPoints: number;
  /** The last milestone reached, or null before the first. */
  reached: MilestoneKind | null;
  plannedDisbursedVnd: number | null;
  actualDisbursedVnd: number | null;
  plannedProgressPct: number | null;
  actualProgressPct: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The plan's value at `day` for one figure: linear between its points, 0 before the first, the last value after it. */
export function plannedAt(plan: readonly PlanPoint[], field: 'disbursedVnd' | 'progressPct', date: IsoDate): number | null {
  const pts = plan
    .filter((p) => p[field] !== null)
    .map((p) => ({ day: parseIsoDate(p.date), value: p[field] as number }))
    .sort((a, b) => a.day - b.day);
  if (pts.length === 0) return null;
  const day = parseIsoDate(date);
  const first = pts[0]!;
  if (day < first.day) return 0;
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    if (day >= p.day) {
      const next = pts[i + 1];
      if (!next || next.day === p.day) return p.value;
      return p.value + ((next.value - p.value) * (day - p.day)) / (next.day - p.day);
    }
  }
  return first.value;
}

/**
 * The latest reported value of one figure on or before `date` (null if never reported by then);
 * of two reports of the same day, the one recorded later (a correction), whatever the order given.
 */
export function reportedAt(reports: readonly ProgressReport[], field: 'disbursedVnd' | 'progressPct', date: IsoDate): number | null {
  let best: { date: IsoDate; recordedAt: string; value: number } | null = null;
  for (const r of reports) {
    const v = r[field];
    if (v === null || r.date > date) continue;
    const recordedAt = r.recordedAt ?? '';
    if (!best || r.date > best.date || (r.date === best.date && recordedAt >= best.recordedAt)) best = { date: r.date, recordedAt, value: v };
  }
  return best?.value ?? null;
}

/**
 * How the project stands at `now` under `rule`. Late when a scheduled milestone is past its planned
 * date (plus the grace) without an actual date, or when the disbursed capital or the reported
 * progress is below the plan by more than the rule's margin. A milestone reached after `now`, and a
 * report dated after it, do not count yet.
 */
export function assessProject(p: ProjectFacts, rule: ScheduleRule, now: Date): Assessment {
  const today = vnDateOf(now);
  const todayN = parseIsoDate(today);
  const reachedBy = (m: Milestone) => m.actualDate !== null && m.actualDate <= today;
  const ordered = [...p.milestones].sort((a, b) => MILESTONES.indexOf(a.kind) - MILESTONES.indexOf(b.kind));

  const reasons: LateReason[] = [];
  const dueSoon: DueSoon[] = [];
  let reached: MilestoneKind | null = null;
  for (const m of ordered) {
    if (reachedBy(m)) {
      reached = m.kind;
      continue;
    }
    if (m.plannedDate === null) continue;
    const late = todayN - parseIsoDate(m.plannedDate) - rule.milestoneGraceDays;
    if (late > 0) reasons.push({ kind: 'milestone_overdue', milestone: m.kind, plannedDate: m.plannedDate, daysLate: late });
    else {
      const left = parseIsoDate(m.plannedDate) - todayN;
      if (left <= rule.dueSoonDays) dueSoon.push({ milestone: m.kind, plannedDate: m.plannedDate, daysLeft: left });
    }
  }
  const completed = ordered.length > 0 && ordered.every(reachedBy);

  const plannedDisbursedVnd = plannedAt(p.plan, 'disbursedVnd', today);
  const actualDisbursedVnd = reportedAt(p.reports, 'disbursedVnd', today);
  const plannedProgressPct = plannedAt(p.plan, 'progressPct', today);
  const actualProgressPct = reportedAt(p.reports, 'progressPct', today);

  let shortfallPoints = 0;
  if (!completed && plannedDisbursedVnd !== null && p.registeredCapitalVnd > 0) {
    const plannedPct = (plannedDisbursedVnd / p.registeredCapitalVnd) * 100;
    const actualPct = ((actualDisbursedVnd ?? 0) / p.registeredCapitalVnd) * 100;
    const short = plannedPct - actualPct;
    if (short > rule.disbursementMarginPoints) {
      reasons.push({ kind: 'disbursement_below_plan', plannedPct: round1(plannedPct), actualPct: round1(actualPct), shortfallPoints: round1(short), marginPoints: rule.disbursementMarginPoints });
      shortfallPoints = Math.max(shortfallPoints, short - rule.disbursementMarginPoints);
    }
  }
  if (!completed && plannedProgressPct !== null) {
    const actual = actualProgressPct ?? 0;
    const short = plannedProgressPct - actual;
    if (short > rule.progressMarginPoints) {
      reasons.push({ kind: 'progress_below_plan', plannedPct: round1(plannedProgressPct), actualPct: round1(actual), shortfallPoints: round1(short), marginPoints: rule.progressMarginPoints });
      shortfallPoints = Math.max(shortfallPoints, short - rule.progressMarginPoints);
    }
  }

  const daysLate = reasons.reduce((max, r) => (r.kind === 'milestone_overdue' ? Math.max(max, r.daysLate) : max), 0);
  const scheduled = ordered.some((m) => m.plannedDate !== null) || plannedDisbursedVnd !== null || plannedProgressPct !== null;
  const state: ProjectState = completed
    ? 'completed'
    : reasons.length > 0
      ? 'late'
      : dueSoon.length > 0
        ? 'at_risk'
        : scheduled
          ? 'on_track'
          : 'not_scheduled';
  return {
    state,
    reasons,
    dueSoon,
    daysLate,
    shortfallPoints: round1(shortfallPoints),
    reached,
    plannedDisbursedVnd: plannedDisbursedVnd === null ? null : Math.round(plannedDisbursedVnd),
    actualDisbursedVnd,
    plannedProgressPct: plannedProgressPct === null ? null : round1(plannedProgressPct),
    actualProgressPct,
  };
}

/**
 * Orders projects for the leaders: late ones first, the latest of them first (days past the
 * most overdue milestone, then the shortfall below plan), then at risk (soonest milestone
 * first), on track, not scheduled, completed; by name within a tie (Vietnamese order).
 */
export function compareByLateness(a: { name: string; assessment: Assessment }, b: { name: string; assessment: Assessment }): number {
  const sa = PROJECT_STATES.indexOf(a.assessment.state);
  const sb = PROJECT_STATES.indexOf(b.assessment.state);
  if (sa !== sb) return sa - sb;
  if (a.assessment.state === 'late') {
    if (a.assessment.daysLate !== b.assessment.daysLate) return b.assessment.daysLate - a.assessment.daysLate;
    if (a.assessment.shortfallPoints !== b.assessment.shortfallPoints) return b.assessment.shortfallPoints - a.assessment.shortfallPoints;
  }
  if (a.assessment.state === 'at_risk') {
    const la = Math.min(...a.assessment.dueSoon.map((d) => d.daysLeft));
    const lb = Math.min(...b.assessment.dueSoon.map((d) => d.daysLeft));
    if (la !== lb) return la - lb;
  }
  return compareVi(a.name, b.name);
}

export function rankByLateness<T extends { name: string; assessment: Assessment }>(items: readonly T[]): T[] {
  return [...items].sort(compareByLateness);
}

/**
 * A project whose state changed between two assessments (a week ago and now): what the leaders'
 * "what changed this week" lists besides the recorded events.
 */
export function stateChange(before: Assessment, after: Assessment): { from: ProjectState; to: ProjectState } | null {
  return before.state === after.state ? null : { from: before.state, to: after.state };
}

const numberVi = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Why a project is late or at risk, one Vietnamese sentence a finding (as the leaders' page words them). */
export function lateReasonsVi(a: Pick<Assessment, 'state' | 'reasons' | 'dueSoon'>): string[] {
  const out = a.reasons.map((r) => {
    switch (r.kind) {
      case 'milestone_overdue':
        return `${MILESTONE_LABELS[r.milestone].vi}: kế hoạch ${dayVi(r.plannedDate)}, chậm ${numberVi(r.daysLate)} ngày`;
      case 'disbursement_below_plan':
      case 'progress_below_plan':
        return `${r.kind === 'disbursement_below_plan' ? 'Giải ngân' : 'Khối lượng'} ${numberVi(r.actualPct)}% so với kế hoạch ${numberVi(r.plannedPct)}% (thiếu ${numberVi(r.shortfallPoints)} điểm, ngưỡng ${numberVi(r.marginPoints)})`;
    }
  });
  if (a.state === 'at_risk') for (const d of a.dueSoon) out.push(`${MILESTONE_LABELS[d.milestone].vi}: còn ${numberVi(d.daysLeft)} ngày (kế hoạch ${dayVi(d.plannedDate)})`);
  return out;
}
