import { HttpError } from '../http/errors.js';
import { findProject } from '../projects/store.js';
import type { Store } from '../store/client.js';

/** 404 for a project that does not exist, so a typo is not mistaken for "no friction". */
export async function requireProject(store: Store, projectId: string): Promise<void> {
  if (!(await findProject(store, projectId))) {
    throw new HttpError(404, 'project_not_found', `no project "${projectId}"`);
  }
}
