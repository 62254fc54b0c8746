import { pick, useT } from '../../../i18n';
import type { Dossier, Procedure } from '../../../api/types';
import { SummaryList, type SummaryRow } from '../../../ui';
import { formValueText } from './labels';

/** The form answers, labelled from the procedure version the dossier was filed under. */
export function FormDataList({ dossier: d, procedure }: { dossier: Dossier; procedure: Procedure | undefined }) {
  const { t, lang } = useT();
  const data = d.formData ?? {};
  const known = procedure?.formFields ?? [];
  const rows: SummaryRow[] = known.map((f) => ({ key: pick(lang, f.label, f.labelEn), value: formValueText(procedure, f.key, data[f.key], lang) }));
  for (const [key, value] of Object.entries(data)) {
    if (!known.some((f) => f.key === key)) rows.push({ key, value: formValueText(procedure, key, value, lang) });
  }
  if (rows.length === 0) return <p className="secondary-text">{t('bo.form.empty')}</p>;
  return <SummaryList rows={rows} />;
}
