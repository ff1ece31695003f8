import type { Browser, BrowserContextOptions } from 'playwright-core';
import { PERSONAS } from './personas.js';

/** Releases the visitors come from: the first half of the sessions on the older one. */
export const DEMO_RELEASES = ['1.4.0', '1.5.0'] as const;
/** Sessions driven at once (2 cores: Chromium, Snag and ClickHouse share them). */
const CONCURRENCY = 2;
/** Every third visitor is on a phone, for the heatmap's device switch. */
const MOBILE_EVERY = 3;

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const MOBILE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
};

export interface SimulatedSession {
  index: number;
  persona: string;
  release: string;
  device: 'desktop' | 'mobile';
  sessionId: string | null;
}

/** A seeded pick, so the same run visits the same products. */
function picker(seed: number) {
  let state = seed;
  return (count: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % count;
  };
}

/**
 * Drives `sessions` visitors through the shop in real Chromium, one fresh browser
 * context (so one new Snag session) each, cycling through the personas. Each
 * session flushes the SDK before its context closes, so nothing is left unsent.
 */
export async function simulate(options: {
  browser: Browser;
  shopUrl: string;
  sessions: number;
  /** Visitors answer (or dismiss) the question asked at their struggle; the demo creates one. */
  answers?: boolean;
  onSession?: (session: SimulatedSession) => void;
}): Promise<SimulatedSession[]> {
  const names = Object.keys(PERSONAS) as Array<keyof typeof PERSONAS>;
  const done: SimulatedSession[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.sessions) {
      const index = next++;
      const persona = names[index % names.length] ?? 'happy buyer';
      const release = index < options.sessions / 2 ? DEMO_RELEASES[0] : DEMO_RELEASES[1];
      const device = index % MOBILE_EVERY === MOBILE_EVERY - 1 ? 'mobile' : 'desktop';
      const context = await options.browser.newContext(device === 'mobile' ? MOBILE : DESKTOP);
      await context.addCookies([{ name: 'demo_release', value: release, url: options.shopUrl }]);
      const page = await context.newPage();
      let sessionId: string | null = null;
      try {
        await PERSONAS[persona](page, options.shopUrl, picker(index + 1), options.answers ?? false);
        sessionId = (await page.evaluate('window.snag && window.snag.getSessionId()')) as string | null;
        await page.evaluate('window.snag && window.snag.flush()');
      } finally {
        await context.close();
      }
      const session = { index, persona, release, device, sessionId } satisfies SimulatedSession;
      done.push(session);
      options.onSession?.(session);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return done.sort((a, b) => a.index - b.index);
}
