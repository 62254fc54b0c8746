import { useT } from '../../i18n';
import { Link, useLocation } from '../../router';
import { href } from '../../routes';

/** The four investment pages, one after another (the current one marked for screen readers). */
export function InvestNav() {
  const { t } = useT();
  const { pathname } = useLocation();
  const items = [
    [href('invest'), t('inv.nav.sites')],
    [href('investPlans'), t('inv.nav.plans')],
    [href('investProjects'), t('inv.nav.projects')],
    [href('investMine'), t('inv.nav.mine')],
  ] as const;
  return (
    <nav aria-label={t('inv.nav')} className="inv-nav">
      <ul>
        {items.map(([to, label]) => (
          <li key={to}>
            <Link to={to} aria-current={pathname === to ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
