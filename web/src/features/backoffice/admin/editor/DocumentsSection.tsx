import { useT } from '../../../../i18n';
import { Button, Select, TextInput, type FormError } from '../../../../ui';
import { focusSoon } from './focus';
import { ids, slug, uid, type DocRow } from './procedureDef';

/** The documents to file: name, kind, required (yes/no/to be confirmed), copies. */
export function DocumentsSection({ rows, onChange, errors }: { rows: DocRow[]; onChange: (rows: DocRow[]) => void; errors: FormError[] }) {
  const { t } = useT();
  const err = (id: string) => errors.find((e) => e.target === id)?.text ?? null;
  const patch = (u: string, p: Partial<DocRow>) => onChange(rows.map((r) => (r.uid === u ? { ...r, ...p } : r)));
  const add = () => {
    const row: DocRow = { uid: uid(), isNew: true, id: '', name: '', kind: 'copy', required: 'true', copies: '1', formUrl: '', note: '' };
    onChange([...rows, row]);
    focusSoon(ids.doc(row.uid, 'name'));
  };
  return (
    <section aria-labelledby="pe-docs" className="bo-section">
      <h2 id="pe-docs">{t('bo.pe.documents')}</h2>
      {rows.length === 0 && <p className="secondary-text">{t('bo.pe.noDocuments')}</p>}
      {rows.map((d, i) => (
        <fieldset key={d.uid} className="bo-item">
          <legend className="legend">{t('bo.pe.document', { n: i + 1 })}</legend>
          <TextInput
            id={ids.doc(d.uid, 'name')}
            label={t('bo.pe.docName')}
            error={err(ids.doc(d.uid, 'name'))}
            value={d.name}
            onChange={(v) => patch(d.uid, d.isNew ? { name: v, id: slug(v, '-') } : { name: v })}
          />
          <div className="bo-form-grid">
            <TextInput
              id={ids.doc(d.uid, 'id')}
              label={t('bo.pe.docId')}
              hint={d.isNew ? t('bo.pe.docIdHint') : t('bo.pe.keyLocked')}
              error={err(ids.doc(d.uid, 'id'))}
              value={d.id}
              readOnly={!d.isNew}
              spellCheck={false}
              onChange={(v) => patch(d.uid, { id: v })}
            />
            <Select
              id={ids.doc(d.uid, 'kind')}
              label={t('bo.pe.docKind')}
              value={d.kind}
              onChange={(v) => patch(d.uid, { kind: v as DocRow['kind'] })}
              options={(['original', 'certified_copy', 'copy', 'form'] as const).map((k) => ({ value: k, label: t(`bo.docKind.${k}`) }))}
            />
            <Select
              id={ids.doc(d.uid, 'required')}
              label={t('bo.pe.docRequired')}
              value={d.required}
              onChange={(v) => patch(d.uid, { required: v as DocRow['required'] })}
              options={[
                { value: 'true', label: t('bo.desk.docRequired') },
                { value: 'false', label: t('bo.desk.docOptional') },
                { value: 'null', label: t('bo.desk.docToConfirm') },
              ]}
            />
            <TextInput id={ids.doc(d.uid, 'copies')} label={t('bo.pe.docCopies')} inputMode="numeric" width="w5" value={d.copies} onChange={(v) => patch(d.uid, { copies: v })} />
          </div>
          <Button variant="secondary" small onClick={() => onChange(rows.filter((r) => r.uid !== d.uid))}>
            {t('bo.pe.removeDocument', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button variant="secondary" onClick={add}>
        {t('bo.pe.addDocument')}
      </Button>
    </section>
  );
}
