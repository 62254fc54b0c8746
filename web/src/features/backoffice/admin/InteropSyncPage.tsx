import { useState } from 'react';
import { isMessageKey, useT } from '../../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import { Link, usePageTitle } from '../../../router';
import { api, apiPath, toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Button, Details, EmptyState, ErrorState, Loading, NotificationBanner, Table, Tag, Textarea } from '../../../ui';
import { boHref } from '../paths';
import type { CataloguePush, CataloguePushDetail, CataloguePushList, PushDecision, SyncAnswer } from '../../../api/types';
import { OriginMark, useOriginName } from '../components/OriginMark';

type SystemSync = SyncAnswer['systems'][number];
type DeadLetter = SystemSync['deadLetters'][number];

const syncPath = apiPath('/admin/interop/sync');
const pushesPath = apiPath('/admin/interop/catalogue', { status: 'pending' });

const percent = (share: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(share * 100)} %`;

/** An event's name as the dossier's history shows it ("Tiếp nhận hồ sơ"), not its code. */
function useActionName() {
  const { t } = useT();
  return (action: string) => {
    const key = `action.${action}`;
    return isMessageKey(key) ? t(key) : action;
  };
}

function DeadLetters({ system, onReplayed }: { system: SystemSync; onReplayed: (m: DeadLetter) => void }) {
  const { t } = useT();
  const actionName = useActionName();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const replay = async (m: DeadLetter) => {
    setBusy(m.id);
    setError(null);
    try {
      await api.post(apiPath(`/admin/messages/${encodeURIComponent(m.id)}/replay`));
      onReplayed(m);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="bo-section" aria-labelledby={`dead-${system.code}`}>
      <h3 id={`dead-${system.code}`}>{t('io.dead.title', { system: system.name })}</h3>
      {error && <ErrorState error={error} />}
      <Table
        caption={t('io.dead.caption', { system: system.name })}
        captionHidden
        rows={system.deadLetters}
        rowKey={(m) => m.id}
        columns={[
          {
            header: t('io.dead.col.dossier'),
            cell: (m) => (
              <>
                <Link to={boHref.dossier(m.dossierCode)}>{m.dossierCode}</Link>
                <OriginMark channel={m.originChannel} externalCode={m.externalCode} compact />
              </>
            ),
            nowrap: true,
          },
          { header: t('io.dead.col.event'), cell: (m) => `#${m.sequence ?? '—'} ${actionName(m.action)}` },
          { header: t('io.dead.col.error'), cell: (m) => <span style={{ overflowWrap: 'anywhere' }}>{m.lastError ?? '—'}</span> },
          { header: t('io.dead.col.at'), cell: (m) => formatDateTime(m.createdAt), nowrap: true },
          {
            header: <span className="visually-hidden">{t('io.dead.replay')}</span>,
            cell: (m) => (
              <Button small variant="secondary" pending={busy === m.id} onClick={() => void replay(m)} aria-label={t('io.dead.replayFor', { event: actionName(m.action), code: m.dossierCode })}>
                {t('io.dead.replay')}
              </Button>
            ),
            nowrap: true,
          },
        ]}
      />
    </section>
  );
}

/** Dossiers handed over to a unit on another deployment: when, and when its system acknowledged. */
function Handovers({ system }: { system: SystemSync }) {
  const { t } = useT();
  return (
    <section className="bo-section" aria-labelledby={`handover-${system.code}`}>
      <h3 id={`handover-${system.code}`}>{t('io.handover.title', { system: system.name })}</h3>
      <Table
        caption={t('io.handover.title', { system: system.name })}
        captionHidden
        rows={system.handovers}
        rowKey={(h) => h.dossierCode}
        columns={[
          {
            header: t('io.dead.col.dossier'),
            cell: (h) => (
              <>
                <Link to={boHref.dossier(h.dossierCode)}>{h.dossierCode}</Link>
                <OriginMark channel={h.originChannel} externalCode={h.externalCode} compact />
              </>
            ),
            nowrap: true,
          },
          { header: t('io.handover.col.transferred'), cell: (h) => formatDateTime(h.transferredAt), nowrap: true },
          { header: t('io.handover.col.acknowledged'), cell: (h) => formatDateTime(h.acknowledgedAt) || t('io.handover.notYet'), nowrap: true },
        ]}
      />
    </section>
  );
}

/** A heading and its list (items in order; the same text twice is shown twice). */
function Listed({ title, items }: { title: string; items: string[] }) {
  return (
    <>
      <p className="mb-0">
        <strong>{title}</strong>
      </p>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** What a pushed version holds, for the admin to read before publishing: documents, fields, fees, time limit. */
function PushContents({ id }: { id: string }) {
  const { t } = useT();
  const detail = useApi<CataloguePushDetail>(apiPath(`/admin/interop/catalogue/${encodeURIComponent(id)}`));
  if (detail.error && !detail.data) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const def = d.definition;
  return (
    <>
      {d.note && <p>{t('io.catalogue.note', { note: d.note })}</p>}
      <Listed title={t('io.catalogue.documents')} items={def.documents.map((doc) => doc.name)} />
      <Listed title={t('io.catalogue.fields')} items={def.formFields.map((f) => f.label)} />
      <Listed
        title={t('io.catalogue.fees')}
        items={def.fees.length === 0 ? [t('io.catalogue.noFee')] : def.fees.map((f) => (f.amountVnd === null ? f.name : t('io.catalogue.fee', { name: f.name, amount: formatNumber(f.amountVnd) })))}
      />
    </>
  );
}

/** One pushed update: read it, then publish it or reject it with a reason. */
function PushItem({ push: p, onDecided }: { push: CataloguePush; onDecided: (message: string) => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const decide = async (publish: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const id = encodeURIComponent(p.id);
      if (publish) {
        const r = await api.post<PushDecision>(apiPath(`/admin/interop/catalogue/${id}/publish`));
        onDecided(t('io.catalogue.published', { name: p.name, version: String(r.version) }));
      } else {
        await api.post<PushDecision>(apiPath(`/admin/interop/catalogue/${id}/reject`), { reason });
        onDecided(t('io.catalogue.rejected', { name: p.name }));
      }
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="mb-2">
      {t('io.catalogue.item', { name: p.name, code: p.procedureCode, date: formatDate(p.effectiveFrom), system: p.system })}{' '}
      {p.isNew && <Tag colour="purple">{t('io.catalogue.new')}</Tag>}{' '}
      <Button small variant="secondary" pending={busy} onClick={() => void decide(true)} aria-label={t('io.catalogue.publishFor', { name: p.name })}>
        {t('io.catalogue.publish')}
      </Button>
      {error && <ErrorState error={error} />}
      <Details summary={t('io.catalogue.review', { name: p.name })}>
        <PushContents id={p.id} />
        <Textarea id={`reject-${p.id}`} label={t('io.catalogue.rejectReason')} rows={2} value={reason} onChange={setReason} />
        <Button small variant="secondary" pending={busy} disabled={reason.trim().length < 3} onClick={() => void decide(false)} aria-label={t('io.catalogue.rejectFor', { name: p.name })}>
          {t('io.catalogue.reject')}
        </Button>
      </Details>
    </li>
  );
}

function CataloguePushes() {
  const { t } = useT();
  const list = useApi<CataloguePushList>(pushesPath);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="bo-section" aria-labelledby="io-catalogue">
      <h2 id="io-catalogue">{t('io.catalogue.title')}</h2>
      {done && <NotificationBanner type="success" title={done} />}
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t('io.catalogue.empty')}</p>
      ) : (
        <ul className="list-plain">
          {list.data.items.map((p) => (
            <PushItem
              key={p.id}
              push={p}
              onDecided={(message) => {
                setDone(message);
                list.reload();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The unit admin's sync view (docs/INTEROP.md): per connected system what was sent, acknowledged,
 * waiting and failing, the failing events with a button to send each again, the share of the
 * ward's dossiers fully synced with the national portal (Decision 766), and the catalogue updates
 * the province pushed, to publish.
 */
export function InteropSyncPage({ mayPublish }: { mayPublish: boolean }) {
  const { t } = useT();
  usePageTitle(t('io.title'));
  const view = useApi<SyncAnswer>(syncPath);
  const originName = useOriginName();
  const actionName = useActionName();
  const [replayed, setReplayed] = useState<string | null>(null);
  const share = view.data?.syncedShare;
  return (
    <>
      <h1>{t('io.title')}</h1>
      <p className="lead">{t('io.lead')}</p>
      {replayed && <NotificationBanner type="success" title={replayed} />}
      {view.error && !view.data ? (
        <ErrorState error={view.error} onRetry={view.reload} />
      ) : !view.data || !share ? (
        <Loading />
      ) : (
        <>
          <section className="bo-section" aria-labelledby="io-share">
            <h2 id="io-share">{t('io.share.title')}</h2>
            <p className="bo-figure">
              <strong>
                {share.share === null
                  ? t('io.share.none')
                  : t('io.share.value', { share: percent(share.share), synced: formatNumber(share.fullySynced), total: formatNumber(share.dossiers) })}
              </strong>
            </p>
            <p className="secondary-text small">{t('io.share.hint')}</p>
          </section>
          <section className="bo-section" aria-labelledby="io-systems">
            <h2 id="io-systems">{t('io.systems.title')}</h2>
            {view.data.systems.length === 0 ? (
              <EmptyState title={t('io.systems.empty')} />
            ) : (
              <Table
                caption={t('io.systems.title')}
                captionHidden
                rows={view.data.systems}
                rowKey={(s) => s.code}
                columns={[
                  {
                    header: t('io.col.system'),
                    cell: (s) => (
                      <>
                        {s.name} <span className="secondary-text">({s.code})</span>
                        <span className="bo-sub">
                          <Tag colour="blue">{originName(s.kind)}</Tag> {!s.active && <Tag colour="grey">{t('io.suspended')}</Tag>}
                          {s.remoteUnitCode && <> {t('io.remoteUnit', { unit: s.remoteUnitCode })}</>}
                        </span>
                      </>
                    ),
                  },
                  { header: t('io.col.events'), cell: (s) => formatNumber(s.events), numeric: true },
                  { header: t('io.col.sent'), cell: (s) => formatNumber(s.sent), numeric: true },
                  { header: t('io.col.acknowledged'), cell: (s) => formatNumber(s.acknowledged), numeric: true },
                  { header: t('io.col.waiting'), cell: (s) => formatNumber(s.waiting), numeric: true },
                  { header: t('io.col.failing'), cell: (s) => (s.failing > 0 ? <Tag colour="red">{formatNumber(s.failing)}</Tag> : '0'), numeric: true },
                  { header: t('io.col.lastAck'), cell: (s) => formatDateTime(s.lastAcknowledgedAt) || '—', nowrap: true },
                ]}
              />
            )}
          </section>
          {view.data.systems
            .filter((s) => s.handovers.length > 0)
            .map((s) => (
              <Handovers key={s.code} system={s} />
            ))}
          {view.data.systems
            .filter((s) => s.deadLetters.length > 0)
            .map((s) => (
              <DeadLetters
                key={s.code}
                system={s}
                onReplayed={(m) => {
                  setReplayed(t('io.dead.replayed', { event: actionName(m.action), code: m.dossierCode }));
                  view.reload();
                }}
              />
            ))}
        </>
      )}
      {mayPublish && <CataloguePushes />}
    </>
  );
}
