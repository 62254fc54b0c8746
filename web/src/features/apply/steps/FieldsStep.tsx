import type { FormEvent } from 'react';
import { pick, useT } from '../../../i18n';
import type { FormField, Procedure } from '../../../api/types';
import { Button, Select, TextInput, Textarea } from '../../../ui';
import { fieldId } from '../validate';

function FieldInput({ field, value, error, onChange }: { field: FormField; value: string; error: string | null; onChange: (v: string) => void }) {
  const { t, lang } = useT();
  const common = {
    id: fieldId(field.key),
    label: pick(lang, field.label, field.labelEn),
    hint: pick(lang, field.hint ?? '', field.hintEn) || undefined,
    optional: !field.required,
    error,
    value,
    onChange,
  };
  switch (field.type) {
    case 'textarea':
      return <Textarea {...common} maxLength={field.maxLength} />;
    case 'select':
      return (
        <Select
          {...common}
          placeholder={t('apply.fields.choose')}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: pick(lang, o.label, o.labelEn) }))}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" width="w10" />;
    case 'number':
      return <TextInput {...common} inputMode="decimal" width="w10" />;
    case 'cccd':
      return <TextInput {...common} inputMode="numeric" autoComplete="off" width="w20" spellCheck={false} />;
    case 'phone':
      return <TextInput {...common} type="tel" autoComplete="tel" width="w20" />;
    case 'email':
      return <TextInput {...common} type="email" autoComplete="email" spellCheck={false} />;
    default:
      return <TextInput {...common} maxLength={field.maxLength} />;
  }
}

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
      <h2 className="mt-0">{t('apply.fields.title')}</h2>
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
