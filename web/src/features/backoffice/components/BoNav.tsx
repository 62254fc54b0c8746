import { useT } from '../../../i18n';
import { Link, useLocation } from '../../../router';
import type { Capability, User } from '../../../api/types';
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

/** The back office's own menu: queues, and desk reception and administration for whom the policy allows them. */
export function BoNav({ user }: { user: User }) {
  const { t } = useT();
  const roleNames = user.roles.map((r) => t(`bo.role.${r}`)).join(', ');
  const may = (c: Capability) => user.capabilities.includes(c);
  return (
    <div className="bo-bar">
      <nav aria-label={t('bo.nav.label')}>
        <ul className="bo-bar__list">
          <Item to={boHref.queues()} label={t('bo.nav.queues')} exact />
          {may('dossier.file_at_desk') && <Item to={boHref.reception()} label={t('bo.nav.reception')} />}
          {may('citizen.verify_sign_up') && <Item to={boHref.signUps()} label={t('bo.nav.signUps')} />}
          {may('catalogue.edit') && <Item to={boHref.procedures()} label={t('bo.nav.procedures')} />}
          {may('catalogue.review') && <Item to={boHref.toConfirm()} label={t('bo.nav.toConfirm')} />}
          {may('calendar.edit') && <Item to={boHref.calendar()} label={t('bo.nav.calendar')} />}
          {may('users.manage') && <Item to={boHref.users()} label={t('bo.nav.users')} />}
          {may('certification.perform') && <Item to={boHref.certify()} label={t('bo.nav.certify')} />}
          {may('dossier.register') && <Item to={boHref.register()} label={t('bo.nav.register')} />}
          {may('forms.edit') && <Item to={boHref.formTemplates()} label={t('bo.nav.templates')} />}
          {may('notification_templates.edit') && <Item to={boHref.notices()} label={t('bo.nav.notices')} />}
          {may('interop.manage') && <Item to={boHref.interop()} label={t('bo.nav.interop')} />}
          {may('indicators.read') && <Item to={boHref.indicators()} label={t('bo.nav.indicators')} />}
          {may('indicators.rule_edit') && <Item to={boHref.indicatorRule()} label={t('bo.nav.rule')} />}
          {may('training.manage') && <Item to={boHref.training()} label={t('bo.nav.training')} />}
          {may('projects.list') && <Item to={boHref.projects()} label={t('bo.nav.projects')} />}
          {may('feedback.queue') && <Item to={boHref.feedback()} label={t('fbs.nav.queue')} />}
          {may('open311.keys') && <Item to={boHref.open311Keys()} label={t('fbs.nav.keys')} />}
          {may('feedback.settings') && <Item to={boHref.feedbackSettings()} label={t('fbs.nav.settings')} />}
          {may('feedback.settings') && <Item to={boHref.feedbackAreas()} label={t('fbs.nav.areas')} />}
        </ul>
      </nav>
      <p className="bo-bar__who small">
        {t('bo.nav.who', { name: user.fullName, roles: roleNames })}
        {user.department && <> · {user.department.name}</>}
      </p>
    </div>
  );
}
