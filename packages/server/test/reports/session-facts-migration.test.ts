import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sessionFactsSql } from '../../src/analytics/session-facts-sql.js';

const migration = readFileSync(new URL('../../migrations/0006_session_facts.sql', import.meta.url), 'utf8');
const words = (sql: string) => sql.replace(/\s+/g, ' ').trim();

test('the refresh view computes session facts with the rules reports use for live sessions', () => {
  const view = migration.slice(migration.indexOf('CREATE MATERIALIZED VIEW'));
  const rules = sessionFactsSql('(project_id, session_id) IN settled', 'computed_at');
  expect(words(view)).toContain(words(`FROM (${rules}\n)`));
});
