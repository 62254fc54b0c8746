import { useState, type FormEvent } from 'react';
import { CATEGORY_CODES, type FeedbackCategory } from '@domain/feedback.ts';
import { useT, type MessageKey } from '../../../i18n';
import { toApiError, type ApiError } from '../../../api/client';
import { Button, Checkboxes, ErrorSummary, Radios, Select, TextInput, Textarea } from '../../../ui';
import { categoryOptions } from '../labels';
import { actOn, type ActionInput, type StaffDetail } from './api';

type Action = ActionInput['action'];
/** The order the steps are offered in: the decree's order, then the desk's moderation. */
const ORDER: Action[] = ['classify', 'forward', 'assign', 'note', 'answer', 'archive', 'moderate', 'merge', 'reject'];
export const actionLabelKey = (a: string) => `fbs.action.${a}` as MessageKey;

interface Fields {
  category: string;
  departmentId: string;
  assigneeId: string;
  note: string;
  template: string;
  answer: string;
  reason: string;
  into: string;
  publicDescription: string;
  hidePhotos: string[];
}

const fieldsOf = (r: StaffDetail): Fields => ({
  category: r.category,
  departmentId: r.departmentId ?? r.suggestedDepartment ?? '',
  assigneeId: '',
  note: '',
  template: '',
  answer: r.answer ?? '',
  reason: '',
  into: '',
  publicDescription: r.description,
  hidePhotos: [],
});

/** The request of a step from what was typed (the server validates it again with the same contract). */
function bodyOf(action: Action, f: Fields, version: number, original: StaffDetail): ActionInput {
  switch (action) {
    case 'classify':
      return { action, version, category: f.category as FeedbackCategory, note: f.note };
    case 'forward':
      return { action, version, departmentId: f.departmentId, note: f.note };
    case 'assign':
      return { action, version, assigneeId: f.assigneeId, note: f.note };
    case 'note':
      return { action, version, note: f.note };
    case 'answer':
      return { action, version, answer: f.answer };
    case 'archive':
      return { action, version, note: f.note };
    case 'reject':
      return { action, version, reason: f.reason };
    case 'merge':
      return { action, version, into: f.into.trim().toUpperCase(), note: f.note };
    case 'moderate':
      return {
        action,
        version,
        reason: f.reason,
        ...(f.publicDescription.trim() !== original.description ? { publicDescription: f.publicDescription } : {}),
        hidePhotos: f.hidePhotos,
      };
  }
}

/**
 * The steps the official may take now (`allowedActions`, from the status table and the policy):
 * one radio per step, its fields, one button. The answer is the report as it now is.
 */
export function ActionPanel({ report, onDone }: { report: StaffDetail; onDone: (r: StaffDetail, label: string) => void }) {
  const { t, lang } = useT();
  const allowed = ORDER.filter((a) => report.allowedActions.includes(a));
  const [action, setAction] = useState<Action | ''>('');
  const [f, setF] = useState<Fields>(() => fieldsOf(report));
  const [fail, setFail] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<Fields>) => setF((x) => ({ ...x, ...patch }));
  if (allowed.length === 0) return <p>{t('fbs.act.none')}</p>;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action) return;
    setPending(true);
    setFail(null);
    try {
      const next = await actOn(report.code, bodyOf(action, f, report.version, report));
      setF(fieldsOf(next));
      setAction('');
      onDone(next, t(actionLabelKey(action)));
    } catch (err) {
      setFail(toApiError(err));
    } finally {
      setPending(false);
    }
  };
  const staffFor = report.staff.filter((s) => !report.departmentId || s.departmentId === report.departmentId);
  const deptName = (id: string | null) => report.departments.find((d) => d.id === id)?.name;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      {fail && <ErrorSummary errors={[{ target: 'fbs-action', text: fail.message }]} />}
      <Radios
        id="fbs-action"
        legend={t('fbs.act.choose')}
        value={action}
        onChange={(v) => setAction(v as Action)}
        options={allowed.map((a) => ({ value: a, label: t(actionLabelKey(a)) }))}
      />
      {action === 'classify' && <Select id="fbs-f-category" label={t('fbs.f.category')} value={f.category} onChange={(v) => set({ category: v })} options={categoryOptions(lang).filter((o) => (CATEGORY_CODES as readonly string[]).includes(o.value))} />}
      {action === 'forward' && (
        <Select
          id="fbs-f-department"
          label={t('fbs.f.department')}
          hint={report.suggestedDepartment ? t('fbs.facts.suggested', { name: deptName(report.suggestedDepartment) ?? '' }) : undefined}
          value={f.departmentId}
          onChange={(v) => set({ departmentId: v })}
          placeholder={t('fb.choose')}
          options={report.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      )}
      {action === 'assign' && (
        <Select id="fbs-f-assignee" label={t('fbs.f.assignee')} value={f.assigneeId} onChange={(v) => set({ assigneeId: v })} placeholder={t('fb.choose')} options={staffFor.map((s) => ({ value: s.id, label: s.name }))} />
      )}
      {(action === 'classify' || action === 'forward' || action === 'assign' || action === 'merge') && (
        <Textarea id="fbs-f-note" label={t('fbs.f.noteInternal')} value={f.note} onChange={(v) => set({ note: v })} rows={2} />
      )}
      {action === 'archive' && <Textarea id="fbs-f-note" label={t('fbs.f.notePublic')} value={f.note} onChange={(v) => set({ note: v })} rows={2} />}
      {action === 'note' && <Textarea id="fbs-f-note" label={t('fbs.f.note')} value={f.note} onChange={(v) => set({ note: v })} rows={3} />}
      {action === 'answer' && (
        <>
          <Select
            id="fbs-f-template"
            label={t('fbs.f.template')}
            hint={t('fbs.f.templateHint')}
            value={f.template}
            onChange={(v) => set({ template: v, answer: report.templates.find((x) => x.id === v)?.text ?? f.answer })}
            options={[{ value: '', label: t('fbs.f.templateNone') }, ...report.templates.map((x) => ({ value: x.id, label: x.text.length > 70 ? `${x.text.slice(0, 70)}…` : x.text }))]}
          />
          <Textarea id="fbs-f-answer" label={t('fbs.f.answer')} hint={t('fbs.f.answerHint')} value={f.answer} onChange={(v) => set({ answer: v })} rows={5} />
        </>
      )}
      {action === 'reject' && <Textarea id="fbs-f-reason" label={t('fbs.f.rejectReason')} hint={t('fbs.f.rejectHint')} value={f.reason} onChange={(v) => set({ reason: v })} rows={3} />}
      {action === 'merge' && <TextInput id="fbs-f-into" label={t('fbs.f.into')} hint={t('fbs.f.intoHint')} width="w20" value={f.into} onChange={(v) => set({ into: v })} />}
      {action === 'moderate' && (
        <>
          <Textarea id="fbs-f-reason" label={t('fbs.f.moderateReason')} hint={t('fbs.f.moderateHint')} value={f.reason} onChange={(v) => set({ reason: v })} rows={2} />
          <Textarea id="fbs-f-public" label={t('fbs.f.publicDescription')} hint={t('fbs.f.publicDescriptionHint')} value={f.publicDescription} onChange={(v) => set({ publicDescription: v })} rows={4} />
          {report.allPhotos.some((p) => !p.hidden) && (
            <Checkboxes
              id="fbs-f-photos"
              legend={t('fbs.f.hidePhotos')}
              value={f.hidePhotos}
              onChange={(v) => set({ hidePhotos: v })}
              options={report.allPhotos.map((p, i) => ({ value: p.id, label: t('fbs.f.photoN', { n: i + 1 }) })).filter((o) => !report.allPhotos.find((p) => p.id === o.value)?.hidden)}
            />
          )}
        </>
      )}
      {action && (
        <Button type="submit" pending={pending}>
          {t('fbs.act.submit')}
        </Button>
      )}
    </form>
  );
}
