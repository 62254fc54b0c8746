import { useEffect, useRef, useState, type FormEvent } from 'react';
import { pick, useT } from '../../../i18n';
import { useSubmit } from '../../../api/useApi';
import type { Dossier } from '../../../api/types';
import { Button, ErrorSummary, SummaryList, Textarea, type FormError } from '../../../ui';
import { runAction } from '../api';
import { ActionFields, type ActionContext } from './ActionFields';
import { ActionError } from './ActionError';
import { DANGER_ACTIONS, draftContext, fid, isDirect, payloadOf, validateDraft, type ActionDraft } from './draft';
import { summaryOf } from './summary';

/** One action the server says this official may take now, with its labels. */
export type AllowedAction = Dossier['allowedActions'][number];

/**
 * One action: its form, then a confirmation step ("Xác nhận"), then the request, sent with the
 * dossier version the official saw. Actions with nothing to fill in open at the confirmation.
 * The draft lives in the page, so a failure, a conflict or closing the form keeps it.
 */
export function ActionForm({ action, draft, onDraft, ctx, onDone, onReload, onClose, focusOnOpen }: {
  action: AllowedAction;
  draft: ActionDraft;
  onDraft: (d: ActionDraft) => void;
  ctx: ActionContext;
  onDone: (next: Dossier) => void;
  onReload: () => void;
  onClose: () => void;
  /** False when the form reopens by itself with a restored draft: focus then stays put. */
  focusOnOpen: boolean;
}) {
  const { t, lang } = useT();
  const name = action.action;
  const label = pick(lang, action.label, action.labelEn);
  const direct = isDirect(name, draftContext(ctx.dossier));
  const [stage, setStage] = useState<'form' | 'confirm'>(direct ? 'confirm' : 'form');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const send = useSubmit(() => runAction(ctx.dossier, name, payloadOf(name, draft, draftContext(ctx.dossier))));

  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current || focusOnOpen) heading.current?.focus();
    mounted.current = true;
  }, [stage]);

  const onContinue = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateDraft(name, draft, t, draftContext(ctx.dossier));
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length === 0) {
      send.reset();
      setStage('confirm');
    }
  };

  const onConfirm = async (e: FormEvent) => {
    e.preventDefault();
    const next = await send.run();
    if (next) onDone(next);
  };

  const back = () => {
    send.reset();
    if (direct) onClose();
    else setStage('form');
  };

  return (
    <section id="bo-action-panel" className="bo-action" aria-labelledby="bo-action-title">
      {stage === 'form' ? (
        <form onSubmit={onContinue} noValidate>
          <h3 id="bo-action-title" className="mt-0" tabIndex={-1} ref={heading}>
            {label}
          </h3>
          <ErrorSummary errors={errors} focusKey={attempt} />
          <ActionFields action={name} draft={draft} onChange={onDraft} errors={errors} ctx={ctx} />
          <div className="button-group">
            <Button type="submit">{t('bo.act.continue')}</Button>
            <Button variant="secondary" onClick={onClose}>
              {t('bo.act.close')}
            </Button>
          </div>
        </form>
      ) : (
        <form onSubmit={onConfirm}>
          <h3 id="bo-action-title" className="mt-0" tabIndex={-1} ref={heading}>
            {t('bo.confirm.title', { action: label })}
          </h3>
          <p>{t(DANGER_ACTIONS.has(name) ? 'bo.confirm.leadDanger' : 'bo.confirm.lead')}</p>
          <SummaryList rows={[{ key: t('bo.confirm.action'), value: <strong>{label}</strong> }, ...summaryOf(name, draft, ctx, t, lang)]} />
          {direct && (
            <Textarea id={fid(name, 'comment')} label={t('bo.act.comment')} optional rows={2} value={draft.comment} onChange={(v) => onDraft({ ...draft, comment: v })} />
          )}
          {send.error && (
            <ActionError
              error={send.error}
              onReload={() => {
                send.reset();
                onReload();
              }}
            />
          )}
          <div className="button-group">
            <Button type="submit" variant={DANGER_ACTIONS.has(name) ? 'warning' : 'primary'} pending={send.pending}>
              {t('bo.confirm.yes')}
            </Button>
            <Button variant="secondary" onClick={back} disabled={send.pending}>
              {direct ? t('common.cancel') : t('bo.confirm.edit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
