import type { ElementDescription, PublicQuestion, SignalEvent } from '@snag/protocol';

/**
 * The first question aimed at this struggle: of its kind (or any), on
 * this page (a path pattern: `:name` is one segment, a trailing `*` anything), at this
 * hotspot (its page and element key), for this release.
 */
export function pickQuestion(
  questions: readonly PublicQuestion[],
  signal: SignalEvent,
  path: string,
  release: string | undefined,
): PublicQuestion | undefined {
  return questions.find(
    (question) =>
      (!question.kinds[0] || question.kinds.includes(signal.kind)) &&
      (!question.paths[0] || question.paths.some((pattern) => matchesPath(pattern, path))) &&
      (!question.hotspot ||
        (matchesPath(question.hotspot.path, path) &&
          !!signal.element &&
          elementKey(signal.element) === question.hotspot.element)) &&
      (!question.release || question.release === release),
  );
}

/** Whether a path fits a pattern such as `/orders/:id` or `/help/*` (a plain path fits itself). */
export function matchesPath(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:[\w-]+/g, '[^/]+')
    .replace(/\*$/, '.*');
  return new RegExp(`^${source}/?$`).test(path);
}

/** An element's hotspot key, as the server derives it: its test id, else its ARIA label, else its selector. */
export function elementKey(element: ElementDescription): string {
  if (element.test_id) return `[data-testid="${element.test_id}"]`;
  if (element.aria_label) return `${element.tag}[aria-label="${element.aria_label}"]`;
  return element.selector;
}
