import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { formatFileSize } from '../../../i18n/format';
import { fileUrl } from '../../../api/upload';
import type { Dossier, DossierDocument, Procedure } from '../../../api/types';
import { Button, Tag } from '../../../ui';
import { documentName } from './labels';

const isPdf = (mime: string) => mime === 'application/pdf';
const isImage = (mime: string) => mime.startsWith('image/');

function Preview({ doc, title, onClose }: { doc: DossierDocument; title: string; onClose: () => void }) {
  const { t } = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [doc.id]);
  const url = fileUrl(doc.fileId);
  return (
    <section className="bo-preview" aria-labelledby="bo-preview-title">
      <div className="bo-preview__bar">
        <h3 id="bo-preview-title" className="mt-0 mb-0" tabIndex={-1} ref={ref}>
          {t('bo.docs.previewing', { name: title })}
        </h3>
        <div className="button-group">
          <a href={`${url}?download=1`} download={doc.name}>
            {t('bo.docs.download')}
            <span className="visually-hidden"> {doc.name}</span>
          </a>
          <a href={url} target="_blank" rel="noopener noreferrer">
            {t('bo.docs.openNewTab')}
            <span className="visually-hidden"> {doc.name}</span>
          </a>
          <Button variant="secondary" small onClick={onClose}>
            {t('bo.docs.closePreview')}
          </Button>
        </div>
      </div>
      {isPdf(doc.mime) ? (
        <iframe className="bo-preview__frame" src={url} title={t('bo.docs.frameTitle', { name: doc.name })} />
      ) : isImage(doc.mime) ? (
        <img className="bo-preview__image" src={url} alt={t('bo.docs.imageAlt', { name: title })} />
      ) : (
        <p>{t('bo.docs.noPreview')}</p>
      )}
    </section>
  );
}

/** Every document filed (originals and supplements), previewable in the page, and what is missing. */
export function DocumentsPanel({ dossier: d, procedure }: { dossier: Dossier; procedure: Procedure | undefined }) {
  const { t } = useT();
  const [previewId, setPreviewId] = useState<string | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const preview = d.documents.find((x) => x.id === previewId) ?? null;
  const missing = (procedure?.documents ?? []).filter((req) => !d.documents.some((x) => x.requirementId === req.id));
  const close = () => {
    const id = previewId;
    setPreviewId(null);
    if (id) window.setTimeout(() => buttons.current[id]?.focus(), 0);
  };

  if (d.documents.length === 0 && missing.length === 0) return <p className="secondary-text">{t('bo.docs.none')}</p>;
  return (
    <>
      <div className="table-wrap" role="region" aria-labelledby="bo-docs-caption" tabIndex={0}>
        <table className="table bo-table">
          <caption id="bo-docs-caption" className="visually-hidden">
            {t('bo.docs.title')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('bo.docs.requirement')}</th>
              <th scope="col">{t('bo.docs.file')}</th>
              <th scope="col">{t('bo.docs.round')}</th>
              <th scope="col">{t('bo.docs.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {d.documents.map((doc) => {
              const title = documentName(procedure, doc.requirementId) ?? doc.name;
              return (
                <tr key={doc.id}>
                  <th scope="row">{title}</th>
                  <td>
                    {doc.name} <span className="bo-sub">{formatFileSize(doc.size)}</span>
                  </td>
                  <td>
                    {doc.round > 0 ? t('bo.docs.supplementRound', { n: doc.round }) : t('bo.docs.original')}
                    {doc.superseded && <span className="bo-block"><Tag>{t('bo.docs.superseded')}</Tag></span>}
                  </td>
                  <td className="bo-nowrap">
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      ref={(el) => {
                        buttons.current[doc.id] = el;
                      }}
                      aria-pressed={previewId === doc.id}
                      onClick={() => (previewId === doc.id ? close() : setPreviewId(doc.id))}
                    >
                      {t('bo.docs.preview')}
                      <span className="visually-hidden"> {title}</span>
                    </button>{' '}
                    <a href={`${fileUrl(doc.fileId)}?download=1`} download={doc.name}>
                      {t('bo.docs.download')}
                      <span className="visually-hidden"> {title}</span>
                    </a>
                  </td>
                </tr>
              );
            })}
            {missing.map((req) => (
              <tr key={`missing-${req.id}`}>
                <th scope="row">{req.name}</th>
                <td colSpan={3}>
                  <Tag colour={req.required ? 'red' : 'grey'}>{req.required ? t('bo.docs.missingRequired') : t('bo.docs.notProvided')}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview && <Preview doc={preview} title={documentName(procedure, preview.requirementId) ?? preview.name} onClose={close} />}
    </>
  );
}
