/**
 * The Decision 766 index: every item of the rule in force scored from its ingredient, and summed
 * by group in both views (the portal's 6 groups, the Decision's 5). Every score carries what it
 * was made of. Pure.
 */
import type { ComputedIngredient, IndexRuleVersion } from './indicators-rules.ts';
import { pointsFor, round2 } from './indicators-rules.ts';
import type { Ratio } from './indicators.ts';

/** A figure an official entered for an item the platform cannot compute (yet), with its source. */
export interface ManualInput {
  itemKey: string;
  /** 0–1. */
  rate: number;
  source: string;
  enteredBy: string | null;
  enteredAt: string;
}

export type ItemOrigin =
  /** From the platform's dossiers. */
  | 'computed'
  /** Nothing arose in the period: full points. */
  | 'none_arose'
  /** Entered by an official with its source. */
  | 'manual'
  /** Neither computable nor entered: no points until someone enters it. */
  | 'missing';

export interface ScoredItem {
  key: string;
  vi: string;
  en: string;
  max: number;
  threshold: number;
  group6: string;
  group5: string;
  origin: ItemOrigin;
  rate: number | null;
  numerator: number | null;
  denominator: number | null;
  points: number;
  /** What the item loses against full marks. */
  lost: number;
  manual: ManualInput | null;
}

export interface ScoredGroup {
  key: string;
  vi: string;
  en: string;
  max: number;
  points: number;
  items: string[];
}

export interface IndexScore {
  rule: { version: number; effectiveFrom: string; basis: string };
  total: number;
  max: number;
  items: ScoredItem[];
  groups6: ScoredGroup[];
  groups5: ScoredGroup[];
}

/**
 * Scores the index: computed ingredients first, an official's entry where the platform cannot know
 * — or where nothing arose on the platform (no feedback report here does not mean none reached the
 * ward by other channels): the entry is then the better figure.
 */
export function scoreIndex(
  rule: IndexRuleVersion,
  ingredients: Record<ComputedIngredient, Ratio | null>,
  manual: readonly ManualInput[],
): IndexScore {
  const manualOf = new Map(manual.map((m) => [m.itemKey, m]));
  const items: ScoredItem[] = rule.rule.items.map((it) => {
    const base = { key: it.key, vi: it.vi, en: it.en, max: it.max, threshold: it.threshold, group6: it.group6, group5: it.group5 };
    const computed = it.source === 'manual' ? null : ingredients[it.source.computed];
    const entered = manualOf.get(it.key) ?? null;
    if (computed && (computed.rate !== null || !entered)) {
      const points = pointsFor(computed.rate, it.max, it.threshold);
      return { ...base, origin: computed.rate === null ? 'none_arose' : 'computed', rate: computed.rate, numerator: computed.numerator, denominator: computed.denominator, points, lost: round2(it.max - points), manual: null };
    }
    if (entered) {
      const points = pointsFor(entered.rate, it.max, it.threshold);
      return { ...base, origin: 'manual', rate: entered.rate, numerator: null, denominator: null, points, lost: round2(it.max - points), manual: entered };
    }
    return { ...base, origin: 'missing', rate: null, numerator: null, denominator: null, points: 0, lost: it.max, manual: null };
  });
  const groupsOf = (groups: IndexRuleVersion['rule']['groups6'], key: 'group6' | 'group5'): ScoredGroup[] =>
    groups.map((g) => {
      const mine = items.filter((i) => i[key] === g.key);
      return { ...g, max: round2(mine.reduce((s, i) => s + i.max, 0)), points: round2(mine.reduce((s, i) => s + i.points, 0)), items: mine.map((i) => i.key) };
    });
  return {
    rule: { version: rule.version, effectiveFrom: rule.effectiveFrom, basis: rule.basis },
    total: round2(items.reduce((s, i) => s + i.points, 0)),
    max: round2(items.reduce((s, i) => s + i.max, 0)),
    items,
    groups6: groupsOf(rule.rule.groups6, 'group6'),
    groups5: groupsOf(rule.rule.groups5, 'group5'),
  };
}
