import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sessionFactsSql } from '../../src/analytics/session-facts-sql.js';
import { loadMigrations } from '../../src/store/migrate.js';

const file = readFileSync(new URL('../../migrations/0016_scroll_baseline.sql', import.meta.url), 'utf8');

test('the refresh view computes session facts with the rules reports use for live sessions', () => {
  // The file does not spell the rules out: the view's query is the code's, expanded on load.
  expect(file).toContain('FROM ({{session_facts_sql}}\n)');
  const migration = loadMigrations().find((candidate) => candidate.name === '0016_scroll_baseline');
  const rules = sessionFactsSql('(project_id, session_id) IN settled', 'computed_at');
  expect(migration?.sql).toContain(`FROM (${rules}\n)`);
  expect(migration?.sql).not.toContain('{{session_facts_sql}}');
});
