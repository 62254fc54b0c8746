import type { ApiError } from '../api/client';
import type { Lang } from '../i18n';

export interface FieldProblem {
  /** The key the server used: a form field key, document requirement id or body path. */
  key: string;
  text: string;
}

/**
 * Reads the per-field problems a 400 carries: `details.problems` ({ key, message, messageEn })
 * from the submission check and `details.issues` ({ path, message }) from schema validation.
 * `body.formData.full_name` becomes `full_name`; the caller maps keys to its own field ids.
 */
export function fieldProblems(err: ApiError, lang: Lang): FieldProblem[] {
  const out: FieldProblem[] = [];
  const d = err.details ?? {};
  const problems = Array.isArray(d.problems) ? d.problems : [];
  for (const p of problems) {
    if (p && typeof p === 'object' && typeof (p as { key?: unknown }).key === 'string') {
      const item = p as { key: string; message?: string; messageEn?: string };
      out.push({ key: item.key, text: (lang === 'en' && item.messageEn) || item.message || err.localized(lang) });
    }
  }
  const issues = Array.isArray(d.issues) ? d.issues : [];
  for (const i of issues) {
    if (i && typeof i === 'object' && typeof (i as { path?: unknown }).path === 'string') {
      const item = i as { path: string; message?: string };
      const segments = item.path.split('.').filter((s) => s && s !== 'body' && s !== 'formData');
      out.push({ key: segments.join('.'), text: item.message || err.localized(lang) });
    }
  }
  return out;
}
