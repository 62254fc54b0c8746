import type { Lang, Translate } from '../../i18n';
import type { ApiError } from '../../api/client';
import type { Procedure } from '../../api/types';
import { href } from '../../routes';
import { fieldProblems } from '../../lib/serverErrors';
import type { FormError } from '../../ui';
import { docId, fieldId } from './validate';

/**
 * Turns a refused submission into error-summary entries that link to the right step and field,
 * plus the same messages by field id so each input shows its own. Problems that name no
 * field fall back to the server's general message.
 */
export function mapSubmitError(err: ApiError, p: Procedure, t: Translate, lang: Lang): { summary: FormError[]; byId: Record<string, string> } {
  const byId: Record<string, string> = {};
  const summary: FormError[] = [];
  const fields = new Set(p.formFields.map((f) => f.key));
  const docs = new Set(p.documents.map((d) => d.id));

  for (const problem of fieldProblems(err, lang)) {
    const [first, second] = problem.key.split('.');
    if (first && fields.has(first)) {
      byId[fieldId(first)] = problem.text;
      summary.push({ target: href('apply', { code: p.code }, { buoc: 2 }, fieldId(first)), text: problem.text });
    } else if (first && docs.has(first)) {
      byId[docId(first)] = problem.text;
      summary.push({ target: href('apply', { code: p.code }, { buoc: 3 }, docId(first)), text: problem.text });
    } else if (first === 'documents' && second !== undefined) {
      summary.push({ target: href('apply', { code: p.code }, { buoc: 3 }), text: problem.text });
    } else {
      summary.push({ target: 'apply-submit', text: problem.text });
    }
  }
  if (summary.length === 0) {
    const text =
      err.status === 401
        ? t('apply.error.signedOut')
        : err.code === 'NETWORK_ERROR'
          ? t('apply.error.network')
          : err.localized(lang);
    summary.push({ target: err.status === 401 ? href('signIn', {}, { tiep: href('apply', { code: p.code }, { buoc: 4 }) }) : 'apply-submit', text });
  }
  return { summary, byId };
}
