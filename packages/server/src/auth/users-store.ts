import type { Store } from '../store/client.js';
import { formatDateTime } from '../store/datetime.js';
import type { Role } from './principal.js';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
}

export interface MemberRow {
  user_id: string;
  email: string;
  role: Role;
}

export async function findUserByEmail(store: Store, email: string): Promise<UserRow | undefined> {
  const rows = await store.query<UserRow>(
    `SELECT id, email, password_hash, created_at FROM {db:Identifier}.users FINAL
     WHERE email = {email:String} AND disabled = 0 ORDER BY created_at, id LIMIT 1`,
    { email },
  );
  return rows[0];
}

export async function findUserById(store: Store, id: string): Promise<UserRow | undefined> {
  const rows = await store.query<UserRow>(
    `SELECT id, email, password_hash, created_at FROM {db:Identifier}.users FINAL
     WHERE id = {id:String} AND disabled = 0 LIMIT 1`,
    { id },
  );
  return rows[0];
}

export async function insertUser(store: Store, user: { id: string; email: string; passwordHash: string }) {
  const now = formatDateTime(Date.now());
  await store.insert('users', [
    { id: user.id, email: user.email, password_hash: user.passwordHash, created_at: now, disabled: 0, updated_at: now },
  ]);
}

/** The user's role in each project they belong to. */
export async function findRolesOfUser(store: Store, userId: string): Promise<Map<string, Role>> {
  const rows = await store.query<{ project_id: string; role: Role }>(
    `SELECT project_id, role FROM {db:Identifier}.memberships FINAL
     WHERE user_id = {user:String} AND removed = 0`,
    { user: userId },
  );
  return new Map(rows.map((row) => [row.project_id, row.role]));
}

export async function findMembers(store: Store, projectId: string): Promise<MemberRow[]> {
  return store.query<MemberRow>(
    `SELECT m.user_id AS user_id, u.email AS email, m.role AS role
     FROM (SELECT user_id, role FROM {db:Identifier}.memberships FINAL
           WHERE project_id = {project:String} AND removed = 0) AS m
     INNER JOIN (SELECT id, email FROM {db:Identifier}.users FINAL WHERE disabled = 0) AS u ON u.id = m.user_id
     ORDER BY email`,
    { project: projectId },
  );
}

/** Adds the user to the project, or changes their role there; `null` removes them. */
export async function upsertMembership(store: Store, projectId: string, userId: string, role: Role | null) {
  await store.insert('memberships', [
    {
      project_id: projectId,
      user_id: userId,
      role: role ?? 'viewer',
      removed: role ? 0 : 1,
      updated_at: formatDateTime(Date.now()),
    },
  ]);
}
