import type { Translate } from '../../../i18n';
import type { Dossier, Procedure, UploadedFile } from '../../../api/types';
import type { StaffMember, Unit } from '../api';
import { appointmentPayload, appointmentProblems, vnInstant } from '../components/appointment';
import type { FormError } from '../../../ui';

/** One item of a request to supplement: `target` is `document:<id>` or `field:<key>`. */
export interface SupplementDraftItem {
  uid: string;
  target: string;
  reason: string;
}

/**
 * Everything an official may type for one action. Drafts are kept per action in the dossier
 * page, so closing a form, a failed request or a reload after a conflict never loses them.
 */
export interface ActionDraft {
  comment: string;
  reason: string;
  items: SupplementDraftItem[];
  /** Why a second or later request to supplement is needed. */
  repeatReason: string;
  assigneeId: string;
  departmentId: string;
  unitCode: string;
  outcome: '' | 'granted' | 'denied';
  files: UploadedFile[];
  method: '' | 'collected' | 'electronic' | 'post';
  amount: string;
  dueDate: string;
  dueTime: string;
}

// Random, not a counter: drafts restored from storage must not collide with new items.
export const newItem = (): SupplementDraftItem => ({ uid: `item-${Math.random().toString(36).slice(2, 10)}`, target: '', reason: '' });

export function emptyDraft(): ActionDraft {
  return {
    comment: '',
    reason: '',
    items: [newItem()],
    repeatReason: '',
    assigneeId: '',
    departmentId: '',
    unitCode: '',
    outcome: '',
    files: [],
    method: '',
    amount: '',
    dueDate: '',
    dueTime: '17:00',
  };
}

/** Whether the official has typed or chosen anything worth keeping. */
export function hasContent(d: ActionDraft): boolean {
  return Boolean(
    d.comment.trim() || d.reason.trim() || d.repeatReason?.trim() || d.items.some((i) => i.target || i.reason.trim()) || d.assigneeId || d.departmentId ||
      d.unitCode || d.outcome || d.files.length || d.method || d.amount || d.dueDate,
  );
}

/** Actions with nothing required: the form is the confirmation step itself (optional note). */
export const DIRECT_ACTIONS = new Set(['receive', 'approve', 'confirm_payment']);
/** Actions that end or refuse the dossier: a red confirmation button. */
export const DANGER_ACTIONS = new Set(['refuse', 'stop', 'reject']);

/** The field ids used by forms, error summaries and tests. */
export const fid = (action: string, name: string) => `act-${action}-${name}`;

export { vnInstant };

const need = (ok: boolean, target: string, text: string): FormError[] => (ok ? [] : [{ target, text }]);

/** What the forms need to know of the dossier. */
export interface DraftContext {
  dueAt: string | null;
  /** Rounds already sent: from the second request on, a reason is needed. */
  supplementRounds: number;
  /** A handler's proposal awaits the desk: sending it needs no items of the desk's own. */
  proposal: { repeatReason?: string | null } | null;
  /** Receiving needs the officer's appointment (the procedure's time limit is unconfirmed). */
  appointmentRequired: boolean;
}

export const draftContext = (d: Dossier): DraftContext => ({
  dueAt: d.dueAt,
  supplementRounds: d.supplementRounds ?? 0,
  proposal: d.proposedSupplement ?? null,
  appointmentRequired: d.appointment?.required ?? false,
});

/** Actions with nothing to fill in open at the confirmation step (receiving may need an appointment). */
export const isDirect = (action: string, ctx: DraftContext) => DIRECT_ACTIONS.has(action) && !(action === 'receive' && ctx.appointmentRequired);

/** The receive form's appointment, kept in the draft's date, time and reason. */
export const appointmentOf = (d: ActionDraft) => ({ date: d.dueDate, time: d.dueTime, reason: d.reason });

/** Whether the form asks why another request to supplement is needed. */
export const needsRepeatReason = (action: string, ctx: DraftContext) =>
  (action === 'propose_supplement' || action === 'request_supplement') && ctx.supplementRounds >= 1 && !ctx.proposal?.repeatReason;

/** Whether the form lists items (the desk sending a proposal sends the proposal's). */
export const buildsItems = (action: string, ctx: DraftContext) => action === 'propose_supplement' || (action === 'request_supplement' && !ctx.proposal);

/** Problems to fix before the confirmation step (the server checks again). */
export function validateDraft(action: string, d: ActionDraft, t: Translate, ctx: DraftContext): FormError[] {
  const reason = (name = 'reason') => need(d.reason.trim().length > 0, fid(action, name), t(`bo.act.err.${action === 'refuse' ? 'refuseReason' : 'reason'}`));
  switch (action) {
    case 'receive':
      return ctx.appointmentRequired ? appointmentProblems(appointmentOf(d), fid(action, 'appointment'), t) : [];
    case 'refuse':
    case 'stop':
      return reason();
    case 'propose_supplement':
    case 'request_supplement': {
      const errs: FormError[] = [];
      if (needsRepeatReason(action, ctx) && !(d.repeatReason ?? '').trim()) errs.push({ target: fid(action, 'repeatReason'), text: t('bo.act.err.repeatReason') });
      if (!buildsItems(action, ctx)) return errs;
      if (d.items.length === 0) errs.push({ target: fid(action, 'add'), text: t('bo.act.err.noItems') });
      d.items.forEach((it, i) => {
        if (!it.target) errs.push({ target: `${fid(action, 'target')}-${it.uid}`, text: t('bo.act.err.itemTarget', { n: i + 1 }) });
        if (!it.reason.trim()) errs.push({ target: `${fid(action, 'reason')}-${it.uid}`, text: t('bo.act.err.itemReason', { n: i + 1 }) });
      });
      const targets = d.items.map((i) => i.target).filter(Boolean);
      if (new Set(targets).size !== targets.length) errs.push({ target: fid(action, 'add'), text: t('bo.act.err.duplicateItem') });
      return errs;
    }
    case 'assign':
      return need(Boolean(d.assigneeId), fid(action, 'assignee'), t('bo.act.err.assignee'));
    case 'consult':
      return [...need(Boolean(d.departmentId), fid(action, 'department'), t('bo.act.err.department')), ...need(Boolean(d.reason.trim()), fid(action, 'reason'), t('bo.act.err.question'))];
    case 'consult_reply':
      return need(Boolean(d.reason.trim()), fid(action, 'reason'), t('bo.act.err.answer'));
    case 'transfer':
      return [...need(Boolean(d.unitCode), fid(action, 'unit'), t('bo.act.err.unit')), ...reason()];
    case 'propose':
      return [...need(Boolean(d.outcome), fid(action, 'outcome'), t('bo.act.err.outcome')), ...need(Boolean(d.comment.trim()), fid(action, 'comment'), t('bo.act.err.proposal'))];
    case 'reject':
      return need(Boolean(d.comment.trim()), fid(action, 'comment'), t('bo.act.err.rejectReason'));
    case 'return_result':
      return need(Boolean(d.method), fid(action, 'method'), t('bo.act.err.method'));
    case 'request_payment': {
      const n = Number(d.amount.replace(/[.\s]/g, ''));
      return [...need(d.amount.trim() !== '' && Number.isInteger(n) && n >= 0, fid(action, 'amount'), t('bo.act.err.amount')), ...reason()];
    }
    case 'extend': {
      const at = vnInstant(d.dueDate, d.dueTime);
      const later = at && (!ctx.dueAt || new Date(at) > new Date(ctx.dueAt));
      return [
        ...need(Boolean(at), fid(action, 'date'), t('bo.act.err.newDue')),
        ...(at && !later ? [{ target: fid(action, 'date'), text: t('bo.act.err.newDueLater') }] : []),
        ...need(Boolean(d.reason.trim()), fid(action, 'reason'), t('bo.act.err.apology')),
      ];
    }
    default:
      return [];
  }
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The request body for the action (docs/API.md "Action payloads"); only fields the server accepts. */
export function payloadOf(action: string, d: ActionDraft, ctx: DraftContext): Record<string, unknown> {
  switch (action) {
    case 'receive':
      return { ...(ctx.appointmentRequired ? appointmentPayload(appointmentOf(d)) : {}), comment: opt(d.comment) };
    case 'refuse':
      return { reason: d.reason.trim(), comment: opt(d.comment) };
    case 'stop':
      return { reason: d.reason.trim() };
    case 'propose_supplement':
    case 'request_supplement':
      return {
        items: buildsItems(action, ctx)
          ? d.items.map((i) => {
              const [type, ...key] = i.target.split(':');
              return { target: { type, key: key.join(':') }, reason: i.reason.trim() };
            })
          : undefined,
        repeatReason: needsRepeatReason(action, ctx) ? opt(d.repeatReason ?? '') : undefined,
        comment: opt(d.comment),
      };
    case 'assign':
      return { assigneeId: d.assigneeId, comment: opt(d.comment) };
    case 'consult':
      return { departmentId: d.departmentId, question: d.reason.trim() };
    case 'consult_reply':
      return { answer: d.reason.trim() };
    case 'transfer':
      return { unitCode: d.unitCode, reason: d.reason.trim() };
    case 'propose':
      return { outcome: d.outcome, comment: d.comment.trim() };
    case 'reject':
      return { comment: d.comment.trim() };
    case 'issue_result':
      return { fileIds: d.files.map((f) => f.id), comment: opt(d.comment) };
    case 'return_result':
      return { method: d.method, comment: opt(d.comment) };
    case 'request_payment':
      return { amountVnd: Number(d.amount.replace(/[.\s]/g, '')), reason: d.reason.trim() };
    case 'extend':
      return { newDueAt: vnInstant(d.dueDate, d.dueTime), reason: d.reason.trim() };
    default:
      return { comment: opt(d.comment) };
  }
}

/** What the action forms read of the dossier's page: the dossier, its procedure, the staff and units to pick from. */
export interface ActionContext {
  dossier: Dossier;
  procedure: Procedure | undefined;
  staff: StaffMember[] | undefined;
  units: Unit[] | undefined;
}
