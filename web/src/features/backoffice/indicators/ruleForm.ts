// The index rule form's pure parts: the rule being edited as text fields, turned back into a rule
// and checked with the same ruleIssues the API refuses with (src/domain/indicators-rules.ts).
import { ruleIssues, type IndexRule } from '@domain/indicators-rules.ts';
import type { Lang } from '../../../i18n';

/** The API's messages are "Vietnamese / English": the half for the reader's language. */
export function pickLang(message: string, lang: Lang): string {
  const [vi, en] = message.split(' / ');
  return (lang === 'en' ? en : vi) ?? message;
}

export interface ItemFields {
  max: string;
  /** Percent, as the form shows it. */
  threshold: string;
}

export const fieldsOf = (rule: IndexRule): ItemFields[] => rule.items.map((i) => ({ max: String(i.max), threshold: String(Math.round(i.threshold * 10000) / 100) }));

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

/** The rule the fields describe, and each field's problem (by the form's field id). */
export function checkFields(base: IndexRule, fields: ItemFields[], lang: Lang, notANumber: string): { rule: IndexRule; errors: { target: string; text: string }[] } {
  const rule: IndexRule = { ...base, items: base.items.map((item, i) => ({ ...item, max: num(fields[i]!.max), threshold: num(fields[i]!.threshold) / 100 })) };
  const errors: { target: string; text: string }[] = [];
  rule.items.forEach((item, i) => {
    if (Number.isNaN(item.max)) errors.push({ target: `rule-max-${i}`, text: `${lang === 'en' ? item.en : item.vi}: ${notANumber}` });
    if (Number.isNaN(item.threshold)) errors.push({ target: `rule-threshold-${i}`, text: `${lang === 'en' ? item.en : item.vi}: ${notANumber}` });
  });
  if (errors.length) return { rule, errors };
  for (const issue of ruleIssues(rule)) {
    const [, i, field] = issue.path;
    const item = typeof i === 'number' && field ? rule.items[i] : undefined;
    errors.push({
      target: item ? `rule-${String(field)}-${i}` : 'rule-total',
      text: item ? `${lang === 'en' ? item.en : item.vi}: ${pickLang(issue.message, lang)}` : pickLang(issue.message, lang),
    });
  }
  return { rule, errors };
}

/** Points by group in one view (what the portal shows), from the fields as typed. */
export function groupSums(rule: IndexRule, view: 'groups6' | 'groups5'): { key: string; vi: string; en: string; points: number }[] {
  return rule[view].map((g) => ({
    ...g,
    points: Math.round(rule.items.filter((i) => (view === 'groups6' ? i.group6 : i.group5) === g.key).reduce((s, i) => s + (Number.isFinite(i.max) ? i.max : 0), 0) * 100) / 100,
  }));
}
