import type { Translate } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { Applicant, DocumentKind, Fee, OnlineLevel, TimeLimit } from '../../api/types';
import { Tag } from '../../ui';

/** A time limit in plain words: "Trong ngày", "3 ngày làm việc", or when the desk gives the date. */
export function timeLimitText(tl: TimeLimit | null | undefined, t: Translate): string {
  if (!tl || tl.toBeConfirmed || tl.unit === null) return t('procedure.timeLimitAtDesk');
  if (tl.unit === 'same_day') return t('timeLimit.same_day');
  if (tl.amount === null) return t('procedure.timeLimitAtDesk');
  const n = formatNumber(tl.amount);
  switch (tl.unit) {
    case 'working_days':
      return t('timeLimit.working_days', { n });
    case 'working_hours':
      return t('timeLimit.working_hours', { n });
    case 'calendar_days':
      return t('timeLimit.calendar_days', { n });
  }
}

export function OnlineLevelTag({ level, t }: { level: OnlineLevel; t: Translate }) {
  if (level === 'full') return <Tag colour="green">{t('onlineLevel.full')}</Tag>;
  if (level === 'partial') return <Tag colour="blue">{t('onlineLevel.partial')}</Tag>;
  return <Tag>{t('onlineLevel.unknown')}</Tag>;
}

export function documentKindText(kind: DocumentKind, t: Translate): string {
  return t(`docKind.${kind}`);
}

export function applicantText(applicant: Applicant, t: Translate): string {
  return t(`applicant.${applicant}`);
}

export function feeAmountText(fee: Fee, t: Translate): string {
  if (fee.amountVnd === null) return t('procedure.askDesk');
  if (fee.amountVnd === 0) return t('fee.free');
  return t('fee.amount', { amount: formatNumber(fee.amountVnd) });
}

/** Required / optional / to be confirmed, as a tag with words. */
export function RequiredTag({ required, t }: { required: boolean | null; t: Translate }) {
  if (required === null) return <Tag colour="yellow">{t('procedure.askDesk')}</Tag>;
  return required ? <Tag colour="red">{t('doc.required')}</Tag> : <Tag>{t('doc.optional')}</Tag>;
}
