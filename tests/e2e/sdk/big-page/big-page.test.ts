import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RunningServer } from '@snag/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../../../helpers/app-server.js';
import { collectPageErrors, flush, recorderLoaded, sessionIdOf } from '../../../helpers/browser.js';
import { startScenario, stopScenario } from '../../../helpers/scenario.js';
import { type ReplayChunkRow, replayChunks, storedEvents } from '../../../helpers/snag-server.js';

let snag: RunningServer & { dataDir: string };
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  ({ snag, app, browser } = await startScenario(join(import.meta.dirname, 'template.html'), () => snag.url));
});

afterAll(() => stopScenario({ snag, app, browser }));

/** Cells compared at every moment: spread over the whole table (60,000+ cells). */
const SAMPLED = Array.from({ length: 61 }, (_, i) => i * 997);

interface Moment {
  t: number;
  cells: number;
  texts: Array<string | null>;
  /** The page's scroll position (the recorder reads it after the frame, never forcing a layout). */
  y: number;
}

type Recorded = { type: number; timestamp: number; data?: { tag?: string } };

/** How much later than the scroll itself its recorded position may be stamped on a loaded machine. */
const SCROLL_READ_LAG_MS = 5_000;

describe('recording a 60,000-cell page that changes 3,000 times a second', () => {
  it('records it, and the replay equals the live page at three moments', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/grid`);
    const sessionId = await sessionIdOf(page);
    await recorderLoaded(page);

    // The page changes all along, while the sliced snapshot is taken too; the replay starts where the
    // snapshot is complete (rrweb stamps its own snapshot the same way), and is compared after that.
    await snapshotStored(sessionId);
    const moments: Moment[] = [];
    await page.mouse.move(200, 200);
    for (let i = 0; i < 3; i++) {
      moments.push(await settledMoment(page));
      // The page is scrolled between the moments too: the first one is at the position the page had when the
      // snapshot was taken, the next ones at positions the recorder read from scroll events.
      await page.mouse.wheel(0, 700 * (i + 1));
      await page.waitForTimeout(1_500);
    }
    const last = moments[moments.length - 1] as Moment;
    // A scroll position is read after the next drawn frame (no forced layout), so under load its event can be
    // stamped well after the scroll: read the recording a little past the last moment to include it.
    const events = await recordedUntil(page, sessionId, last.t + SCROLL_READ_LAG_MS);

    expect(events.filter((event) => event.type === 2)).toHaveLength(1);
    expect(events.filter((event) => event.type === 5 && event.data?.tag === 'snag-paused')).toEqual([]);
    const replayed = await replayAt(
      events,
      moments.map((moment) => moment.t),
    );
    for (const [index, moment] of moments.entries()) {
      const { cells, texts } = replayed[index] ?? {};
      expect({ cells, texts }, `moment ${index + 1}`).toEqual({ cells: moment.cells, texts: moment.texts });
    }
    // Where the page was scrolled: the snapshot's own offset at the first moment, and every later position in
    // the recording's scroll events (their time is when the position was read, after a frame).
    expect(replayed[0]?.y).toBe(moments[0]?.y);
    const scrolledTo = events
      .filter((event) => event.type === 3 && (event.data as { source?: number } | undefined)?.source === 3)
      .map((event) => (event.data as { y?: number }).y);
    for (const moment of moments.slice(1)) expect(scrolledTo, `scroll to ${moment.y}`).toContain(moment.y);
    // The page was scrolled before the snapshot and between the moments.
    expect(moments[0]?.y).toBe(240);
    expect(moments[1]?.y).toBeGreaterThan(240);
    expect(moments[2]?.y).toBeGreaterThan(moments[1]?.y ?? 0);
    // The page changed between the moments, so each comparison saw a different page.
    expect(new Set(moments.map((moment) => JSON.stringify(moment))).size).toBe(moments.length);
    expect(errors).toEqual([]);

    const stored = await storedEvents(snag.url, sessionId);
    expect(stored.some((event) => event.type === 'custom' && event.name === '$replay_skipped')).toBe(false);
    await page.close();
  }, 600_000);
});

/**
 * The live page at a moment: the churn is held for a moment first, so that every change made
 * before it has been handed to the recorder (mutations are handed over once per frame, a scroll
 * position is measured with the frame after the scroll), and two frames are drawn.
 */
async function settledMoment(page: Page): Promise<Moment> {
  await page.evaluate('window.freeze()');
  await page.waitForTimeout(400);
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))))',
  );
  const moment = (await page.evaluate(`window.sample(${JSON.stringify(SAMPLED)})`)) as Moment;
  await page.evaluate('window.thaw()');
  return moment;
}

/** Waits until the page's first full snapshot has reached the server. */
async function snapshotStored(sessionId: string): Promise<void> {
  // Slices take what the page leaves of the main thread: on a busy machine the walk takes minutes.
  for (let attempt = 0; attempt < 600; attempt++) {
    if ((await replayChunks(snag, sessionId)).some((chunk) => chunk.full_snapshot === 1)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('no full snapshot reached the server');
}

/** The page's recorded events, once the server has stored them up to `until`. */
async function recordedUntil(page: Page, sessionId: string, until: number): Promise<Recorded[]> {
  for (let attempt = 0; attempt < 60; attempt++) {
    await flush(page);
    const chunks = await replayChunks(snag, sessionId);
    const events = chunks
      .filter((chunk: ReplayChunkRow) => chunk.page_id === chunks[0]?.page_id)
      .flatMap((chunk) => JSON.parse(chunk.data) as Recorded[]);
    if (events.some((event) => event.timestamp > until)) return events;
    await page.waitForTimeout(500);
  }
  throw new Error('the recording never reached the last moment');
}

/** Rebuilds the recording with rrweb's own Replayer and reads the rebuilt table at each time. */
async function replayAt(events: Recorded[], times: number[]): Promise<Array<Omit<Moment, 't'>>> {
  const sdkRequire = createRequire(join(import.meta.dirname, '../../../../packages/sdk/package.json'));
  const rrwebUmd = join(dirname(sdkRequire.resolve('rrweb')), 'rrweb.umd.cjs');
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: rrwebUmd });
    await page.evaluate(`window.recorded = ${JSON.stringify(events)}`);
    return (await page.evaluate(`(async ({ times, sampled }) => {
      const events = window.recorded;
      const replayer = new rrweb.Replayer(events, { root: document.body, mouseTail: false, showWarning: false });
      const start = events[0].timestamp;
      const seen = [];
      for (const t of times) {
        replayer.pause(t - start);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const cells = replayer.iframe.contentDocument.getElementsByTagName('td');
        seen.push({
          cells: cells.length,
          texts: sampled.map((i) => (cells[i] ? cells[i].textContent : null)),
          y: replayer.iframe.contentWindow.scrollY,
        });
      }
      return seen;
    })(${JSON.stringify({ times, sampled: SAMPLED })})`)) as Array<Omit<Moment, 't'>>;
  } finally {
    await page.close();
  }
}
