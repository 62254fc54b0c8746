import { pick, type Lang, type Translate } from '../../../i18n';
import { formatDate, formatNumber } from '../../../i18n/format';
import type { Dossier, Procedure, TimeLimit } from '../../../api/types';

/** "Giấy khai sinh" for a document target, the field's label for a field target. */
export function targetLabel(procedure: Procedure | undefined, target: { type: string; key: string }, lang: Lang): string {
  if (target.type === 'document') return procedure?.documents.find((d) => d.id === target.key)?.name ?? target.key;
  const f = procedure?.formFields.find((x) => x.key === target.key);
  return f ? pick(lang, f.label, f.labelEn) : target.key;
}

export function documentName(procedure: Procedure | undefined, requirementId: string | null): string | null {
  if (!requirementId) return null;
  return procedure?.documents.find((d) => d.id === requirementId)?.name ?? null;
}

/** A form answer as the applicant meant it: option labels for choices, dd/mm/yyyy for dates. */
export function formValueText(procedure: Procedure | undefined, key: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  const field = procedure?.formFields.find((f) => f.key === key);
  const text = String(value);
  if (field?.type === 'select') {
    const o = field.options?.find((x) => x.value === text);
    if (o) return pick(lang, o.label, o.labelEn);
  }
  if (field?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return text;
}

export function channelText(channel: Dossier['channel'], t: Translate): string {
  return t(`bo.channel.${channel}`);
}

export function timeLimitText(tl: TimeLimit | null | undefined, t: Translate): string {
  if (!tl || tl.unit === null || (tl.amount === null && tl.unit !== 'same_day')) return t('bo.timeLimit.unknown');
  if (tl.unit === 'same_day') return t('bo.timeLimit.same_day');
  return t(`bo.timeLimit.${tl.unit}`, { n: formatNumber(tl.amount ?? 0) });
}
