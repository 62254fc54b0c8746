import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { Link, useNavigate, usePageTitle } from '../../router';
import { href } from '../../routes';
import { ward } from '../../config';
import { TrackForm } from '../tracking/TrackForm';
import { WaitingBanner } from '../notifications/WaitingBanner';

// The procedures people come to the ward for most (national codes, stable across versions).
const POPULAR = [
  { code: '1.001193', key: 'birth' },
  { code: '1.000894', key: 'marriage' },
  { code: '2.000815', key: 'certify' },
  { code: '1.001612', key: 'business' },
  { code: '1.004194', key: 'residence' },
] as const;

export function HomePage() {
  const { t, lang } = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  usePageTitle(null);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('procedures', {}, { q: q.trim() }));
  };

  return (
    <>
      <WaitingBanner />
      <div className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <form role="search" onSubmit={onSearch}>
          <label className="label" htmlFor="home-search">
            {t('home.searchLabel')}
          </label>
          <div className="search-row">
            <input id="home-search" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('home.searchPlaceholder')} />
            <button type="submit" className="btn">
              {t('common.search')}
            </button>
          </div>
        </form>
      </div>

      <div className="grid grid--two-thirds">
        <div>
          <h2 className="mt-0">{t('home.popular')}</h2>
          <ul className="tiles">
            {POPULAR.map((p) => (
              <li key={p.code}>
                <Link to={href('procedure', { code: p.code })} className="tile">
                  <h3>{t(`home.popular.${p.key}`)}</h3>
                  <p>{t(`home.popular.${p.key}.desc`)}</p>
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to={href('procedures')}>{t('home.allProcedures')}</Link>
          </p>

          <h2>{t('home.howTo')}</h2>
          <ol className="list-number">
            <li>{t('home.step1')}</li>
            <li>{t('home.step2')}</li>
            <li>{t('home.step3')}</li>
            <li>{t('home.step4')}</li>
          </ol>
          <p>{t('home.inPerson')}</p>
        </div>

        <aside aria-labelledby="home-track-title">
          <div className="track-box">
            <h2 id="home-track-title">{t('home.track')}</h2>
            <TrackForm idPrefix="home-track" />
          </div>
          <section aria-labelledby="home-contact-title">
            <h2 id="home-contact-title">{t('home.contact')}</h2>
            <p>
              <strong>{lang === 'en' ? ward.officeEn : ward.officeVi}</strong>
              <br />
              {ward.address ?? (lang === 'en' ? ward.nameEn : ward.nameVi)}
            </p>
            <p>
              {t('footer.days')}: {ward.hours.map((h) => `${h.from}–${h.to}`).join(', ')}
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}
