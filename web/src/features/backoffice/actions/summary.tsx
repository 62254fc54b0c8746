import type { Lang, Translate } from '../../../i18n';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { SummaryRow } from '../../../ui';
import { targetLabel } from '../dossier/labels';
import type { ActionContext } from './ActionFields';
import { buildsItems, draftContext, needsRepeatReason, vnInstant, type ActionDraft } from './draft';

const text = (s: string) => <span className="bo-prewrap">{s.trim()}</span>;

/** What will be sent, in words, for the confirmation step. */
export function summaryOf(action: string, d: ActionDraft, ctx: ActionContext, t: Translate, lang: Lang): SummaryRow[] {
  const rows: SummaryRow[] = [{ key: t('bo.confirm.dossier'), value: `${ctx.dossier.code} – ${ctx.dossier.applicant.fullName}` }];
  const add = (key: string, value: SummaryRow['value'] | null | false) => {
    if (value) rows.push({ key, value });
  };
  switch (action) {
    case 'receive':
      if (draftContext(ctx.dossier).appointmentRequired) {
        add(t('clock.appointment.legend'), formatDateTime(vnInstant(d.dueDate, d.dueTime)));
        add(t('clock.appointment.reason'), text(d.reason));
      }
      break;
    case 'propose_supplement':
    case 'request_supplement': {
      const items = buildsItems(action, draftContext(ctx.dossier))
        ? d.items.map((i) => {
            const [type, ...key] = i.target.split(':');
            return { id: i.uid, target: { type: type ?? '', key: key.join(':') }, reason: i.reason.trim() };
          })
        : (ctx.dossier.proposedSupplement?.items ?? []);
      add(
        t('bo.act.supplement.legend'),
        <ol className="list-number mb-0">
          {items.map((i) => (
            <li key={i.id}>
              <strong>{targetLabel(ctx.procedure, i.target, lang)}</strong>: {i.reason}
            </li>
          ))}
        </ol>,
      );
      if (needsRepeatReason(action, draftContext(ctx.dossier))) add(t('bo.act.repeatReason'), text(d.repeatReason ?? ''));
      break;
    }
    case 'assign':
      add(t('bo.act.assignee'), ctx.staff?.find((s) => s.id === d.assigneeId)?.fullName ?? d.assigneeId);
      break;
    case 'consult': {
      const dep = ctx.units?.flatMap((u) => u.departments).find((x) => x.id === d.departmentId);
      add(t('bo.act.department'), dep?.name ?? d.departmentId);
      add(t('bo.act.question'), text(d.reason));
      break;
    }
    case 'consult_reply':
      add(t('bo.act.answer'), text(d.reason));
      break;
    case 'transfer':
      add(t('bo.act.unit'), ctx.units?.find((u) => u.code === d.unitCode)?.name ?? d.unitCode);
      add(t('bo.act.transferReason'), text(d.reason));
      break;
    case 'propose':
      add(t('bo.act.outcome'), d.outcome ? t(`bo.outcome.${d.outcome}`) : null);
      break;
    case 'issue_result':
      add(t('bo.act.resultFiles'), d.files.length ? d.files.map((f) => f.name).join(', ') : t('bo.act.noResultFiles'));
      break;
    case 'return_result':
      add(t('bo.act.method'), d.method ? t(`bo.method.${d.method}`) : null);
      break;
    case 'request_payment':
      add(t('bo.act.amount'), t('bo.money', { amount: formatNumber(Number(d.amount.replace(/[.\s]/g, ''))) }));
      add(t('bo.act.paymentReason'), text(d.reason));
      break;
    case 'extend':
      add(t('bo.act.currentDue'), formatDateTime(ctx.dossier.dueAt));
      add(t('bo.act.newDue'), formatDateTime(vnInstant(d.dueDate, d.dueTime)));
      add(t('bo.act.apology'), text(d.reason));
      break;
    case 'refuse':
      add(t('bo.act.refuseReason'), text(d.reason));
      break;
    case 'stop':
      add(t('bo.act.stopReason'), text(d.reason));
      break;
  }
  if (action !== 'stop' && d.comment.trim()) add(t(action === 'propose' ? 'bo.act.proposal' : action === 'reject' ? 'bo.act.rejectReason' : 'bo.act.comment'), text(d.comment));
  return rows;
}
