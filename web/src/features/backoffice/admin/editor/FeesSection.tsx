import { useT } from '../../../../i18n';
import { Button, TextInput, type FormError } from '../../../../ui';
import { ids, uid, type FeeRow } from './procedureDef';
import { focusSoon } from './focus';

/** Fees and charges: name, amount in đồng (blank = to be confirmed), note. */
export function FeesSection({ rows, onChange, errors }: { rows: FeeRow[]; onChange: (rows: FeeRow[]) => void; errors: FormError[] }) {
  const { t } = useT();
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const patch = (u: string, p: Partial<FeeRow>) => onChange(rows.map((r) => (r.uid === u ? { ...r, ...p } : r)));
  return (
    <section aria-labelledby="pe-fees" className="bo-section">
      <h2 id="pe-fees">{t('bo.pe.fees')}</h2>
      {rows.length === 0 && <p className="secondary-text">{t('bo.pe.noFees')}</p>}
      {rows.map((f, i) => (
        <fieldset key={f.uid} className="bo-item">
          <legend className="legend">{t('bo.pe.fee', { n: i + 1 })}</legend>
          <div className="bo-form-grid">
            <TextInput id={ids.fee(f.uid, 'name')} label={t('bo.pe.feeName')} error={err(ids.fee(f.uid, 'name'))} value={f.name} onChange={(v) => patch(f.uid, { name: v })} />
            <TextInput
              id={ids.fee(f.uid, 'amount')}
              label={t('bo.pe.feeAmount')}
              hint={t('bo.pe.feeAmountHint')}
              inputMode="numeric"
              width="w10"
              error={err(ids.fee(f.uid, 'amount'))}
              value={f.amount}
              onChange={(v) => patch(f.uid, { amount: v })}
            />
            <TextInput id={ids.fee(f.uid, 'note')} label={t('bo.pe.note')} optional value={f.note} onChange={(v) => patch(f.uid, { note: v })} />
          </div>
          <Button variant="secondary" small onClick={() => onChange(rows.filter((r) => r.uid !== f.uid))}>
            {t('bo.pe.removeFee', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() => {
          const row = { uid: uid(), name: '', amount: '', note: '' };
          onChange([...rows, row]);
          focusSoon(ids.fee(row.uid, 'name'));
        }}
      >
        {t('bo.pe.addFee')}
      </Button>
    </section>
  );
}
