'use client';
/**
 * Calls `onWake` when the page may have slept: it became visible, the window got focus, or the
 * network came back. Timers run late (or not at all) in background tabs and sleeping laptops;
 * these events are the moment to re-check. Returns the unsubscribe function.
 */
export function subscribeToWakeEvents(onWake: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const onVisibility = (): void => {
    if (document.visibilityState !== 'hidden') onWake();
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('focus', onWake);
  window.addEventListener('online', onWake);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('focus', onWake);
    window.removeEventListener('online', onWake);
  };
}
