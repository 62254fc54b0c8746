import { api, apiPath } from '../../../api/client';
import type { DirectionInput, ObstacleInput, ProjectDetail, UpdateInput } from '@domain/projects-contract.ts';

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


/** A progress report with evidence (files uploaded first); answers the project as the caller now sees it. @throws {ApiError} */
export const addUpdate = (projectId: string, body: UpdateInput) => api.post<ProjectDetail>(`/projects/${encodeURIComponent(projectId)}/updates`, body);

/** Where an evidence file of a project is read (by whoever may read the project). */
export const projectFileHref = (projectId: string, fileId: string) => apiPath(`/projects/${encodeURIComponent(projectId)}/files/${encodeURIComponent(fileId)}`);

const projectPath = (id: string) => `/projects/${encodeURIComponent(id)}`;

/** Records an obstacle and who must act. @throws {ApiError} */
export const raiseObstacle = (projectId: string, body: ObstacleInput) => api.post<ProjectDetail>(`${projectPath(projectId)}/obstacles`, body);

/** Reports a direction done, with what was done. @throws {ApiError} */
export const completeDirection = (projectId: string, directionId: string, note: string) =>
  api.post<ProjectDetail>(`${projectPath(projectId)}/directions/${encodeURIComponent(directionId)}/complete`, { note });

/** Records an obstacle resolved (its open directions close with it). @throws {ApiError} */
export const resolveObstacle = (projectId: string, obstacleId: string, resolution: string) =>
  api.post<ProjectDetail>(`${projectPath(projectId)}/obstacles/${encodeURIComponent(obstacleId)}/resolve`, { resolution });
