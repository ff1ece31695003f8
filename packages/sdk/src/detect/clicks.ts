import { IGNORE_SELECTOR, within } from '../privacy/mask.js';
import { later } from '../util/guard.js';
import { listen } from '../util/lifetime.js';
import { actionableTarget, isLeavingLink, isTextSurface, nearRoot } from './actionable.js';
import type { OnInput, React } from './reactions.js';
import type { EmitSignal } from './signal.js';
import { textSelected } from './text-selected.js';
import type { DetectThresholds } from './thresholds.js';

interface Burst {
  target: Element | null;
  presses: Press[];
  deadReported?: boolean;
}

interface Press {
  /** pointerdown's timeStamp: the click's window opens here. */
  t: number;
  /** The element pressed, before resolving it to its actionable target. */
  pressed: Element;
  target: Element | null;
  x: number;
  y: number;
  /** Reactions inside this subtree are the press's own (productive repetition). */
  ownRoot: Element;
  burst: Burst;
  canBeDead: boolean;
  requests: number;
  /** Requests the press started that are still running. */
  running: number;
  /** First reaction of any kind after the press. */
  reaction?: number;
  /** A reaction came while this was the latest press; `nearby` when it was inside `ownRoot`. */
  own?: boolean;
  nearby?: boolean;
  errored?: boolean;
  /** Set by a task queued at pointerdown: an error before it is certainly the click's. */
  settled?: boolean;
}

export interface ClickDetector {
  react: React;
  /** A request is starting: returns its completion callback when a click started it. */
  request(): ((status: number) => void) | undefined;
  error(message: string): void;
  /** The page view ends: navigation answers every pending click, bursts are judged now. */
  endPage(): void;
}

/**
 * Rage, dead, slow and error clicks. A press opens its window at pointerdown (so
 * disabled controls, which get no `click`, still count and keyboard activation
 * never does); its target is the nearest actionable ancestor.
 */
export function detectClicks(thresholds: DetectThresholds, signal: EmitSignal, onInput: OnInput): ClickDetector {
  const open: Press[] = [];
  let last: Press | undefined;
  let burst: Burst | undefined;
  let burstTimer: ReturnType<typeof setTimeout> | undefined;

  const closeBurst = () => {
    clearTimeout(burstTimer);
    const closing = burst;
    burst = undefined;
    if (!closing) return;
    const { presses } = closing;
    let run = 0;
    let unanswered = 0;
    presses.forEach((press, i) => {
      const gap = press.t - (presses[i - 1]?.t ?? press.t);
      run = press.own ? 0 : gap > thresholds.rageClickGapMs ? 1 : run + 1;
      unanswered = Math.max(unanswered, run);
    });
    const productive = presses.every((press) => press.nearby);
    const first = presses[0] as Press;
    if (
      (unanswered >= thresholds.rageClickMinClicks ||
        (presses.length >= thresholds.rageClickAnyMinClicks && !productive)) &&
      // Double / triple-clicking text selects it: that is not rage.
      (closing.target || !textSelected())
    ) {
      signal('rage_click', first.t, first.target ?? first.pressed, { clicks: presses.length });
    }
  };

  const judge = (press: Press) => {
    const elapsed = performance.now() - press.t;
    if (!open.includes(press) || elapsed < thresholds.deadClickMs) return;
    // Still waiting on a request the click started: judged when it is done.
    if (press.running && press.reaction === undefined && elapsed < thresholds.clickMaxWaitMs) return;
    open.splice(open.indexOf(press), 1);
    if (press.errored) return;
    if (press.reaction !== undefined) {
      const wait = press.reaction - press.t;
      if (press.requests && wait > thresholds.slowClickMs)
        signal('slow_click', press.t, press.target, { wait_ms: Math.round(wait) });
    } else if (press.canBeDead && !press.burst.deadReported) {
      press.burst.deadReported = true;
      signal('dead_click', press.t, press.target, {
        waited_ms: Math.round(elapsed),
        disabled: !!press.target?.matches(':disabled,[aria-disabled=true]'),
      });
    }
  };

  const reportError = (press: Press, details: Record<string, string | number>) => {
    if (press.errored) return;
    press.errored = true;
    signal('error_click', press.t, press.target ?? press.pressed, details);
  };

  const onPointerDown = (event: PointerEvent) => {
    const raw = event.target;
    if (!(raw instanceof Element) || !event.isPrimary) return;
    const t = event.timeStamp;
    onInput(t);
    if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (within(raw, IGNORE_SELECTOR) || raw.closest('canvas')) return;
    const target = actionableTarget(raw);
    if (target && isTextSurface(target)) return;
    const previous = burst?.presses[burst.presses.length - 1];
    if (
      !burst ||
      !previous ||
      t - previous.t > thresholds.rageClickAnyGapMs ||
      burst.target !== target ||
      (!target && Math.hypot(event.pageX - previous.x, event.pageY - previous.y) > thresholds.rageClickRadiusPx)
    ) {
      closeBurst();
      burst = { target, presses: [] };
    }
    const press: Press = {
      t,
      pressed: raw,
      target,
      x: event.pageX,
      y: event.pageY,
      ownRoot: nearRoot(target ?? raw, thresholds.reactionNearLevels),
      burst,
      canBeDead: !!target && !isLeavingLink(target),
      requests: 0,
      running: 0,
    };
    burst.presses.push(press);
    open.push(press);
    last = press;
    clearTimeout(burstTimer);
    burstTimer = later(closeBurst, thresholds.rageClickAnyGapMs);
    later(() => judge(press), thresholds.deadClickMs);
    later(() => judge(press), thresholds.clickMaxWaitMs);
    later(() => {
      press.settled = true;
    }, 0);
  };

  const react: React = (time, node, focus) => {
    open.forEach((press, i) => {
      // Focus landing on the pressed element (or around it) is the press itself, not a reaction.
      if (press.t > time || (focus && node && (node === press.pressed || node.contains(press.pressed)))) return;
      press.reaction ??= time;
      // A node that changed answers the latest press only; page-wide reactions answer all.
      if (node && i < open.length - 1) return;
      press.own = true;
      if (!node || press.ownRoot.contains(node)) press.nearby = true;
    });
  };

  listen(window, 'pointerdown', onPointerDown);
  return {
    react,
    request() {
      const press = last;
      if (!press || performance.now() - press.t > thresholds.clickRequestMs) return undefined;
      press.requests++;
      press.running++;
      return (status) => {
        press.running--;
        if (status === 0 || status >= 500) reportError(press, { status });
        if (!press.running) later(() => judge(press), thresholds.clickRenderGraceMs);
      };
    },
    error(message) {
      const press = last;
      if (press && (!press.settled || performance.now() - press.t <= thresholds.errorClickMs)) {
        reportError(press, { message });
      }
    },
    endPage() {
      react(performance.now());
      closeBurst();
    },
  };
}
