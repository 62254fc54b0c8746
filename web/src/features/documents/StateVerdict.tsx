import type { ReactNode } from 'react';

/** A verdict box: a tick or a cross, a title, and the reasons; announced when it appears. */
export function Verdict({ ok, title, children, live = false }: { ok: boolean; title: ReactNode; children?: ReactNode; live?: boolean }) {
  return (
    <div className={ok ? 'verdict' : 'verdict verdict--bad'} role={live ? 'status' : undefined}>
      <span className="verdict__mark" aria-hidden="true">
        {ok ? '✓' : '✗'}
      </span>
      <div className="verdict__body">
        <p className="verdict__title">{title}</p>
        {children}
      </div>
    </div>
  );
}
