import { pick, useT } from '../i18n';
import type { FormField } from '../api/types';
import { DateInput } from './DateInput';
import { Select, TextInput, Textarea } from './inputs';

/**
 * One input for a procedure's form field, chosen by its type, with the label and hint in the
 * reader's language. `id` defaults to `field-<key>` (the error summary links there).
 * `forSomeoneElse` (an official typing for a citizen at the desk) turns browser autofill off.
 */
export function FieldInput({ field, value, error, onChange, id, label, forSomeoneElse = false }: {
  field: FormField;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
  id?: string;
  /** Overrides the field's own label (e.g. "New value for …"). */
  label?: string;
  forSomeoneElse?: boolean;
}) {
  const { t, lang } = useT();
  const common = {
    id: id ?? `field-${field.key}`,
    label: label ?? pick(lang, field.label, field.labelEn),
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
      return <DateInput id={common.id} legend={common.label} hint={common.hint} error={error} optional={common.optional} value={value} onChange={onChange} />;
    case 'number':
      return <TextInput {...common} inputMode="decimal" width="w10" />;
    case 'cccd':
      return <TextInput {...common} inputMode="numeric" autoComplete="off" width="w20" spellCheck={false} />;
    case 'phone':
      return <TextInput {...common} type="tel" autoComplete={forSomeoneElse ? 'off' : 'tel'} width="w20" />;
    case 'email':
      return <TextInput {...common} type="email" autoComplete={forSomeoneElse ? 'off' : 'email'} spellCheck={false} />;
    default:
      return <TextInput {...common} maxLength={field.maxLength} />;
  }
}
