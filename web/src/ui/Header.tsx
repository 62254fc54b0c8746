import { useState } from 'react';
import { useT, type Lang } from '../i18n';
import { Link, useLocation, useNavigate } from '../router';
import { useSession } from '../api/session';
import { href } from '../routes';
import { ward } from '../config';

function LanguageSwitch() {
  const { lang, setLang, t } = useT();
  const options: { value: Lang; short: string; name: string }[] = [
    { value: 'vi', short: 'VI', name: 'Tiếng Việt' },
    { value: 'en', short: 'EN', name: 'English' },
  ];
  return (
    <ul className="lang-switch" aria-label={t('header.language')}>
      {options.map((o) => (
        <li key={o.value}>
          <button type="button" lang={o.value} aria-pressed={lang === o.value} aria-label={o.name} onClick={() => setLang(o.value)}>
            {o.short}
          </button>
        </li>
      ))}
    </ul>
  );
}

function NavLink({ to, children, badge }: { to: string; children: string; badge?: { count: number; label: string } }) {
  const { pathname } = useLocation();
  const current = to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
      {badge && badge.count > 0 && (
        <>
          {' '}
          <span className="badge" aria-hidden="true">
            {badge.count > 99 ? '99+' : badge.count}
          </span>
          <span className="visually-hidden">({badge.label})</span>
        </>
      )}
    </Link>
  );
}

/** Service name, language switch, main navigation (with the citizen's unread notices) and the signed-in user. */
export function Header({ unread = 0 }: { unread?: number }) {
  const { t, lang } = useT();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const [signOutFailed, setSignOutFailed] = useState(false);

  const onSignOut = async () => {
    try {
      await signOut();
      setSignOutFailed(false);
      navigate(href('home'));
    } catch {
      setSignOutFailed(true);
    }
  };

  return (
    <header className="header">
      <div className="width-container header__top">
        <Link to={href('home')} className="header__brand">
          <span className="header__service">{ward.serviceName}</span>
          <span className="header__org">{lang === 'en' ? ward.nameEn : ward.nameVi}</span>
        </Link>
        <LanguageSwitch />
      </div>
      <nav className="nav" aria-label={t('header.nav')}>
        <div className="width-container">
          <ul className="nav__list">
            <li>
              <NavLink to={href('procedures')}>{t('nav.procedures')}</NavLink>
            </li>
            <li>
              <NavLink to={href('track')}>{t('nav.track')}</NavLink>
            </li>
            {user && user.kind !== 'staff' && (
              <li>
                <NavLink to={href('myDossiers')} badge={{ count: unread, label: t('nav.unread', { count: unread }) }}>
                  {t('nav.myDossiers')}
                </NavLink>
              </li>
            )}
            {user && user.kind !== 'staff' && (
              <li>
                <NavLink to={href('myDocuments')}>{t('nav.myDocuments')}</NavLink>
              </li>
            )}
            {user?.kind === 'staff' && (
              <li>
                <NavLink to={href('backoffice')}>{t('nav.backoffice')}</NavLink>
              </li>
            )}
            <li className="nav__user">
              {user ? (
                <>
                  <span>
                    <span className="visually-hidden">{t('header.signedInAs')} </span>
                    {user.fullName}
                  </span>
                  <NavLink to={href('account')}>{t('account.link')}</NavLink>
                  <button type="button" className="btn--link" onClick={() => void onSignOut()}>
                    {t('nav.signOut')}
                  </button>
                  {signOutFailed && <span role="alert">{t('header.signOutFailed')}</span>}
                </>
              ) : (
                <NavLink to={href('signIn')}>{t('nav.signIn')}</NavLink>
              )}
            </li>
          </ul>
        </div>
      </nav>
    </header>
  );
}
