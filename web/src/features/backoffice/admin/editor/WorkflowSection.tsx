import { useT } from '../../../../i18n';
import { Button, ErrorMessage, Select, TextInput, type FormError } from '../../../../ui';
import { focusSoon } from './focus';
import { ids, slug, uid, type StepRow } from './procedureDef';

/** The workflow: steps in order, who handles each, and its share of the time limit (sums to 100 %). */
export function WorkflowSection({ rows, onChange, errors }: { rows: StepRow[]; onChange: (rows: StepRow[]) => void; errors: FormError[] }) {
  const { t } = useT();
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const patch = (u: string, p: Partial<StepRow>) => onChange(rows.map((r) => (r.uid === u ? { ...r, ...p } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    if (!row) return;
    next.splice(i + by, 0, row);
    onChange(next);
    focusSoon(`pe-step-${row.uid}-${by < 0 ? 'up' : 'down'}`, ids.step(row.uid, 'name'));
  };
  const add = () => {
    const row: StepRow = { uid: uid(), isNew: true, key: '', name: '', nameEn: '', role: 'specialist', share: '0' };
    onChange([...rows, row]);
    focusSoon(ids.step(row.uid, 'name'));
  };
  const total = rows.reduce((s, r) => s + (Number(r.share.replace(',', '.')) || 0), 0);
  const sharesError = err(ids.shares);
  return (
    <section aria-labelledby="pe-workflow" className="bo-section">
      <h2 id="pe-workflow">{t('bo.pe.workflow')}</h2>
      <p id={ids.shares} tabIndex={-1} className={Math.abs(total - 100) > 0.1 ? 'bo-warn' : 'secondary-text'} aria-live="polite">
        {t('bo.pe.sharesTotal', { total: String(Math.round(total * 10) / 10) })}
      </p>
      {sharesError && <ErrorMessage id={`${ids.shares}-msg`}>{sharesError}</ErrorMessage>}
      {rows.map((s, i) => (
        <fieldset key={s.uid} className="bo-item">
          <legend className="legend">{t('bo.pe.step', { n: i + 1 })}</legend>
          <div className="bo-form-grid">
            <TextInput
              id={ids.step(s.uid, 'name')}
              label={t('bo.pe.stepName')}
              error={err(ids.step(s.uid, 'name'))}
              value={s.name}
              onChange={(v) => patch(s.uid, s.isNew ? { name: v, key: slug(v, '_') } : { name: v })}
            />
            <TextInput id={ids.step(s.uid, 'nameEn')} label={t('bo.pe.stepNameEn')} optional value={s.nameEn} onChange={(v) => patch(s.uid, { nameEn: v })} />
            <TextInput
              id={ids.step(s.uid, 'key')}
              label={t('bo.pe.stepKey')}
              hint={s.isNew ? t('bo.pe.fieldKeyHint') : t('bo.pe.keyLocked')}
              error={err(ids.step(s.uid, 'key'))}
              value={s.key}
              readOnly={!s.isNew}
              spellCheck={false}
              onChange={(v) => patch(s.uid, { key: v })}
            />
            <Select
              id={ids.step(s.uid, 'role')}
              label={t('bo.pe.stepRole')}
              value={s.role}
              onChange={(v) => patch(s.uid, { role: v as StepRow['role'] })}
              options={(['reception', 'specialist', 'leader'] as const).map((r) => ({ value: r, label: t(`bo.role.${r}`) }))}
            />
            <TextInput id={ids.step(s.uid, 'share')} label={t('bo.pe.stepShare')} inputMode="decimal" width="w5" value={s.share} onChange={(v) => patch(s.uid, { share: v })} />
          </div>
          <div className="button-group">
            {i > 0 && (
              <Button id={`pe-step-${s.uid}-up`} variant="secondary" small onClick={() => move(i, -1)}>
                {t('bo.pe.moveUp', { n: i + 1 })}
              </Button>
            )}
            {i < rows.length - 1 && (
              <Button id={`pe-step-${s.uid}-down`} variant="secondary" small onClick={() => move(i, 1)}>
                {t('bo.pe.moveDown', { n: i + 1 })}
              </Button>
            )}
            <Button variant="secondary" small onClick={() => onChange(rows.filter((r) => r.uid !== s.uid))}>
              {t('bo.pe.removeStep', { n: i + 1 })}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={add}>
        {t('bo.pe.addStep')}
      </Button>
    </section>
  );
}
