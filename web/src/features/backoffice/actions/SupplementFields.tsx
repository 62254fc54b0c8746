import type { ReactNode } from 'react';
import { useT } from '../../../i18n';
import { Tag, Textarea, type FormError } from '../../../ui';
import { targetLabel } from '../dossier/labels';
import { buildsItems, draftContext, fid, needsRepeatReason, type ActionContext, type ActionDraft } from './draft';
import { SupplementBuilder } from './SupplementBuilder';

/**
 * A request to supplement (Decree 118/2025 Art. 5, 19): a handler proposes the items, the desk
 * sends them — the proposal as it stands, or items of its own when there is none. From the
 * second round on, the form asks why another request is needed.
 */
export function SupplementFields({ action, draft, onChange, errors, ctx, comment }: {
  action: string;
  draft: ActionDraft;
  onChange: (d: ActionDraft) => void;
  errors: FormError[];
  ctx: ActionContext;
  comment: ReactNode;
}) {
  const { t, lang } = useT();
  const { dossier: d, procedure } = ctx;
  const dc = draftContext(d);
  const proposal = d.proposedSupplement;
  const windowPassed = d.supplementWindowEndsAt ? new Date(d.supplementWindowEndsAt) < new Date() : false;
  return (
    <>
      {action === 'propose_supplement' && <p className="hint">{t('bo.act.proposeHint')}</p>}
      {windowPassed && (
        <p className="bo-sub">
          <Tag colour="red">{t('bo.supplement.lateFlag')}</Tag> {t('bo.act.windowLate')}
        </p>
      )}
      {buildsItems(action, dc) ? (
        <SupplementBuilder action={action} dossier={d} procedure={procedure} draft={draft} onChange={onChange} errors={errors} />
      ) : (
        <>
          <p>{t('bo.act.proposalToSend')}</p>
          <ol className="list-number">
            {(proposal?.items ?? []).map((i) => (
              <li key={i.id}>
                <strong>{targetLabel(procedure, i.target, lang)}</strong>: {i.reason}
              </li>
            ))}
          </ol>
        </>
      )}
      {needsRepeatReason(action, dc) && (
        <Textarea
          id={fid(action, 'repeatReason')}
          label={t('bo.act.repeatReason')}
          hint={t('bo.act.repeatReasonHint', { n: d.supplementRounds })}
          error={errors.find((e) => e.target === fid(action, 'repeatReason'))?.text ?? null}
          value={draft.repeatReason ?? ''}
          onChange={(v) => onChange({ ...draft, repeatReason: v })}
          rows={3}
        />
      )}
      {comment}
    </>
  );
}
