import { useT } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { Radios, Select, TextInput, Textarea, type FormError } from '../../../ui';
import { AppointmentFields } from '../components/AppointmentFields';
import { appointmentOf, fid, type ActionContext, type ActionDraft } from './draft';
import { SupplementFields } from './SupplementFields';
import { ResultFiles } from './ResultFiles';

export type { ActionContext } from './draft';

/** The inputs one action needs (docs/API.md "Action payloads"), bound to its draft. */
export function ActionFields({ action, draft, onChange, errors, ctx }: {
  action: string;
  draft: ActionDraft;
  onChange: (d: ActionDraft) => void;
  errors: FormError[];
  ctx: ActionContext;
}) {
  const { t } = useT();
  const err = (name: string) => errors.find((e) => e.target === fid(action, name))?.text ?? null;
  const set = <K extends keyof ActionDraft>(key: K) => (value: ActionDraft[K]) => onChange({ ...draft, [key]: value });

  const comment = (labelKey: 'bo.act.comment' | 'bo.act.proposal' | 'bo.act.rejectReason' | 'bo.act.direction', required = false) => (
    <Textarea id={fid(action, 'comment')} label={t(labelKey)} optional={!required} error={err('comment')} value={draft.comment} onChange={set('comment')} rows={3} />
  );
  const reason = (labelKey: Parameters<typeof t>[0], hint?: string) => (
    <Textarea id={fid(action, 'reason')} label={t(labelKey)} hint={hint} error={err('reason')} value={draft.reason} onChange={set('reason')} rows={4} />
  );
  const { dossier: d, procedure } = ctx;

  switch (action) {
    case 'receive':
      return (
        <>
          <AppointmentFields
            prefix={fid(action, 'appointment')}
            value={appointmentOf(draft)}
            onChange={(a) => onChange({ ...draft, dueDate: a.date, dueTime: a.time, reason: a.reason })}
            errors={errors}
            suggestedAt={d.appointment?.suggestedAt ?? null}
          />
          {comment('bo.act.comment')}
        </>
      );
    case 'refuse':
      return (
        <>
          {reason('bo.act.refuseReason', t('bo.act.refuseHint'))}
          {comment('bo.act.comment')}
        </>
      );
    case 'stop':
      return reason('bo.act.stopReason');
    case 'propose_supplement':
    case 'request_supplement':
      return <SupplementFields action={action} draft={draft} onChange={onChange} errors={errors} ctx={ctx} comment={comment('bo.act.comment')} />;
    case 'assign':
      return (
        <>
          <Select
            id={fid(action, 'assignee')}
            label={t('bo.act.assignee')}
            placeholder={ctx.staff ? t('bo.choose') : t('common.loading')}
            error={err('assignee')}
            value={draft.assigneeId}
            onChange={set('assigneeId')}
            options={(ctx.staff ?? []).map((s) => ({ value: s.id, label: s.department ? `${s.fullName} – ${s.department.name}` : s.fullName }))}
          />
          {comment('bo.act.direction')}
        </>
      );
    case 'consult':
      return (
        <>
          <div className={err('department') ? 'form-group form-group--error' : 'form-group'}>
            <label className="label" htmlFor={fid(action, 'department')}>
              {t('bo.act.department')}
            </label>
            {err('department') && (
              <p className="error-message" id={`${fid(action, 'department')}-error`}>
                {err('department')}
              </p>
            )}
            <select
              id={fid(action, 'department')}
              className="select"
              value={draft.departmentId}
              onChange={(e) => set('departmentId')(e.target.value)}
              aria-invalid={err('department') ? true : undefined}
              aria-describedby={err('department') ? `${fid(action, 'department')}-error` : undefined}
            >
              <option value="">{ctx.units ? t('bo.choose') : t('common.loading')}</option>
              {(ctx.units ?? []).filter((u) => u.departments.length > 0).map((u) => (
                <optgroup key={u.id} label={u.name}>
                  {u.departments.map((dep) => (
                    <option key={dep.id} value={dep.id}>
                      {dep.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          {reason('bo.act.question')}
        </>
      );
    case 'consult_reply':
      return reason('bo.act.answer');
    case 'transfer':
      return (
        <>
          <Select
            id={fid(action, 'unit')}
            label={t('bo.act.unit')}
            placeholder={ctx.units ? t('bo.choose') : t('common.loading')}
            error={err('unit')}
            value={draft.unitCode}
            onChange={set('unitCode')}
            options={(ctx.units ?? []).filter((u) => u.id !== d.handlingUnit?.id).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
          />
          {reason('bo.act.transferReason')}
        </>
      );
    case 'propose':
      return (
        <>
          <Radios
            id={fid(action, 'outcome')}
            legend={t('bo.act.outcome')}
            error={err('outcome')}
            value={draft.outcome}
            onChange={(v) => set('outcome')(v as ActionDraft['outcome'])}
            options={[
              { value: 'granted', label: t('bo.outcome.granted') },
              { value: 'denied', label: t('bo.outcome.denied') },
            ]}
          />
          {comment('bo.act.proposal', true)}
        </>
      );
    case 'reject':
      return comment('bo.act.rejectReason', true);
    case 'issue_result':
      return (
        <>
          <ResultFiles action={action} files={draft.files} onChange={set('files')} />
          {comment('bo.act.comment')}
        </>
      );
    case 'return_result':
      return (
        <>
          <Radios
            id={fid(action, 'method')}
            legend={t('bo.act.method')}
            error={err('method')}
            value={draft.method}
            onChange={(v) => set('method')(v as ActionDraft['method'])}
            options={(['collected', 'electronic', 'post'] as const).map((m) => ({ value: m, label: t(`bo.method.${m}`) }))}
          />
          {comment('bo.act.comment')}
        </>
      );
    case 'request_payment': {
      const fees = (procedure?.fees ?? []).filter((f) => f.amountVnd !== null);
      const hint = fees.length ? t('bo.act.feesHint', { fees: fees.map((f) => `${f.name}: ${formatNumber(f.amountVnd ?? 0)} đ`).join('; ') }) : undefined;
      return (
        <>
          <TextInput id={fid(action, 'amount')} label={t('bo.act.amount')} hint={hint} inputMode="numeric" width="w10" error={err('amount')} value={draft.amount} onChange={set('amount')} />
          {reason('bo.act.paymentReason')}
        </>
      );
    }
    case 'extend':
      return (
        <>
          <p className="hint">{t('bo.act.extendHint', { due: formatDateTime(d.dueAt) || '—' })}</p>
          <div className="bo-inline-fields">
            <TextInput id={fid(action, 'date')} label={t('bo.act.newDate')} type="date" width="w10" error={err('date')} value={draft.dueDate} onChange={set('dueDate')} />
            <TextInput id={fid(action, 'time')} label={t('bo.act.newTime')} type="time" width="w5" value={draft.dueTime} onChange={set('dueTime')} />
          </div>
          {reason('bo.act.apology', t('bo.act.apologyHint'))}
        </>
      );
    default:
      return comment('bo.act.comment');
  }
}
