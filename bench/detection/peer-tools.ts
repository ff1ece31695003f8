import type { Page } from 'playwright-core';
import type { DetectionTool } from '../../tests/scenarios/support/detection-tool.js';
import type { TimedSignal } from './timed-signal.js';

/** Where the page keeps what a peer reported: localStorage survives the scenarios that navigate. */
const STORE = '__bench_signals';
const RECORD = `function __benchRecord(kind, t, element) {
  var list = JSON.parse(localStorage.getItem('${STORE}') || '[]');
  list.push({ kind: kind, t: t || Date.now(), element: element || '' });
  localStorage.setItem('${STORE}', JSON.stringify(list));
}`;

/** Each signal a peer reported, with the time it is about (ms since epoch) and what it named as the element. */
export const collectTimed = async (page: Page) =>
  (await page.evaluate(`JSON.parse(localStorage.getItem('${STORE}') || '[]')`)) as TimedSignal[];

const collect = async (page: Page) => (await collectTimed(page)).map((signal) => signal.kind);

/**
 * posthog-js (array.full.js) with autocapture, rage clicks and dead-click autocapture on;
 * `$rageclick` → rage_click, `$dead_click` → dead_click (read in `before_send`).
 */
export const posthogTool: DetectionTool = {
  name: 'posthog-js',
  head: (origin) => `<script src="/assets/posthog-full.js"></script><script>${RECORD}
posthog.init('phc_bench', { api_host: '${origin}/sink/ph', autocapture: true, rageclick: true,
  capture_dead_clicks: true, capture_pageview: true, disable_surveys: true, disable_session_recording: true,
  // Headless Chromium looks like a bot to posthog-js, which would drop every event.
  opt_out_useragent_filter: true,
  before_send: function (event) {
    var at = event && event.timestamp ? +new Date(event.timestamp) : 0;
    var text = event && event.properties ? event.properties.$el_text || '' : '';
    if (event && event.event === '$rageclick') __benchRecord('rage_click', at, text);
    if (event && event.event === '$dead_click') __benchRecord('dead_click', at, text);
    return event;
  } });</script>`,
  ready: async (page) => {
    await page.waitForFunction('window.posthog && window.posthog.__loaded');
  },
  // Its dead-click window is 2.5 s after the click.
  settleMs: 3_500,
  collect,
};

/**
 * Sentry browser + Replay: its click detector's breadcrumbs, as Sentry's UI reads them —
 * `ui.slowClickDetected` ending in a timeout (7 s) is a dead click, one with 5+ clicks a
 * rage click, one ending with a late mutation (after 3 s) a slow click.
 */
export const sentryTool: DetectionTool = {
  name: 'Sentry Replay',
  head: (origin) => `<script src="/assets/sentry.js"></script><script>${RECORD}
Sentry.init({ dsn: '${origin.replace('//', '//public@')}/sink/1', replaysSessionSampleRate: 1.0, replaysOnErrorSampleRate: 1.0,
  integrations: [Sentry.replayIntegration({ maskAllText: false, maskAllInputs: true,
    beforeAddRecordingEvent: function (event) {
      var crumb = event.data && event.data.tag === 'breadcrumb' ? event.data.payload : null;
      if (crumb && crumb.category === 'ui.slowClickDetected') {
        var at = Math.round(crumb.timestamp * 1000), where = crumb.message || '';
        if (crumb.data.endReason === 'timeout') __benchRecord('dead_click', at, where);
        else __benchRecord('slow_click', at, where);
        if (crumb.data.clickCount >= 5) __benchRecord('rage_click', at, where);
      }
      return event;
    } })] });</script>`,
  ready: async (page) => {
    await page.waitForFunction('window.Sentry && window.Sentry.init');
  },
  // Its slow-click timeout is 7 s, checked every second.
  settleMs: 9_000,
  collect,
};
