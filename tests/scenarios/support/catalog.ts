import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from './scenario.js';

export const SCENARIOS_DIR = join(import.meta.dirname, '..');

export interface CatalogEntry {
  scenario: Scenario;
  template: string;
}

/**
 * Every folder of tests/scenarios with a scenario.ts and a template.html, in name
 * order; `SNAG_SCENARIOS=a,b` narrows the run to those (when working on one).
 */
export async function loadScenarios(): Promise<CatalogEntry[]> {
  const only = process.env.SNAG_SCENARIOS?.split(',').filter(Boolean);
  const folders = readdirSync(SCENARIOS_DIR)
    .filter((name) => name !== 'support' && statSync(join(SCENARIOS_DIR, name)).isDirectory())
    .filter((name) => !only || only.includes(name))
    .sort();
  return Promise.all(
    folders.map(async (folder) => {
      const module = (await import(pathToFileURL(join(SCENARIOS_DIR, folder, 'scenario.ts')).href)) as {
        default: Scenario;
      };
      if (module.default.name !== folder) throw new Error(`scenario ${folder} is named ${module.default.name}`);
      return { scenario: module.default, template: join(SCENARIOS_DIR, folder, 'template.html') };
    }),
  );
}
