import { pick, useT } from '../../../i18n';
import type { Dossier } from '../../../api/types';
import { Button } from '../../../ui';
import type { ActionContext } from './ActionFields';
import { ActionForm, type AllowedAction } from './ActionForm';
import { emptyDraft, hasContent, type ActionDraft } from './draft';

/** The server's list of what this official may do now. */
export function allowedActions(d: Dossier): AllowedAction[] {
  return d.allowedActions;
}

/**
 * ONLY the actions in `allowedActions`, one button each (named exactly like the action), and
 * the open action's form. A draft whose action is no longer allowed is still shown, read-only.
 */
export function ActionsPanel({ ctx, open, onOpen, drafts, onDraft, onDone, onReload, focusOnOpen }: {
  ctx: ActionContext;
  open: string | null;
  onOpen: (action: string | null) => void;
  drafts: Record<string, ActionDraft>;
  onDraft: (action: string, d: ActionDraft) => void;
  onDone: (action: AllowedAction, next: Dossier) => void;
  onReload: () => void;
  focusOnOpen: boolean;
}) {
  const { t, lang } = useT();
  const actions = allowedActions(ctx.dossier);
  const current = actions.find((a) => a.action === open) ?? null;
  const orphan = open && !current ? drafts[open] : undefined;

  return (
    <section aria-labelledby="bo-actions-title" className="bo-actions">
      <h2 id="bo-actions-title" className="mt-0">
        {t('bo.actions.title')}
      </h2>
      {actions.length === 0 ? (
        <p className="secondary-text">{t('bo.actions.none')}</p>
      ) : (
        <ul className="list-plain bo-actions__list">
          {actions.map((a) => (
            <li key={a.action}>
              <Button
                variant={a.action === open ? 'primary' : 'secondary'}
                aria-expanded={a.action === open}
                aria-controls={a.action === open ? 'bo-action-panel' : undefined}
                onClick={() => onOpen(a.action === open ? null : a.action)}
              >
                {pick(lang, a.label, a.labelEn)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <ActionForm
          key={current.action}
          action={current}
          draft={drafts[current.action] ?? emptyDraft()}
          onDraft={(d) => onDraft(current.action, d)}
          ctx={ctx}
          onDone={(next) => onDone(current, next)}
          onReload={onReload}
          onClose={() => onOpen(null)}
          focusOnOpen={focusOnOpen}
        />
      )}
      {orphan && hasContent(orphan) && (
        <div className="state" role="status">
          <p className="state__title">{t('bo.actions.gone')}</p>
          <p>{t('bo.actions.goneBody')}</p>
          <pre className="bo-prewrap small">{[orphan.reason, orphan.comment, ...orphan.items.map((i) => i.reason)].filter((s) => s.trim()).join('\n\n')}</pre>
          <Button variant="secondary" small onClick={() => onOpen(null)}>
            {t('bo.actions.dismiss')}
          </Button>
        </div>
      )}
    </section>
  );
}
