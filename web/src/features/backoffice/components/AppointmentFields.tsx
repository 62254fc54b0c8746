import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { useApi } from '../../../api/useApi';
import { apiPath } from '../../../api/client';
import type { TimeLimit } from '../../../api/types';
import { Button, TextInput, Textarea, type FormError } from '../../../ui';
import { appointmentFrom, appointmentIds, type AppointmentDraft } from './appointment';

/** The date an unconfirmed amount would give from now (the server's calendar), as a suggestion. */
export function useSuggestedAppointment(limit: TimeLimit | null | undefined, from: string | null): string | null {
  const usable = limit && limit.unit && (limit.amount !== null || limit.unit === 'same_day');
  const path = usable && from ? apiPath('/calendar/due', { from, amount: limit.amount ?? 1, unit: limit.unit! }) : null;
  return useApi<{ due: string }>(path).data?.due ?? null;
}

/** Date, time and basis of the officer's appointment, with the unconfirmed limit's date as a suggestion. */
export function AppointmentFields({ prefix, value, onChange, errors, suggestedAt }: {
  prefix: string;
  value: AppointmentDraft;
  onChange: (a: AppointmentDraft) => void;
  errors: FormError[];
  suggestedAt: string | null;
}) {
  const { t } = useT();
  const ids = appointmentIds(prefix);
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const suggestion = appointmentFrom(suggestedAt);
  return (
    <fieldset className="bo-items">
      <legend className="legend">{t('clock.appointment.legend')}</legend>
      <p className="hint">{t('clock.appointment.hint')}</p>
      {suggestion && (
        <p className="hint">
          {t('clock.appointment.suggested', { date: formatDateTime(suggestedAt) })}{' '}
          <Button variant="secondary" small onClick={() => onChange({ ...value, date: suggestion.date, time: suggestion.time })}>
            {t('clock.appointment.useSuggested')}
          </Button>
        </p>
      )}
      <div className="bo-inline-fields">
        <TextInput id={ids.date} label={t('clock.appointment.date')} type="date" width="w10" error={err(ids.date)} value={value.date} onChange={(date) => onChange({ ...value, date })} />
        <TextInput id={ids.time} label={t('clock.appointment.time')} type="time" width="w5" value={value.time} onChange={(time) => onChange({ ...value, time })} />
      </div>
      <Textarea
        id={ids.reason}
        label={t('clock.appointment.reason')}
        hint={t('clock.appointment.reasonHint')}
        error={err(ids.reason)}
        value={value.reason}
        onChange={(reason) => onChange({ ...value, reason })}
        rows={3}
      />
    </fieldset>
  );
}
