import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { usePageTitle } from '../../../router';
import { toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Button, ErrorState, ErrorSummary, Loading, Table, Tag, TextInput } from '../../../ui';
import { issueKey, revokeKey, staffFeedbackApi, type Open311Key } from './api';

/** /can-bo/quan-tri/open311: the unit admin issues (shown once) and revokes the keys Open311 clients post with. */
export function Open311KeysPage() {
  const { t } = useT();
  usePageTitle(t('fbs.keys.title'));
  const list = useApi<{ items: Open311Key[] }>(staffFeedbackApi.keys());
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const [fail, setFail] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setFail(null);
    try {
      await work();
      list.reload();
    } catch (e) {
      setFail(toApiError(e));
    } finally {
      setPending(false);
    }
  };
  const onIssue = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const k = await issueKey(name);
      setIssued({ name: k.name, key: k.key });
      setName('');
    });
  };
  return (
    <>
      <h1>{t('fbs.keys.title')}</h1>
      <p className="lead">{t('fbs.keys.lead')}</p>
      {fail && <ErrorSummary errors={[{ target: 'fbs-key-name', text: fail.message }]} />}
      <form onSubmit={onIssue} noValidate>
        <TextInput id="fbs-key-name" label={t('fbs.keys.name')} width="w20" value={name} onChange={setName} />
        <Button type="submit" pending={pending}>
          {t('fbs.keys.issue')}
        </Button>
      </form>
      {issued && (
        <div className="fbs-done" role="status">
          <TextInput id="fbs-key-new" label={t('fbs.keys.new')} hint={t('fbs.keys.newHint')} value={issued.key} onChange={() => undefined} readOnly spellCheck={false} />
        </div>
      )}
      <h2>{t('fbs.keys.list')}</h2>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('fbs.keys.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <Table
          caption={t('fbs.keys.list')}
          captionHidden
          rowKey={(k: Open311Key) => k.id}
          rows={list.data.items}
          columns={[
            { header: t('fbs.keys.col.name'), cell: (k) => k.name },
            { header: t('fbs.keys.col.created'), cell: (k) => formatDate(k.createdAt), nowrap: true },
            { header: t('fbs.keys.col.state'), cell: (k) => (k.revokedAt ? <Tag colour="grey">{t('fbs.keys.revoked', { date: formatDate(k.revokedAt) })}</Tag> : <Tag colour="green">{t('fbs.keys.active')}</Tag>) },
            {
              header: <span className="visually-hidden">{t('fbs.keys.revokeShort')}</span>,
              cell: (k) =>
                k.revokedAt ? null : (
                  <Button variant="secondary" small pending={pending} aria-label={t('fbs.keys.revoke', { name: k.name })} onClick={() => void run(() => revokeKey(k.id))}>
                    {t('fbs.keys.revokeShort')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
