/**
 * Turns a migration file into the statements to run. On a single server the
 * macros vanish; on a cluster (CLICKHOUSE_CLUSTER) data tables become
 * `Replicated*` tables named `<table>_local`, DDL runs `ON CLUSTER`, and each
 * `-- distributed: <table> BY <sharding key>` line adds the `Distributed` table
 * that every query reads and writes.
 *
 * The cluster and database names are validated identifiers from the config,
 * never request values.
 */
export interface RenderOptions {
  database: string;
  cluster?: string;
}

const DISTRIBUTED_DIRECTIVE = /^--\s*distributed:\s*([A-Za-z_][A-Za-z0-9_]*)\s+BY\s+(.+)$/;

export function renderMigration(sql: string, options: RenderOptions): string[] {
  const statements: string[] = [];
  for (const chunk of sql.split(/;[ \t]*(?:\r?\n|$)/)) {
    const directives: Array<{ table: string; key: string }> = [];
    const body: string[] = [];
    for (const line of chunk.split(/\r?\n/)) {
      const trimmed = line.trim();
      const directive = DISTRIBUTED_DIRECTIVE.exec(trimmed);
      if (directive?.[1] && directive[2]) directives.push({ table: directive[1], key: directive[2].trim() });
      else if (!trimmed.startsWith('--')) body.push(line);
    }
    const statement = body.join('\n').trim();
    if (statement) statements.push(expandMacros(statement, options.cluster));
    if (options.cluster) {
      for (const { table, key } of directives) {
        statements.push(distributedTable(table, key, options.database, options.cluster));
      }
    }
  }
  return statements;
}

function expandMacros(statement: string, cluster: string | undefined): string {
  return statement
    .replace(/\{\{table:([A-Za-z0-9_]+)\}\}/g, (_, table: string) => (cluster ? `${table}_local` : table))
    .replace(/\{\{on_cluster\}\}/g, cluster ? `ON CLUSTER \`${cluster}\`` : '')
    .replace(/\{\{engine:([A-Za-z]+)(\([^)]*\))?\}\}/g, (_, engine: string, args = '') =>
      cluster ? `Replicated${engine}${args}` : `${engine}${args}`,
    );
}

function distributedTable(table: string, key: string, database: string, cluster: string): string {
  return [
    `CREATE TABLE IF NOT EXISTS {db:Identifier}.${table} ON CLUSTER \`${cluster}\``,
    `AS {db:Identifier}.${table}_local`,
    `ENGINE = Distributed('${cluster}', '${database}', '${table}_local', ${key})`,
  ].join('\n');
}
