import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';

export interface Project {
  id: string;
  name: string;
  created_at: string;
}

export async function findProject(store: Store, id: string): Promise<Project | undefined> {
  const rows = await store.query<Project>(
    'SELECT id, name, created_at FROM {db:Identifier}.projects FINAL WHERE id = {id:String} LIMIT 1',
    { id },
  );
  return rows[0];
}

export async function insertProject(store: Store, project: { id: string; name: string }): Promise<void> {
  const now = formatDateTime(Date.now());
  await store.insert('projects', [{ ...project, created_at: now, updated_at: now }]);
}

/** The project a public ingest key writes to, or undefined for an unknown or revoked key. */
export async function findProjectIdByKey(store: Store, key: string): Promise<string | undefined> {
  const rows = await store.query<{ project_id: string }>(
    'SELECT project_id FROM {db:Identifier}.project_keys FINAL WHERE key = {key:String} AND revoked = 0 LIMIT 1',
    { key },
  );
  return rows[0]?.project_id;
}

/** Live public keys with their projects, for the ingest key cache. */
export function findLivePublicKeys(store: Store, limit: number): Promise<{ key: string; project_id: string }[]> {
  return store.query<{ key: string; project_id: string }>(
    `SELECT key, project_id FROM {db:Identifier}.project_keys FINAL
     WHERE kind = 'public' AND revoked = 0 ORDER BY created_at DESC LIMIT {limit:UInt32}`,
    { limit },
  );
}

export async function findPublicKeys(store: Store, projectId: string): Promise<string[]> {
  const rows = await store.query<{ key: string }>(
    `SELECT key FROM {db:Identifier}.project_keys FINAL
     WHERE project_id = {project:String} AND kind = 'public' AND revoked = 0
     ORDER BY created_at, key`,
    { project: projectId },
  );
  return rows.map((row) => row.key);
}

export async function insertPublicKey(store: Store, projectId: string, key: string): Promise<void> {
  const now = formatDateTime(Date.now());
  await store.insert('project_keys', [
    { key, project_id: projectId, kind: 'public', created_at: now, revoked: 0, updated_at: now },
  ]);
}

export interface ProjectRow {
  id: string;
  name: string;
  created_at: string;
}

/** Every project, for the picker (the caller filters by role). */
export function findProjects(store: Store): Promise<ProjectRow[]> {
  return store.query<ProjectRow>(
    `SELECT id, name, formatDateTime(created_at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS created_at
     FROM {db:Identifier}.projects FINAL ORDER BY id`,
  );
}
