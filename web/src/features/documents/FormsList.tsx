import { useT } from '../../i18n';
import { apiPath } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { DossierFormLink } from '@domain/form-templates.ts';

/**
 * The forms of Circular 03/2025 that a dossier has at its steps (receipt, supplement request,
 * refusal, apology, notice of stopping, control slip), each a printable PDF.
 */
export function FormsList({ code, headingLevel = 2 }: { code: string; headingLevel?: 2 | 3 }) {
  const { t } = useT();
  const list = useApi<{ items: DossierFormLink[] }>(apiPath(`/dossiers/${encodeURIComponent(code)}/forms`));
  if (!list.data || list.data.items.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="dossier-forms-title">
      <Heading id="dossier-forms-title">{t('forms.title')}</Heading>
      <ul className="list-plain">
        {list.data.items.map((f) => (
          <li key={f.number}>
            <a href={f.url} target="_blank" rel="noopener">
              {t('forms.link', { number: f.number, title: f.title })}
              <span className="visually-hidden"> ({t('common.newTab')})</span>
            </a>
            <span className="secondary-text small"> — {f.legalBasis}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
