/**
 * The Decision 766/QĐ-TTg service-quality index as versioned data (docs/INDICATORS.md): items with
 * their points, thresholds and the group each belongs to in the two ways the national portal shows
 * the index (the Decision's 5 groups, the portal's 6). Weights change by decision, so a rule set
 * is a version with the date it takes effect; a period is scored by the version in force on its
 * last day. Pure, no I/O.
 */
import { z } from 'zod';
import { inForceOn } from './calendar/rules.ts';
import type { IsoDate } from './calendar/dates.ts';

/** Ingredients the platform computes from its own dossiers and feedback reports (src/domain/indicators.ts). */
export const COMPUTED_INGREDIENTS = [
  'synced_national_portal',
  'progress_on_time',
  'end_to_end_online',
  'procedures_online',
  'online_submission',
  'dossiers_paid_online',
  'electronic_results',
  'digitised_with_e_result',
  'personal_store',
  'dossier_satisfaction',
  'feedback_on_time',
  'feedback_satisfaction',
] as const;
export type ComputedIngredient = (typeof COMPUTED_INGREDIENTS)[number];

const text = z.string().trim().min(1).max(300);
const key = z.string().regex(/^[a-z0-9_]{2,60}$/);

export const IndexItemSchema = z.strictObject({
  key,
  vi: text,
  en: text,
  /** Points of the item at full marks. */
  max: z.number().min(0).max(100),
  /** Full points from this rate (0–1); below it, points = rate × max ÷ threshold. */
  threshold: z.number().gt(0).max(1),
  /** Group keys in the portal's 6-group view and the Decision's 5-group view. */
  group6: key,
  group5: key,
  /** Computed from the platform's dossiers (which ingredient), or entered by an official with its source. */
  source: z.union([z.strictObject({ computed: z.enum(COMPUTED_INGREDIENTS) }), z.literal('manual')]),
});
export type IndexItem = z.infer<typeof IndexItemSchema>;

const GroupSchema = z.strictObject({ key, vi: text, en: text });

export const IndexRuleSchema = z
  .strictObject({
    groups6: z.array(GroupSchema).min(1).max(12),
    groups5: z.array(GroupSchema).min(1).max(12),
    items: z.array(IndexItemSchema).min(1).max(60),
  })
  .superRefine((r, ctx) => {
    const keys = new Set<string>();
    for (const [i, item] of r.items.entries()) {
      if (keys.has(item.key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], message: `duplicate item ${item.key}` });
      keys.add(item.key);
      if (!r.groups6.some((g) => g.key === item.group6)) ctx.addIssue({ code: 'custom', path: ['items', i, 'group6'], message: `unknown group ${item.group6}` });
      if (!r.groups5.some((g) => g.key === item.group5)) ctx.addIssue({ code: 'custom', path: ['items', i, 'group5'], message: `unknown group ${item.group5}` });
    }
  });
export type IndexRule = z.infer<typeof IndexRuleSchema>;

export interface IndexRuleVersion {
  version: number;
  effectiveFrom: IsoDate;
  basis: string;
  rule: IndexRule;
}

const item = (
  k: string,
  vi: string,
  en: string,
  max: number,
  threshold: number,
  group6: string,
  group5: string,
  source: IndexItem['source'],
): IndexItem => ({ key: k, vi, en, max, threshold, group6, group5, source });

/**
 * The breakdown the national portal applies (DOMAIN.md: as implemented by a third-party dashboard,
 * the Decision's own appendix not found — hence data, not code). 100 points: transparency 18,
 * progress 20, online services 12, online payment 10, satisfaction 18, digitisation 22; the
 * Decision's 5 groups join online services and payment (22).
 */
export const DEFAULT_INDEX_RULE: IndexRuleVersion = {
  version: 0,
  effectiveFrom: '2022-06-23',
  basis: 'Quyết định 766/QĐ-TTg ngày 23/6/2022; cách chấm của Cổng DVC quốc gia (6 nhóm) / Decision 766/QĐ-TTg, the national portal’s scoring',
  rule: {
    groups6: [
      { key: 'transparency', vi: 'Công khai, minh bạch', en: 'Transparency' },
      { key: 'progress', vi: 'Tiến độ giải quyết', en: 'Progress' },
      { key: 'online', vi: 'Dịch vụ công trực tuyến', en: 'Online services' },
      { key: 'payment', vi: 'Thanh toán trực tuyến', en: 'Online payment' },
      { key: 'satisfaction', vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      { key: 'digitisation', vi: 'Số hóa hồ sơ', en: 'Digitisation' },
    ],
    groups5: [
      { key: 'transparency', vi: 'Công khai, minh bạch', en: 'Transparency' },
      { key: 'progress', vi: 'Tiến độ giải quyết', en: 'Progress' },
      { key: 'online', vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services (with payment)' },
      { key: 'satisfaction', vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      { key: 'digitisation', vi: 'Số hóa hồ sơ', en: 'Digitisation' },
    ],
    items: [
      item('announced_on_time', 'Công bố, công khai TTHC đúng hạn', 'Procedures announced on time', 6, 1, 'transparency', 'transparency', 'manual'),
      item('published_on_time', 'Công khai TTHC trên CSDL quốc gia đúng hạn', 'Published on time in the national database', 4, 1, 'transparency', 'transparency', 'manual'),
      item('published_complete', 'Công khai đầy đủ nội dung TTHC', 'Published complete', 2, 1, 'transparency', 'transparency', 'manual'),
      item('synced', 'Đồng bộ hồ sơ lên Cổng DVC quốc gia', 'Dossiers synced to the national portal', 6, 1, 'transparency', 'transparency', { computed: 'synced_national_portal' }),
      item('on_time', 'Hồ sơ giải quyết, đang giải quyết trước và đúng hạn', 'Settled or in progress on or before the due date', 20, 1, 'progress', 'progress', { computed: 'progress_on_time' }),
      item('end_to_end', 'Hồ sơ trực tuyến toàn trình / hồ sơ của TTHC đủ điều kiện toàn trình', 'End-to-end online dossiers of eligible procedures', 12, 1, 'online', 'online', { computed: 'end_to_end_online' }),
      item('fees_payable_online', 'TTHC có phí cho phép thanh toán trực tuyến', 'Procedures with fees payable online', 2, 0.8, 'payment', 'online', 'manual'),
      item('procedures_paid_online', 'TTHC có phát sinh thanh toán trực tuyến', 'Procedures with actual online payments', 2, 0.8, 'payment', 'online', 'manual'),
      item('paid_online', 'Hồ sơ thanh toán trực tuyến / hồ sơ có phí', 'Dossiers paid online of those with fees', 6, 1, 'payment', 'online', { computed: 'dossiers_paid_online' }),
      item('feedback_on_time', 'Xử lý phản ánh, kiến nghị đúng hạn', 'Feedback handled on time', 6, 1, 'satisfaction', 'satisfaction', { computed: 'feedback_on_time' }),
      item('feedback_satisfaction', 'Hài lòng với xử lý phản ánh, kiến nghị', 'Satisfaction with feedback handling', 6, 1, 'satisfaction', 'satisfaction', { computed: 'feedback_satisfaction' }),
      item('dossier_satisfaction', 'Hài lòng với giải quyết hồ sơ', 'Satisfaction with dossier handling', 6, 0.9, 'satisfaction', 'satisfaction', { computed: 'dossier_satisfaction' }),
      item('electronic_results', 'Cấp kết quả điện tử', 'Electronic results', 6, 1, 'digitisation', 'digitisation', { computed: 'electronic_results' }),
      item('digitised', 'Hồ sơ được số hóa và có kết quả điện tử', 'Dossier digitised with an electronic result', 4, 0.8, 'digitisation', 'digitisation', { computed: 'digitised_with_e_result' }),
      item('certified_copies', 'Chứng thực bản sao điện tử', 'Electronic certified copies', 2, 1, 'digitisation', 'digitisation', 'manual'),
      item('reuse', 'Khai thác, sử dụng lại dữ liệu số hóa', 'Reuse of digitised data', 2, 0.8, 'digitisation', 'digitisation', 'manual'),
      item('personal_store', 'Đồng bộ kết quả vào kho dữ liệu cá nhân', 'Results synced to the personal store', 4, 1, 'digitisation', 'digitisation', { computed: 'personal_store' }),
      item('population_db', 'Hồ sơ sử dụng CSDL quốc gia về dân cư', 'Dossiers using the national population database', 2, 1, 'digitisation', 'digitisation', 'manual'),
      item('connected_population_db', 'TTHC kết nối CSDL quốc gia về dân cư', 'Procedures connected to the population database', 2, 1, 'digitisation', 'digitisation', 'manual'),
    ],
  },
};

/** The index rule in force on `date`: the latest effective on or before it (a later save wins a tie), else the default. */
export function indexRuleInForce(versions: readonly IndexRuleVersion[], date: IsoDate): IndexRuleVersion {
  const sorted = [DEFAULT_INDEX_RULE, ...versions].sort((a, b) => a.version - b.version);
  return inForceOn(sorted, date) ?? DEFAULT_INDEX_RULE;
}

/**
 * Decision 766's conversion: full points at or above the threshold, proportionally below it. A
 * rate that cannot be computed (nothing arose in the period) scores full points: nothing was done
 * late or offline (the choice is named in docs/INDICATORS.md).
 */
export function pointsFor(rate: number | null, max: number, threshold: number): number {
  if (rate === null) return max;
  const r = Math.max(0, Math.min(1, rate));
  return r >= threshold ? max : round2((r * max) / threshold);
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** The index's total: Decision 766 scores out of 100 points. */
export const INDEX_TOTAL = 100;

export interface RuleIssue {
  path: (string | number)[];
  /** Vietnamese / English, as the API's validation messages are. */
  message: string;
}

/**
 * What is wrong with a rule an admin is about to save, field by field (the back-office form shows
 * these beside each field; the API refuses the same): points add up to 100, each item's points
 * within 0–100 and threshold above 0% and at most 100%, every group of either view has an item.
 */
export function ruleIssues(rule: Pick<IndexRule, 'groups5' | 'groups6' | 'items'>): RuleIssue[] {
  const out: RuleIssue[] = [];
  for (const [i, item] of rule.items.entries()) {
    if (!Number.isFinite(item.max) || item.max < 0 || item.max > INDEX_TOTAL) out.push({ path: ['items', i, 'max'], message: 'Điểm phải từ 0 đến 100 / points must be within 0–100' });
    if (!Number.isFinite(item.threshold) || item.threshold <= 0 || item.threshold > 1) out.push({ path: ['items', i, 'threshold'], message: 'Ngưỡng phải lớn hơn 0% và không quá 100% / the threshold must be above 0% and at most 100%' });
  }
  const total = round2(rule.items.reduce((s, i) => s + (Number.isFinite(i.max) ? i.max : 0), 0));
  if (total !== INDEX_TOTAL) out.push({ path: ['items'], message: `Tổng điểm các tiêu chí phải bằng ${INDEX_TOTAL} (đang là ${total}) / the items’ points must add up to ${INDEX_TOTAL} (now ${total})` });
  for (const [view, groups] of [['groups6', rule.groups6], ['groups5', rule.groups5]] as const) {
    for (const [g, group] of groups.entries()) {
      if (!rule.items.some((i) => (view === 'groups6' ? i.group6 : i.group5) === group.key)) out.push({ path: [view, g], message: `Nhóm “${group.vi}” chưa có tiêu chí nào / the group has no item` });
    }
  }
  return out;
}
