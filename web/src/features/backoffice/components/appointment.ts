import { needsAppointment } from '@domain/time-limit.ts';
import type { Translate } from '../../../i18n';
import type { TimeLimit } from '../../../api/types';
import type { FormError } from '../../../ui';

/**
 * The appointment the receiving officer gives when a procedure's time limit is unconfirmed
 * (docs/adr/0005-legal-clock.md): a date, a time and why. The server requires exactly when
 * `needsAppointment` says so; a receipt then never reads "Hẹn trả kết quả: Cần xác nhận".
 */
export interface AppointmentDraft {
  date: string;
  time: string;
  reason: string;
}

export const emptyAppointment = (): AppointmentDraft => ({ date: '', time: '16:00', reason: '' });

/** Whether the officer must give the appointment for this time limit. */
export const appointmentNeeded = (limit: TimeLimit | null | undefined) => (limit ? needsAppointment(limit) : false);

/** `YYYY-MM-DD` + `HH:mm` in Vietnam time → ISO 8601 with +07:00. */
export function vnInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  return `${date}T${time}:00+07:00`;
}

/** An instant at +07:00 as the date and time inputs hold it. */
export function appointmentFrom(instant: string | null | undefined, reason = ''): AppointmentDraft | null {
  const m = instant ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(formatVnLocal(instant)) : null;
  return m ? { date: m[1]!, time: m[2]!, reason } : null;
}
const formatVnLocal = (instant: string) => new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString();

export const appointmentIds = (prefix: string) => ({ date: `${prefix}-date`, time: `${prefix}-time`, reason: `${prefix}-reason` });

/** Problems to fix (the server checks again): a date and time after now, and a reason. */
export function appointmentProblems(a: AppointmentDraft, prefix: string, t: Translate, now = new Date()): FormError[] {
  const ids = appointmentIds(prefix);
  const at = vnInstant(a.date, a.time);
  const errs: FormError[] = [];
  if (!at) errs.push({ target: ids.date, text: t('clock.err.appointmentDate') });
  else if (new Date(at) <= now) errs.push({ target: ids.date, text: t('clock.err.appointmentPast') });
  if (!a.reason.trim()) errs.push({ target: ids.reason, text: t('clock.err.appointmentReason') });
  return errs;
}

export const appointmentPayload = (a: AppointmentDraft) => ({ appointmentAt: vnInstant(a.date, a.time), appointmentReason: a.reason.trim() });

