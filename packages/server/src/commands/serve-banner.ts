import type { Config } from '../config.js';
import type { RunningServer } from '../index.js';

/** What the admin-token line says: the token itself only on the start that generated it. */
function adminTokenLine(server: RunningServer): string {
  const { adminToken, adminTokenSource } = server.credentials;
  if (adminTokenSource === 'generated') {
    return `${adminToken} (generated now and shown once; \`snag admin-token\` prints it again)`;
  }
  if (adminTokenSource === 'environment') return 'set by SNAG_ADMIN_TOKEN';
  return 'kept in the store; print it with `snag admin-token` (server stopped)';
}

/** The lines `snag serve` prints once it listens. */
export function serveBanner(server: RunningServer, config: Config): string {
  const where = config.store.kind === 'embedded' ? `embedded ClickHouse in ${config.store.dataDir}` : config.store.url;
  const base = config.publicUrl ?? server.url;
  const lines = [
    `Snag is listening on ${server.boundUrl}`,
    `  store:               ${where} (database ${config.store.database})`,
    '  default project:     default',
    `  public ingest key:   ${server.credentials.defaultProjectKey}`,
    `  admin token:         ${adminTokenLine(server)}`,
    `  ingest endpoint:     ${base}/v1/ingest`,
    `  dashboard:           ${base}/ (sign in with the admin token)`,
  ];
  if (server.allInterfaces) {
    lines.push(
      '',
      `WARNING: listening on every network interface (HOST=${config.host}): anyone who can reach this`,
      `machine on port ${server.port} reaches Snag over plain HTTP. Put a TLS proxy in front and listen on`,
      'HOST=127.0.0.1 (docs/deploy.md), or keep HOST=0.0.0.0 only inside a container or a private network.',
    );
  }
  return lines.join('\n');
}
