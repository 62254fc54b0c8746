import { useEffect, useRef, type MouseEvent } from 'react';
import { useT } from '../i18n';
import { Link } from '../router';

export interface FormError {
  /** The id of the field in error (`#id`), or a full link (`/nop-ho-so/x?buoc=2#ho-ten`). */
  target: string;
  text: string;
}

function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  // Scroll the label/legend into view too, not just the input.
  const group = el.closest('.form-group') ?? el;
  group.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

/**
 * The list of problems at the top of a form. It takes focus whenever `focusKey` changes (pass a
 * counter incremented on each failed submit) so screen-reader users hear what went wrong, and
 * each entry links to its field.
 */
export function ErrorSummary({ errors, focusKey, title }: { errors: FormError[]; focusKey?: number; title?: string }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length) ref.current?.focus();
    // Only a new submit attempt moves focus, not every keystroke that changes the list.
  }, [focusKey]);

  if (!errors.length) return null;
  const onClick = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (focusField(id)) e.preventDefault();
  };
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {title ?? t('common.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((err) => (
          <li key={`${err.target}:${err.text}`}>
            {err.target.startsWith('/') ? (
              <Link to={err.target}>{err.text}</Link>
            ) : (
              <a href={`#${err.target}`} onClick={(e) => onClick(e, err.target)}>
                {err.text}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
