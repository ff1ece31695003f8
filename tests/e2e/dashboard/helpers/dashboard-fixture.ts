import { randomUUID } from 'node:crypto';
import type { RunningServer } from '@snag/server';
import type { Browser, BrowserContext } from 'playwright-core';
import { type Shop, startShop } from '../../../../examples/demo-shop/shop-server.js';
import { type SimulatedSession, simulate } from '../../../../examples/demo-shop/simulate.js';
import { launchBrowser } from '../../../helpers/browser.js';
import { ADMIN_TOKEN, PROJECT_KEY, removeDataDir, startSnag } from '../../../helpers/snag-server.js';

export { ADMIN_TOKEN, PROJECT_KEY };

/** One of each persona: a happy buyer, a confused visitor (quick back on the size guide), an impatient one. */
const SIMULATED_SESSIONS = 3;

export interface DashboardFixture {
  snag: RunningServer & { dataDir: string };
  shop: Shop;
  browser: Browser;
  sessions: SimulatedSession[];
  close(): Promise<void>;
}

/** Real Snag, the demo shop, and Chromium that has driven the personas through the shop. */
export async function startDashboardFixture(): Promise<DashboardFixture> {
  const snag = await startSnag();
  const shop = await startShop({ snagUrl: snag.url, key: PROJECT_KEY });
  const browser = await launchBrowser();
  const sessions = await simulate({ browser, shopUrl: shop.url, sessions: SIMULATED_SESSIONS });
  return {
    snag,
    shop,
    browser,
    sessions,
    close: async () => {
      await browser.close();
      await shop.close();
      await snag.close();
      removeDataDir(snag.dataDir);
    },
  };
}

/** An admin-token GET of the API, for comparing what the dashboard shows with what the API says. */
export async function api<T>(snagUrl: string, path: string): Promise<T> {
  const res = await fetch(`${snagUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const SETTLE_POLL_MS = 1_000;
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * Waits until the last batches the visitors sent on leaving are stored: the hotspots
 * and the session list read the same twice in a row. On a loaded machine those
 * batches can land after the simulation ends, and a screen loaded before them would
 * disagree with an API call made after.
 */
export async function waitForSettledData(snagUrl: string): Promise<void> {
  // What the data says, without what moves with the clock (ranges, "last seen").
  const snapshot = async () => {
    const { hotspots } = await api<{ hotspots: Array<Record<string, unknown>> }>(snagUrl, '/projects/default/hotspots');
    const { sessions } = await api<{ sessions: Array<Record<string, unknown>> }>(snagUrl, '/projects/default/sessions');
    return JSON.stringify([
      hotspots.map((hotspot) => [hotspot.path, hotspot.kind, hotspot.occurrences, hotspot.sessions]),
      sessions.map((session) => [session.id, session.signals, session.pages]),
    ]);
  };
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let previous = await snapshot();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const current = await snapshot();
    if (current === previous) return;
    if (Date.now() > deadline) throw new Error('the recorded sessions kept changing');
    previous = current;
  }
}

/** A browser context signed in through the real cookie-session endpoint. */
export async function signedInContext(browser: Browser, snagUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: snagUrl, viewport: { width: 1280, height: 800 } });
  const res = await context.request.post('/api/v1/auth/login', { data: { token: ADMIN_TOKEN } });
  if (!res.ok()) throw new Error(`sign-in answered ${res.status()}`);
  return context;
}

interface StoredPageEvent {
  type: string;
  t: number;
  page_id: string;
  url: string;
  element?: { selector: string; tag: string; text: string; test_id?: string };
}

/**
 * Sends a struggle signal for a recorded session through the public ingest
 * endpoint, as the SDK's detectors do: on the session's last click on the
 * element with this `data-testid`, same page view and time. Returns the signal's time.
 */
export async function sendSignalOnLastClick(
  snagUrl: string,
  sessionId: string,
  testId: string,
  kind: string,
): Promise<number> {
  const { events, session } = await api<{ events: StoredPageEvent[]; session: { anonymous_id: string } }>(
    snagUrl,
    `/projects/default/sessions/${sessionId}`,
  );
  const click = events.filter((event) => event.type === 'click' && event.element?.test_id === testId).at(-1);
  if (!click?.element) {
    const seen = events.map((event) => `${event.type}:${event.element?.selector ?? event.url}`);
    throw new Error(`session ${sessionId} has no click on ${testId}: ${seen.join(', ')}`);
  }
  const t = click.t + 1;
  const res = await fetch(`${snagUrl}/v1/ingest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Snag-Key': PROJECT_KEY },
    body: JSON.stringify({
      v: 1,
      sdk: { name: 'dashboard-test', version: '1' },
      sent_at: Date.now(),
      session: { id: sessionId, anonymous_id: session.anonymous_id },
      events: [
        { id: randomUUID(), t, type: 'signal', kind, page_id: click.page_id, url: click.url, element: click.element },
      ],
    }),
  });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return t;
}
