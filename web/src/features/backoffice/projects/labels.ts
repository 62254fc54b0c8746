import type { Translate } from '../../../i18n';
import { formatDate, formatNumber } from '../../../i18n/format';
import type { Lang } from '../../../i18n';
import type { TagColour } from '../../../ui';
import { MILESTONE_LABELS, type MilestoneKind, type ProjectState } from '@domain/projects.ts';
import type { ProjectSummary } from './api';

export const STATE_COLOUR: Record<ProjectState, TagColour> = { late: 'red', at_risk: 'orange', on_track: 'green', not_scheduled: 'grey', completed: 'blue' };

/** A state on the map: a colour and a glyph, so the legend reads without colour (white on each passes AA). */
export const STATE_MARK: Record<ProjectState, { colour: string; symbol: string }> = {
  late: { colour: '#b1200f', symbol: '▲' },
  at_risk: { colour: '#8a4100', symbol: '◆' },
  on_track: { colour: '#00703c', symbol: '●' },
  not_scheduled: { colour: '#505a5f', symbol: '○' },
  completed: { colour: '#1d70b8', symbol: '■' },
};

export const milestoneLabel = (lang: Lang, kind: MilestoneKind) => MILESTONE_LABELS[kind][lang];

/** Why a project is in its state, one sentence a reason: the rule's findings in plain words. */
export function reasonsOf(t: Translate, lang: Lang, a: ProjectSummary['assessment']): string[] {
  const out = a.reasons.map((r) => {
    switch (r.kind) {
      case 'milestone_overdue':
        return t('prj.why.milestone_overdue', { milestone: milestoneLabel(lang, r.milestone), date: formatDate(r.plannedDate), days: formatNumber(r.daysLate) });
      case 'disbursement_below_plan':
      case 'progress_below_plan':
        return t(`prj.why.${r.kind}`, { actual: formatNumber(r.actualPct), planned: formatNumber(r.plannedPct), short: formatNumber(r.shortfallPoints), margin: formatNumber(r.marginPoints) });
    }
  });
  if (a.state === 'at_risk') for (const d of a.dueSoon) out.push(t('prj.why.dueSoon', { milestone: milestoneLabel(lang, d.milestone), days: formatNumber(d.daysLeft), date: formatDate(d.plannedDate) }));
  return out;
}

/** VND as officials read it: "12,5 tỷ đồng" / "VND 12.5 billion". */
export function formatVnd(lang: Lang, vnd: number | null): string {
  if (vnd === null) return '—';
  const billions = vnd / 1e9;
  const n = billions.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return lang === 'vi' ? `${n} tỷ đồng` : `VND ${n} billion`;
}

/** The basis of a rule version; the system default (version 0) is named in the reader's language. */
export function ruleBasis(t: Translate, v: { version: number; basis: string }): string {
  return v.version === 0 ? t('prjRule.builtIn') : v.basis;
}
