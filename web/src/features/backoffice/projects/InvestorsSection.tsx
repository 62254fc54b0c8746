import { useState, type FormEvent } from 'react';
import { api, toApiError, type ApiError } from '../../../api/client';
import { useT } from '../../../i18n';
import { Button, ErrorState, ErrorSummary, NotificationBanner, TextInput, type FormError } from '../../../ui';
import type { ProjectDetail } from './api';

const path = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/investors`;

/**
 * The investor accounts linked to a project (they read it, report progress and raise obstacles
 * from the portal), and — for whom the API allows it (`may.edit`) — linking one by its login
 * and unlinking one.
 */
export function InvestorsSection({ project, onChange }: { project: ProjectDetail; onChange: (d: ProjectDetail) => void }) {
  const { t } = useT();
  const [login, setLogin] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const may = project.may.edit;
  if (!may && project.investors.length === 0) return null;

  const run = async (act: () => Promise<ProjectDetail>, message: string) => {
    setPending(true);
    setFailure(null);
    setDone(null);
    try {
      onChange(await act());
      setDone(message);
      return true;
    } catch (x) {
      setFailure(toApiError(x));
      return false;
    } finally {
      setPending(false);
    }
  };
  const link = async (e: FormEvent) => {
    e.preventDefault();
    const value = login.trim();
    setErrors(value ? [] : [{ target: 'prj-inv-login', text: t('prj.inv.err.login') }]);
    if (!value) return;
    if (await run(() => api.post<ProjectDetail>(path(project.id), { login: value }), t('prj.inv.linked'))) setLogin('');
  };

  return (
    <section aria-labelledby="prj-investors">
      <h2 id="prj-investors">{t('prj.inv.title')}</h2>
      <p className="small">{t('prj.inv.lead')}</p>
      {done && <NotificationBanner type="success" title={done} />}
      {failure && <ErrorState error={failure} />}
      {project.investors.length === 0 ? (
        <p>{t('prj.inv.none')}</p>
      ) : (
        <ul className="prj-investors">
          {project.investors.map((i) => (
            <li key={i.id}>
              {i.name} ({i.login}){' '}
              {may && (
                <Button variant="secondary" small pending={pending} onClick={() => void run(() => api.del<ProjectDetail>(`${path(project.id)}/${encodeURIComponent(i.id)}`), t('prj.inv.unlinked', { name: i.name }))}>
                  {t('prj.inv.unlink', { name: i.name })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {may && (
        <form onSubmit={(e) => void link(e)} noValidate aria-label={t('prj.inv.link')}>
          <ErrorSummary errors={errors} />
          <TextInput id="prj-inv-login" label={t('prj.inv.login')} hint={t('prj.inv.loginHint')} width="w20" value={login} onChange={setLogin} error={errors[0]?.text} />
          <Button type="submit" pending={pending}>
            {t('prj.inv.link')}
          </Button>
        </form>
      )}
    </section>
  );
}
