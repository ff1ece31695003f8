import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/store/migrate.js';
import { renderMigration } from '../../src/store/render-migration.js';

const SQL = `
CREATE TABLE IF NOT EXISTS {db:Identifier}.{{table:events}} {{on_cluster}}
(id String, updated_at DateTime)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY id;
-- distributed: events BY cityHash64(id)
`;

describe('renderMigration', () => {
  it('drops the macros on a single server', () => {
    const statements = renderMigration(SQL, { database: 'snag' });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('{db:Identifier}.events');
    expect(statements[0]).toContain('ENGINE = ReplacingMergeTree(updated_at)');
    expect(statements[0]).not.toMatch(/ON CLUSTER|\{\{/);
  });

  it('makes replicated local tables and a Distributed table on a cluster', () => {
    const statements = renderMigration(SQL, { database: 'snag', cluster: 'prod' });
    expect(statements).toHaveLength(2);
    expect(statements[0]).toContain('{db:Identifier}.events_local ON CLUSTER `prod`');
    expect(statements[0]).toContain('ENGINE = ReplicatedReplacingMergeTree(updated_at)');
    expect(statements[1]).toBe(
      [
        'CREATE TABLE IF NOT EXISTS {db:Identifier}.events ON CLUSTER `prod`',
        'AS {db:Identifier}.events_local',
        "ENGINE = Distributed('prod', 'snag', 'events_local', cityHash64(id))",
      ].join('\n'),
    );
  });

  it('renders every shipped migration without leftover macros, in both modes', () => {
    const migrations = loadMigrations();
    expect(migrations[0]?.name).toBe('0001_init');
    for (const migration of migrations) {
      for (const cluster of [undefined, 'prod']) {
        for (const statement of renderMigration(migration.sql, { database: 'snag', cluster })) {
          expect(statement).not.toMatch(/\{\{|\}\}/);
          // DELETE only with a WHERE (0016 drops the refresh's coverage marks so it re-covers every session),
          // on the local table in a cluster: lightweight deletes do not go through a Distributed table.
          expect(statement).toMatch(
            /^(CREATE|INSERT|DROP (VIEW|TABLE) IF EXISTS|DELETE FROM \S+\s+(ON CLUSTER \S+\s+)?WHERE) /,
          );
          if (cluster && statement.startsWith('DELETE')) expect(statement).toMatch(/_local ON CLUSTER/);
        }
      }
    }
  });
});
