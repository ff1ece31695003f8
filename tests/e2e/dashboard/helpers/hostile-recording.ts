import { randomUUID } from 'node:crypto';

/** What the hostile page tries to do to whoever views its recording. */
export const PAYLOAD = 'window.top.__pwned = (window.top.__pwned || 0) + 1';
export const HOSTILE_TEXT = '<img src=x onerror="window.top.__pwned=1">';

let nodeId = 0;
const element = (tagName: string, attributes: Record<string, string>, childNodes: object[] = []) => ({
  type: 2,
  tagName,
  attributes,
  childNodes,
  id: ++nodeId,
});
const text = (textContent: string) => ({ type: 3, textContent, id: ++nodeId });

/**
 * A batch of a session whose recorded page carries a script, inline event
 * handlers and `javascript:` URLs, with the same markup in clicked-element text
 * and an error message: everything a malicious or compromised site could send.
 */
export function hostileBatch(sessionId: string, now: number) {
  nodeId = 0;
  const url = 'https://evil.example/checkout';
  const page_id = `page-${sessionId}`;
  const snapshot = {
    type: 0,
    id: ++nodeId,
    childNodes: [
      { type: 1, name: 'html', publicId: '', systemId: '', id: ++nodeId },
      element('html', {}, [
        element('head', {}, [element('script', {}, [text(PAYLOAD)])]),
        element('body', { onload: PAYLOAD }, [
          element('h1', { id: 'title' }, [text('Checkout')]),
          element('img', { src: 'x', onerror: PAYLOAD }),
          element('a', { id: 'evil-link', href: `javascript:${PAYLOAD}` }, [text('Continue')]),
          element('button', { id: 'evil-button', onclick: PAYLOAD, 'data-testid': 'evil' }, [text(HOSTILE_TEXT)]),
          element('iframe', { srcdoc: `<script>${PAYLOAD}</script>` }),
        ]),
      ]),
    ],
  };
  const hostileElement = { selector: '#evil-button', tag: 'button', text: HOSTILE_TEXT, test_id: 'evil' };
  const base = { page_id, url };
  return {
    v: 1,
    sdk: { name: 'hostile', version: '1' },
    sent_at: now,
    session: { id: sessionId, anonymous_id: `anon-${sessionId}` },
    events: [
      {
        ...base,
        id: randomUUID(),
        t: now - 5_000,
        type: 'page',
        navigation: 'navigate',
        viewport: { width: 1024, height: 700 },
      },
      {
        ...base,
        id: randomUUID(),
        t: now - 4_900,
        type: 'replay',
        seq: 0,
        full_snapshot: true,
        encoding: 'json',
        events: [
          { type: 4, data: { href: url, width: 1024, height: 700 }, timestamp: now - 4_900 },
          { type: 2, data: { node: snapshot, initialOffset: { left: 0, top: 0 } }, timestamp: now - 4_899 },
        ],
      },
      { ...base, id: randomUUID(), t: now - 3_000, type: 'click', element: hostileElement, x: 20, y: 90 },
      { ...base, id: randomUUID(), t: now - 2_900, type: 'signal', kind: 'dead_click', element: hostileElement },
      { ...base, id: randomUUID(), t: now - 2_800, type: 'error', origin: 'error', message: HOSTILE_TEXT },
    ],
  };
}
