import { pick, useT } from '../../../i18n';
import type { Dossier, Procedure } from '../../../api/types';
import { Button, ErrorMessage, type FormError } from '../../../ui';
import { fid, newItem, type ActionDraft, type SupplementDraftItem } from './draft';

/** The choices: the procedure's documents and form fields (or, without it, what was filed). */
function targetOptions(d: Dossier, procedure: Procedure | undefined, lang: 'vi' | 'en') {
  const docs = procedure
    ? procedure.documents.map((x) => ({ value: `document:${x.id}`, label: x.name }))
    : [...new Set(d.documents.map((x) => x.requirementId).filter(Boolean))].map((id) => ({ value: `document:${id}`, label: String(id) }));
  const fields = procedure
    ? procedure.formFields.map((f) => ({ value: `field:${f.key}`, label: pick(lang, f.label, f.labelEn) }))
    : Object.keys(d.formData ?? {}).map((k) => ({ value: `field:${k}`, label: k }));
  return { docs, fields };
}

/**
 * Builds a request to supplement with several items at once (Decree 61 Art. 17: list everything
 * missing in one go): each item is a document or a form field and the reason.
 */
export function SupplementBuilder({ action, dossier, procedure, draft, onChange, errors }: {
  /** propose_supplement (a handler) or request_supplement (the desk): the ids are the action's. */
  action: string;
  dossier: Dossier;
  procedure: Procedure | undefined;
  draft: ActionDraft;
  onChange: (d: ActionDraft) => void;
  errors: FormError[];
}) {
  const { t, lang } = useT();
  const { docs, fields } = targetOptions(dossier, procedure, lang);
  const errorFor = (target: string) => errors.find((e) => e.target === target)?.text ?? null;
  const update = (uid: string, patch: Partial<SupplementDraftItem>) =>
    onChange({ ...draft, items: draft.items.map((i) => (i.uid === uid ? { ...i, ...patch } : i)) });
  const remove = (uid: string) => onChange({ ...draft, items: draft.items.filter((i) => i.uid !== uid) });
  const add = () => {
    const item = newItem();
    onChange({ ...draft, items: [...draft.items, item] });
    window.setTimeout(() => document.getElementById(`${fid(action, 'target')}-${item.uid}`)?.focus(), 0);
  };
  const addError = errorFor(fid(action, 'add'));

  return (
    <fieldset className="bo-items">
      <legend className="legend">{t('bo.act.supplement.legend')}</legend>
      <p className="hint">{t('bo.act.supplement.hint')}</p>
      {draft.items.map((item, i) => {
        const targetId = `${fid(action, 'target')}-${item.uid}`;
        const reasonId = `${fid(action, 'reason')}-${item.uid}`;
        const targetError = errorFor(targetId);
        const reasonError = errorFor(reasonId);
        return (
          <div className="bo-item" key={item.uid}>
            <div className={targetError ? 'form-group form-group--error' : 'form-group'}>
              <label className="label" htmlFor={targetId}>
                {t('bo.act.supplement.target', { n: i + 1 })}
              </label>
              {targetError && <ErrorMessage id={targetId}>{targetError}</ErrorMessage>}
              <select
                id={targetId}
                className="select"
                value={item.target}
                onChange={(e) => update(item.uid, { target: e.target.value })}
                aria-invalid={targetError ? true : undefined}
                aria-describedby={targetError ? `${targetId}-error` : undefined}
              >
                <option value="">{t('bo.choose')}</option>
                {docs.length > 0 && (
                  <optgroup label={t('bo.act.supplement.documents')}>
                    {docs.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                )}
                {fields.length > 0 && (
                  <optgroup label={t('bo.act.supplement.fields')}>
                    {fields.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </div>
            <div className={reasonError ? 'form-group form-group--error' : 'form-group'}>
              <label className="label" htmlFor={reasonId}>
                {t('bo.act.supplement.reason', { n: i + 1 })}
              </label>
              {reasonError && <ErrorMessage id={reasonId}>{reasonError}</ErrorMessage>}
              <textarea
                id={reasonId}
                className="textarea"
                rows={2}
                value={item.reason}
                onChange={(e) => update(item.uid, { reason: e.target.value })}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? `${reasonId}-error` : undefined}
              />
            </div>
            {draft.items.length > 1 && (
              <Button variant="secondary" small onClick={() => remove(item.uid)}>
                {t('bo.act.supplement.remove', { n: i + 1 })}
              </Button>
            )}
          </div>
        );
      })}
      {addError && <ErrorMessage id={fid(action, 'add')}>{addError}</ErrorMessage>}
      <Button id={fid(action, 'add')} variant="secondary" onClick={add}>
        {t('bo.act.supplement.add')}
      </Button>
    </fieldset>
  );
}
