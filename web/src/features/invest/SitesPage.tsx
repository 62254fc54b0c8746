import { useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';
import { useApi } from '../../api/useApi';
import { useSession } from '../../api/session';
import type { ApiError } from '../../api/client';
import { Button, ErrorState, Loading, NotificationBanner, SummaryList, Table, Textarea } from '../../ui';
import { anchorOf } from '@domain/projects-geo.ts';
import { LazyWardMap } from '../feedback/LazyWardMap';
import { investApi, registerInterest, type PublicSite } from './api';

/** /dau-tu: the sites and zones the ward promotes, on the map and as cards, each with its contact and a form to register interest. */
export function SitesPage() {
  const { t } = useT();
  usePageTitle(t('inv.sites.title'));
  const { data, error, reload } = useApi<{ items: PublicSite[] }>(investApi.sites());
  const points = useMemo(
    () =>
      (data?.items ?? [])
        .filter((s) => s.location)
        .map((s) => {
          const [lon, lat] = anchorOf(s.location!);
          return { lat, lon, label: `${s.code} ${s.name}` };
        }),
    [data],
  );
  return (
    <>
      <h1>{t('inv.sites.title')}</h1>
      <p className="lead">{t('inv.sites.lead')}</p>
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p>{t('inv.site.none')}</p>}
      {data && data.items.length > 0 && (
        <>
          <section className="pub-map" aria-label={t('inv.sites.map')}>
            <LazyWardMap points={points} label={t('inv.sites.map')} />
            <details>
              <summary>{t('inv.sites.asTable')}</summary>
              <Table
                caption={t('inv.sites.map')}
                rowKey={(s: PublicSite) => s.id}
                rows={data.items}
                columns={[
                  { header: t('inv.nav.sites'), cell: (s) => `${s.code} ${s.name}` },
                  { header: t('inv.site.area'), cell: (s) => (s.areaM2 === null ? '—' : `${formatNumber(s.areaM2 / 10_000)} ha`), numeric: true },
                  { header: t('inv.site.use'), cell: (s) => s.plannedUse },
                  { header: t('inv.site.address'), cell: (s) => s.address },
                ]}
              />
            </details>
          </section>
          <ul className="inv-cards">
            {data.items.map((s) => (
              <li key={s.id}>
                <SiteCard site={s} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function SiteCard({ site: s }: { site: PublicSite }) {
  const { t } = useT();
  const headingId = `site-${s.id}`;
  return (
    <article className="inv-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {s.name} <span className="small">({t(`inv.site.kind.${s.kind}`)} · {s.code})</span>
      </h2>
      {s.summary && <p>{s.summary}</p>}
      <SummaryList
        rows={[
          { key: t('inv.site.area'), value: s.areaM2 === null ? '—' : `${formatNumber(s.areaM2 / 10_000)} ha (${formatNumber(s.areaM2)} m²)` },
          { key: t('inv.site.use'), value: s.plannedUse },
          ...(s.planningZone ? [{ key: t('inv.site.zone'), value: s.planningZone }] : []),
          ...(s.address ? [{ key: t('inv.site.address'), value: s.address }] : []),
          ...(s.incentives ? [{ key: t('inv.site.incentives'), value: s.incentives }] : []),
          {
            key: t('inv.site.contact'),
            value: (
              <>
                {s.contact.office}
                {s.contact.phone && (
                  <>
                    <br />
                    <a href={`tel:${s.contact.phone.replace(/\s/g, '')}`}>{s.contact.phone}</a>
                  </>
                )}
                {s.contact.email && (
                  <>
                    <br />
                    <a href={`mailto:${s.contact.email}`}>{s.contact.email}</a>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
      <InterestForm site={s} />
    </article>
  );
}

function InterestForm({ site }: { site: PublicSite }) {
  const { t } = useT();
  const { user } = useSession();
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!user) {
    return (
      <p>
        <Link to={href('signIn', {}, { tiep: href('invest') })}>{t('inv.interest.signIn')}</Link>
      </p>
    );
  }
  if (!user.capabilities.includes('projects.register_interest')) return null;
  const id = `interest-${site.id}`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) {
      setProblem(t('inv.interest.required'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await registerInterest(site.id, message.trim());
      setDone(true);
      setFailure(null);
    } catch (err) {
      setFailure(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} aria-label={`${t('inv.interest.title')}: ${site.name}`} noValidate>
      <h3>{t('inv.interest.title')}</h3>
      {done && <NotificationBanner type="success" title={t('inv.interest.done')} />}
      {failure && <ErrorState error={failure} />}
      <Textarea id={id} label={t('inv.interest.message')} hint={t('inv.interest.hint')} value={message} onChange={setMessage} error={problem ?? undefined} rows={3} />
      <Button type="submit" disabled={busy}>
        {t('inv.interest.submit')}
      </Button>
    </form>
  );
}
