/**
 * Citizen feedback and petitions (phản ánh, kiến nghị; Decree 20/2008/NĐ-CP): categories, the
 * steps as a typed table, routing to a department, deadlines on the working-day calendar,
 * duplicate suggestion, the Open311 view of a status, and the indicators (share handled on
 * time, satisfaction). Pure, no I/O: `now` and the calendar are parameters. docs/FEEDBACK.md.
 */
import type { DueUnit } from './calendar/index.ts';

/** Categories as data: the Open311 service code is the category code. */
export const FEEDBACK_CATEGORIES = {
  roads_lighting: { vi: 'Đường sá, chiếu sáng', en: 'Roads and street lighting', group: 'infrastructure', keywords: 'đường, ổ gà, đèn đường, chiếu sáng' },
  drainage: { vi: 'Thoát nước, ngập úng', en: 'Drainage and flooding', group: 'infrastructure', keywords: 'cống, ngập, thoát nước' },
  waste: { vi: 'Rác thải, vệ sinh môi trường', en: 'Waste and sanitation', group: 'environment', keywords: 'rác, vệ sinh, môi trường' },
  order_safety: { vi: 'Trật tự, an toàn', en: 'Public order and safety', group: 'order', keywords: 'trật tự, an ninh, lấn chiếm vỉa hè' },
  construction: { vi: 'Xây dựng, đất đai', en: 'Construction and land', group: 'infrastructure', keywords: 'xây dựng trái phép, đất đai' },
  admin_procedure: { vi: 'Thủ tục hành chính', en: 'Administrative procedures', group: 'administration', keywords: 'thủ tục, hồ sơ, một cửa' },
  other: { vi: 'Khác', en: 'Other', group: 'other', keywords: '' },
} as const satisfies Record<string, { vi: string; en: string; group: string; keywords: string }>;
export type FeedbackCategory = keyof typeof FEEDBACK_CATEGORIES;
export const CATEGORY_CODES = Object.keys(FEEDBACK_CATEGORIES) as [FeedbackCategory, ...FeedbackCategory[]];
export const isCategory = (c: string): c is FeedbackCategory => Object.hasOwn(FEEDBACK_CATEGORIES, c);

/**
 * Decree 20/2008's steps: receiving and logging happen at filing (`received`, the category the
 * reporter chose is its classification until an official changes it); forwarding to the
 * competent department (`forwarded`, within 5 working days); handling by an assignee
 * (`in_progress`); the published answer (`answered`); archiving (`closed`). Moderation may end a
 * report as `rejected` (spam, abuse) or `merged` into the report it duplicates.
 */
export const FEEDBACK_STATUSES = ['received', 'forwarded', 'in_progress', 'answered', 'closed', 'rejected', 'merged'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const OPEN_STATUSES = ['received', 'forwarded', 'in_progress'] as const satisfies readonly FeedbackStatus[];
export const isOpen = (s: FeedbackStatus) => (OPEN_STATUSES as readonly FeedbackStatus[]).includes(s);

export const FEEDBACK_ACTIONS = ['classify', 'forward', 'assign', 'note', 'answer', 'archive', 'reject', 'merge', 'moderate', 'reopen', 'rate'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

/** Which action is possible in which status (who may take it is the policy's business). */
export const FEEDBACK_ALLOWED = {
  received: ['classify', 'forward', 'note', 'reject', 'merge', 'moderate'],
  forwarded: ['classify', 'forward', 'assign', 'note', 'answer', 'reject', 'merge', 'moderate'],
  in_progress: ['classify', 'forward', 'assign', 'note', 'answer', 'reject', 'merge', 'moderate'],
  answered: ['note', 'archive', 'moderate', 'reopen', 'rate'],
  closed: ['note', 'moderate', 'reopen', 'rate'],
  rejected: ['note', 'moderate'],
  merged: ['note', 'moderate'],
} as const satisfies Record<FeedbackStatus, readonly FeedbackAction[]>;

export const mayTake = (status: FeedbackStatus, action: FeedbackAction) => (FEEDBACK_ALLOWED[status] as readonly FeedbackAction[]).includes(action);

/** The status an action leads to (actions that keep the status are absent). */
export function nextStatus(status: FeedbackStatus, action: FeedbackAction): FeedbackStatus {
  switch (action) {
    case 'forward':
      return status === 'received' ? 'forwarded' : status;
    case 'assign':
      return 'in_progress';
    case 'answer':
      return 'answered';
    case 'archive':
      return 'closed';
    case 'reject':
      return 'rejected';
    case 'merge':
      return 'merged';
    case 'reopen':
      return 'in_progress';
    default:
      return status;
  }
}

export const STATUS_LABELS: Record<FeedbackStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  forwarded: { vi: 'Đã chuyển xử lý', en: 'Forwarded' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã lưu trữ', en: 'Archived' },
  rejected: { vi: 'Không xử lý (vi phạm quy định)', en: 'Not handled (breaks the rules)' },
  merged: { vi: 'Đã gộp với phản ánh trùng', en: 'Merged with a duplicate' },
};

// ---------------------------------------------------------------------------------------------
// Time limits (law as data, each version with the date it takes effect)
// ---------------------------------------------------------------------------------------------

export interface FeedbackRules {
  effectiveFrom: string;
  /** Decree 20/2008: forward to the competent body within 5 working days of receipt. */
  forwardWorkingDays: number;
  /** The ward's commitment for a published answer, from receipt (the decree leaves it to the body). */
  answerWorkingDays: number;
  /** How long after the answer the reporter may reopen it when the problem is back (calendar days). */
  reopenDays: number;
  /** When the reporter is asked "is it fixed?" after the answer (calendar days). */
  followUpDays: number;
}
export const FEEDBACK_RULES: readonly FeedbackRules[] = [{ effectiveFrom: '2025-07-01', forwardWorkingDays: 5, answerWorkingDays: 15, reopenDays: 30, followUpDays: 7 }];

/** The rules in force on a Vietnam date (`YYYY-MM-DD`): the latest effective by then. */
export function feedbackRulesOn(date: string, versions: readonly FeedbackRules[] = FEEDBACK_RULES): FeedbackRules {
  const inForce = [...versions].filter((v) => v.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  return inForce ?? versions[0]!;
}

/** The calendar operations the deadlines need (src/domain/calendar/working-time.ts). */
export interface DueCalendar {
  computeDue(from: Date, amount: number, unit: DueUnit): Date;
}

/** Deadlines set at receipt: forwarding (5 working days) and the answer. */
export function deadlinesAt(receivedAt: Date, cal: DueCalendar, rules: FeedbackRules): { forwardDueAt: Date; dueAt: Date } {
  return { forwardDueAt: cal.computeDue(receivedAt, rules.forwardWorkingDays, 'working_days'), dueAt: cal.computeDue(receivedAt, rules.answerWorkingDays, 'working_days') };
}

export interface ClockFacts {
  status: FeedbackStatus;
  forwardDueAt: Date;
  forwardedAt: Date | null;
  dueAt: Date;
  answeredAt: Date | null;
}

export type FeedbackTimeliness = 'on_time' | 'late' | 'open' | 'overdue' | 'not_counted';

/**
 * Where a report stands against its deadline at `now`: answered on time or late; still open
 * (`open`) or past its due date (`overdue`); rejected or merged reports are not counted.
 */
export function timelinessOf(r: ClockFacts, now: Date): FeedbackTimeliness {
  if (r.status === 'rejected' || r.status === 'merged') return 'not_counted';
  if (r.answeredAt) return r.answeredAt.getTime() <= r.dueAt.getTime() ? 'on_time' : 'late';
  return now.getTime() > r.dueAt.getTime() ? 'overdue' : 'open';
}

/** Whether forwarding is late at `now` (not yet forwarded past its 5 working days, or forwarded after). */
export function forwardLate(r: ClockFacts, now: Date): boolean {
  const at = r.forwardedAt ?? (r.status === 'received' ? now : null);
  return at !== null && at.getTime() > r.forwardDueAt.getTime();
}

/** Whether the reporter may still reopen an answered report (the problem is back). */
export function mayReopen(r: { status: FeedbackStatus; answeredAt: Date | null }, now: Date, rules: FeedbackRules): boolean {
  if (!mayTake(r.status, 'reopen') || !r.answeredAt) return false;
  return now.getTime() <= r.answeredAt.getTime() + rules.reopenDays * 86_400_000;
}

/** Whether the reporter should be asked "is it fixed?" now (answered, asked once, not yet told). */
export function followUpDue(r: { status: FeedbackStatus; answeredAt: Date | null; fixed: boolean | null }, now: Date, rules: FeedbackRules): boolean {
  if ((r.status !== 'answered' && r.status !== 'closed') || !r.answeredAt || r.fixed !== null) return false;
  return now.getTime() >= r.answeredAt.getTime() + rules.followUpDays * 86_400_000;
}

/**
 * Whether the "is it fixed?" message is due now: the question is due (`followUpDue`) and no
 * message was sent since the latest answer (a reopened report answered again is asked again).
 */
export function followUpMessageDue(r: { status: FeedbackStatus; answeredAt: Date | null; fixed: boolean | null; followUpSentAt: Date | null }, now: Date, rules: FeedbackRules): boolean {
  if (!followUpDue(r, now, rules)) return false;
  return r.followUpSentAt === null || r.followUpSentAt.getTime() < r.answeredAt!.getTime();
}

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

/**
 * Which department handles a category, by department code, with exceptions by area (the former
 * unit, or a residential group once the official map is loaded). The first matching row wins;
 * `area: null` matches every area. Departments are the demo ward's; a ward edits this table.
 */
export interface RoutingRule {
  category: FeedbackCategory | '*';
  area: string | null;
  department: string;
}
export const DEFAULT_ROUTING: readonly RoutingRule[] = [
  { category: 'roads_lighting', area: null, department: 'KTHTDT' },
  { category: 'drainage', area: null, department: 'KTHTDT' },
  { category: 'construction', area: null, department: 'KTHTDT' },
  { category: 'waste', area: null, department: 'KTHTDT' },
  { category: 'order_safety', area: null, department: 'VANPHONG' },
  { category: 'admin_procedure', area: null, department: 'MOTCUA' },
  { category: '*', area: null, department: 'VHXH' },
];

/** The department code a report goes to, or null when no rule matches. */
export function routeOf(category: FeedbackCategory, area: string | null, rules: readonly RoutingRule[] = DEFAULT_ROUTING): string | null {
  const hit = rules.find((r) => (r.category === category || r.category === '*') && (r.area === null || r.area === area));
  return hit?.department ?? null;
}

// ---------------------------------------------------------------------------------------------
// Duplicates
// ---------------------------------------------------------------------------------------------

/** Metres between two WGS 84 points (haversine; ample at ward scale). */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface DuplicateCandidate {
  code: string;
  category: FeedbackCategory;
  status: FeedbackStatus;
  lat: number | null;
  lon: number | null;
  receivedAt: Date;
}

export const DUPLICATE_RADIUS_M = 150;
export const DUPLICATE_WINDOW_DAYS = 60;

/**
 * Open reports of the same category within DUPLICATE_RADIUS_M of the spot, received in the last
 * DUPLICATE_WINDOW_DAYS, nearest first (at most `limit`): "someone already reported this".
 */
export function similarReports<T extends DuplicateCandidate>(
  spot: { category: FeedbackCategory; lat: number; lon: number },
  candidates: readonly T[],
  now: Date,
  limit = 5,
): (T & { distanceM: number })[] {
  const since = now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000;
  return candidates
    .filter((c) => c.category === spot.category && isOpen(c.status) && c.lat !== null && c.lon !== null && c.receivedAt.getTime() >= since)
    .map((c) => ({ ...c, distanceM: Math.round(distanceM(spot, { lat: c.lat!, lon: c.lon! })) }))
    .filter((c) => c.distanceM <= DUPLICATE_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM || b.receivedAt.getTime() - a.receivedAt.getTime())
    .slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Open311 GeoReport v2 and the indicators
// ---------------------------------------------------------------------------------------------

/** Open311 knows two statuses: a report is open until answered. */
export const open311Status = (s: FeedbackStatus): 'open' | 'closed' => (isOpen(s) ? 'open' : 'closed');

/** Open311 `status` filter → our statuses. */
export const statusesOfOpen311 = (s: 'open' | 'closed'): FeedbackStatus[] => FEEDBACK_STATUSES.filter((x) => open311Status(x) === s);

export interface IndicatorRow extends ClockFacts {
  rating: number | null;
  reopenCount: number;
}

export interface FeedbackIndicators {
  /** Reports whose answer was due in the period or given in it (rejected and merged are not counted). */
  total: number;
  handledOnTime: number;
  /** handledOnTime ÷ total; null when there is nothing to count (no report: no figure, never a made-up 100%). */
  onTimeShare: number | null;
  /** Rated 1–2 (disliked), reopened (repeated), or late/overdue: the decree's "not satisfied". */
  unsatisfied: number;
  /** (total − unsatisfied) ÷ total; null when there is nothing to count. */
  satisfaction: number | null;
}

/**
 * The two feedback indicators of the commune-level index (DOMAIN.md, "Satisfaction"): the share
 * handled on time, and satisfaction = (total − disliked, repeated or overdue) ÷ total. A report
 * counts in the period [from, to) when it was answered in it or, unanswered, fell due in it.
 */
export function feedbackIndicators(reports: readonly IndicatorRow[], period: { from: Date; to: Date }, now: Date): FeedbackIndicators {
  const inPeriod = (d: Date) => d.getTime() >= period.from.getTime() && d.getTime() < period.to.getTime();
  const counted = reports.filter((r) => {
    const t = timelinessOf(r, now);
    if (t === 'not_counted') return false;
    return r.answeredAt ? inPeriod(r.answeredAt) : t === 'overdue' && inPeriod(r.dueAt);
  });
  const total = counted.length;
  const handledOnTime = counted.filter((r) => timelinessOf(r, now) === 'on_time').length;
  const unsatisfied = counted.filter((r) => timelinessOf(r, now) !== 'on_time' || (r.rating !== null && r.rating <= 2) || r.reopenCount > 0).length;
  return {
    total,
    handledOnTime,
    onTimeShare: total === 0 ? null : handledOnTime / total,
    unsatisfied,
    satisfaction: total === 0 ? null : (total - unsatisfied) / total,
  };
}

/** The report code: PA-<YYMMDD>-<NNNN> (Vietnam date of receipt, the unit's sequence of the day). */
export function feedbackCode(vnDate: string, n: number): string {
  return `PA-${vnDate.slice(2, 4)}${vnDate.slice(5, 7)}${vnDate.slice(8, 10)}-${String(n).padStart(4, '0')}`;
}
export const FEEDBACK_CODE_RE = /^PA-\d{6}-\d{4,}$/;

export interface ResponseTemplate {
  id: string;
  category: FeedbackCategory | '*';
  vi: string;
}

/** The templates an official may answer a report of `category` from: its category's and the general ones. */
export const templatesFor = (category: FeedbackCategory, templates: readonly ResponseTemplate[]) => templates.filter((t) => t.category === '*' || t.category === category);

/**
 * The default response templates officials start an answer from, by category (the official edits
 * the text before sending); a unit admin replaces them (feedback_settings_versions).
 */
export const RESPONSE_TEMPLATES: readonly ResponseTemplate[] = [
  {
    id: 'fixed',
    category: '*',
    vi: 'UBND phường Nông Trang cảm ơn ông/bà đã phản ánh. Sau khi kiểm tra thực tế, phường đã chỉ đạo khắc phục xong ngày {ngày}. Nếu sự việc tái diễn, đề nghị ông/bà mở lại phản ánh này.',
  },
  {
    id: 'scheduled',
    category: '*',
    vi: 'UBND phường Nông Trang đã tiếp nhận và kiểm tra phản ánh. Việc khắc phục đã được đưa vào kế hoạch, dự kiến hoàn thành trước ngày {ngày}. Phường sẽ cập nhật khi hoàn thành.',
  },
  {
    id: 'not_competent',
    category: '*',
    vi: 'Nội dung phản ánh không thuộc thẩm quyền giải quyết của UBND phường. Phường đã chuyển nội dung đến {cơ quan} để xem xét, giải quyết theo quy định.',
  },
  { id: 'lighting_replaced', category: 'roads_lighting', vi: 'Đèn chiếu sáng tại vị trí ông/bà phản ánh đã được đơn vị quản lý chiếu sáng thay thế ngày {ngày}. Cảm ơn ông/bà.' },
  { id: 'waste_collected', category: 'waste', vi: 'Điểm rác tại vị trí phản ánh đã được thu gom, xử lý ngày {ngày}; phường giao tổ dân phố theo dõi để không tái diễn.' },
];
