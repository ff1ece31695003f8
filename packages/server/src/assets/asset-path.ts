/** Where a kept asset is served: same origin as the dashboard, behind the project's access rules. */
export function assetPath(projectId: string, sha256: string): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/assets/${sha256}`;
}
