interface PostTaskScheduler {
  postTask(
    callback: () => void,
    options?: { priority?: 'user-blocking' | 'user-visible' | 'background' },
  ): Promise<void>;
}

/**
 * Runs `callback` in a new task, so that the page's own input, rendering and timers get the main
 * thread in between: scheduler.postTask where the browser has it, else a MessageChannel message
 * (not clamped like setTimeout, not starved like requestIdleCallback on a busy page).
 */
export function yieldToPage(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler?.postTask) {
    scheduler.postTask(callback, { priority: 'user-visible' }).catch(() => undefined);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(undefined);
}
