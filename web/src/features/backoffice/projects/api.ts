import { api, apiPath } from '../../../api/client';
import type { DirectionInput, ProjectDetail } from '@domain/projects-contract.ts';

export type { Changes, Direction, Obstacle, ProjectDetail, ProjectList, ProjectSummary } from '@domain/projects-contract.ts';

// Paths double as useApi cache keys.
export const projectApi = {
  list: (query: { state?: string; q?: string } = {}) => apiPath('/projects', query),
  detail: (id: string) => apiPath(`/projects/${encodeURIComponent(id)}`),
  changes: (days = 7) => apiPath('/projects/changes', { days }),
  exportXlsx: (query: { state?: string; q?: string } = {}) => apiPath('/projects/export.xlsx', query),
  briefPdf: () => apiPath('/projects/brief.pdf'),
  rule: () => apiPath('/projects/rule'),
};

/** Records a leader's direction on an obstacle; answers the project as the caller now sees it. @throws {ApiError} */
export const giveDirection = (projectId: string, obstacleId: string, body: Omit<DirectionInput, 'ownerOther'> & { ownerOther?: string }) =>
  api.post<ProjectDetail>(`/projects/${encodeURIComponent(projectId)}/obstacles/${encodeURIComponent(obstacleId)}/directions`, body);
