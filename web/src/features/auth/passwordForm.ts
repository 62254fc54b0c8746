import type { ApiError } from '../../api/client';
import type { Lang, Translate } from '../../i18n';
import type { FormError } from '../../ui';

const PROBLEMS = ['too_short', 'too_long', 'contains_login', 'common', 'repeated', 'same_as_current'] as const;
type Problem = (typeof PROBLEMS)[number];
const isProblem = (p: unknown): p is Problem => (PROBLEMS as readonly unknown[]).includes(p);

/** A new password typed twice: at least 8 characters, the same both times (the server checks the rest). */
export function newPasswordErrors(password: string, confirm: string, t: Translate, ids: { password: string; confirm: string }): FormError[] {
  const e: FormError[] = [];
  if (Array.from(password).length < 8) e.push({ target: ids.password, text: t('password.error.short') });
  else if (confirm !== password) e.push({ target: ids.confirm, text: t('password.error.confirm') });
  return e;
}

/**
 * The server's answer about a password, on the field it concerns: PASSWORD_TOO_WEAK says why
 * (each problem in the reader's language), PASSWORD_INCORRECT is the current password's.
 */
export function passwordServerErrors(err: ApiError, t: Translate, lang: Lang, ids: { password: string; current?: string; fallback: string }): FormError[] {
  if (err.code === 'PASSWORD_TOO_WEAK') {
    const problems = Array.isArray(err.details?.problems) ? err.details.problems.filter(isProblem) : [];
    if (problems.length) return problems.map((p) => ({ target: ids.password, text: t(`password.problem.${p}`) }));
  }
  if (err.code === 'PASSWORD_INCORRECT' && ids.current) return [{ target: ids.current, text: err.localized(lang) }];
  return [{ target: ids.fallback, text: err.localized(lang) }];
}
