import { useT } from '../../../../i18n';
import { Checkboxes, Select, TextInput, Textarea, type FormError } from '../../../../ui';
import { ids, type EditorState } from './procedureDef';

type Patch = (p: Partial<EditorState>) => void;
const errOf = (errors: FormError[], id: string) => errors.find((e) => e.target === id)?.text ?? null;

/** Name, field, applicant, result, online level and the time limit. */
export function GeneralSection({ s, set, errors }: { s: EditorState; set: Patch; errors: FormError[] }) {
  const { t } = useT();
  const err = (id: string) => errOf(errors, id);
  return (
    <>
      <section aria-labelledby="pe-general" className="bo-section">
        <h2 id="pe-general">{t('bo.pe.general')}</h2>
        <div className="bo-form-grid">
          <TextInput id={ids.name} label={t('bo.pe.name')} error={err(ids.name)} value={s.name} onChange={(v) => set({ name: v })} />
          <TextInput id="pe-name-en" label={t('bo.pe.nameEn')} optional value={s.nameEn} onChange={(v) => set({ nameEn: v })} />
          <TextInput id={ids.field} label={t('bo.pe.field')} error={err(ids.field)} value={s.field} onChange={(v) => set({ field: v })} />
          <Select
            id="pe-applicant"
            label={t('bo.pe.applicant')}
            value={s.applicant}
            onChange={(v) => set({ applicant: v as EditorState['applicant'] })}
            options={(['citizen', 'business', 'both'] as const).map((a) => ({ value: a, label: t(`bo.pe.applicant.${a}`) }))}
          />
          <TextInput id={ids.result} label={t('bo.pe.result')} error={err(ids.result)} value={s.result} onChange={(v) => set({ result: v })} />
          <Select
            id="pe-online"
            label={t('bo.pe.online')}
            value={s.onlineLevel}
            onChange={(v) => set({ onlineLevel: v as EditorState['onlineLevel'] })}
            options={[
              { value: 'full', label: t('bo.pe.online.full') },
              { value: 'partial', label: t('bo.pe.online.partial') },
              { value: '', label: t('bo.pe.online.unknown') },
            ]}
          />
        </div>
        <Textarea id="pe-online-reason" label={t('bo.pe.onlineReason')} optional rows={2} value={s.onlineReason} onChange={(v) => set({ onlineReason: v })} />
        <Textarea id="pe-legal" label={t('bo.pe.legalBasis')} hint={t('bo.pe.onePerLine')} optional rows={3} value={s.legalBasis} onChange={(v) => set({ legalBasis: v })} />
        <Select
          id="pe-confidence"
          label={t('bo.pe.confidence')}
          value={s.confidence}
          onChange={(v) => set({ confidence: v })}
          options={(['high', 'medium', 'low'] as const).map((c) => ({ value: c, label: t(`bo.pe.confidence.${c}`) }))}
        />
        <Textarea id={ids.source} label={t('bo.pe.source')} error={err(ids.source)} rows={2} value={s.source} onChange={(v) => set({ source: v })} />
        <Textarea id="pe-notes" label={t('bo.pe.notes')} optional rows={2} value={s.notes} onChange={(v) => set({ notes: v })} />
        <Textarea id="pe-tbc" label={t('bo.pe.toBeConfirmed')} hint={t('bo.pe.onePerLine')} optional rows={2} value={s.toBeConfirmed} onChange={(v) => set({ toBeConfirmed: v })} />
      </section>
      <section aria-labelledby="pe-time" className="bo-section">
        <h2 id="pe-time">{t('bo.pe.timeLimit')}</h2>
        <div className="bo-inline-fields">
          <TextInput id={ids.tlAmount} label={t('bo.pe.tlAmount')} inputMode="decimal" width="w5" error={err(ids.tlAmount)} value={s.tlAmount} onChange={(v) => set({ tlAmount: v })} />
          <Select
            id={ids.tlUnit}
            label={t('bo.pe.tlUnit')}
            placeholder={t('bo.pe.tlUnit.none')}
            error={err(ids.tlUnit)}
            value={s.tlUnit}
            onChange={(v) => set({ tlUnit: v as EditorState['tlUnit'] })}
            options={(['working_days', 'working_hours', 'calendar_days', 'same_day'] as const).map((u) => ({ value: u, label: t(`bo.pe.tlUnit.${u}`) }))}
          />
        </div>
        <Textarea id="pe-tl-note" label={t('bo.pe.tlNote')} optional rows={2} value={s.tlNote} onChange={(v) => set({ tlNote: v })} />
        <Checkboxes
          id="pe-tl-tbc"
          legend={t('bo.pe.tlConfirm')}
          value={s.tlToBeConfirmed ? ['yes'] : []}
          onChange={(v) => set({ tlToBeConfirmed: v.includes('yes') })}
          options={[{ value: 'yes', label: t('bo.pe.tlToBeConfirmed') }]}
        />
      </section>
    </>
  );
}
