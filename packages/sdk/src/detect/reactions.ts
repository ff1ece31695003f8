import { SCROLL_ANCHOR_MS } from '../constants.js';
import { guard } from '../util/guard.js';
import { listen, onStop } from '../util/lifetime.js';
import { textSelected } from './text-selected.js';
import type { DetectThresholds } from './thresholds.js';

/** `node` is what changed (none for page-wide reactions); `focus` marks a focus change, which the clicked element itself does not count for. */
export type React = (time: number, node?: Node, focus?: boolean) => void;

/** Told of a pointer press or a key press outside a text field: what follows soon is its reaction, not churn. */
export type OnInput = (time: number) => void;

/**
 * Drawn over a control without taking input or holding text (a ripple, a wave): decorative
 * feedback, which must not count as the control's reaction or it would hide a dead click.
 */
const decorative = (node: Node): boolean =>
  node instanceof Element && getComputedStyle(node).pointerEvents === 'none' && !node.textContent;

/**
 * Everything that counts as the page reacting, from one MutationObserver and a few
 * listeners. Nodes that were already changing on their own before the user acted
 * (a ticking clock, an auto-playing carousel) are churning: their changes are not reactions.
 */
export function watchReactions(thresholds: DetectThresholds, react: React): OnInput {
  let lastInput = -1e9;
  const churn = new WeakMap<Node, number>();
  let churnedAt = -1e9;
  const changed = (node: Node) => {
    const now = performance.now();
    if (!((churn.get(node) ?? -1e9) > lastInput - thresholds.domChurnMemoryMs)) react(now, node);
    else churnedAt = now;
    if (now - lastInput > thresholds.domChurnInputMs) churn.set(node, now);
  };
  const observer = new MutationObserver(
    guard((records: MutationRecord[]) => {
      // The head changes when scripts (the recorder among them) are added: not something the user sees.
      for (const { target, addedNodes } of records) {
        if (
          target !== document.head &&
          // Just after an input (the only time it matters, and cheap then): decorative changes are no reaction.
          !(
            performance.now() - lastInput < thresholds.deadClickMs &&
            [...(addedNodes.length ? addedNodes : [target])].every(decorative)
          )
        )
          changed(target);
      }
    }),
  );
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  onStop(() => observer.disconnect());
  const now = () => performance.now();
  listen(window, 'scroll', (event: Event) => {
    if (event.target instanceof Element) changed(event.target);
    else if (now() - churnedAt > SCROLL_ANCHOR_MS) react(now());
  });
  listen(window, 'input change', (event: Event) => react(now(), event.target as Node));
  listen(window, 'focusin', (event: FocusEvent) => react(now(), event.target as Node, true));
  // Capture phase on window also hears what is fired at the document (visibilitychange, selectionchange).
  listen(window, 'play submit pagehide popstate hashchange visibilitychange fullscreenchange', () => react(now()));
  listen(window, 'selectionchange', () => {
    if (textSelected()) react(now());
  });
  return (time) => {
    lastInput = time;
    // An endless animation running when the person acts (a skeleton's pulse, a spinner) marks the nodes up to 3
    // above it, below the body, as churning: the content replacing a skeleton is the page loading, not an answer.
    // Animations the document lists all have an effect whose target is in it; endless ones repeat Infinity times.
    for (const { effect } of document.getAnimations())
      if (((effect as KeyframeEffect).getTiming().iterations as number) > 1e9)
        for (
          let node = (effect as KeyframeEffect).target, level = 4;
          level-- && node && node !== document.body;
          node = node.parentElement
        )
          churn.set(node, time);
  };
}
