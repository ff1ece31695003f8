import type { listen as Listen, patch as Patch } from '../util/lifetime.js';
import type { React } from './reactions.js';

/**
 * Effects a control can have outside the DOM, beyond those the core hears (playback, fullscreen,
 * navigation, visibility): a new window, the clipboard, the share sheet, vibration, printing, and a
 * download started from script (an `<a download>` the page calls `click()` on, usually never added to it).
 * Each is a page-wide reaction, so the press that caused it is not dead.
 */
export function watchOutsideEffects(react: React, listen: typeof Listen, patch: typeof Patch): void {
  // The core's react only marks open presses (it cannot throw), so the page's own call is never disturbed.
  const reacted = () => react(performance.now());
  // `when` says whether a call that returned at once had its effect; a promise's effect counts once it
  // resolved (a share sheet closed by the person did show), so a broken copy button stays dead. The page
  // gets a promise that settles as the original did.
  const hook = <T extends object>(
    target: T | undefined,
    name: keyof T,
    when?: (self: T, result: unknown) => unknown,
  ) => {
    if (typeof target?.[name] === 'function')
      patch(
        target,
        name,
        (original) =>
          function (this: T, ...args: unknown[]) {
            const result = (original as (...args: unknown[]) => unknown).apply(this, args);
            if (!(result instanceof Promise)) {
              if (when?.(this, result)) reacted();
              return result;
            }
            return result.then(
              (value) => {
                reacted();
                return value;
              },
              (error) => {
                if ((error as Error | undefined)?.name === 'AbortError') reacted();
                throw error;
              },
            );
          } as T[keyof T],
      );
  };
  // A window opened with `noopener` returns null: the call is the effect.
  hook(window, 'open', () => 1);
  hook(navigator.clipboard, 'writeText');
  hook(navigator.clipboard, 'write');
  hook(navigator, 'share');
  hook(navigator, 'vibrate', (_, accepted) => accepted);
  hook(HTMLAnchorElement.prototype, 'click', (anchor) => anchor.hasAttribute('download'));
  // execCommand('copy') and the browser's own copy fire `copy`; the print dialog fires beforeprint.
  listen(window, 'copy beforeprint', reacted);
}
