import type { ReactNode } from 'react';
import { useT } from '../i18n';

export interface FieldBaseProps {
  /** The control's id; ErrorSummary links point at `#id`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Shows "(không bắt buộc)" after the label; required is the default, as on GOV.UK. */
  optional?: boolean;
  /** Renders the label as the page heading (one-question pages). */
  labelAsHeading?: boolean;
}

/** The ids a control must list in `aria-describedby` for its hint and error to be read. */
export function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function OptionalMark() {
  const { t } = useT();
  return <span className="label__optional"> ({t('common.optional')})</span>;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={`${id}-hint`} className="hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useT();
  return (
    <p id={`${id}-error`} className="error-message">
      <span className="visually-hidden">{t('common.errorPrefix')}: </span>
      {children}
    </p>
  );
}

/** Label, hint and error around one control, in the order a screen reader should meet them. */
export function Field({ id, label, hint, error, optional, labelAsHeading, children }: FieldBaseProps & { children: ReactNode }) {
  const labelEl = (
    <label className={labelAsHeading ? 'label label--l' : 'label'} htmlFor={id}>
      {label}
      {optional && <OptionalMark />}
    </label>
  );
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      {labelAsHeading ? <h1 className="mb-0">{labelEl}</h1> : labelEl}
      {hint && <Hint id={id}>{hint}</Hint>}
      {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
      {children}
    </div>
  );
}
