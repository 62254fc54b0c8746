import { useT, pick } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { usePageTitle } from '../../router';
import { href } from '../../routes';
import { useApi } from '../../api/useApi';
import type { Procedure } from '../../api/types';
import { Breadcrumbs, ButtonLink, Details, ErrorState, InsetText, Loading, NotificationBanner, SummaryList } from '../../ui';
import { ward } from '../../config';
import { procedureApi } from './api';
import { applicantText, OnlineLevelTag, timeLimitText } from './labels';
import { DocumentsList, FeesList } from './components/ProcedureSections';

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
              {
                key: t('procedure.timeLimit'),
                value: (
                  <>
                    {timeLimitText(p.timeLimit, t)}
                    {p.timeLimit.note && (
                      <Details summary={t('procedure.timeLimitNote')}>
                        <p className="mb-0 small">{p.timeLimit.note}</p>
                      </Details>
                    )}
                  </>
                ),
              },
              { key: t('procedure.applicant'), value: applicantText(p.applicant, t) },
              { key: t('procedure.onlineLevel'), value: <OnlineLevelTag level={p.onlineLevel} t={t} /> },
              ...(p.result ? [{ key: t('procedure.result'), value: p.result }] : []),
            ]}
          />
          <ButtonLink to={href('apply', { code: p.code })} start>
            {t('procedure.applyOnline')}
          </ButtonLink>
          {!online && <p className="secondary-text">{t('procedure.onlineUnconfirmed')}</p>}

          {p.toBeConfirmed.length > 0 && (
            <NotificationBanner title={t('procedure.toBeConfirmedTitle')}>
              <p>{t('procedure.toBeConfirmedBody')}</p>
              <ul className="list-bullet">
                {p.toBeConfirmed.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
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

          {p.notes && (
            <>
              <h2>{t('procedure.notes')}</h2>
              <InsetText>
                <p className="mb-0">{p.notes}</p>
              </InsetText>
            </>
          )}

          <hr className="section-break" />
          <p className="small secondary-text">
            {p.confidence && <>{t('procedure.confidence')}: {t(`confidence.${p.confidence}`)}. </>}
            {t('procedure.version', { version: p.version })}
            {p.effectiveFrom && <> {t('procedure.effectiveFrom', { date: formatDate(p.effectiveFrom) })}</>}
          </p>
          {p.source && (
            <Details summary={t('procedure.source')}>
              <p className="mb-0 small" style={{ overflowWrap: 'anywhere' }}>
                {p.source}
              </p>
            </Details>
          )}
        </div>
      </div>
    </>
  );
}
