import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { OriginMark } from '../components/OriginMark';
import { pick, useT } from '../../../i18n';
import { usePageTitle } from '../../../router';
import { invalidate, useApi } from '../../../api/useApi';
import { canDo, type Dossier, type Procedure } from '../../../api/types';
import { Breadcrumbs, ErrorState, Loading } from '../../../ui';
import { boApi, type EventList, type ItemList, type StaffMember, type Unit } from '../api';
import { boHref } from '../paths';
import { dueState } from '../components/due';
import { useDueClock } from '../components/useDueClock';
import { ActionsPanel } from '../actions/ActionsPanel';
import type { AllowedAction } from '../actions/ActionForm';
import { hasContent, type ActionDraft } from '../actions/draft';
import { readJson, remove, writeJson } from '../../../lib/storage';
import { ApplicantPanel, DossierFactsPanel } from './DossierFactsPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { SignedDocuments } from '../../documents/SignedDocuments';
import { FormsList } from '../../documents/FormsList';
import { FormDataList } from './FormDataList';
import { OpenSupplement } from './OpenSupplement';
import { StaffSteps } from './StaffSteps';
import { StaffTimeline } from './StaffTimeline';
import { documentName } from './labels';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="bo-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** One dossier as officials see it: everything filed, its clock, its history, and what to do next. */
export function StaffDossierPage({ code }: { code: string }) {
  const { t, lang } = useT();
  const dossier = useApi<Dossier>(boApi.dossier(code));
  const events = useApi<EventList>(boApi.events(code));
  const d = dossier.data;
  const procedure = useApi<Procedure>(d ? boApi.procedure(d.procedure.code, d.procedure.version) : null);
  const staff = useApi<ItemList<StaffMember>>(d && canDo(d, 'assign') ? boApi.staff('specialist') : null);
  const units = useApi<ItemList<Unit>>(d && (canDo(d, 'consult') || canDo(d, 'transfer')) ? boApi.units() : null);
  const { now, soonLimit } = useDueClock();
  // Drafts survive a reload or a detour to another page (kept on this device, cleared at sign-out).
  const draftKey = `nts.draft.bo.actions.${code}`;
  const [drafts, setDrafts] = useState<Record<string, ActionDraft>>(() => readJson<Record<string, ActionDraft>>(draftKey) ?? {});
  const [open, setOpen] = useState<string | null>(() => Object.keys(drafts).find((a) => drafts[a] && hasContent(drafts[a])) ?? null);
  useEffect(() => {
    if (Object.values(drafts).some(hasContent)) writeJson(draftKey, drafts);
    else remove(draftKey);
  }, [drafts, draftKey]);
  const [done, setDone] = useState<string | null>(null);
  const [userOpened, setUserOpened] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('bo.dossier.title', { code }));

  const people = useMemo(() => {
    const map: Record<string, string> = {};
    for (const s of staff.data?.items ?? []) map[s.id] = s.fullName;
    if (d?.assignee) map[d.assignee.id] = d.assignee.fullName;
    return map;
  }, [staff.data, d?.assignee]);

  const files = useMemo(() => {
    const map: Record<string, string> = {};
    for (const doc of d?.documents ?? []) map[doc.fileId] = documentName(procedure.data, doc.requirementId) ?? doc.name;
    for (const f of d?.result?.files ?? []) map[f.fileId ?? f.id] = f.name;
    return map;
  }, [d?.documents, d?.result, procedure.data]);

  const onDone = (a: AllowedAction, next: Dossier) => {
    dossier.setData(next);
    events.reload();
    invalidate('/api/v1/dossiers?');
    setOpen(null);
    setDrafts(({ [a.action]: _, ...rest }) => rest);
    setDone(pick(lang, a.label, a.labelEn));
    window.setTimeout(() => doneRef.current?.focus(), 0);
  };
  const reload = () => {
    dossier.reload();
    events.reload();
  };

  const crumbs = [{ href: boHref.queues(), text: t('bo.queues.title') }];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      {d && <span className="caption">{d.procedure.name}</span>}
      <h1 className="bo-break">{t('bo.dossier.title', { code })}</h1>
      {d?.externalCode && (
        <p>
          <OriginMark channel={d.originChannel} externalCode={d.externalCode} />
        </p>
      )}
      {d && (
        <p className="bo-skip">
          <a href="#bo-actions-title">{t('bo.dossier.toActions')}</a>
        </p>
      )}
      {dossier.error && !d ? (
        <ErrorState error={dossier.error} onRetry={dossier.error.status === 404 ? undefined : dossier.reload} />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          {dossier.error && <ErrorState error={dossier.error} onRetry={dossier.reload} />}
          {done && (
            <div className="banner banner--success" role="status" tabIndex={-1} ref={doneRef} aria-labelledby="bo-done-title">
              <h2 className="banner__title" id="bo-done-title">
                {t('common.done')}
              </h2>
              <div className="banner__content">
                <p>{t('bo.dossier.done', { action: done })}</p>
              </div>
            </div>
          )}
          <div className="bo-dossier">
            <div className="bo-dossier__main">
              <OpenSupplement dossier={d} procedure={procedure.data} />
              <Section id="bo-facts" title={t('bo.dossier.facts')}>
                <DossierFactsPanel dossier={d} due={dueState(d, now, soonLimit)} />
              </Section>
              <Section id="bo-applicant" title={t('bo.dossier.applicant')}>
                <ApplicantPanel dossier={d} />
              </Section>
              <Section id="bo-form" title={t('bo.dossier.form')}>
                {procedure.error && <ErrorState error={procedure.error} onRetry={procedure.reload} title={t('bo.dossier.procedureFailed')} />}
                <FormDataList dossier={d} procedure={procedure.data} />
              </Section>
              <Section id="bo-docs" title={t('bo.docs.title')}>
                <DocumentsPanel dossier={d} procedure={procedure.data} />
                {d.result && <SignedDocuments key={d.version} code={d.code} headingLevel={3} />}
                <FormsList key={`forms-${d.version}`} code={d.code} headingLevel={3} />
              </Section>
              <Section id="bo-steps" title={t('bo.steps.title')}>
                <StaffSteps steps={d.steps} now={now} soonLimit={soonLimit} paused={d.clock === 'stopped'} />
              </Section>
              <Section id="bo-timeline" title={t('bo.timeline.title')}>
                {events.error ? (
                  <ErrorState error={events.error} onRetry={events.reload} />
                ) : !events.data ? (
                  <Loading />
                ) : (
                  <StaffTimeline events={events.data.items} procedure={procedure.data} people={people} files={files} />
                )}
              </Section>
            </div>
            <aside className="bo-dossier__side" aria-label={t('bo.actions.title')}>
              <ActionsPanel
                ctx={{ dossier: d, procedure: procedure.data, staff: staff.data?.items, units: units.data?.items }}
                open={open}
                focusOnOpen={userOpened}
                onOpen={(a) => {
                  setUserOpened(true);
                  setOpen(a);
                  if (a) setDone(null);
                }}
                drafts={drafts}
                onDraft={(a, draft) => setDrafts((all) => ({ ...all, [a]: draft }))}
                onDone={onDone}
                onReload={reload}
              />
            </aside>
          </div>
        </>
      )}
    </>
  );
}
