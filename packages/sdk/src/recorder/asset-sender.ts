import { ASSET_BODIES_ASK_AFTER_MS, ASSET_BODIES_MAX_PER_PAGE_BYTES, ASSET_BODY_MAX_BYTES } from '../constants.js';
import type { RecorderConfig } from '../types.js';
import { guard } from '../util/guard.js';

/** What is ever sent: stylesheets, fonts and images, never a page or a script. */
const SENT_TYPES = /^(text\/css|font\/|image\/|application\/(font-|x-font-|vnd\.ms-fontobject))/i;

/**
 * Sends the bodies of same-origin assets the server could not fetch (behind sign-in, on an
 * intranet), when the project enables it: some time after the page's assets were listed, the
 * server is asked which it wants (`GET /v1/assets/wanted`, which also says whether the project
 * takes them at all); each is fetched from the page's own origin with its credentials, in idle
 * time, one at a time, and posted to `POST /v1/assets` if it is CSS, a font or an image within
 * ASSET_BODY_MAX_BYTES and the page's ASSET_BODIES_MAX_PER_PAGE_BYTES.
 */
export function startAssetSender(config: RecorderConfig) {
  const sent = new Set<string>();
  const base = `${config.endpoint}/v1/assets`;
  const query = `?key=${encodeURIComponent(config.key)}&session=${encodeURIComponent(config.session)}`;
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const sendOne = async (url: string) => {
    await new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(resolve));
    const response = await fetch(url, { credentials: 'same-origin', cache: 'force-cache' });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !SENT_TYPES.test(type)) return;
    const body = await response.blob();
    if (stopped || body.size > ASSET_BODY_MAX_BYTES || total + body.size > ASSET_BODIES_MAX_PER_PAGE_BYTES) return;
    total += body.size;
    await fetch(`${base}${query}&url=${encodeURIComponent(url)}`, {
      method: 'POST',
      body,
      headers: { 'content-type': type },
    });
  };

  const ask = async () => {
    timer = undefined;
    const wanted = (await (await fetch(`${base}/wanted${query}`)).json()) as { enabled?: boolean; urls?: string[] };
    for (const url of (wanted.enabled && wanted.urls) || []) {
      if (stopped || sent.has(url) || new URL(url, location.href).origin !== location.origin) continue;
      sent.add(url);
      await sendOne(url).catch(() => undefined);
    }
  };

  return {
    /** The page's assets were listed: ask once the recording carrying the list has reached the server. */
    listed() {
      if (!stopped)
        timer ??= setTimeout(
          guard(() => void ask().catch(() => undefined)),
          ASSET_BODIES_ASK_AFTER_MS,
        );
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
