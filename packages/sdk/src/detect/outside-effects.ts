import type { listen as Listen, patch as Patch } from '../util/lifetime.js';
import type { React } from './reactions.js';

/**
 * Effects a control can have outside the DOM, beyond those the core hears (playback, fullscreen,
 * navigation, visibility): a new window, the clipboard, vibration, the share sheet, printing, and a
 * download started from script (an `<a download>` clicked by the page, usually never added to it).
 * Each is a page-wide reaction, so the press that caused it is not dead.
 */
export function watchOutsideEffects(react: React, listen: typeof Listen, patch: typeof Patch): void {
  const reacted = () => react(performance.now());
  const hook = <T extends object>(target: T | undefined, name: keyof T, when?: (self: T) => boolean) => {
    if (typeof target?.[name] === 'function')
      patch(
        target,
        name,
        (original) =>
          function (this: T, ...args: unknown[]) {
            // The page's own call must go through whatever happens here.
            try {
              if (!when || when(this)) reacted();
            } catch {}
            return (original as (...args: unknown[]) => unknown).apply(this, args);
          } as T[keyof T],
      );
  };
  hook(window, 'open');
  hook(navigator.clipboard, 'writeText');
  hook(navigator.clipboard, 'write');
  hook(navigator, 'vibrate');
  hook(navigator, 'share');
  hook(HTMLAnchorElement.prototype, 'click', (anchor) => anchor.hasAttribute('download'));
  // execCommand('copy') and the browser's own copy fire these; the print dialog fires beforeprint.
  listen(window, 'copy cut beforeprint', reacted);
}
