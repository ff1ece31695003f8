import type { Browser } from 'playwright-core';
import { PlayedOffScript } from '../../tests/helpers/paced-presses.js';
import type { DetectionTool } from '../../tests/scenarios/support/detection-tool.js';
import { mapPool } from '../../tests/scenarios/support/run-scenario.js';
import { Person } from '../wild/person.js';
import { startWildServer } from '../wild/server.js';
import type { WildPage } from '../wild/wild-page.js';
import type { TimedSignal } from './timed-signal.js';

/** A tool for the wild suite: its scenario face, and every signal it reported with its time. */
export interface WildTool {
  tool: DetectionTool;
  collectTimed(page: import('playwright-core').Page): Promise<TimedSignal[]>;
}

/** A false signal on a wild page, with the ordinary interaction it followed. */
export interface FalseSignal extends TimedSignal {
  widget: string;
  action: string;
}

export interface WildOutcome {
  page: string;
  library: string;
  interactions: number;
  signals: FalseSignal[];
  /** Set when the scripted use could not finish (the page broke or a widget was not found). */
  failure?: string;
}

/** How long a scripted step waits for its widget before the page's run is called unfinished (ms). */
const WIDGET_TIMEOUT_MS = 5_000;
/** How long a page and the tool under test may take to load (ms). */
const PAGE_LOAD_TIMEOUT_MS = 30_000;

/** How far before the interaction's log time a signal may be stamped and still belong to it (ms). */
const STAMP_SLACK_MS = 150;

function attribute(signal: TimedSignal, person: Person): FalseSignal {
  const before = person.log.filter((step) => step.at <= signal.t + STAMP_SLACK_MS);
  const step = before[before.length - 1];
  return { ...signal, widget: step?.widget ?? '(page load)', action: step?.action ?? '' };
}

export interface Visit {
  interactions: number;
  signals: FalseSignal[];
  failure?: string;
}

/**
 * One person's visit to a wild page with one tool, in a fresh browser context (its own session): load,
 * wait for the tool, play `run`, wait out the tool's verdict time, and read back every signal it reported.
 */
export async function visitPage(
  browser: Browser,
  origin: string,
  pageName: string,
  { tool, collectTimed }: WildTool,
  run: (person: Person) => Promise<void>,
): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    await page.goto(`${origin}/${pageName}/`, { timeout: PAGE_LOAD_TIMEOUT_MS });
    await tool.ready(page);
    // Only the scripted steps get the short timeout: loading a library-sized page on a busy machine takes longer.
    page.setDefaultTimeout(WIDGET_TIMEOUT_MS);
    const person = new Person(page, pageName.length * 7919);
    let failure: string | undefined;
    try {
      await run(person);
    } catch (error) {
      if (error instanceof PlayedOffScript) throw error;
      const last = person.log[person.log.length - 1];
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      failure = `${message} (after ${last ? `${last.widget}: ${last.action}` : 'loading'})`;
    }
    await page.waitForTimeout(tool.settleMs);
    const signals = (await collectTimed(page)).map((signal) => attribute(signal, person));
    return { interactions: person.interactions, signals, ...(failure ? { failure } : {}) };
  } finally {
    await context.close();
  }
}

/** Plays every wild page with one tool, `concurrency` pages at a time, each in a fresh context (its own session). */
export async function playWild(
  browser: Browser,
  pages: WildPage[],
  wildTool: WildTool,
  assets: Map<string, Buffer>,
  concurrency: number,
): Promise<WildOutcome[]> {
  const site = await startWildServer(wildTool.tool.head, assets);
  try {
    return await mapPool(pages, concurrency, async (wild): Promise<WildOutcome> => {
      const visit = await visitPage(browser, site.origin, wild.name, wildTool, wild.run);
      return { page: wild.name, library: wild.library, ...visit };
    });
  } finally {
    await site.close();
  }
}
