import { useT } from '../../../i18n';
import { href } from '../../../routes';
import type { Procedure, User } from '../../../api/types';
import { Button, EmptyState, InsetText } from '../../../ui';
import { SignInButtons } from './SignInButtons';
import type { DraftApi } from '../draft';
import type { Uploads } from '../useUploads';
import { docId } from '../validate';
import { DocumentUpload } from './DocumentUpload';

/** Step 3: one upload per document requirement. Files belong to an account, so sign in first. */
export function DocumentsStep({ procedure, user, draft, uploads, errorFor, onContinue }: {
  procedure: Procedure;
  user: User | null;
  draft: DraftApi;
  uploads: Uploads;
  errorFor: (id: string) => string | null;
  onContinue: () => void;
}) {
  const { t } = useT();
  if (!user) {
    const back = href('apply', { code: procedure.code }, { buoc: 3 });
    return (
      <>
        <p>{t('apply.documents.signIn')}</p>
        <p>{t('apply.documents.draftKept')}</p>
        <SignInButtons back={back} />
      </>
    );
  }
  return (
    <>
      <InsetText>
        <p className="mb-0">{t('upload.limits')}</p>
      </InsetText>
      {procedure.documents.length === 0 ? (
        <EmptyState title={t('procedure.noDocuments')} />
      ) : (
        procedure.documents.map((d) => (
          <DocumentUpload
            key={d.id}
            doc={d}
            file={draft.draft.documents[d.id]}
            upload={uploads.states[d.id]}
            error={errorFor(docId(d.id))}
            onChoose={(f) => uploads.start(d.id, f)}
            onRetry={() => uploads.retry(d.id)}
            onCancel={() => uploads.cancel(d.id)}
            onRemove={() => draft.setDocument(d.id, null)}
          />
        ))
      )}
      <Button onClick={onContinue}>{t('apply.saveContinue')}</Button>
    </>
  );
}
