import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, Hint, OptionalMark } from './Field';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoicesBaseProps {
  /** The first input gets this id (ErrorSummary links to it); the others `${id}-<n>`. */
  id: string;
  name?: string;
  legend: ReactNode;
  legendAsHeading?: boolean;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  options: ChoiceOption[];
  inline?: boolean;
}

function Group({ id, legend, legendAsHeading, hint, error, optional, inline, children }: Omit<ChoicesBaseProps, 'options'> & { children: ReactNode }) {
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className={legendAsHeading ? 'legend legend--l' : 'legend'}>
          {legendAsHeading ? (
            <h1 className="mb-0">{legend}</h1>
          ) : (
            <>
              {legend}
              {optional && <OptionalMark />}
            </>
          )}
        </legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
        <div className={inline ? 'choices--inline' : undefined}>{children}</div>
      </fieldset>
    </div>
  );
}

function optionId(id: string, i: number): string {
  return i === 0 ? id : `${id}-${i + 1}`;
}

function Choice({ type, id, name, option, checked, onChange }: {
  type: 'radio' | 'checkbox';
  id: string;
  name: string;
  option: ChoiceOption;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="choice">
      <input
        type={type}
        id={id}
        name={name}
        value={option.value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={option.hint ? `${id}-hint` : undefined}
      />
      <div>
        <label htmlFor={id}>{option.label}</label>
        {option.hint && <Hint id={id}>{option.hint}</Hint>}
      </div>
    </div>
  );
}

export interface RadiosProps extends ChoicesBaseProps {
  value: string;
  onChange: (value: string) => void;
}

/** One choice among a few; arrow keys move between options (native radios). */
export function Radios({ value, onChange, options, name, ...group }: RadiosProps) {
  return (
    <Group {...group}>
      {options.map((o, i) => (
        <Choice
          key={o.value}
          type="radio"
          id={optionId(group.id, i)}
          name={name ?? group.id}
          option={o}
          checked={value === o.value}
          onChange={(c) => c && onChange(o.value)}
        />
      ))}
    </Group>
  );
}

export interface CheckboxesProps extends ChoicesBaseProps {
  value: string[];
  onChange: (value: string[]) => void;
}

export function Checkboxes({ value, onChange, options, name, ...group }: CheckboxesProps) {
  return (
    <Group {...group}>
      {options.map((o, i) => (
        <Choice
          key={o.value}
          type="checkbox"
          id={optionId(group.id, i)}
          name={name ?? group.id}
          option={o}
          checked={value.includes(o.value)}
          onChange={(c) => onChange(c ? [...value, o.value] : value.filter((v) => v !== o.value))}
        />
      ))}
    </Group>
  );
}
