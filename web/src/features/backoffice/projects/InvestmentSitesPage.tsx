import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { api, apiPath, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Link, usePageTitle } from '../../../router';
import { Button, Checkboxes, ErrorState, Loading, NotificationBanner, Select, Table, Tag, Textarea, TextInput } from '../../../ui';
import { SITE_KINDS, type SiteInput, type StaffSite } from '@domain/projects-public-contract.ts';
import { boHref } from '../paths';
import { PlanningDocumentsSection } from './PlanningDocumentsSection';

type Draft = { name: string; kind: string; area: string; plannedUse: string; planningZone: string; address: string; summary: string; incentives: string; contactOffice: string; contactPhone: string; contactEmail: string; lat: string; lon: string; published: boolean };

const EMPTY: Draft = { name: '', kind: 'site', area: '', plannedUse: '', planningZone: '', address: '', summary: '', incentives: '', contactOffice: '', contactPhone: '', contactEmail: '', lat: '', lon: '', published: false };

const draftOf = (s: StaffSite): Draft => ({
  name: s.name,
  kind: s.kind,
  area: s.areaM2 === null ? '' : String(s.areaM2),
  plannedUse: s.plannedUse,
  planningZone: s.planningZone,
  address: s.address,
  summary: s.summary,
  incentives: s.incentives,
  contactOffice: s.contact.office,
  contactPhone: s.contact.phone,
  contactEmail: s.contact.email,
  // A drawn polygon is kept as it is; the form edits a point.
  lat: s.location?.type === 'Point' ? String(s.location.coordinates[1]) : '',
  lon: s.location?.type === 'Point' ? String(s.location.coordinates[0]) : '',
  published: s.published,
});

function bodyOf(d: Draft, previous: StaffSite | null): SiteInput {
  const lat = Number(d.lat.replace(',', '.'));
  const lon = Number(d.lon.replace(',', '.'));
  const point = d.lat.trim() && d.lon.trim() ? { type: 'Point' as const, coordinates: [lon, lat] as [number, number] } : null;
  return {
    name: d.name.trim(),
    kind: d.kind as SiteInput['kind'],
    areaM2: d.area.trim() ? Number(d.area.replace(',', '.')) : null,
    plannedUse: d.plannedUse.trim(),
    planningZone: d.planningZone.trim(),
    location: point ?? (previous?.location && previous.location.type !== 'Point' ? previous.location : null),
    address: d.address.trim(),
    summary: d.summary.trim(),
    incentives: d.incentives.trim(),
    contactOffice: d.contactOffice.trim(),
    contactPhone: d.contactPhone.trim(),
    contactEmail: d.contactEmail.trim(),
    published: d.published,
  };
}

/** /can-bo/co-hoi-dau-tu: the sites the ward promotes — add, edit, publish or hide them (docs/PROJECTS.md). */
export function InvestmentSitesPage() {
  const { t } = useT();
  usePageTitle(t('prj.sites.title'));
  const list = useApi<{ items: StaffSite[] }>(apiPath('/investment-sites'));
  const [editing, setEditing] = useState<StaffSite | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft) => (v: string) => setDraft({ ...draft, [k]: v });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.name.trim() || !draft.plannedUse.trim() || !draft.contactOffice.trim()) {
      setProblem(t('prj.sites.required'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const body = bodyOf(draft, editing);
      const site = editing
        ? await api.put<StaffSite>(`/investment-sites/${encodeURIComponent(editing.id)}`, { ...body, version: editing.version })
        : await api.post<StaffSite>('/investment-sites', body);
      setSaved(t('prj.sites.saved', { code: site.code }));
      setFailure(null);
      setEditing(null);
      setDraft(EMPTY);
      list.reload();
    } catch (err) {
      setFailure(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <Link to={boHref.projects()}>{t('prj.title')}</Link>
      </p>
      <h1>{t('prj.sites.title')}</h1>
      <p className="lead">{t('prj.sites.lead')}</p>
      {saved && <NotificationBanner type="success" title={saved} />}
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <Table
          caption={t('prj.sites.title')}
          captionHidden
          rowKey={(s: StaffSite) => s.id}
          rows={list.data.items}
          columns={[
            { header: t('prj.sites.col.site'), cell: (s) => `${s.code} ${s.name}` },
            { header: t('prj.sites.col.area'), cell: (s) => (s.areaM2 === null ? '—' : `${formatNumber(s.areaM2 / 10_000)} ha`), numeric: true, nowrap: true },
            { header: t('prj.sites.col.state'), cell: (s) => <Tag colour={s.published ? 'green' : 'grey'}>{t(s.published ? 'prj.sites.published' : 'prj.sites.hidden')}</Tag> },
            { header: t('prj.sites.col.interests'), cell: (s) => formatNumber(s.interests), numeric: true },
            {
              header: t('prj.sites.col.action'),
              cell: (s) => (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setEditing(s);
                    setDraft(draftOf(s));
                    setSaved(null);
                  }}
                >
                  {t('prj.sites.edit', { code: s.code })}
                </Button>
              ),
            },
          ]}
        />
      )}
      <form onSubmit={onSubmit} aria-labelledby="site-form" noValidate>
        <h2 id="site-form">{editing ? t('prj.sites.editTitle', { code: editing.code }) : t('prj.sites.addTitle')}</h2>
        {problem && <p className="error-message" role="alert">{problem}</p>}
        {failure && <ErrorState error={failure} />}
        <TextInput id="site-name" label={t('prj.sites.f.name')} value={draft.name} onChange={set('name')} />
        <Select id="site-kind" label={t('prj.sites.f.kind')} value={draft.kind} onChange={set('kind')} options={SITE_KINDS.map((k) => ({ value: k, label: t(`inv.site.kind.${k}`) }))} />
        <TextInput id="site-area" label={t('prj.sites.f.area')} width="w10" inputMode="decimal" value={draft.area} onChange={set('area')} optional />
        <TextInput id="site-use" label={t('inv.site.use')} value={draft.plannedUse} onChange={set('plannedUse')} />
        <TextInput id="site-zone" label={t('inv.site.zone')} value={draft.planningZone} onChange={set('planningZone')} optional />
        <TextInput id="site-address" label={t('inv.site.address')} value={draft.address} onChange={set('address')} optional />
        <TextInput id="site-lat" label={t('prj.sites.f.lat')} width="w10" inputMode="decimal" value={draft.lat} onChange={set('lat')} optional />
        <TextInput id="site-lon" label={t('prj.sites.f.lon')} width="w10" inputMode="decimal" value={draft.lon} onChange={set('lon')} optional />
        <Textarea id="site-summary" label={t('prj.sites.f.summary')} value={draft.summary} onChange={set('summary')} rows={3} optional />
        <Textarea id="site-incentives" label={t('inv.site.incentives')} value={draft.incentives} onChange={set('incentives')} rows={2} optional />
        <TextInput id="site-office" label={t('prj.sites.f.office')} value={draft.contactOffice} onChange={set('contactOffice')} />
        <TextInput id="site-phone" label={t('prj.sites.f.phone')} width="w20" type="tel" value={draft.contactPhone} onChange={set('contactPhone')} optional />
        <TextInput id="site-email" label={t('prj.sites.f.email')} width="w20" type="email" value={draft.contactEmail} onChange={set('contactEmail')} optional />
        <Checkboxes
          id="site-published"
          legend={t('prj.sites.f.publication')}
          value={draft.published ? ['yes'] : []}
          onChange={(v) => setDraft({ ...draft, published: v.includes('yes') })}
          options={[{ value: 'yes', label: t('prj.sites.f.published') }]}
        />
        <Button type="submit" disabled={busy}>
          {editing ? t('prj.sites.save') : t('prj.sites.add')}
        </Button>
      </form>
      <PlanningDocumentsSection />
    </>
  );
}
