import { pick, useT } from '../../../i18n';
import type { FormField } from '../../../api/types';
import { Select, TextInput, Textarea } from '../../../ui';

/** One input for a procedure's form field, chosen by its type, labelled in the reader's language. */
export function FieldInput({ id, field, value, error, onChange }: {
  id: string;
  field: FormField;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  const { t, lang } = useT();
  const common = {
    id,
    label: pick(lang, field.label, field.labelEn),
    hint: pick(lang, field.hint ?? '', field.hintEn) || undefined,
    optional: !field.required,
    error,
    value,
    onChange,
  };
  switch (field.type) {
    case 'textarea':
      return <Textarea {...common} rows={3} maxLength={field.maxLength} />;
    case 'select':
      return (
        <Select {...common} placeholder={t('bo.choose')} options={(field.options ?? []).map((o) => ({ value: o.value, label: pick(lang, o.label, o.labelEn) }))} />
      );
    case 'date':
      return <TextInput {...common} type="date" width="w10" />;
    case 'number':
      return <TextInput {...common} inputMode="decimal" width="w10" />;
    case 'cccd':
      return <TextInput {...common} inputMode="numeric" autoComplete="off" width="w20" spellCheck={false} />;
    case 'phone':
      return <TextInput {...common} type="tel" autoComplete="off" width="w20" />;
    case 'email':
      return <TextInput {...common} type="email" autoComplete="off" spellCheck={false} />;
    default:
      return <TextInput {...common} autoComplete="off" maxLength={field.maxLength} />;
  }
}
