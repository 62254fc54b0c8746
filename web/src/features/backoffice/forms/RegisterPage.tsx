import { useState } from 'react';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../../router';
import { apiPath } from '../../../api/client';
import { TextInput } from '../../../ui';

/** Today in Vietnam as YYYY-MM-DD, and the first day of its month. */
function thisMonth(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Form 07, the dossier register, for a period the desk chooses (A4 PDF). */
export function RegisterPage() {
  const { t } = useT();
  usePageTitle(t('bo.register.title'));
  const [range, setRange] = useState(thisMonth);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to) && range.from <= range.to;
  return (
    <>
      <h1>{t('bo.register.title')}</h1>
      <p className="lead">{t('bo.register.lead')}</p>
      <div className="bo-inline-fields">
        <TextInput id="register-from" type="date" label={t('bo.register.from')} width="w10" value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} />
        <TextInput id="register-to" type="date" label={t('bo.register.to')} width="w10" value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} />
      </div>
      {valid ? (
        <a className="btn" href={apiPath('/forms/register.pdf', range)} target="_blank" rel="noopener">
          {t('bo.register.open')}
          <span className="visually-hidden"> ({t('common.newTab')})</span>
        </a>
      ) : (
        <p className="error-message">{t('bo.register.invalid')}</p>
      )}
    </>
  );
}
