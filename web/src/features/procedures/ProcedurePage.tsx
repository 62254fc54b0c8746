import { useT, pick } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { usePageTitle } from '../../router';
import { href } from '../../routes';
import { useApi } from '../../api/useApi';
import type { Procedure } from '../../api/types';
import { Breadcrumbs, ButtonLink, ErrorState, Loading, NotificationBanner, SummaryList } from '../../ui';
import { ward } from '../../config';
import { procedureApi } from './api';
import { applicantText, OnlineLevelTag, timeLimitText } from './labels';
import { DocumentsList, FeesList } from './components/ProcedureSections';

/**
 * A procedure as citizens read it: only what the ward has confirmed, in plain words. The sources,
 * confidence and research notes are the officials' (the back office's "Cần xác nhận" page); the
 * API does not send them here (src/domain/procedure-views.ts).
 */
export function ProcedurePage({ code }: { code: string }) {
  const { t, lang } = useT();
  const { data: p, error, reload } = useApi<Procedure>(procedureApi.one(code));
  const name = p ? pick(lang, p.name, p.nameEn) : null;
  usePageTitle(name ?? t('procedure.loadingTitle'));

  const crumbs = [
    { href: href('home'), text: t('nav.home') },
    { href: href('procedures'), text: t('nav.procedures') },
  ];
  if (error) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1>{error.status === 404 ? t('procedure.notFound') : t('procedure.loadingTitle')}</h1>
        <ErrorState error={error} onRetry={error.status === 404 ? undefined : reload} />
      </>
    );
  }
  if (!p) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <Loading />
      </>
    );
  }

  const online = p.onlineLevel !== null;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <span className="caption">{p.field}</span>
      <h1>{name}</h1>
      <p className="secondary-text">
        {t('procedure.code')}: {p.code}
      </p>

      <div className="grid grid--two-thirds">
        <div>
          <SummaryList
            rows={[
              { key: t('procedure.timeLimit'), value: timeLimitText(p.timeLimit, t) },
              { key: t('procedure.applicant'), value: applicantText(p.applicant, t) },
              { key: t('procedure.onlineLevel'), value: <OnlineLevelTag level={p.onlineLevel} t={t} /> },
              ...(p.result ? [{ key: t('procedure.result'), value: p.result }] : []),
            ]}
          />
          <ButtonLink to={href('apply', { code: p.code })} start>
            {t('procedure.applyOnline')}
          </ButtonLink>
          {!online && <p className="secondary-text">{t('procedure.onlineUnconfirmed')}</p>}

          {p.checkWithDesk && (
            <NotificationBanner title={t('procedure.toBeConfirmedTitle')}>
              <p className="mb-0">{t('procedure.toBeConfirmedBody')}</p>
            </NotificationBanner>
          )}

          <h2>{t('procedure.documents')}</h2>
          <DocumentsList documents={p.documents} />

          <h2>{t('procedure.fees')}</h2>
          <FeesList fees={p.fees} />

          <h2>{t('procedure.how')}</h2>
          <ul className="list-bullet">
            {online && <li>{t('procedure.howOnline')}</li>}
            <li>
              {t('procedure.howInPerson', {
                office: lang === 'en' ? ward.officeEn : ward.officeVi,
                hours: ward.hours.map((h) => `${h.from}–${h.to}`).join(', '),
              })}
            </li>
          </ul>
          {p.workflow.length > 0 && (
            <>
              <h3>{t('procedure.steps')}</h3>
              <ol className="list-number">
                {p.workflow.map((s) => (
                  <li key={s.key}>{pick(lang, s.name, s.nameEn)}</li>
                ))}
              </ol>
            </>
          )}

          {p.legalBasis.length > 0 && (
            <>
              <h2>{t('procedure.legalBasis')}</h2>
              <ul className="list-bullet">
                {p.legalBasis.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}

          <hr className="section-break" />
          <p className="small secondary-text">
            {t('procedure.version', { version: p.version })}
            {p.effectiveFrom && <> {t('procedure.effectiveFrom', { date: formatDate(p.effectiveFrom) })}</>}
          </p>
        </div>
      </div>
    </>
  );
}
