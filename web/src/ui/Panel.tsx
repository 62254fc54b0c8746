import { useId, type ReactNode } from 'react';

/** The green confirmation panel at the top of a "done" page; its title is the page's h1. */
export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="panel">
      <h1 className="panel__title" tabIndex={-1}>
        {title}
      </h1>
      {children && <div className="panel__body">{children}</div>}
    </div>
  );
}

export function NotificationBanner({ title, heading, type = 'info', children }: {
  title: ReactNode;
  heading?: ReactNode;
  type?: 'info' | 'success' | 'warning';
  children?: ReactNode;
}) {
  const id = useId();
  // A success message is announced as it appears; other banners are labelled regions.
  const role = type === 'success' ? 'alert' : 'region';
  return (
    <div className={type === 'info' ? 'banner' : `banner banner--${type}`} role={role} aria-labelledby={`${id}-title`}>
      <h2 className="banner__title" id={`${id}-title`}>
        {title}
      </h2>
      <div className="banner__content">
        {heading && <p className="banner__heading">{heading}</p>}
        {children}
      </div>
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="inset">{children}</div>;
}

export function Details({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="details">
      <summary>{summary}</summary>
      <div className="details__text">{children}</div>
    </details>
  );
}
