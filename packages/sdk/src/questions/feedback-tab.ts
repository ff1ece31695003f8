import type { PublicConfig, SignalEvent } from '@snag/protocol';
import type { CaptureContext } from '../types.js';
import { askQuestion, widgetState } from './ask-question.js';
import { isDarkPage } from './place-widget.js';

export type FeedbackTabSettings = NonNullable<PublicConfig['feedback']>;

/** The tab's styles in its shadow root: reset against the page like the widget's, a small button on the right edge. */
const TAB_CSS = `:host{all:initial!important;position:fixed!important;right:0!important;bottom:96px!important;display:block!important;z-index:2147483646!important;visibility:visible!important;opacity:1!important;transform:none!important}
.t{display:block;padding:10px 12px;border:0;border-radius:8px 0 0 8px;background:#4338ca;color:#fff;font:600 13px/1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.2)}
.t.d{background:#c7d2fe;color:#1f2937}
.t[hidden]{display:none}
.t:focus-visible{outline:2px solid #1f2937;outline-offset:2px}
@media print{:host{display:none!important}}`;

/**
 * The feedback tab (issue 15): a button on every page that opens the question widget with the
 * project's free-text question, with or without a struggle. The answer names the struggle that
 * preceded it on this page, if one did (`lastSignal`), so it also lands on that hotspot. The tab
 * is a real button (reached with Tab, opened with Enter or Space); it hides while the widget is
 * open and takes the focus back when it closes. Gone when the client stops (opt-out, consent withdrawn).
 */
export function showFeedbackTab(
  feedback: FeedbackTabSettings,
  ctx: CaptureContext,
  onStop: (fn: () => void) => void,
  lastSignal: () => SignalEvent | undefined,
): void {
  const host = document.createElement('snag-feedback');
  // The SDK's own clicks are not the page's: capture and detection skip them.
  host.setAttribute('data-snag-ignore', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = TAB_CSS;
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.className = isDarkPage() ? 't d' : 't';
  tab.textContent = feedback.label;
  tab.setAttribute('aria-haspopup', 'dialog');
  tab.addEventListener('click', () => {
    if (widgetState.showing) return;
    tab.hidden = true;
    const question = { id: feedback.question_id, text: feedback.text, options: [], other: false, follow_up: null };
    askQuestion({ ...question, type: 'text' }, lastSignal(), ctx, () => {
      tab.hidden = false;
      tab.focus();
    });
  });
  root.append(style, tab);
  const place = () => document.body.append(host);
  if (document.body) place();
  else addEventListener('DOMContentLoaded', place, { once: true });
  onStop(() => host.remove());
}
