import { useState, type FormEvent } from 'react';
import { useT, isMessageKey } from '../../../../i18n';
import { toApiError, type ApiError } from '../../../../api/client';
import { Button, ErrorState, NotificationBanner, Textarea, TextInput } from '../../../../ui';
import { previewTemplate, saveTemplate, type Preview, type Problem, type TemplateDetail, type TemplateTexts } from './api';

const LOCALES = ['vi', 'en'] as const;
const PARTS = ['title', 'body', 'sms'] as const;

/** Edit a notice's texts in both languages, preview them with sample facts, save a new version from a date. */
export function TemplateEditor({ detail, today, onSaved }: { detail: TemplateDetail; today: string; onSaved: () => void }) {
  const { t, lang } = useT();
  const [texts, setTexts] = useState<TemplateTexts>(detail.inForce.texts);
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameKey = `bo.notices.event.${detail.event}`;
  const name = isMessageKey(nameKey) ? t(nameKey) : detail.event;

  const set = (l: 'vi' | 'en', part: (typeof PARTS)[number], v: string) => setTexts((x) => ({ ...x, [l]: { ...x[l], [part]: v } }));
  const run = async (what: 'preview' | 'save') => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      if (what === 'preview') {
        const p = await previewTemplate(detail.event, texts);
        setPreview(p);
        setProblems(p.problems);
      } else {
        const v = await saveTemplate(detail.event, texts, effectiveFrom);
        setProblems([]);
        setSaved(t('bo.notices.saved', { version: v.version, date: v.effectiveFrom ?? '' }));
        onSaved();
      }
    } catch (err) {
      const e = toApiError(err);
      const listed = (e.details?.problems as Problem[] | undefined) ?? [];
      if (listed.length) setProblems(listed);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run('save');
  };

  return (
    <section aria-labelledby="notice-editor-title">
      <h2 id="notice-editor-title">{t('bo.notices.edit', { name })}</h2>
      <p className="secondary-text">{t('bo.notices.facts', { vars: detail.vars.join(', '), required: detail.required.join(', ') })}</p>
      {saved && <NotificationBanner type="success" title={saved} />}
      {error && <ErrorState error={error} />}
      {problems.length > 0 && (
        <div className="state state--error" role="alert">
          <p className="state__title">{t('bo.notices.problems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {t(`bo.notices.lang.${p.locale}`)} · {t(`bo.notices.part.${p.part}`).split(' (')[0]}: {lang === 'en' ? p.messageEn : p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        {LOCALES.map((l) => (
          <fieldset key={l} className="form-group" lang={l}>
            <legend className="legend">{t(`bo.notices.lang.${l}`)}</legend>
            {PARTS.map((part) =>
              part === 'title' ? (
                <TextInput key={part} id={`notice-${l}-${part}`} label={t(`bo.notices.part.${part}`)} value={texts[l][part]} onChange={(v) => set(l, part, v)} maxLength={200} />
              ) : (
                <Textarea key={part} id={`notice-${l}-${part}`} label={t(`bo.notices.part.${part}`)} value={texts[l][part]} onChange={(v) => set(l, part, v)} rows={part === 'body' ? 8 : 3} />
              ),
            )}
          </fieldset>
        ))}
        <TextInput id="notice-effective" type="date" label={t('bo.notices.effectiveFrom')} value={effectiveFrom} onChange={setEffectiveFrom} width="w10" min={today} />
        <div className="button-group">
          <Button variant="secondary" onClick={() => void run('preview')} pending={busy}>
            {t('bo.notices.preview')}
          </Button>
          <Button type="submit" pending={busy}>
            {t('bo.notices.save')}
          </Button>
        </div>
      </form>
      {preview && (
        <section aria-labelledby="notice-preview-title">
          <h3 id="notice-preview-title">{t('bo.notices.previewTitle')}</h3>
          {LOCALES.map((l) => (
            <div key={l} lang={l}>
              <h4>{t(`bo.notices.lang.${l}`)}</h4>
              <p>
                <strong>{t('bo.notices.channel.email')}:</strong> {preview.preview[l].title}
              </p>
              <p className="notice__body">{preview.preview[l].body}</p>
              <p>
                <strong>{t('bo.notices.channel.sms')}:</strong> {preview.preview[l].sms}
              </p>
              <p>
                <strong>{t('bo.notices.channel.zalo')}:</strong> {preview.preview[l].zalo}
              </p>
            </div>
          ))}
        </section>
      )}
    </section>
  );
}
