import type { FormEvent } from 'react';
import { useT } from '../../../i18n';
import type { Procedure } from '../../../api/types';
import { Button } from '../../../ui';
import { fieldId } from '../validate';
import { FieldInput } from '../../../ui/FieldInput';

/** Step 2: the procedure's own form, one input per field, each with its hint. */
export function FieldsStep({ procedure, values, errorFor, onChange, onContinue }: {
  procedure: Procedure;
  values: Record<string, string>;
  errorFor: (id: string) => string | null;
  onChange: (key: string, value: string) => void;
  onContinue: () => void;
}) {
  const { t } = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onContinue();
  };
  return (
    <form onSubmit={submit} noValidate>
      {procedure.formFields.length === 0 ? (
        <p>{t('apply.fields.none')}</p>
      ) : (
        procedure.formFields.map((f) => (
          <FieldInput key={f.key} field={f} value={values[f.key] ?? ''} error={errorFor(fieldId(f.key))} onChange={(v) => onChange(f.key, v)} />
        ))
      )}
      <Button type="submit">{t('apply.saveContinue')}</Button>
    </form>
  );
}
