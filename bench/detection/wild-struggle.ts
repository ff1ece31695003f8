import type { Browser } from 'playwright-core';
import { playToScript } from '../../tests/helpers/paced-presses.js';
import { mapPool } from '../../tests/scenarios/support/run-scenario.js';
import { startWildServer } from '../wild/server.js';
import { WILD_STRUGGLES, waitUntilLoaded } from '../wild/struggle.js';
import { printKindTable } from './kind-table.js';
import { type KindScore, type Outcome, scoreKinds } from './score.js';
import { visitPage, type WildTool } from './wild-run.js';

const STRUGGLE_CONCURRENCY = 3;

/** The struggle cases to play: all, or those named in `SNAG_WILD_CASES=a,b` (when working on some). */
function chosenStruggles() {
  const only = process.env.SNAG_WILD_CASES?.split(',').filter(Boolean);
  return WILD_STRUGGLES.filter((struggle) => !only || only.includes(struggle.name));
}

/** The struggle cases on the wild pages with one tool: which kinds each produced. */
async function playStruggles(browser: Browser, wildTool: WildTool, assets: Map<string, Buffer>): Promise<Outcome[]> {
  const site = await startWildServer(wildTool.tool.head, assets);
  try {
    return await mapPool(chosenStruggles(), STRUGGLE_CONCURRENCY, async (struggle): Promise<Outcome> => {
      const { result: visit, replayed } = await playToScript(struggle.name, () =>
        visitPage(browser, site.origin, struggle.page, wildTool, async (person) => {
          if (!struggle.early) await waitUntilLoaded(person, struggle.page);
          await struggle.run(person);
        }),
      );
      for (const reason of replayed) console.log(`  played ${struggle.name} again: ${reason}`);
      if (visit.failure) console.log(`  UNFINISHED ${struggle.name}: ${visit.failure}`);
      return {
        scenario: struggle.name,
        expected: [...struggle.expected].sort(),
        found: [...new Set(visit.signals.map((signal) => signal.kind))].sort(),
      };
    });
  } finally {
    await site.close();
  }
}

/** Plays the wild struggle cases with every tool and prints precision and recall per kind. */
export async function runWildStruggles(
  browser: Browser,
  tools: WildTool[],
  assets: Map<string, Buffer>,
): Promise<void> {
  const results: Array<{ tool: string; scores: KindScore[] }> = [];
  for (const wildTool of tools) {
    const outcomes = await playStruggles(browser, wildTool, assets);
    console.log(`\n${wildTool.tool.name}: ${outcomes.length} struggle cases on the wild pages`);
    for (const { scenario, expected, found } of outcomes) {
      const ok = expected.join() === found.join();
      console.log(
        `  ${ok ? 'ok  ' : 'MISS'} ${scenario.padEnd(32)} expected ${expected.join('+') || '-'}; found ${found.join('+') || '-'}`,
      );
    }
    results.push({ tool: wildTool.tool.name, scores: scoreKinds(outcomes) });
  }
  console.log(
    `\nPrecision (P) and recall (R) per kind over ${chosenStruggles().length} struggle cases on the wild pages\n`,
  );
  printKindTable(results);
}
