import { api, apiPath } from '../../api/client';
import type { MyInterest } from '@domain/projects-public-contract.ts';

export type { MyInterest, PlanningDocument, PublicProject, PublicProjectSummary, PublicSite, Interest } from '@domain/projects-public-contract.ts';
export type { ProjectSummary } from '@domain/projects-contract.ts';

// Paths double as useApi cache keys.
export const investApi = {
  sites: () => apiPath('/public/investment-sites'),
  plans: () => apiPath('/public/planning-documents'),
  projects: () => apiPath('/public/projects'),
  project: (id: string) => apiPath(`/public/projects/${encodeURIComponent(id)}`),
  myProjects: () => apiPath('/investor/projects'),
  myInterests: () => apiPath('/investor/interests'),
  file: (id: string) => apiPath(`/public/files/${encodeURIComponent(id)}`),
};

/** Registers the signed-in investor's interest in a published site. @throws {ApiError} */
export const registerInterest = (siteId: string, message: string) => api.post<MyInterest>(`/investment-sites/${encodeURIComponent(siteId)}/interest`, { message });
