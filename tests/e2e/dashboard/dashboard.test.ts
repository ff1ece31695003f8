import type { Hotspot as ProtocolHotspot } from '@snag/protocol';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  api,
  type DashboardFixture,
  sendSignalOnLastClick,
  signedInContext,
  startDashboardFixture,
  waitForSettledData,
} from './helpers/dashboard-fixture.js';
import { collectConsoleErrors, seriousA11yViolations } from './helpers/page-checks.js';

/** The dashboard opens replays this long before a struggle (lib/constants.ts). */
const STRUGGLE_LEAD_IN_MS = 2_000;
/** How long a screen may take to show fresh results (vitest's poll gives up after 1 s by default). */
const UI_WAIT = { timeout: 15_000 };
/** The player's clock may sit a frame or two away from the requested offset. */
const PLAYER_CLOCK_TOLERANCE_MS = 100;
const POSTAL = '[data-testid="postal"]';

type Hotspot = Pick<ProtocolHotspot, 'path' | 'kind' | 'element' | 'sessions' | 'examples' | 'explanation'>;

let fixture: DashboardFixture;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
let confusedSession: string;
const a11y: Record<string, Awaited<ReturnType<typeof seriousA11yViolations>>> = {};

async function open(path: string, ready: string, screen: string): Promise<void> {
  await page.goto(path);
  await page.waitForSelector(ready);
  a11y[screen] = await seriousA11yViolations(page);
}

beforeAll(async () => {
  fixture = await startDashboardFixture();
  const confused = fixture.sessions.find((session) => session.persona === 'confused');
  if (!confused?.sessionId) throw new Error('the confused persona recorded no session');
  confusedSession = confused.sessionId;
  // Until the SDK's element detectors send them, the postal code's form struggle arrives the way they will.
  await sendSignalOnLastClick(fixture.snag.url, confusedSession, 'postal', 'form_struggle');
  await waitForSettledData(fixture.snag.url);
  context = await signedInContext(fixture.browser, fixture.snag.url);
  page = await context.newPage();
  consoleErrors = collectConsoleErrors(page);
});

afterAll(async () => {
  await context?.close();
  await fixture?.close();
});

describe('sign-in', () => {
  it('is required, refuses a wrong token, and lets the admin token in', async () => {
    const anonymous = await fixture.browser.newContext({ baseURL: fixture.snag.url });
    const signIn = await anonymous.newPage();
    await signIn.goto('/p/default/sessions?device=mobile');
    await signIn.waitForURL(/\/sign-in\?next=/);

    await signIn.click('text=Admin token');
    await signIn.fill('#admin-token', 'snag_admin_not-the-token');
    await signIn.click('button[type="submit"]');
    await expect(signIn.locator('#auth-error').textContent()).resolves.toContain('not valid');
    expect(signIn.url()).toContain('/sign-in');

    await signIn.fill('#admin-token', ADMIN_TOKEN);
    await signIn.click('button[type="submit"]');
    await signIn.waitForURL(/\/p\/default\/sessions\?device=mobile$/);
    const cookies = await anonymous.cookies();
    expect(cookies.find((cookie) => cookie.name === 'snag_session')?.httpOnly).toBe(true);
    expect(await signIn.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })')).not.toContain(ADMIN_TOKEN);
    await anonymous.close();
  });
});

describe('friction report', () => {
  it('ranks the hotspots the API ranks', async () => {
    const { hotspots } = await api<{ hotspots: Hotspot[] }>(fixture.snag.url, '/projects/default/hotspots');
    expect(hotspots.length).toBeGreaterThan(0);
    await open('/p/default', '.hotspot-table tbody tr', 'report');
    const names = await page.locator('.hotspot-table .hotspot-where code:first-child').allTextContents();
    expect(names).toEqual(hotspots.map((hotspot) => hotspot.path));
  });

  it('titles hotspots by what people see, with the page and the selector below', async () => {
    const titles = await page.locator('.hotspot-table .hotspot-name').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['Postal code (text field)', 'Pay now (button)']));
    const postal = page.locator('.hotspot-table .hotspot-title', { hasText: 'Postal code (text field)' }).first();
    await expect(postal.locator('.hotspot-where').textContent()).resolves.toBe(`on /checkout · ${POSTAL}`);
  });

  it('explains each hotspot in a sentence whose figures open the sessions they count', async () => {
    const { hotspots } = await api<{ hotspots: Hotspot[] }>(fixture.snag.url, '/projects/default/hotspots');
    const leads = await page.locator('.hotspot-table .explanation-lead').allTextContents();
    expect(leads).toEqual(hotspots.map((hotspot) => hotspot.explanation[0]?.text));
    const figure = page.locator('.hotspot-table .explanation-lead a.figure-link').first();
    const href = (await figure.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/p\/default\/sessions\?/);
    const first = hotspots[0]?.explanation[0]?.links[0]?.sessions ?? {};
    for (const [key, value] of Object.entries(first))
      expect(new URL(href, 'http://x').searchParams.get(key)).toBe(String(value));
  });

  it('shows the latest day in the chart legend before any hover, and a sidebar as tall as the page', async () => {
    await page.waitForSelector('.time-chart .u-legend');
    const legend = await page.locator('.time-chart .u-legend').textContent();
    expect(legend).toContain('(latest)');
    expect(legend).not.toContain('--');
    // A window shorter than the report: the dark column still reaches the bottom of the page.
    await page.setViewportSize({ width: 1280, height: 500 });
    const sidebar = (await page.locator('.sidebar').boundingBox())?.height ?? 0;
    const pageHeight = (await page.evaluate('document.documentElement.scrollHeight')) as number;
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(pageHeight).toBeGreaterThan(500);
    expect(sidebar).toBeGreaterThanOrEqual(pageHeight - 1);
  });

  it('filters by kind through the URL', async () => {
    await page.selectOption('select[name="kind"]', 'quick_back');
    await page.waitForURL(/kind=quick_back/);
    const { hotspots } = await api<{ hotspots: Hotspot[] }>(
      fixture.snag.url,
      '/projects/default/hotspots?kind=quick_back',
    );
    await expect.poll(() => page.locator('.hotspot-table tbody tr').count(), UI_WAIT).toBe(hotspots.length);
    const badges = await page.locator('.hotspot-table .kind-badge').allTextContents();
    expect(badges.every((badge) => badge === 'Quick back')).toBe(true);
  });
});

describe('report share links', () => {
  const LINKS = 'section[aria-labelledby="share-links-heading"]';

  it('an admin makes a link, it opens signed out, is listed, and stops at once when revoked', async () => {
    await page.goto('/p/default');
    await page.waitForSelector(`${LINKS} .state-empty`);
    await page.click('.export-actions button:has-text("Share")');
    await page.selectOption('.share-box select', '30d');
    a11y['report-share'] = await seriousA11yViolations(page);
    await page.click('.share-box button[type="submit"]');
    const url = await page.inputValue('.share-box input[aria-label="Share link"]');
    expect(url).toMatch(new RegExp(`^${fixture.snag.url}/shared/snag_shr_[\\w-]+$`));
    await expect.poll(() => page.locator(`${LINKS} tbody tr`).count(), UI_WAIT).toBe(1);
    await expect(page.locator(`${LINKS} tbody tr td`).nth(1).textContent()).resolves.toBe('Admin token');

    const anonymous = await fixture.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const shared = await anonymous.newPage();
    await shared.goto(url);
    await shared.waitForSelector('.shared-report .table tbody tr');
    a11y.shared = await seriousA11yViolations(shared);

    await page.click(`${LINKS} button:has-text("Revoke")`);
    await page.click(`${LINKS} button:has-text("Revoke now")`);
    await page.waitForSelector(`${LINKS} .state-empty`);
    await shared.reload();
    await expect(shared.locator('.state-error').getAttribute('data-code')).resolves.toBe('share_link_not_found');
    await expect(shared.locator('.state-error h3').textContent()).resolves.toBe('This link no longer works');
    await anonymous.close();
  });
});

describe('hotspot view and replay', () => {
  let hotspot: Hotspot;

  beforeAll(async () => {
    const { hotspots } = await api<{ hotspots: Hotspot[] }>(
      fixture.snag.url,
      '/projects/default/hotspots?kind=form_struggle',
    );
    const found = hotspots.find((entry) => entry.element?.key === POSTAL);
    if (!found) throw new Error('the form struggle hotspot is missing');
    hotspot = found;
  });

  it('outlines the element on the page as the user saw it', async () => {
    const query = new URLSearchParams({ path: hotspot.path, kind: hotspot.kind, element: hotspot.element?.key ?? '' });
    await open(`/p/default/hotspot?${query}`, '[data-testid="element-highlight"]', 'hotspot');
    const snapshot = page.frameLocator('[data-testid="page-snapshot"] iframe');
    await expect(snapshot.locator(POSTAL).count()).resolves.toBe(1);
  });

  it('opens an example session at the struggle, with the page in the player', async () => {
    const example = hotspot.examples[0];
    if (!example) throw new Error('the hotspot has no example');
    await page.click('[data-testid="example-link"]');
    const expected = Math.max(0, example.offset_ms - STRUGGLE_LEAD_IN_MS);
    await page.waitForURL(new RegExp(`/sessions/${example.session_id}\\?t=${expected}$`));
    await page.waitForSelector('[data-testid="player"] iframe');
    const position = Number(await page.getAttribute('[data-testid="player-clock"]', 'data-position'));
    expect(Math.abs(position - expected)).toBeLessThanOrEqual(PLAYER_CLOCK_TOLERANCE_MS);
    const player = page.frameLocator('[data-testid="player"] iframe');
    await expect(player.locator(POSTAL).count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="current-url"]').textContent()).resolves.toMatch(/\/checkout$/);
    a11y.replay = await seriousA11yViolations(page);
  });

  it('marks on the timeline every signal the API returns', async () => {
    const shownSession = hotspot.examples[0]?.session_id;
    const replay = await api<{ markers: Array<{ kind: string; offset_ms: number }> }>(
      fixture.snag.url,
      `/projects/default/sessions/${shownSession}/replay`,
    );
    const shown = await page
      .locator('.timeline-marker.marker-signal')
      .evaluateAll((markers) =>
        markers.map((marker) => `${marker.getAttribute('data-kind')}@${marker.getAttribute('data-offset')}`),
      );
    // Markers at the same moment may sit in either order on the timeline: compare them as sets.
    expect([...shown].sort()).toEqual(
      replay.markers.map((marker) => `${marker.kind}@${Math.round(marker.offset_ms)}`).sort(),
    );
    expect(replay.markers.map((marker) => marker.kind)).toContain('form_struggle');
  });
});

describe('sessions', () => {
  it('lists what the search API finds and narrows with the device filter', async () => {
    await open('/p/default/sessions', '.session-table tbody tr', 'sessions');
    const all = await api<{ sessions: unknown[] }>(fixture.snag.url, '/projects/default/sessions');
    await expect(page.locator('.session-table tbody tr').count()).resolves.toBe(all.sessions.length);
    await page.selectOption('select[name="device"]', { label: 'Mobile' });
    await page.waitForURL(/device=mobile/);
    const mobile = await api<{ sessions: unknown[] }>(fixture.snag.url, '/projects/default/sessions?device=mobile');
    expect(mobile.sessions.length).toBeLessThan(all.sessions.length);
    await expect.poll(() => page.locator('.session-table tbody tr').count(), UI_WAIT).toBe(mobile.sessions.length);
  });
});

describe('heatmap, trends, releases, install', () => {
  it('rebuilds the checkout page with click counts per element', async () => {
    await open('/p/default/heatmap?path=%2Fcheckout', '[data-testid="page-snapshot"][data-ready="true"]', 'heatmap');
    const heatmap = await api<{ elements: Array<{ clicks: number }> }>(
      fixture.snag.url,
      '/projects/default/heatmap?path=/checkout',
    );
    const listed = await page.locator('.element-list .element-figures .strong').allTextContents();
    expect(listed.map(Number)).toEqual(heatmap.elements.map((element) => element.clicks));
    await expect(page.locator('.element-count-pill').count()).resolves.toBeGreaterThan(0);
    await page.click('text=Scroll depth');
    await page.waitForURL(/layer=scroll/);
    await page.waitForSelector('[data-testid="scroll-layer"]');
  });

  it('charts the trends', async () => {
    await open('/p/default/trends?from=-24h', '.time-chart canvas', 'trends');
  });

  it('compares the two releases the visitors came from', async () => {
    await open('/p/default/releases', 'select[name]', 'releases');
    await page.waitForSelector('.stat-label:text("Unchanged")');
    expect(page.url()).toContain('/releases');
    const base = await page.inputValue('select[name="base"]');
    const head = await page.inputValue('select[name="head"]');
    const { same } = await api<{ same: unknown[] }>(
      fixture.snag.url,
      `/projects/default/releases/compare?from=-90d&base=${base}&head=${head}`,
    );
    expect(same.length).toBeGreaterThan(0);
    await page.click('details.disclosure > summary');
    await expect.poll(() => page.locator('details.disclosure tbody tr').count(), UI_WAIT).toBe(same.length);
    a11y.releases = await seriousA11yViolations(page);
  });

  it('shows the script tag with the project key and turns green once events arrive', async () => {
    await open('/p/default/install', '.install-check[data-state="live"]', 'install');
    const { public_keys: keys } = await api<{ public_keys: string[] }>(fixture.snag.url, '/projects/default/keys');
    await expect(page.locator('.snippet code').first().textContent()).resolves.toContain(`data-key="${keys[0]}"`);
  });
});

describe('every screen', () => {
  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('has no serious or critical accessibility violation', () => {
    expect(Object.keys(a11y).sort()).toEqual(
      [
        'heatmap',
        'hotspot',
        'install',
        'releases',
        'replay',
        'report',
        'report-share',
        'sessions',
        'shared',
        'trends',
      ].sort(),
    );
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((screen) => [screen, []])));
  });
});
