import type { MouseEvent } from 'react';
import { useNavigate, type LinkProps } from '../../../router';

/**
 * A real link that, on a plain click, changes the URL without moving focus to the page heading:
 * for tabs and filters that update part of the page the user is working in.
 */
export function SoftLink({ to, onClick, children, ...rest }: LinkProps) {
  const navigate = useNavigate();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to, { focus: false });
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
