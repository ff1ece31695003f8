import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '@snag/server';
import { type GeneratedTruth, generateTraffic } from '../generate/index.js';

export const BENCH_END = Date.parse('2026-03-01T00:00:00Z');
export const BENCH_DAYS = 28;

/**
 * Generates the benchmark data once per data folder (a marker file records what
 * was generated), so repeated runs measure queries, not the generator.
 */
export async function seedOnce(
  store: Store,
  dataDir: string,
  options: { sessions: number; padding: number },
): Promise<{ truth: GeneratedTruth; seconds: number; reused: boolean }> {
  const marker = path.join(dataDir, `bench-${options.sessions}-${options.padding}.json`);
  if (existsSync(marker)) {
    return { truth: JSON.parse(readFileSync(marker, 'utf8')) as GeneratedTruth, seconds: 0, reused: true };
  }
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  await store.insert('projects', [{ id: 'bench', name: 'bench', created_at: now, updated_at: now }]);
  const started = performance.now();
  const truth = await generateTraffic(store, {
    project: 'bench',
    sessions: options.sessions,
    days: BENCH_DAYS,
    end: BENCH_END,
    seed: 42,
    paddingPerPage: options.padding,
    batchRows: 200_000,
  });
  const seconds = (performance.now() - started) / 1_000;
  writeFileSync(marker, JSON.stringify({ ...truth, plantedSessions: {} }));
  return { truth, seconds, reused: false };
}
