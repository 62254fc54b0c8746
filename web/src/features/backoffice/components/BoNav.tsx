import { useT } from '../../../i18n';
import { Link, useLocation } from '../../../router';
import type { User } from '../../../api/types';
import { boHref } from '../paths';

function Item({ to, label, exact }: { to: string; label: string; exact?: boolean }) {
  const { pathname } = useLocation();
  const path = to.split('?')[0] ?? to;
  const current = exact ? pathname.replace(/\/+$/, '') === path : pathname === path || pathname.startsWith(`${path}/`);
  return (
    <li>
      <Link to={to} aria-current={current ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
}

/** The back office's own menu: queues and desk reception, and administration for unit admins. */
export function BoNav({ user }: { user: User }) {
  const { t } = useT();
  const roles = user.roles;
  const roleNames = roles.map((r) => t(`bo.role.${r}`)).join(', ');
  return (
    <div className="bo-bar">
      <nav aria-label={t('bo.nav.label')}>
        <ul className="bo-bar__list">
          <Item to={boHref.queues()} label={t('bo.nav.queues')} exact />
          {roles.includes('reception') && <Item to={boHref.reception()} label={t('bo.nav.reception')} />}
          {roles.includes('unit_admin') && (
            <>
              <Item to={boHref.procedures()} label={t('bo.nav.procedures')} />
              <Item to={boHref.calendar()} label={t('bo.nav.calendar')} />
              <Item to={boHref.users()} label={t('bo.nav.users')} />
            </>
          )}
        </ul>
      </nav>
      <p className="bo-bar__who small">
        {t('bo.nav.who', { name: user.fullName, roles: roleNames })}
        {user.department && <> · {user.department.name}</>}
      </p>
    </div>
  );
}
