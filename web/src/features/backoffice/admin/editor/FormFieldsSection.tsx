import { useT } from '../../../../i18n';
import { Button, Checkboxes, Select, TextInput, Textarea, type FormError } from '../../../../ui';
import { focusSoon } from './focus';
import { ids, slug, uid, type FieldRow } from './procedureDef';

const TYPES = ['text', 'textarea', 'date', 'number', 'select', 'cccd', 'phone', 'email'] as const;

/** The application form's fields: label (Vietnamese and English), type, required, hint. */
export function FormFieldsSection({ rows, onChange, errors }: { rows: FieldRow[]; onChange: (rows: FieldRow[]) => void; errors: FormError[] }) {
  const { t } = useT();
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const patch = (u: string, p: Partial<FieldRow>) => onChange(rows.map((r) => (r.uid === u ? { ...r, ...p } : r)));
  const add = () => {
    const row: FieldRow = { uid: uid(), isNew: true, key: '', label: '', labelEn: '', type: 'text', required: true, hint: '', hintEn: '', options: '', maxLength: '' };
    onChange([...rows, row]);
    focusSoon(ids.fieldRow(row.uid, 'label'));
  };
  return (
    <section aria-labelledby="pe-fields" className="bo-section">
      <h2 id="pe-fields">{t('bo.pe.formFields')}</h2>
      {rows.length === 0 && <p className="secondary-text">{t('bo.pe.noFields')}</p>}
      {rows.map((f, i) => (
        <fieldset key={f.uid} className="bo-item">
          <legend className="legend">{t('bo.pe.formField', { n: i + 1 })}</legend>
          <div className="bo-form-grid">
            <TextInput
              id={ids.fieldRow(f.uid, 'label')}
              label={t('bo.pe.fieldLabel')}
              error={err(ids.fieldRow(f.uid, 'label'))}
              value={f.label}
              onChange={(v) => patch(f.uid, f.isNew ? { label: v, key: slug(v, '_') } : { label: v })}
            />
            <TextInput id={ids.fieldRow(f.uid, 'labelEn')} label={t('bo.pe.fieldLabelEn')} optional value={f.labelEn} onChange={(v) => patch(f.uid, { labelEn: v })} />
            <TextInput
              id={ids.fieldRow(f.uid, 'key')}
              label={t('bo.pe.fieldKey')}
              hint={f.isNew ? t('bo.pe.fieldKeyHint') : t('bo.pe.keyLocked')}
              error={err(ids.fieldRow(f.uid, 'key'))}
              value={f.key}
              readOnly={!f.isNew}
              spellCheck={false}
              onChange={(v) => patch(f.uid, { key: v })}
            />
            <Select
              id={ids.fieldRow(f.uid, 'type')}
              label={t('bo.pe.fieldType')}
              value={f.type}
              onChange={(v) => patch(f.uid, { type: v as FieldRow['type'] })}
              options={TYPES.map((x) => ({ value: x, label: t(`bo.pe.type.${x}`) }))}
            />
          </div>
          <Checkboxes
            id={ids.fieldRow(f.uid, 'required')}
            legend={t('bo.pe.fieldRequiredLegend', { n: i + 1 })}
            value={f.required ? ['yes'] : []}
            onChange={(v) => patch(f.uid, { required: v.includes('yes') })}
            options={[{ value: 'yes', label: t('bo.pe.fieldRequired') }]}
          />
          <div className="bo-form-grid">
            <TextInput id={ids.fieldRow(f.uid, 'hint')} label={t('bo.pe.fieldHint')} optional value={f.hint} onChange={(v) => patch(f.uid, { hint: v })} />
            <TextInput id={ids.fieldRow(f.uid, 'hintEn')} label={t('bo.pe.fieldHintEn')} optional value={f.hintEn} onChange={(v) => patch(f.uid, { hintEn: v })} />
          </div>
          {f.type === 'select' && (
            <Textarea
              id={ids.fieldRow(f.uid, 'options')}
              label={t('bo.pe.fieldOptions')}
              hint={t('bo.pe.fieldOptionsHint')}
              error={err(ids.fieldRow(f.uid, 'options'))}
              rows={3}
              value={f.options}
              onChange={(v) => patch(f.uid, { options: v })}
            />
          )}
          <Button variant="secondary" small onClick={() => onChange(rows.filter((r) => r.uid !== f.uid))}>
            {t('bo.pe.removeField', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={add}>
        {t('bo.pe.addField')}
      </Button>
    </section>
  );
}
