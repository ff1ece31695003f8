interface PostTaskScheduler {
  /** Default priority: user-visible. */
  postTask(callback: () => void): Promise<void>;
}

/**
 * Runs `callback` in a new task, so that the page's own input, rendering and timers get the main
 * thread in between: scheduler.postTask where the browser has it (not starved like
 * requestIdleCallback on a busy page), else a timer.
 */
export function yieldToPage(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler?.postTask) scheduler.postTask(callback).catch(() => undefined);
  else setTimeout(callback);
}
