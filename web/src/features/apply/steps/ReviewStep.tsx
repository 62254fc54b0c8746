import type { FormEvent } from 'react';
import { pick, useT } from '../../../i18n';
import { formatDate, formatFileSize } from '../../../i18n/format';
import { href } from '../../../routes';
import type { FormField, Procedure, User } from '../../../api/types';
import { Button, normalizeDate, Radios, SummaryList, type SummaryRow } from '../../../ui';
import { RESULT_DELIVERIES, type ResultDelivery } from '@domain/result-delivery.ts';
import type { Draft } from '../draft';
import { docId, fieldId } from '../validate';

function displayValue(f: FormField, raw: string | undefined, lang: 'vi' | 'en'): string {
  const v = (raw ?? '').trim();
  if (!v) return '';
  if (f.type === 'date') return formatDate(normalizeDate(v)) || v;
  if (f.type === 'select') {
    const o = f.options?.find((x) => x.value === v);
    return o ? pick(lang, o.label, o.labelEn) : v;
  }
  return v;
}

/** Step 4: everything on one page with a change link per answer, then submit. */
export function ReviewStep({ procedure, user, draft, pending, onSubmit, delivery, onDelivery }: {
  procedure: Procedure;
  user: User | null;
  draft: Draft;
  pending: boolean;
  onSubmit: () => void;
  /** How the applicant will receive the result (printed on the receipt, form 01). */
  delivery: ResultDelivery;
  onDelivery: (d: ResultDelivery) => void;
}) {
  const { t, lang } = useT();
  const change = t('common.change');
  const link = (step: number, anchor: string, what: string) => ({
    href: href('apply', { code: procedure.code }, { buoc: step }, anchor),
    text: change,
    hiddenText: what,
  });

  const fieldRows: SummaryRow[] = procedure.formFields.map((f) => {
    const label = pick(lang, f.label, f.labelEn);
    const value = displayValue(f, draft.formData[f.key], lang);
    return { key: label, value: value || <span className="secondary-text">{t('apply.review.notGiven')}</span>, action: link(2, fieldId(f.key), label) };
  });
  const docRows: SummaryRow[] = procedure.documents.map((d) => {
    const file = draft.documents[d.id];
    return {
      key: d.name,
      value: file ? `${file.name} (${formatFileSize(file.size)})` : <span className="secondary-text">{t('apply.review.noFile')}</span>,
      action: link(3, docId(d.id), d.name),
    };
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('apply.applicant.title')}</h3>
      <SummaryList
        rows={
          user
            ? [
                { key: t('apply.applicant.name'), value: user.fullName },
                { key: user.kind === 'business' ? t('signUp.mst') : t('signUp.cccd'), value: user.login },
                { key: t('signUp.phone'), value: user.phone || '—' },
              ]
            : [{ key: t('apply.applicant.name'), value: t('apply.review.signInNeeded') }]
        }
      />
      {fieldRows.length > 0 && (
        <>
          <h3>{t('apply.fields.title')}</h3>
          <SummaryList rows={fieldRows} />
        </>
      )}
      {docRows.length > 0 && (
        <>
          <h3>{t('apply.documents.title')}</h3>
          <SummaryList rows={docRows} />
        </>
      )}
      <Radios
        id="apply-delivery"
        legend={t('apply.delivery.legend')}
        hint={t('apply.delivery.hint')}
        value={delivery}
        onChange={(v) => onDelivery(v as ResultDelivery)}
        options={RESULT_DELIVERIES.map((d) => ({ value: d, label: t(`apply.delivery.${d}`) }))}
      />
      <h3>{t('apply.review.declarationTitle')}</h3>
      <p>{t('apply.review.declaration')}</p>
      <Button type="submit" id="apply-submit" pending={pending}>
        {t('apply.review.submit')}
      </Button>
    </form>
  );
}
