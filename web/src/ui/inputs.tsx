import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { describedBy, Field, type FieldBaseProps } from './Field';

type Width = 'full' | 'w20' | 'w10' | 'w5';

export interface TextInputProps
  extends FieldBaseProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'width'> {
  value: string;
  onChange: (value: string) => void;
  width?: Width;
}

/** A labelled text input; hint and error are wired through aria-describedby. */
export function TextInput({ id, label, hint, error, optional, labelAsHeading, value, onChange, width = 'full', className, ...rest }: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional} labelAsHeading={labelAsHeading}>
      <input
        id={id}
        name={rest.name ?? id}
        className={['input', width !== 'full' && `input--${width}`, error && 'input--error', className].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </Field>
  );
}

export interface TextareaProps
  extends FieldBaseProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

export function Textarea({ id, label, hint, error, optional, labelAsHeading, value, onChange, rows = 5, ...rest }: TextareaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional} labelAsHeading={labelAsHeading}>
      <textarea
        id={id}
        name={rest.name ?? id}
        className={error ? 'textarea textarea--error' : 'textarea'}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps
  extends FieldBaseProps,
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  options: SelectOption[];
  /** A first, empty choice ("Tất cả", "Chọn…"). */
  placeholder?: string;
}

export function Select({ id, label, hint, error, optional, value, onChange, options, placeholder, ...rest }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      <select
        id={id}
        name={rest.name ?? id}
        className={error ? 'select select--error' : 'select'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
