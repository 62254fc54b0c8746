import { useState } from 'react';
import { api, toApiError, type ApiError } from '../../../api/client';
import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { Button, ErrorState } from '../../../ui';
import type { ProjectDetail } from './api';

type Update = ProjectDetail['updates'][number];

/**
 * Publishes a progress report on the portal's project timeline, or takes it off, with the
 * report's version read; when someone else changed it first, says so and reloads the project.
 */
export function Publication({ projectId, update: u, onChange, onStale }: { projectId: string; update: Update; onChange: (d: ProjectDetail) => void; onStale: () => void }) {
  const { t } = useT();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const toggle = async () => {
    setPending(true);
    setFailure(null);
    try {
      onChange(await api.post<ProjectDetail>(`/projects/${encodeURIComponent(projectId)}/updates/${encodeURIComponent(u.id)}/publication`, { public: !u.public, version: u.version }));
    } catch (x) {
      const fail = toApiError(x);
      setFailure(fail);
      if (fail.code === 'PROJECT_UPDATE_VERSION_CONFLICT') onStale();
    } finally {
      setPending(false);
    }
  };
  const stale = failure?.code === 'PROJECT_UPDATE_VERSION_CONFLICT';
  return (
    <>
      {stale && (
        <p className="error-message" role="alert">
          {t('prj.pub.conflict')}
        </p>
      )}
      {failure && !stale && <ErrorState error={failure} />}
      <Button variant="secondary" small pending={pending} onClick={() => void toggle()}>
        {t(u.public ? 'prj.pub.unpublish' : 'prj.pub.publish', { date: formatDate(u.reportedOn) })}
      </Button>
    </>
  );
}
