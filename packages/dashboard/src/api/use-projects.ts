import type { PagesResponse, ProjectsResponse } from '@snag/protocol';
import { useApi } from './use-api';

export function useProjects() {
  return useApi<ProjectsResponse>('/projects');
}

/** Path patterns of a project, most viewed first (for page pickers). */
export function usePages(project: string, from: string) {
  return useApi<PagesResponse>(`/projects/${project}/pages`, { from, limit: 200 });
}
