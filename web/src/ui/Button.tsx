import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from '../router';
import { Spinner } from './states';

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'link';

function classes(variant: ButtonVariant, extra?: string, start?: boolean, small?: boolean): string {
  return ['btn', variant !== 'primary' && `btn--${variant}`, start && 'btn--start', small && 'btn--small', extra]
    .filter(Boolean)
    .join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** The big call-to-action style ("Nộp hồ sơ trực tuyến"). */
  start?: boolean;
  small?: boolean;
  /** Shows a spinner and ignores clicks while a request runs (the label stays readable). */
  pending?: boolean;
  children: ReactNode;
}

/** A `<button>`; `type` defaults to "button" so it never submits a form by accident. */
export function Button({ variant = 'primary', start, small, pending, className, type = 'button', children, onClick, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={classes(variant, className, start, small)}
      aria-disabled={pending || undefined}
      onClick={pending ? (e) => e.preventDefault() : onClick}
      {...rest}
    >
      {pending && <Spinner small />}
      {children}
      {start && <span aria-hidden="true">→</span>}
    </button>
  );
}

export interface ButtonLinkProps extends LinkProps {
  variant?: Exclude<ButtonVariant, 'link'>;
  start?: boolean;
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant = 'primary', start, className, children, ...rest }: ButtonLinkProps) {
  return (
    <Link className={classes(variant, className, start)} {...rest}>
      {children}
      {start && <span aria-hidden="true">→</span>}
    </Link>
  );
}
