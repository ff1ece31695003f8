import type { PageRow, Project } from '@snag/protocol';
import { useApi } from './use-api';

export function useProjects() {
  return useApi<{ projects: Project[] }>('/projects');
}

/** Path patterns of a project, most viewed first (for page pickers). */
export function usePages(project: string, from: string) {
  return useApi<{ pages: PageRow[] }>(`/projects/${project}/pages`, { from, limit: 200 });
}
