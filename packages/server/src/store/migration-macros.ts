import { sessionFactsSql } from '../analytics/session-facts-sql.js';

/**
 * SQL that a migration takes from the code rather than spelling it out, so a rule is
 * written once. `{{session_facts_sql}}` (0006) is the session-facts query the reports
 * run live, here for the sessions the refresh view settles.
 *
 * Macros are expanded when migrations are loaded, before the checksum: what is run and
 * checksummed is the text as it would be written out (for 0006, byte for byte the file
 * as shipped before the macro), so stores migrated earlier keep matching. Changing the
 * code behind a macro changes the text of a migration already applied, and `migrate`
 * refuses to start: write the old text out in that migration and add a new migration
 * that recreates the view with the macro.
 */
export const MIGRATION_MACROS: Readonly<Record<string, () => string>> = {
  session_facts_sql: () => sessionFactsSql('(project_id, session_id) IN settled', 'computed_at'),
};

const MACRO = /\{\{([a-z][a-z0-9_]*_sql)\}\}/g;

/** The migration text with every `{{name_sql}}` macro replaced by its SQL; an unknown one is an error. */
export function expandMigrationMacros(sql: string, macros = MIGRATION_MACROS): string {
  return sql.replace(MACRO, (_, name: string) => {
    const expand = macros[name];
    if (!expand) throw new Error(`unknown migration macro {{${name}}}`);
    return expand();
  });
}
