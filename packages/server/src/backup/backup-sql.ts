import { BackupError } from './backup-error.js';

/**
 * `BACKUP` and `RESTORE` take no query parameters (ClickHouse parses them before
 * substitution), so these are the one place Snag writes a value into SQL: a database
 * name that `config.ts` already holds to a plain identifier, and an absolute folder
 * path, checked here and quoted as a string literal.
 */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new BackupError(`"${name}" is not a plain database name`);
  return name;
}

function stringLiteral(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f]/.test(value)) throw new BackupError('a backup folder path may not hold control characters');
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * Targets of refreshable materialized views (`session_facts`) are left out of a
 * backup by default; Snag keeps them, so a restored store reads the same at once.
 */
export function backupDatabaseSql(database: string, folder: string): string {
  return `BACKUP DATABASE ${identifier(database)} TO File(${stringLiteral(folder)}) SETTINGS backup_data_from_refreshable_materialized_view_targets = 1`;
}

export function restoreDatabaseSql(fromDatabase: string, toDatabase: string, folder: string): string {
  return `RESTORE DATABASE ${identifier(fromDatabase)} AS ${identifier(toDatabase)} FROM File(${stringLiteral(folder)})`;
}
