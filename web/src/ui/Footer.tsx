import { useT } from '../i18n';
import { Link } from '../router';
import { href } from '../routes';
import { ward } from '../config';

/** Ward contact and office hours on every page. */
export function Footer() {
  const { t, lang } = useT();
  const pending = t('footer.pending');
  return (
    <footer className="footer">
      <div className="width-container footer__grid">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">{lang === 'en' ? ward.officeEn : ward.officeVi}</h2>
          <dl>
            <dt>{t('footer.address')}</dt>
            <dd>{ward.address ?? (lang === 'en' ? ward.nameEn : ward.nameVi)}</dd>
            <dt>{t('footer.phone')}</dt>
            <dd>{ward.phone ? <a href={`tel:${ward.phone.replace(/\s/g, '')}`}>{ward.phone}</a> : pending}</dd>
            <dt>{t('footer.email')}</dt>
            <dd>{ward.email ? <a href={`mailto:${ward.email}`}>{ward.email}</a> : pending}</dd>
          </dl>
        </section>
        <section aria-labelledby="footer-hours">
          <h2 id="footer-hours">{t('footer.hours')}</h2>
          <p className="mb-0">{t('footer.days')}</p>
          <p>{ward.hours.map((h) => `${h.from}–${h.to}`).join(', ')}</p>
          <p>{t('footer.holidays')}</p>
        </section>
        <section aria-labelledby="footer-links">
          <h2 id="footer-links">{t('footer.help')}</h2>
          <ul className="list-plain">
            <li>
              <Link to={href('procedures')}>{t('nav.procedures')}</Link>
            </li>
            <li>
              <Link to={href('track')}>{t('nav.track')}</Link>
            </li>
            <li>
              <Link to={href('transparency')}>{t('nav.transparency')}</Link>
            </li>
            <li>
              <Link to={href('feedback')}>{t('nav.feedback')}</Link>
            </li>
            <li>
              <Link to={href('invest')}>{t('nav.invest')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
          </ul>
          <p className="secondary-text">© {t('footer.owner')}</p>
        </section>
      </div>
    </footer>
  );
}
