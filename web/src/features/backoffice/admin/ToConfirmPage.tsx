import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { Link, usePageTitle } from '../../../router';
import { useApi } from '../../../api/useApi';
import type { Confidence, ToConfirmItem, ToConfirmList, User } from '../../../api/types';
import { Details, EmptyState, ErrorState, Loading, Tag, type TagColour } from '../../../ui';
import { boApi } from '../api';
import { boHref } from '../paths';

const CONFIDENCE_COLOUR: Record<Confidence, TagColour> = { low: 'red', medium: 'yellow', high: 'green' };

/** A titled bullet list, or nothing when there are no lines. */
function Points({ title, lines }: { title: string; lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="list-bullet">
        {lines.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </>
  );
}

function Item({ item, mayEdit }: { item: ToConfirmItem; mayEdit: boolean }) {
  const { t } = useT();
  const m = item.marks;
  const marks = [
    ...(m.timeLimit ? [t('bo.toConfirm.mark.timeLimit')] : []),
    ...m.fees.map((name) => t('bo.toConfirm.mark.fee', { name })),
    ...m.documents.map((name) => t('bo.toConfirm.mark.document', { name })),
    ...(m.onlineLevel ? [t('bo.toConfirm.mark.onlineLevel')] : []),
  ];
  const headingId = `tc-${item.code.replace(/\W/g, '-')}`;
  return (
    <section className="bo-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {item.name} <span className="secondary-text">({item.code})</span>
      </h2>
      <p>
        <Tag colour={CONFIDENCE_COLOUR[item.confidence]}>{t(`bo.toConfirm.confidence.${item.confidence}`)}</Tag>{' '}
        <span className="secondary-text small">
          {item.field} · {t('bo.toConfirm.version', { n: item.version })}
        </span>
      </p>
      <Points title={t('bo.toConfirm.checklist')} lines={item.toBeConfirmed} />
      <Points title={t('bo.toConfirm.marks')} lines={marks} />
      <Details summary={t('bo.toConfirm.sourceAndNotes')}>
        <p className="small" style={{ overflowWrap: 'anywhere' }}>
          <strong>{t('bo.toConfirm.source')}:</strong> {item.source}
        </p>
        {item.notes && (
          <p className="small mb-0">
            <strong>{t('bo.toConfirm.notes')}:</strong> {item.notes}
          </p>
        )}
      </Details>
      {mayEdit && (
        <p className="mb-0">
          <Link to={boHref.procedure(item.code)}>
            {t('bo.toConfirm.edit')}
            <span className="visually-hidden">: {item.name}</span>
          </Link>
        </p>
      )}
    </section>
  );
}

/**
 * What the ward must confirm in the catalogue, least trusted first: for every official of the
 * ward (policy `catalogue.review`); the unit admin confirms a value by editing the procedure.
 */
export function ToConfirmPage({ user }: { user: User }) {
  const { t } = useT();
  const list = useApi<ToConfirmList>(boApi.toConfirm());
  usePageTitle(t('bo.toConfirm.title'));
  const mayEdit = user.capabilities.includes('catalogue.edit');
  const s = list.data?.summary;
  return (
    <>
      <h1>{t('bo.toConfirm.title')}</h1>
      <p className="lead">{t('bo.toConfirm.lead')}</p>
      <p>{mayEdit ? t('bo.toConfirm.howAdmin') : t('bo.toConfirm.howOthers')}</p>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data || !s ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('bo.toConfirm.empty')} />
      ) : (
        <>
          <p role="status">
            {t('bo.toConfirm.summary', {
              procedures: formatNumber(s.procedures),
              items: formatNumber(s.items),
              low: formatNumber(s.byConfidence.low),
              medium: formatNumber(s.byConfidence.medium),
              high: formatNumber(s.byConfidence.high),
            })}
          </p>
          {list.data.items.map((item) => (
            <Item key={item.code} item={item} mayEdit={mayEdit} />
          ))}
        </>
      )}
    </>
  );
}
